import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit, staffActor } from '../../platform/auth/audit-log.ts';
import { withTransaction } from '../../platform/db/database.ts';
import { DomainError, type FieldProblem, notFound } from '../../platform/http/errors.ts';
import { addToTimeline, type CasesContext, type StaffCaseActor } from '../cases/index.ts';
import { crewText } from './crew-messages.ts';
import type { CrewCase } from './crew-queries.ts';
import { reportPhotos } from './reports-schema.ts';

/**
 * Hiding a photo from the public (a face, a number plate): staff of the report's unit, with a reason. The
 * photo stays for staff; the public pages, feeds and Open311 show only photos without `hidden_at`. The
 * case's timeline says who hid which photo and why (an internal note: the reason may describe the face),
 * and the audit log keeps the same, beside every other staff write (who, when, from where).
 */

export const maxHideReasonLength = 500;

/** Who may hide a report's photos: its unit's handlers and supervisor. */
export function mayHidePhotos(actor: StaffCaseActor, report: Pick<CrewCase, 'unitCode'>): boolean {
  return (actor.role === 'handler' || actor.role === 'supervisor') && actor.unitCode === report.unitCode;
}

const roleNames = { report: 'photoRoleReport', fix: 'photoRoleFix', not_fixed: 'photoRoleNotFixed' } as const;

export async function hideReportPhoto(
  context: Pick<CasesContext, 'db' | 'now' | 'lang' | 'origin'>,
  actor: StaffCaseActor,
  input: { report: CrewCase; photoId: string; reason: string },
): Promise<void> {
  const { db, now, lang, origin } = context;
  if (!mayHidePhotos(actor, input.report))
    throw new DomainError('FORBIDDEN', crewText(lang, 'hideNotYourUnit'));
  const reason = input.reason.trim();
  const problems: FieldProblem[] = [];
  if (reason === '')
    problems.push({ field: 'reason', code: 'required', message: crewText(lang, 'hideReasonRequired') });
  else if ([...reason].length > maxHideReasonLength)
    problems.push({
      field: 'reason',
      code: 'too_long',
      message: crewText(lang, 'hideReasonTooLong', { max: maxHideReasonLength }),
    });
  if (problems.length > 0)
    throw new DomainError('VALIDATION_FAILED', crewText(lang, 'hideInvalid'), { problems });
  await withTransaction(db, async (tx) => {
    const [photo] = await tx
      .select({ role: reportPhotos.role, position: reportPhotos.position, hiddenAt: reportPhotos.hiddenAt })
      .from(reportPhotos)
      .where(and(eq(reportPhotos.id, input.photoId), eq(reportPhotos.caseId, input.report.id)))
      .for('update');
    if (photo === undefined) throw notFound(crewText(lang, 'photoNotFound'));
    // Hidden already (a second click, a colleague first): nothing more to do, and no second note.
    if (photo.hiddenAt !== null) return;
    await tx
      .update(reportPhotos)
      .set({ hiddenAt: now, hiddenReason: reason, hiddenByStaffId: actor.id })
      .where(and(eq(reportPhotos.id, input.photoId), isNull(reportPhotos.hiddenAt)));
    await addToTimeline(tx, {
      caseId: input.report.id,
      at: now,
      kind: 'note',
      actor,
      internalNote: crewText(lang, 'hiddenNote', {
        photo: crewText(lang, roleNames[photo.role], { position: photo.position }),
        reason,
      }),
      data: { photoHidden: input.photoId, role: photo.role, position: photo.position },
    });
    await recordAudit(tx, {
      occurredAt: now,
      actor: staffActor(actor),
      action: 'report.photo_hidden',
      target: { type: 'report_photo', id: input.photoId },
      ...(origin === undefined ? {} : { origin }),
      // The staff member's reason, as on the timeline (staff wrote it; it names no reporter). Never the
      // reporter's details: the case is named by its id and number only.
      details: {
        caseId: input.report.id,
        caseNumber: input.report.caseNumber,
        role: photo.role,
        position: photo.position,
        reason,
      },
    });
  });
}
