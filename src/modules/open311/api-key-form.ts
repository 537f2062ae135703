import { Type } from 'typebox';
import { defineForm, field } from '../../platform/web/components/read-form.ts';
import { apiKeyText as text } from './api-key-messages.ts';

/** The form that creates a key: its name and its rate (the use case checks both, every problem at once). */
export const apiKeyForm = defineForm(
  Type.Object({
    name: field.text({ maxLength: 64, isRequired: true }),
    rate: field.text({ maxLength: 6 }),
  }),
  {
    name: { 'zh-TW': text('zh-TW', 'nameLabel'), en: text('en', 'nameLabel') },
    rate: { 'zh-TW': text('zh-TW', 'rateLabel'), en: text('en', 'rateLabel') },
  },
);
