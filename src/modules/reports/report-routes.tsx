import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps, AppInstance } from '../../platform/http/app-types.ts';
import { DomainError, type FieldProblem } from '../../platform/http/errors.ts';
import { answerOnce, findAnswer, type IdempotencyClaim } from '../../platform/http/idempotency.ts';
import { requestFingerprint } from '../../platform/http/idempotency-rules.ts';
import { enforceRateLimit } from '../../platform/http/rate-limit.ts';
import { keepPagesPrivate } from '../../platform/http/security-headers.ts';
import { photoText } from '../../platform/images/photo-messages.ts';
import { readMultipartForm, type UploadedFile } from '../../platform/uploads/multipart.ts';
import { postedText } from '../../platform/web/components/read-form.ts';
import { forEachLanguage, type Lang, localePath } from '../../platform/web/i18n.ts';
import { casesContext, stateLabel } from '../cases/index.ts';
import {
  isSameSecret,
  readSentCookie,
  sentCookieMaxAgeSeconds,
  sentCookieName,
  sentCookieValue,
  signCarriedPhotos,
  verifyCarriedPhotos,
} from './report-carry.ts';
import {
  answerProblems,
  carriedPhotosInput,
  categoryProblems,
  coordinatesOf,
  decisionInput,
  emptyReportForm,
  followInput,
  honeypotInput,
  photoCountProblems,
  photosInput,
  type ReportCategory,
  type ReportFormValues,
  readReportForm,
  toSubmitReportInput,
} from './report-form.ts';
import { reportFormText } from './report-form-messages.ts';
import {
  checkedPhotos,
  heldPhotoInputs,
  keepPhotoFiles,
  maxReportPhotos,
  type ReportPhotoFile,
  reportFieldProblems,
  submitReport,
} from './report-intake.ts';
import { loadReportCategories, loadSentReport } from './report-journey-queries.ts';
import { consumeFormPost, consumeReport, contactKeys, type LimitOutcome } from './report-limits.ts';
import { sendReportPage, showNearbyStep, showReportForm } from './report-pages.tsx';
import { reportPaths } from './report-paths.ts';
import { confirmReport, findNearbyOpenReports, followReport } from './report-queries.ts';
import { reportText } from './reports-messages.ts';
import {
  ReportConfirmedPage,
  ReportConfirmPage,
  ReportConfirmUnknownPage,
  ReportFollowedPage,
  ReportLimitedPage,
  ReportSentGonePage,
  ReportThanksPage,
} from './views/report-message-pages.tsx';
import { ReportSentPage } from './views/report-sent-page.tsx';

/**
 * Route patterns of reportPaths.sent and reportPaths.confirm (those encode their argument, so they cannot
 * make a `:param` themselves); the tests reach them through the addresses reportPaths gives.
 */
const sentRoute = `${reportPaths.report}/sent/:caseNumber`;
const confirmRoute = `${reportPaths.report}/confirm/:token`;

const FormQuery = Type.Object({ service: Type.Optional(Type.String({ maxLength: 100 })) });
const SentParams = Type.Object({ caseNumber: Type.String({ maxLength: 40 }) });
const ConfirmParams = Type.Object({ token: Type.String({ maxLength: 200 }) });
const NearbyQuery = Type.Object({
  service: Type.String({ maxLength: 100 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lon: Type.Number({ minimum: -180, maximum: 180 }),
  lang: Type.Optional(Type.Union([Type.Literal('zh-TW'), Type.Literal('en')])),
});
const NearbyResponse = Type.Object({
  radiusMetres: Type.Integer(),
  reports: Type.Array(
    Type.Object({
      caseNumber: Type.String(),
      state: Type.String(),
      stateText: Type.String(),
      distanceMetres: Type.Integer(),
      thumbnailUrl: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A refused upload in the photos input, said as a photo's problem (not the platform's list of document types). */
function asPhotoProblem(problem: FieldProblem, lang: Lang): FieldProblem {
  if (problem.field !== photosInput || problem.code !== 'file_type_not_accepted') return problem;
  const name = /[「“]([^」”]*)[」”]/.exec(problem.message)?.[1];
  const reason = photoText(lang, 'notImage');
  return {
    ...problem,
    message: name === undefined ? reason : reportText(lang, 'photoRefused', { name, reason }),
  };
}

const photoFileOf = (file: UploadedFile): ReportPhotoFile => ({
  sha256: file.sha256,
  sizeBytes: file.sizeBytes,
  mediaType: file.mediaType,
  fileName: file.fileName,
  held: file.held,
});

/**
 * The citizen's reporting journey (issue 10 §1, and the duplicate step of §3), in zh-TW and under /en:
 *
 * - GET/POST /report: the form (multipart: photos). A post is read whole, every problem listed at once with
 *   the values kept; a valid report with a point is first compared with the open reports of its category
 *   nearby (REPORT_DUPLICATE_RADIUS_METRES): if there are any, the answer is the duplicate step, which
 *   carries the report in hidden fields (its photos, already in the file store, as a signed token:
 *   report-carry.ts) and offers "follow it" or "send mine". Then the report is sent (submitReport) and the
 *   browser is sent on (303) to its confirmation page.
 * - GET /report/sent/:number: the confirmation — only for the browser that sent it (a one-hour HttpOnly
 *   cookie with the number and lookup code, checked against the case), so the address alone reveals
 *   nothing; anyone else gets a page saying where to look instead.
 * - GET/POST /report/confirm/:token: the e-mail's link opens a page with one button; only the post confirms
 *   (an e-mail scanner that opens links confirms nothing).
 * - GET /api/reports/nearby: the same nearby reports as JSON, for the page script to show early.
 *
 * Anti-abuse without third parties: a honeypot field (a filled one is answered like a success and nothing
 * is written), per-IP and per-contact hourly limits (report-limits.ts), and the confirmation link before a
 * report from a new address goes on the public map (submitReport).
 *
 * Everything here is sent `Cache-Control: no-store` and `Referrer-Policy: no-referrer`: the pages hold
 * form tokens, a lookup code or a confirmation token in their address.
 */
export async function reportRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db, config } = deps;
  const limits = {
    perIpPerHour: config.reportLimitPerIpPerHour,
    perContactPerHour: config.reportLimitPerContactPerHour,
  };

  keepPagesPrivate(app);

  const showLimited = (
    request: FastifyRequest,
    reply: FastifyReply,
    outcome: LimitOutcome & { allowed: false },
  ) => {
    const now = deps.clock.now();
    reply.header('retry-after', String(outcome.retryAfterSeconds));
    return sendReportPage(request, reply, {
      title: reportFormText(request.lang, 'limitedTitle'),
      status: 429,
      body: (
        <ReportLimitedPage
          lang={request.lang}
          retryAt={new Date(now.getTime() + outcome.retryAfterSeconds * 1000)}
          retryAfterSeconds={outcome.retryAfterSeconds}
        />
      ),
    });
  };

  /** The photos' decoding problems (refused, damaged, HEIC…), for listing with the rest; none when all is well. */
  const photoDecodingProblems = async (
    photos: readonly ReportPhotoFile[],
    lang: Lang,
  ): Promise<FieldProblem[]> => {
    if (photos.length === 0 || photos.length > maxReportPhotos) return [];
    try {
      await checkedPhotos(deps.files, photos, lang);
      return [];
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION_FAILED')
        return [...(error.problems ?? [])];
      throw error;
    }
  };

  /** "This is mine — follow it": an e-mail address and one of the reports still near the point. */
  async function follow(
    request: FastifyRequest,
    reply: FastifyReply,
    report: {
      categories: readonly ReportCategory[];
      category: ReportCategory;
      values: ReportFormValues;
      carriedPhotos: string;
      point: { lat: number; lon: number };
    },
    chosen: string,
  ) {
    const lang = request.lang;
    const nearby = await findNearbyOpenReports(db, {
      serviceCode: report.category.code,
      lat: report.point.lat,
      lon: report.point.lon,
      radiusMetres: config.reportDuplicateRadiusMetres,
    });
    const email = report.values.applicantEmail.trim();
    const problems: FieldProblem[] = [];
    if (email === '')
      problems.push({
        field: 'applicantEmail',
        code: 'required',
        message: reportFormText(lang, 'followEmailRequired'),
      });
    else if (!emailPattern.test(email) || email.length > 254)
      problems.push({ field: 'applicantEmail', code: 'invalid', message: reportText(lang, 'emailInvalid') });
    const target = nearby.find((candidate) => candidate.caseNumber === chosen);
    if (target === undefined)
      problems.push({
        field: followInput,
        code: chosen === '' ? 'required' : 'gone',
        message: reportFormText(lang, chosen === '' ? 'followChoiceRequired' : 'followGone'),
      });
    const again = (status: number, shown: readonly FieldProblem[]) =>
      nearby.length === 0
        ? showReportForm(request, reply, deps, {
            categories: report.categories,
            values: report.values,
            problems: shown,
            status,
          })
        : showNearbyStep(request, reply, deps, { ...report, nearby, chosen, problems: shown, status });
    if (problems.length > 0) return again(target === undefined && chosen !== '' ? 409 : 400, problems);
    const now = deps.clock.now();
    const limited = await consumeReport(db, { ip: request.ip, contacts: [], limits, now });
    if (!limited.allowed) return showLimited(request, reply, limited);
    const isFollowed = await followReport(db, chosen, { email, lang }, now);
    if (!isFollowed)
      return again(409, [{ field: followInput, code: 'gone', message: reportFormText(lang, 'followGone') }]);
    const followed = await loadSentReport(db, chosen);
    return sendReportPage(request, reply, {
      title: reportFormText(lang, 'followedTitle'),
      body: (
        <ReportFollowedPage
          lang={lang}
          caseNumber={chosen}
          email={email.toLowerCase()}
          isPublished={followed?.publishedAt != null}
        />
      ),
    });
  }

  forEachLanguage(reportPaths.report, (url, lang) => {
    app.get(url, { schema: { hide: true, querystring: FormQuery } }, async (request, reply) => {
      const categories = await loadReportCategories(db);
      const asked = request.query.service?.trim() ?? '';
      const preselected = categories.some((category) => category.code === asked) ? asked : '';
      return showReportForm(request, reply, deps, {
        categories,
        values: emptyReportForm(preselected),
        problems: [],
      });
    });

    app.post(url, { schema: { hide: true } }, async (request, reply) => {
      // The photos are held until they are decoded: a refused one, or the photos of a form sent back with its
      // problems, never reach the file store.
      const form = await readMultipartForm(request, lang, { holdFiles: heldPhotoInputs });
      const now = deps.clock.now();
      // The form is a kept public page (the same bytes for every visitor but their CSRF token), so it cannot
      // carry a one-time token of its own: a post is known again by what it sends (every field and the
      // photos' SHA-256s) from the same browser (its CSRF cookie). A double click or a browser's retry
      // after a lost answer shows the report the first post sent, and files no second one (issue 13).
      const claim = reportClaim(request.csrfToken, form.fields, form.files);
      const sent = await findAnswer(db, claim, { lang, now });
      if (sent !== null) return showSentAgain(reply, lang, String(sent.answer.caseNumber));
      const posts = await consumeFormPost(db, { ip: request.ip, limits, now });
      if (!posts.allowed) return showLimited(request, reply, posts);
      const categories = await loadReportCategories(db);
      const { values, problems: formProblems } = readReportForm(form.fields, categories, lang);
      // A robot filled in the field nobody sees: it is told what it wants to hear, and nothing is written.
      if (values[honeypotInput] !== '')
        return sendReportPage(request, reply, {
          title: reportFormText(lang, 'sentTitle'),
          body: <ReportThanksPage lang={lang} />,
        });

      const category = categories.find((candidate) => candidate.code === values.serviceCode) ?? null;
      const uploaded = form.files.filter((file) => file.fieldName === photosInput).map(photoFileOf);
      const carriedToken = postedText(form.fields, carriedPhotosInput);
      const carried = verifyCarriedPhotos(config.reportSigningSecret, carriedToken, now);
      const stillStored = carried === null ? null : await allStored(carried);
      const carriedProblems: FieldProblem[] =
        stillStored === null
          ? [
              {
                field: photosInput,
                code: 'carried_expired',
                message: reportFormText(lang, 'carriedPhotosLost'),
              },
            ]
          : [];
      const photos = [...(stillStored ?? []), ...uploaded];
      const point = coordinatesOf(values, lang);
      const input = toSubmitReportInput(values, category, point, lang);

      const decision = postedText(form.fields, decisionInput);
      if (
        decision === 'follow' &&
        category !== null &&
        point.latitude !== undefined &&
        point.longitude !== undefined
      ) {
        return follow(
          request,
          reply,
          {
            categories,
            category,
            values,
            carriedPhotos: carriedToken,
            point: { lat: point.latitude, lon: point.longitude },
          },
          postedText(form.fields, followInput),
        );
      }

      const problems: FieldProblem[] = [
        ...form.problems.map((problem) => asPhotoProblem(problem, lang)),
        ...formProblems,
        ...carriedProblems,
        ...categoryProblems(values.serviceCode, category, lang),
        ...point.problems,
        ...reportFieldProblems(input),
        ...(category === null ? [] : answerProblems(values, category, lang)),
        ...photoCountProblems(photos.length, maxReportPhotos, lang),
      ];
      const hadPhotos = photos.length > 0 || form.problems.some((problem) => problem.field === photosInput);
      if (problems.length > 0) {
        // Listed with the rest, so that the next try is the last.
        const decoding = await photoDecodingProblems(photos, lang);
        return showReportForm(request, reply, deps, {
          categories,
          values,
          problems: [...problems, ...decoding],
          hadPhotos,
        });
      }

      if (
        decision !== 'different' &&
        category !== null &&
        point.latitude !== undefined &&
        point.longitude !== undefined
      ) {
        const nearby = await findNearbyOpenReports(db, {
          serviceCode: category.code,
          lat: point.latitude,
          lon: point.longitude,
          radiusMetres: config.reportDuplicateRadiusMetres,
        });
        if (nearby.length > 0) {
          // The step is offered only for a report that would go in: its photos are checked first.
          const decoding = await photoDecodingProblems(photos, lang);
          if (decoding.length > 0)
            return showReportForm(request, reply, deps, {
              categories,
              values,
              problems: decoding,
              hadPhotos,
            });
          // Decoded and good: kept in the store for the next step, which names them.
          await keepPhotoFiles(photos);
          return showNearbyStep(request, reply, deps, {
            category,
            nearby,
            values,
            carriedPhotos: signCarriedPhotos(config.reportSigningSecret, photos, now),
          });
        }
      }

      const limited = await consumeReport(db, {
        ip: request.ip,
        contacts: contactKeys({ email: values.applicantEmail, phone: values.applicantPhone }),
        limits,
        now,
      });
      if (!limited.allowed) return showLimited(request, reply, limited);
      try {
        const answer = await answerOnce(db, claim, { lang, now }, async (record) => {
          const submitted = await submitReport(casesContext(request, deps), deps.files, input, photos, {
            inTransaction: (tx, row) => record(tx, { status: 303, answer: { caseNumber: row.caseNumber } }),
          });
          return { status: 303, answer: { caseNumber: submitted.row.caseNumber } };
        });
        return showSentAgain(reply, lang, String(answer.answer.caseNumber));
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
        return showReportForm(request, reply, deps, {
          categories,
          values,
          problems: error.problems ?? [],
          hadPhotos,
        });
      }
    });
  });

  /** To the confirmation of a report sent (now or by the same post before), with its cookie. */
  async function showSentAgain(reply: FastifyReply, lang: Lang, caseNumber: string) {
    const sent = await loadSentReport(db, caseNumber);
    if (sent !== null) {
      reply.setCookie(sentCookieName, sentCookieValue(caseNumber, sent.row.lookupCode), {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: config.cookieSecure,
        maxAge: sentCookieMaxAgeSeconds,
      });
    }
    return reply.redirect(localePath(lang, reportPaths.sent(caseNumber)), 303);
  }

  /** The carried photos, if every one is still in the file store (null: choose them again). */
  async function allStored(photos: readonly ReportPhotoFile[]): Promise<ReportPhotoFile[] | null> {
    for (const photo of photos) if (!(await deps.files.has(photo.sha256))) return null;
    return [...photos];
  }

  forEachLanguage(sentRoute, (url, lang) => {
    app.get(url, { schema: { hide: true, params: SentParams } }, async (request, reply) => {
      const key = readSentCookie(request.cookies[sentCookieName]);
      const sent =
        key === null || key.caseNumber !== request.params.caseNumber
          ? null
          : await loadSentReport(db, key.caseNumber);
      if (key === null || sent === null || !isSameSecret(sent.row.lookupCode, key.lookupCode))
        return sendReportPage(request, reply, {
          title: reportFormText(lang, 'sentGoneTitle'),
          status: 404,
          body: <ReportSentGonePage lang={lang} />,
        });
      const { row } = sent;
      const query = new URLSearchParams({ case: row.caseNumber, code: row.lookupCode });
      return sendReportPage(request, reply, {
        title: reportFormText(lang, 'sentTitle'),
        body: (
          <ReportSentPage
            lang={lang}
            caseNumber={row.caseNumber}
            lookupCode={row.lookupCode}
            categoryName={lang === 'en' ? sent.categoryNameEn : sent.categoryNameZh}
            unitName={lang === 'en' ? sent.unitNameEn : sent.unitNameZh}
            deadline={row.deadlineRule}
            dueAt={row.dueAt}
            expectedCompletionDate={row.expectedCompletionDate}
            email={row.applicantEmail}
            awaitsConfirmation={sent.awaitsConfirmation}
            isPublished={sent.publishedAt !== null}
            trackUrl={`${localePath(lang, '/track')}?${query.toString()}`}
          />
        ),
      });
    });
  });

  forEachLanguage(confirmRoute, (url, lang) => {
    app.get(url, { schema: { hide: true, params: ConfirmParams } }, async (request, reply) =>
      sendReportPage(request, reply, {
        title: reportFormText(lang, 'confirmTitle'),
        body: (
          <ReportConfirmPage
            lang={lang}
            csrfToken={request.csrfToken}
            action={localePath(lang, reportPaths.confirm(request.params.token))}
          />
        ),
      }),
    );

    app.post(url, { schema: { hide: true, params: ConfirmParams } }, async (request, reply) => {
      const confirmed = await confirmReport(db, request.params.token, deps.clock.now());
      if (confirmed === null)
        return sendReportPage(request, reply, {
          title: reportFormText(lang, 'confirmUnknownTitle'),
          status: 404,
          body: <ReportConfirmUnknownPage lang={lang} />,
        });
      return sendReportPage(request, reply, {
        title: reportFormText(lang, 'confirmedTitle'),
        body: <ReportConfirmedPage lang={lang} caseNumber={confirmed.caseNumber} />,
      });
    });
  });

  app.get(
    '/api/reports/nearby',
    {
      schema: {
        tags: ['reports'],
        summary: 'Open photo reports of a category near a point (the report form’s duplicate hint).',
        description:
          'Open field reports of the service within REPORT_DUPLICATE_RADIUS_METRES of the point, nearest first (at most 5): ' +
          'number, state, distance and the thumbnail of the first public photo; never who sent it. At most 60 requests a ' +
          'minute per client IP (429 RATE_LIMITED).',
        querystring: NearbyQuery,
        response: { 200: NearbyResponse },
      },
    },
    async (request) => {
      const lang: Lang = request.query.lang ?? 'zh-TW';
      await enforceRateLimit(db, {
        key: `report:nearby:ip:${request.ip}`,
        limit: 60,
        windowSeconds: 60,
        now: deps.clock.now(),
        lang,
      });
      const nearby = await findNearbyOpenReports(db, {
        serviceCode: request.query.service,
        lat: request.query.lat,
        lon: request.query.lon,
        radiusMetres: config.reportDuplicateRadiusMetres,
      });
      return {
        radiusMetres: config.reportDuplicateRadiusMetres,
        reports: nearby.map((report) => {
          const words = stateLabel(report.state as Parameters<typeof stateLabel>[0]);
          return {
            caseNumber: report.caseNumber,
            state: report.state,
            stateText: lang === 'en' ? words.en : words.zh,
            distanceMetres: Math.round(report.distanceMetres),
            thumbnailUrl:
              report.photoId === null ? null : reportPaths.photo(report.caseNumber, report.photoId, 'thumb'),
          };
        }),
      };
    },
  );
}

/** A report post's idempotency claim: this browser (its CSRF token, hashed) and everything it sent. */
function reportClaim(
  csrfToken: string,
  fields: Record<string, string | string[]>,
  files: readonly UploadedFile[],
): IdempotencyClaim {
  const { _csrf: _token, ...sent } = fields;
  return {
    scope: `report:browser:${requestFingerprint(csrfToken)}`,
    key: requestFingerprint({ fields: sent, photos: files.map((file) => [file.fieldName, file.sha256]) }),
    fingerprint: '',
  };
}
