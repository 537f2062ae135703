import { Type } from 'typebox';
import { fieldLimits } from '../../../platform/web/components/field-limits.ts';
import { defineForm, field, type Words } from '../../../platform/web/components/read-form.ts';
import { trackText } from '../track/track-messages.ts';
import { type SatisfactionTextKey, satisfactionText } from './satisfaction-messages.ts';
import { commentMaxLength, satisfactionScores } from './satisfaction-rules.ts';

const words = (key: SatisfactionTextKey): Words => ({
  'zh-TW': satisfactionText('zh-TW', key),
  en: satisfactionText('en', key),
});

/** The question on /track: the case number and lookup code again (checked like a look-up), the score, a comment. */
export const satisfactionForm = defineForm(
  Type.Object({
    caseNumber: field.text({ maxLength: fieldLimits.caseNumber }),
    lookupCode: field.text({ maxLength: fieldLimits.code }),
    score: field.choice(satisfactionScores, { isRequired: true }),
    comment: field.text({ maxLength: commentMaxLength }),
  }),
  {
    caseNumber: { 'zh-TW': trackText('zh-TW', 'caseNumberLabel'), en: trackText('en', 'caseNumberLabel') },
    lookupCode: { 'zh-TW': trackText('zh-TW', 'lookupCodeLabel'), en: trackText('en', 'lookupCodeLabel') },
    // 「請選擇滿意度」 / "Choose the level of satisfaction".
    score: { 'zh-TW': satisfactionText('zh-TW', 'scoreLabel'), en: 'level of satisfaction' },
    comment: words('commentLabel'),
  },
);

/** The staff results' period. */
export const resultsFilterForm = defineForm(
  Type.Object({ from: field.text({ maxLength: 20 }), to: field.text({ maxLength: 20 }) }),
  { from: words('from'), to: words('to') },
);
