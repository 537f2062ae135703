import { and, count, desc, eq, gte, isNotNull, lt, type SQL, sql } from 'drizzle-orm';
import { type Database, type DatabaseOrTransaction, withTransaction } from '../../../platform/db/database.ts';
import { type PageWindow, pageOfRows } from '../../../platform/db/paging.ts';
import { cases } from '../core/cases-schema.ts';
import {
  type DateRange,
  mayAnswer,
  rangeBounds,
  type SatisfactionSummary,
  summariseCounts,
} from './satisfaction-rules.ts';
import { satisfactionAnswers } from './satisfaction-schema.ts';

/**
 * Satisfaction answers: one per case (the primary key), stored with the case's service, unit and channel
 * as they are when answered; and the results per service and per unit for staff.
 */

export type AnswerOutcome = 'answered' | 'already_answered' | 'not_closed';

/**
 * Keeps the applicant's answer. A second answer changes nothing (insert … on conflict do nothing): the
 * first is kept. A case that is not closed is not asked.
 */
export async function answerSatisfaction(
  db: Database,
  options: { caseId: string; score: number; comment: string; now: Date },
): Promise<AnswerOutcome> {
  return withTransaction(db, async (tx) => {
    const [row] = await tx
      .select({
        state: cases.state,
        serviceCode: cases.serviceCode,
        unitCode: cases.unitCode,
        channel: cases.channel,
      })
      .from(cases)
      .where(eq(cases.id, options.caseId));
    if (row === undefined || !mayAnswer(row.state)) return 'not_closed';
    const inserted = await tx
      .insert(satisfactionAnswers)
      .values({
        caseId: options.caseId,
        score: options.score,
        comment: options.comment === '' ? null : options.comment,
        serviceCode: row.serviceCode,
        unitCode: row.unitCode,
        channel: row.channel,
        answeredAt: options.now,
      })
      .onConflictDoNothing({ target: satisfactionAnswers.caseId })
      .returning({ caseId: satisfactionAnswers.caseId });
    return inserted.length === 0 ? 'already_answered' : 'answered';
  });
}

export async function hasAnswered(db: DatabaseOrTransaction, caseId: string): Promise<boolean> {
  const [row] = await db
    .select({ caseId: satisfactionAnswers.caseId })
    .from(satisfactionAnswers)
    .where(eq(satisfactionAnswers.caseId, caseId));
  return row !== undefined;
}

export interface ResultsScope {
  /** A supervisor's own unit; null: every unit (the secretariat). */
  unitCode: string | null;
  range: DateRange;
}

function conditionsOf(scope: ResultsScope): SQL | undefined {
  const { start, end } = rangeBounds(scope.range);
  const conditions: SQL[] = [];
  if (scope.unitCode !== null) conditions.push(eq(satisfactionAnswers.unitCode, scope.unitCode));
  if (start !== null) conditions.push(gte(satisfactionAnswers.answeredAt, start));
  if (end !== null) conditions.push(lt(satisfactionAnswers.answeredAt, end));
  return conditions.length === 0 ? undefined : and(...conditions);
}

export interface GroupResult {
  /** A service code or a unit code. */
  code: string;
  summary: SatisfactionSummary;
}

/** Count, average and distribution per service and per unit, codes in order. */
export async function satisfactionResults(
  db: DatabaseOrTransaction,
  scope: ResultsScope,
): Promise<{ byService: GroupResult[]; byUnit: GroupResult[]; all: SatisfactionSummary }> {
  const rows = await db
    .select({
      serviceCode: satisfactionAnswers.serviceCode,
      unitCode: satisfactionAnswers.unitCode,
      score: satisfactionAnswers.score,
      count: count(),
    })
    .from(satisfactionAnswers)
    .where(conditionsOf(scope))
    .groupBy(satisfactionAnswers.serviceCode, satisfactionAnswers.unitCode, satisfactionAnswers.score);
  const groupBy = (key: 'serviceCode' | 'unitCode'): GroupResult[] => {
    const codes = [...new Set(rows.map((row) => row[key]))].sort();
    return codes.map((code) => ({
      code,
      summary: summariseCounts(rows.filter((row) => row[key] === code)),
    }));
  };
  return { byService: groupBy('serviceCode'), byUnit: groupBy('unitCode'), all: summariseCounts(rows) };
}

export interface SatisfactionComment {
  comment: string;
  score: number;
  serviceCode: string;
  unitCode: string;
  answeredAt: Date;
}

/** The comments of the period, newest first, one page: no case, no applicant — only what they wrote. */
export async function satisfactionComments(
  db: DatabaseOrTransaction,
  scope: ResultsScope,
  window: PageWindow,
): Promise<{ rows: SatisfactionComment[]; hasNextPage: boolean }> {
  const rows = await db
    .select({
      comment: sql<string>`${satisfactionAnswers.comment}`,
      score: satisfactionAnswers.score,
      serviceCode: satisfactionAnswers.serviceCode,
      unitCode: satisfactionAnswers.unitCode,
      answeredAt: satisfactionAnswers.answeredAt,
    })
    .from(satisfactionAnswers)
    .where(and(conditionsOf(scope), isNotNull(satisfactionAnswers.comment)))
    .orderBy(desc(satisfactionAnswers.answeredAt), satisfactionAnswers.caseId)
    .limit(window.limit)
    .offset(window.offset);
  return pageOfRows(rows, window);
}
