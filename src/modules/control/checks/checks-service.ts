import { eq } from 'drizzle-orm';
import type { RequestOrigin } from '../../../platform/auth/audit-log.ts';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Database, DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { formatDateTime } from '../shared/control-format.ts';
import { auditByStaff } from '../shared/staff-audit.ts';
import { getCheck } from './check-reads.ts';
import {
  type CheckAction,
  type CheckForm,
  type CheckOrigin,
  type CheckStatus,
  type CheckView,
  changesOf,
  checkForbidden,
  checkNotFound,
  inFormOrder,
  invalidCheck,
  mayRecordSelfAssessment,
  mayRecordSpotChecks,
  mayRevise,
  type ReviseForm,
  revisionProblems,
  type ValidCheck,
  validateCheckForm,
} from './check-rules.ts';
import { checksText as text } from './checks-messages.ts';
import { controlCheckActions, controlCheckRevisions, controlChecks } from './checks-schema.ts';

/**
 * 陸、管制查考: spot checks and tests (平時測試及查核) recorded by the secretariat, units' self-assessments
 * (自行管理考核: a unit editor drafts, the unit head confirms), and their corrections. Every change is
 * audited (`control.check.*`, `control.self_assessment.*`). Follow-up of their actions: follow-up-service.ts.
 */

export interface ChecksMutation {
  staff: StaffPrincipal;
  now: Date;
  /** Today in Taipei, YYYY-MM-DD. */
  today: string;
  lang: Lang;
  origin: RequestOrigin;
}

/** The check's own columns, as the form's rules read them (its actions are rows of their own). */
function checkColumns({ actions: _actions, ...columns }: ValidCheck) {
  return columns;
}

/** Records a spot check (secretariat) or a unit's self-assessment (its editor drafts, its head confirms). */
export async function createCheck(
  db: Database,
  input: ChecksMutation & { checkOrigin: CheckOrigin; form: CheckForm; unitCodes: ReadonlySet<string> },
): Promise<{ id: string }> {
  const { staff, lang } = input;
  if (input.checkOrigin === 'spot_check' ? !mayRecordSpotChecks(staff) : !mayRecordSelfAssessment(staff))
    throw checkForbidden(lang);
  const form =
    input.checkOrigin === 'self_assessment' ? { ...input.form, unitCode: staff.unitCode ?? '' } : input.form;
  const { problems, value } = validateCheckForm(form, {
    lang,
    today: input.today,
    unitCodes: input.unitCodes,
  });
  if (value === null) throw invalidCheck(lang, problems);
  const status: CheckStatus =
    input.checkOrigin === 'spot_check' ? 'recorded' : staff.role === 'unit_head' ? 'confirmed' : 'draft';
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(controlChecks)
      .values({
        origin: input.checkOrigin,
        status,
        ...checkColumns(value),
        createdAt: input.now,
        createdById: staff.id,
        createdByName: staff.displayName,
        ...(status === 'confirmed'
          ? { confirmedAt: input.now, confirmedById: staff.id, confirmedByName: staff.displayName }
          : {}),
      })
      .returning({ id: controlChecks.id });
    if (!row) throw new Error('createCheck: no row returned');
    if (value.actions.length > 0)
      await tx.insert(controlCheckActions).values(
        value.actions.map((action, index) => ({
          checkId: row.id,
          ordinal: index + 1,
          description: action.description,
          deadline: action.deadline,
          unitCode: action.unitCode,
        })),
      );
    await auditByStaff(tx, input, {
      action: input.checkOrigin === 'spot_check' ? 'control.check.create' : 'control.self_assessment.create',
      target: { type: 'control_check', id: row.id },
      details: {
        unitCode: value.unitCode,
        kind: value.kind,
        checkDate: value.checkDate,
        score: value.score,
        status,
        actions: value.actions.length,
      },
    });
    return { id: row.id };
  });
}

export async function loadForChange(db: DatabaseOrTransaction, checkId: string, input: ChecksMutation) {
  const check = await getCheck(db, checkId, input.today);
  if (!check) throw checkNotFound(input.lang);
  return check;
}

/** Locks the check's row for the rest of the transaction (one change at a time), then reads it. */
export async function lockForChange(tx: DatabaseOrTransaction, input: ChecksMutation & { checkId: string }) {
  await tx
    .select({ id: controlChecks.id })
    .from(controlChecks)
    .where(eq(controlChecks.id, input.checkId))
    .for('update');
  return loadForChange(tx, input.checkId, input);
}

export function findAction(check: CheckView, actionId: string, lang: Lang): CheckAction {
  const action = check.actions.find((candidate) => candidate.id === actionId);
  if (!action) throw checkNotFound(lang);
  return action;
}

/** The unit head confirms the unit's draft self-assessment. */
export async function confirmCheck(db: Database, input: ChecksMutation & { checkId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const check = await lockForChange(tx, input);
    if (
      check.origin !== 'self_assessment' ||
      input.staff.role !== 'unit_head' ||
      input.staff.unitCode !== check.unitCode
    )
      throw checkForbidden(input.lang);
    if (check.status !== 'draft')
      throw new DomainError('CONFLICT', text(input.lang, 'notConfirmable'), {
        problems: [{ field: '', code: 'already_confirmed', message: text(input.lang, 'notConfirmable') }],
      });
    await tx
      .update(controlChecks)
      .set({
        status: 'confirmed',
        confirmedAt: input.now,
        confirmedById: input.staff.id,
        confirmedByName: input.staff.displayName,
      })
      .where(eq(controlChecks.id, check.id));
    await auditByStaff(tx, input, {
      action: 'control.self_assessment.confirm',
      target: { type: 'control_check', id: check.id },
      details: { unitCode: check.unitCode },
    });
  });
}

/**
 * Corrects a check: its date, unit (a spot check's), kind, subject, score and findings, and adds corrective
 * actions (the ones recorded stay: they carry follow-up; the secretariat closes them). Every problem at
 * once, the reason among them once the check is recorded; a form made from an earlier version is refused
 * naming who changed it and when; nothing changed is a problem too. Writes the check, its new actions,
 * a revision (each field before and after: append-only) and the audit entry in one transaction.
 */
export async function reviseCheck(
  db: Database,
  input: ChecksMutation & {
    checkId: string;
    version: number;
    form: ReviseForm;
    unitCodes: ReadonlySet<string>;
  },
): Promise<void> {
  const { staff, lang } = input;
  await db.transaction(async (tx) => {
    const check = await lockForChange(tx, input);
    if (!mayRevise(staff, check)) throw checkForbidden(lang);
    if (check.version !== input.version) {
      const message = text(lang, 'staleCheck', {
        name: check.updatedByName ?? check.createdByName,
        at: formatDateTime(lang, check.updatedAt ?? check.createdAt),
      });
      throw new DomainError('CONFLICT', message, {
        problems: [{ field: '', code: 'stale_version', message }],
      });
    }
    const form =
      check.origin === 'self_assessment' ? { ...input.form, unitCode: check.unitCode } : input.form;
    const { problems, value } = validateCheckForm(form, {
      lang,
      today: input.today,
      unitCodes: input.unitCodes,
    });
    problems.push(...revisionProblems(check, input.form, lang));
    if (problems.length > 0 || value === null) throw invalidCheck(lang, inFormOrder(problems));
    const changes = changesOf(check, value);
    if (changes.length === 0)
      throw invalidCheck(lang, [{ field: '', code: 'no_change', message: text(lang, 'noChange') }]);
    const reason = input.form.reason.trim();

    const version = check.version + 1;
    await tx
      .update(controlChecks)
      .set({
        ...checkColumns(value),
        version,
        updatedAt: input.now,
        updatedByName: staff.displayName,
      })
      .where(eq(controlChecks.id, check.id));
    const firstOrdinal = check.actions.reduce((max, action) => Math.max(max, action.ordinal), 0) + 1;
    if (value.actions.length > 0)
      await tx.insert(controlCheckActions).values(
        value.actions.map((action, index) => ({
          checkId: check.id,
          ordinal: firstOrdinal + index,
          description: action.description,
          deadline: action.deadline,
          unitCode: action.unitCode,
        })),
      );
    await tx.insert(controlCheckRevisions).values({
      checkId: check.id,
      version,
      revisedAt: input.now,
      revisedById: staff.id,
      revisedByName: staff.displayName,
      reason,
      changes,
    });
    await auditByStaff(tx, input, {
      action: check.origin === 'spot_check' ? 'control.check.revise' : 'control.self_assessment.revise',
      target: { type: 'control_check', id: check.id },
      details: { version, fields: changes.map((change) => change.field), newActions: value.actions.length },
    });
  });
}
