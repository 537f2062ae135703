import type { DatabaseOrTransaction } from './database.ts';
import { processContentVersions } from './publications.ts';

/**
 * A read of reference data that pages rendered on each request need (the units, the classification
 * schemes), kept in the process for at most `freshForMs` and read again at once after any of `scopes` is
 * announced (publications.ts: this process's own announcement at once, every other process's when its
 * notification arrives). Kept per database handle, so two apps in one process (tests) never see each
 * other's rows; a transaction's read is kept only for that transaction. A failed read is not kept: the next
 * page reads again.
 */
export function keptRead<Value>(
  scopes: readonly string[],
  read: (db: DatabaseOrTransaction) => Promise<Value>,
  freshForMs = 5_000,
): (db: DatabaseOrTransaction) => Promise<Value> {
  const kept = new WeakMap<DatabaseOrTransaction, { at: number; stamp: string; value: Promise<Value> }>();
  return (db) => {
    const stamp = processContentVersions.stamp(scopes);
    const now = Date.now();
    const found = kept.get(db);
    if (found !== undefined && found.stamp === stamp && now - found.at < freshForMs) return found.value;
    const entry = { at: now, stamp, value: read(db) };
    kept.set(db, entry);
    entry.value.catch(() => {
      if (kept.get(db) === entry) kept.delete(db);
    });
    return entry.value;
  };
}
