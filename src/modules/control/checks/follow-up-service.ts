import { eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/database.ts';
import { recordStoredFile } from '../../../platform/files/file-store.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import type { UploadedFile } from '../../../platform/uploads/multipart.ts';
import { auditByStaff } from '../shared/staff-audit.ts';
import {
  checkForbidden,
  checkNotFound,
  type FollowUpForm,
  findEvidence,
  followUpProblems,
  invalidCheck,
  isSecretariat,
  isUnitRole,
  mayRemoveEvidence,
} from './check-rules.ts';
import { type ChecksTextKey, checksText as text } from './checks-messages.ts';
import { controlCheckActions, controlCheckEvidence, controlCheckFollowUps } from './checks-schema.ts';
import { type ChecksMutation, findAction, loadForChange, lockForChange } from './checks-service.ts';

/**
 * The follow-up of a check's corrective actions: the responsible unit's entries (with evidence files), the
 * secretariat closing an action, and removing an evidence file. Every change is audited.
 */

/** A follow-up entry on an open corrective action, by the responsible unit (or the secretariat). */
export async function addFollowUp(
  db: Database,
  input: ChecksMutation & {
    checkId: string;
    actionId: string;
    form: FollowUpForm;
    /** Evidence, already checked by readMultipartForm and in the file store. */
    files?: readonly UploadedFile[];
    /** The upload's own problems (a file of an unaccepted type …), listed with the form's. */
    knownProblems?: readonly FieldProblem[];
  },
): Promise<void> {
  const { lang } = input;
  await db.transaction(async (tx) => {
    const check = await loadForChange(tx, input.checkId, input);
    const action = findAction(check, input.actionId, lang);
    const conflict = (key: ChecksTextKey) =>
      new DomainError('CONFLICT', text(lang, key), {
        problems: [{ field: '', code: key, message: text(lang, key) }],
      });
    if (!isSecretariat(input.staff) && !(isUnitRole(input.staff) && input.staff.unitCode === action.unitCode))
      throw checkForbidden(lang);
    if (check.status === 'draft') throw conflict('draftNoFollowUp');
    if (action.closedAt !== null) throw conflict('actionClosed');

    const { problems, entryDate, note } = followUpProblems(input.form, {
      lang,
      today: input.today,
      checkDate: check.checkDate,
    });
    problems.push(...(input.knownProblems ?? []));
    if (problems.length > 0 || entryDate === null) throw invalidCheck(lang, problems);

    const [row] = await tx
      .insert(controlCheckFollowUps)
      .values({
        actionId: action.id,
        entryDate,
        note,
        createdAt: input.now,
        createdById: input.staff.id,
        createdByName: input.staff.displayName,
      })
      .returning({ id: controlCheckFollowUps.id });
    if (!row) throw new Error('addFollowUp: no row returned');
    const files = input.files ?? [];
    for (const file of files) await recordStoredFile(tx, file, input.now);
    if (files.length > 0)
      await tx.insert(controlCheckEvidence).values(
        files.map((file) => ({
          followUpId: row.id,
          fileName: file.fileName,
          mediaType: file.mediaType,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          uploadedAt: input.now,
        })),
      );
    await auditByStaff(tx, input, {
      action: 'control.check.follow_up',
      target: { type: 'control_check_action', id: action.id },
      details: { checkId: check.id, followUpId: row.id, entryDate, evidenceFiles: files.length },
    });
  });
}

/** The secretariat closes a corrective action. */
export async function closeAction(
  db: Database,
  input: ChecksMutation & { checkId: string; actionId: string },
): Promise<void> {
  const { lang } = input;
  if (!isSecretariat(input.staff)) throw checkForbidden(lang);
  await db.transaction(async (tx) => {
    await tx
      .select({ id: controlCheckActions.id })
      .from(controlCheckActions)
      .where(eq(controlCheckActions.id, input.actionId))
      .for('update');
    const check = await loadForChange(tx, input.checkId, input);
    const action = findAction(check, input.actionId, lang);
    if (action.closedAt !== null || check.status === 'draft') {
      const key: ChecksTextKey = check.status === 'draft' ? 'draftNoFollowUp' : 'actionClosed';
      throw new DomainError('CONFLICT', text(lang, key), {
        problems: [{ field: '', code: key, message: text(lang, key) }],
      });
    }
    await tx
      .update(controlCheckActions)
      .set({ closedAt: input.now, closedById: input.staff.id, closedByName: input.staff.displayName })
      .where(eq(controlCheckActions.id, action.id));
    await auditByStaff(tx, input, {
      action: 'control.check.close_action',
      target: { type: 'control_check_action', id: action.id },
      details: { checkId: check.id, wasOverdue: action.state === 'overdue' },
    });
  });
}

/**
 * Removes a follow-up's evidence file: the row is deleted (its bytes stay in the file store, which other
 * rows with the same content may share: ADR 0009); the audit entry `control.check.evidence_remove` keeps its
 * name, type, size and SHA-256, who and when.
 */
export async function removeEvidence(
  db: Database,
  input: ChecksMutation & { checkId: string; evidenceId: string },
): Promise<void> {
  const { lang } = input;
  await db.transaction(async (tx) => {
    const check = await lockForChange(tx, input);
    const found = findEvidence(check, input.evidenceId);
    if (!found) throw checkNotFound(lang);
    if (!mayRemoveEvidence(input.staff, found.action)) throw checkForbidden(lang);
    const [removed] = await tx
      .delete(controlCheckEvidence)
      .where(eq(controlCheckEvidence.id, found.file.id))
      .returning({ sha256: controlCheckEvidence.sha256 });
    await auditByStaff(tx, input, {
      action: 'control.check.evidence_remove',
      target: { type: 'control_check_action', id: found.action.id },
      details: {
        checkId: check.id,
        evidenceId: found.file.id,
        fileName: found.file.fileName,
        mediaType: found.file.mediaType,
        sizeBytes: found.file.sizeBytes,
        sha256: removed?.sha256 ?? null,
      },
    });
  });
}
