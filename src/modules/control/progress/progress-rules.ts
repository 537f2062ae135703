import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import type { PlanPractice, PlanSnapshot } from '../plans/plan-types.ts';
import { practiceRef, strategyRef } from '../plans/plan-types.ts';
import { progressText as text } from './progress-messages.ts';

/**
 * 管制查考 §3, the rules without the database: the periods of a year and their due dates, the practices a unit
 * carries, who may enter a unit's progress, and the checks of an entry and of the cadence (every problem at
 * once).
 */

export const progressStatuses = ['not_started', 'on_track', 'at_risk', 'done', 'not_done'] as const;
export type ProgressStatus = (typeof progressStatuses)[number];
export type ProgressCadence = 'monthly' | 'quarterly';

export interface ProgressSettings {
  cadence: ProgressCadence;
  dueDay: number;
}
export const defaultSettings: ProgressSettings = { cadence: 'monthly', dueDay: 10 };

/** The year's periods in order: `2012-01` … `2012-12`, or `2012-Q1` … `2012-Q4`. */
export function periodsOf(year: number, settings: ProgressSettings): string[] {
  if (settings.cadence === 'quarterly') return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  return Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}`);
}

/** The ISO date an entry for the period is due: `dueDay` of the month after the period. */
export function dueDateOf(period: string, settings: ProgressSettings): string {
  const match = /^(\d{4})-(?:(\d{2})|Q([1-4]))$/.exec(period);
  if (!match) throw new Error(`dueDateOf: bad period ${period}`);
  const year = Number(match[1]);
  const lastMonth = match[2] ? Number(match[2]) : Number(match[3]) * 3;
  const next = new Date(Date.UTC(year, lastMonth, settings.dueDay));
  return next.toISOString().slice(0, 10);
}

/** The current period of a Taipei date under the settings. */
export function periodOfDate(isoDate: string, settings: ProgressSettings): string {
  const year = isoDate.slice(0, 4);
  const month = Number(isoDate.slice(5, 7));
  return settings.cadence === 'quarterly'
    ? `${year}-Q${Math.ceil(month / 3)}`
    : `${year}-${String(month).padStart(2, '0')}`;
}

export interface CarriedPractice {
  practice: PlanPractice;
  ref: string;
  itemOrdinal: number;
  strategyRef: string;
}

/** The practices of the plan the unit carries (its own code, or every unit), in the plan's order. */
export function practicesCarried(plan: Pick<PlanSnapshot, 'items'>, unitCode: string): CarriedPractice[] {
  const list: CarriedPractice[] = [];
  for (const item of plan.items)
    for (const strategy of item.strategies)
      for (const practice of strategy.practices)
        if (practice.everyUnit || (practice.unitCodes as readonly string[]).includes(unitCode))
          list.push({
            practice,
            ref: practiceRef(item.ordinal, strategy.ordinal, practice),
            itemOrdinal: item.ordinal,
            strategyRef: strategyRef(item.ordinal, strategy.ordinal),
          });
  return list;
}

/**
 * Where a practice stands for a period on the unit's list: entered (whatever its status), due (not entered,
 * the due date not passed) or overdue (not entered, the due date passed).
 */
export type EntryState = 'due' | 'overdue' | 'entered';
export function entryStateOf(hasEntry: boolean, dueDate: string, today: string): EntryState {
  if (hasEntry) return 'entered';
  return today > dueDate ? 'overdue' : 'due';
}

export interface TargetView {
  id: string;
  practiceIds: string[];
  indicator: string;
  unitOfMeasure: string;
  baseline: number;
  target: number;
}

export function isProgressStatus(value: string): value is ProgressStatus {
  return (progressStatuses as readonly string[]).includes(value);
}

export interface ProgressForm {
  practiceId: string;
  status: string;
  narrative: string;
  /** target id → the value as typed. */
  values: Record<string, string>;
  links: string;
}

function linksOf(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The unit's editor or head (of that unit), or the secretariat / an admin. */
export function mayEnter(staff: Pick<StaffPrincipal, 'role' | 'unitCode'>, unitCode: string): boolean {
  if (staff.role === 'admin' || staff.role === 'secretariat') return true;
  return (staff.role === 'unit_editor' || staff.role === 'unit_head') && staff.unitCode === unitCode;
}

/** The longest narrative an entry may have. */
export const maxNarrative = 5000;

/**
 * Every problem of an entry at once: the period (one of the plan year's), the practice (one the unit
 * carries), the status, each measured value (a number, for a target of that practice), each link (http or
 * https) and the narrative's length. Returns the values read, to store.
 */
export function entryProblems(
  form: ProgressForm,
  context: {
    lang: Lang;
    year: number;
    period: string;
    plan: Pick<PlanSnapshot, 'items'>;
    unitCode: string;
    settings: ProgressSettings;
    /** The unit's targets. */
    targets: readonly TargetView[];
  },
): { problems: FieldProblem[]; values: { targetId: string; value: number }[]; links: string[] } {
  const { lang, plan } = context;
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, code: 'invalid', message });
  if (!periodsOf(context.year, context.settings).includes(context.period))
    problem('period', text(lang, 'badPeriod', { period: context.period, year: context.year }));
  const isCarried = practicesCarried(plan, context.unitCode).some(
    (carried) => carried.practice.id === form.practiceId,
  );
  if (!isCarried) {
    let ref = form.practiceId;
    for (const item of plan.items)
      for (const strategy of item.strategies)
        for (const practice of strategy.practices)
          if (practice.id === form.practiceId) ref = practiceRef(item.ordinal, strategy.ordinal, practice);
    problem('practiceId', text(lang, 'notCarried', { practice: ref }));
  }
  if (!isProgressStatus(form.status)) problem('status', text(lang, 'unknownStatus'));
  const targets = context.targets.filter((target) => target.practiceIds.includes(form.practiceId));
  const values: { targetId: string; value: number }[] = [];
  for (const [targetId, raw] of Object.entries(form.values)) {
    const typed = raw.trim().replaceAll(',', '');
    if (typed === '') continue;
    const target = targets.find((candidate) => candidate.id === targetId);
    if (!target) {
      problem(`value-${targetId}`, text(lang, 'unknownTarget'));
      continue;
    }
    const value = Number(typed);
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(typed) || !Number.isFinite(value))
      problem(`value-${targetId}`, text(lang, 'notNumber', { indicator: target.indicator }));
    else values.push({ targetId, value });
  }
  const links = linksOf(form.links);
  for (const link of links) if (!isHttpUrl(link)) problem('links', text(lang, 'badLink', { link }));
  if (form.narrative.length > maxNarrative)
    problem('narrative', text(lang, 'narrativeTooLong', { max: maxNarrative }));
  return { problems, values, links };
}

/** The cadence (monthly or quarterly) and the day of the following month an entry is due (1–28). */
export function settingsProblems(
  form: { cadence: string; dueDay: string },
  lang: Lang,
): { problems: FieldProblem[]; settings: ProgressSettings | null } {
  const problems: FieldProblem[] = [];
  const isCadence = form.cadence === 'monthly' || form.cadence === 'quarterly';
  if (!isCadence) problems.push({ field: 'cadence', code: 'invalid', message: text(lang, 'badCadence') });
  const typed = form.dueDay.trim();
  const dueDay = Number(typed);
  const isDueDay = /^\d{1,2}$/.test(typed) && dueDay >= 1 && dueDay <= 28;
  if (!isDueDay) problems.push({ field: 'dueDay', code: 'invalid', message: text(lang, 'badDueDay') });
  return {
    problems,
    settings: isCadence && isDueDay ? { cadence: form.cadence as ProgressCadence, dueDay } : null,
  };
}
