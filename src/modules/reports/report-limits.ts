import type { DatabaseOrTransaction } from '../../platform/db/database.ts';
import { consumeRateLimit } from '../../platform/http/rate-limit.ts';
import { normalisePhone } from '../../platform/reference/phone-numbers.ts';
import { sha256Hex } from './report-intake.ts';

/**
 * The reporting form's limits, counted in the shared rate_limit_hits table (so every app process counts
 * together) in fixed one-hour windows:
 *
 * - per client IP, reports sent and reports followed: REPORT_LIMIT_PER_IP_PER_HOUR;
 * - per client IP, every post of the form (a form with mistakes, the nearby-duplicate step): four times
 *   that, because each may decode photos, which costs the server far more than a page;
 * - per e-mail address and per phone number, reports sent: REPORT_LIMIT_PER_CONTACT_PER_HOUR. The window
 *   is an hour and never longer, so a stranger who sends reports in someone else's name can keep that
 *   address out for the rest of the hour at most (and uses up their own IP's reports doing it).
 *
 * Contacts are counted by the SHA-256 of the normalised address or number: the table holds no contact.
 */

export interface ReportLimits {
  perIpPerHour: number;
  perContactPerHour: number;
}

const hour = 60 * 60;

export type LimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const allowed: LimitOutcome = { allowed: true };

/** A post of the form from this IP (any post: the cheap first check). */
export async function consumeFormPost(
  db: DatabaseOrTransaction,
  options: { ip: string; limits: ReportLimits; now: Date },
): Promise<LimitOutcome> {
  const result = await consumeRateLimit(db, {
    key: `report:post:ip:${options.ip}`,
    limit: options.limits.perIpPerHour * 4,
    windowSeconds: hour,
    now: options.now,
  });
  return result.allowed ? allowed : { allowed: false, retryAfterSeconds: result.retryAfterSeconds };
}

/** The keys of a reporter's contact details ('' ones left out). */
export function contactKeys(contact: { email: string; phone: string }): string[] {
  const email = contact.email.trim().toLowerCase();
  const phone = normalisePhone(contact.phone);
  return [
    ...(email === '' ? [] : [`report:contact:${sha256Hex(`email:${email}`)}`]),
    ...(phone === '' ? [] : [`report:contact:${sha256Hex(`phone:${phone}`)}`]),
  ];
}

/**
 * A report about to be sent (or a report followed, with `contactKeys` empty): the IP first, then each
 * contact. A refusal by the IP counts nothing against the contacts.
 */
export async function consumeReport(
  db: DatabaseOrTransaction,
  options: { ip: string; contacts: readonly string[]; limits: ReportLimits; now: Date },
): Promise<LimitOutcome> {
  const perIp = await consumeRateLimit(db, {
    key: `report:ip:${options.ip}`,
    limit: options.limits.perIpPerHour,
    windowSeconds: hour,
    now: options.now,
  });
  if (!perIp.allowed) return { allowed: false, retryAfterSeconds: perIp.retryAfterSeconds };
  let wait = 0;
  for (const key of options.contacts) {
    const perContact = await consumeRateLimit(db, {
      key,
      limit: options.limits.perContactPerHour,
      windowSeconds: hour,
      now: options.now,
    });
    if (!perContact.allowed) wait = Math.max(wait, perContact.retryAfterSeconds);
  }
  return wait === 0 ? allowed : { allowed: false, retryAfterSeconds: wait };
}
