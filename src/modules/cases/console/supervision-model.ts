import type { Lang } from '../../../platform/web/i18n.ts';
import type { SupervisionRow } from '../core/case-queries.ts';
import { consoleText as text } from './console-messages.ts';

/** One line of a unit's table: the unit's total, a case officer, or the cases nobody has yet. */
export interface SupervisionLine {
  kind: 'total' | 'handler' | 'unassigned';
  handlerId: string | null;
  name: string;
  open: number;
  atRisk: number;
  overdue: number;
}

export interface SupervisionUnit {
  unitCode: string;
  unitName: string;
  lines: SupervisionLine[];
}

/** The counts per unit and officer as the page shows them: one table per unit, its total first. Pure. */
export function supervisionUnits(
  rows: readonly SupervisionRow[],
  lang: Lang,
  unitName: (code: string) => string,
): SupervisionUnit[] {
  const grouped: SupervisionUnit[] = [];
  for (const row of rows) {
    let unit = grouped.at(-1);
    if (unit === undefined || unit.unitCode !== row.unitCode) {
      unit = { unitCode: row.unitCode, unitName: unitName(row.unitCode), lines: [] };
      grouped.push(unit);
    }
    const kind = row.isUnitTotal ? 'total' : row.handlerId === null ? 'unassigned' : 'handler';
    unit.lines.push({
      kind,
      handlerId: row.isUnitTotal ? null : row.handlerId,
      name:
        kind === 'total'
          ? text(lang, 'supervisionUnitTotal')
          : kind === 'unassigned'
            ? text(lang, 'unassigned')
            : (row.handlerName ?? '—'),
      open: row.open,
      atRisk: row.atRisk,
      overdue: row.overdue,
    });
  }
  return grouped;
}
