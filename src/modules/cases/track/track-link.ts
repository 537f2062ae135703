import { sql } from 'drizzle-orm';
import { consumeRateLimit } from '../../../platform/http/rate-limit.ts';
import { queueNotification } from '../../notifications/index.ts';
import type { CasesContext } from '../core/case-actor.ts';
import { normaliseCaseNumber } from '../core/case-number.ts';
import { caseTopics } from '../core/templates/index.ts';
import { trackUrlOf } from '../core/track-url.ts';

/**
 * "E-mail me the link" (issue 13 §3): the way back in for an applicant whose case number is guarded against
 * guessing and who has neither the receipt's QR code nor a browser that opened the case before. The case's
 * tracking link (with its link token, track-url.ts) goes to the e-mail address given with the case — never
 * anywhere else — and the page answers the same whether or not the number exists or has an address.
 *
 * Limits: 3 links per number a day (whoever asks: no mailbox is flooded), 10 asks per client IP an hour.
 * Both are counted whether or not a case has the number, so the limits say nothing about existence either.
 */
export const trackLinkLimits = { perNumberPerDay: 3, perIpPerHour: 10 } as const;

export type TrackLinkOutcome = { kind: 'sent' } | { kind: 'limited'; retryAfterSeconds: number };

export async function sendTrackLink(
  context: CasesContext,
  options: { caseNumber: string; clientIp: string },
): Promise<TrackLinkOutcome> {
  const { db, now } = context;
  const caseNumber = normaliseCaseNumber(options.caseNumber);
  const perIp = await consumeRateLimit(db, {
    key: `track:link-ip:${options.clientIp}`,
    limit: trackLinkLimits.perIpPerHour,
    windowSeconds: 3600,
    now,
  });
  if (!perIp.allowed) return { kind: 'limited', retryAfterSeconds: perIp.retryAfterSeconds };
  const perNumber = await consumeRateLimit(db, {
    key: `day:track:link:${caseNumber}`,
    limit: trackLinkLimits.perNumberPerDay,
    windowSeconds: 86_400,
    now,
  });
  if (!perNumber.allowed) return { kind: 'limited', retryAfterSeconds: perNumber.retryAfterSeconds };

  const found = await db.execute<{
    id: string;
    case_number: string;
    lookup_code: string;
    applicant_email: string | null;
    applicant_lang: string;
  }>(sql`select id, case_number, lookup_code, applicant_email, applicant_lang from cases
    where case_number = ${caseNumber} and applicant_email is not null and applicant_email <> ''`);
  const row = found.rows[0];
  if (row === undefined || row.applicant_email === null) return { kind: 'sent' };
  const lang = row.applicant_lang === 'en' ? 'en' : 'zh-TW';
  const hour = Math.floor(now.getTime() / 3_600_000);
  await db.transaction((tx) =>
    queueNotification(tx, {
      jobs: context.jobs,
      subject: { type: 'case', id: row.id },
      topic: caseTopics.trackLink,
      channel: 'email',
      recipient: row.applicant_email ?? '',
      lang,
      data: {
        caseNumber: row.case_number,
        trackingUrl: trackUrlOf(context.publicBaseUrl, {
          id: row.id,
          caseNumber: row.case_number,
          lookupCode: row.lookup_code,
          applicantLang: lang,
        }),
      },
      // A double click within the hour sends one.
      dedupeKey: `case.track_link:${row.id}:${hour}`,
    }),
  );
  return { kind: 'sent' };
}
