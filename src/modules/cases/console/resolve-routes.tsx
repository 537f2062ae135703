import { Type } from 'typebox';
import { requireStaff } from '../../../platform/auth/require-staff.ts';
import { keepStaffPagesOutOfCaches } from '../../../platform/auth/staff-pages.ts';
import type { ModuleRegistry } from '../../../platform/composition/app-module.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import { readMultipartForm } from '../../../platform/uploads/multipart.ts';
import { readForm } from '../../../platform/web/components/read-form.ts';
import { forEachLanguage, localePath } from '../../../platform/web/i18n.ts';
import { type AttachmentPurpose, storeAttachments } from '../core/case-attachments.ts';
import { caseText } from '../core/case-messages.ts';
import { caseIdOrNotFound } from '../core/case-queries.ts';
import { casesContext, staffCaseActor } from '../core/case-request-context.ts';
import { expectedVersionOf } from '../core/form-version.ts';
import { transitionCase } from '../core/transition-case.ts';
import { type CaseEvent, workflowStaffRoles } from '../core/workflows.ts';
import { eventForm } from './case-forms.ts';
import { showCasePage } from './console-page.tsx';
import { consolePaths } from './console-paths.ts';
import {
  issuedDocumentField,
  resolvePath,
  supplementFilesField,
  supplementReceivedPath,
} from './resolve-paths.ts';

/**
 * The case page's actions that carry files, sent as multipart here (this route group takes files):
 * - `resolve`, the decision with the document it issues (issue 11 §4): the answer and, optionally, the
 *   permit or letter the service issues (`issuedDocument`, kept on the case with purpose `issued`; the
 *   closing e-mail attaches it and /track lists it);
 * - `supplement_received` when no deficiency notice is open (issue 14): the documents the applicant
 *   delivered at the counter, by post or by e-mail (`supplementFiles`, kept with purpose `supplement`).
 * Everything else is the event as the plain event route takes it: every problem at once — the form's and
 * the files' (types read from the bytes, sizes, counts: readMultipartForm) — and nothing kept unless the
 * case changed.
 */
const CaseNumberParams = Type.Object({ caseNumber: Type.String({ maxLength: 40 }) });

const eventsWithFiles = [
  { event: 'resolve', path: resolvePath, field: issuedDocumentField, purpose: 'issued' },
  {
    event: 'supplement_received',
    path: supplementReceivedPath,
    field: supplementFilesField,
    purpose: 'supplement',
  },
] as const satisfies readonly {
  event: CaseEvent;
  path: (caseNumber: string) => string;
  field: string;
  purpose: AttachmentPurpose;
}[];

export async function resolveRoutes(
  app: AppInstance,
  deps: AppDeps,
  registry: Pick<ModuleRegistry, 'pageSections'>,
): Promise<void> {
  keepStaffPagesOutOfCaches(app);
  for (const { event, path, field, purpose } of eventsWithFiles)
    forEachLanguage(path(':caseNumber'), (url, lang) => {
      app.post(
        url,
        {
          preHandler: requireStaff({ roles: workflowStaffRoles }),
          schema: { hide: true, params: CaseNumberParams },
        },
        async (request, reply) => {
          const { caseNumber } = request.params;
          const caseId = await caseIdOrNotFound(deps.db, caseNumber, lang);
          const upload = await readMultipartForm(request, lang);
          const { values, problems } = readForm(eventForm, upload.fields, lang);
          const { version: _version, ...typed } = values;
          const showAgain = (
            status: 400 | 409,
            shown: readonly FieldProblem[],
            conflict: DomainError | null,
          ) =>
            showCasePage(request, reply, deps, {
              caseId,
              status,
              extras: { active: { kind: 'event', event, values: typed }, problems: shown, conflict },
              registry,
            });
          if (problems.length > 0) return showAgain(400, [...problems, ...upload.problems], null);
          const files = upload.files
            .filter((file) => file.fieldName === field)
            .map((file) => ({ ...file, purpose }));
          const context = casesContext(request, deps);
          const actor = staffCaseActor(request);
          const { version, ...input } = values;
          try {
            await transitionCase(
              context,
              { caseId, expectedVersion: expectedVersionOf(version), event, input },
              actor,
              {
                inTransaction: async (tx) => {
                  // The form was fine but a file was not: nothing is kept, every problem is listed.
                  if (upload.problems.length > 0)
                    throw new DomainError('VALIDATION_FAILED', caseText(lang, 'invalidCase'), {
                      problems: upload.problems,
                    });
                  await storeAttachments(tx, caseId, files, { staffId: actor.id }, context.now);
                },
              },
            );
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            if (error.code === 'VALIDATION_FAILED') {
              const own = error.problems.filter((problem) => !upload.problems.includes(problem));
              return showAgain(400, [...own, ...upload.problems], null);
            }
            if (error.code === 'CONFLICT' || error.code === 'INVALID_TRANSITION')
              return showAgain(409, [], error);
            throw error;
          }
          return reply.redirect(`${localePath(lang, consolePaths.casePage(caseNumber))}?done=${event}`, 303);
        },
      );
    });
}
