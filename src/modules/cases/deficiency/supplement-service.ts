import { eq } from 'drizzle-orm';
import { recordStoredFile } from '../../../platform/files/file-store.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import type { UploadedFile } from '../../../platform/uploads/multipart.ts';
import { normaliseDateInput } from '../../../platform/web/date-input.ts';
import type { CaseActor, CasesContext } from '../core/case-actor.ts';
import { recordCaseAudit } from '../core/case-audit.ts';
import { caseText } from '../core/case-messages.ts';
import { caseAttachments, cases } from '../core/cases-schema.ts';
import { transitionCase } from '../core/transition-case.ts';
import { deficiencyText } from './deficiency-messages.ts';
import { issuedNoticeOf } from './deficiency-queries.ts';
import {
  type SupplementAnswer,
  supplementInputName,
  supplementProblems,
  supplementRecord,
} from './deficiency-rules.ts';
import { deficiencyNotices } from './deficiency-schema.ts';
import { candidatesOf, loadCase, serviceOf } from './deficiency-service.ts';

/**
 * The supplement (補正): every item of the issued notice answered in one submission — online by the
 * applicant (a file for a document, a corrected answer for a field, a reply for another item) or recorded by
 * a clerk for what was brought in on paper (a tick per item; scans and answers optional). Anything missing is
 * refused with every missing item named and nothing stored; complete, in one transaction: the files (case
 * attachments of purpose `supplement` naming the notice), the corrected answers (the case's form data; old
 * and new kept on the notice), the notice `supplemented`, and `supplement_received` (the clock resumes that
 * day: the effect closes the pause).
 */

export interface SupplementSubmission {
  caseId: string;
  expectedVersion: number;
  via: 'online' | 'counter';
  /** The form's text fields by name (multipart). */
  fields: Readonly<Record<string, string | string[]>>;
  /** The accepted files, already in the store; `fieldName` is `file.<kind>.<id>`. */
  files: readonly UploadedFile[];
  /** Problems found while reading the form (a refused file …), listed with the rest. */
  knownProblems: readonly FieldProblem[];
}

function textOf(fields: SupplementSubmission['fields'], name: string): string {
  const value = fields[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
}

export async function supplementNotice(
  context: CasesContext,
  submission: SupplementSubmission,
  actor: CaseActor,
): Promise<{ noticeId: string }> {
  const { db, lang, now } = context;
  const row = await loadCase(db, submission.caseId, lang);
  const notice = await issuedNoticeOf(db, row.id);
  if (notice === null || row.state !== 'awaiting_supplement')
    throw new DomainError('VALIDATION_FAILED', caseText(lang, 'invalidCase'), {
      problems: [{ field: '', code: 'no_notice', message: deficiencyText(lang, 'noOpenNotice') }],
    });
  const service = await serviceOf(db, row);
  const candidates = candidatesOf(service, row.formData);
  const fieldRules = new Map(
    candidates
      .filter((candidate) => candidate.kind === 'field')
      .map((candidate) => [candidate.refId, candidate]),
  );
  const answers = new Map<string, SupplementAnswer>();
  const filesOf = new Map<string, UploadedFile[]>();
  for (const item of notice.items) {
    const files = submission.files.filter((file) => file.fieldName === supplementInputName('file', item.key));
    filesOf.set(item.key, files);
    answers.set(item.key, {
      answer: textOf(submission.fields, supplementInputName('answer', item.key)),
      reply: textOf(submission.fields, supplementInputName('reply', item.key)),
      fileCount: files.length,
      isBroughtIn: textOf(submission.fields, supplementInputName('brought', item.key)) !== '',
    });
  }
  const problems = [
    ...submission.knownProblems,
    ...supplementProblems(notice.items, answers, { via: submission.via, lang, fieldRules }),
  ];
  if (problems.length > 0)
    throw new DomainError('VALIDATION_FAILED', deficiencyText(lang, 'supplementIncomplete'), { problems });

  await transitionCase(
    context,
    { caseId: row.id, expectedVersion: submission.expectedVersion, event: 'supplement_received', input: {} },
    actor,
    {
      inTransaction: async (tx, updated) => {
        const attachmentIds = new Map<string, string[]>();
        for (const item of notice.items) {
          const files = filesOf.get(item.key) ?? [];
          if (files.length === 0) continue;
          for (const file of files) await recordStoredFile(tx, file, now);
          const stored = await tx
            .insert(caseAttachments)
            .values(
              files.map((file) => ({
                caseId: row.id,
                fileName: file.fileName,
                mediaType: file.mediaType,
                sizeBytes: file.sizeBytes,
                sha256: file.sha256,
                checklistItemId: item.kind === 'checklist' ? item.refId : null,
                purpose: 'supplement',
                deficiencyNoticeId: notice.id,
                uploadedByStaffId: actor.kind === 'staff' ? actor.id : null,
                uploadedAt: now,
              })),
            )
            .returning({ id: caseAttachments.id });
          attachmentIds.set(
            item.key,
            stored.map((attachment) => attachment.id),
          );
        }
        const corrected: Record<string, string> = {};
        for (const item of notice.items) {
          const answer = answers.get(item.key)?.answer ?? '';
          if (item.kind !== 'field' || item.refId === null || answer === '') continue;
          corrected[item.refId] = fieldRules.get(item.refId)?.isDate ? normaliseDateInput(answer) : answer;
        }
        const record = supplementRecord(
          notice.items,
          new Map(
            [...answers].map(([key, given]) => {
              const refId = notice.items.find((item) => item.key === key)?.refId ?? '';
              return [key, { ...given, answer: corrected[refId] ?? given.answer }];
            }),
          ),
          row.formData,
          attachmentIds,
        );
        if (Object.keys(corrected).length > 0)
          await tx
            .update(cases)
            .set({ formData: { ...updated.formData, ...corrected } })
            .where(eq(cases.id, row.id));
        const [changed] = await tx
          .update(deficiencyNotices)
          .set({
            state: 'supplemented',
            supplementedAt: now,
            supplementedVia: submission.via,
            supplement: record,
            closedAt: now,
          })
          // The effect has just marked it supplemented (under the case's lock): the items are added here.
          .where(eq(deficiencyNotices.id, notice.id))
          .returning({ id: deficiencyNotices.id });
        if (changed === undefined) throw new DomainError('CONFLICT', deficiencyText(lang, 'noOpenNotice'));
        // No personal data: which notice, how, how many items and files.
        await recordCaseAudit(tx, context, actor, {
          action: 'deficiency.supplement',
          caseId: row.id,
          details: {
            noticeId: notice.id,
            via: submission.via,
            items: notice.items.length,
            files: [...attachmentIds.values()].reduce((sum, ids) => sum + ids.length, 0),
          },
        });
      },
    },
  );
  return { noticeId: notice.id };
}
