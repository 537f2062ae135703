import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { toTaipeiLocalDate } from '../../../platform/calendar/working-days.ts';
import type { DatabaseOrTransaction, Transaction } from '../../../platform/db/database.ts';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { isUuid } from '../../../platform/http/ids.ts';
import { formatPageDate } from '../../../platform/web/format-date.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { caseAttachments } from '../core/cases-schema.ts';
import { deficiencyText } from './deficiency-messages.ts';
import { hasLapsed } from './deficiency-rules.ts';
import { type DeficiencyNoticeState, deficiencyNotices } from './deficiency-schema.ts';

/** What is read of the deficiency notices: a case's notices, one notice, the open one, the annual counts. */

export type DeficiencyNotice = typeof deficiencyNotices.$inferSelect;

/** The states in which a notice is still open (the one-open-per-case index). */
export const openNoticeStates: readonly DeficiencyNoticeState[] = ['pending_approval', 'issued'];

/** Every notice of a case, the first first. */
export async function listNoticesOfCase(
  db: DatabaseOrTransaction,
  caseId: string,
): Promise<DeficiencyNotice[]> {
  return db
    .select()
    .from(deficiencyNotices)
    .where(eq(deficiencyNotices.caseId, caseId))
    .orderBy(asc(deficiencyNotices.sequence));
}

/** One notice of that case; null for another case's or a malformed id. */
export async function getNotice(
  db: DatabaseOrTransaction,
  caseId: string,
  noticeId: string,
): Promise<DeficiencyNotice | null> {
  if (!isUuid(noticeId)) return null;
  const [row] = await db
    .select()
    .from(deficiencyNotices)
    .where(and(eq(deficiencyNotices.id, noticeId), eq(deficiencyNotices.caseId, caseId)));
  return row ?? null;
}

/** The notice the applicant is to answer now (issued), or null. */
export async function issuedNoticeOf(
  db: DatabaseOrTransaction,
  caseId: string,
): Promise<DeficiencyNotice | null> {
  const [row] = await db
    .select()
    .from(deficiencyNotices)
    .where(and(eq(deficiencyNotices.caseId, caseId), eq(deficiencyNotices.state, 'issued')))
    .orderBy(desc(deficiencyNotices.sequence))
    .limit(1);
  return row ?? null;
}

/**
 * The notices the applicant was sent (issued at some time: open, supplemented, lapsed, or ended with the
 * case), the first first; a notice still waiting for approval or refused never reached them.
 */
export async function sentNoticesOf(db: DatabaseOrTransaction, caseId: string): Promise<DeficiencyNotice[]> {
  return db
    .select()
    .from(deficiencyNotices)
    .where(and(eq(deficiencyNotices.caseId, caseId), isNotNull(deficiencyNotices.issuedAt)))
    .orderBy(asc(deficiencyNotices.sequence));
}

/** The case's open notice (waiting for approval or issued), or null. */
export async function openNoticeOf(
  db: DatabaseOrTransaction,
  caseId: string,
): Promise<DeficiencyNotice | null> {
  const [row] = await db
    .select()
    .from(deficiencyNotices)
    .where(and(eq(deficiencyNotices.caseId, caseId), inArray(deficiencyNotices.state, [...openNoticeStates])))
    .limit(1);
  return row ?? null;
}

/** The files brought for a notice, by id (their names for the case page). */
export async function supplementFilesOf(
  db: DatabaseOrTransaction,
  noticeIds: readonly string[],
): Promise<{ id: string; fileName: string; deficiencyNoticeId: string | null }[]> {
  if (noticeIds.length === 0) return [];
  return db
    .select({
      id: caseAttachments.id,
      fileName: caseAttachments.fileName,
      deficiencyNoticeId: caseAttachments.deficiencyNoticeId,
    })
    .from(caseAttachments)
    .where(inArray(caseAttachments.deficiencyNoticeId, [...noticeIds]))
    .orderBy(asc(caseAttachments.uploadedAt), asc(caseAttachments.id));
}

/**
 * Closing a case as not supplemented (`close_unsupplemented`'s effect): its issued notice's date must have
 * passed (Taipei, the app's clock); then the notice lapses in the same transaction, and the applicant is told
 * why the case ends, in their language.
 */
export async function noticeLapse(
  tx: Transaction,
  row: { id: string; applicantLang: string },
  now: Date,
  lang: Lang,
): Promise<{
  problems: FieldProblem[];
  detail: string;
  afterwards: (tx: Transaction) => Promise<void>;
}> {
  const notice = await issuedNoticeOf(tx, row.id);
  const nothing = async () => {};
  if (notice === null)
    return {
      problems: [{ field: '', code: 'no_notice', message: deficiencyText(lang, 'noNoticeToLapse') }],
      detail: '',
      afterwards: nothing,
    };
  if (!hasLapsed(notice.supplementBy, toTaipeiLocalDate(now)))
    return {
      problems: [
        {
          field: '',
          code: 'not_lapsed',
          message: deficiencyText(lang, 'notYetLapsed', { date: notice.supplementBy }),
        },
      ],
      detail: '',
      afterwards: nothing,
    };
  const applicantLang: Lang = row.applicantLang === 'en' ? 'en' : 'zh-TW';
  return {
    problems: [],
    // Not accepted, in the rejection's words (issue 14: never "closed"), the date in the reader's calendar.
    detail: deficiencyText(applicantLang, 'closedNotSupplemented', {
      date: formatPageDate(applicantLang, notice.supplementBy),
    }),
    afterwards: async (afterTx) => {
      await afterTx
        .update(deficiencyNotices)
        .set({ state: 'lapsed', closedAt: now })
        .where(eq(deficiencyNotices.id, notice.id));
    },
  };
}

/**
 * `supplement_received`'s effect: the case's issued notice is answered (its items and files are then written
 * by the supplement use case in the same transaction; taken as a bare event, the notice just closes).
 */
export async function markNoticeSupplemented(
  tx: Transaction,
  caseId: string,
  now: Date,
  via: 'online' | 'counter',
): Promise<void> {
  await tx
    .update(deficiencyNotices)
    .set({ state: 'supplemented', supplementedAt: now, supplementedVia: via, closedAt: now })
    .where(and(eq(deficiencyNotices.caseId, caseId), eq(deficiencyNotices.state, 'issued')));
}

/** A case that ended otherwise (withdrawn, rejected): its open notice, if any, is withdrawn with it. */
export async function withdrawOpenNotice(tx: Transaction, caseId: string, now: Date): Promise<void> {
  await tx
    .update(deficiencyNotices)
    .set({ state: 'withdrawn', closedAt: now })
    .where(
      and(eq(deficiencyNotices.caseId, caseId), inArray(deficiencyNotices.state, [...openNoticeStates])),
    );
}

export interface NoticeCounts {
  code: string;
  first: number;
  second: number;
  online: number;
  counter: number;
  lapsed: number;
}

/** Notices issued in a year (Taipei), per service or per unit, optionally of one unit only. */
export async function noticeCounts(
  db: DatabaseOrTransaction,
  options: { year: number; by: 'service' | 'unit'; unitCode: string | null },
): Promise<NoticeCounts[]> {
  const from = new Date(`${options.year}-01-01T00:00:00+08:00`);
  const to = new Date(`${options.year + 1}-01-01T00:00:00+08:00`);
  const group = options.by === 'service' ? deficiencyNotices.serviceCode : deficiencyNotices.unitCode;
  const rows = await db
    .select({
      code: group,
      first: sql<number>`count(*) filter (where ${deficiencyNotices.sequence} = 1)`.mapWith(Number),
      second: sql<number>`count(*) filter (where ${deficiencyNotices.sequence} > 1)`.mapWith(Number),
      online: sql<number>`count(*) filter (where ${deficiencyNotices.supplementedVia} = 'online')`.mapWith(
        Number,
      ),
      counter: sql<number>`count(*) filter (where ${deficiencyNotices.supplementedVia} = 'counter')`.mapWith(
        Number,
      ),
      lapsed: sql<number>`count(*) filter (where ${deficiencyNotices.state} = 'lapsed')`.mapWith(Number),
    })
    .from(deficiencyNotices)
    .where(
      and(
        gte(deficiencyNotices.issuedAt, from),
        lt(deficiencyNotices.issuedAt, to),
        options.unitCode === null ? undefined : eq(deficiencyNotices.unitCode, options.unitCode),
      ),
    )
    .groupBy(group)
    .orderBy(group);
  return rows;
}

/** How many notices a case has had (any state): the next one's sequence is this plus one. */
export async function noticeCountOf(db: DatabaseOrTransaction, caseId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(deficiencyNotices)
    .where(eq(deficiencyNotices.caseId, caseId));
  return row?.n ?? 0;
}
