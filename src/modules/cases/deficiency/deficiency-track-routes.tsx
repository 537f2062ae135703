import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { Type } from 'typebox';
import { ODT_MEDIA_TYPE } from '../../../platform/documents/odt.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import { contentDisposition } from '../../../platform/uploads/file-name.ts';
import { readMultipartForm } from '../../../platform/uploads/multipart.ts';
import { problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import { formatPageDate } from '../../../platform/web/format-date.ts';
import { forEachLanguage, localePath } from '../../../platform/web/i18n.ts';
import { pageContext, renderPage, sendPage } from '../../../platform/web/layout.tsx';
import { findSitePage, sitePageOptions } from '../../../platform/web/site-pages.ts';
import type { CaseRow } from '../core/case-actor.ts';
import { normaliseLookupCode } from '../core/case-number.ts';
import { unitContact } from '../core/case-reference-cache.ts';
import { casesContext } from '../core/case-request-context.ts';
import { expectedVersionOf } from '../core/form-version.ts';
import { checkRequestAccess } from '../track/track-access.ts';
import { type ApplicantKey, showRefusal, showResult } from '../track/track-pages.tsx';
import { trackPaths } from '../track/track-paths.ts';
import { type NoticeDocument, noticeDocument, noticeOdt } from './deficiency-document.ts';
import { deficiencyText as text } from './deficiency-messages.ts';
import { applicantHref, deficiencyPaths } from './deficiency-paths.ts';
import { issuedNoticeOf } from './deficiency-queries.ts';
import { loadCase, serviceOf } from './deficiency-service.ts';
import { supplementNotice } from './supplement-service.ts';
import { PrintPage } from './views/notice-page.tsx';
import { SupplementPage } from './views/supplement-page.tsx';

/**
 * The applicant's supplement (issue 11 §2) on /track: the number and lookup code checked exactly as /track
 * checks them (rate limits, lockout, the same answer for a wrong code and an unknown number), then the
 * notice's items in one form (files, corrected answers, replies), sent once. Like /track, nothing here is
 * cached or sent as a Referer (the address holds the code).
 */

const SupplementQuery = Type.Object({
  case: Type.Optional(Type.String({ maxLength: 40 })),
  code: Type.Optional(Type.String({ maxLength: 40 })),
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
});

const trackPage = findSitePage('track');

function sendSupplementPage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { title: string; status: number; body: ComponentChildren },
) {
  const context = pageContext(request);
  const html = renderPage(context, {
    ...sitePageOptions(trackPage, context.lang),
    title: options.title,
    hasError: options.status >= 400,
    body: options.body,
  });
  return sendPage(reply, html, options.status);
}

export async function deficiencyTrackRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
    done(null, payload);
  });

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      caseId: string;
      key: ApplicantKey;
      values?: Record<string, string>;
      problems?: readonly FieldProblem[];
      status?: number;
    },
  ) {
    const lang = request.lang;
    const row = await loadCase(deps.db, options.caseId, lang);
    const notice = await issuedNoticeOf(deps.db, row.id);
    if (notice === null || row.state !== 'awaiting_supplement')
      return showResult(request, reply, deps, {
        caseId: row.id,
        key: options.key,
        problems: [{ field: '', code: 'no_notice', message: text(lang, 'noOpenNotice') }],
        status: 409,
      });
    const code = normaliseLookupCode(options.key.lookupCode);
    return sendSupplementPage(request, reply, {
      title: text(lang, 'supplementTitle', { caseNumber: row.caseNumber }),
      status: options.status ?? 200,
      body: (
        <SupplementPage
          lang={lang}
          mode="online"
          title={text(lang, 'supplementTitle', { caseNumber: row.caseNumber })}
          lead={text(lang, 'supplementLead')}
          action={localePath(lang, deficiencyPaths.supplement)}
          csrfToken={request.csrfToken}
          items={notice.items}
          currentAnswers={row.formData}
          supplementByText={formatPageDate(lang, notice.supplementBy)}
          values={options.values ?? {}}
          problems={problemsOnPage(options.problems ?? [], { lang })}
          hidden={{
            caseNumber: row.caseNumber,
            lookupCode: normaliseLookupCode(options.key.lookupCode),
            version: String(row.version),
          }}
          backHref={`${localePath(lang, trackPaths.track)}?${new URLSearchParams({ case: row.caseNumber, code: normaliseLookupCode(options.key.lookupCode) }).toString()}`}
          backText={text(lang, 'backToCase')}
          copies={{
            printHref: applicantHref(localePath(lang, deficiencyPaths.applicantPrint), row.caseNumber, code),
            odtHref: applicantHref(localePath(lang, deficiencyPaths.applicantOdt), row.caseNumber, code),
          }}
        />
      ),
    });
  }

  /**
   * The applicant's own copy of the open notice (issue 11 §2: a page and a printable document), behind the same
   * number-and-code check as the form: the case's issued notice as an A4 page or an .odt, or the case's page
   * saying there is no open notice.
   */
  async function withOpenNotice(
    request: FastifyRequest<{ Querystring: { case?: string; code?: string } }>,
    reply: FastifyReply,
    send: (row: CaseRow, document: NoticeDocument, key: ApplicantKey) => unknown,
  ) {
    const lang = request.lang;
    const key = { caseNumber: request.query.case ?? '', lookupCode: request.query.code ?? '' };
    const access = await checkRequestAccess(request, deps, key, { lang });
    if (access.kind !== 'found') return showRefusal(request, reply, key, access);
    const row = await loadCase(deps.db, access.caseId, lang);
    const notice = await issuedNoticeOf(deps.db, row.id);
    if (notice === null || row.state !== 'awaiting_supplement')
      return showResult(request, reply, deps, {
        caseId: row.id,
        key,
        problems: [{ field: '', code: 'no_notice', message: text(lang, 'noOpenNotice') }],
        status: 409,
      });
    const unit = await unitContact(deps.db, notice.unitCode);
    if (unit === null) throw new Error(`unit ${notice.unitCode} is missing`);
    const document = noticeDocument({
      lang,
      notice,
      row,
      serviceName: await serviceOf(deps.db, row),
      unit,
      publicBaseUrl: deps.config.publicBaseUrl,
    });
    return send(row, document, key);
  }

  forEachLanguage(deficiencyPaths.applicantPrint, (url, lang) => {
    app.get(url, { schema: { hide: true, querystring: SupplementQuery } }, (request, reply) =>
      withOpenNotice(request, reply, (row, document, key) =>
        sendSupplementPage(request, reply, {
          title: `${document.title} ${row.caseNumber}`,
          status: 200,
          body: (
            <PrintPage
              document={document}
              backHref={applicantHref(
                localePath(lang, deficiencyPaths.supplement),
                row.caseNumber,
                normaliseLookupCode(key.lookupCode),
              )}
            />
          ),
        }),
      ),
    );
  });

  forEachLanguage(deficiencyPaths.applicantOdt, (url, lang) => {
    app.get(url, { schema: { hide: true, querystring: SupplementQuery } }, (request, reply) =>
      withOpenNotice(request, reply, (row, document) =>
        reply
          .header('content-type', ODT_MEDIA_TYPE)
          .header(
            'content-disposition',
            contentDisposition('attachment', `${text(lang, 'documentTitle')}-${row.caseNumber}.odt`),
          )
          .header('x-content-type-options', 'nosniff')
          .send(noticeOdt(document, deps.clock.now())),
      ),
    );
  });

  forEachLanguage(deficiencyPaths.supplement, (url) => {
    app.get(url, { schema: { hide: true, querystring: SupplementQuery } }, async (request, reply) => {
      const key = { caseNumber: request.query.case ?? '', lookupCode: request.query.code ?? '' };
      const access = await checkRequestAccess(request, deps, key);
      if (access.kind !== 'found') return showRefusal(request, reply, key, access);
      return showForm(request, reply, { caseId: access.caseId, key });
    });

    app.post(url, { schema: { hide: true, querystring: SupplementQuery } }, async (request, reply) => {
      const lang = request.lang;
      const form = await readMultipartForm(request, lang);
      const field = (name: string) => {
        const value = form.fields[name];
        return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
      };
      const key = { caseNumber: field('caseNumber'), lookupCode: field('lookupCode') };
      const access = await checkRequestAccess(request, deps, key, { lang });
      if (access.kind !== 'found') return showRefusal(request, reply, key, access);
      try {
        await supplementNotice(
          casesContext(request, deps),
          {
            caseId: access.caseId,
            expectedVersion: expectedVersionOf(field('version')),
            via: 'online',
            fields: form.fields,
            files: form.files,
            knownProblems: form.problems,
          },
          { kind: 'applicant' },
        );
        return showResult(request, reply, deps, {
          caseId: access.caseId,
          key,
          done: text(lang, 'supplementDone'),
        });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const values = Object.fromEntries(Object.keys(form.fields).map((name) => [name, field(name)]));
        if (error.code === 'VALIDATION_FAILED')
          return showForm(request, reply, {
            caseId: access.caseId,
            key,
            values,
            problems: error.problems,
            status: 400,
          });
        if (error.code === 'CONFLICT' || error.code === 'INVALID_TRANSITION' || error.code === 'FORBIDDEN')
          return showResult(request, reply, deps, {
            caseId: access.caseId,
            key,
            problems: [{ field: '', code: 'conflict', message: text(lang, 'noOpenNotice') }],
            status: 409,
          });
        throw error;
      }
    });
  });
}
