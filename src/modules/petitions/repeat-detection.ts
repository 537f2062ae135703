import { sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../platform/db/database.ts';
import { prefixSize, similarity, similarThreshold, textPairs } from './petition-text.ts';

/**
 * Repeat detection (issue 16 §4): earlier petitions on the same matter — the same petitioner (a hash of
 * their e-mail or phone), the same place (petition-text.ts placeKeyOf), or a similar text (shared character
 * pairs). Four short index lookups, whatever the number of petitions: the petitioner's and the place's
 * newest ten, and for the text only the petitions holding one of its rarest pairs (prefix filtering over
 * `petition_pair_counts`: a text sharing at least `similarThreshold` of the pairs of both must hold one of
 * them), whose similarity is then computed here. ADR 0016 has the measurement at 2,000,000 petitions.
 */

export type RepeatReason = 'same_petitioner' | 'similar_text' | 'same_place';

export interface RepeatQuery {
  text: string;
  contactHashes: readonly string[];
  placeKey: string | null;
  /** The petition itself, when looking from its own page. */
  excludeCaseId?: string | undefined;
}

export interface FoundRepeat {
  caseId: string;
  caseNumber: string;
  subject: string;
  state: string;
  unitCode: string;
  receivedAt: Date;
  /** The earlier answer and when it was written (null while unanswered). */
  resolution: string | null;
  answeredAt: Date | null;
  isConfidential: boolean;
  reasons: RepeatReason[];
  similarity: number;
}

const perReason = 10;
/**
 * The most petitions the rarest pairs may hold together, and the most the lookup reads: at 2,000,000
 * petitions a budget of 2,000 put p95 at 72 ms, most of it reading those rows (ADR 0016 §4).
 */
const candidateBudget = 200;
const shown = 10;

export async function findRepeats(db: DatabaseOrTransaction, query: RepeatQuery): Promise<FoundRepeat[]> {
  const pairs = textPairs(query.text);
  const exclude = query.excludeCaseId ?? '00000000-0000-0000-0000-000000000000';
  const found = new Map<string, { reasons: Set<RepeatReason>; similarity: number }>();
  const note = (caseId: string, reason: RepeatReason, score = 0) => {
    const entry = found.get(caseId) ?? { reasons: new Set<RepeatReason>(), similarity: 0 };
    entry.reasons.add(reason);
    entry.similarity = Math.max(entry.similarity, score);
    found.set(caseId, entry);
  };

  if (query.contactHashes.length > 0) {
    const rows = await db.execute<{ case_id: string }>(sql`
      select case_id from petitions
       where contact_hashes && ${sqlTextArray(query.contactHashes)} and case_id <> ${exclude}
       order by received_at desc limit ${perReason}`);
    for (const row of rows.rows) note(row.case_id, 'same_petitioner');
  }
  if (query.placeKey !== null) {
    const rows = await db.execute<{ case_id: string }>(sql`
      select case_id from petitions
       where place_key = ${query.placeKey} and case_id <> ${exclude}
       order by received_at desc limit ${perReason}`);
    for (const row of rows.rows) note(row.case_id, 'same_place');
  }
  if (pairs.length > 0) {
    const counted = await db.execute<{ pair: number; petitions: number }>(sql`
      select pair, petitions from petition_pair_counts where pair = any(${sqlIntArray(pairs)})`);
    // Pairs no petition holds cannot be shared; the rarest of the others find every similar text (prefix
    // filtering) — up to the prefix's size, and while together they hold at most `candidateBudget`
    // petitions: a text made of common pairs only is judged by its rarest few (the newest of them).
    const ordered = counted.rows.filter((row) => row.petitions > 0).sort((a, b) => a.petitions - b.petitions);
    const rarest: number[] = [];
    let budget = 0;
    for (const row of ordered.slice(0, prefixSize(pairs.length))) {
      if (rarest.length > 0 && budget + row.petitions > candidateBudget) break;
      rarest.push(row.pair);
      budget += row.petitions;
    }
    if (rarest.length > 0) {
      // Materialized: the GIN lookup first, then the newest of what it found. Left to itself the planner may
      // walk petitions newest first by received_at and test each for the pairs (55 ms at 2,000,000).
      const rows = await db.execute<{ case_id: string; text_pairs: number[] }>(sql`
        with found as materialized (
          select case_id, text_pairs, received_at from petitions
           where text_pairs && ${sqlIntArray(rarest)} and case_id <> ${exclude}
           limit ${candidateBudget}
        )
        select case_id, text_pairs from found order by received_at desc`);
      for (const row of rows.rows) {
        const score = similarity(pairs, row.text_pairs);
        if (score >= similarThreshold) note(row.case_id, 'similar_text', score);
      }
    }
  }
  if (found.size === 0) return [];

  const details = await db.execute<{
    id: string;
    case_number: string;
    subject: string;
    state: string;
    unit_code: string;
    received_at: Date;
    resolution: string | null;
    resolved_at: Date | null;
    is_confidential: boolean;
  }>(sql`
    select c.id, c.case_number, c.subject, c.state, c.unit_code, c.received_at, c.resolution, c.resolved_at,
           p.is_confidential
      from cases c join petitions p on p.case_id = c.id
     where c.id = any(${sqlUuidArray([...found.keys()])})`);
  return details.rows
    .map((row) => {
      const entry = found.get(row.id);
      return {
        caseId: row.id,
        caseNumber: row.case_number,
        subject: row.subject,
        state: row.state,
        unitCode: row.unit_code,
        receivedAt: new Date(row.received_at),
        resolution: row.resolution,
        answeredAt: row.resolved_at === null ? null : new Date(row.resolved_at),
        isConfidential: row.is_confidential,
        reasons: [...(entry?.reasons ?? [])],
        similarity: entry?.similarity ?? 0,
      };
    })
    .sort(
      (a, b) =>
        b.reasons.length - a.reasons.length ||
        b.similarity - a.similarity ||
        b.receivedAt.getTime() - a.receivedAt.getTime(),
    )
    .slice(0, shown);
}

const sqlIntArray = (values: readonly number[]) => sql`${`{${values.join(',')}}`}::integer[]`;
const sqlUuidArray = (values: readonly string[]) => sql`${`{${values.join(',')}}`}::uuid[]`;
const sqlTextArray = (values: readonly string[]) =>
  sql`${`{${values.map((value) => `"${value.replace(/["\\]/g, '')}"`).join(',')}}`}::text[]`;
