import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { units } from '../../../platform/reference/reference-schema.ts';
import { type UnitCard, unitCardColumns, unitCardOf } from '../../../platform/reference/unit-card.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { type ChecklistItem, type Deadline, getServiceVersion } from '../../catalogue/index.ts';
import { listAttachments } from '../core/case-attachments.ts';
import { normaliseCaseNumber } from '../core/case-number.ts';
import { cases } from '../core/cases-schema.ts';
import { trackUrlOf } from '../core/track-url.ts';

/**
 * What the printed receipt (收件憑證) says, read from the case as stored: the service version it was opened
 * under (its checklist and name, not today's), the unit it was routed to, the deadline it was given.
 */
export interface CounterReceipt {
  caseId: string;
  caseNumber: string;
  lookupCode: string;
  channel: string;
  applicantName: string;
  applicantCompany: string | null;
  applicantLang: Lang;
  serviceCode: string;
  serviceVersion: number;
  serviceNameZh: string;
  serviceNameEn: string;
  receivedAt: Date;
  dueAt: Date | null;
  expectedCompletionDate: string | null;
  deadlineRule: Deadline;
  checklist: ChecklistItem[];
  checklistReceived: string[];
  attachmentNames: string[];
  unit: UnitCard;
}

export async function loadCounterReceipt(
  db: DatabaseOrTransaction,
  caseNumber: string,
): Promise<CounterReceipt | null> {
  const [row] = await db
    .select({
      caseId: cases.id,
      caseNumber: cases.caseNumber,
      lookupCode: cases.lookupCode,
      channel: cases.channel,
      applicantName: cases.applicantName,
      applicantCompany: cases.applicantCompany,
      applicantLang: cases.applicantLang,
      serviceCode: cases.serviceCode,
      serviceVersion: cases.serviceVersion,
      receivedAt: cases.receivedAt,
      dueAt: cases.dueAt,
      expectedCompletionDate: cases.expectedCompletionDate,
      deadlineRule: cases.deadlineRule,
      checklistReceived: cases.checklistReceived,
      ...unitCardColumns,
    })
    .from(cases)
    .innerJoin(units, eq(units.code, cases.unitCode))
    .where(eq(cases.caseNumber, normaliseCaseNumber(caseNumber)));
  if (row === undefined) return null;
  const service = await getServiceVersion(db, row.serviceCode, row.serviceVersion);
  if (service === null) throw new Error(`case ${row.caseNumber}: its service version is missing`);
  const attachments = await listAttachments(db, row.caseId);
  return {
    caseId: row.caseId,
    caseNumber: row.caseNumber,
    lookupCode: row.lookupCode,
    channel: row.channel,
    applicantName: row.applicantName,
    applicantCompany: row.applicantCompany,
    // The CHECK constraint keeps the column to the two languages.
    applicantLang: row.applicantLang as Lang,
    serviceCode: row.serviceCode,
    serviceVersion: row.serviceVersion,
    serviceNameZh: service.nameZh,
    serviceNameEn: service.nameEn,
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    expectedCompletionDate: row.expectedCompletionDate,
    deadlineRule: row.deadlineRule,
    checklist: service.checklist,
    checklistReceived: row.checklistReceived,
    attachmentNames: attachments.map((attachment) => attachment.fileName),
    unit: unitCardOf(row),
  };
}

/** The tracking page with the case filled in, in the applicant's language. */
export function trackingUrl(
  publicBaseUrl: string,
  receipt: Pick<CounterReceipt, 'caseId' | 'caseNumber' | 'lookupCode' | 'applicantLang'>,
): string {
  return trackUrlOf(publicBaseUrl, { ...receipt, id: receipt.caseId });
}

/**
 * A QR code as inline SVG with a text alternative. qrcode draws with presentation attributes only; any
 * `style` attribute would still be removed, because the Content-Security-Policy forbids inline styles.
 */
export async function qrCodeSvg(text: string, label: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  const escapedLabel = label
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
  return svg
    .replace(/<\?xml[^>]*>/, '')
    .replace(/\sstyle="[^"]*"/g, '')
    .replace(
      '<svg ',
      `<svg role="img" aria-label="${escapedLabel}" class="ow-receipt__qr-image" focusable="false" `,
    );
}
