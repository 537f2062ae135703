import { sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { searchSite } from '../../../platform/search/search-query.ts';
import { demoFaqEntries } from '../faq/faq-demo-data.ts';
import { faqPaths } from '../shared/portal-paths.ts';
import { type ExpectedResult, type RelevanceCase, relevanceSet } from './relevance-set.ts';

/**
 * Runs the relevance set (relevance-set.ts) through `searchSite` on the demo data: for each question the rank
 * of the first right answer and how many of the top three are right; overall precision@3 and the mean
 * reciprocal rank. Used by relevance.db.test.ts (and by anyone tuning the ranking on a seeded database).
 */

export interface CaseOutcome {
  readonly question: string;
  /** 1-based rank of the first expected result; null when none is among the first page. */
  readonly firstRank: number | null;
  /** Expected results among the top three, over min(3, how many are expected). */
  readonly precisionAt3: number;
  readonly topPaths: readonly string[];
  /** Expected results that name nothing in the database (a demo item renamed): the set is then wrong. */
  readonly unknown: readonly string[];
}

export interface RelevanceReport {
  readonly outcomes: readonly CaseOutcome[];
  readonly meanReciprocalRank: number;
  readonly meanPrecisionAt3: number;
  /** Milliseconds per search, sorted. */
  readonly timings: readonly number[];
}

async function pathsOfExpected(db: DatabaseOrTransaction, expected: ExpectedResult): Promise<string | null> {
  if ('service' in expected) return `/services/${encodeURIComponent(expected.service)}`;
  if ('page' in expected) return expected.page;
  if ('faq' in expected) {
    const entry = demoFaqEntries.find((candidate) => candidate.key === expected.faq);
    if (!entry) return null;
    const result = await db.execute<{ number: number }>(
      sql`select number from faq_entries where question_zh = ${entry.questionZh} and state = 'published' order by number limit 1`,
    );
    const number = result.rows[0]?.number;
    return number === undefined ? null : faqPaths.entry(number);
  }
  const result = await db.execute<{ path: string }>(
    sql`select path from search_documents where source = 'content' and lang = 'zh-TW' and title = ${expected.content} limit 1`,
  );
  return result.rows[0]?.path ?? null;
}

function describe(expected: ExpectedResult): string {
  return Object.entries(expected)
    .map(([key, value]) => `${key} ${value}`)
    .join('');
}

export async function runRelevanceSet(
  db: DatabaseOrTransaction,
  options: { now: Date; cases?: readonly RelevanceCase[] },
): Promise<RelevanceReport> {
  const outcomes: CaseOutcome[] = [];
  const timings: number[] = [];
  for (const relevanceCase of options.cases ?? relevanceSet) {
    const wanted = new Set<string>();
    const unknown: string[] = [];
    for (const expected of relevanceCase.expected) {
      const path = await pathsOfExpected(db, expected);
      if (path === null) unknown.push(describe(expected));
      else wanted.add(path);
    }
    const started = performance.now();
    const results = await searchSite(db, {
      lang: 'zh-TW',
      query: relevanceCase.question,
      page: 1,
      now: options.now,
      recordMiss: false,
    });
    timings.push(performance.now() - started);
    const paths = results.hits.map((hit) => hit.path);
    const index = paths.findIndex((path) => wanted.has(path));
    const inTop3 = paths.slice(0, 3).filter((path) => wanted.has(path)).length;
    outcomes.push({
      question: relevanceCase.question,
      firstRank: index === -1 ? null : index + 1,
      precisionAt3: wanted.size === 0 ? 0 : inTop3 / Math.min(3, wanted.size),
      topPaths: paths.slice(0, 3),
      unknown,
    });
  }
  const count = Math.max(1, outcomes.length);
  return {
    outcomes,
    meanReciprocalRank:
      outcomes.reduce((total, outcome) => total + (outcome.firstRank ? 1 / outcome.firstRank : 0), 0) / count,
    meanPrecisionAt3: outcomes.reduce((total, outcome) => total + outcome.precisionAt3, 0) / count,
    timings: timings.toSorted((a, b) => a - b),
  };
}
