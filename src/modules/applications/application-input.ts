import { isIsoDate, normaliseDateInput } from '../../platform/web/date-input.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import type { OpenCaseInput } from '../cases/index.ts';
import type { ChecklistItem, FormField } from '../catalogue/index.ts';
import { answerPages, fieldsFromApplicant, type StepId, uploadItems } from './application-rules.ts';

/**
 * A draft's answers as the case is opened with them (pure): the names the pages post under, the OpenCaseInput
 * they make, and which page a problem of openCase's sends the applicant back to.
 *
 * The answers are kept by input name: the applicant's own (`applicantType`, `applicantName`, …, `consent`),
 * the service's questions as `field.<id>`, the place as `address`, and the free text as `description`.
 */

export const answerInput = (fieldId: string) => `field.${fieldId}`;
export const fileInput = (itemId: string) => `file.${itemId}`;
export const applicantInputs = [
  'applicantType',
  'applicantName',
  'applicantCompany',
  'applicantAddress',
  'applicantPhone',
  'consent',
] as const;

interface ServiceShape {
  code: string;
  kind: string;
  nameZh: string;
  nameEn: string;
  formFields: readonly FormField[];
  checklist: readonly ChecklistItem[];
}

export interface DraftForInput {
  lang: string;
  answers: Readonly<Record<string, string>>;
  contactKind: string | null;
  contact: string | null;
}

/** The answer a question gets: a date as ISO when it is one, else as typed (validation names it). */
export function answerOf(field: FormField, typed: string): string {
  return field.type === 'date' ? normaliseDateInput(typed) : typed.trim();
}

/** A date typed that is no real date (openCase checks only the shape): the page says so. */
export function isBadDate(field: FormField, typed: string): boolean {
  return field.type === 'date' && typed.trim() !== '' && !isIsoDate(normaliseDateInput(typed));
}

/** The case's description: what the petitioner wrote, or for an application what it is, when nothing was added. */
export function descriptionOf(draft: DraftForInput, service: ServiceShape): string {
  const given = (draft.answers.description ?? '').trim();
  if (given !== '' || service.kind === 'petition') return given;
  return draft.lang === 'en' ? `Online application: ${service.nameEn}` : `線上申請：${service.nameZh}`;
}

/**
 * What openCase is given: channel `web`, the applicant's language, the answers (dates as ISO, a file
 * question's answer the names of its files), the proven contact, and as received the checklist items whose
 * document was uploaded plus those the form itself answers.
 */
export function toOpenCaseInput(
  draft: DraftForInput,
  service: ServiceShape,
  files: readonly { itemId: string; fileName: string }[],
): OpenCaseInput {
  const answers = draft.answers;
  const formData: Record<string, string> = {};
  const answered = new Set<string>();
  for (const field of service.formFields) {
    if (field.id in fieldsFromApplicant) continue;
    if (field.type === 'location') {
      if ((answers.address ?? '').trim() !== '') answered.add(field.id);
      continue;
    }
    if (field.type === 'file') {
      const names = files.filter((file) => file.itemId === field.id).map((file) => file.fileName);
      if (names.length > 0) {
        formData[field.id] = names.join(', ');
        answered.add(field.id);
      }
      continue;
    }
    const answer = answerOf(field, answers[answerInput(field.id)] ?? '');
    if (answer !== '' || field.isRequired) formData[field.id] = answer;
    if (answer !== '') answered.add(field.id);
  }
  const checklistIds = new Set(service.checklist.map((item) => item.id));
  const uploaded = uploadItems(service)
    .filter((item) => item.isChecklistItem && files.some((file) => file.itemId === item.id))
    .map((item) => item.id);
  const checklistReceived = [
    ...new Set([...uploaded, ...[...answered].filter((id) => checklistIds.has(id))]),
  ];
  const isCompany = answers.applicantType === 'company';
  const phone = (answers.applicantPhone ?? '').trim();
  return {
    serviceCode: service.code,
    channel: 'web',
    applicantType: answers.applicantType ?? '',
    applicantName: answers.applicantName ?? '',
    applicantCompany: isCompany ? (answers.applicantCompany ?? '') : undefined,
    applicantPhone: phone !== '' ? phone : draft.contactKind === 'mobile' ? (draft.contact ?? '') : '',
    applicantEmail: draft.contactKind === 'email' ? (draft.contact ?? '') : '',
    applicantAddress: answers.applicantAddress ?? '',
    applicantLang: draft.lang,
    consent: answers.consent === 'yes',
    description: descriptionOf(draft, service),
    formData,
    checklistReceived,
    address: answers.address ?? '',
  };
}

/** The input a problem of openCase's (`formData.x`, `address`, …) belongs to on the pages. */
export function inputOfProblem(field: string): string {
  if (field.startsWith('formData.')) {
    const id = field.slice('formData.'.length);
    return fieldsFromApplicant[id] ?? answerInput(id);
  }
  return field;
}

/** The page an input is on, so that check-your-answers can send the applicant back to it. */
export function stepOfInput(input: string, service: Pick<ServiceShape, 'formFields' | 'checklist'>): StepId {
  if ((applicantInputs as readonly string[]).includes(input)) return 'applicant';
  if (input === 'applicantEmail' || input === 'contact') return 'contact';
  if (input.startsWith('file.') || input === 'checklistReceived') return 'documents';
  const pages = answerPages(service);
  const index = pages.findIndex((page) =>
    page.some((field) => (field.type === 'location' ? input === 'address' : answerInput(field.id) === input)),
  );
  if (index !== -1) return `answers-${index + 1}`;
  return `answers-${pages.length}`;
}

/** The words of an answer as the check page shows it: a choice's label, else what was typed. */
export function answerText(field: FormField, answer: string, lang: Lang): string {
  if (field.type !== 'choice') return answer;
  const option = field.options.find((candidate) => candidate.value === answer);
  if (option === undefined) return answer;
  return lang === 'en' ? option.labelEn : option.labelZh;
}
