import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../../../platform/db/database.ts';
import { ODT_MEDIA_TYPE } from '../../../platform/documents/odt.ts';
import type { AppDeps } from '../../../platform/http/app-types.ts';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { contentDisposition } from '../../../platform/uploads/file-name.ts';
import { problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import { formatPageDate } from '../../../platform/web/format-date.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import type { CaseRow } from '../core/case-actor.ts';
import { caseIdOrNotFound } from '../core/case-queries.ts';
import { ensureMayReadCase } from '../core/case-reading.ts';
import { unitContact } from '../core/case-reference-cache.ts';
import { casesContext, staffCaseActor } from '../core/case-request-context.ts';
import { type NoticeDocument, noticeDocument, noticeOdt } from './deficiency-document.ts';
import type { DeficiencyNotice } from './deficiency-queries.ts';
import { loadCase, serviceOf } from './deficiency-service.ts';

/**
 * What the staff's pages and the applicant's (/track) answer alike about a notice: its document (from the
 * case's service version and the issuing unit's contacts), its .odt download, and the supplement form's
 * facts. Who may see the notice is each route's business (the staff's read check and audit, the applicant's
 * number and code).
 */

/** The addresses' parameters: a case, and one notice of it (the staff's pages and the staff API alike). */
export const CaseParams = Type.Object({ caseNumber: Type.String({ maxLength: 40 }) });
export const NoticeParams = Type.Object({
  caseNumber: Type.String({ maxLength: 40 }),
  noticeId: Type.String({ maxLength: 60 }),
});

/** The case a staff request names, once the reader may read it (404 unknown, 403 refused and audited). */
export async function readableCaseOf(
  request: FastifyRequest<{ Params: { caseNumber: string } }>,
  deps: AppDeps,
): Promise<CaseRow> {
  const caseId = await caseIdOrNotFound(deps.db, request.params.caseNumber, request.lang);
  await ensureMayReadCase(casesContext(request, deps), staffCaseActor(request), { caseId });
  return loadCase(deps.db, caseId, request.lang);
}

/** The notice as a document, in one language. */
export async function noticeDocumentOf(
  db: Database,
  row: CaseRow,
  notice: DeficiencyNotice,
  lang: Lang,
  publicBaseUrl: string,
): Promise<NoticeDocument> {
  const service = await serviceOf(db, row);
  const unit = await unitContact(db, notice.unitCode);
  if (unit === null) throw new Error(`unit ${notice.unitCode} is missing`);
  return noticeDocument({ lang, notice, row, serviceName: service, unit, publicBaseUrl });
}

/**
 * The notice as an .odt attachment, never cached. Its name is the document's title and the case number, and
 * the notice's sequence when given (the staff may download any notice of the case; the applicant, the open one).
 */
export function sendNoticeOdt(
  reply: FastifyReply,
  document: NoticeDocument,
  options: { created: Date; sequence?: number },
): FastifyReply {
  const sequence = options.sequence === undefined ? '' : `-${options.sequence}`;
  const name = `${document.title}-${document.caseNumber}${sequence}.odt`;
  return reply
    .header('content-type', ODT_MEDIA_TYPE)
    .header('content-disposition', contentDisposition('attachment', name))
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(noticeOdt(document, options.created));
}

/**
 * The supplement form's items and facts, the same at the counter and online: the notice's items, the case's
 * current answers, the date to supplement by, and what was typed with its problems when shown again.
 */
export function supplementFormFacts(
  lang: Lang,
  row: Pick<CaseRow, 'formData'>,
  notice: DeficiencyNotice,
  shown: { values?: Record<string, string>; problems?: readonly FieldProblem[] },
) {
  return {
    items: notice.items,
    currentAnswers: row.formData,
    supplementByText: formatPageDate(lang, notice.supplementBy),
    values: shown.values ?? {},
    problems: problemsOnPage(shown.problems ?? [], { lang }),
  };
}
