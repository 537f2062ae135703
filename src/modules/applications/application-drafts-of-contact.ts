import { and, desc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../../platform/db/database.ts';
import { hashSecret, newResumeToken } from './application-rules.ts';
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

/**
 * "Continue" on a draft the signed-in citizen's account lists (src/modules/citizens): the same conditions as
 * draftsOfContact (made with this address, proven with its code, not sent, not expired), then a new secret for
 * the account's own link to it. Only hashes are kept, so the account cannot reuse the e-mailed resume link's
 * secret; that link is left as it is and keeps working (a draft begun on a phone still opens from its e-mail),
 * while the account's previous link, if any, stops. Returns the new link's secret, or null when the draft is
 * not this address's to continue (or no longer continuable).
 */
export async function reopenDraftOfContact(
  db: Database,
  options: { draftId: string; email: string; now: Date },
): Promise<string | null> {
  const token = newResumeToken();
  const [reopened] = await db
    .update(applicationDrafts)
    .set({ accountTokenHash: hashSecret(token), updatedAt: options.now })
    .where(
      and(
        eq(applicationDrafts.id, options.draftId),
        eq(applicationDrafts.contactKind, 'email'),
        isNotNull(applicationDrafts.contactVerifiedAt),
        sql`lower(${applicationDrafts.contact}) = lower(${options.email})`,
        isNull(applicationDrafts.submittedAt),
        gt(applicationDrafts.expiresAt, options.now),
      ),
    )
    .returning({ id: applicationDrafts.id });
  return reopened === undefined ? null : token;
}
