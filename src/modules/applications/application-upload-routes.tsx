import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps, AppInstance } from '../../platform/http/app-types.ts';
import type { FieldProblem } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { keepPagesPrivate } from '../../platform/http/security-headers.ts';
import { readMultipartForm } from '../../platform/uploads/multipart.ts';
import { problemsOnPage } from '../../platform/web/components/form-problems.ts';
import { postedText } from '../../platform/web/components/read-form.ts';
import { forEachLanguage } from '../../platform/web/i18n.ts';
import { sendPageOf } from '../../platform/web/layout.tsx';
import { submitProblems } from './application-check-page.tsx';
import { keepDraftFiles, listDraftFiles, removeDraftFile } from './application-drafts.ts';
import { fileInput } from './application-input.ts';
import {
  afterSaving,
  type OpenDraft,
  openDraft,
  resumeOf,
  sendDraftGone,
  stepHref,
  stepViewOf,
} from './application-journey.tsx';
import { uploadItems } from './application-rules.ts';
import { applicationText as text } from './applications-messages.ts';
import { DocumentsPage } from './views/apply-answer-pages.tsx';

const DraftParams = Type.Object({ token: Type.String({ maxLength: 100 }) });

/**
 * (d) The documents page of a draft, /apply/d/:token/documents (multipart: this route group registers
 * @fastify/multipart). One file input per document asked for; each file's type is read from its bytes
 * (readMultipartForm): a refused file is named with the reason and nothing of it is kept, the accepted ones of
 * the same post are kept. A file for an item that has one replaces it; "remove" takes one away. Continuing
 * needs every required document.
 */
export async function applicationUploadRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  keepPagesPrivate(app);
  const url = '/apply/d/:token/documents';

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    open: OpenDraft,
    options: { problems?: readonly FieldProblem[]; notice?: string | null; status?: number } = {},
  ) => {
    const lang = request.lang;
    const items = uploadItems(open.service);
    const files = await listDraftFiles(db, open.draft.id);
    const order = items.map((item) => fileInput(item.id));
    const labels = Object.fromEntries(
      items.map((item) => [fileInput(item.id), lang === 'en' ? item.labelEn : item.labelZh]),
    );
    // A problem with the upload as a whole (too many parts) points at the first input.
    // Each problem is summarised under its document's name: "施工計畫書：請上傳這份文件".
    const problems = (options.problems ?? [])
      .map((problem) =>
        problem.code === 'required' ? { ...problem, message: text(lang, 'documentsMissingHere') } : problem,
      )
      .map((problem) =>
        problem.field === '' || !order.includes(problem.field)
          ? { ...problem, field: order[0] ?? '' }
          : problem,
      );
    const shown = problemsOnPage(problems, {
      lang,
      order,
      labels: (field) => labels[field] ?? null,
    });
    return sendPageOf(request, reply, {
      title: text(lang, 'documentsTitle'),
      status: shown.hasAny ? (options.status ?? 400) : 200,
      hasError: shown.hasAny,
      body: (
        <DocumentsPage
          view={stepViewOf(request, open, 'documents', {
            problems: shown,
            notice: options.notice ?? null,
            action: stepHref(lang, open.token, 'documents'),
          })}
          items={items}
          uploaded={files.map((file) => ({
            id: file.id,
            itemId: file.checklistItemId,
            fileName: file.fileName,
            sizeBytes: file.sizeBytes,
          }))}
          maxFileBytes={request.server.uploadLimits.maxFileBytes}
        />
      ),
    });
  };

  /**
   * The draft, if this page may be shown; else null, the answer sent (gone, done, or a page before it
   * first). Never the reply itself: a FastifyReply is a thenable, so `await` would turn it into undefined.
   */
  const opened = async (
    request: FastifyRequest<{ Params: { token: string } }>,
    reply: FastifyReply,
  ): Promise<OpenDraft | null> => {
    const lang = request.lang;
    const open = await openDraft(deps, request.params.token);
    if (open === null) sendDraftGone(request, reply);
    else if (open.draft.submittedAt !== null) reply.redirect(stepHref(lang, open.token, 'done'), 303);
    else if (!open.steps.includes('documents')) sendDraftGone(request, reply);
    else if (open.steps.indexOf('documents') > open.steps.indexOf(resumeOf(open)))
      reply.redirect(stepHref(lang, open.token, resumeOf(open)), 303);
    else return open;
    return null;
  };

  forEachLanguage(url, (localeUrl, lang) => {
    app.get(localeUrl, { schema: { hide: true, params: DraftParams } }, async (request, reply) => {
      const open = await opened(request, reply);
      if (open === null) return reply;
      return show(request, reply, open);
    });

    app.post(localeUrl, { schema: { hide: true, params: DraftParams } }, async (request, reply) => {
      const open = await opened(request, reply);
      if (open === null) return reply;
      const form = await readMultipartForm(request, lang);
      const items = new Set(uploadItems(open.service).map((item) => fileInput(item.id)));
      const now = open.now;
      // Only the inputs of this page; a second file for one input keeps the last.
      const accepted = form.files
        .filter((file) => items.has(file.fieldName))
        .map((file) => ({ itemId: file.fieldName.slice('file.'.length), file }));
      const removing = postedText(form.fields, 'remove');
      const kept = await keepDraftFiles(db, {
        draftId: open.draft.id,
        files: accepted,
        now,
        // Continuing (nothing removed, no file refused): the page is saved as completed in the same
        // transaction once every required document is there (submitProblems below finds none then).
        complete:
          removing === '' && form.problems.length === 0
            ? {
                draft: open.draft,
                step: 'documents',
                when: (files) => submitProblems(open, files, lang).length === 0,
              }
            : null,
      });
      if (removing !== '') {
        if (isUuid(removing)) await removeDraftFile(db, { draftId: open.draft.id, fileId: removing, now });
        return show(request, reply, open, {
          problems: form.problems,
          notice: text(lang, 'documentsRemoved'),
        });
      }
      if (form.problems.length > 0) return show(request, reply, open, { problems: form.problems });
      const missing = submitProblems(open, kept, lang);
      if (missing.length > 0) return show(request, reply, open, { problems: missing });
      const next = afterSaving(open, 'documents', [...open.draft.completedSteps, 'documents']);
      return reply.redirect(stepHref(lang, open.token, next), 303);
    });
  });
}
