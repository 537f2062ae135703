import { type SQL, sql } from 'drizzle-orm';
import { loadWorkingCalendar } from '../../../platform/calendar/calendar-service.ts';
import { toTaipeiLocalDate } from '../../../platform/calendar/working-days.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { Clock } from '../../../platform/http/clock.ts';
import { defineQueue, type Jobs } from '../../../platform/jobs/jobs.ts';
import type { NotificationTopic } from '../../../platform/notify/template-kit.ts';
import { queueNotification } from '../../notifications/index.ts';
import { casePaths } from './case-paths.ts';
import { openStatesSql } from './case-queries.ts';
import { caseTopics } from './templates/index.ts';

/**
 * Deadline reminders (issue 3 §3): the handler when a case becomes at risk (≥ 80 % of its time used), the
 * unit's supervisors when it is overdue. A scan job runs every few minutes (any app process may ask for
 * it; the queue holds at most one per time slot) and queues one notification per (case, deadline,
 * person): the delivery's dedupe key makes a second scan, a retry or a second process send nothing
 * twice, while a new deadline (after an extension) earns a new reminder. Unassigned at-risk cases go to
 * the unit's supervisors, so nothing waits unseen.
 */

export const reminderScanQueue = defineQueue<{ slot: number }>({
  name: 'case.reminders.scan',
  retryLimit: 3,
  retryDelaySeconds: 60,
  retryBackoff: true,
  expireInSeconds: 600,
  policy: 'exclusive',
});

export const reminderScanMinutes = 5;
const batchLimit = 500;

export interface ReminderDeps {
  db: Database;
  jobs: Jobs;
  clock: Clock;
  publicBaseUrl: string;
  calendarRegion: string;
}

/** Asks for a scan in the current slot; several processes asking at once give one job. */
export async function requestReminderScan(deps: Pick<ReminderDeps, 'db' | 'jobs' | 'clock'>): Promise<void> {
  const slot = Math.floor(deps.clock.now().getTime() / (reminderScanMinutes * 60_000));
  await deps.jobs.send(reminderScanQueue, { slot }, { tx: deps.db, singletonKey: `slot-${slot}` });
}

export async function startReminderWorker(deps: ReminderDeps): Promise<void> {
  await deps.jobs.ensureQueue(reminderScanQueue);
  await deps.jobs.work(reminderScanQueue, async () => {
    await scanCaseReminders(deps);
  });
}

interface ReminderRow extends Record<string, unknown> {
  case_id: string;
  case_number: string;
  due_at: Date;
  due_epoch: string;
  service_name: string;
  unit_name: string;
  staff_id: string;
  staff_email: string;
  handler_name: string | null;
}

type ReminderTopic = 'case.reminder.handler' | 'case.reminder.supervisor';

/** One pass: queues what is due now and returns how many reminders were queued of each kind. */
export async function scanCaseReminders(
  deps: ReminderDeps,
): Promise<{ handler: number; supervisor: number }> {
  const now = deps.clock.now();
  const calendar = await loadWorkingCalendar(deps.db, { region: deps.calendarRegion });
  const today = toTaipeiLocalDate(now);
  const caseUrl = (caseNumber: string) =>
    `${deps.publicBaseUrl.replace(/\/$/, '')}${casePaths.casePage(caseNumber)}`;

  /** Candidates: open cases matching `when`, each with the people `recipients` names, not yet reminded. */
  const candidates = (topic: ReminderTopic, recipients: SQL, when: SQL) =>
    deps.db.execute<ReminderRow>(sql`
      select c.id as case_id, c.case_number, c.due_at,
             floor(extract(epoch from c.due_at))::bigint::text as due_epoch,
             sv.name_zh as service_name, u.name_zh as unit_name, s.id as staff_id, s.email as staff_email,
             h.display_name as handler_name
      from cases c
      join service_versions sv on sv.service_code = c.service_code and sv.version = c.service_version
      join units u on u.code = c.unit_code
      join staff s on s.is_active and (${recipients})
      left join staff h on h.id = c.handler_id
      where c.state in ${openStatesSql} and ${when}
        and not exists (
          select 1 from notification_deliveries d
          where d.dedupe_key = ${topic} || ':' || c.id || ':' || floor(extract(epoch from c.due_at))::bigint || ':' || s.id)
      order by c.due_at
      limit ${batchLimit}`);
  /** One notification per row, each in its own transaction with its job; true when it is new. */
  const remind = async <Data>(
    topic: NotificationTopic<Data>,
    row: ReminderRow,
    data: Data,
  ): Promise<boolean> => {
    const { isNew } = await deps.db.transaction((tx) =>
      queueNotification(tx, {
        jobs: deps.jobs,
        subject: { type: 'case', id: row.case_id },
        topic,
        channel: 'email',
        recipient: row.staff_email,
        lang: 'zh-TW',
        data,
        dedupeKey: `${topic.topic}:${row.case_id}:${row.due_epoch}:${row.staff_id}`,
      }),
    );
    return isNew;
  };

  let handler = 0;
  const atRisk = await candidates(
    'case.reminder.handler',
    sql`s.id = c.handler_id or (c.handler_id is null and s.role = 'supervisor' and s.unit_code = c.unit_code)`,
    sql`c.at_risk_at <= ${now} and c.due_at >= ${now}`,
  );
  for (const row of atRisk.rows) {
    const dueDate = toTaipeiLocalDate(new Date(row.due_at));
    const isNew = await remind(caseTopics.handlerReminder, row, {
      caseNumber: row.case_number,
      serviceName: row.service_name,
      dueDate,
      workingDaysLeft: Math.max(0, calendar.workingDaysBetween(today, dueDate)),
      caseUrl: caseUrl(row.case_number),
    });
    if (isNew) handler += 1;
  }

  let supervisor = 0;
  const overdue = await candidates(
    'case.reminder.supervisor',
    sql`s.role = 'supervisor' and s.unit_code = c.unit_code`,
    sql`c.due_at < ${now}`,
  );
  for (const row of overdue.rows) {
    const dueDate = toTaipeiLocalDate(new Date(row.due_at));
    const isNew = await remind(caseTopics.supervisorReminder, row, {
      caseNumber: row.case_number,
      serviceName: row.service_name,
      unitName: row.unit_name,
      handlerName: row.handler_name ?? '（未分派）',
      dueDate,
      workingDaysOverdue: Math.max(0, calendar.workingDaysBetween(dueDate, today)),
      caseUrl: caseUrl(row.case_number),
    });
    if (isNew) supervisor += 1;
  }
  return { handler, supervisor };
}
