import { createHash } from 'node:crypto';
import type { UploadedFile } from '../../../platform/uploads/multipart.ts';
import { fieldLimits } from '../../../platform/web/components/field-limits.ts';

/**
 * What a petition e-mail becomes (issue 16 §1), without the mailbox or the database (unit-tested): who wrote
 * it (From), in which language, its text (the plain-text part, or the HTML part read as text), cut to the
 * petition's limit with a note saying so, the Message-ID that registers it once, and the reasons a message
 * is not a petition at all (an empty one, an automatic reply, a delivery report) — those go to the refused
 * folder, never lost.
 */

/** An e-mail as the mailbox hands it over: the parsed headers and bodies, and what became of its attachments. */
export interface ReceivedEmail {
  /** The IMAP UID in the folder it was read from: the only thing about a message a log line names. */
  uid: number;
  /** The Message-ID header as written (`<…@…>`), or '' when there is none. */
  messageId: string;
  /** SHA-256 of the raw header lines: names a message without a Message-ID, the same at every read. */
  headerDigest: string;
  /** The first From address and its display name (decoded), or null when the header has none. */
  from: { name: string; address: string } | null;
  subject: string;
  /** The plain-text body ('' none); the parser has already read an HTML-only message's HTML as text. */
  text: string;
  /** The HTML body ('' none). */
  html: string;
  /** The `Auto-Submitted` header (RFC 3834), '' when absent. */
  autoSubmitted: string;
  /** The top content type, lower case (`multipart/report` for a bounce). */
  contentType: string;
  /** What the mailbox found wrong before reading it: too large to read, or a message the parser could not read. */
  problem: 'too_large' | 'unreadable' | null;
  /**
   * Each attachment as the reader's `takeAttachment` left it (in the file store, or refused); empty when the
   * reader was given none (their bytes then stream past, never held). Inline parts of a multipart/related body
   * (a signature's logo) are not attachments.
   */
  attachments: EmailAttachment[];
}

/** An attachment put in the file store (`stored`), or refused with its reason and the name it had. */
export type EmailAttachment =
  | { kind: 'stored'; file: UploadedFile }
  | { kind: 'refused'; reason: 'too_large' | 'empty' | 'not_accepted' | 'too_many' };

/** The largest message read (its attachments are skipped as they stream past, but they still have to). */
export const largestEmailBytes = 50 * 1024 * 1024;

/**
 * Why a message is not registered: stable codes, the only thing a log line says of it. These, and the intake's
 * own problems as `field.code` (`text.required`).
 */
export type RefusalCode = 'no_text' | 'automatic_reply' | 'delivery_report' | 'too_large' | 'unreadable';

/** The petition an e-mail carries, in the shape of the intake's input (without its fixed fields). */
export interface EmailPetition {
  messageId: string;
  name: string;
  email: string;
  subject: string;
  text: string;
  isEnglish: boolean;
}

const hanCharacter = /\p{Script=Han}/gu;
const latinWord = /[A-Za-z]+(?:['’-][A-Za-z]+)*/g;

/**
 * Written in English: at least three Latin words, and no fewer words than Han characters — the rule the case
 * core checks an English petition's answer by, so a petition read as English can be answered in English. A
 * Chinese letter signed "Best regards" stays Chinese; an English one naming 「中正三路」 stays English.
 */
export function isMostlyEnglish(text: string): boolean {
  const han = text.match(hanCharacter)?.length ?? 0;
  const words = text.match(latinWord)?.length ?? 0;
  return words >= 3 && han <= words;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The petitioner, from the From header: the display name (cut to a person's name's limit) and the address in
 * lower case. An address the intake would refuse (malformed, too long) is left out rather than refusing the
 * petition: it is still registered, as a petition without a contact is (§173 decides what to do with it).
 */
export function senderOf(from: ReceivedEmail['from']): { name: string; email: string } {
  if (from === null) return { name: '', email: '' };
  const address = from.address.trim().toLowerCase();
  const name = cleanLine(from.name);
  return {
    name: cutTo(name === address ? '' : name, fieldLimits.personName),
    email: address.length <= fieldLimits.email && emailPattern.test(address) ? address : '',
  };
}

/** The subject on one line, cut to a subject's limit. */
export function subjectOf(subject: string): string {
  return cutTo(cleanLine(subject), fieldLimits.shortText);
}

/** The longest Message-ID kept as it is; a longer one (or none) is named by the header lines' digest. */
const longestMessageId = 500;

/** What registers the message once: its Message-ID, or `sha256:<digest of its header lines>` without one. */
export function messageIdOf(email: Pick<ReceivedEmail, 'messageId' | 'headerDigest'>): string {
  const id = email.messageId.trim();
  return id !== '' && id.length <= longestMessageId && !/[\s\p{Cc}]/u.test(id)
    ? id
    : `sha256:${email.headerDigest}`;
}

/** SHA-256 of the raw header lines, in order (what `headerDigest` holds). */
export function digestOfHeaderLines(lines: readonly string[]): string {
  return createHash('sha256').update(lines.join('\r\n'), 'utf8').digest('hex');
}

/** Characters a petition's text never keeps: controls but tab and line breaks, DEL, bidi overrides, lone surrogates. */
const unusable =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what is removed
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text as a petition keeps it: line breaks as \n, no unusable characters, at most one blank line in a row. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(unusable, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function cleanLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ');
}

/** Cuts to `limit` UTF-16 units without splitting a surrogate pair; an ellipsis says it was cut. */
function cutTo(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${withoutHalfPair(text.slice(0, limit - 1))}…`;
}

function withoutHalfPair(text: string): string {
  return /[\ud800-\udbff]$/.test(text) ? text.slice(0, -1) : text;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * HTML read as text, for a message whose HTML the parser could not convert (too deep, too long): scripts and
 * styles dropped, paragraphs and line breaks kept as lines, tags removed, the common entities decoded.
 */
export function htmlAsText(html: string): string {
  return html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return safeCodePoint(Number.parseInt(name.slice(2), 16), entity);
      if (name.startsWith('#')) return safeCodePoint(Number.parseInt(name.slice(1), 10), entity);
      return entities[name.toLowerCase()] ?? entity;
    });
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/** The body as the petition's text: the plain-text part, else the HTML read as text; cleaned, not yet cut. */
export function bodyTextOf(email: Pick<ReceivedEmail, 'text' | 'html'>): string {
  const text = cleanText(email.text);
  if (text !== '') return text;
  return email.html === '' ? '' : cleanText(htmlAsText(email.html));
}

/** The petition text's limit (the case's description, `fieldLimits.longText`). */
export const petitionTextLimit = fieldLimits.longText;

/**
 * A text over the petition's limit (4,000 characters) is cut, and a note at its end says so in both languages
 * and where the whole message is kept: the result is at most the limit, note included.
 */
export function limitText(text: string, limit: number = petitionTextLimit): string {
  if (text.length <= limit) return text;
  const [length, most] = [grouped(text.length), grouped(limit)];
  const note =
    `\n\n〔以上為電子郵件內容的前段：原信共 ${length} 字，超過陳情內容 ${most} 字的上限；` +
    `全文保留於陳情信箱的 OneWindow-Registered 資料夾。〕\n` +
    `[The e-mail was cut here: it had ${length} characters, over the petition's limit of ${most}; ` +
    `the whole message is kept in the mailbox folder OneWindow-Registered.]`;
  return `${withoutHalfPair(text.slice(0, limit - note.length)).trimEnd()}${note}`;
}

/** 12345 → '12,345'. */
function grouped(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * Why the message is not a petition, before the intake's own checks: empty, an automatic reply (answering it
 * with a receipt could start a loop of automatic mail), a delivery report, too large to read.
 */
export function refusalsOf(email: ReceivedEmail): RefusalCode[] {
  if (email.problem !== null) return [email.problem];
  const codes: RefusalCode[] = [];
  const autoSubmitted = email.autoSubmitted.trim().toLowerCase();
  if (autoSubmitted !== '' && autoSubmitted !== 'no') codes.push('automatic_reply');
  if (email.contentType === 'multipart/report') codes.push('delivery_report');
  if (bodyTextOf(email) === '') codes.push('no_text');
  return codes;
}

/** The petition an e-mail carries (its refusals checked first). */
export function emailPetitionOf(email: ReceivedEmail): EmailPetition {
  const sender = senderOf(email.from);
  const subject = subjectOf(email.subject);
  const text = limitText(bodyTextOf(email));
  return {
    messageId: messageIdOf(email),
    name: sender.name,
    email: sender.email,
    subject,
    text,
    isEnglish: isMostlyEnglish(`${subject}\n${text}`),
  };
}

/** The parts of an imap:// or imaps:// URL (config's PETITION_IMAP_URL); `label` names it without the user. */
export interface MailboxSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  folder: string;
  /** `imaps://host:993/INBOX`: what a message may name (no user, no password). */
  label: string;
}

export function mailboxSettingsOf(url: string): MailboxSettings {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'imaps:';
  const port = parsed.port === '' ? (secure ? 993 : 143) : Number(parsed.port);
  const folder = decodeURIComponent(parsed.pathname.replace(/^\/+/, '')) || 'INBOX';
  return {
    host: parsed.hostname,
    port,
    secure,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    folder,
    label: `${parsed.protocol}//${parsed.hostname}:${port}/${folder}`,
  };
}
