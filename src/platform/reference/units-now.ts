import type { DatabaseOrTransaction } from '../db/database.ts';
import { processContentVersions } from '../db/publications.ts';
import { listUnits } from './reference-repo.ts';
import type { UnitsByCode } from './unit-names.ts';

/**
 * Every unit (active or not) as the `units` table has it, for the pages rendered on each request that name
 * units (the /track timeline, the media log) and the kept public pages that do. Kept in the process for at
 * most `freshForMs`, and read again at once after a unit is published: saving a unit announces the 'units'
 * scope (unit-admin-service.ts), which moves this process's content versions at once and every other
 * process's when the notification arrives. Kept per database handle, so two apps in one process (tests)
 * never see each other's units; a transaction's read is kept only for that transaction.
 */

const freshForMs = 5_000;

interface Kept {
  at: number;
  stamp: string;
  units: Promise<UnitsByCode>;
}

const kept = new WeakMap<DatabaseOrTransaction, Kept>();

export function unitsNow(db: DatabaseOrTransaction): Promise<UnitsByCode> {
  const stamp = processContentVersions.stamp(['units']);
  const now = Date.now();
  const found = kept.get(db);
  if (found !== undefined && found.stamp === stamp && now - found.at < freshForMs) return found.units;
  const units = listUnits(db).then((rows): UnitsByCode => new Map(rows.map((unit) => [unit.code, unit])));
  const entry: Kept = { at: now, stamp, units };
  kept.set(db, entry);
  // A failed read is not kept: the next page reads again.
  units.catch(() => {
    if (kept.get(db) === entry) kept.delete(db);
  });
  return units;
}
