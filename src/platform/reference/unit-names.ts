import type { Lang } from '../web/i18n.ts';
import type { BureauUnit } from './units.ts';

/**
 * The units as the `units` table has them now (an admin edits them: issue 17 §2), by code, in display
 * order: what citizens' pages and receipts name a unit by. Read with `unitsNow` (units-now.ts); this file
 * loads no database code, so pure presenters can take the map.
 */
export type UnitsByCode = ReadonlyMap<string, BureauUnit>;

/** A unit's name in the reader's language; its code when the table has no such unit. */
export function unitNameIn(units: UnitsByCode, code: string, lang: Lang): string {
  const unit = units.get(code);
  if (unit === undefined) return code;
  return lang === 'en' ? unit.nameEn : unit.nameZh;
}

/** The units that exist today (the table's `is_active`), in display order. */
export function activeUnitsIn(units: UnitsByCode): BureauUnit[] {
  return [...units.values()].filter((unit) => unit.isActive);
}
