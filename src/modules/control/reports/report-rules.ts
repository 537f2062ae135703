import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { reportText as text } from './report-messages.ts';
import type { ReportState } from './report-schema.ts';

/**
 * 管制查考 §5, the annual report's rules without the database: its due date and when it is overdue, who may
 * read and edit it, when a target is met, and the narrative form's checks (every problem at once).
 */

export const maxNarrative = 20000;
export const maxItemNarrative = 5000;

/** 「1 February of the following year」 (seed 陸: the year's results reach the secretariat by then). */
export function reportDueDate(year: number): string {
  return `${year + 1}-02-01`;
}

/** The URL's subject: a unit code, or 'bureau' for the bureau-wide report. */
export const bureauSubject = 'bureau';

export function isOverdue(state: ReportState | 'none', dueDate: string, today: string): boolean {
  return state !== 'issued' && today > dueDate;
}

/** The secretariat and admins read and edit every report; a unit's editor and head read their unit's. */
export function mayReadReport(
  staff: Pick<StaffPrincipal, 'role' | 'unitCode'>,
  unitCode: string | null,
): boolean {
  if (staff.role === 'secretariat' || staff.role === 'admin') return true;
  return (
    (staff.role === 'unit_editor' || staff.role === 'unit_head') &&
    unitCode !== null &&
    staff.unitCode === unitCode
  );
}

export function mayEditReport(staff: Pick<StaffPrincipal, 'role'>): boolean {
  return staff.role === 'secretariat' || staff.role === 'admin';
}

export type TargetResult = 'met' | 'short' | 'none';

export function targetResult(baseline: number, target: number, measured: number | null): TargetResult {
  if (measured === null) return 'none';
  const higherIsBetter = target >= baseline;
  return (higherIsBetter ? measured >= target : measured <= target) ? 'met' : 'short';
}

export interface NarrativeForm {
  narrative: string;
  /** item id → text ('' removes it). */
  items: ReadonlyMap<string, string>;
}

export const itemField = (itemId: string) => `item-${itemId}`;

/** Every problem of the narrative form at once. */
export function narrativeProblems(form: NarrativeForm, itemTitles: ReadonlyMap<string, string>, lang: Lang) {
  const problems: FieldProblem[] = [];
  const narrative = form.narrative.trim();
  if (narrative === '')
    problems.push({ field: 'narrative', code: 'required', message: text(lang, 'narrativeRequired') });
  else if ([...narrative].length > maxNarrative)
    problems.push({
      field: 'narrative',
      code: 'too_long',
      message: text(lang, 'tooLong', { field: text(lang, 'narrativeLabel'), max: maxNarrative }),
    });
  for (const [itemId, value] of form.items) {
    const title = itemTitles.get(itemId);
    if (title === undefined) {
      problems.push({ field: itemField(itemId), code: 'unknown_item', message: text(lang, 'unknownItem') });
      continue;
    }
    if ([...value.trim()].length > maxItemNarrative)
      problems.push({
        field: itemField(itemId),
        code: 'too_long',
        message: text(lang, 'tooLong', { field: title, max: maxItemNarrative }),
      });
  }
  return problems;
}
