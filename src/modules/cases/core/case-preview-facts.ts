import { desc, eq } from 'drizzle-orm';
import type { PreviewFacts, PreviewFactsSource } from '../../../platform/notify/template-kit.ts';
import { maskName } from '../../../platform/privacy/masking.ts';
import { serviceVersionNames, unitContact } from './case-reference-cache.ts';
import { cases } from './cases-schema.ts';

/**
 * Real facts for the preview of an edited notice (issue 17 §5, /staff/notification-templates/:topic): a
 * case's number, service, unit and dates, the applicant's name and lookup code masked (王○明, K7**-**), and
 * the tracking address without the code or link token. `reference` is a case number as typed; null: the
 * case received last. Null when there is no such case. The notifications module gets it through the topic
 * (`withPreviewFacts`, in the cases manifest), so it reads no table of this module.
 */
export const casePreviewFacts: PreviewFactsSource = async (db, { reference, lang, publicBaseUrl }) => {
  const query = db
    .select({
      caseNumber: cases.caseNumber,
      lookupCode: cases.lookupCode,
      applicantName: cases.applicantName,
      serviceCode: cases.serviceCode,
      serviceVersion: cases.serviceVersion,
      unitCode: cases.unitCode,
      expectedCompletionDate: cases.expectedCompletionDate,
    })
    .from(cases);
  const compact = reference?.normalize('NFKC').replace(/\s/g, '') ?? null;
  const [row] = await (compact === null
    ? query.orderBy(desc(cases.receivedAt)).limit(1)
    : query.where(eq(cases.caseNumber, compact)).limit(1));
  if (row === undefined) return null;
  const names = await serviceVersionNames(db, row.serviceCode, row.serviceVersion);
  const unit = await unitContact(db, row.unitCode);
  const isEnglish = lang === 'en';
  const maskedName = maskName(row.applicantName);
  const values: PreviewFacts['values'] = {
    caseNumber: row.caseNumber,
    lookupCode: `${row.lookupCode.slice(0, 2)}${row.lookupCode.slice(2).replace(/[^-]/g, '*')}`,
    applicantName: maskedName,
    trackingUrl: `${publicBaseUrl.replace(/\/$/, '')}${isEnglish ? '/en' : ''}/track?case=${row.caseNumber}`,
    ...(names === null ? {} : { serviceName: isEnglish ? names.nameEn : names.nameZh }),
    ...(unit === null
      ? {}
      : {
          unitName: isEnglish ? unit.nameEn : unit.nameZh,
          newUnitName: isEnglish ? unit.nameEn : unit.nameZh,
          unitPhone: unit.phone,
          newUnitPhone: unit.phone,
        }),
    ...(row.expectedCompletionDate === null
      ? {}
      : { expectedCompletionDate: row.expectedCompletionDate, newDate: row.expectedCompletionDate }),
  };
  return {
    source: isEnglish
      ? `case ${row.caseNumber} (applicant ${maskedName})`
      : `案號 ${row.caseNumber}（申請人 ${maskedName}）`,
    reference: row.caseNumber,
    values,
  };
};
