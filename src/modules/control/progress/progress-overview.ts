import { sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { getPlan, type PlanView } from '../plans/plan-reads.ts';
import { type PlanPractice, practiceRef, strategyRef } from '../plans/plan-types.ts';
import { dueDateOf, periodsOf } from './progress-rules.ts';
import { settingsOf, targetsOf } from './progress-service.ts';

/** 管制查考 §3, the secretariat's overview of a year: completion, missing reports, deadlines, indicators. */

export interface Completion {
  key: string;
  label: string;
  /** The label in English where the plan has one (an item's, a strategy's: the English plan page's words). */
  labelEn: string | null;
  done: number;
  total: number;
}

export interface OverviewView {
  plan: PlanView;
  pastPeriods: string[];
  byItem: Completion[];
  byStrategy: Completion[];
  byUnit: Completion[];
  pastDeadline: { ref: string; text: string; deadline: PlanPractice['deadline']; unitsNotDone: string[] }[];
  missing: { unitCode: string; missing: number; periods: string[] }[];
  shortOfTarget: {
    unitCode: string;
    indicator: string;
    unitOfMeasure: string;
    target: number;
    latest: number | null;
  }[];
}

/** Active units: the ones that carry a practice for every unit. */
async function activeUnitCodes(db: DatabaseOrTransaction): Promise<string[]> {
  const rows = await db.execute<{ code: string }>(
    sql`select code from units where is_active order by sort_order`,
  );
  return rows.rows.map((row) => row.code);
}

/**
 * A (practice, unit) pair is done when its latest entry says done. Completion counts pairs; a practice is
 * past its deadline when its month has ended before `today`; a report is missing for each (unit, practice,
 * period) whose due date has passed without an entry; an indicator is short when its latest measured value
 * has not reached its target (in the direction from the baseline to the target), or nothing was measured.
 */
export async function progressOverview(
  db: Database,
  year: number,
  today: string,
): Promise<OverviewView | null> {
  const plan = await getPlan(db, year);
  if (plan?.status !== 'published') return null;
  const settings = await settingsOf(db, plan.id);
  const pastPeriods = periodsOf(year, settings).filter((period) => dueDateOf(period, settings) < today);
  const allUnits = await activeUnitCodes(db);

  const latest = await db.execute<{ practice_id: string; unit_code: string; status: string }>(sql`
    select distinct on (practice_id, unit_code) practice_id, unit_code, status
    from control_progress_entries where year = ${year}
    order by practice_id, unit_code, period desc`);
  const doneSet = new Set(
    latest.rows.filter((row) => row.status === 'done').map((row) => `${row.practice_id}|${row.unit_code}`),
  );
  const counts = await db.execute<{ unit_code: string; period: string; n: string }>(sql`
    select unit_code, period, count(*)::text as n from control_progress_entries
    where year = ${year} group by unit_code, period`);
  const entered = new Map(counts.rows.map((row) => [`${row.unit_code}|${row.period}`, Number(row.n)]));

  const byItem: Completion[] = [];
  const byStrategy: Completion[] = [];
  const unitTotals = new Map<string, { done: number; total: number }>();
  const pastDeadline: OverviewView['pastDeadline'] = [];
  const carriedCount = new Map<string, number>();
  for (const item of plan.items) {
    const itemRow: Completion = {
      key: item.id,
      label: `${item.label}${item.title}`,
      labelEn: item.titleEn === null ? null : `${item.ordinal}. ${item.titleEn}`,
      done: 0,
      total: 0,
    };
    for (const strategy of item.strategies) {
      const ref = strategyRef(item.ordinal, strategy.ordinal);
      const row: Completion = {
        key: strategy.id,
        label: `${ref} ${strategy.text}`,
        labelEn: strategy.textEn === null ? null : `${ref} ${strategy.textEn}`,
        done: 0,
        total: 0,
      };
      for (const practice of strategy.practices) {
        const unitsOf = practice.everyUnit
          ? allUnits
          : (practice.unitCodes as readonly string[]).filter((c) => allUnits.includes(c));
        const notDone: string[] = [];
        for (const unit of unitsOf) {
          const done = doneSet.has(`${practice.id}|${unit}`);
          row.total += 1;
          if (done) row.done += 1;
          else notDone.push(unit);
          const totals = unitTotals.get(unit) ?? { done: 0, total: 0 };
          totals.total += 1;
          if (done) totals.done += 1;
          unitTotals.set(unit, totals);
          carriedCount.set(unit, (carriedCount.get(unit) ?? 0) + 1);
        }
        const deadline = practice.deadline;
        if (deadline.kind === 'month' && notDone.length > 0) {
          const end = dueDateOf(`${deadline.rocYear + 1911}-${String(deadline.month).padStart(2, '0')}`, {
            cadence: 'monthly',
            dueDay: 1,
          });
          if (end <= today)
            pastDeadline.push({
              ref: practiceRef(item.ordinal, strategy.ordinal, practice),
              text: practice.text,
              deadline,
              unitsNotDone: notDone,
            });
        }
      }
      itemRow.done += row.done;
      itemRow.total += row.total;
      byStrategy.push(row);
    }
    byItem.push(itemRow);
  }
  const byUnit = allUnits
    .filter((unit) => unitTotals.has(unit))
    .map((unit) => ({
      key: unit,
      label: unit,
      labelEn: null,
      ...(unitTotals.get(unit) ?? { done: 0, total: 0 }),
    }));

  const missing: OverviewView['missing'] = [];
  for (const unit of allUnits) {
    const carried = carriedCount.get(unit) ?? 0;
    if (carried === 0) continue;
    let count = 0;
    const periods: string[] = [];
    for (const period of pastPeriods) {
      const gap = carried - (entered.get(`${unit}|${period}`) ?? 0);
      if (gap > 0) {
        count += gap;
        periods.push(period);
      }
    }
    if (count > 0) missing.push({ unitCode: unit, missing: count, periods });
  }

  const targets = await targetsOf(db, year, null);
  // Target by target (by the values' target index), not every value of the year's entries (issue 4 §8).
  const targetIds = targets.map((target) => target.id);
  const latestValues =
    targetIds.length === 0
      ? { rows: [] }
      : await db.execute<{ target_id: string; value: number }>(sql`
    select t.id as target_id, latest.value
    from unnest(${sql.param(targetIds)}::uuid[]) as t(id)
    cross join lateral (
      select v.value
      from control_progress_values v join control_progress_entries e on e.id = v.entry_id
      where v.target_id = t.id and e.year = ${year}
      order by e.period desc, e.updated_at desc
      limit 1
    ) latest`);
  const latestOf = new Map(latestValues.rows.map((row) => [row.target_id, Number(row.value)]));
  const shortOfTarget: OverviewView['shortOfTarget'] = [];
  for (const target of targets) {
    const value = latestOf.get(target.id) ?? null;
    const lowerIsBetter = target.target < target.baseline;
    const reached = value !== null && (lowerIsBetter ? value <= target.target : value >= target.target);
    if (!reached)
      shortOfTarget.push({
        unitCode: target.unitCode,
        indicator: target.indicator,
        unitOfMeasure: target.unitOfMeasure,
        target: target.target,
        latest: value,
      });
  }
  return { plan, pastPeriods, byItem, byStrategy, byUnit, pastDeadline, missing, shortOfTarget };
}
