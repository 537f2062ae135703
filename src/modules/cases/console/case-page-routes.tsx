import { Type } from 'typebox';
import { requireStaff } from '../../../platform/auth/require-staff.ts';
import type { ModuleRegistry } from '../../../platform/composition/app-module.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { sendStoredFile } from '../../../platform/uploads/download-headers.ts';
import { forEachLanguage } from '../../../platform/web/i18n.ts';
import { rolesFor } from '../core/case-actions.ts';
import { readAttachment } from '../core/case-attachments.ts';
import { caseText } from '../core/case-messages.ts';
import { caseIdOrNotFound } from '../core/case-queries.ts';
import { ensureMayReadCase } from '../core/case-reading.ts';
import { casesContext, staffCaseActor } from '../core/case-request-context.ts';
import { doneMessage } from './case-action-routes.tsx';
import { showCasePage } from './console-page.tsx';
import { consolePaths } from './console-paths.ts';

const CaseNumberParams = Type.Object({ caseNumber: Type.String({ maxLength: 40 }) });
const CasePageQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 40 })) });
/** A malformed id names no file: readAttachment answers null, the route 404 (not a bare 400). */
const AttachmentParams = Type.Object({
  caseNumber: Type.String({ maxLength: 40 }),
  id: Type.String({ maxLength: 60 }),
});

/** The case page (every read is audited) and the case's files. */
export async function casePageRoutes(
  app: AppInstance,
  deps: AppDeps,
  registry: Pick<ModuleRegistry, 'pageSections'>,
): Promise<void> {
  const mayRead = requireStaff({ roles: rolesFor('read') });

  forEachLanguage(consolePaths.casePage(':caseNumber'), (url, lang) => {
    app.get(
      url,
      { preHandler: mayRead, schema: { hide: true, params: CaseNumberParams, querystring: CasePageQuery } },
      async (request, reply) =>
        showCasePage(request, reply, deps, {
          caseId: await caseIdOrNotFound(deps.db, request.params.caseNumber, lang),
          extras: { successMessage: doneMessage(lang, request.query.done) },
          isViewRecorded: true,
          registry,
        }),
    );
  });

  forEachLanguage(consolePaths.attachment(':caseNumber', ':id'), (url, lang) => {
    app.get(
      url,
      { preHandler: mayRead, schema: { hide: true, params: AttachmentParams } },
      async (request, reply) => {
        const caseId = await caseIdOrNotFound(deps.db, request.params.caseNumber, lang);
        await ensureMayReadCase(casesContext(request, deps), staffCaseActor(request), { caseId });
        const attachment = await readAttachment(deps.db, caseId, request.params.id);
        if (attachment === null) throw notFound(caseText(lang, 'caseNotFound'));
        return sendStoredFile(reply, deps.files, attachment);
      },
    );
  });
}
