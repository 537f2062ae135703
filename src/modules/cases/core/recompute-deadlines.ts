import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { loadWorkingCalendar } from '../../../platform/calendar/calendar-service.ts';
import { type Database, withTransaction } from '../../../platform/db/database.ts';
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
