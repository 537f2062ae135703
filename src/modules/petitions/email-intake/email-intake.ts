import { eq } from 'drizzle-orm';
import type { WorkerContext, WorkerLog } from '../../../platform/composition/app-module.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import { defineQueue } from '../../../platform/jobs/jobs.ts';
import type { CasesContext } from '../../cases/index.ts';
import { registerPetition } from '../petition-intake.ts';
import { petitions } from '../petitions-schema.ts';
import {
  emailPetitionOf,
  mailboxSettingsOf,
  type ReceivedEmail,
  refusalsOf,
} from './email-petition-rules.ts';
import { MailboxUnavailableError, type ReadMailboxOptions, readMailbox } from './imap-mailbox.ts';

/**
 * Petitions by e-mail (issue 16 §1): the mailbox the platform reads (PETITION_IMAP_URL). Each unseen message
 * becomes a petition of the director's mailbox type (the Secretariat routes it on), source 'email', registered
 * by its Message-ID at most once — the unique index on `petitions.message_id` settles two readers at once, and
 * a message read again after a crash (registered, not yet moved) is counted "already registered" and moved.
 * A message that cannot be a petition goes to the refused folder with one log line: its UID and the problem
 * codes, nothing of its sender or content.
 */

/** The petition type an e-mail is registered as. */
export const emailPetitionType = 'director-mailbox';

export interface EmailIntakeCounts {
  registered: number;
  refused: number;
  alreadyRegistered: number;
}

export interface EmailIntakeDeps {
  /** PETITION_IMAP_URL (holds the password: never logged). */
  imapUrl: string;
  /** The case context at this moment: each message is registered at the time it is read. */
  contextAt(): CasesContext;
  log: Pick<WorkerLog, 'info' | 'warn'>;
}

type Outcome = { kind: 'registered' | 'alreadyRegistered' } | { kind: 'refused'; codes: string[] };

/** Reads the mailbox once: the counts of what its unseen messages became. */
export async function readPetitionEmails(
  deps: EmailIntakeDeps,
  options: ReadMailboxOptions = {},
): Promise<EmailIntakeCounts> {
  const counts: EmailIntakeCounts = { registered: 0, refused: 0, alreadyRegistered: 0 };
  const read = await readMailbox(
    mailboxSettingsOf(deps.imapUrl),
    async (email) => {
      const outcome = await takeEmail(deps.contextAt(), email);
      counts[outcome.kind] += 1;
      if (outcome.kind !== 'refused') return 'registered';
      deps.log.warn({ uid: email.uid, problems: outcome.codes }, 'petition e-mail refused');
      return 'refused';
    },
    options,
  );
  if (counts.registered + counts.refused + counts.alreadyRegistered > 0)
    deps.log.info({ ...counts, flaggedSeen: read.flagged }, 'petition mailbox read');
  return counts;
}

async function takeEmail(context: CasesContext, email: ReceivedEmail): Promise<Outcome> {
  const refusals = refusalsOf(email);
  if (refusals.length > 0) return { kind: 'refused', codes: refusals };
  const petition = emailPetitionOf(email);
  if (await isRegistered(context, petition.messageId)) return { kind: 'alreadyRegistered' };
  try {
    await registerPetition(
      context,
      {
        typeCode: emailPetitionType,
        source: 'email',
        name: petition.name,
        email: petition.email,
        phone: '',
        address: '',
        districtCode: '',
        place: '',
        subject: petition.subject,
        text: petition.text,
        isEnglish: petition.isEnglish,
        messageId: petition.messageId,
      },
      { kind: 'system' },
    );
    return { kind: 'registered' };
  } catch (error) {
    // Another reader registered it meanwhile: its transaction won, ours was rolled back whole.
    if (isMessageIdTaken(error)) return { kind: 'alreadyRegistered' };
    if (error instanceof DomainError && error.code === 'VALIDATION_FAILED')
      return {
        kind: 'refused',
        codes: error.problems.map((problem) => `${problem.field ?? 'petition'}.${problem.code}`),
      };
    throw error;
  }
}

async function isRegistered(context: CasesContext, messageId: string): Promise<boolean> {
  const found = await context.db
    .select({ caseId: petitions.caseId })
    .from(petitions)
    .where(eq(petitions.messageId, messageId))
    .limit(1);
  return found.length > 0;
}

/** A unique violation of `petitions_message_id_unique` (the pg error, or Drizzle's wrapping of it). */
function isMessageIdTaken(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const failure = current as { code?: unknown; constraint?: unknown };
    if (failure.code === '23505' && failure.constraint === 'petitions_message_id_unique') return true;
    current = current.cause;
  }
  return false;
}

/**
 * Reads of the mailbox, one at a time across every app process: an 'exclusive' queue keeps at most one job of
 * the one key queued or running, so a process asking while another reads gets nothing. Not retried: the next
 * interval asks again. A read that outlives its expiry (15 minutes; at most 500 messages a read) is failed.
 */
export const emailIntakeQueue = defineQueue<{ slot: number }>({
  name: 'petitions.email.read',
  retryLimit: 0,
  retryDelaySeconds: 60,
  retryBackoff: false,
  expireInSeconds: 900,
  policy: 'exclusive',
});

/**
 * In every app process when PETITION_IMAP_URL is set: works the queue, and asks for a read at each multiple of
 * PETITION_IMAP_INTERVAL_SECONDS (the processes' clocks agree, so they ask together and one job is made).
 */
export async function startEmailIntakeWorker(
  context: WorkerContext,
): Promise<(() => Promise<void>) | undefined> {
  const { config, db, jobs, clock, log } = context;
  const imapUrl = config.petitionImapUrl;
  if (imapUrl === null) return undefined;
  const deps: EmailIntakeDeps = {
    imapUrl,
    contextAt: () => ({
      db,
      jobs,
      now: clock.now(),
      lang: 'zh-TW',
      calendarRegion: config.calendarRegion,
      reopenDays: config.caseReopenDays,
      publicBaseUrl: config.publicBaseUrl,
    }),
    log,
  };
  await jobs.ensureQueue(emailIntakeQueue);
  await jobs.work(emailIntakeQueue, async () => {
    try {
      await readPetitionEmails(deps);
    } catch (error) {
      if (!(error instanceof MailboxUnavailableError)) {
        // The database, most likely: the message being read stays unseen, read again at the next interval.
        log.error({ err: error }, 'petition mailbox read failed');
        throw error;
      }
      log.warn({ reason: error.reason }, 'petition mailbox could not be read');
    }
  });
  const intervalMs = config.petitionImapIntervalSeconds * 1000;
  let timer: NodeJS.Timeout | undefined;
  let isStopped = false;
  const ask = () =>
    jobs
      .send(
        emailIntakeQueue,
        { slot: Math.floor(Date.now() / intervalMs) },
        { tx: db, singletonKey: 'mailbox' },
      )
      .catch((error: Error) => log.warn({ err: error }, 'asking for a petition mailbox read failed'));
  const next = () => {
    if (isStopped) return;
    timer = setTimeout(() => void ask().finally(next), intervalMs - (Date.now() % intervalMs));
    timer.unref();
  };
  await ask();
  next();
  return async () => {
    isStopped = true;
    clearTimeout(timer);
  };
}
