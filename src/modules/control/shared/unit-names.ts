import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { listUnits } from '../../../platform/reference/reference-repo.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { listText, withNote } from './control-format.ts';
import { sharedText } from './shared-messages.ts';

/** A unit's names, as the pages of management control show them. */
export interface UnitName {
  code: string;
  nameZh: string;
  nameEn: string;
  /** A unit reorganised away: the codes of the units that took its work over (else empty). */
  succeededBy?: readonly string[];
  /** Whether the unit exists today. */
  isActive?: boolean;
}

export type UnitNames = ReadonlyMap<string, UnitName>;

/** Every unit, active or not (a page may name a unit reorganised since), by code. */
export async function unitNamesOf(db: DatabaseOrTransaction): Promise<Map<string, UnitName>> {
  const units = await listUnits(db);
  return new Map(
    units.map((unit) => [
      unit.code,
      {
        code: unit.code,
        nameZh: unit.nameZh,
        nameEn: unit.nameEn,
        succeededBy: unit.succeededBy,
        isActive: unit.isActive,
      },
    ]),
  );
}

/**
 * A unit's name with what it is when a reorganisation left two units of the same work on a list (issue 14
 * §15: 「養護工程處」 of the 2012 plan beside today's 「道路養護工程處」): a unit no longer active names its
 * successors, an active one that took over a former unit's work names it. Other units: just the name. From the
 * units' data (is_active, succeeded_by), nothing written here.
 */
export function unitLabelIn(unitNames: UnitNames, code: string, lang: Lang): string {
  const name = unitNameIn(unitNames, code, lang);
  const unit = unitNames.get(code);
  if (!unit) return name;
  const successors = unit.isActive === false ? (unit.succeededBy ?? []) : [];
  if (successors.length > 0)
    return withNote(
      lang,
      name,
      sharedText(lang, 'unitFormer', {
        successors: listText(
          lang,
          successors.map((successor) => unitNameIn(unitNames, successor, lang)),
        ),
      }),
    );
  const predecessors = [...unitNames.values()].filter(
    (other) => other.isActive === false && (other.succeededBy ?? []).includes(code),
  );
  if (unit.isActive !== false && predecessors.length > 0)
    return withNote(
      lang,
      name,
      sharedText(lang, 'unitCurrent', {
        predecessors: listText(
          lang,
          predecessors.map((other) => unitNameIn(unitNames, other.code, lang)),
        ),
      }),
    );
  return name;
}

/** A unit's name in the reader's language; its code when the unit is unknown. */
export function unitNameIn(unitNames: UnitNames, code: string, lang: Lang): string {
  const unit = unitNames.get(code);
  if (!unit) return code;
  return lang === 'en' ? unit.nameEn : unit.nameZh;
}
