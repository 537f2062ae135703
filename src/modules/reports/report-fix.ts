import { eq } from 'drizzle-orm';
import type { FileStore } from '../../platform/files/file-store.ts';
import { DomainError, type FieldProblem, notFound } from '../../platform/http/errors.ts';
import { hasUnusableCharacter } from '../../platform/web/components/read-form.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import {
  type CaseRow,
  type CasesContext,
  cases,
  reopenDaysOf,
  type StaffCaseActor,
  transitionCase,
} from '../cases/index.ts';
import { crewText } from './crew-messages.ts';
import { queueFixedNotices } from './crew-notices.ts';
import { nextPhotoPosition } from './crew-queries.ts';
import { notFixedWindow } from './crew-rules.ts';
import { addReportPhoto, checkedPhotos, type ReportPhotoFile } from './report-intake.ts';

/**
 * The end of a report's life on the street: the crew marks it fixed with after-photos and a note, and the
 * reporter may say it is not fixed. Each is one case transition (transitionCase: state, role, guards,
 * timeline) with its photos stored — and, for the fix, the "fixed" e-mails queued — in the same
 * transaction: a fix without its photo, or a photo of a fix that did not happen, never exists.
 */

/** The longest note or reason a crew member or a reporter may write. */
export const maxNoteLength = 2000;

function textProblems(
  field: string,
  value: string,
  lang: Lang,
  messages: {
    required: Parameters<typeof crewText>[1];
    tooLong: Parameters<typeof crewText>[1];
    unusable: Parameters<typeof crewText>[1];
  },
): FieldProblem[] {
  if (value === '') return [{ field, code: 'required', message: crewText(lang, messages.required) }];
  // NUL, a control character, half a surrogate pair: the form's own word about them is left to this check
  // (withoutFields), and PostgreSQL would refuse the text.
  if (hasUnusableCharacter(value))
    return [{ field, code: 'notAllowed', message: crewText(lang, messages.unusable) }];
  if ([...value].length > maxNoteLength)
    return [{ field, code: 'too_long', message: crewText(lang, messages.tooLong, { max: maxNoteLength }) }];
  return [];
}

export interface MarkFixedInput {
  caseId: string;
  /** The version the crew member saw: someone else's change in between is a conflict, not overwritten. */
  version: number;
  /** The note: what was done (the case's resolution, shown to the reporter). */
  resolution: string;
  /** The after-photos, already in the file store (1 to 3). */
  photos: readonly ReportPhotoFile[];
  /** Problems the route found in the upload itself (a file too large, not an image). */
  knownProblems?: readonly FieldProblem[];
}

/**
 * Marks a dispatched report fixed. Every problem at once (no photo, no note, a photo refused); then, in
 * the transition's transaction, the photos as role `fix` and the "fixed" e-mail to the reporter, the
 * reporters of merged duplicates and the followers, the photos attached.
 */
export async function markReportFixed(
  context: CasesContext,
  files: FileStore,
  actor: StaffCaseActor,
  input: MarkFixedInput,
): Promise<CaseRow> {
  const { lang, now } = context;
  const known = input.knownProblems ?? [];
  const resolution = input.resolution.trim();
  const problems: FieldProblem[] = [
    ...known,
    ...textProblems('resolution', resolution, lang, {
      required: 'resolutionRequired',
      tooLong: 'resolutionTooLong',
      unusable: 'resolutionUnusable',
    }),
  ];
  // A photo refused by the upload is already named; "add a photo" would only repeat it.
  if (input.photos.length === 0 && !known.some((problem) => problem.field === 'photos'))
    problems.push({ field: 'photos', code: 'required', message: crewText(lang, 'fixPhotoRequired') });
  const accepted = await checkedPhotos(files, input.photos, lang, problems);
  return transitionCase(
    context,
    { caseId: input.caseId, expectedVersion: input.version, event: 'mark_fixed', input: { resolution } },
    actor,
    {
      inTransaction: async (tx, updated) => {
        const first = await nextPhotoPosition(tx, updated.id, 'fix');
        const photoIds: string[] = [];
        for (const [index, photo] of accepted.entries()) {
          photoIds.push(
            await addReportPhoto(
              tx,
              files,
              photo,
              { caseId: updated.id, role: 'fix', position: first + index, staffId: actor.id },
              now,
            ),
          );
        }
        await queueFixedNotices(tx, context, updated, photoIds);
      },
    },
  );
}

export interface NotFixedInput {
  caseId: string;
  /** What is still wrong: on the public timeline, for the crew that goes again. */
  reason: string;
  /** Optional photos of how it still looks (0 to 3), already in the file store. */
  photos: readonly ReportPhotoFile[];
  knownProblems?: readonly FieldProblem[];
}

/**
 * The reporter says it is not fixed (from /track or the "fixed" e-mail, with the number and lookup code).
 * Past the days allowed, or when it is not fixed at all, a clear refusal (INVALID_TRANSITION, 409) before
 * anything else is asked of them; otherwise every problem at once, then the reopening and the photos (role
 * `not_fixed`) in one transaction. The report goes back to its crew's and its unit's lists.
 */
export async function reportNotFixed(
  context: CasesContext,
  files: FileStore,
  input: NotFixedInput,
): Promise<CaseRow> {
  const { db, lang, now } = context;
  const [row] = await db.select().from(cases).where(eq(cases.id, input.caseId));
  if (row === undefined) throw notFound(crewText(lang, 'reportNotFound'));
  assertNotFixedAllowed(row, context);
  const reason = input.reason.trim();
  const problems: FieldProblem[] = [
    ...(input.knownProblems ?? []),
    ...textProblems('reason', reason, lang, {
      required: 'notFixedReasonRequired',
      tooLong: 'notFixedReasonTooLong',
      unusable: 'notFixedReasonUnusable',
    }),
  ];
  const accepted = await checkedPhotos(files, input.photos, lang, problems);
  try {
    return await transitionCase(
      context,
      { caseId: row.id, expectedVersion: row.version, event: 'reopen', input: { reason } },
      { kind: 'applicant' },
      {
        inTransaction: async (tx, updated) => {
          const first = await nextPhotoPosition(tx, updated.id, 'not_fixed');
          for (const [index, photo] of accepted.entries()) {
            await addReportPhoto(
              tx,
              files,
              photo,
              { caseId: updated.id, role: 'not_fixed', position: first + index, staffId: null },
              now,
            );
          }
        },
      },
    );
  } catch (error) {
    // The window closed, or the case moved, between the read above and the transition's lock: the same
    // clear words as before, never a refusal meant for staff.
    if (error instanceof DomainError && (error.code === 'FORBIDDEN' || error.code === 'INVALID_TRANSITION')) {
      const [current] = await db.select().from(cases).where(eq(cases.id, row.id));
      assertNotFixedAllowed(current ?? row, context);
    }
    throw error;
  }
}

/** Throws the reporter's refusal (INVALID_TRANSITION) unless the report is fixed and within its days. */
export function assertNotFixedAllowed(
  row: Pick<CaseRow, 'kind' | 'state' | 'closedAt'>,
  context: Pick<CasesContext, 'now' | 'lang' | 'reopenDays'>,
): void {
  const days = reopenDaysOf('field_report', context.reopenDays);
  const window = notFixedWindow(row, context.now, days);
  if (window.kind === 'open') return;
  const message =
    window.kind === 'past'
      ? crewText(context.lang, 'notFixedPast', { days })
      : crewText(context.lang, 'notFixedNotFixed');
  throw new DomainError('INVALID_TRANSITION', message, {
    problems: [{ field: '', code: window.kind === 'past' ? 'reopen_window_past' : 'not_fixed', message }],
  });
}
