import { and, desc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../platform/db/database.ts';
import { applicationDrafts } from './applications-schema.ts';

/** An unsent draft as the citizen account lists it (src/modules/citizens): no answers, no secret. */
export interface DraftOfContact {
  id: string;
  serviceCode: string;
  serviceVersion: number;
  updatedAt: Date;
  expiresAt: Date;
}

/**
 * The drafts made with an e-mail address (compared case-insensitively) and proven with its one-time code, not
 * sent and not expired, last saved
 * first: the signed-in citizen's "applications not yet sent". At most `limit` (the newest).
 */
export function draftsOfContact(
  db: DatabaseOrTransaction,
  email: string,
  now: Date,
  limit = 50,
): Promise<DraftOfContact[]> {
  return db
    .select({
      id: applicationDrafts.id,
      serviceCode: applicationDrafts.serviceCode,
      serviceVersion: applicationDrafts.serviceVersion,
      updatedAt: applicationDrafts.updatedAt,
      expiresAt: applicationDrafts.expiresAt,
    })
    .from(applicationDrafts)
    .where(
      and(
        eq(applicationDrafts.contactKind, 'email'),
        // Only drafts whose address was proven with the code: anyone may type another's address.
        isNotNull(applicationDrafts.contactVerifiedAt),
        sql`lower(${applicationDrafts.contact}) = lower(${email})`,
        isNull(applicationDrafts.submittedAt),
        gt(applicationDrafts.expiresAt, now),
      ),
    )
    .orderBy(desc(applicationDrafts.updatedAt))
    .limit(limit);
}
