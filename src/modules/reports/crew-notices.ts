import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction, Transaction } from '../../platform/db/database.ts';
import { taipeiIsoDate } from '../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../platform/web/i18n.ts';
import {
  type CaseRow,
  type CasesContext,
  cases,
  mergedAtAnyDepth,
  reopenDaysOf,
  trackUrlOf,
} from '../cases/index.ts';
import { getService } from '../catalogue/index.ts';
import { type NotificationAttachment, queueNotification } from '../notifications/index.ts';
import { notFixedUrlOf } from './crew-paths.ts';
import { notFixedWindow } from './crew-rules.ts';
import { sha256Hex } from './report-intake.ts';
import { reportPaths } from './report-paths.ts';
import { followersOf } from './report-queries.ts';
import { fieldReports, reportPhotos } from './reports-schema.ts';
import { reportTopics } from './templates/index.ts';
import type { ReportFixedData } from './templates/report-fixed.ts';

/**
 * The "fixed" e-mail, queued in the fix's own transaction: to the reporter (when they gave an address),
 * to the reporters of the duplicates merged into it at any depth (A into B, then B into this one), and to
 * everyone following it or such a duplicate — each address once, in its own language, with this fix's
 * after-photos attached (their public copies: re-encoded, without the position or anything else the camera
 * wrote).
 */

interface Recipient {
  email: string;
  lang: Lang;
  recipient: ReportFixedData['recipient'];
  /** The case whose tracking page the reporter of a merged duplicate already knows. */
  ownCase: { caseNumber: string; lookupCode: string; applicantLang: string } | null;
}

const asLang = (lang: string): Lang => (lang === 'en' ? 'en' : 'zh-TW');

/** Everyone to tell, each address once: the reporter first, then the merged reporters, then the followers. */
async function recipientsOf(
  tx: DatabaseOrTransaction,
  row: Pick<CaseRow, 'id' | 'applicantEmail' | 'applicantLang'>,
): Promise<Recipient[]> {
  const merged = await tx
    .select({
      email: cases.applicantEmail,
      lang: cases.applicantLang,
      caseNumber: cases.caseNumber,
      lookupCode: cases.lookupCode,
    })
    .from(cases)
    .where(and(sql`${cases.id} in ${mergedAtAnyDepth(row.id)}`, isNotNull(cases.applicantEmail)))
    .orderBy(cases.receivedAt);
  const followers = await followersOf(tx, row.id);
  const all: Recipient[] = [
    ...(row.applicantEmail === null
      ? []
      : [
          {
            email: row.applicantEmail,
            lang: asLang(row.applicantLang),
            recipient: 'reporter' as const,
            ownCase: null,
          },
        ]),
    ...merged.map((reporter) => ({
      email: reporter.email ?? '',
      lang: asLang(reporter.lang),
      recipient: 'merged_reporter' as const,
      ownCase: {
        caseNumber: reporter.caseNumber,
        lookupCode: reporter.lookupCode,
        applicantLang: reporter.lang,
      },
    })),
    ...followers.map((follower) => ({
      email: follower.email,
      lang: asLang(follower.lang),
      recipient: 'follower' as const,
      ownCase: null,
    })),
  ];
  const seen = new Set<string>();
  return all.filter((recipient) => {
    const key = recipient.email.trim().toLowerCase();
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** How many people the "fixed" e-mail would go to now (the fix page says so before the button). */
export async function countFixedRecipients(db: DatabaseOrTransaction, caseId: string): Promise<number> {
  const [row] = await db
    .select({ id: cases.id, applicantEmail: cases.applicantEmail, applicantLang: cases.applicantLang })
    .from(cases)
    .where(eq(cases.id, caseId));
  return row === undefined ? 0 : (await recipientsOf(db, row)).length;
}

/** Queues the "fixed" e-mail to everyone concerned; `photoIds` are this fix's after-photos. */
export async function queueFixedNotices(
  tx: Transaction,
  context: CasesContext,
  row: CaseRow,
  photoIds: readonly string[],
): Promise<number> {
  const recipients = await recipientsOf(tx, row);
  if (recipients.length === 0) return 0;
  const service = await getService(tx, { code: row.serviceCode });
  const photos =
    photoIds.length === 0
      ? []
      : await tx
          .select({ sha256: reportPhotos.publicSha256, position: reportPhotos.position })
          .from(reportPhotos)
          .where(inArray(reportPhotos.id, [...photoIds]))
          .orderBy(reportPhotos.position);
  const attachments: NotificationAttachment[] = photos.map((photo, index) => ({
    fileName: `${row.caseNumber}-fixed-${index + 1}.jpg`,
    mediaType: 'image/jpeg',
    sha256: photo.sha256,
  }));
  const [report] = await tx
    .select({ publishedAt: fieldReports.publishedAt })
    .from(fieldReports)
    .where(eq(fieldReports.caseId, row.id));
  const isPublic = report?.publishedAt !== null && report?.publishedAt !== undefined;
  const window = notFixedWindow(row, context.now, reopenDaysOf('field_report', context.reopenDays));
  const base = context.publicBaseUrl.replace(/\/$/, '');
  for (const person of recipients) {
    const { lang } = person;
    // The reporter follows their own case; a merged reporter theirs (it says where it went); a follower the
    // report's public page (or, before it is public, the page they followed it from is all they have).
    const followUrl =
      person.recipient === 'reporter'
        ? trackUrlOf(context.publicBaseUrl, row)
        : person.ownCase !== null
          ? trackUrlOf(context.publicBaseUrl, person.ownCase)
          : `${base}${localePath(lang, isPublic ? reportPaths.one(row.caseNumber) : reportPaths.reports)}`;
    await queueNotification(tx, {
      jobs: context.jobs,
      subject: { type: 'case', id: row.id },
      topic: reportTopics.fixed,
      channel: 'email',
      recipient: person.email,
      lang,
      data: {
        caseNumber: row.caseNumber,
        serviceName: (lang === 'en' ? service?.nameEn : service?.nameZh) ?? row.subject,
        resolution: row.resolution ?? '',
        fixedOn: taipeiIsoDate(row.closedAt ?? context.now),
        photoCount: attachments.length,
        recipient: person.recipient,
        followUrl,
        notFixed:
          person.recipient === 'reporter' && window.kind === 'open'
            ? {
                url: notFixedUrlOf(context.publicBaseUrl, { ...row, applicantLang: lang }),
                until: taipeiIsoDate(window.until),
              }
            : null,
      },
      // This fix, this address: a later fix (after "not fixed") is a new message.
      dedupeKey: `report.fixed:${row.id}:${row.version}:${sha256Hex(person.email.trim().toLowerCase()).slice(0, 32)}`,
      attachments,
    });
  }
  return recipients.length;
}
