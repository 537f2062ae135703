import { Type } from 'typebox';
import { fieldLimits } from '../../../platform/web/components/field-limits.ts';
import { defineForm, field } from '../../../platform/web/components/read-form.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { type FaqTextKey, faqText } from './faq-messages.ts';

const both = (key: FaqTextKey) => ({ 'zh-TW': faqText('zh-TW', key), en: faqText('en', key) });

/** "Was this useful?" on an entry's public page: yes or no, and a comment if the reader wants. */
export const feedbackForm = defineForm(
  Type.Object({
    useful: field.choice(['yes', 'no'] as const, { isRequired: true }),
    comment: field.text({ maxLength: fieldLimits.longText }),
  }),
  { useful: both('feedbackChoice'), comment: both('feedbackComment') },
);

const codes = (maxItems: number) => field.ticks({ maxItems, maxLength: fieldLimits.token });

/**
 * The editor's form of an entry. The unit and the codes are picked from lists the page offers; the use case
 * checks them against what is loaded (faq-rules.ts `entryProblems`). `proposalId` carries the case answer
 * the entry is made of, when it is.
 */
export const entryForm = defineForm(
  Type.Object({
    questionZh: field.text({ maxLength: fieldLimits.shortText, isRequired: true }),
    questionEn: field.text({ maxLength: fieldLimits.shortText }),
    variantsZh: field.text({ maxLength: fieldLimits.longText }),
    variantsEn: field.text({ maxLength: fieldLimits.longText }),
    answerZh: field.text({ maxLength: fieldLimits.longText, isRequired: true }),
    answerEn: field.text({ maxLength: fieldLimits.longText }),
    unitCode: field.text({ maxLength: fieldLimits.token, isRequired: true }),
    relatedServiceCodes: codes(50),
    themeCodes: codes(50),
    cakeCodes: codes(50),
    serviceCodes: codes(50),
    proposalId: field.text({ maxLength: fieldLimits.token }),
  }),
  {
    questionZh: both('questionZh'),
    questionEn: both('questionEn'),
    variantsZh: both('variantsZh'),
    variantsEn: both('variantsEn'),
    answerZh: both('answerZh'),
    answerEn: both('answerEn'),
    unitCode: both('unitCode'),
    relatedServiceCodes: both('relatedServices'),
    themeCodes: both('themeCodes'),
    cakeCodes: both('cakeCodes'),
    serviceCodes: both('serviceCodes'),
    proposalId: { 'zh-TW': '問答建議', en: 'Proposal' },
  },
);

export type EntryFormValues = {
  questionZh: string;
  questionEn: string;
  variantsZh: string;
  variantsEn: string;
  answerZh: string;
  answerEn: string;
  unitCode: string;
  relatedServiceCodes: string[];
  themeCodes: string[];
  cakeCodes: string[];
  serviceCodes: string[];
  proposalId: string;
};

export const emptyEntryValues: EntryFormValues = {
  questionZh: '',
  questionEn: '',
  variantsZh: '',
  variantsEn: '',
  answerZh: '',
  answerEn: '',
  unitCode: '',
  relatedServiceCodes: [],
  themeCodes: [],
  cakeCodes: [],
  serviceCodes: [],
  proposalId: '',
};

/** The label of a language's words in a message, for labels built elsewhere. */
export function entryLabel(lang: Lang, name: keyof typeof entryForm.labels): string {
  return entryForm.labels[name][lang];
}
