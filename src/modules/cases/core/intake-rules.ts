import type { FieldProblem } from '../../../platform/http/errors.ts';
import { isPhoneNumber, normalisePhone } from '../../../platform/reference/phone-numbers.ts';
import { fieldLimits } from '../../../platform/web/components/field-limits.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { caseText } from './case-messages.ts';
import type { ServiceForCase } from './case-reference-cache.ts';
import { applicantTypes, caseChannels } from './case-vocabulary.ts';

/**
 * The rules of a new case, without the database: what an intake must hold (every problem at once, 一次告知)
 * and how the applicant block fills the service's own name and phone fields. openCase (open-case.ts) runs
 * them with the service version and the district it looked up.
 */

export interface OpenCaseInput {
  serviceCode: string;
  channel: string;
  applicantType: string;
  applicantName: string;
  applicantCompany?: string | undefined;
  applicantPhone?: string | undefined;
  applicantEmail?: string | undefined;
  applicantAddress?: string | undefined;
  applicantLang: string;
  consent: boolean;
  subject?: string | undefined;
  description: string;
  formData?: Record<string, string> | undefined;
  checklistReceived?: readonly string[] | undefined;
  districtCode?: string | undefined;
  address?: string | undefined;
  latitude?: number | undefined;
  longitude?: number | undefined;
  /** No extension may take the deadline past this many working days from receipt (a petition type's rule). */
  outerLimitWorkingDays?: number | undefined;
  /** The answer is approved by a supervisor before it is sent (a petition type's rule). */
  needsAnswerApproval?: boolean | undefined;
  /**
   * Registered by the petitions module (行政程序法 §168–173): the petition's own text is its content, so the
   * service's questions are not asked, and one without a name or a contact (a confidential reporter's is
   * kept apart) is registered too — §173 may decline it, but it is counted.
   */
  isPetitionIntake?: boolean | undefined;
  /**
   * A confidential applicant's contact (a 檢舉 reporter's): not on the case, where everyone who reads it would
   * see it, but kept apart for the notices only (cases-schema.ts caseConfidentialContacts).
   */
  confidentialContact?: { email: string; phone: string } | undefined;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The one reading of a phone number (extensions, +886, full-width): platform/reference/phone-numbers.ts. */
export { normalisePhone };

/** A text over its limit (platform/web/components/field-limits.ts), named in the reader's words. */
export function tooLongMessage(
  lang: Lang,
  name: 'applicantCompany' | 'applicantAddress' | 'address' | TextInputName,
  limit: number,
  length: number,
): string {
  return caseText(lang, 'textTooLong', { field: caseText(lang, `word_${name}`), limit, length });
}

/** The free-text inputs of a transition, each at most `fieldLimits.longText` (an agency's name shorter). */
export type TextInputName = 'publicNote' | 'internalNote' | 'resolution' | 'reason' | 'targetAgency';
export const transitionTextLimits: Readonly<Record<TextInputName, number>> = {
  publicNote: fieldLimits.longText,
  internalNote: fieldLimits.longText,
  resolution: fieldLimits.longText,
  reason: fieldLimits.longText,
  targetAgency: fieldLimits.organisationName,
};

/** Nothing given, or only spaces. */
export function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

/** Every problem of an intake at once (一次告知). Pure apart from the service and district it is given. */
export function validateOpenCase(
  input: OpenCaseInput,
  service: ServiceForCase | null,
  districtKnown: boolean,
  lang: Lang,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, code: string, message: string) => problems.push({ field, code, message });
  if (service === null) add('serviceCode', 'unknown', caseText(lang, 'serviceUnknown'));
  if (!(caseChannels as readonly string[]).includes(input.channel))
    add('channel', 'unknown', caseText(lang, 'channelUnknown'));
  if (!(applicantTypes as readonly string[]).includes(input.applicantType))
    add('applicantType', 'unknown', caseText(lang, 'applicantTypeUnknown'));
  // A field report (a photo of a pothole) may come from anyone: name and contact are optional there.
  const isFieldReport = service?.kind === 'field_report' || input.isPetitionIntake === true;
  if (isBlank(input.applicantName)) {
    if (!isFieldReport) add('applicantName', 'required', caseText(lang, 'applicantNameRequired'));
  } else if (input.applicantName.trim().length > fieldLimits.personName)
    add(
      'applicantName',
      'too_long',
      caseText(lang, 'applicantNameTooLong', { limit: fieldLimits.personName }),
    );
  for (const [name, limit] of [
    ['applicantCompany', fieldLimits.organisationName],
    ['applicantAddress', fieldLimits.address],
    ['address', fieldLimits.address],
  ] as const) {
    const length = (input[name] ?? '').trim().length;
    if (length > limit) add(name, 'too_long', tooLongMessage(lang, name, limit, length));
  }
  if (input.applicantType === 'company' && isBlank(input.applicantCompany))
    add('applicantCompany', 'required', caseText(lang, 'companyRequired'));
  const phone = normalisePhone(input.applicantPhone);
  const email = (input.applicantEmail ?? '').trim();
  if (phone === '' && email === '' && !isFieldReport)
    add('applicantPhone', 'required', caseText(lang, 'contactRequired'));
  if (phone !== '' && !isPhoneNumber(phone)) add('applicantPhone', 'invalid', caseText(lang, 'phoneInvalid'));
  if (email !== '' && (!emailPattern.test(email) || email.length > 254))
    add('applicantEmail', 'invalid', caseText(lang, 'emailInvalid'));
  if (input.applicantLang !== 'zh-TW' && input.applicantLang !== 'en')
    add('applicantLang', 'unknown', caseText(lang, 'langUnknown'));
  if (input.consent !== true) add('consent', 'required', caseText(lang, 'consentRequired'));
  if (isBlank(input.description)) add('description', 'required', caseText(lang, 'descriptionRequired'));
  else if (input.description.length > fieldLimits.longText)
    add('description', 'too_long', caseText(lang, 'descriptionTooLong', { limit: fieldLimits.longText }));
  if ((input.subject ?? '').length > fieldLimits.shortText)
    add('subject', 'too_long', caseText(lang, 'subjectTooLong', { limit: fieldLimits.shortText }));
  if (!isBlank(input.districtCode) && !districtKnown)
    add('districtCode', 'unknown', caseText(lang, 'districtUnknown'));
  if (service !== null && input.isPetitionIntake !== true) {
    const formData = input.formData ?? {};
    const fields = new Map(service.formFields.map((field) => [field.id, field]));
    for (const id of Object.keys(formData)) {
      if (!fields.has(id)) add(`formData.${id}`, 'unknown', caseText(lang, 'fieldUnknown', { field: id }));
    }
    for (const field of service.formFields) {
      // Files come as attachments and locations as district/address/coordinates, not in formData.
      if (field.type === 'file') continue;
      if (field.type === 'location') {
        const hasPlace =
          !isBlank(input.address) ||
          !isBlank(input.districtCode) ||
          (input.latitude !== undefined && input.longitude !== undefined);
        if (field.isRequired && !hasPlace) {
          const label = lang === 'en' ? field.labelEn : field.labelZh;
          add('address', 'required', caseText(lang, 'fieldRequired', { label }));
        }
        continue;
      }
      const label = lang === 'en' ? field.labelEn : field.labelZh;
      const value = (formData[field.id] ?? '').trim();
      const key = `formData.${field.id}`;
      if (value === '') {
        if (field.isRequired) add(key, 'required', caseText(lang, 'fieldRequired', { label }));
        continue;
      }
      if (field.type === 'number' && !Number.isFinite(Number(value.replace(/,/g, ''))))
        add(key, 'not_number', caseText(lang, 'fieldNotNumber', { label }));
      if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value))
        add(key, 'not_date', caseText(lang, 'fieldNotDate', { label }));
      if (field.type === 'choice' && !field.options.some((option) => option.value === value))
        add(key, 'not_choice', caseText(lang, 'fieldNotChoice', { label }));
    }
    const checklistIds = new Set(service.checklist.map((item) => item.id));
    for (const item of input.checklistReceived ?? []) {
      if (!checklistIds.has(item))
        add('checklistReceived', 'unknown', caseText(lang, 'checklistUnknown', { item }));
    }
  }
  return problems;
}

/**
 * Form fields that ask again for what the applicant block already says (the catalogue's shared
 * 'applicant-name' and 'contact-phone' fields) are filled from it, so nobody types them twice.
 */
export function withApplicantAnswers(input: OpenCaseInput, fieldIds: ReadonlySet<string>): OpenCaseInput {
  const name = input.applicantType === 'company' ? input.applicantCompany : input.applicantName;
  const defaults: Record<string, string> = {};
  if (!isBlank(name) && fieldIds.has('applicant-name')) defaults['applicant-name'] = (name ?? '').trim();
  if (!isBlank(input.applicantPhone) && fieldIds.has('contact-phone'))
    defaults['contact-phone'] = (input.applicantPhone ?? '').trim();
  const given = Object.fromEntries(
    Object.entries(input.formData ?? {}).filter(([, value]) => !isBlank(value)),
  );
  return { ...input, formData: { ...defaults, ...given } };
}
