import { sql } from 'drizzle-orm';
import { signInGuessedTopic } from '../../platform/auth/templates/sign-in-guessed.ts';
import type { WorkerContext } from '../../platform/composition/app-module.ts';
import { formatPageDateTime } from '../../platform/web/format-date.ts';
import { queueNotification } from './notifications-service.ts';

/**
 * The platform's own message (it cannot import a module to send it): a staff member is told by e-mail when
 * too many wrong passwords for their address started a lockout of unknown browsers (the audit log's
 * `staff.sign_in.locked`, written by platform/auth/sign-in-service.ts). Run by this module's scan every five
 * minutes; each lockout is told once (the delivery's dedupe key is the audit row), whichever process runs
 * it and however often. Reads the platform's audit log and staff table, read-only.
 */
export async function sendSignInAlerts(
  context: Pick<WorkerContext, 'db' | 'jobs' | 'clock'>,
): Promise<number> {
  const now = context.clock.now();
  const since = new Date(now.getTime() - 24 * 3_600_000);
  const rows = await context.db.execute<{
    id: string;
    occurred_at: Date;
    locked_until: string | null;
    ip: string | null;
    staff_id: string;
    email: string;
  }>(sql`
    select a.id::text as id, a.occurred_at, a.details ->> 'lockedUntil' as locked_until, a.ip,
      s.id::text as staff_id, s.email
    from audit_log a join staff s on s.id::text = a.target_id
    where a.action = 'staff.sign_in.locked' and a.target_type = 'staff' and a.occurred_at > ${since.toISOString()}::timestamptz
      and s.is_active
      and not exists (select 1 from notification_deliveries d
        where d.dedupe_key = 'staff.sign_in_guessed:' || a.id::text)
    order by a.id
    limit 200`);
  let queued = 0;
  for (const row of rows.rows) {
    const lockedUntil = row.locked_until === null ? null : new Date(row.locked_until);
    const result = await context.db.transaction((tx) =>
      queueNotification(tx, {
        jobs: context.jobs,
        subject: { type: 'staff', id: row.staff_id },
        topic: signInGuessedTopic,
        channel: 'email',
        recipient: row.email,
        lang: 'zh-TW',
        data: {
          email: row.email,
          lockedAt: formatPageDateTime('zh-TW', new Date(row.occurred_at)),
          lockedUntil: lockedUntil === null ? '—' : formatPageDateTime('zh-TW', lockedUntil),
          fromAddress: row.ip ?? '—',
        },
        dedupeKey: `staff.sign_in_guessed:${row.id}`,
      }),
    );
    if (result.isNew) queued += 1;
  }
  return queued;
}
