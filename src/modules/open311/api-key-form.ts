import { Type } from 'typebox';
import { defineForm, field } from '../../platform/web/components/read-form.ts';
import { apiKeyText as text } from './api-key-messages.ts';

/**
 * The form that creates a key: its name and its rate. Both are checked by the use case (createApiKey), the
 * empty name too, so that every problem is listed at once (a required field here would stop before the rate).
 */
export const apiKeyForm = defineForm(
  Type.Object({
    name: field.text({ maxLength: 64 }),
    rate: field.text({ maxLength: 6 }),
  }),
  {
    name: { 'zh-TW': text('zh-TW', 'nameLabel'), en: text('en', 'nameLabel') },
    rate: { 'zh-TW': text('zh-TW', 'rateLabel'), en: text('en', 'rateLabel') },
  },
);
