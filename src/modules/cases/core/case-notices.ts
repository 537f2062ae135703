import type { Transaction } from '../../../platform/db/database.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { type NotificationChannel, queueNotification } from '../../notifications/index.ts';
import type { CaseRow, CasesContext } from './case-actor.ts';
import { serviceVersionNames, unitContact } from './case-reference-cache.ts';
import { caseTopics } from './templates/index.ts';
import { trackUrlOf } from './track-url.ts';

/**
 * What the applicant is told, and when (issue 3 §6): at receipt, transfer, extension, a request for a
 * supplement, 移文, and the outcome (closing, rejecting: 結案通知 carrying the answer). By e-mail when the
 * applicant gave an address, and by SMS (the adapter) when they gave a mobile number; in their language.
 * Queued in the case's own transaction, so a notice exists exactly when the change does; the dedupe key
 * (topic, case, version, channel) makes a retried request or a second process send nothing twice.
 */
export type CaseNoticeTopic =
  | 'case.received'
  | 'case.transferred'
  | 'case.extended'
  | 'case.supplement_requested'
  | 'case.forwarded'
  | 'case.closed';

export interface CaseNotice {
  topic: CaseNoticeTopic;
  /** The answer, the reason, the list of what is missing … as the staff member wrote it. */
  detail?: string;
}

export async function queueCaseNotices(
  tx: Transaction,
  context: CasesContext,
  row: CaseRow,
  notices: readonly CaseNotice[],
): Promise<void> {
  if (notices.length === 0) return;
  const channels: { channel: NotificationChannel; recipient: string }[] = [];
  if (row.applicantEmail !== null) channels.push({ channel: 'email', recipient: row.applicantEmail });
  if (row.applicantPhone?.startsWith('09') === true)
    channels.push({ channel: 'sms', recipient: row.applicantPhone });
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
      switch (notice.topic) {
        case 'case.received':
          await queueNotification(tx, {
            ...base,
            topic: caseTopics.received,
            data: {
              ...common,
              lookupCode: row.lookupCode,
              expectedCompletionDate: row.expectedCompletionDate ?? '',
            },
          });
          break;
        case 'case.transferred':
          await queueNotification(tx, {
            ...base,
            topic: caseTopics.transferred,
            data: {
              caseNumber: common.caseNumber,
              serviceName: common.serviceName,
              newUnitName: common.unitName,
              newUnitPhone: common.unitPhone,
              trackingUrl: common.trackingUrl,
            },
          });
          break;
        case 'case.extended':
          await queueNotification(tx, {
            ...base,
            topic: caseTopics.extended,
            data: { ...common, newDate: row.expectedCompletionDate ?? '', reason: detail },
          });
          break;
        case 'case.supplement_requested':
          await queueNotification(tx, {
            ...base,
            topic: caseTopics.supplementRequested,
            data: {
              ...common,
              // One line per item as the handler listed them: everything missing, asked for once.
              items: detail
                .split(/\r?\n/)
                .map((line) => line.trim())
                .filter((line) => line !== ''),
            },
          });
          break;
        case 'case.forwarded':
          await queueNotification(tx, {
            ...base,
            topic: caseTopics.forwarded,
            data: {
              caseNumber: common.caseNumber,
              serviceName: common.serviceName,
              agencyName: row.forwardedTo ?? '',
              agencyContact: detail,
            },
          });
          break;
        case 'case.closed':
          await queueNotification(tx, {
            ...base,
            topic: caseTopics.closed,
            data: { ...common, answer: detail },
          });
          break;
      }
    }
  }
}
