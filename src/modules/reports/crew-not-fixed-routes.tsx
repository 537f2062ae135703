import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { deviceIdOf } from '../../platform/auth/trusted-devices.ts';
import type { AppDeps, AppInstance } from '../../platform/http/app-types.ts';
import { DomainError, type FieldProblem } from '../../platform/http/errors.ts';
import { readMultipartForm } from '../../platform/uploads/multipart.ts';
import { problemsOnPage } from '../../platform/web/components/form-problems.ts';
import { readForm } from '../../platform/web/components/read-form.ts';
import { formatPageDate, taipeiIsoDate } from '../../platform/web/format-date.ts';
import { forEachLanguage, type Lang, localePath } from '../../platform/web/i18n.ts';
import { pageContext, renderPage, sendPage } from '../../platform/web/layout.tsx';
import { waitText } from '../../platform/web/wait-text.ts';
import {
  type ApplicantAccess,
  type CaseRow,
  cases,
  casesContext,
  checkApplicantAccess,
  reopenDaysOf,
  trackUrlOf,
} from '../cases/index.ts';
import { getService } from '../catalogue/index.ts';
import { notFixedForm, withoutFields } from './crew-forms.ts';
import { crewText as text } from './crew-messages.ts';
import { crewPaths } from './crew-paths.ts';
import { notFixedWindow } from './crew-rules.ts';
import { reportNotFixed } from './report-fix.ts';
import { heldPhotoInputs } from './report-intake.ts';
import { NotFixedPage, type NotFixedPageState } from './views/crew-not-fixed-page.tsx';

/**
 * "Not fixed" (issue 10 §5), public: GET and POST /reports/:number/not-fixed?code=LOOKUP (and /en). Whoever
 * holds the case number and its lookup code — the reporter, from /track or the "fixed" e-mail — may say
 * the report is not fixed, within CASE_REOPEN_DAYS of the fix. The pair is checked as /track checks it
 * (rate limits, lockout after wrong codes); the answer for an unknown number and a wrong code is the same.
 */

const Params = Type.Object({ caseNumber: Type.String({ maxLength: 30 }) });
const Query = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 30 })),
  done: Type.Optional(Type.String({ maxLength: 2 })),
});

const taipeiDay = taipeiIsoDate;

/** One problem for the whole page (no field of its own), and the status it is answered with. */
const pageProblem = (code: string, message: string, status: number) => ({
  problems: [{ field: '', code, message }],
  status,
});

/** A refused look-up in this page's words, and its status (the same for an unknown number and a wrong code). */
function accessProblem(
  access: Exclude<ApplicantAccess, { kind: 'found' }>,
  lang: Lang,
  reply: FastifyReply,
): { problems: FieldProblem[]; status: number } {
  switch (access.kind) {
    case 'problems':
      return { problems: access.problems, status: 400 };
    case 'not-found':
      return pageProblem('not_found', text(lang, 'accessNotFound'), 404);
    case 'locked':
      reply.header('retry-after', String(access.retryAfterSeconds));
      return pageProblem(
        'locked',
        text(lang, 'accessLocked', { wait: waitText(lang, access.retryAfterSeconds) }),
        429,
      );
    case 'rate-limited':
      reply.header('retry-after', String(access.retryAfterSeconds));
      return pageProblem(
        'rate_limited',
        text(lang, 'accessRateLimited', { seconds: access.retryAfterSeconds }),
        429,
      );
  }
}

export async function notFixedRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;

  const send = (
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      state: NotFixedPageState;
      problems: readonly FieldProblem[];
      status: number;
      trackHref: string;
    },
  ) => {
    const lang = request.lang;
    const problems = problemsOnPage(options.problems, {
      lang,
      labels: { reason: text(lang, 'notFixedReasonLabel'), photos: text(lang, 'notFixedPhotoLabel') },
      order: ['reason', 'photos'],
    });
    const title =
      options.state.kind === 'done'
        ? text(lang, 'notFixedDoneTitle')
        : options.state.kind === 'refused'
          ? text(lang, 'notFixedRefusedTitle')
          : text(lang, 'notFixedTitle');
    const html = renderPage(pageContext(request), {
      title,
      hasError: problems.hasAny,
      body: (
        <NotFixedPage lang={lang} state={options.state} problems={problems} trackHref={options.trackHref} />
      ),
    });
    return sendPage(reply, html, options.status);
  };

  /** The page for a found case: the form, the refusal (past the days, or not fixed), or "sent". */
  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    row: CaseRow,
    options: { reason: string; problems: readonly FieldProblem[]; status: number; isDone: boolean },
  ) => {
    const lang = request.lang;
    const trackHref = trackUrlOf('', { ...row, applicantLang: lang });
    const now = deps.clock.now();
    const window = notFixedWindow(row, now, reopenDaysOf('field_report', deps.config.caseReopenDays));
    if (options.isDone && row.state === 'reopened')
      return send(request, reply, {
        state: { kind: 'done', caseNumber: row.caseNumber },
        problems: [],
        status: 200,
        trackHref,
      });
    if (window.kind !== 'open') {
      const message =
        window.kind === 'past'
          ? text(lang, 'notFixedPast', { days: reopenDaysOf('field_report', deps.config.caseReopenDays) })
          : text(lang, 'notFixedNotFixed');
      return send(request, reply, {
        state: { kind: 'refused', message },
        problems: [],
        status: options.status === 200 ? 200 : 409,
        trackHref,
      });
    }
    const service = await getService(db, { code: row.serviceCode });
    const query = new URLSearchParams({ code: row.lookupCode });
    return send(request, reply, {
      state: {
        kind: 'form',
        caseNumber: row.caseNumber,
        serviceName: (lang === 'en' ? service?.nameEn : service?.nameZh) ?? row.subject,
        fixedOn: formatPageDate(lang, taipeiDay(row.closedAt ?? now)),
        until: formatPageDate(lang, taipeiDay(window.until)),
        action: `${localePath(lang, crewPaths.notFixed(row.caseNumber))}?${query}`,
        csrfToken: request.csrfToken,
        reason: options.reason,
      },
      problems: options.problems,
      status: options.status,
      trackHref,
    });
  };

  /**
   * The case behind the number and code; else null, the page saying why not sent. Never the reply itself: a
   * FastifyReply is a thenable, so `await` would turn it into undefined.
   */
  const findCase = async (
    request: FastifyRequest<{ Params: { caseNumber: string }; Querystring: { code?: string } }>,
    reply: FastifyReply,
  ): Promise<CaseRow | null> => {
    const lang = request.lang;
    const access = await checkApplicantAccess(db, {
      caseNumber: request.params.caseNumber,
      lookupCode: request.query.code ?? '',
      clientIp: request.ip,
      deviceId: deviceIdOf(request),
      now: deps.clock.now(),
      lang,
    });
    const trackHref = localePath(lang, '/track');
    if (access.kind !== 'found') {
      send(request, reply, { state: { kind: 'access' }, ...accessProblem(access, lang, reply), trackHref });
      return null;
    }
    const [row] = await db.select().from(cases).where(eq(cases.id, access.caseId));
    if (row === undefined || row.kind !== 'field_report') {
      const refused = accessProblem({ kind: 'not-found' }, lang, reply);
      send(request, reply, { state: { kind: 'access' }, ...refused, trackHref });
      return null;
    }
    return row;
  };

  forEachLanguage(crewPaths.notFixed(':caseNumber'), (url, lang) => {
    app.get(url, { schema: { hide: true, params: Params, querystring: Query } }, async (request, reply) => {
      const found = await findCase(request, reply);
      if (found === null) return reply;
      return show(request, reply, found, {
        reason: '',
        problems: [],
        status: 200,
        isDone: request.query.done === '1',
      });
    });

    app.post(url, { schema: { hide: true, params: Params, querystring: Query } }, async (request, reply) => {
      // The form first: a request is read whole before it is answered, whatever the answer.
      const form = await readMultipartForm(request, lang, { holdFiles: heldPhotoInputs });
      const found = await findCase(request, reply);
      if (found === null) return reply;
      const read = readForm(notFixedForm, form.fields, lang);
      try {
        await reportNotFixed(casesContext(request, deps), deps.files, {
          caseId: found.id,
          reason: read.values.reason,
          photos: form.files,
          knownProblems: [...form.problems, ...withoutFields(read.problems, ['reason'])],
        });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const again = (problems: FieldProblem[], status: number) =>
          show(request, reply, found, { reason: read.values.reason, problems, status, isDone: false });
        if (error.code === 'VALIDATION_FAILED') return again(error.problems, 400);
        if (error.code === 'CONFLICT')
          return again([{ field: '', code: 'conflict', message: text(lang, 'conflict') }], 409);
        if (error.code === 'INVALID_TRANSITION') {
          const [current] = await db.select().from(cases).where(eq(cases.id, found.id));
          return show(request, reply, current ?? found, {
            reason: '',
            problems: [],
            status: 409,
            isDone: false,
          });
        }
        throw error;
      }
      const query = new URLSearchParams({ code: found.lookupCode, done: '1' });
      return reply.redirect(`${localePath(lang, crewPaths.notFixed(found.caseNumber))}?${query}`, 303);
    });
  });
}
