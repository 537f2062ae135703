import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../platform/db/database.ts';
import { BUREAU } from '../../platform/reference/units.ts';
import { formatPageDate, taipeiIsoDate } from '../../platform/web/format-date.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { caseTimeline, unitContact } from '../cases/index.ts';
import type { PetitionPage } from './petition-actions.ts';
import { petitionText as text } from './petition-messages.ts';

/**
 * The reply as a letter on paper (函), for a petitioner the platform cannot reach by e-mail — a letter, an
 * oral petition or a 1999 transfer with only a postal address (issue 16 §5: "sent by the petitioner's
 * channel"). Every reply that ends a petition has one: the answer (once approved, where the type needs it),
 * a §173 decline with its reply, a transfer (移文) with its letter. It is printed from the petition's page,
 * A4, in the petitioner's language.
 */
export interface ReplyLetter {
  /** The petitioner's language: the letter's, whatever the staff page's. */
  lang: Lang;
  kind: 'answer' | 'decline' | 'transfer';
  bureau: string;
  caseNumber: string;
  date: string;
  /**
   * The petitioner's name and postal address; null for a confidential reporter, whose identity only a
   * designated officer may see (the officer writes them on the envelope from the identity page).
   */
  addressee: string | null;
  address: string | null;
  subjectLine: string;
  /** The reply's text, a paragraph per block of lines. */
  paragraphs: string[];
  unit: { name: string; phone: string; address: string } | null;
  /** False when the petitioner gave no e-mail: the letter is how the reply reaches them. */
  hasEmail: boolean;
}

/**
 * Whether the petition has a reply to print, from the case alone (no read): an answer on a resolved or closed
 * case, or a decline or a transfer (each writes its note on the timeline).
 */
export function hasReplyLetter(
  row: Pick<PetitionPage['row'], 'state' | 'resolution' | 'resolvedAt'>,
): boolean {
  return (
    ((row.state === 'resolved' || row.state === 'closed') &&
      Boolean(row.resolution) &&
      row.resolvedAt !== null) ||
    row.state === 'rejected' ||
    row.state === 'forwarded'
  );
}

/** The letter of a petition's reply, or null while it has none (still open, withdrawn, merged). */
export async function replyLetterOf(
  db: DatabaseOrTransaction,
  page: PetitionPage,
): Promise<ReplyLetter | null> {
  const { row, petition } = page;
  const lang: Lang = petition.isEnglish ? 'en' : 'zh-TW';
  const reply = await replyOf(db, page);
  if (reply === null) return null;
  const contact = await unitContact(db, row.unitCode);
  const subject = row.subject;
  const subjectLine =
    reply.kind === 'answer'
      ? text(lang, 'letterSubjectAnswer', { subject })
      : reply.kind === 'decline'
        ? text(lang, 'letterSubjectDecline', { subject })
        : text(lang, 'letterSubjectTransfer', { subject, agency: row.forwardedTo ?? '' });
  return {
    lang,
    kind: reply.kind,
    bureau: lang === 'en' ? BUREAU.nameEn : BUREAU.nameZh,
    caseNumber: row.caseNumber,
    date: formatPageDate(lang, taipeiIsoDate(reply.at)),
    addressee: petition.isConfidential ? null : row.applicantName,
    address: petition.isConfidential ? null : (row.applicantAddress ?? null),
    subjectLine,
    paragraphs: paragraphsOf(reply.text),
    unit:
      contact === null
        ? null
        : {
            name: lang === 'en' ? contact.nameEn : contact.nameZh,
            phone: contact.phone,
            address: lang === 'en' ? contact.addressEn : contact.addressZh,
          },
    hasEmail: Boolean(row.applicantEmail?.trim()),
  };
}

/** The reply's words and date: the approved answer on the case, or the decline's or transfer's note. */
async function replyOf(
  db: DatabaseOrTransaction,
  { row }: PetitionPage,
): Promise<{ kind: ReplyLetter['kind']; text: string; at: Date } | null> {
  if (!hasReplyLetter(row)) return null;
  if (row.resolution && row.resolvedAt && row.state !== 'rejected' && row.state !== 'forwarded')
    return { kind: 'answer', text: row.resolution, at: row.resolvedAt };
  const [event] = await db
    .select({ kind: caseTimeline.kind, note: caseTimeline.publicNote, at: caseTimeline.occurredAt })
    .from(caseTimeline)
    .where(and(eq(caseTimeline.caseId, row.id), inArray(caseTimeline.kind, ['reject', 'forward'])))
    .orderBy(desc(caseTimeline.id))
    .limit(1);
  if (event === undefined) return null;
  return {
    kind: event.kind === 'reject' ? 'decline' : 'transfer',
    text: event.note ?? '',
    at: event.at,
  };
}

/** Paragraphs of a typed reply: blank lines part them; single line breaks stay inside one. */
export function paragraphsOf(reply: string): string[] {
  return reply
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}
