import { sql } from 'drizzle-orm';
import { queueNotification } from '../../notifications/index.ts';
import { getPlan } from '../plans/plan-reads.ts';
import type { ProgressReminderDeps } from '../progress/progress-reminders.ts';
import { addDays, taipeiIsoDate } from '../shared/control-format.ts';
import { controlTopics } from '../templates/index.ts';
import { reportSubjects } from './report-build.ts';
import { bureauSubject, reportDueDate } from './report-rules.ts';

/**
 * 管制查考 §5 reminders for the annual performance reports (seed 陸: the year's results reach the
 * secretariat by 1 February). Run by the same scan job as the progress reminders: from 14 days before the
 * due date, each active secretariat member is e-mailed once the list of the year's reports not yet issued
 * (`control.annual_report_due`); after the due date, once more (`control.annual_report_overdue`). The
 * dedupe key `control.annual_report_<kind>:<year>:<staff>` makes a second scan, a retry or a second
 * process send nothing twice; nothing is sent when every report is issued or the year has no published
 * plan.
 */

export const reportDueSoonDays = 14;

type Kind = 'due' | 'overdue';

/** One pass over the reports of `years` (default: last year's, due on 1 February of this year). */
export async function scanReportReminders(
  deps: ProgressReminderDeps,
  options: { years?: number[] } = {},
): Promise<{ due: number; overdue: number }> {
  const today = taipeiIsoDate(deps.clock.now());
  const years = options.years ?? [Number(today.slice(0, 4)) - 1];
  const counts = { due: 0, overdue: 0 };
  const base = deps.publicBaseUrl.replace(/\/$/, '');
  for (const year of years) {
    const dueDate = reportDueDate(year);
    if (today < addDays(dueDate, -reportDueSoonDays)) continue;
    const kind: Kind = today > dueDate ? 'overdue' : 'due';
    const plan = await getPlan(deps.db, year);
    if (plan?.status !== 'published') continue;
    const unissued = (await reportSubjects(deps.db, year)).filter((subject) => subject.state !== 'issued');
    if (unissued.length === 0) continue;
    const topic = kind === 'due' ? controlTopics.annualReportDue : controlTopics.annualReportOverdue;
    const recipients = await deps.db.execute<{ id: string; email: string }>(sql`
      select id, email from staff where is_active and role = 'secretariat' order by id`);
    for (const person of recipients.rows) {
      const { isNew } = await deps.db.transaction((tx) =>
        queueNotification(tx, {
          jobs: deps.jobs,
          subject: { type: 'control.report_year', id: String(year) },
          topic,
          channel: 'email',
          recipient: person.email,
          lang: 'zh-TW',
          data: {
            year,
            dueDate,
            unissued: unissued.map((subject) =>
              subject.subject === bureauSubject ? '全局' : subject.nameZh,
            ),
            pageUrl: `${base}/staff/reports?year=${year}`,
          },
          dedupeKey: `${topic.topic}:${year}:${person.id}`,
        }),
      );
      if (isNew) counts[kind] += 1;
    }
  }
  return counts;
}
