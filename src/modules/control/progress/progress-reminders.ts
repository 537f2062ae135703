import { sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/database.ts';
import type { Clock } from '../../../platform/http/clock.ts';
import { defineQueue, type Jobs } from '../../../platform/jobs/jobs.ts';
import { queueNotification } from '../../notifications/index.ts';
import { getPlan } from '../plans/plan-reads.ts';
import { scanReportReminders } from '../reports/report-reminders.ts';
import { addDays, taipeiIsoDate } from '../shared/control-format.ts';
import { controlTopics } from '../templates/index.ts';
import { dueDateOf, periodsOf, practicesCarried } from './progress-rules.ts';
import { settingsOf } from './progress-service.ts';

/**
 * 管制查考 §3 reminders. A scan job (requested by every process's housekeeping, one per time slot, like
 * case-reminders.ts) looks at the published plans of this year and last year: 3 days before a period's
 * entry is due it e-mails the editors of each unit that has not reported every practice it carries; after
 * the due date it e-mails the unit's editors and head. The delivery's dedupe key
 * `control.report_<kind>:<plan>:<unit>:<period>:<staff>` (the plan standing for the unit's set of
 * practices) makes a second scan, a retry or a second process send nothing twice. The same job also runs
 * the annual reports' reminders (report-reminders.ts).
 */

export const progressReminderQueue = defineQueue<{ slot: number }>({
  name: 'control.progress.reminders.scan',
  retryLimit: 3,
  retryDelaySeconds: 60,
  retryBackoff: true,
  expireInSeconds: 600,
  policy: 'exclusive',
});

const slotMinutes = 30;
export const dueSoonDays = 3;

export interface ProgressReminderDeps {
  db: Database;
  jobs: Jobs;
  clock: Clock;
  publicBaseUrl: string;
}

export async function requestProgressReminderScan(
  deps: Pick<ProgressReminderDeps, 'db' | 'jobs' | 'clock'>,
): Promise<void> {
  const slot = Math.floor(deps.clock.now().getTime() / (slotMinutes * 60_000));
  await deps.jobs.send(progressReminderQueue, { slot }, { tx: deps.db, singletonKey: `slot-${slot}` });
}

export async function startProgressReminderWorker(deps: ProgressReminderDeps): Promise<void> {
  await deps.jobs.ensureQueue(progressReminderQueue);
  await deps.jobs.work(progressReminderQueue, async () => {
    await scanProgressReminders(deps);
    await scanReportReminders(deps);
  });
}

type Kind = 'due' | 'missing';

/** One pass; `years` defaults to this year and last year (Taipei). Returns how many were queued. */
export async function scanProgressReminders(
  deps: ProgressReminderDeps,
  options: { years?: number[] } = {},
): Promise<{ due: number; missing: number }> {
  const today = taipeiIsoDate(deps.clock.now());
  const thisYear = Number(today.slice(0, 4));
  const years = options.years ?? [thisYear - 1, thisYear];
  const counts = { due: 0, missing: 0 };
  const base = deps.publicBaseUrl.replace(/\/$/, '');
  for (const year of years) {
    const plan = await getPlan(deps.db, year);
    if (plan?.status !== 'published') continue;
    const settings = await settingsOf(deps.db, plan.id);
    const work: { period: string; dueDate: string; kind: Kind }[] = [];
    for (const period of periodsOf(year, settings)) {
      const dueDate = dueDateOf(period, settings);
      if (today > dueDate) work.push({ period, dueDate, kind: 'missing' });
      else if (today >= addDays(dueDate, -dueSoonDays)) work.push({ period, dueDate, kind: 'due' });
    }
    if (work.length === 0) continue;
    const entered = await deps.db.execute<{ unit_code: string; period: string; n: string }>(sql`
      select unit_code, period, count(*)::text as n from control_progress_entries
      where year = ${year} group by unit_code, period`);
    const enteredOf = new Map(entered.rows.map((row) => [`${row.unit_code}|${row.period}`, Number(row.n)]));
    const staffRows = await deps.db.execute<{
      id: string;
      email: string;
      role: string;
      unit_code: string;
      unit_name: string;
    }>(sql`
      select s.id, s.email, s.role, s.unit_code, u.name_zh as unit_name
      from staff s join units u on u.code = s.unit_code
      where s.is_active and u.is_active and s.role in ('unit_editor', 'unit_head')
      order by s.unit_code, s.id`);
    const sent = await deps.db.execute<{ dedupe_key: string }>(sql`
      select dedupe_key from notification_deliveries
      where dedupe_key like ${`control.report_%:${plan.id}:%`}`);
    const sentKeys = new Set(sent.rows.map((row) => row.dedupe_key));
    const carriedOf = new Map<string, number>();
    for (const row of staffRows.rows)
      if (!carriedOf.has(row.unit_code))
        carriedOf.set(row.unit_code, practicesCarried(plan, row.unit_code).length);

    for (const { period, dueDate, kind } of work) {
      const topic = kind === 'due' ? controlTopics.reportDue : controlTopics.reportMissing;
      for (const person of staffRows.rows) {
        if (kind === 'due' && person.role !== 'unit_editor') continue;
        const carried = carriedOf.get(person.unit_code) ?? 0;
        const missingCount = carried - (enteredOf.get(`${person.unit_code}|${period}`) ?? 0);
        if (carried === 0 || missingCount <= 0) continue;
        const dedupeKey = `${topic.topic}:${plan.id}:${person.unit_code}:${period}:${person.id}`;
        if (sentKeys.has(dedupeKey)) continue;
        const { isNew } = await deps.db.transaction((tx) =>
          queueNotification(tx, {
            jobs: deps.jobs,
            subject: { type: 'unit', id: person.unit_code },
            topic,
            channel: 'email',
            recipient: person.email,
            lang: 'zh-TW',
            data: {
              unitName: person.unit_name,
              period,
              dueDate,
              missingCount,
              pageUrl: `${base}/staff/progress/${year}/${person.unit_code}?period=${period}`,
            },
            dedupeKey,
          }),
        );
        if (isNew) counts[kind] += 1;
      }
    }
  }
  return counts;
}
