import { and, asc, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { staff } from '../../../platform/auth/auth-schema.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { Clock } from '../../../platform/http/clock.ts';
import { defineQueue, type Jobs } from '../../../platform/jobs/jobs.ts';
import { type UnitsByCode, unitNameIn } from '../../../platform/reference/unit-names.ts';
import { unitsNow } from '../../../platform/reference/units-now.ts';
import { formatPageDateTime } from '../../../platform/web/format-date.ts';
import { queueNotification } from '../../notifications/index.ts';
import { mediaItems } from '../petitions-schema.ts';
import { mediaPaths } from './media-paths.ts';
import { mediaTopics } from './templates/index.ts';

/**
 * Overdue alerts of the media log (issue 16 §7): a scan job (asked for every five minutes by every
 * process, one per time slot, as case-reminders.ts) finds the items whose fact-check deadline passed while
 * they are not clarified and not yet alerted, and e-mails each once to the asked unit's supervisors and to
 * the secretariat. The item is marked alerted (`overdue_alerted_at`) in the transaction that queues its
 * e-mails, the item's row locked first, so a second scan, a retry or a second process sends nothing
 * twice; the deliveries' dedupe keys say the same.
 */

export const mediaOverdueScanQueue = defineQueue<{ slot: number }>({
  name: 'petition.media.overdue.scan',
  retryLimit: 3,
  retryDelaySeconds: 60,
  retryBackoff: true,
  expireInSeconds: 600,
  policy: 'exclusive',
});

const scanMinutes = 5;
const batchLimit = 200;

export interface MediaOverdueDeps {
  db: Database;
  jobs: Jobs;
  clock: Clock;
  publicBaseUrl: string;
}

/** Asks for a scan in the current slot; several processes asking at once give one job. */
export async function requestMediaOverdueScan(
  deps: Pick<MediaOverdueDeps, 'db' | 'jobs' | 'clock'>,
): Promise<void> {
  const slot = Math.floor(deps.clock.now().getTime() / (scanMinutes * 60_000));
  await deps.jobs.send(mediaOverdueScanQueue, { slot }, { tx: deps.db, singletonKey: `slot-${slot}` });
}

export async function startMediaOverdueWorker(deps: MediaOverdueDeps): Promise<void> {
  await deps.jobs.ensureQueue(mediaOverdueScanQueue);
  await deps.jobs.work(mediaOverdueScanQueue, async () => {
    await scanMediaOverdue(deps);
  });
}

/** One pass: how many items were alerted, and how many e-mails were queued for them. */
export async function scanMediaOverdue(deps: MediaOverdueDeps): Promise<{ items: number; emails: number }> {
  const now = deps.clock.now();
  const base = deps.publicBaseUrl.replace(/\/$/, '');
  const overdue = and(
    isNotNull(mediaItems.factCheckUnit),
    lt(mediaItems.factCheckDueAt, now),
    isNull(mediaItems.clarifiedAt),
    isNull(mediaItems.overdueAlertedAt),
  );
  const candidates = await deps.db
    .select({ id: mediaItems.id })
    .from(mediaItems)
    .where(overdue)
    .orderBy(asc(mediaItems.factCheckDueAt))
    .limit(batchLimit);
  let items = 0;
  let emails = 0;
  // The asked unit as the table names it (an admin may have renamed it).
  const units: UnitsByCode = candidates.length === 0 ? new Map() : await unitsNow(deps.db);
  for (const candidate of candidates) {
    const queued = await deps.db.transaction(async (tx) => {
      // Claimed under the row's lock: whoever marks it alerted first sends its e-mails; the others skip it.
      const [item] = await tx
        .update(mediaItems)
        .set({ overdueAlertedAt: now })
        .where(and(eq(mediaItems.id, candidate.id), overdue))
        .returning({
          id: mediaItems.id,
          title: mediaItems.title,
          outlet: mediaItems.outlet,
          factCheckUnit: mediaItems.factCheckUnit,
          factCheckDueAt: mediaItems.factCheckDueAt,
        });
      if (item === undefined || item.factCheckUnit === null || item.factCheckDueAt === null) return null;
      const recipients = await tx
        .select({ id: staff.id, email: staff.email })
        .from(staff)
        .where(
          and(
            eq(staff.isActive, true),
            or(
              and(eq(staff.role, 'supervisor'), eq(staff.unitCode, item.factCheckUnit)),
              eq(staff.role, 'secretariat'),
            ),
          ),
        )
        .orderBy(asc(staff.id));
      const data = {
        title: item.title,
        outlet: item.outlet,
        unitName: unitNameIn(units, item.factCheckUnit, 'zh-TW'),
        dueAt: formatPageDateTime('zh-TW', item.factCheckDueAt),
        itemUrl: `${base}${mediaPaths.item(item.id)}`,
      };
      let count = 0;
      for (const recipient of recipients) {
        const { isNew } = await queueNotification(tx, {
          jobs: deps.jobs,
          subject: { type: 'media_item', id: item.id },
          topic: mediaTopics.overdue,
          channel: 'email',
          recipient: recipient.email,
          lang: 'zh-TW',
          data,
          dedupeKey: `${mediaTopics.overdue.topic}:${item.id}:${recipient.id}`,
        });
        if (isNew) count += 1;
      }
      return count;
    });
    if (queued === null) continue;
    items += 1;
    emails += queued;
  }
  return { items, emails };
}
