import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/database.ts';
import type { PageWindow } from '../../../platform/db/paging.ts';
import { serviceNamesOf } from '../../catalogue/index.ts';
import { deficiencyNotices } from '../deficiency/deficiency-schema.ts';
import { cases } from './cases-schema.ts';
import type { CaseState } from './workflows.ts';

/**
 * The cases made with an e-mail address, for the citizen account's "My cases" (src/modules/citizens): the
 * address matched case-insensitively (index cases_applicant_email_idx on lower(applicant_email)), newest
 * first, one page at a time with the total. Each with what the list shows: the service's names, the state,
 * the expected completion date, and the date of the deficiency notice the applicant is to answer (issued),
 * if any. The caller has proven the address (a signed-in citizen); nothing here is logged.
 */
export interface ApplicantCaseItem {
  id: string;
  caseNumber: string;
  lookupCode: string;
  state: CaseState;
  serviceNameZh: string;
  serviceNameEn: string;
  expectedCompletionDate: string | null;
  /** The issued deficiency notice's date to supplement by (ISO date), or null when none is open. */
  supplementBy: string | null;
  /** True while the case waits for its fee (awaiting_payment). */
  isFeeDue: boolean;
}

export async function casesOfApplicantEmail(
  db: Database,
  options: { email: string; window: PageWindow },
): Promise<{ items: ApplicantCaseItem[]; total: number }> {
  const matches = sql`lower(${cases.applicantEmail}) = lower(${options.email})`;
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: cases.id,
        caseNumber: cases.caseNumber,
        lookupCode: cases.lookupCode,
        state: cases.state,
        serviceCode: cases.serviceCode,
        serviceVersion: cases.serviceVersion,
        expectedCompletionDate: cases.expectedCompletionDate,
        supplementBy: deficiencyNotices.supplementBy,
      })
      .from(cases)
      // At most one notice is open per case (deficiency_notices_one_open), so the join adds no rows.
      .leftJoin(
        deficiencyNotices,
        and(eq(deficiencyNotices.caseId, cases.id), eq(deficiencyNotices.state, 'issued')),
      )
      .where(matches)
      .orderBy(desc(cases.receivedAt), desc(cases.caseNumber))
      .limit(options.window.pageSize)
      .offset(options.window.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(cases).where(matches),
  ]);
  const nameOf = await serviceNamesOf(db, rows);
  return {
    total: count?.total ?? 0,
    items: rows.map(({ serviceCode, serviceVersion, ...row }) => {
      const name = nameOf(serviceCode, serviceVersion);
      const state = row.state as CaseState;
      return {
        ...row,
        state,
        serviceNameZh: name.nameZh,
        serviceNameEn: name.nameEn,
        supplementBy: state === 'awaiting_supplement' ? row.supplementBy : null,
        isFeeDue: state === 'awaiting_payment',
      };
    }),
  };
}
