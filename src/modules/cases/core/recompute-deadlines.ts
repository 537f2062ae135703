import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { loadWorkingCalendar } from '../../../platform/calendar/calendar-service.ts';
import type { WorkingCalendar } from '../../../platform/calendar/working-days.ts';
import { type Database, type DatabaseOrTransaction, withTransaction } from '../../../platform/db/database.ts';
import { units } from '../../../platform/reference/reference-schema.ts';
import { forgetCalendarCache } from './case-calendar.ts';
import { computeDeadline } from './case-deadline.ts';
import { addToTimeline } from './case-timeline.ts';
import { cases } from './cases-schema.ts';
import { type CaseState, finishedStates, openStates } from './workflows.ts';

/**
 * After the calendar changes (a typhoon day, a late correction): recomputes the deadline of every open case
 * whose clock runs over that day — the stored due dates would otherwise keep the old calendar. In batches,
 * each case under its row lock; the version is not bumped (nobody's view of the case is made stale by it),
 * but the new date is on the timeline when it moved.
 */
export async function recomputeOpenDeadlines(
  db: Database,
  options: { changedDay: string; calendarRegion: string; now: Date },
): Promise<{ checked: number; moved: number }> {
  forgetCalendarCache();
  const calendar = await loadWorkingCalendar(db, { region: options.calendarRegion });
  let checked = 0;
  let moved = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await db
      .select({ id: cases.id })
      .from(cases)
      .where(
        and(
          inArray(cases.state, [...openStates]),
          sql`${cases.id} > ${after}`,
          sql`${cases.receivedAt} < (${options.changedDay}::date + 1)::timestamp at time zone 'Asia/Taipei'`,
          sql`coalesce(${cases.expectedCompletionDate}, ${options.changedDay}::date) >= ${options.changedDay}::date`,
        ),
      )
      .orderBy(asc(cases.id))
      .limit(500);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]?.id ?? after;
    await withTransaction(db, async (tx) => {
      const rows = await tx
        .select()
        .from(cases)
        .where(
          inArray(
            cases.id,
            batch.map((row) => row.id),
          ),
        )
        .for('update');
      for (const row of rows) {
        checked += 1;
        if (finishedStates.has(row.state as CaseState)) continue;
        const deadline = computeDeadline(calendar, row);
        const expected = deadline.expectedCompletionDate ?? row.expectedCompletionDate;
        if (deadline.dueAt?.getTime() === row.dueAt?.getTime() && expected === row.expectedCompletionDate)
          continue;
        moved += 1;
        await tx
          .update(cases)
          .set({ dueAt: deadline.dueAt, atRiskAt: deadline.atRiskAt, expectedCompletionDate: expected })
          .where(eq(cases.id, row.id));
        await addToTimeline(tx, {
          caseId: row.id,
          at: options.now,
          kind: 'note',
          actor: { kind: 'system' },
          publicNote:
            expected === row.expectedCompletionDate
              ? null
              : `因行事曆異動（${options.changedDay}），預計完成日期調整為 ${expected}。`,
          data: { calendarChange: options.changedDay, from: row.expectedCompletionDate, to: expected },
        });
      }
    });
  }
  return { checked, moved };
}

export interface DeadlinePreview {
  /** Open cases whose clock runs over a changed day. */
  checked: number;
  /** Of those, the cases whose deadline or expected date would move. */
  moved: number;
  /** Moving cases by the unit that holds them, most first. */
  byUnit: { unitCode: string; nameZh: string; nameEn: string; moved: number }[];
  /** A few moving cases (earliest deadline first): number, unit, expected date before → after. */
  examples: { caseNumber: string; unitCode: string; from: string | null; to: string | null }[];
}

/**
 * The dry run of recomputeOpenDeadlines for a calendar change not made yet (the administration's preview,
 * issue 17 §3): the open cases whose clock runs over one of `changedDays`, recomputed with `calendar` (the
 * calendar as it would be), counted by unit; nothing written, no row locked. The change itself recomputes
 * again when it is made — these counts are only what the person is shown before confirming.
 */
export async function previewOpenDeadlines(
  db: DatabaseOrTransaction,
  options: { calendar: WorkingCalendar; changedDays: readonly string[]; exampleCount?: number },
): Promise<DeadlinePreview> {
  const preview: DeadlinePreview = { checked: 0, moved: 0, byUnit: [], examples: [] };
  if (options.changedDays.length === 0) return preview;
  const sorted = [...options.changedDays].sort();
  const first = sorted[0] as string;
  const last = sorted.at(-1) as string;
  const counts = new Map<string, number>();
  const moving: (DeadlinePreview['examples'][number] & { dueAt: number })[] = [];
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .select({
        id: cases.id,
        caseNumber: cases.caseNumber,
        unitCode: cases.unitCode,
        receivedAt: cases.receivedAt,
        deadlineRule: cases.deadlineRule,
        pauses: cases.pauses,
        extensionAmount: cases.extensionAmount,
        dueAt: cases.dueAt,
        expectedCompletionDate: cases.expectedCompletionDate,
      })
      .from(cases)
      .where(
        and(
          inArray(cases.state, [...openStates]),
          sql`${cases.id} > ${after}`,
          sql`${cases.receivedAt} < (${last}::date + 1)::timestamp at time zone 'Asia/Taipei'`,
          sql`coalesce(${cases.expectedCompletionDate}, ${first}::date) >= ${first}::date`,
        ),
      )
      .orderBy(asc(cases.id))
      .limit(500);
    if (rows.length === 0) break;
    after = rows[rows.length - 1]?.id ?? after;
    for (const row of rows) {
      preview.checked += 1;
      const deadline = computeDeadline(options.calendar, row);
      const expected = deadline.expectedCompletionDate ?? row.expectedCompletionDate;
      if (deadline.dueAt?.getTime() === row.dueAt?.getTime() && expected === row.expectedCompletionDate)
        continue;
      preview.moved += 1;
      counts.set(row.unitCode, (counts.get(row.unitCode) ?? 0) + 1);
      moving.push({
        caseNumber: row.caseNumber,
        unitCode: row.unitCode,
        from: row.expectedCompletionDate,
        to: expected,
        dueAt: row.dueAt?.getTime() ?? Number.POSITIVE_INFINITY,
      });
    }
  }
  const names =
    counts.size === 0
      ? []
      : await db
          .select({ code: units.code, nameZh: units.nameZh, nameEn: units.nameEn })
          .from(units)
          .where(inArray(units.code, [...counts.keys()]));
  preview.byUnit = [...counts]
    .map(([unitCode, moved]) => {
      const unit = names.find((name) => name.code === unitCode);
      return { unitCode, nameZh: unit?.nameZh ?? unitCode, nameEn: unit?.nameEn ?? unitCode, moved };
    })
    .sort((a, b) => b.moved - a.moved || a.unitCode.localeCompare(b.unitCode));
  preview.examples = moving
    .sort((a, b) => a.dueAt - b.dueAt || a.caseNumber.localeCompare(b.caseNumber))
    .slice(0, options.exampleCount ?? 5)
    .map(({ dueAt: _dueAt, ...example }) => example);
  return preview;
}
