import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { Type } from 'typebox';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import { keepPagesPrivate } from '../../../platform/http/security-headers.ts';
import { readMultipartForm } from '../../../platform/uploads/multipart.ts';
import { forEachLanguage, localePath } from '../../../platform/web/i18n.ts';
import { sendPageOf } from '../../../platform/web/layout.tsx';
import { findSitePage, sitePageOptions } from '../../../platform/web/site-pages.ts';
import type { CaseRow } from '../core/case-actor.ts';
import { normaliseLookupCode } from '../core/case-number.ts';
import { casesContext } from '../core/case-request-context.ts';
import { expectedVersionOf } from '../core/form-version.ts';
import { checkRequestAccess } from '../track/track-access.ts';
import { type ApplicantKey, showRefusal, showResult } from '../track/track-pages.tsx';
import { trackPaths } from '../track/track-paths.ts';
import type { NoticeDocument } from './deficiency-document.ts';
import { deficiencyText as text } from './deficiency-messages.ts';
import { applicantHref, deficiencyPaths } from './deficiency-paths.ts';
import { getNotice, issuedNoticeOf } from './deficiency-queries.ts';
import { loadCase } from './deficiency-service.ts';
import { noticeDocumentOf, sendNoticeOdt, supplementFormFacts } from './notice-answers.ts';
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
  /** A notice's id: the applicant's copy of a notice they were sent earlier. */
  notice: Type.Optional(Type.String({ maxLength: 40 })),
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
});

const trackPage = findSitePage('track');

function sendSupplementPage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { title: string; status: number; body: ComponentChildren },
) {
  return sendPageOf(request, reply, {
    ...sitePageOptions(trackPage, request.lang),
    ...options,
    hasError: options.status >= 400,
  });
}

export async function deficiencyTrackRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  keepPagesPrivate(app);

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
          {...supplementFormFacts(lang, row, notice, options)}
          hidden={{
            caseNumber: row.caseNumber,
            lookupCode: normaliseLookupCode(options.key.lookupCode),
            version: String(row.version),
          }}
          backHref={applicantHref(localePath(lang, trackPaths.track), row.caseNumber, code)}
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
   * The applicant's own copy of a notice (issue 11 §2: a page and a printable document), behind the same
   * number-and-code check as the form: the case's open notice, or with `notice` any notice the applicant was
   * sent (supplemented, lapsed, ended with the case), as an A4 page or an .odt; else the case's page saying
   * there is no such notice.
   */
  async function withNotice(
    request: FastifyRequest<{ Querystring: { case?: string; code?: string; notice?: string } }>,
    reply: FastifyReply,
    send: (row: CaseRow, document: NoticeDocument, key: ApplicantKey, isOpen: boolean) => unknown,
  ) {
    const lang = request.lang;
    const key = { caseNumber: request.query.case ?? '', lookupCode: request.query.code ?? '' };
    const access = await checkRequestAccess(request, deps, key, { lang });
    if (access.kind !== 'found') return showRefusal(request, reply, key, access);
    const row = await loadCase(deps.db, access.caseId, lang);
    const wanted = request.query.notice;
    const notice =
      wanted === undefined
        ? row.state === 'awaiting_supplement'
          ? await issuedNoticeOf(deps.db, row.id)
          : null
        : await getNotice(deps.db, row.id, wanted);
    if (notice === null || notice.issuedAt === null)
      return showResult(request, reply, deps, {
        caseId: row.id,
        key,
        problems: [{ field: '', code: 'no_notice', message: text(lang, 'noOpenNotice') }],
        status: 409,
      });
    const document = await noticeDocumentOf(deps.db, row, notice, lang, deps.config.publicBaseUrl);
    return send(row, document, key, notice.state === 'issued' && row.state === 'awaiting_supplement');
  }

  forEachLanguage(deficiencyPaths.applicantPrint, (url, lang) => {
    app.get(url, { schema: { hide: true, querystring: SupplementQuery } }, (request, reply) =>
      withNotice(request, reply, (row, document, key, isOpen) =>
        sendSupplementPage(request, reply, {
          title: `${document.title} ${row.caseNumber}`,
          status: 200,
          body: (
            <PrintPage
              document={document}
              backHref={applicantHref(
                localePath(lang, isOpen ? deficiencyPaths.supplement : trackPaths.track),
                row.caseNumber,
                normaliseLookupCode(key.lookupCode),
              )}
            />
          ),
        }),
      ),
    );
  });

  forEachLanguage(deficiencyPaths.applicantOdt, (url) => {
    app.get(url, { schema: { hide: true, querystring: SupplementQuery } }, (request, reply) =>
      withNotice(request, reply, (_row, document) =>
        sendNoticeOdt(reply, document, { created: deps.clock.now() }),
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
