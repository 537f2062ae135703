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
