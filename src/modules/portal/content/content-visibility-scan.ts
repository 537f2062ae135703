import { and, eq, gt, isNotNull, lte, ne, or, sql } from 'drizzle-orm';
import { type Database, withTransaction } from '../../../platform/db/database.ts';
import { appMeta } from '../../../platform/db/meta-schema.ts';
import { announcePublished } from '../../../platform/db/publications.ts';
import { contentItems } from './content-schema.ts';

/**
 * Scheduled publishing and expiry without a restart (issue 15 §1): an approved item shows at `visible_from`
 * and goes at `visible_until`, but nothing is written at those moments, so the kept public pages
 * (platform/http/public-reads.ts) would go on showing the old lists. Every five minutes this scan asks
 * whether such a moment passed since the last scan, and if so announces 'content' and 'search': every
 * process renders those pages again. The last scan's moment is kept in `app_meta` (row-locked, so two
 * processes scanning in the same slot share one window).
 */
export const visibilityScanKey = 'content_visibility_scanned_at';

/** The window of the first scan of an installation: one scan interval and a little. */
const firstWindowMs = 10 * 60 * 1000;

/** Returns how many items began or stopped showing since the last scan (and announced them if any). */
export async function scanContentVisibility(db: Database, now: Date): Promise<number> {
  return withTransaction(db, async (tx) => {
    const [kept] = await tx
      .select({ value: appMeta.value })
      .from(appMeta)
      .where(eq(appMeta.key, visibilityScanKey))
      .for('update');
    const last = kept ? new Date(kept.value) : new Date(now.getTime() - firstWindowMs);
    let changed = 0;
    if (last < now) {
      const passed = (column: typeof contentItems.visibleFrom) => and(gt(column, last), lte(column, now));
      const [row] = await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(contentItems)
        .where(
          and(
            isNotNull(contentItems.publishedVersion),
            ne(contentItems.state, 'withdrawn'),
            or(passed(contentItems.visibleFrom), passed(contentItems.visibleUntil)),
          ),
        );
      changed = row?.count ?? 0;
      if (changed > 0) {
        await announcePublished(tx, 'content');
        await announcePublished(tx, 'search');
      }
    }
    await tx
      .insert(appMeta)
      .values({ key: visibilityScanKey, value: now.toISOString() })
      .onConflictDoUpdate({ target: appMeta.key, set: { value: now.toISOString(), updatedAt: sql`now()` } });
    return changed;
  });
}
