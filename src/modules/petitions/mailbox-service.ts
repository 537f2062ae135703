import { eq, lt } from 'drizzle-orm';
import type { Database, Transaction } from '../../platform/db/database.ts';
import { DomainError, type FieldProblem } from '../../platform/http/errors.ts';
import { consumeRateLimit } from '../../platform/http/rate-limit.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import {
  checkCode,
  hashSecret,
  maxCodeAttempts,
  newOneTimeCode,
  newResumeToken,
} from '../applications/index.ts';
import type { CasesContext } from '../cases/index.ts';
import { queueNotification } from '../notifications/index.ts';
import {
  type PetitionInput,
  petitionProblems,
  type RegisteredPetition,
  registerPetition,
} from './petition-intake.ts';
import { petitionText as text } from './petition-messages.ts';
import { listPetitionTypes } from './petition-types.ts';
import { type PetitionSource, petitionSubmissions } from './petitions-schema.ts';
import { petitionTopics } from './templates/index.ts';

/**
 * The web forms' two steps (issue 16 §1): the petition is written, kept as a submission and a one-time code
 * is sent to the e-mail (or, through the SMS adapter, the mobile) given; the petition is registered only when
 * the code is typed, so every web petition has a proven contact. Codes from one address are limited per hour
 * (10), a submission allows 5 tries, and a code works 15 minutes; a submission is gone once registered.
 */

export const codeLifetimeMs = 15 * 60 * 1000;
const codesPerIpPerHour = 10;

export type MailboxValues = Omit<
  PetitionInput,
  'source' | 'isEnglish' | 'isReadBack' | 'messageId' | 'attachments'
>;

export async function startSubmission(
  db: Database,
  options: { values: MailboxValues; source: PetitionSource; lang: Lang; ip: string; now: Date; jobs: Jobs },
): Promise<{ token: string }> {
  const { values, lang, now } = options;
  const input: PetitionInput = { ...values, source: options.source, isEnglish: lang === 'en' };
  const types = (await listPetitionTypes(db)).filter((type) => type.isOnMailbox);
  const problems: FieldProblem[] = petitionProblems(
    input,
    types.find((type) => type.serviceCode === values.typeCode),
    lang,
  );
  if (values.email.trim() === '' && values.phone.trim() === '')
    problems.push({ field: 'email', code: 'required', message: text(lang, 'contactRequired') });
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', text(lang, 'invalid'), { problems });
  const limit = await consumeRateLimit(db, {
    key: `petition:code:ip:${options.ip}`,
    limit: codesPerIpPerHour,
    windowSeconds: 3600,
    now,
  });
  if (!limit.allowed)
    throw new DomainError('VALIDATION_FAILED', text(lang, 'invalid'), {
      problems: [
        {
          field: 'email',
          code: 'too_many_codes',
          message: text(lang, 'tooManyCodes', { minutes: Math.ceil(limit.retryAfterSeconds / 60) }),
        },
      ],
    });
  const token = newResumeToken();
  const code = newOneTimeCode();
  const isEmail = values.email.trim() !== '';
  await db.transaction(async (tx) => {
    // Submissions never registered are gone after a day.
    await tx
      .delete(petitionSubmissions)
      .where(lt(petitionSubmissions.createdAt, new Date(now.getTime() - 86_400_000)));
    await tx.insert(petitionSubmissions).values({
      tokenHash: hashSecret(token),
      values: { ...values, source: options.source },
      lang,
      codeHash: hashSecret(code),
      codeExpiresAt: new Date(now.getTime() + codeLifetimeMs),
      createdAt: now,
    });
    await queueNotification(tx, {
      jobs: options.jobs,
      subject: null,
      topic: petitionTopics.code,
      channel: isEmail ? 'email' : 'sms',
      recipient: isEmail ? values.email.trim() : values.phone.trim(),
      lang,
      data: {
        code,
        boxName: text(lang, options.source === 'suggestion_box' ? 'suggestionsTitle' : 'mailboxTitle'),
        minutes: codeLifetimeMs / 60_000,
      },
      dedupeKey: `petition.code:${hashSecret(token)}`,
    });
  });
  return { token };
}

/** Where the code goes, masked for the page (a***@example.com, 09xx-xxx-678). */
export function maskedContact(values: Record<string, string>): string {
  const email = values.email?.trim() ?? '';
  if (email !== '') return `${email.slice(0, 1)}***${email.slice(email.indexOf('@'))}`;
  const phone = (values.phone ?? '').replace(/\D/g, '');
  return `${phone.slice(0, 2)}xx-xxx-${phone.slice(-3)}`;
}

export async function findSubmission(db: Database, token: string, now: Date) {
  const [row] = await db
    .select()
    .from(petitionSubmissions)
    .where(eq(petitionSubmissions.tokenHash, hashSecret(token)));
  if (row === undefined || row.createdAt.getTime() < now.getTime() - 86_400_000) return null;
  return row;
}

export type ConfirmOutcome =
  | { kind: 'registered'; registered: RegisteredPetition }
  | { kind: 'wrong'; left: number }
  | { kind: 'spent' | 'expired' | 'gone' };

/** The typed code: right registers the petition (and forgets the submission); wrong counts a try. */
export async function confirmSubmission(
  context: CasesContext,
  token: string,
  typed: string,
): Promise<ConfirmOutcome> {
  const { db, now } = context;
  const submission = await findSubmission(db, token, now);
  if (submission === null) return { kind: 'gone' };
  const check = checkCode(submission, typed, now);
  if (check === 'none' || check === 'spent' || check === 'expired') {
    await db.delete(petitionSubmissions).where(eq(petitionSubmissions.id, submission.id));
    return { kind: check === 'none' ? 'gone' : check };
  }
  if (check === 'wrong') {
    await db
      .update(petitionSubmissions)
      .set({ codeAttempts: submission.codeAttempts + 1 })
      .where(eq(petitionSubmissions.id, submission.id));
    return { kind: 'wrong', left: maxCodeAttempts - submission.codeAttempts - 1 };
  }
  const values = submission.values;
  // The submission is claimed in the case's own transaction: two tabs typing the right code register it once
  // (the second waits on the row, finds it gone and rolls back), and a failure half-way keeps it for a retry.
  const claim = async (tx: Transaction) => {
    const deleted = await tx
      .delete(petitionSubmissions)
      .where(eq(petitionSubmissions.id, submission.id))
      .returning({ id: petitionSubmissions.id });
    if (deleted.length === 0) throw new SubmissionClaimed();
  };
  const registered = await registerPetition(
    { ...context, lang: submission.lang === 'en' ? 'en' : 'zh-TW' },
    {
      typeCode: values.typeCode ?? '',
      source: values.source === 'suggestion_box' ? 'suggestion_box' : 'director_mailbox',
      name: values.name ?? '',
      email: values.email ?? '',
      phone: values.phone ?? '',
      address: values.address ?? '',
      districtCode: values.districtCode ?? '',
      place: values.place ?? '',
      subject: values.subject ?? '',
      text: values.text ?? '',
      isEnglish: submission.lang === 'en',
    },
    { kind: 'applicant' },
    [],
    { inTransaction: claim },
  ).catch((error: unknown) => {
    if (error instanceof SubmissionClaimed) return null;
    throw error;
  });
  return registered === null ? { kind: 'gone' } : { kind: 'registered', registered };
}

/** Another request registered this submission first (confirmSubmission's claim found it gone). */
class SubmissionClaimed extends Error {}
