import { eq } from 'drizzle-orm';
import type { FieldProblem } from '../../platform/http/errors.ts';
import type { AcceptedMediaType } from '../../platform/uploads/sniff.ts';
import {
  type AttachmentUpload,
  type CaseRow,
  type CasesContext,
  openCase,
  storeAttachments,
} from '../cases/index.ts';
import type { ServiceVersionFacts } from '../catalogue/index.ts';
import { type DraftFileRow, type DraftRow, listDraftFiles } from './application-drafts.ts';
import { fileInput, toOpenCaseInput } from './application-input.ts';
import { uploadItems } from './application-rules.ts';
import { applicationDrafts } from './applications-schema.ts';

/** Thrown inside the case's transaction when the draft was sent already: the case is rolled back. */
class DraftAlreadySubmitted extends Error {
  override name = 'DraftAlreadySubmitted';
}

export type SubmitOutcome = { kind: 'opened'; row: CaseRow } | { kind: 'already' };

/**
 * Sends a draft: openCase (channel `web`, the applicant's language, the answers, the checklist items whose
 * documents came) and, in the case's own transaction, the draft's files copied to the case (purpose
 * `document`, the checklist item each documents) and the draft marked submitted with its case. The draft row
 * is locked there, so a second submit (the back button, a double click, two tabs) finds it submitted and
 * its case is rolled back: one case per draft. The case's timeline entry 'created' records the submission;
 * the answers are then dropped from the draft (the case keeps them).
 *
 * Throws openCase's VALIDATION_FAILED with every problem when something is wrong.
 */
export async function submitDraft(
  context: CasesContext,
  options: {
    draft: DraftRow;
    service: ServiceVersionFacts;
    /** Problems the caller found itself (a required document missing): listed with openCase's. */
    knownProblems?: readonly FieldProblem[];
    /** The draft's documents if the caller has listed them already (listDraftFiles); else read here. */
    files?: readonly DraftFileRow[];
  },
): Promise<SubmitOutcome> {
  const { draft, service } = options;
  if (draft.submittedAt !== null) return { kind: 'already' };
  const files = options.files ?? (await listDraftFiles(context.db, draft.id));
  const items = new Map(uploadItems(service).map((item) => [item.id, item]));
  const input = toOpenCaseInput(
    draft,
    service,
    files.map((file) => ({ itemId: file.checklistItemId, fileName: file.fileName })),
  );
  try {
    const row = await openCase(
      context,
      input,
      { kind: 'applicant' },
      {
        knownProblems: options.knownProblems ?? [],
        inTransaction: async (tx, opened) => {
          const [locked] = await tx
            .select({ submittedAt: applicationDrafts.submittedAt })
            .from(applicationDrafts)
            .where(eq(applicationDrafts.id, draft.id))
            .for('update');
          if (locked === undefined || locked.submittedAt !== null) throw new DraftAlreadySubmitted();
          // Read again under the lock: what is attached is what the draft holds now.
          const kept = await listDraftFiles(tx, draft.id);
          const attachments: AttachmentUpload[] = kept.map((file) => ({
            fieldName: fileInput(file.checklistItemId),
            fileName: file.fileName,
            mediaType: file.mediaType as AcceptedMediaType,
            extension: file.fileName.includes('.') ? (file.fileName.split('.').pop() ?? '') : '',
            sizeBytes: file.sizeBytes,
            sha256: file.sha256,
            checklistItemId: items.get(file.checklistItemId)?.isChecklistItem ? file.checklistItemId : null,
            purpose: 'document',
          }));
          await storeAttachments(tx, opened.id, attachments, { staffId: null }, context.now);
          await tx
            .update(applicationDrafts)
            .set({
              submittedAt: context.now,
              caseId: opened.id,
              answers: {},
              codeHash: null,
              updatedAt: context.now,
            })
            .where(eq(applicationDrafts.id, draft.id));
        },
      },
    );
    return { kind: 'opened', row };
  } catch (error) {
    if (error instanceof DraftAlreadySubmitted) return { kind: 'already' };
    throw error;
  }
}
