import { and, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/auth/audit-log.ts';
import { DomainError, notFound } from '../../../platform/http/errors.ts';
import {
  type ActionActor,
  actionTable,
  asProblems,
  type CaseFacts,
  type CaseRelation,
  mayTakeAction,
} from './case-actions.ts';
import { auditActorOf, type CaseRow, type CasesContext, type StaffCaseActor } from './case-actor.ts';
import { recordCaseAudit } from './case-audit.ts';
import { caseText } from './case-messages.ts';
import { normaliseCaseNumber } from './case-number.ts';
import { serviceVersionNames } from './case-reference-cache.ts';
import { cases, caseTimeline } from './cases-schema.ts';
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
  /** The names of the case's service version: an automatic subject is shown in the page's language. */
  serviceNameZh: string;
  serviceNameEn: string;
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
  // Only the cases this person may read (a unit's handler: the unit's, those that passed through it, theirs).
  const readable = readableCasesCondition(actor);
  if (readable !== null) conditions.push(readable);
  const rows = await db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      state: cases.state,
      subject: cases.subject,
      serviceCode: cases.serviceCode,
      serviceVersion: cases.serviceVersion,
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
  const results: StaffLookupResult[] = [];
  for (const { serviceCode, serviceVersion, ...row } of rows) {
    const names = await serviceVersionNames(db, serviceCode, serviceVersion);
    results.push({
      ...row,
      state: row.state as CaseState,
      serviceNameZh: names?.nameZh ?? serviceCode,
      serviceNameEn: names?.nameEn ?? serviceCode,
    });
  }
  return results;
}

/** A staff member opened a case page: recorded (who read whose personal data). */
export async function recordCaseView(context: CasesContext, row: CaseRow, actor: StaffCaseActor) {
  await recordCaseAudit(context.db, context, actor, {
    action: 'case.view',
    caseId: row.id,
    details: { caseNumber: row.caseNumber },
  });
}

/** The relations `read` asks of a case, as SQL on `cases` (the same facts relationsOf reads from a loaded case). */
function relationCondition(actor: ActionActor, relation: CaseRelation): SQL {
  const unit = actor.unitCode ?? '';
  switch (relation) {
    case 'any':
      return sql`true`;
    case 'own_unit':
      return eq(cases.unitCode, unit);
    case 'assigned_to_me':
      return eq(cases.handlerId, actor.id);
    case 'unassigned_in_own_unit':
      return sql`(${cases.unitCode} = ${unit} and ${cases.handlerId} is null)`;
    case 'passed_through':
      return sql`exists (select 1 from ${caseTimeline} e where e.case_id = ${cases.id}
        and e.kind = 'transfer' and e.data ->> 'fromUnit' = ${unit})`;
  }
}

/**
 * The cases this person may read, as a condition on `cases`, from the actions table's `read` grants: null
 * when the role reads every case, `false` when none.
 */
export function readableCasesCondition(actor: ActionActor): SQL | null {
  const grants = actionTable.read.grants.filter((grant) => grant.roles.includes(actor.role));
  if (grants.some((grant) => grant.relations.every((relation) => relation === 'any'))) return null;
  if (grants.length === 0) return sql`false`;
  const each = grants.map((grant) =>
    and(...grant.relations.map((relation) => relationCondition(actor, relation))),
  );
  return or(...each) ?? sql`false`;
}

/** Whether the role reads every case, so that no facts of the case need loading. */
function readsEveryCase(actor: ActionActor): boolean {
  return readableCasesCondition(actor) === null;
}

/** What `read` needs to know of a case not loaded whole: one statement. */
export async function caseReadFacts(
  db: CasesContext['db'],
  caseId: string,
): Promise<(CaseFacts & { id: string }) | null> {
  const result = await db.execute<{
    id: string;
    case_number: string;
    kind: string;
    state: string;
    unit_code: string;
    handler_id: string | null;
    units_before: string[] | null;
  }>(sql`
    select c.id, c.case_number, c.kind, c.state, c.unit_code, c.handler_id,
      (select array_agg(distinct e.data ->> 'fromUnit') from ${caseTimeline} e
        where e.case_id = c.id and e.kind = 'transfer' and e.data ? 'fromUnit') as units_before
    from ${cases} c where c.id = ${caseId}`);
  const row = result.rows[0];
  if (row === undefined) return null;
  return {
    id: row.id,
    caseNumber: row.case_number,
    kind: row.kind,
    state: row.state,
    unitCode: row.unit_code,
    handlerId: row.handler_id,
    unitsBefore: row.units_before ?? [],
  };
}

/**
 * Least privilege on every read of one case — its page, its files, its notices, its API record: the actions
 * table's `read` grants (a unit's handler reads the unit's cases, those that passed through it and those
 * assigned to them). A refusal is recorded in the audit log (`case.read_refused`, who tried which case) and
 * answered 403 with the reasons. `facts` when the case is already loaded (its timeline gives the units it
 * passed through); otherwise they are read in one statement, and only for a role that does not read every case.
 */
export async function ensureMayReadCase(
  context: Pick<CasesContext, 'db' | 'now' | 'lang' | 'origin'>,
  actor: StaffCaseActor,
  target: { caseId: string; facts?: CaseFacts },
): Promise<void> {
  if (readsEveryCase(actor)) return;
  const facts = target.facts ?? (await caseReadFacts(context.db, target.caseId));
  if (facts === null) throw notFound(caseText(context.lang, 'caseNotFound'));
  const decision = mayTakeAction(actor, 'read', facts, context.lang);
  if (decision.isAllowed) return;
  await recordCaseAudit(context.db, context, actor, {
    action: 'case.read_refused',
    caseId: target.caseId,
    details: { caseNumber: facts.caseNumber, reasons: decision.failures.map((failure) => failure.code) },
  });
  throw new DomainError('FORBIDDEN', caseText(context.lang, 'readNotAllowed'), {
    problems: asProblems(decision.failures),
  });
}
