import type { Transaction } from '../../../platform/db/database.ts';
import { withTransaction } from '../../../platform/db/database.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import { computeFee } from '../payment/fee-rules.ts';
import type { CaseActor, CaseRow, CasesContext } from './case-actor.ts';
import { calendarFor } from './case-calendar.ts';
import { computeDeadline } from './case-deadline.ts';
import { caseText } from './case-messages.ts';
import { queueCaseNotices } from './case-notices.ts';
import { newLookupCode, nextCaseNumber } from './case-number.ts';
import { currentServiceForCase, isKnownDistrict, routeCase } from './case-reference-cache.ts';
import { addToTimeline } from './case-timeline.ts';
import type { ApplicantType, CaseChannel } from './case-vocabulary.ts';
import { caseConfidentialContacts, cases } from './cases-schema.ts';
import {
  isBlank,
  normalisePhone,
  type OpenCaseInput,
  validateOpenCase,
  withApplicantAnswers,
} from './intake-rules.ts';
import { workflowOf } from './workflows.ts';

/**
 * Intake: a request from any channel becomes a case of its service's current version, routed to its unit,
 * with its deadline, its first timeline entry and the applicant's receipt notice, in one transaction.
 */

export interface OpenCaseOptions {
  /** Problems the caller found itself (a refused upload, a field of its own form): listed with the case's. */
  knownProblems?: readonly FieldProblem[];
  /** Runs in the case's transaction once the case is written (e.g. storing its attachments): all or nothing. */
  inTransaction?: (tx: Transaction, row: CaseRow) => Promise<void>;
}

export async function openCase(
  context: CasesContext,
  rawInput: OpenCaseInput,
  actor: CaseActor,
  options: OpenCaseOptions = {},
): Promise<CaseRow> {
  const { db, now, lang } = context;
  const service = await currentServiceForCase(db, rawInput.serviceCode);
  const input = withApplicantAnswers(rawInput, new Set(service?.formFields.map((field) => field.id) ?? []));
  const districtCode = isBlank(input.districtCode) ? null : (input.districtCode?.trim() ?? null);
  const districtKnown = districtCode === null ? true : await isKnownDistrict(db, districtCode);
  // A field the caller already found wrong (its form's own check) is not reported a second time.
  const known = options.knownProblems ?? [];
  const knownFields = new Set(known.map((problem) => problem.field));
  const problems = [
    ...known,
    ...validateOpenCase(input, service, districtKnown, lang).filter(
      (problem) => !knownFields.has(problem.field),
    ),
  ];
  if (problems.length > 0 || service === null) {
    throw new DomainError('VALIDATION_FAILED', caseText(lang, 'invalidCase'), { problems });
  }
  const initial = workflowOf(service.kind).initial;
  const calendar = await calendarFor(db, context.calendarRegion);
  const deadline = computeDeadline(calendar, {
    receivedAt: now,
    deadlineRule: service.deadline,
    pauses: [],
    extensionAmount: 0,
  });
  const checklistReceived = [
    ...new Set([
      ...(input.checklistReceived ?? []),
      ...service.checklist.filter((item) => item.isElectronicallyVerifiable).map((item) => item.id),
    ]),
  ];
  // The number is taken in its own statement, before the case's transaction: the day's counter row is
  // locked only for that upsert, not until the whole intake commits (inside the transaction every
  // concurrent intake queued on that one row — the bench measured 7.5 of 10 pool connections waiting on
  // it). The price: an intake that fails after this line leaves a gap in the day's sequence.
  const fee = computeFee(service.fees, input.formData ?? {});
  const unitCode = await routeCase(db, service, districtCode);
  const caseNumber = await nextCaseNumber(db, now);
  return withTransaction(db, async (tx) => {
    const phone = normalisePhone(input.applicantPhone);
    const email = (input.applicantEmail ?? '').trim();
    const [row] = await tx
      .insert(cases)
      .values({
        caseNumber,
        lookupCode: newLookupCode(),
        kind: service.kind,
        channel: input.channel as CaseChannel,
        serviceCode: service.code,
        serviceVersion: service.version,
        unitCode,
        state: initial,
        applicantType: input.applicantType as ApplicantType,
        applicantName: (input.applicantName ?? '').trim(),
        applicantCompany: isBlank(input.applicantCompany) ? null : (input.applicantCompany?.trim() ?? null),
        applicantPhone: phone === '' ? null : phone,
        applicantEmail: email === '' ? null : email,
        applicantAddress: isBlank(input.applicantAddress) ? null : (input.applicantAddress?.trim() ?? null),
        applicantLang: input.applicantLang,
        consentAt: now,
        subject: isBlank(input.subject) ? service.nameZh : (input.subject?.trim() ?? service.nameZh),
        description: input.description.trim(),
        formData: input.formData ?? {},
        checklistReceived,
        districtCode,
        address: isBlank(input.address) ? null : (input.address?.trim() ?? null),
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        receivedAt: now,
        feeAmountTwd: fee.amountTwd,
        feeLines: fee.lines,
        deadlineRule: service.deadline,
        outerLimitWorkingDays: input.outerLimitWorkingDays ?? null,
        needsAnswerApproval: input.needsAnswerApproval ?? false,
        dueAt: deadline.dueAt,
        atRiskAt: deadline.atRiskAt,
        expectedCompletionDate: deadline.expectedCompletionDate,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (row === undefined) throw new Error('insert into cases returned no row');
    await addToTimeline(tx, {
      caseId: row.id,
      at: now,
      kind: 'created',
      actor,
      toState: initial,
      data: { channel: row.channel, unitCode, serviceVersion: service.version },
    });
    const confidential = input.confidentialContact;
    if (confidential !== undefined && (confidential.email.trim() !== '' || confidential.phone.trim() !== ''))
      await tx.insert(caseConfidentialContacts).values({
        caseId: row.id,
        email: confidential.email.trim() === '' ? null : confidential.email.trim(),
        phone: normalisePhone(confidential.phone) === '' ? null : normalisePhone(confidential.phone),
      });
    if (options.inTransaction !== undefined) await options.inTransaction(tx, row);
    await queueCaseNotices(tx, context, row, [{ topic: 'case.received' }]);
    return row;
  });
}
