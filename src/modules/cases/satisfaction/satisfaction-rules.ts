import type { FieldProblem } from '../../../platform/http/errors.ts';
import { fieldLimits } from '../../../platform/web/components/field-limits.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { satisfactionText } from './satisfaction-messages.ts';

/**
 * Satisfaction after closing (issue 11 §4), as pure rules: the five answers, when the question is asked,
 * the date range of the staff results, and the results themselves (count, average, 1–5 distribution).
 */

/** 1 (very dissatisfied) … 5 (very satisfied), as the form posts them. */
export const satisfactionScores = ['1', '2', '3', '4', '5'] as const;
export type SatisfactionScore = (typeof satisfactionScores)[number];

/** An optional comment is bounded (the form refuses longer, in the reader's language). */
export const commentMaxLength = fieldLimits.longText;

/**
 * What /track shows: the question for a closed case not yet answered, thanks once answered, nothing for
 * any other case (open, rejected, withdrawn …: the question is about a service given).
 */
export type SatisfactionOffer = 'ask' | 'thanks' | 'none';

export function satisfactionOffer(state: string, hasAnswered: boolean): SatisfactionOffer {
  if (hasAnswered) return 'thanks';
  return state === 'closed' ? 'ask' : 'none';
}

/** Whether an answer may be stored now: only for a closed case. */
export function mayAnswer(state: string): boolean {
  return state === 'closed';
}

/** The staff results' period: Taipei dates, both optional, `from` not after `to`. */
export interface DateRange {
  /** YYYY-MM-DD or null (from the first answer). */
  from: string | null;
  /** YYYY-MM-DD or null (to the last answer), inclusive. */
  to: string | null;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(text: string): boolean {
  if (!isoDate.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Reads the filter's two dates: every problem at once, in the reader's language. */
export function readDateRange(
  raw: { from: string; to: string },
  lang: Lang,
): { range: DateRange; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const read = (field: 'from' | 'to'): string | null => {
    const text = raw[field].trim();
    if (text === '') return null;
    if (isRealDate(text)) return text;
    problems.push({ field, code: 'invalid_date', message: satisfactionText(lang, 'dateInvalid') });
    return null;
  };
  const range = { from: read('from'), to: read('to') };
  if (range.from !== null && range.to !== null && range.from > range.to)
    problems.push({ field: 'to', code: 'before_from', message: satisfactionText(lang, 'dateOrder') });
  return { range: problems.length === 0 ? range : { from: null, to: null }, problems };
}

/** The UTC instants bounding a range of Taipei days: [start, end). */
export function rangeBounds(range: DateRange): { start: Date | null; end: Date | null } {
  const startOf = (day: string) => new Date(`${day}T00:00:00+08:00`);
  return {
    start: range.from === null ? null : startOf(range.from),
    end: range.to === null ? null : new Date(startOf(range.to).getTime() + 86_400_000),
  };
}

/** One group's results: how many answered, the average (one decimal), and how many gave each score. */
export interface SatisfactionSummary {
  count: number;
  /** null when nobody answered. */
  average: number | null;
  /** distribution[0] is the count of 1s … distribution[4] of 5s. */
  distribution: [number, number, number, number, number];
}

export function summarise(scores: readonly number[]): SatisfactionSummary {
  const counted = scores.filter((score) => Number.isInteger(score) && score >= 1 && score <= 5);
  const countOf = (score: number) => counted.filter((given) => given === score).length;
  const distribution: [number, number, number, number, number] = [
    countOf(1),
    countOf(2),
    countOf(3),
    countOf(4),
    countOf(5),
  ];
  const total = counted.reduce((sum, score) => sum + score, 0);
  const count = counted.length;
  return { count, average: count === 0 ? null : Math.round((total / count) * 10) / 10, distribution };
}

/** The same from counts per score (as the database groups them), without one entry per answer. */
export function summariseCounts(counts: readonly { score: number; count: number }[]): SatisfactionSummary {
  const countOf = (score: number) =>
    counts.filter((row) => row.score === score).reduce((sum, row) => sum + row.count, 0);
  const distribution: [number, number, number, number, number] = [
    countOf(1),
    countOf(2),
    countOf(3),
    countOf(4),
    countOf(5),
  ];
  const count = distribution.reduce((sum, n) => sum + n, 0);
  const total = distribution.reduce((sum, n, index) => sum + n * (index + 1), 0);
  return { count, average: count === 0 ? null : Math.round((total / count) * 10) / 10, distribution };
}
