import { finished } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import type { WorkerContext, WorkerLog } from '../../../platform/composition/app-module.ts';
import type { FileStore } from '../../../platform/files/file-store.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import { defineQueue } from '../../../platform/jobs/jobs.ts';
import { receiveUploadStream } from '../../../platform/uploads/multipart.ts';
import { addToTimeline, type CasesContext } from '../../cases/index.ts';
import { registerPetition } from '../petition-intake.ts';
import { petitions } from '../petitions-schema.ts';
import {
  type EmailAttachment,
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
  /**
   * Where the attachments go, with the uploads' limits (UPLOAD_MAX_FILE_BYTES, UPLOAD_MAX_FILES): each is
   * checked as a form's file is and put on the case. Without it they stream past and are not kept.
   */
  attachments?: { files: FileStore; maxFileBytes: number; maxFiles: number };
}

type Outcome = { kind: 'registered' | 'alreadyRegistered' } | { kind: 'refused'; codes: string[] };

/** Reads the mailbox once: the counts of what its unseen messages became. */
export async function readPetitionEmails(
  deps: EmailIntakeDeps,
  options: ReadMailboxOptions = {},
): Promise<EmailIntakeCounts> {
  const counts: EmailIntakeCounts = { registered: 0, refused: 0, alreadyRegistered: 0 };
  const keeping = deps.attachments;
  const read = await readMailbox(
    mailboxSettingsOf(deps.imapUrl),
    async (email) => {
      const outcome = await takeEmail(deps.contextAt(), email);
      counts[outcome.kind] += 1;
      if (outcome.kind !== 'refused') return 'registered';
      deps.log.warn({ uid: email.uid, problems: outcome.codes }, 'petition e-mail refused');
      return 'refused';
    },
    keeping === undefined
      ? options
      : {
          ...options,
          // Stored as they stream, before the message is judged: those of a message then refused (or read a
          // second time) are listed by no row, and the orphan-file sweep removes them (ADR 0011).
          takeAttachment: async (content, fileName, index): Promise<EmailAttachment> => {
            if (index >= keeping.maxFiles) {
              content.resume();
              await finished(content);
              return { kind: 'refused', reason: 'too_many' };
            }
            const received = await receiveUploadStream(content, keeping.files, {
              fieldName: 'email',
              fileName,
              maxBytes: keeping.maxFileBytes,
            });
            return 'file' in received
              ? { kind: 'stored', file: received.file }
              : { kind: 'refused', reason: received.refusal };
          },
        },
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
        attachments: email.attachments.flatMap((attachment) =>
          attachment.kind === 'stored' ? [{ ...attachment.file, purpose: 'document' as const }] : [],
        ),
      },
      { kind: 'system' },
      [],
      {
        // The handler is told what the e-mail held that is not on the case (never the file names: they can
        // name people).
        inTransaction: async (tx, row) => {
          const note = refusedAttachmentsNote(email.attachments);
          if (note !== null)
            await addToTimeline(tx, {
              caseId: row.id,
              at: context.now,
              kind: 'note',
              actor: { kind: 'system' },
              internalNote: note,
            });
        },
      },
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

/** 「電子郵件另有 2 個附件未保存（格式不接受 1 個、超過 10 MB 1 個）」, or null when every attachment was kept. */
export function refusedAttachmentsNote(attachments: readonly EmailAttachment[]): string | null {
  const counts = new Map<string, number>();
  for (const attachment of attachments)
    if (attachment.kind === 'refused')
      counts.set(attachment.reason, (counts.get(attachment.reason) ?? 0) + 1);
  if (counts.size === 0) return null;
  const reasons: Record<string, string> = {
    not_accepted: '格式不接受',
    too_large: '超過檔案大小上限',
    empty: '空白檔案',
    too_many: '超過件數上限',
  };
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const parts = [...counts].map(([reason, count]) => `${reasons[reason] ?? reason} ${count} 個`);
  return `電子郵件另有 ${total} 個附件未保存（${parts.join('、')}），原信在信箱的 OneWindow-Registered 資料夾。`;
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
  const { config, db, jobs, clock, log, files } = context;
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
    attachments: { files, maxFileBytes: config.uploadMaxFileBytes, maxFiles: config.uploadMaxFiles },
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
