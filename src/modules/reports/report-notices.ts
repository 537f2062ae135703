import type { Transaction } from '../../platform/db/database.ts';
import { localePath } from '../../platform/web/i18n.ts';
import { type CaseRow, type CasesContext, trackUrlOf } from '../cases/index.ts';
import { queueNotification } from '../notifications/index.ts';
import { reportPaths } from './report-paths.ts';
import { reportTopics } from './templates/index.ts';

/** The address of the confirmation page for a token, in the reporter's language. */
export function confirmUrlOf(publicBaseUrl: string, lang: string, token: string): string {
  const path = localePath(lang === 'en' ? 'en' : 'zh-TW', reportPaths.confirm(token));
  return `${publicBaseUrl.replace(/\/$/, '')}${path}`;
}

/** The confirmation e-mail, queued in the report's transaction (so it exists exactly when the report does). */
export async function queueReportConfirmation(
  tx: Transaction,
  context: CasesContext,
  row: CaseRow,
  token: string,
  serviceName: string,
): Promise<void> {
  if (row.applicantEmail === null) return;
  await queueNotification(tx, {
    jobs: context.jobs,
    subject: { type: 'case', id: row.id },
    channel: 'email',
    recipient: row.applicantEmail,
    lang: row.applicantLang === 'en' ? 'en' : 'zh-TW',
    dedupeKey: `report.confirm:${row.id}`,
    topic: reportTopics.confirm,
    data: {
      caseNumber: row.caseNumber,
      serviceName,
      confirmUrl: confirmUrlOf(context.publicBaseUrl, row.applicantLang, token),
      trackingUrl: trackUrlOf(context.publicBaseUrl, row),
    },
  });
}
