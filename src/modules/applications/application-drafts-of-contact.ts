import { and, desc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../../platform/db/database.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { queueNotification } from '../notifications/index.ts';
import { hashSecret, newResumeToken } from './application-rules.ts';
import { applicationDrafts } from './applications-schema.ts';
import { applicationTopics } from './templates/index.ts';

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
 * its link — only the old one's hash is kept, so the account cannot open the draft with it — and the new link
 * e-mailed to the address, so the way back by e-mail keeps working (the old link stops working). Returns the
 * new link's secret, or null when the draft is not this address's to continue (or no longer continuable).
 */
export async function reopenDraftOfContact(
  db: Database,
  options: {
    draftId: string;
    email: string;
    now: Date;
    jobs: Jobs;
    /** The draft's service name in the draft's language (the e-mail names it). */
    serviceNameOf: (draft: { serviceCode: string; serviceVersion: number; lang: Lang }) => Promise<string>;
    /** The full address of the draft for a secret (`${publicBaseUrl}/apply/d/…`). */
    resumeUrlOf: (token: string, lang: Lang) => string;
  },
): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [draft] = await tx
      .select()
      .from(applicationDrafts)
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
      .for('update');
    if (draft === undefined || draft.contact === null) return null;
    const token = newResumeToken();
    await tx
      .update(applicationDrafts)
      .set({ resumeTokenHash: hashSecret(token), updatedAt: options.now })
      .where(eq(applicationDrafts.id, draft.id));
    const lang: Lang = draft.lang === 'en' ? 'en' : 'zh-TW';
    await queueNotification(tx, {
      jobs: options.jobs,
      subject: { type: 'application_draft', id: draft.id },
      topic: applicationTopics.resume,
      channel: 'email',
      recipient: draft.contact,
      lang,
      data: {
        serviceName: await options.serviceNameOf({ ...draft, lang }),
        resumeUrl: options.resumeUrlOf(token, lang),
        keptUntil: draft.expiresAt.toISOString().slice(0, 10),
      },
      // Once per new secret: every continue from the account sends the link that now works.
      dedupeKey: `application.resume:${draft.id}:${hashSecret(token)}`,
    });
    return token;
  });
}
