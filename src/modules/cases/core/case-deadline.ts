import {
  type Pause,
  startOfTaipeiDay,
  toTaipeiLocalDate,
  type WorkingCalendar,
} from '../../../platform/calendar/working-days.ts';
import type { Deadline } from '../../catalogue/index.ts';
import type { StoredPause } from './case-vocabulary.ts';
import { workflowOf } from './workflows.ts';

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

export type DeadlineStatus = 'on_track' | 'at_risk' | 'overdue' | 'paused' | 'answered' | 'finished';

/**
 * The deadline status of a case, from its workflow's word for its state first and only then from its
 * clock: a finished case (closed, rejected, withdrawn, …) is finished and an answered one (resolved, its
 * answer waiting to be sent) is answered, whatever pause its clock still holds. Resolving opens a pause
 * (the time until closing does not count against the unit), so reading "no due time" as "waiting for the
 * applicant" called resolved cases 暫停計算（待補正） (issue 14). Every surface asks this one function: the
 * case page, the queues, the staff API and /track.
 */
export function deadlineStatus(
  fields: { kind: string; state: string; dueAt: Date | null; atRiskAt: Date | null },
  now: Date,
): DeadlineStatus {
  const workflow = workflowOf(fields.kind);
  if (workflow.isFinished(fields.state)) return 'finished';
  if (workflow.isAnswered(fields.state)) return 'answered';
  if (fields.dueAt === null) return 'paused';
  if (now > fields.dueAt) return 'overdue';
  if (fields.atRiskAt !== null && now >= fields.atRiskAt) return 'at_risk';
  return 'on_track';
}

export const deadlineStatusLabels: Readonly<Record<DeadlineStatus, { zh: string; en: string }>> = {
  on_track: { zh: '正常', en: 'On track' },
  at_risk: { zh: '即將逾期', en: 'At risk' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  // Waiting for the applicant: a supplement, or a fee (the application workflow's awaiting_payment).
  paused: { zh: '暫停計算（等候申請人）', en: 'Paused (waiting for the applicant)' },
  answered: { zh: '已辦結（待結案）', en: 'Answered (to be closed)' },
  finished: { zh: '已結案', en: 'Closed' },
};

/**
 * Whether a finished or answered case was answered in time: the day it was answered (resolved, else
 * closed) against the expected completion date it had then (kept when the clock stops). Null while it is
 * open, or when it ended without an answer on record.
 */
export function answeredInTime(row: {
  resolvedAt: Date | null;
  closedAt: Date | null;
  expectedCompletionDate: string | null;
}): boolean | null {
  const answeredAt = row.resolvedAt ?? row.closedAt;
  if (answeredAt === null || row.expectedCompletionDate === null) return null;
  return toTaipeiLocalDate(answeredAt) <= row.expectedCompletionDate;
}

/** A new pause from now (waiting for the applicant, or an answer waiting to be sent). */
export function withOpenPause(pauses: readonly StoredPause[], now: Date): StoredPause[] {
  return [...pauses, { from: now.toISOString(), to: null }];
}

/** The open pause, if any, ended now: the clock runs again. */
export function closeOpenPause(pauses: readonly StoredPause[], now: Date): StoredPause[] {
  return pauses.map((pause) => (pause.to === null ? { from: pause.from, to: now.toISOString() } : pause));
}
