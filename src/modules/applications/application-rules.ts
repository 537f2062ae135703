import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { ChecklistItem, FormField } from '../catalogue/index.ts';

/**
 * The rules of an online application, without the database (unit-tested): which pages a service's
 * application has, where a resumed draft goes on, the one-time code's life (10 minutes, 5 tries, then a new
 * one), how often a code may be sent, and how long the proof of the contact lasts (30 minutes).
 */

export const draftLifetimeMs = 30 * 24 * 60 * 60 * 1000;
export const codeLifetimeMs = 10 * 60 * 1000;
export const maxCodeAttempts = 5;
/** A proven contact is good for submitting for this long; after it, a new code is asked for. */
export const proofLifetimeMs = 30 * 60 * 1000;
/** At most one code a minute, and `maxCodesPerHour` an hour, per draft. */
export const codeResendAfterMs = 60 * 1000;
export const maxCodesPerHour = 5;
/** Codes and new drafts from one client address an hour (many drafts must not make many codes). */
export const maxCodesPerIpPerHour = 60;
export const maxDraftsPerIpPerHour = 60;
/** The service's own questions, a few to a page. */
export const questionsPerPage = 3;

/** Service fields filled from the applicant page (the counter's fieldsFromApplicant): not asked again. */
export const fieldsFromApplicant: Readonly<Record<string, 'applicantName' | 'applicantPhone'>> = {
  'applicant-name': 'applicantName',
  'contact-phone': 'applicantPhone',
};

interface ServiceShape {
  kind: string;
  formFields: readonly FormField[];
  checklist: readonly ChecklistItem[];
}

/** The service's questions the answer pages ask: all but files (the documents page) and the applicant's own. */
export function askedFields(service: Pick<ServiceShape, 'formFields'>): FormField[] {
  return service.formFields.filter((field) => field.type !== 'file' && !(field.id in fieldsFromApplicant));
}

/** The answer pages: the questions a few at a time; at least one page (the last also asks the details). */
export function answerPages(service: Pick<ServiceShape, 'formFields'>): FormField[][] {
  const fields = askedFields(service);
  const pages: FormField[][] = [];
  for (let start = 0; start < fields.length; start += questionsPerPage)
    pages.push(fields.slice(start, start + questionsPerPage));
  return pages.length === 0 ? [[]] : pages;
}

/** A document the applicant uploads: a checklist item, or a file question that is no checklist item. */
export interface UploadItem {
  id: string;
  labelZh: string;
  labelEn: string;
  hintZh: string | undefined;
  hintEn: string | undefined;
  isRequired: boolean;
  /** True when it documents a checklist item (the attachment names it). */
  isChecklistItem: boolean;
}

/**
 * What the documents page asks for: every checklist item the bureau does not check electronically and the
 * form itself does not answer (a petition's "where it is" is its location question), and every file question
 * of the service that is not already one of those items.
 */
export function uploadItems(service: Pick<ServiceShape, 'formFields' | 'checklist'>): UploadItem[] {
  const answeredByForm = new Set(
    service.formFields.filter((field) => field.type !== 'file').map((field) => field.id),
  );
  const items: UploadItem[] = service.checklist
    .filter((item) => !item.isElectronicallyVerifiable && !answeredByForm.has(item.id))
    .map((item) => ({
      id: item.id,
      labelZh: item.nameZh,
      labelEn: item.nameEn,
      hintZh: item.explanationZh,
      hintEn: item.explanationEn,
      isRequired: item.isRequired,
      isChecklistItem: true,
    }));
  const itemIds = new Set(service.checklist.map((item) => item.id));
  for (const field of service.formFields) {
    if (field.type !== 'file' || itemIds.has(field.id)) continue;
    items.push({
      id: field.id,
      labelZh: field.labelZh,
      labelEn: field.labelEn,
      hintZh: field.hintZh,
      hintEn: field.hintEn,
      isRequired: field.isRequired,
      isChecklistItem: false,
    });
  }
  return items;
}

/** A page of the journey, as its address names it. */
export type StepId = 'applicant' | 'contact' | `answers-${number}` | 'documents' | 'check';

/** The pages of a service's application, in order. */
export function stepsOf(service: Pick<ServiceShape, 'formFields' | 'checklist'>): StepId[] {
  const answers = answerPages(service).map((_, index): StepId => `answers-${index + 1}`);
  return [
    'applicant',
    'contact',
    ...answers,
    ...(uploadItems(service).length > 0 ? (['documents'] as const) : []),
    'check',
  ];
}

/** The answer page's number (1-based) from its id, or null for another page. */
export function answerPageNumber(step: string): number | null {
  const match = /^answers-([1-9]\d?)$/.exec(step);
  return match === null ? null : Number(match[1]);
}

/** Whether the contact's proof still holds for submitting. */
export function isProofFresh(verifiedAt: Date | null, now: Date): boolean {
  return verifiedAt !== null && now.getTime() - verifiedAt.getTime() < proofLifetimeMs;
}

/**
 * Where a draft goes on: the first page not completed. The contact page counts as completed only while its
 * proof holds: a draft resumed after it expired asks for a code again.
 */
export function resumeStep(
  steps: readonly StepId[],
  completed: readonly string[],
  contactVerifiedAt: Date | null,
  now: Date,
): StepId {
  const done = new Set(completed);
  for (const step of steps) {
    if (step === 'check') return step;
    if (step === 'contact' ? !isProofFresh(contactVerifiedAt, now) : !done.has(step)) return step;
  }
  return 'check';
}

/** The page after `step` (check answers after the last). */
export function nextStep(steps: readonly StepId[], step: StepId): StepId {
  const index = steps.indexOf(step);
  return steps[index + 1] ?? 'check';
}

/** A page may be opened once every page before it is completed (the contact: once proven). */
export function isReachable(
  steps: readonly StepId[],
  step: StepId,
  completed: readonly string[],
  contactVerifiedAt: Date | null,
  now: Date,
): boolean {
  const first = resumeStep(steps, completed, contactVerifiedAt, now);
  return steps.indexOf(step) <= steps.indexOf(first);
}

/** SHA-256 (hex) of a secret: the resume token and the one-time code are stored only this way. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The resume link's secret: 32 random bytes, URL-safe. */
export function newResumeToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A token as a link carries it (43 URL-safe characters), before it is looked up. */
export function isResumeToken(text: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(text);
}

/** A 6-digit one-time code. */
export function newOneTimeCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** The code as typed: full-width digits and spaces accepted. */
export function typedCode(input: string): string {
  return input.normalize('NFKC').replace(/[\s-]/g, '');
}

export interface CodeState {
  codeHash: string | null;
  codeExpiresAt: Date | null;
  codeAttempts: number;
}

export type CodeCheck = 'right' | 'wrong' | 'spent' | 'expired' | 'none';

/**
 * A typed code against the current one: `none` (none sent, or it was used or spent), `expired`, `right`,
 * `wrong` (a try is counted; the last try allowed gives `spent`: a new code must be asked for). The hashes are
 * compared in constant time.
 */
export function checkCode(state: CodeState, typed: string, now: Date): CodeCheck {
  if (state.codeHash === null || state.codeExpiresAt === null) return 'none';
  if (state.codeAttempts >= maxCodeAttempts) return 'none';
  if (now.getTime() >= state.codeExpiresAt.getTime()) return 'expired';
  const given = Buffer.from(hashSecret(typedCode(typed)), 'hex');
  const expected = Buffer.from(state.codeHash, 'hex');
  if (given.length === expected.length && timingSafeEqual(given, expected)) return 'right';
  return state.codeAttempts + 1 >= maxCodeAttempts ? 'spent' : 'wrong';
}

/** Seconds until another code may be sent (0: now), from the last one sent. */
export function resendWaitSeconds(codeSentAt: Date | null, now: Date): number {
  if (codeSentAt === null) return 0;
  const left = codeSentAt.getTime() + codeResendAfterMs - now.getTime();
  return left <= 0 ? 0 : Math.ceil(left / 1000);
}

/** A mobile number as typed, compacted (full-width digits, spaces, dashes and brackets dropped). */
export function compactPhone(input: string): string {
  return input.normalize('NFKC').replace(/[\s()+-]/g, '');
}

/** A Taiwanese mobile number: 09 and eight digits. */
export function isMobileNumber(input: string): boolean {
  return /^09\d{8}$/.test(compactPhone(input));
}
