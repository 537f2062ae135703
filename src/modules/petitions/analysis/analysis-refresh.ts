import { type SQL, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../../platform/db/database.ts';
import type { Clock } from '../../../platform/http/clock.ts';
import { defineQueue, type Jobs } from '../../../platform/jobs/jobs.ts';
import {
  addMonths,
  handlingBucketBounds,
  handlingBucketCount,
  hotspotMinimum,
  monthStart,
  taipeiMonthOf,
} from './analysis-rules.ts';

/**
 * Keeping the analysis's roll-ups (analysis-schema.ts; ADR 0016, "Analysis"). A petition's state changes in
 * the case core, in its transaction, which knows nothing of the analysis; so a scan every five minutes finds
 * the petitions that changed since the last one — through the timeline (`case_events`, every transition,
 * assignment and creation writes a row; its id is the watermark, read again from a little before it so that
 * a transaction that committed late is not missed) and the links between petitions — and recomputes, in one
 * transaction, every Taipei month those petitions were received in and every place they are at. A month is
 * recomputed whole from `petitions` and `cases` (its ~20,000 petitions at 2,000,000 in eight years: well
 * under a second), so the roll-up never drifts. Every night, and whenever the roll-up has never been made,
 * every month is recomputed.
 *
 * Read-only joins of another module's tables (CONTRIBUTING, rule 2: a batch scan may): `cases` and
 * `case_events` of the case core.
 */

export const analysisRefreshQueue = defineQueue<{ slot: number }>({
  name: 'petitions.analysis.refresh',
  retryLimit: 2,
  retryDelaySeconds: 60,
  retryBackoff: true,
  expireInSeconds: 1800,
  policy: 'exclusive',
});

export const analysisRefreshMinutes = 5;

/** Timeline events read again before the watermark: a transaction holding an earlier id may commit late. */
const eventOverlap = 2000;
/** Links read again before the newest one seen, for the same reason (their time is the app's clock). */
const linkOverlapMs = 15 * 60_000;

export interface RefreshDeps {
  db: Database;
  jobs: Jobs;
  clock: Clock;
}

/** Asks for the refresh of the current slot; several processes asking at once give one job. */
export async function requestAnalysisRefresh(deps: RefreshDeps): Promise<void> {
  const slot = Math.floor(deps.clock.now().getTime() / (analysisRefreshMinutes * 60_000));
  await deps.jobs.send(analysisRefreshQueue, { slot }, { tx: deps.db, singletonKey: `slot-${slot}` });
}

export async function startAnalysisWorker(deps: RefreshDeps): Promise<void> {
  await deps.jobs.ensureQueue(analysisRefreshQueue);
  await deps.jobs.work(analysisRefreshQueue, async () => {
    await refreshPetitionStats(deps.db, { now: deps.clock.now() });
  });
}

export interface RefreshOutcome {
  kind: 'rebuilt' | 'refreshed' | 'unchanged';
  months: number;
  places: number;
}

/**
 * Brings the roll-ups up to date: every month when `rebuild` (or when never made, or at night once a day),
 * else the months and places of the petitions changed since the last refresh. One transaction, the state row
 * locked first, so two refreshes never interleave and readers see the old figures or the new, never half.
 */
export async function refreshPetitionStats(
  db: Database,
  options: { now: Date; rebuild?: boolean },
): Promise<RefreshOutcome> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local statement_timeout = '30min'`);
    await tx.execute(sql`set local work_mem = '64MB'`);
    await tx.execute(sql`
      insert into petition_stats_refresh (id, last_event_id, refreshed_at, rebuilt_at)
      values (1, -1, 'epoch', 'epoch') on conflict (id) do nothing`);
    const [state] = (
      await tx.execute<{ last_event_id: string; last_linked_at: Date | null; rebuilt_at: Date }>(
        sql`select last_event_id, last_linked_at, rebuilt_at from petition_stats_refresh where id = 1 for update`,
      )
    ).rows;
    const lastEventId = Number(state?.last_event_id ?? -1);
    const rebuiltAt = new Date(state?.rebuilt_at ?? 0);
    const marks = await readMarks(tx);
    const isRebuild =
      options.rebuild === true || lastEventId < 0 || isNightlyRebuildDue(rebuiltAt, options.now);
    let outcome: RefreshOutcome;
    if (isRebuild) {
      outcome = { kind: 'rebuilt', ...(await rebuildAll(tx)) };
    } else if (
      marks.lastEventId <= lastEventId &&
      (marks.lastLinkedAt === null ||
        (state?.last_linked_at != null && marks.lastLinkedAt <= new Date(state.last_linked_at)))
    ) {
      outcome = { kind: 'unchanged', months: 0, places: 0 };
    } else {
      const linkedSince = new Date(
        (state?.last_linked_at == null ? 0 : new Date(state.last_linked_at).getTime()) - linkOverlapMs,
      );
      const touched = await touchedPetitions(tx, Math.max(0, lastEventId - eventOverlap), linkedSince);
      for (const month of touched.months) await recomputeMonth(tx, month);
      await recomputePlaces(tx, touched.places);
      outcome = { kind: 'refreshed', months: touched.months.length, places: touched.places.length };
    }
    await tx.execute(sql`
      update petition_stats_refresh
         set last_event_id = ${marks.lastEventId}, last_linked_at = ${marks.lastLinkedAt},
             refreshed_at = ${options.now}${isRebuild ? sql`, rebuilt_at = ${options.now}` : sql``}
       where id = 1`);
    return outcome;
  });
}

/** Once a day, between 02:00 and 05:00 Taipei time; or after two days whatever the hour. */
function isNightlyRebuildDue(rebuiltAt: Date, now: Date): boolean {
  const age = now.getTime() - rebuiltAt.getTime();
  const taipeiHour = new Date(now.getTime() + 8 * 3_600_000).getUTCHours();
  return age >= 48 * 3_600_000 || (age >= 20 * 3_600_000 && taipeiHour >= 2 && taipeiHour < 5);
}

async function readMarks(tx: Transaction): Promise<{ lastEventId: number; lastLinkedAt: Date | null }> {
  const [row] = (
    await tx.execute<{ last_event_id: string | null; last_linked_at: Date | null }>(sql`
      select (select max(id) from case_events) as last_event_id,
             (select max(linked_at) from petition_links) as last_linked_at`)
  ).rows;
  return {
    lastEventId: Number(row?.last_event_id ?? 0),
    lastLinkedAt: row?.last_linked_at == null ? null : new Date(row.last_linked_at),
  };
}

/** The months and places of the petitions the timeline or the links touched since the marks. */
async function touchedPetitions(
  tx: Transaction,
  fromEventId: number,
  linkedSince: Date,
): Promise<{ months: string[]; places: string[] }> {
  const rows = await tx.execute<{ received_at: Date; place_key: string | null }>(sql`
    select p.received_at, p.place_key
      from (select e.case_id from case_events e where e.id > ${fromEventId}
            union
            select l.case_id from petition_links l where l.linked_at > ${linkedSince}) as touched
      join petitions p on p.case_id = touched.case_id`);
  const months = new Set<string>();
  const places = new Set<string>();
  for (const row of rows.rows) {
    months.add(taipeiMonthOf(new Date(row.received_at)));
    if (row.place_key !== null) places.add(row.place_key);
  }
  return { months: [...months].sort(), places: [...places].sort() };
}

/** Every month from the first petition's to the last's, and every place. */
async function rebuildAll(tx: Transaction): Promise<{ months: number; places: number }> {
  const [range] = (
    await tx.execute<{ first: Date | null; last: Date | null }>(
      sql`select min(received_at) as first, max(received_at) as last from petitions`,
    )
  ).rows;
  await tx.execute(sql`delete from petition_month_stats`);
  await tx.execute(sql`delete from petition_place_stats`);
  if (range?.first == null || range.last == null) return { months: 0, places: 0 };
  const last = taipeiMonthOf(new Date(range.last));
  let count = 0;
  for (let month = taipeiMonthOf(new Date(range.first)); month <= last; month = addMonths(month, 1)) {
    await recomputeMonth(tx, month, { isEmptied: true });
    count += 1;
  }
  await recomputePlaces(tx, 'all');
  const [hot] = (
    await tx.execute<{ places: number }>(
      sql`select count(distinct place_key)::int as places from petition_place_stats`,
    )
  ).rows;
  return { months: count, places: hot?.places ?? 0 };
}

const sumOf = (names: readonly string[]) => sql.raw(names.map((name) => `sum(${name})`).join(', '));
const histogramNames = Array.from({ length: handlingBucketCount }, (_, bucket) => `h${bucket}`);
/** width_bucket's thresholds: every bound but the first (0), so bucket i starts at handlingBucketBounds[i]. */
const thresholds = sql.raw(`'{${handlingBucketBounds.slice(1).join(',')}}'::float8[]`);
const histogramCounts = sql.raw(
  histogramNames.map((name, bucket) => `count(*) filter (where bucket = ${bucket}) as ${name}`).join(', '),
);
const dimension = (column: string) =>
  sql.raw(`case when grouping(${column}) = 1 then '*' else ${column} end`);

/**
 * One Taipei month, recomputed whole: the month's petitions summed per combination of type, unit, district and
 * source (the cells), then the cells rolled up to every grain (`cube`: 16 rows per combination at most).
 */
async function recomputeMonth(tx: Transaction, month: string, options: { isEmptied?: boolean } = {}) {
  const start = monthStart(month);
  const end = monthStart(addMonths(month, 1));
  if (options.isEmptied !== true)
    await tx.execute(sql`delete from petition_month_stats where month = ${`${month}-01`}`);
  await tx.execute(sql`
    insert into petition_month_stats
      (month, grain, service_code, unit_code, district_code, source, received, finished, judged, on_time,
       declined, repeats, handling_seconds, ${sql.raw(histogramNames.join(', '))})
    with base as (
      select c.service_code, c.unit_code, coalesce(c.district_code, '') as district_code, p.source,
             coalesce(c.resolved_at, c.closed_at) as finished_at, c.due_at_answer,
             p.decline_ground is not null as is_declined,
             exists (select 1 from petition_links l where l.case_id = p.case_id) as is_repeat,
             (case when coalesce(c.resolved_at, c.closed_at) is not null
                   then greatest(0, extract(epoch from coalesce(c.resolved_at, c.closed_at) - p.received_at))
              end)::float8 as seconds
        from petitions p
        join cases c on c.id = p.case_id
       where p.received_at >= ${start} and p.received_at < ${end}
    ), cells as (
      select service_code, unit_code, district_code, source,
             count(*) as received,
             count(seconds) as finished,
             count(*) filter (where seconds is not null and due_at_answer is not null) as judged,
             count(*) filter (where finished_at <= due_at_answer) as on_time,
             count(*) filter (where is_declined) as declined,
             count(*) filter (where is_repeat) as repeats,
             coalesce(sum(seconds), 0) as handling_seconds,
             ${histogramCounts}
        from (select *, width_bucket(seconds / 86400, ${thresholds}) as bucket from base) b
       group by service_code, unit_code, district_code, source
    )
    select ${`${month}-01`}::date,
           15 - grouping(service_code, unit_code, district_code, source),
           ${dimension('service_code')}, ${dimension('unit_code')}, ${dimension('district_code')},
           ${dimension('source')},
           sum(received), sum(finished), sum(judged), sum(on_time), sum(declined), sum(repeats),
           round(sum(handling_seconds)), ${sumOf(histogramNames)}
      from cells
     group by cube(service_code, unit_code, district_code, source)
    -- A month without petitions: the cube's grand total of no cells is one row of nulls; it is left out.
    having count(*) > 0`);
}

/**
 * The hot places' rows, recomputed whole for these places (or every place): by month, at grain 0 (the place
 * alone) and 13 (with type, unit and source), only for places with at least `hotspotMinimum` petitions in
 * all — a place with fewer can never be a hotspot of any period. Confidential reports are left out.
 */
async function recomputePlaces(tx: Transaction, places: readonly string[] | 'all'): Promise<void> {
  if (places !== 'all' && places.length === 0) return;
  const which: SQL =
    places === 'all'
      ? sql`p.place_key is not null`
      : sql`p.place_key = any(${`{${places.map((key) => `"${key.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[])`;
  if (places !== 'all') await tx.execute(sql`delete from petition_place_stats p where ${which}`);
  await tx.execute(sql`
    insert into petition_place_stats
      (month, grain, place_key, district_code, service_code, unit_code, source, petitions, located,
       latitude_sum, longitude_sum)
    with base as (
      select p.place_key, c.service_code, c.unit_code, p.source, c.latitude, c.longitude,
             date_trunc('month', p.received_at at time zone 'Asia/Taipei')::date as month,
             count(*) over (partition by p.place_key) as total
        from petitions p
        join cases c on c.id = p.case_id
       where ${which} and not p.is_confidential
    )
    select month, case when grouping(service_code) = 1 then 0 else 13 end, place_key,
           split_part(place_key, '|', 1),
           ${dimension('service_code')}, ${dimension('unit_code')}, ${dimension('source')},
           count(*), count(latitude), coalesce(sum(latitude), 0), coalesce(sum(longitude), 0)
      from base
     where total >= ${hotspotMinimum}
     group by month, place_key, grouping sets ((), (service_code, unit_code, source))`);
}
