import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** Rows in groups small enough for one INSERT (PostgreSQL allows 65,535 parameters per statement). */
export function inBatches<T>(rows: readonly T[], size = 200): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < rows.length; start += size) batches.push(rows.slice(start, start + size));
  return batches;
}

/** `excluded.<column>`: the value the conflicting INSERT proposed, so an upsert refreshes every field. */
export function excluded(column: AnyPgColumn): SQL {
  return sql`excluded.${sql.identifier(column.name)}`;
}

/**
 * A fingerprint of values, computed by PostgreSQL: a 64-bit hash of their row's text (`hashtextextended`,
 * PostgreSQL 11 and later), as text. Any change of any value is a new fingerprint (but for a 1 in 2⁶⁴
 * chance); the entry cache (platform/http/entry-cache.ts) keeps a written entry under its row's id and this.
 */
export function fingerprintOf(values: readonly SQL[]): SQL<string> {
  return sql<string>`hashtextextended(row(${sql.join([...values], sql`, `)})::text, 0)::text`;
}
