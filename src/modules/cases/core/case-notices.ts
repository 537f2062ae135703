import { eq } from 'drizzle-orm';
import type { Transaction } from '../../../platform/db/database.ts';
import { phoneParts } from '../../../platform/reference/phone-numbers.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { type NotificationChannel, queueNotification } from '../../notifications/index.ts';
import { issuedNoticeOf } from '../deficiency/deficiency-queries.ts';
import { feeFactsOf, paymentFactsOf } from '../payment/payment-facts.ts';
import type { CaseRow, CasesContext } from './case-actor.ts';
import { serviceVersionNames, unitContact } from './case-reference-cache.ts';
import { caseConfidentialContacts } from './cases-schema.ts';
import { issuedDocumentsOf } from './issued-documents.ts';
import type { CaseRejectedData } from './templates/case-rejected.ts';
import { caseTopics } from './templates/index.ts';
import { trackUrlOf } from './track-url.ts';

/**
 * What the applicant is told, and when (issue 3 §6, issue 11 §4): at receipt, acceptance (受理), transfer,
 * extension, a request for a supplement and its receipt (the clock runs again), 移文, a rejection (不予受理／
 * 駁回, with the reasons and what the applicant can do), a withdrawal and a merge (issue 14: each outcome in
 * its own words), the outcome (結案通知 carrying the answer — an application's decision — with the
 * documents issued attached and the satisfaction link) and a reopening. By e-mail when the
 * applicant gave an address, and by SMS (the adapter) when they gave a mobile number; in their language.
 * Queued in the case's own transaction, so a notice exists exactly when the change does; the dedupe key
 * (topic, case, version, channel) makes a retried request or a second process send nothing twice.
 */
export type CaseNoticeTopic =
  | 'case.received'
  | 'case.accepted'
  | 'case.transferred'
  | 'case.extended'
  | 'case.supplement_requested'
  | 'case.supplement_received'
  | 'case.forwarded'
  | 'case.payment_requested'
  | 'case.payment_received'
  | 'case.payment_refunded'
  | 'case.closed'
  | 'case.rejected'
  | 'case.withdrawn'
  | 'case.merged'
  | 'case.reopened';

export interface CaseNotice {
  topic: CaseNoticeTopic;
  /** The answer, the reason, the list of what is missing … as the staff member wrote it. */
  detail?: string;
  /** Who asked for it: a reopening by the applicant or by the unit. */
  by?: 'applicant' | 'unit';
}

async function confidentialContactOf(
  tx: Transaction,
  caseId: string,
): Promise<{ email: string | null; phone: string | null }> {
  const [found] = await tx
    .select({ email: caseConfidentialContacts.email, phone: caseConfidentialContacts.phone })
    .from(caseConfidentialContacts)
    .where(eq(caseConfidentialContacts.caseId, caseId));
  return found ?? { email: null, phone: null };
}

export async function queueCaseNotices(
  tx: Transaction,
  context: CasesContext,
  row: CaseRow,
  notices: readonly CaseNotice[],
): Promise<void> {
  if (notices.length === 0) return;
  const channels: { channel: NotificationChannel; recipient: string }[] = [];
  // A confidential applicant's contact is kept apart from the case (cases-schema.ts): only here is it read.
  const contact =
    row.applicantEmail === null && row.applicantPhone === null
      ? await confidentialContactOf(tx, row.id)
      : { email: row.applicantEmail, phone: row.applicantPhone };
  if (contact.email !== null) channels.push({ channel: 'email', recipient: contact.email });
  // A mobile number gets texts (without an extension, which a text cannot use).
  const mobile = phoneParts(contact.phone ?? '').number;
  if (/^09\d{8}$/.test(mobile)) channels.push({ channel: 'sms', recipient: mobile });
  if (channels.length === 0) return;
  const lang: Lang = row.applicantLang === 'en' ? 'en' : 'zh-TW';
  const names = await serviceVersionNames(tx, row.serviceCode, row.serviceVersion);
  const unit = await unitContact(tx, row.unitCode);
  const facts =
    names === null || unit === null
      ? undefined
      : {
          serviceNameZh: names.nameZh,
          serviceNameEn: names.nameEn,
          unitNameZh: unit.nameZh,
          unitNameEn: unit.nameEn,
          unitPhone: unit.phone,
        };
  if (facts === undefined) throw new Error(`case ${row.caseNumber}: its service version is missing`);
  const common = {
    caseNumber: row.caseNumber,
    serviceName: lang === 'en' ? facts.serviceNameEn : facts.serviceNameZh,
    unitName: lang === 'en' ? facts.unitNameEn : facts.unitNameZh,
    unitPhone: facts.unitPhone,
    trackingUrl: trackUrlOf(context.publicBaseUrl, row),
  };
  for (const notice of notices) {
    for (const { channel, recipient } of channels) {
      const base = {
        jobs: context.jobs,
        subject: { type: 'case', id: row.id },
        channel,
        recipient,
        lang,
        dedupeKey: `${notice.topic}:${row.id}:v${row.version}:${channel}`,
      };
      const detail = notice.detail?.trim() ?? '';
      await noticeSenders[notice.topic]({ tx, base, row, common, detail, by: notice.by ?? 'unit' });
    }
  }
}

/** What every notice of a case says: the case, its service and unit, and where to follow it. */
interface CommonFacts {
  caseNumber: string;
  serviceName: string;
  unitName: string;
  unitPhone: string;
  trackingUrl: string;
}

interface NoticeInput {
  tx: Transaction;
  /** The delivery: channel, recipient, language, subject and dedupe key. */
  base: Omit<Parameters<typeof queueNotification>[1], 'topic' | 'data'>;
  row: CaseRow;
  common: CommonFacts;
  /** The answer, the reason, the list of what is missing … as the staff member wrote it. */
  detail: string;
  by: 'applicant' | 'unit';
}

/**
 * Each topic's template and data: a Record over the topics, so a topic without its sender does not
 * compile. Each sender passes its own template's data (the compiler checks it against the template).
 */
const noticeSenders: Readonly<Record<CaseNoticeTopic, (input: NoticeInput) => Promise<unknown>>> = {
  'case.received': ({ tx, base, row, common }) =>
    queueNotification(tx, {
      ...base,
      topic: caseTopics.received,
      data: {
        ...common,
        lookupCode: row.lookupCode,
        expectedCompletionDate: row.expectedCompletionDate ?? '',
      },
    }),
  'case.transferred': ({ tx, base, common }) =>
    queueNotification(tx, {
      ...base,
      topic: caseTopics.transferred,
      data: {
        caseNumber: common.caseNumber,
        serviceName: common.serviceName,
        newUnitName: common.unitName,
        newUnitPhone: common.unitPhone,
        trackingUrl: common.trackingUrl,
      },
    }),
  'case.extended': ({ tx, base, row, common, detail }) =>
    queueNotification(tx, {
      ...base,
      topic: caseTopics.extended,
      data: { ...common, newDate: row.expectedCompletionDate ?? '', reason: detail },
    }),
  'case.supplement_requested': async ({ tx, base, row, common, detail }) => {
    // The deficiency notice (cases/deficiency), when one was issued: its date and the online supplement.
    const notice = await issuedNoticeOf(tx, row.id);
    const unit = await unitContact(tx, row.unitCode);
    const isEnglish = base.lang === 'en';
    return queueNotification(tx, {
      ...base,
      topic: caseTopics.supplementRequested,
      data: {
        ...common,
        // One line per item as the handler listed them: everything missing, asked for once.
        items: detail
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter((line) => line !== ''),
        ...(notice === null ? {} : { dueDate: notice.supplementBy }),
        // Every case says how to deliver (issue 14); online only where a notice offers it.
        isOnline: notice !== null,
        ...(unit === null
          ? {}
          : {
              howTo: {
                address: isEnglish ? unit.addressEn : unit.addressZh,
                hours: isEnglish ? unit.serviceHoursEn : unit.serviceHoursZh,
                email: unit.email,
                isContactVerified: unit.isContactVerified,
              },
            }),
      },
    });
  },
  // Issue 11 §3: the fee asked for, its receipt, its refund (the reason is the detail).
  'case.payment_requested': ({ tx, base, row, common }) =>
    queueNotification(tx, {
      ...base,
      topic: caseTopics.paymentRequested,
      data: { ...common, ...feeFactsOf(base.lang, row) },
    }),
  'case.payment_received': async ({ tx, base, row, common }) =>
    queueNotification(tx, {
      ...base,
      topic: caseTopics.paymentReceived,
      data: {
        ...common,
        ...feeFactsOf(base.lang, row),
        ...(await paymentFactsOf(tx, base.lang, row.id, 'paid')),
      },
    }),
  'case.payment_refunded': async ({ tx, base, row, common, detail }) => {
    const { receiptNumber, amount } = await paymentFactsOf(tx, base.lang, row.id, 'refunded');
    return queueNotification(tx, {
      ...base,
      topic: caseTopics.paymentRefunded,
      data: { ...common, amount, receiptNumber, reason: detail },
    });
  },
  'case.forwarded': ({ tx, base, row, common, detail }) =>
    queueNotification(tx, {
      ...base,
      topic: caseTopics.forwarded,
      data: {
        caseNumber: common.caseNumber,
        serviceName: common.serviceName,
        agencyName: row.forwardedTo ?? '',
        agencyContact: detail,
      },
    }),
  'case.accepted': ({ tx, base, row, common }) =>
    queueNotification(tx, {
      ...base,
      topic: caseTopics.accepted,
      data: { ...common, expectedCompletionDate: row.expectedCompletionDate ?? '' },
    }),
  'case.supplement_received': ({ tx, base, row, common }) =>
    queueNotification(tx, {
      ...base,
      topic: caseTopics.supplementReceived,
      data: { ...common, expectedCompletionDate: row.expectedCompletionDate ?? '' },
    }),
  // The decision (or answer) made public, the documents issued with it attached to the e-mail, and the
  // satisfaction question when the case ended closed (the tracking page's form, #satisfaction).
  'case.closed': async ({ tx, base, row, common, detail }) => {
    const issued = await issuedDocumentsOf(tx, row.id);
    return queueNotification(tx, {
      ...base,
      topic: caseTopics.closed,
      data: {
        ...common,
        answer: detail,
        issuedDocuments: issued.map((document) => document.fileName),
        satisfactionUrl: row.state === 'closed' ? `${common.trackingUrl}#satisfaction` : null,
      },
      ...(base.channel === 'email' && issued.length > 0 ? { attachments: issued } : {}),
    });
  },
  // Each outcome in its own words (issue 14): not accepted, and what the applicant can do next.
  'case.rejected': ({ tx, base, row, common, detail }) =>
    queueNotification<CaseRejectedData>(tx, {
      ...base,
      topic: caseTopics.rejected,
      data: { ...common, reason: detail, kind: row.kind === 'application' ? 'application' : 'request' },
    }),
  'case.withdrawn': ({ tx, base, common }) =>
    queueNotification(tx, { ...base, topic: caseTopics.withdrawn, data: common }),
  // The detail is the case it went into (the end of its chain of merges).
  'case.merged': ({ tx, base, common, detail }) =>
    queueNotification(tx, { ...base, topic: caseTopics.merged, data: { ...common, mergedInto: detail } }),
  'case.reopened': ({ tx, base, common, detail, by }) =>
    queueNotification(tx, { ...base, topic: caseTopics.reopened, data: { ...common, reason: detail, by } }),
};
