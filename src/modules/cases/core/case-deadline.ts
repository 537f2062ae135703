import {
  type Pause,
  startOfTaipeiDay,
  toTaipeiLocalDate,
  type WorkingCalendar,
} from '../../../platform/calendar/working-days.ts';
import type { Deadline } from '../../catalogue/index.ts';
import type { StoredPause } from './case-vocabulary.ts';

/**
 * A case's deadline from its service's rule (kept on the case as it was when opened), its pauses
 * (awaiting a supplement) and approved extensions.
 *
 * - Working days: counted from the day after receipt (收文之次日), 23:59:59.999 Taipei on the last day.
 * - Hours (hazards): a 24-hour clock from the moment of receipt; holidays do not stop it.
 * - At risk: from the start of the working day in which 80 % of the time is used (hour rules: at 80 %
 *   of the hours), so a handler is warned while there is still a day to act.
 * - While paused, there is no due time (the case cannot be overdue); the expected completion date the
 *   applicant was given stays until the clock runs again and it is recomputed.
 */

export interface CaseClock {
  receivedAt: Date;
  deadlineRule: Deadline;
  pauses: readonly StoredPause[];
  extensionAmount: number;
}

export interface ComputedDeadline {
  dueAt: Date | null;
  atRiskAt: Date | null;
  /** 'YYYY-MM-DD' Taipei, or null while paused (keep the previous one). */
  expectedCompletionDate: string | null;
}

export const atRiskShare = 0.8;

export function toPauses(stored: readonly StoredPause[]): Pause[] {
  return stored.map((pause) => ({
    from: new Date(pause.from),
    to: pause.to === null ? null : new Date(pause.to),
  }));
}

export function computeDeadline(calendar: WorkingCalendar, clock: CaseClock): ComputedDeadline {
  const pauses = toPauses(clock.pauses);
  if (clock.deadlineRule.kind === 'working_days') {
    const days = clock.deadlineRule.days + clock.extensionAmount;
    const dueAt = calendar.addWorkingDays(clock.receivedAt, days, { pauses });
    if (dueAt === null) return { dueAt: null, atRiskAt: null, expectedCompletionDate: null };
    const riskDay = calendar.addWorkingDays(clock.receivedAt, Math.max(1, Math.ceil(days * atRiskShare)), {
      pauses,
    });
    const atRiskAt = riskDay === null ? dueAt : startOfTaipeiDay(toTaipeiLocalDate(riskDay));
    return { dueAt, atRiskAt, expectedCompletionDate: toTaipeiLocalDate(dueAt) };
  }
  const hours = clock.deadlineRule.hours + clock.extensionAmount;
  const dueAt = calendar.addHours(clock.receivedAt, hours, { pauses });
  if (dueAt === null) return { dueAt: null, atRiskAt: null, expectedCompletionDate: null };
  const atRiskAt = calendar.addHours(clock.receivedAt, hours * atRiskShare, { pauses }) ?? dueAt;
  return { dueAt, atRiskAt, expectedCompletionDate: toTaipeiLocalDate(dueAt) };
}

export type DeadlineStatus = 'on_track' | 'at_risk' | 'overdue' | 'paused' | 'finished';

export function deadlineStatus(
  fields: { dueAt: Date | null; atRiskAt: Date | null; isFinished: boolean },
  now: Date,
): DeadlineStatus {
  if (fields.isFinished) return 'finished';
  if (fields.dueAt === null) return 'paused';
  if (now > fields.dueAt) return 'overdue';
  if (fields.atRiskAt !== null && now >= fields.atRiskAt) return 'at_risk';
  return 'on_track';
}

export const deadlineStatusLabels: Readonly<Record<DeadlineStatus, { zh: string; en: string }>> = {
  on_track: { zh: '正常', en: 'On track' },
  at_risk: { zh: '即將逾期', en: 'At risk' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  paused: { zh: '暫停計算（待補正）', en: 'Paused (awaiting information)' },
  finished: { zh: '已結束', en: 'Finished' },
};

/** A new pause from now (waiting for the applicant, or an answer waiting to be sent). */
export function withOpenPause(pauses: readonly StoredPause[], now: Date): StoredPause[] {
  return [...pauses, { from: now.toISOString(), to: null }];
}

/** The open pause, if any, ended now: the clock runs again. */
export function closeOpenPause(pauses: readonly StoredPause[], now: Date): StoredPause[] {
  return pauses.map((pause) => (pause.to === null ? { from: pause.from, to: now.toISOString() } : pause));
}
