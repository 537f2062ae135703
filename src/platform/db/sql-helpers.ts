import { getTableName, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';

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
 * Give it `rowVersionOf` each table an entry is written from rather than their columns: turning columns
 * (dates above all) into text is most of the cost.
 */
export function fingerprintOf(values: readonly SQL[]): SQL<string> {
  return sql<string>`hashtextextended(row(${sql.join([...values], sql`, `)})::text, 0)::text`;
}

/**
 * Which version of its row a query reads from `table` (not aliased in the query): its `xmin`, the
 * transaction that wrote that version. Every UPDATE writes a new version with its own, so a fingerprint of
 * the row versions (and of anything looked up elsewhere) changes whenever any column does — without turning
 * the columns into text, which for 1000 Open311 entries of 16 columns was 3.2 of a list's 7.5 ms (ADR 0020).
 * Two visible versions of a row never share one (a transaction's own intermediate versions are never seen by
 * others); a value comes round again only after 2³² transactions, and then must land on the same row.
 */
export function rowVersionOf(table: PgTable): SQL<string> {
  return sql<string>`${sql.identifier(getTableName(table))}.xmin`;
}
