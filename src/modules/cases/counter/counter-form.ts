import { type TObject, type TSchema, Type } from 'typebox';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import type { UploadedFile } from '../../../platform/uploads/multipart.ts';
import { answerLimitOf, fieldLimits } from '../../../platform/web/components/field-limits.ts';
import { type FormProblems, problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import {
  defineForm,
  type FormDefinition,
  field,
  readForm,
  type Words,
} from '../../../platform/web/components/read-form.ts';
import { isIsoDate, normaliseDateInput } from '../../../platform/web/date-input.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import type { FormField, ServiceDetail } from '../../catalogue/index.ts';
import type { AttachmentUpload } from '../core/case-attachments.ts';
import { caseText } from '../core/case-messages.ts';
import type { CaseChannel } from '../core/case-vocabulary.ts';
import type { OpenCaseInput } from '../core/intake-rules.ts';
import { counterText } from './counter-messages.ts';

/**
 * The counter intake form, without HTTP: the form (the forms kit's, built from the service's own fields),
 * how the posted fields become an OpenCaseInput and attachments, the counter's own rules (on top of
 * validateOpenCase), and which input each problem belongs to (the error summary links there).
 */

/** The channels a clerk enters by hand; web and API cases come in by themselves. */
export const counterChannels = [
  'counter',
  'phone',
  'email',
  'hotline_1999',
] as const satisfies readonly CaseChannel[];

/** Input names of the service's own fields: answers `field.<id>`, files `file.<id>`. */
export const answerInputName = (fieldId: string) => `field.${fieldId}`;
export const fileInputName = (fieldId: string) => `file.${fieldId}`;
/** Element ids (no dots, so they also work as CSS selectors). */
export const answerInputId = (fieldId: string) => `field-${fieldId}`;
export const fileInputId = (fieldId: string) => `file-${fieldId}`;
export const documentsInput = 'documents';
export const checklistInput = 'checklist';

/**
 * Service fields that openCase fills from the applicant block (withApplicantAnswers): the form does not
 * ask them again, and a problem with one is shown on the applicant input it comes from.
 */
export const fieldsFromApplicant: Readonly<Record<string, 'applicantName' | 'applicantPhone'>> = {
  'applicant-name': 'applicantName',
  'contact-phone': 'applicantPhone',
};

/** The service's fields the counter form asks (all but those filled from the applicant block). */
export function askedFields<T extends Pick<FormField, 'id'>>(fields: readonly T[]): T[] {
  return fields.filter((field) => !(field.id in fieldsFromApplicant));
}

export interface CounterFormValues {
  channel: string;
  applicantType: string;
  applicantName: string;
  applicantCompany: string;
  applicantPhone: string;
  applicantEmail: string;
  applicantAddress: string;
  applicantLang: string;
  subject: string;
  description: string;
  /** Answers to the service's fields by field id, as typed. */
  answers: Record<string, string>;
  districtCode: string;
  address: string;
  /** Checklist item ids ticked. */
  checklist: string[];
  consent: boolean;
}

/** A fresh form: at the counter, a person, notices in the language of the page. */
export function emptyCounterForm(lang: Lang): CounterFormValues {
  return {
    channel: 'counter',
    applicantType: 'person',
    applicantName: '',
    applicantCompany: '',
    applicantPhone: '',
    applicantEmail: '',
    applicantAddress: '',
    applicantLang: lang,
    subject: '',
    description: '',
    answers: {},
    districtCode: '',
    address: '',
    checklist: [],
    consent: false,
  };
}

const words = (key: Parameters<typeof counterText>[1]): Words => ({
  'zh-TW': counterText('zh-TW', key),
  en: counterText('en', key),
});

/** The service's fields the form reads as typed answers (files and places have inputs of their own). */
function answeredFields(service: Pick<ServiceDetail, 'formFields'>): FormField[] {
  return askedFields(service.formFields).filter(
    (field) => field.type !== 'file' && field.type !== 'location',
  );
}

/** The limits of the counter form's own text fields (the service's questions: `answerLimitOf`). */
export const counterFieldLimits = {
  applicantName: fieldLimits.personName,
  applicantCompany: fieldLimits.organisationName,
  applicantPhone: fieldLimits.phone,
  applicantEmail: fieldLimits.email,
  applicantAddress: fieldLimits.address,
  subject: fieldLimits.shortText,
  description: fieldLimits.longText,
  address: fieldLimits.address,
} as const;

/**
 * The intake form for one service: the applicant, the request, the service's own questions (each its
 * `field.<id>` input, labelled as the service words it), the checklist and the consent. Every text is
 * bounded; what must be filled in is the case's rule (validateOpenCase), which says it in its own words.
 */
export function counterFormFor(service: Pick<ServiceDetail, 'formFields'>): FormDefinition<TObject> {
  const answers = answeredFields(service);
  const properties: Record<string, TSchema> = {
    channel: field.text({ maxLength: fieldLimits.token }),
    applicantType: field.text({ maxLength: fieldLimits.token }),
    applicantName: field.text({ maxLength: counterFieldLimits.applicantName }),
    applicantCompany: field.text({ maxLength: counterFieldLimits.applicantCompany }),
    applicantPhone: field.text({ maxLength: counterFieldLimits.applicantPhone }),
    applicantEmail: field.text({ maxLength: counterFieldLimits.applicantEmail }),
    applicantAddress: field.text({ maxLength: counterFieldLimits.applicantAddress }),
    applicantLang: field.text({ maxLength: fieldLimits.token }),
    subject: field.text({ maxLength: counterFieldLimits.subject }),
    description: field.text({ maxLength: counterFieldLimits.description }),
    districtCode: field.text({ maxLength: fieldLimits.token }),
    address: field.text({ maxLength: counterFieldLimits.address }),
    [checklistInput]: field.ticks({ maxItems: 100, maxLength: fieldLimits.token }),
    consent: field.tick(),
  };
  const labels: Record<string, Words> = {
    channel: words('channelLegend'),
    applicantType: words('applicantTypeLegend'),
    applicantName: words('applicantName'),
    applicantCompany: words('applicantCompany'),
    applicantPhone: words('applicantPhone'),
    applicantEmail: words('applicantEmail'),
    applicantAddress: words('applicantAddress'),
    applicantLang: words('applicantLangLegend'),
    subject: words('subject'),
    description: words('description'),
    districtCode: words('districtLabel'),
    address: words('addressLabel'),
    [checklistInput]: words('checklistLegend'),
    consent: words('consentLegend'),
  };
  for (const answer of answers) {
    properties[answerInputName(answer.id)] = field.text({ maxLength: answerLimitOf(answer) });
    labels[answerInputName(answer.id)] = { 'zh-TW': answer.labelZh, en: answer.labelEn };
  }
  return defineForm(Type.Object(properties), labels as FormDefinition<TObject>['labels']);
}

/** The form's values from the posted text fields (only the inputs the form has), and the form's problems. */
export function readCounterForm(
  fields: Readonly<Record<string, string | string[]>>,
  service: Pick<ServiceDetail, 'formFields'>,
  lang: Lang,
): { values: CounterFormValues; problems: FieldProblem[] } {
  const read = readForm(counterFormFor(service), fields, lang);
  const posted = read.values as Record<string, unknown>;
  const text = (name: string) => (typeof posted[name] === 'string' ? (posted[name] as string) : '');
  const answers: Record<string, string> = {};
  for (const answer of answeredFields(service)) answers[answer.id] = text(answerInputName(answer.id));
  return {
    values: {
      channel: text('channel'),
      applicantType: text('applicantType'),
      applicantName: text('applicantName'),
      applicantCompany: text('applicantCompany'),
      applicantPhone: text('applicantPhone'),
      applicantEmail: text('applicantEmail'),
      applicantAddress: text('applicantAddress'),
      applicantLang: text('applicantLang'),
      subject: text('subject'),
      description: text('description'),
      answers,
      districtCode: text('districtCode'),
      address: text('address'),
      checklist: (posted[checklistInput] as string[] | undefined) ?? [],
      consent: posted.consent === true,
    },
    problems: read.problems,
  };
}

function answerFor(field: FormField, typed: string): string {
  return field.type === 'date' ? normaliseDateInput(typed) : typed;
}

/** The files of a form-field input and of the general documents input, with the checklist item each documents. */
export function attachmentsOf(
  files: readonly UploadedFile[],
  service: Pick<ServiceDetail, 'formFields' | 'checklist'>,
): AttachmentUpload[] {
  const checklistIds = new Set(service.checklist.map((item) => item.id));
  const fileFields = new Set(
    service.formFields.filter((field) => field.type === 'file').map((field) => field.id),
  );
  return files.map((file) => {
    const fieldId = file.fieldName.startsWith('file.') ? file.fieldName.slice('file.'.length) : null;
    const documents =
      fieldId !== null && fileFields.has(fieldId) && checklistIds.has(fieldId) ? fieldId : null;
    return { ...file, checklistItemId: documents };
  });
}

/**
 * What openCase is given: the answers (dates as ISO), the names of the files of each file field, and as
 * received the checklist items ticked plus those the form itself answers (a field report's checklist
 * asks for "the location" and "a photo", which are the form's location and file fields).
 */
export function toOpenCaseInput(
  values: CounterFormValues,
  service: Pick<ServiceDetail, 'code' | 'formFields' | 'checklist'>,
  files: readonly UploadedFile[],
): OpenCaseInput {
  const formData: Record<string, string> = {};
  const answered = new Set<string>();
  for (const field of askedFields(service.formFields)) {
    if (field.type === 'location') {
      if (values.address !== '' || values.districtCode !== '') answered.add(field.id);
      continue;
    }
    if (field.type === 'file') {
      const names = files
        .filter((file) => file.fieldName === fileInputName(field.id))
        .map((file) => file.fileName);
      if (names.length > 0) {
        formData[field.id] = names.join(', ');
        answered.add(field.id);
      }
      continue;
    }
    const answer = answerFor(field, values.answers[field.id] ?? '');
    // Required answers left empty are still sent, so that validation names them.
    if (answer !== '' || field.isRequired) formData[field.id] = answer;
    if (answer !== '') answered.add(field.id);
  }
  const checklistIds = new Set(service.checklist.map((item) => item.id));
  const checklistReceived = [
    ...new Set([...values.checklist, ...[...answered].filter((id) => checklistIds.has(id))]),
  ];
  return {
    serviceCode: service.code,
    channel: values.channel,
    applicantType: values.applicantType,
    applicantName: values.applicantName,
    applicantCompany: values.applicantType === 'company' ? values.applicantCompany : undefined,
    applicantPhone: values.applicantPhone,
    applicantEmail: values.applicantEmail,
    applicantAddress: values.applicantAddress,
    applicantLang: values.applicantLang,
    consent: values.consent,
    subject: values.subject,
    description: values.description,
    formData,
    checklistReceived,
    districtCode: values.districtCode,
    address: values.address,
  };
}

/**
 * The counter's own rules, on top of validateOpenCase's: a channel a clerk may enter, and dates that
 * exist (validateOpenCase checks only their shape).
 */
export function counterFormProblems(
  values: CounterFormValues,
  service: Pick<ServiceDetail, 'formFields'>,
  lang: Lang,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!(counterChannels as readonly string[]).includes(values.channel)) {
    problems.push({ field: 'channel', code: 'unknown', message: counterText(lang, 'channelNotCounter') });
  }
  for (const field of service.formFields) {
    const typed = values.answers[field.id] ?? '';
    if (field.type !== 'date' || typed === '' || isIsoDate(normaliseDateInput(typed))) continue;
    const label = lang === 'en' ? field.labelEn : field.labelZh;
    problems.push({
      field: `formData.${field.id}`,
      code: 'not_date',
      message: caseText(lang, 'fieldNotDate', { label }),
    });
  }
  return problems;
}

/** The element a problem's link in the error summary goes to, and under which its message is shown. */
export function inputIdFor(field: string): string {
  if (field.startsWith('formData.')) return answerInputId(field.slice('formData.'.length));
  if (field.startsWith('field.')) return answerInputId(field.slice('field.'.length));
  if (field.startsWith('file.')) return fileInputId(field.slice('file.'.length));
  if (field === 'checklistReceived') return checklistInput;
  // Problems of the upload as a whole (too many parts) and of the documents input.
  if (field === '' || field === documentsInput) return documentsInput;
  return field;
}

function distinctProblems(problems: readonly FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.field}\n${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The form's inputs from top to bottom (as counter-form-page.tsx lays them out). */
function inputOrder(service: Pick<ServiceDetail, 'formFields'>): string[] {
  const applicant = [
    'channel',
    'applicantType',
    'applicantName',
    'applicantCompany',
    'applicantPhone',
    'applicantEmail',
    'applicantAddress',
    'applicantLang',
    'subject',
    'description',
  ];
  const fields = askedFields(service.formFields).flatMap((field) => {
    if (field.type === 'location') return ['districtCode', 'address'];
    if (field.type === 'file') return [fileInputId(field.id)];
    return [answerInputId(field.id)];
  });
  return [...applicant, ...fields, checklistInput, documentsInput, 'consent'];
}

/**
 * Each problem once, in the order of the inputs on the page, so the error summary reads like the form.
 * A problem with a field filled from the applicant block goes to that applicant input — and is left out
 * when that input already has its own problem (「請填寫申請人姓名」 says it already).
 */
export function problemsInFormOrder(
  problems: readonly FieldProblem[],
  service: Pick<ServiceDetail, 'formFields'>,
): FieldProblem[] {
  const order = inputOrder(service);
  const rank = (problem: FieldProblem) => {
    const index = order.indexOf(inputIdFor(problem.field));
    return index === -1 ? order.length : index;
  };
  const ownFields = new Set(problems.map((problem) => problem.field));
  const placed = problems.flatMap((problem) => {
    const mirrored = problem.field.startsWith('formData.')
      ? fieldsFromApplicant[problem.field.slice('formData.'.length)]
      : undefined;
    if (mirrored === undefined) return [problem];
    return ownFields.has(mirrored) ? [] : [{ ...problem, field: mirrored }];
  });
  return distinctProblems(placed).toSorted((left, right) => rank(left) - rank(right));
}

/** The problems as the page shows them: in the order of the form, each at its input. */
export function problemsOnCounterForm(
  problems: readonly FieldProblem[],
  service: Pick<ServiceDetail, 'formFields'>,
  lang: Lang,
): FormProblems {
  return problemsOnPage(problemsInFormOrder(problems, service), { lang, targetOf: inputIdFor });
}
