import type { FastifyReply, FastifyRequest } from 'fastify';
import { trustDevice } from '../../../platform/auth/trusted-devices.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { DomainError, type FieldProblem, notFound } from '../../../platform/http/errors.ts';
import { keepPagesPrivate } from '../../../platform/http/security-headers.ts';
import { sendStoredFile } from '../../../platform/uploads/download-headers.ts';
import { postedForm, readForm } from '../../../platform/web/components/read-form.ts';
import { forEachLanguage, type Lang } from '../../../platform/web/i18n.ts';
import { waitText } from '../../../platform/web/wait-text.ts';
import { readAttachment } from '../core/case-attachments.ts';
import { normaliseCaseNumber } from '../core/case-number.ts';
import { casesContext } from '../core/case-request-context.ts';
import { expectedVersionOf } from '../core/form-version.ts';
import { takeApplicantAction } from './applicant-actions.ts';
import { type ApplicantAccess, checkRequestAccess, lookupProblems } from './track-access.ts';
import {
  attachmentForm,
  reopenForm,
  reopenProblems,
  trackForm,
  trackLinkForm,
  withdrawForm,
  withdrawProblems,
} from './track-forms.ts';
import { sendTrackLink } from './track-link.ts';
import { trackText } from './track-messages.ts';
import {
  type ApplicantKey,
  loadPublicView,
  showLookUpForm,
  showRefusal,
  showResult,
} from './track-pages.tsx';
import { trackPaths } from './track-paths.ts';
import { TrackApiBody, TrackApiResponse, TrackQuery } from './track-schemas.ts';

/**
 * The public progress look-up: /track and /en/track (the form; GET with ?case=&code= from the receipt's
 * QR code shows the result at once), the applicant's own actions (withdraw, reopen) and attachment
 * downloads, each re-checking the number and code, and POST /api/track for programs.
 *
 * Everything here answers the same way for an unknown number and a wrong code, counts towards the
 * per-IP limit and the per-number lockout (track-access.ts), and is sent with `Cache-Control: no-store`
 * and `Referrer-Policy: no-referrer`: a result holds (masked) personal data and the code in its forms,
 * and the QR address holds the code, which must not leak to another site in a Referer header. None of it
 * is kept as bytes (`/track` is a public read with `query: 'none'`: an address with a query is never kept;
 * platform/http/public-reads.ts), and the request log keeps only the path.
 */
export async function trackRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  keepPagesPrivate(app);

  const checkKey = (
    request: FastifyRequest,
    lang: Lang,
    key: ApplicantKey,
    linkToken?: string,
  ): Promise<ApplicantAccess> => checkRequestAccess(request, deps, key, { lang, linkToken });

  /** A look-up from the page or the QR link: a browser that opens the case is trusted for it from now on. */
  async function lookUp(request: FastifyRequest, reply: FastifyReply, key: ApplicantKey, linkToken?: string) {
    const access = await checkKey(request, request.lang, key, linkToken);
    if (access.kind !== 'found') return showRefusal(request, reply, key, access);
    await trustDevice(deps.db, request, reply, {
      subject: `case:${access.caseId}`,
      now: deps.clock.now(),
      isSecure: deps.config.cookieSecure,
    });
    return showResult(request, reply, deps, { caseId: access.caseId, key });
  }

  /**
   * An applicant's form on the result page: the number and code checked like a look-up, then the form's
   * own problems (400), then the action (409 when the case changed meanwhile), then the page saying so.
   */
  async function applicantForm(
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      key: ApplicantKey;
      problems: readonly FieldProblem[];
      reopenReason?: string;
      act: (caseId: string) => Promise<FieldProblem | null>;
      done: string;
    },
  ) {
    const { key } = options;
    const access = await checkKey(request, request.lang, key);
    if (access.kind !== 'found') return showRefusal(request, reply, key, access);
    const reopenReason = options.reopenReason === undefined ? {} : { reopenReason: options.reopenReason };
    const shown = { caseId: access.caseId, key, ...reopenReason };
    if (options.problems.length > 0)
      return showResult(request, reply, deps, { ...shown, problems: options.problems, status: 400 });
    const problem = await options.act(access.caseId);
    if (problem !== null)
      return showResult(request, reply, deps, { ...shown, problems: [problem], status: 409 });
    return showResult(request, reply, deps, { caseId: access.caseId, key, done: options.done });
  }

  forEachLanguage(trackPaths.track, (url, lang) => {
    app.get(url, { schema: { hide: true, querystring: TrackQuery } }, async (request, reply) => {
      const { case: caseNumber, code, t: linkToken } = request.query;
      // A link with the number alone (no code) opens the form with the number filled in.
      if (code === undefined)
        return showLookUpForm(request, reply, {
          caseNumber: caseNumber ?? '',
          lookupCode: '',
          problems: [],
          status: 200,
        });
      // The link's number and code are read as the form reads them: an over-long one is the form's problem.
      const { values, problems } = readForm(
        trackForm,
        { caseNumber: caseNumber ?? '', lookupCode: code },
        lang,
      );
      if (problems.length > 0) return showLookUpForm(request, reply, { ...values, problems, status: 400 });
      return lookUp(request, reply, values, linkToken);
    });

    app.post(url, { schema: { hide: true, body: postedForm } }, async (request, reply) => {
      const { values, problems } = readForm(trackForm, request.body, lang);
      if (problems.length > 0) return showLookUpForm(request, reply, { ...values, problems, status: 400 });
      return lookUp(request, reply, values);
    });
  });

  // "E-mail me the link" (a guarded number): the same answer whether or not the number has a case or an address.
  forEachLanguage(trackPaths.link, (url, lang) => {
    app.post(url, { schema: { hide: true, body: postedForm } }, async (request, reply) => {
      const { values, problems } = readForm(trackLinkForm, request.body, lang);
      const numberProblems = lookupProblems(values.caseNumber, 'XXXXXXXX', lang);
      const key = { caseNumber: values.caseNumber, lookupCode: '' };
      if (problems.length + numberProblems.length > 0)
        return showLookUpForm(request, reply, {
          ...key,
          problems: [...problems, ...numberProblems],
          status: 400,
        });
      const outcome = await sendTrackLink(casesContext(request, deps), {
        caseNumber: values.caseNumber,
        clientIp: request.ip,
      });
      if (outcome.kind === 'limited') {
        reply.header('retry-after', String(outcome.retryAfterSeconds));
        const message = trackText(lang, 'linkLimited');
        return showLookUpForm(request, reply, {
          ...key,
          problems: [{ field: 'caseNumber', code: 'rate_limited', message }],
          status: 429,
        });
      }
      const caseNumber = normaliseCaseNumber(values.caseNumber);
      return showLookUpForm(request, reply, {
        ...key,
        caseNumber,
        problems: [],
        status: 200,
        notice: trackText(lang, 'linkSent', { caseNumber }),
      });
    });
  });

  forEachLanguage(trackPaths.withdraw, (url, lang) => {
    app.post(url, { schema: { hide: true, body: postedForm } }, async (request, reply) => {
      const { values, problems } = readForm(withdrawForm, request.body, lang);
      return applicantForm(request, reply, {
        key: values,
        problems: [...problems, ...withdrawProblems(values, lang)],
        act: (caseId) =>
          takeApplicantAction(casesContext(request, deps), {
            caseId,
            version: expectedVersionOf(values.version),
            event: 'withdraw',
          }),
        done: trackText(lang, 'withdrawDone'),
      });
    });
  });

  forEachLanguage(trackPaths.reopen, (url, lang) => {
    app.post(url, { schema: { hide: true, body: postedForm } }, async (request, reply) => {
      const { values, problems } = readForm(reopenForm, request.body, lang);
      return applicantForm(request, reply, {
        key: values,
        problems: [...problems, ...reopenProblems(values, lang)],
        reopenReason: values.reason,
        act: (caseId) =>
          takeApplicantAction(casesContext(request, deps), {
            caseId,
            version: expectedVersionOf(values.version),
            event: 'reopen',
            reason: values.reason,
          }),
        done: trackText(lang, 'reopenDone'),
      });
    });
  });

  forEachLanguage(trackPaths.attachment, (url, lang) => {
    app.post(url, { schema: { hide: true, body: postedForm } }, async (request, reply) => {
      const { values } = readForm(attachmentForm, request.body, lang);
      const key = { caseNumber: values.caseNumber, lookupCode: values.lookupCode };
      const access = await checkKey(request, lang, key);
      if (access.kind !== 'found') return showRefusal(request, reply, key, access);
      const attachment = await readAttachment(deps.db, access.caseId, values.attachmentId);
      if (attachment === null) throw notFound(trackText(lang, 'attachmentNotFound'));
      return sendStoredFile(reply, deps.files, attachment);
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
          'At most 30 look-ups a minute per client IP. After 10 wrong codes within 24 hours a case number (whether or ' +
          'not a case has it) is guarded: callers without the link token (`t` of the receipt’s link) or a browser ' +
          'that opened the case before get the same answer whatever the code, until the oldest failure is a day old. ' +
          'Both answer 429 RATE_LIMITED with Retry-After. Empty or malformed fields: 400 VALIDATION_FAILED listing every problem.',
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
            trackText(lang, 'lockedOut', { wait: waitText(lang, access.retryAfterSeconds) }),
            { retryAfterSeconds: access.retryAfterSeconds },
          );
        case 'not-found':
          throw notFound(trackText(lang, 'notFound'));
        case 'found': {
          const loaded = await loadPublicView(deps, access.caseId, lang, deps.clock.now());
          if (loaded === null) throw notFound(trackText(lang, 'notFound'));
          return loaded.view;
        }
      }
    },
  );
}
