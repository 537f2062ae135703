import { Type } from 'typebox';
import { fieldLimits } from '../../platform/web/components/field-limits.ts';
import { defineForm, field } from '../../platform/web/components/read-form.ts';

import { petitionText as text } from './petition-messages.ts';
import { declineGrounds } from './petitions-schema.ts';

/** The forms of the petitions pages, each defined once (the forms kit reads them; CONTRIBUTING.md). */

const both = (key: Parameters<typeof text>[1]) => ({ 'zh-TW': text('zh-TW', key), en: text('en', key) });

// The type, the channel and the text are required, but checked by the use case (petitionProblems), so that
// the page lists them with every other problem at once (readForm's problems stop the use case).
const petitionFields = {
  typeCode: field.text({ maxLength: fieldLimits.token }),
  name: field.text({ maxLength: fieldLimits.personName }),
  email: field.text({ maxLength: fieldLimits.email }),
  phone: field.text({ maxLength: fieldLimits.phone }),
  address: field.text({ maxLength: fieldLimits.address }),
  districtCode: field.text({ maxLength: fieldLimits.token }),
  place: field.text({ maxLength: fieldLimits.address }),
  subject: field.text({ maxLength: fieldLimits.shortText }),
  text: field.text({ maxLength: fieldLimits.longText }),
};
const petitionLabels = {
  typeCode: both('typeLabel'),
  name: both('nameLabel'),
  email: both('emailLabel'),
  phone: both('phoneLabel'),
  address: both('addressLabel'),
  districtCode: both('districtLabel'),
  place: both('placeLabel'),
  subject: both('subjectLabel'),
  text: both('textLabel'),
};

/** The director's mailbox and the suggestion box (a citizen, on the web). */
export const mailboxForm = defineForm(Type.Object(petitionFields), petitionLabels);

/** The code that proves the contact. */
export const codeForm = defineForm(
  Type.Object({ code: field.text({ maxLength: fieldLimits.code, isRequired: true }) }),
  { code: both('codeLabel') },
);

/** Staff register a letter, an oral petition, a 1999 transfer or an e-mail. */
export const staffPetitionForm = defineForm(
  Type.Object({
    ...petitionFields,
    source: field.choice(['letter', 'oral', 'hotline_1999', 'email']),
    isEnglish: field.tick(),
    isReadBack: field.tick(),
  }),
  {
    ...petitionLabels,
    source: both('sourceLabel'),
    isEnglish: both('isEnglishLabel'),
    isReadBack: both('isReadBackLabel'),
  },
);

const versionField = { version: field.text({ maxLength: fieldLimits.token, isRequired: true }) };
const versionLabel = { version: { 'zh-TW': '版本', en: 'Version' } };

export const answerForm = defineForm(
  Type.Object({ ...versionField, answer: field.text({ maxLength: fieldLimits.longText, isRequired: true }) }),
  { ...versionLabel, answer: both('answerLabel') },
);

export const declineForm = defineForm(
  Type.Object({
    ...versionField,
    ground: field.choice(declineGrounds, { isRequired: true }),
    cited: field.text({ maxLength: fieldLimits.caseNumber }),
    reply: field.text({ maxLength: fieldLimits.longText, isRequired: true }),
  }),
  { ...versionLabel, ground: both('groundLabel'), cited: both('citedLabel'), reply: both('replyLabel') },
);

export const transferForm = defineForm(
  Type.Object({
    ...versionField,
    agency: field.text({ maxLength: fieldLimits.organisationName, isRequired: true }),
    letter: field.text({ maxLength: fieldLimits.longText, isRequired: true }),
  }),
  { ...versionLabel, agency: both('agencyLabel'), letter: both('letterLabel') },
);

/** The version as posted (a hidden field the page wrote); NaN when it is not a number. */
export function versionOf(typed: string): number {
  return /^\d{1,9}$/.test(typed.trim()) ? Number(typed.trim()) : Number.NaN;
}
