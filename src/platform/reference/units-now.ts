import { keptRead } from '../db/kept-read.ts';
import { listUnits } from './reference-repo.ts';
import type { UnitsByCode } from './unit-names.ts';

/**
 * Every unit (active or not) as the `units` table has it, for the pages rendered on each request that name
 * units (the /track timeline, the media log) and the kept public pages that do. Kept in the process for at
 * most 5 s, and read again at once after a unit is published: saving a unit announces the 'units' scope
 * (unit-admin-service.ts). See `keptRead`.
 */
export const unitsNow = keptRead(
  ['units'],
  async (db): Promise<UnitsByCode> => new Map((await listUnits(db)).map((unit) => [unit.code, unit])),
);
