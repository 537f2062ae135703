import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { toTaipeiLocalDate } from '../../../platform/calendar/working-days.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import { attachmentResponseHeaders } from '../../../platform/uploads/download-headers.ts';
import { formatPageDate } from '../../../platform/web/format-date.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { forEachLanguage } from '../../../platform/web/i18n.ts';
import { pageContext, renderPage, sendPage } from '../../../platform/web/layout.tsx';
import { findSitePage } from '../../../platform/web/site-pages.ts';
import { listAttachments, readAttachment } from '../core/case-attachments.ts';
import { normaliseLookupCode } from '../core/case-number.ts';
import type { CaseEvent } from '../core/case-workflow.ts';
import { casesContext } from '../core/cases-http.ts';
import {
  availableTransitions,
  type CaseDetail,
  getCaseDetail,
  transitionCase,
} from '../core/cases-service.ts';
import { type PublicCaseView, publicCaseView } from './case-public-view.ts';
import { type ApplicantAccess, checkApplicantAccess } from './track-access.ts';
import { trackText } from './track-messages.ts';
import {
  AttachmentFormBody,
  ReopenFormBody,
  reopenReasonMaxLength,
  TrackApiBody,
  TrackApiResponse,
  TrackFormBody,
  TrackQuery,
  WithdrawFormBody,
} from './track-schemas.ts';
import { TrackFormPage } from './views/track-form.tsx';
import { type ApplicantActions, TrackResultPage, trackActionPaths } from './views/track-result.tsx';

/**
 * The public progress look-up: /track and /en/track (the form; GET with ?case=&code= from the receipt's
 * QR code shows the result at once), the applicant's own actions (withdraw, reopen) and attachment
 * downloads, each re-checking the number and code, and POST /api/track for programs.
 *
 * Everything here answers the same way for an unknown number and a wrong code, counts towards the
 * per-IP limit and the per-number lockout (track-access.ts), and is sent with `Cache-Control: no-store`
 * and `Referrer-Policy: no-referrer`: a result holds (masked) personal data and the code in its forms,
 * and the QR address holds the code, which must not leak to another site in a Referer header. None of it
 * goes through the anonymous page cache (web/page-cache.ts), and the request log keeps only the path.
 */

type Refusal = Exclude<ApplicantAccess, { kind: 'found' }>;

interface KeyInput {
  caseNumber: string;
  lookupCode: string;
}

export async function trackRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db, clock, config } = deps;
  const page = findSitePage('track');

  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
    done(null, payload);
  });

  function sendTrackPage(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { title: string; hasError: boolean; status: number; body: ComponentChildren },
  ): FastifyReply {
    const context = pageContext(request);
    const html = renderPage(context, {
      title: options.title,
      hasError: options.hasError,
      description: page.summary[context.lang],
      pageId: page.id,
      updatedAt: page.updatedAt,
      body: options.body,
    });
    return sendPage(reply, html, options.status);
  }

  function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    form: KeyInput & { problems: FieldProblem[]; status: number },
  ): FastifyReply {
    return sendTrackPage(request, reply, {
      title: page.title[lang],
      hasError: form.problems.length > 0,
      status: form.status,
      body: (
        <TrackFormPage
          lang={lang}
          csrfToken={request.csrfToken}
          caseNumber={form.caseNumber}
          lookupCode={form.lookupCode}
          problems={form.problems}
        />
      ),
    });
  }

  /** The form again, saying why: the same words and status for an unknown number and a wrong code. */
  function showRefusal(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    input: KeyInput,
    refusal: Refusal,
  ): FastifyReply {
    const form = { caseNumber: input.caseNumber, lookupCode: input.lookupCode };
    switch (refusal.kind) {
      case 'problems':
        return showForm(request, reply, lang, { ...form, problems: refusal.problems, status: 400 });
      case 'not-found':
        return showForm(request, reply, lang, {
          ...form,
          problems: [{ field: 'caseNumber', code: 'not_found', message: trackText(lang, 'notFound') }],
          status: 404,
        });
      case 'locked':
        reply.header('retry-after', String(refusal.retryAfterSeconds));
        return showForm(request, reply, lang, {
          ...form,
          problems: [
            {
              field: 'caseNumber',
              code: 'locked',
              message: trackText(lang, 'lockedOut', { minutes: Math.ceil(refusal.retryAfterSeconds / 60) }),
            },
          ],
          status: 429,
        });
      case 'rate-limited':
        reply.header('retry-after', String(refusal.retryAfterSeconds));
        return showForm(request, reply, lang, {
          ...form,
          problems: [
            {
              field: '',
              code: 'rate_limited',
              message: trackText(lang, 'rateLimited', { seconds: refusal.retryAfterSeconds }),
            },
          ],
          status: 429,
        });
    }
  }

  function applicantActions(detail: CaseDetail, lang: Lang, now: Date): ApplicantActions {
    const events = new Set<CaseEvent>(
      availableTransitions(
        detail.row,
        { kind: 'applicant' },
        { now, reopenDays: config.caseReopenDays, lang },
      ).map((transition) => transition.event),
    );
    const closedAt = detail.row.closedAt;
    return {
      canWithdraw: events.has('withdraw'),
      reopenUntil:
        events.has('reopen') && closedAt !== null
          ? toTaipeiLocalDate(new Date(closedAt.getTime() + config.caseReopenDays * 86_400_000))
          : null,
      reopenDays: config.caseReopenDays,
    };
  }

  async function loadView(
    caseId: string,
    lang: Lang,
    now: Date,
  ): Promise<{ detail: CaseDetail; view: PublicCaseView } | null> {
    const detail = await getCaseDetail(db, caseId, now);
    if (detail === null) return null;
    const attachments = await listAttachments(db, caseId);
    return { detail, view: publicCaseView(detail, attachments, lang) };
  }

  async function showResult(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    result: {
      caseId: string;
      key: KeyInput;
      problems?: FieldProblem[];
      done?: string | null;
      reopenReason?: string;
      status?: number;
    },
  ): Promise<FastifyReply> {
    const now = clock.now();
    const loaded = await loadView(result.caseId, lang, now);
    if (loaded === null) return showRefusal(request, reply, lang, result.key, { kind: 'not-found' });
    const problems = result.problems ?? [];
    return sendTrackPage(request, reply, {
      title: trackText(lang, 'resultTitle', { caseNumber: loaded.view.caseNumber }),
      hasError: problems.length > 0,
      status: result.status ?? 200,
      body: (
        <TrackResultPage
          lang={lang}
          csrfToken={request.csrfToken}
          view={loaded.view}
          caseNumber={loaded.view.caseNumber}
          lookupCode={normaliseLookupCode(result.key.lookupCode)}
          version={loaded.detail.row.version}
          actions={applicantActions(loaded.detail, lang, now)}
          problems={problems}
          done={result.done ?? null}
          reopenReason={result.reopenReason ?? ''}
          formatDate={(isoDate) => formatPageDate(lang, isoDate)}
        />
      ),
    });
  }

  function checkKey(request: FastifyRequest, lang: Lang, key: KeyInput): Promise<ApplicantAccess> {
    return checkApplicantAccess(db, {
      caseNumber: key.caseNumber,
      lookupCode: key.lookupCode,
      clientIp: request.ip,
      now: clock.now(),
      lang,
    });
  }

  async function lookUp(request: FastifyRequest, reply: FastifyReply, lang: Lang, key: KeyInput) {
    const access = await checkKey(request, lang, key);
    if (access.kind !== 'found') return showRefusal(request, reply, lang, key, access);
    return showResult(request, reply, lang, { caseId: access.caseId, key });
  }

  /** The applicant's action, in their words; a staff-facing refusal (it may name a colleague) is never shown. */
  async function applicantTransition(
    request: FastifyRequest,
    lang: Lang,
    options: { caseId: string; version: number; event: 'withdraw' | 'reopen'; reason?: string },
  ): Promise<FieldProblem | null> {
    try {
      await transitionCase(
        casesContext(request, deps),
        {
          caseId: options.caseId,
          expectedVersion: options.version,
          event: options.event,
          input: options.reason === undefined ? {} : { reason: options.reason },
        },
        { kind: 'applicant' },
      );
      return null;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'CONFLICT')
        return { field: '', code: 'conflict', message: trackText(lang, 'actionConflict') };
      if (error.code === 'INVALID_TRANSITION' || error.code === 'FORBIDDEN')
        return { field: '', code: 'not_allowed', message: trackText(lang, 'actionNotAllowed') };
      throw error;
    }
  }

  forEachLanguage(page.path, (url, lang) => {
    app.get(url, { schema: { hide: true, querystring: TrackQuery } }, async (request, reply) => {
      const { case: caseNumber, code } = request.query;
      // A link with the number alone (no code) opens the form with the number filled in.
      if (code === undefined)
        return showForm(request, reply, lang, {
          caseNumber: caseNumber ?? '',
          lookupCode: '',
          problems: [],
          status: 200,
        });
      return lookUp(request, reply, lang, { caseNumber: caseNumber ?? '', lookupCode: code });
    });

    app.post(url, { schema: { hide: true, body: TrackFormBody } }, async (request, reply) =>
      lookUp(request, reply, lang, {
        caseNumber: request.body.caseNumber ?? '',
        lookupCode: request.body.lookupCode ?? '',
      }),
    );
  });

  forEachLanguage(trackActionPaths.withdraw, (url, lang) => {
    app.post(url, { schema: { hide: true, body: WithdrawFormBody } }, async (request, reply) => {
      const key = { caseNumber: request.body.caseNumber, lookupCode: request.body.lookupCode };
      const access = await checkKey(request, lang, key);
      if (access.kind !== 'found') return showRefusal(request, reply, lang, key, access);
      if (request.body.confirm !== 'yes') {
        return showResult(request, reply, lang, {
          caseId: access.caseId,
          key,
          problems: [
            { field: 'confirm', code: 'required', message: trackText(lang, 'withdrawConfirmRequired') },
          ],
          status: 400,
        });
      }
      const problem = await applicantTransition(request, lang, {
        caseId: access.caseId,
        version: request.body.version,
        event: 'withdraw',
      });
      if (problem !== null)
        return showResult(request, reply, lang, {
          caseId: access.caseId,
          key,
          problems: [problem],
          status: 409,
        });
      return showResult(request, reply, lang, {
        caseId: access.caseId,
        key,
        done: trackText(lang, 'withdrawDone'),
      });
    });
  });

  forEachLanguage(trackActionPaths.reopen, (url, lang) => {
    app.post(url, { schema: { hide: true, body: ReopenFormBody } }, async (request, reply) => {
      const key = { caseNumber: request.body.caseNumber, lookupCode: request.body.lookupCode };
      const access = await checkKey(request, lang, key);
      if (access.kind !== 'found') return showRefusal(request, reply, lang, key, access);
      const reason = (request.body.reason ?? '').trim();
      const reasonProblem: FieldProblem | null =
        reason === ''
          ? { field: 'reason', code: 'required', message: trackText(lang, 'reopenReasonRequired') }
          : [...reason].length > reopenReasonMaxLength
            ? {
                field: 'reason',
                code: 'too_long',
                message: trackText(lang, 'reopenReasonTooLong', { max: reopenReasonMaxLength }),
              }
            : null;
      if (reasonProblem !== null) {
        return showResult(request, reply, lang, {
          caseId: access.caseId,
          key,
          problems: [reasonProblem],
          reopenReason: request.body.reason ?? '',
          status: 400,
        });
      }
      const problem = await applicantTransition(request, lang, {
        caseId: access.caseId,
        version: request.body.version,
        event: 'reopen',
        reason,
      });
      if (problem !== null)
        return showResult(request, reply, lang, {
          caseId: access.caseId,
          key,
          problems: [problem],
          reopenReason: reason,
          status: 409,
        });
      return showResult(request, reply, lang, {
        caseId: access.caseId,
        key,
        done: trackText(lang, 'reopenDone'),
      });
    });
  });

  forEachLanguage(trackActionPaths.attachment, (url, lang) => {
    app.post(url, { schema: { hide: true, body: AttachmentFormBody } }, async (request, reply) => {
      const key = { caseNumber: request.body.caseNumber, lookupCode: request.body.lookupCode };
      const access = await checkKey(request, lang, key);
      if (access.kind !== 'found') return showRefusal(request, reply, lang, key, access);
      const attachment = await readAttachment(db, access.caseId, request.body.attachmentId);
      if (attachment === null) throw new DomainError('NOT_FOUND', trackText(lang, 'attachmentNotFound'));
      reply.headers(attachmentResponseHeaders(attachment, { download: true }));
      return reply.send(attachment.content);
    });
  });

  app.post(
    '/api/track',
    {
      // No cookie is read here and nothing is done on anyone's behalf: the number and code in the body
      // are the only credential, so a cross-site request can do no more than its sender could. Programs
      // call it without a cookie or CSRF token (ADR 0004 allows `csrf: false` for routes that protect
      // themselves); the per-IP limit and the per-number lockout apply as on the page.
      config: { csrf: false },
      schema: {
        tags: ['tracking'],
        summary:
          'Public progress look-up: a case number and its lookup code → the public, masked view of the case.',
        description:
          'No sign-in, cookie or CSRF token needed. An unknown number and a wrong code give the same 404 NOT_FOUND. ' +
          'At most 30 look-ups a minute per client IP; after 5 wrong codes within 15 minutes a case number is locked ' +
          'for up to 15 minutes, even with the right code (whether or not a case has that number). Both answer ' +
          '429 RATE_LIMITED with Retry-After. Empty or malformed fields: 400 VALIDATION_FAILED listing every problem.',
        body: TrackApiBody,
        response: { 200: TrackApiResponse },
      },
    },
    async (request) => {
      const lang: Lang = request.body.lang ?? 'zh-TW';
      const access = await checkKey(request, lang, request.body);
      switch (access.kind) {
        case 'problems':
          throw new DomainError('VALIDATION_FAILED', trackText(lang, 'invalidForm'), {
            problems: access.problems,
          });
        case 'rate-limited':
          throw new DomainError(
            'RATE_LIMITED',
            trackText(lang, 'rateLimited', { seconds: access.retryAfterSeconds }),
            {
              retryAfterSeconds: access.retryAfterSeconds,
            },
          );
        case 'locked':
          throw new DomainError(
            'RATE_LIMITED',
            trackText(lang, 'lockedOut', { minutes: Math.ceil(access.retryAfterSeconds / 60) }),
            { retryAfterSeconds: access.retryAfterSeconds },
          );
        case 'not-found':
          throw new DomainError('NOT_FOUND', trackText(lang, 'notFound'));
        case 'found': {
          const loaded = await loadView(access.caseId, lang, clock.now());
          if (loaded === null) throw new DomainError('NOT_FOUND', trackText(lang, 'notFound'));
          return loaded.view;
        }
      }
    },
  );
}
