import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { listUnits } from '../../../platform/reference/reference-repo.ts';
import type { Lang } from '../../../platform/web/i18n.ts';

/** A unit's names, as the pages of management control show them. */
export interface UnitName {
  code: string;
  nameZh: string;
  nameEn: string;
}

export type UnitNames = ReadonlyMap<string, UnitName>;

/** Every unit, active or not (a page may name a unit reorganised since), by code. */
export async function unitNamesOf(db: DatabaseOrTransaction): Promise<Map<string, UnitName>> {
  const units = await listUnits(db);
  return new Map(
    units.map((unit) => [unit.code, { code: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn }]),
  );
}

/** A unit's name in the reader's language; its code when the unit is unknown. */
export function unitNameIn(unitNames: UnitNames, code: string, lang: Lang): string {
  const unit = unitNames.get(code);
  if (!unit) return code;
  return lang === 'en' ? unit.nameEn : unit.nameZh;
}
