import type { FastifyReply, FastifyRequest } from 'fastify';
import { type StaffPageOptions, sendStaffPage, staffHomeCrumb } from '../../../platform/auth/staff-pages.ts';
import type { ModuleRegistry } from '../../../platform/composition/app-module.ts';
import { renderPageSections } from '../../../platform/composition/page-sections.ts';
import type { AppDeps } from '../../../platform/http/app-types.ts';
import { recordCaseView } from '../core/case-reading.ts';
import { casesContext, staffCaseActor } from '../core/case-request-context.ts';
import { casePageText } from './case-page-messages.ts';
import { type CasePageExtras, loadCasePageModel } from './case-page-model.ts';
import { CasePage } from './views/case-page.tsx';

/** What every console route shares: the page in the staff shell, the case by its number, the case page. */

export function sendConsolePage(request: FastifyRequest, reply: FastifyReply, options: StaffPageOptions) {
  return sendStaffPage(request, reply, { ...options, breadcrumbs: [staffHomeCrumb(request.lang)] });
}

/** The case page for the signed-in person, with what the last form left (problems, conflict, success). */
export async function showCasePage(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  options: {
    caseId: string;
    extras: CasePageExtras;
    /** What other modules add to the case page (a petition's repeats): AppModule.pageSections, page 'staff-case'. */
    registry: Pick<ModuleRegistry, 'pageSections'>;
    status?: number;
    isViewRecorded?: boolean;
  },
) {
  const status = options.status ?? 200;
  const context = casesContext(request, deps);
  const actor = staffCaseActor(request);
  const model = await loadCasePageModel(deps.db, {
    caseId: options.caseId,
    actor,
    context,
    csrfToken: request.csrfToken,
    extras: options.extras,
  });
  // Who read whose personal data (the applicant's details are on the page).
  if (options.isViewRecorded) await recordCaseView(context, model.detail.row, actor);
  // Rendered once the person may read the case (loadCasePageModel checked): sections show more of this case.
  const sections = await renderPageSections(options.registry, 'staff-case', {
    db: deps.db,
    lang: request.lang,
    key: model.detail.row.id,
  });
  return sendConsolePage(request, reply, {
    title: casePageText(request.lang, 'caseTitle', { caseNumber: model.detail.row.caseNumber }),
    status,
    hasError: status >= 400,
    body: <CasePage model={model} sections={sections} />,
  });
}
