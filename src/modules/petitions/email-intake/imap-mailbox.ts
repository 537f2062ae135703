import type { Readable } from 'node:stream';
import { ImapFlow } from 'imapflow';
import { type AddressObject, type HeaderValue, MailParser } from 'mailparser';
import {
  digestOfHeaderLines,
  type EmailAttachment,
  largestEmailBytes,
  type MailboxSettings,
  type ReceivedEmail,
} from './email-petition-rules.ts';

/**
 * The petition mailbox over IMAP (imapflow): connect, take the folder's unseen messages in batches of at most
 * 20, parse each (its text and HTML; each attachment handed to `takeAttachment` as it streams past, or skipped
 * without one — never held in memory), hand it to the
 * caller, then move it to the folder the caller names — `OneWindow-Registered` or `OneWindow-Refused`, made
 * when missing — or, when the server will not move it, flag it \Seen where it is. A message is never deleted.
 *
 * Reading never marks a message seen (BODY.PEEK): one whose handling failed (the database down) stays unseen
 * and is read again next time; the caller registers by Message-ID, so a message read twice is registered once.
 */

export const registeredFolder = 'OneWindow-Registered';
export const refusedFolder = 'OneWindow-Refused';

/** Messages fetched together (their sizes in one command, then one by one). */
export const mailboxBatchSize = 20;
/** Messages one read takes at most; the rest wait for the next read. */
export const mostMessagesPerRead = 500;

export type Destination = 'registered' | 'refused';

/** What happened to the messages read (moved, or flagged \Seen where the server would not move them). */
export interface MailboxRead {
  moved: number;
  flagged: number;
}

/**
 * The mailbox could not be reached or read: the server's reason as a short code (AUTHENTICATIONFAILED,
 * ECONNREFUSED, …). The message names the mailbox by `label`: never the user or the password.
 */
export class MailboxUnavailableError extends Error {
  override name = 'MailboxUnavailableError';
  readonly code = 'MAILBOX_UNAVAILABLE';
  readonly reason: string;
  constructor(label: string, reason: string) {
    super(`The petition mailbox ${label} could not be read (${reason}).`);
    this.reason = reason;
  }
}

/** A short code for an IMAP or network failure, never its text (which may quote what the server was sent). */
export function reasonOf(error: unknown): string {
  const failure = (error ?? {}) as {
    authenticationFailed?: unknown;
    serverResponseCode?: unknown;
    code?: unknown;
  };
  if (failure.authenticationFailed === true) return 'AUTHENTICATIONFAILED';
  for (const candidate of [failure.serverResponseCode, failure.code])
    if (typeof candidate === 'string' && /^[A-Za-z0-9_.-]{1,40}$/.test(candidate)) return candidate;
  return error instanceof Error && /^[A-Za-z]{1,40}$/.test(error.name) ? error.name : 'unknown';
}

export interface ReadMailboxOptions {
  /** At most `mailboxBatchSize` (20). */
  batchSize?: number;
  mostMessages?: number;
  /**
   * Takes one attachment's bytes as they stream (it must read them to the end), with the name the sender gave
   * it and its place among the message's attachments (0, 1, …).
   */
  takeAttachment?: (content: Readable, fileName: string, index: number) => Promise<EmailAttachment>;
}

/**
 * Reads the settings' folder once. `handle` decides each message's folder; an error it throws ends the read
 * at once (that message stays unseen, read again next time). An IMAP failure is a MailboxUnavailableError.
 */
export async function readMailbox(
  settings: MailboxSettings,
  handle: (email: ReceivedEmail) => Promise<Destination>,
  options: ReadMailboxOptions = {},
): Promise<MailboxRead> {
  const imap = async <T>(step: () => Promise<T>): Promise<T> => {
    try {
      return await step();
    } catch (error) {
      throw new MailboxUnavailableError(settings.label, reasonOf(error));
    }
  };
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.password },
    // imapflow's own log would carry the server's answers (subjects, addresses): none.
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
  });
  // A connection that breaks is reported by the command that was waiting on it; the event must not crash.
  client.on('error', () => {});
  await imap(() => client.connect());
  const read: MailboxRead = { moved: 0, flagged: 0 };
  try {
    const lock = await imap(() => client.getMailboxLock(settings.folder));
    try {
      const movable = new Map<Destination, boolean>();
      const folderOf = { registered: registeredFolder, refused: refusedFolder } as const;
      const unseen = await imap(() => client.search({ seen: false }, { uid: true }));
      const uids = (unseen === false ? [] : [...unseen])
        .sort((a, b) => a - b)
        .slice(0, options.mostMessages ?? mostMessagesPerRead);
      const size = Math.min(Math.max(1, options.batchSize ?? mailboxBatchSize), mailboxBatchSize);
      for (let start = 0; start < uids.length; start += size) {
        const batch = uids.slice(start, start + size);
        const sizes = new Map<number, number>();
        for (const message of await imap(() =>
          client.fetchAll(batch.join(','), { uid: true, size: true }, { uid: true }),
        ))
          sizes.set(message.uid, message.size ?? 0);
        for (const uid of batch) {
          // Gone since the search: another reader took it.
          if (!sizes.has(uid)) continue;
          const email = await readEmail(
            client,
            { uid, size: sizes.get(uid) ?? 0, label: settings.label },
            imap,
            options.takeAttachment,
          );
          if (email === null) continue;
          const destination = await handle(email);
          if (!movable.has(destination))
            movable.set(destination, await ensureFolder(client, folderOf[destination]));
          if (movable.get(destination) === true && (await moveMessage(client, uid, folderOf[destination]))) {
            read.moved += 1;
          } else {
            await imap(() => client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true }));
            read.flagged += 1;
          }
        }
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return read;
}

/**
 * Makes the folder when missing (imapflow answers `created: false` for one that exists). False when it can be
 * neither made nor found: its messages are then flagged \Seen where they are.
 */
async function ensureFolder(client: ImapFlow, folder: string): Promise<boolean> {
  try {
    await client.mailboxCreate(folder);
    return true;
  } catch {
    // Some servers refuse to create an existing folder without saying ALREADYEXISTS.
    return client
      .status(folder, { messages: true })
      .then(() => true)
      .catch(() => false);
  }
}

async function moveMessage(client: ImapFlow, uid: number, folder: string): Promise<boolean> {
  try {
    return (await client.messageMove(String(uid), folder, { uid: true })) !== false;
  } catch {
    return false;
  }
}

/** One message, streamed through the parser; null when it is gone. */
async function readEmail(
  client: ImapFlow,
  { uid, size, label }: { uid: number; size: number; label: string },
  imap: <T>(step: () => Promise<T>) => Promise<T>,
  takeAttachment: ReadMailboxOptions['takeAttachment'],
): Promise<ReceivedEmail | null> {
  const nothing: ReceivedEmail = {
    uid,
    messageId: '',
    headerDigest: '',
    from: null,
    subject: '',
    text: '',
    html: '',
    autoSubmitted: '',
    contentType: '',
    problem: null,
    attachments: [],
  };
  if (size > largestEmailBytes) return { ...nothing, problem: 'too_large' };
  const download = await imap(() =>
    client.download(String(uid), undefined, { uid: true, chunkSize: 1_048_576 }),
  );
  const content = (download as { content?: Readable }).content;
  if (content === undefined) return null;
  try {
    return await parseEmail(content, nothing, takeAttachment);
  } catch (error) {
    if (error instanceof SourceError) throw new MailboxUnavailableError(label, reasonOf(error.cause));
    return { ...nothing, problem: 'unreadable' };
  }
}

/** The message's bytes stopped coming (the connection), as opposed to bytes the parser could not read. */
class SourceError extends Error {}

function parseEmail(
  source: Readable,
  base: ReceivedEmail,
  takeAttachment: ReadMailboxOptions['takeAttachment'],
): Promise<ReceivedEmail> {
  return new Promise((resolve, reject) => {
    const parser = new MailParser({
      skipImageLinks: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      // Larger HTML is not converted: the petition keeps the HTML read as text (email-petition-rules.ts).
      maxHtmlLengthToParse: 2_000_000,
    });
    const email: ReceivedEmail = { ...base, attachments: [] };
    /** The attachments being taken, in order: the parser waits for each (release) before going on. */
    const taking: Promise<void>[] = [];
    parser.on('headers', (headers: Map<string, HeaderValue>) => {
      email.messageId = stringOf(headers.get('message-id'));
      email.subject = stringOf(headers.get('subject'));
      email.autoSubmitted = stringOf(headers.get('auto-submitted'));
      email.contentType = structuredValueOf(headers.get('content-type')).toLowerCase();
      email.from = firstAddressOf(headers.get('from'));
    });
    parser.on('headerLines', (lines: { key: string; line: string }[]) => {
      email.headerDigest = digestOfHeaderLines(lines.map((line) => line.line));
    });
    parser.on('data', (data: { type: string }) => {
      if (data.type === 'attachment') {
        const attachment = data as unknown as {
          content: Readable;
          filename?: string;
          related?: boolean;
          release(): void;
        };
        // A signature's logo (an inline part of a multipart/related body) is not the sender's attachment.
        if (takeAttachment === undefined || attachment.related === true) {
          attachment.content.on('end', () => attachment.release());
          attachment.content.resume();
          return;
        }
        const index = taking.length;
        const taken = takeAttachment(attachment.content, attachment.filename ?? '', index).then(
          (result) => {
            email.attachments[index] = result;
            attachment.release();
          },
          (error: unknown) => {
            attachment.release();
            throw error;
          },
        );
        // Handled here too: a parser error ends the read before Promise.all below looks at it.
        taken.catch(() => {});
        taking.push(taken);
        return;
      }
      const text = data as { text?: string; html?: string | boolean };
      email.text = text.text ?? '';
      email.html = typeof text.html === 'string' ? text.html : '';
    });
    parser.on('error', reject);
    parser.on('end', () => {
      Promise.all(taking).then(() => resolve(email), reject);
    });
    source.on('error', (error) => reject(new SourceError('source', { cause: error })));
    source.pipe(parser);
  });
}

function stringOf(value: HeaderValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

function structuredValueOf(value: HeaderValue | undefined): string {
  if (typeof value === 'string') return value;
  if (value !== undefined && !Array.isArray(value) && 'value' in value && typeof value.value === 'string')
    return value.value;
  return '';
}

function firstAddressOf(value: HeaderValue | undefined): ReceivedEmail['from'] {
  if (value === undefined || typeof value === 'string' || Array.isArray(value) || !('html' in value))
    return null;
  const addresses = (value as AddressObject).value.flatMap((entry) => [entry, ...(entry.group ?? [])]);
  const first = addresses.find((entry) => (entry.address ?? '') !== '');
  return first === undefined ? null : { name: first.name ?? '', address: first.address ?? '' };
}
