import { and, desc, eq, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../../platform/auth/audit-log.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import { auditActorOf, type CaseRow, type CasesContext, type StaffCaseActor } from './case-actor.ts';
import { caseText } from './case-messages.ts';
import { normaliseCaseNumber } from './case-number.ts';
import { cases } from './cases-schema.ts';
import { isBlank, normalisePhone } from './intake-rules.ts';
import type { CaseState } from './workflows.ts';

/**
 * Reading personal data is recorded: a look-up for a phone enquiry (what was asked, not the data itself,
 * and which cases matched), and every opening of a case page or of a case in the API.
 */

export interface StaffLookupResult {
  id: string;
  caseNumber: string;
  state: CaseState;
  subject: string;
  applicantName: string;
  applicantPhone: string | null;
  unitCode: string;
  receivedAt: Date;
}

/** Phone enquiries: by case number, applicant phone or exact name. Every look-up is in the audit log. */
export async function staffLookup(
  context: CasesContext,
  query: { caseNumber?: string | undefined; phone?: string | undefined; name?: string | undefined },
  actor: StaffCaseActor,
): Promise<StaffLookupResult[]> {
  const { db, lang, now } = context;
  const conditions: SQL[] = [];
  if (!isBlank(query.caseNumber))
    conditions.push(eq(cases.caseNumber, normaliseCaseNumber(query.caseNumber ?? '')));
  if (!isBlank(query.phone)) conditions.push(eq(cases.applicantPhone, normalisePhone(query.phone)));
  if (!isBlank(query.name)) conditions.push(eq(cases.applicantName, (query.name ?? '').trim()));
  if (conditions.length === 0)
    throw new DomainError('VALIDATION_FAILED', caseText(lang, 'lookupQueryRequired'), {
      problems: [{ field: 'caseNumber', code: 'required', message: caseText(lang, 'lookupQueryRequired') }],
    });
  const rows = await db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      state: cases.state,
      subject: cases.subject,
      applicantName: cases.applicantName,
      applicantPhone: cases.applicantPhone,
      unitCode: cases.unitCode,
      receivedAt: cases.receivedAt,
    })
    .from(cases)
    .where(and(...conditions))
    .orderBy(desc(cases.receivedAt))
    .limit(50);
  await recordAudit(db, {
    occurredAt: now,
    actor: auditActorOf(actor),
    action: 'case.lookup',
    ...(context.origin === undefined ? {} : { origin: context.origin }),
    details: {
      // What was asked, without the personal data itself: which keys, and how many cases matched.
      by: Object.entries(query)
        .filter(([, value]) => !isBlank(value))
        .map(([key]) => key),
      caseNumber: isBlank(query.caseNumber) ? undefined : normaliseCaseNumber(query.caseNumber ?? ''),
      matched: rows.map((row) => row.caseNumber),
    },
  });
  return rows.map((row) => ({ ...row, state: row.state as CaseState }));
}

/** A staff member opened a case page: recorded (who read whose personal data). */
export async function recordCaseView(context: CasesContext, row: CaseRow, actor: StaffCaseActor) {
  await recordAudit(context.db, {
    occurredAt: context.now,
    actor: auditActorOf(actor),
    action: 'case.view',
    target: { type: 'case', id: row.id },
    ...(context.origin === undefined ? {} : { origin: context.origin }),
    details: { caseNumber: row.caseNumber },
  });
}
