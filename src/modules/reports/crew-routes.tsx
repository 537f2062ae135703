import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requireStaff, signedInStaff } from '../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  type StaffPageOptions,
  sendStaffPage,
  staffHomeCrumb,
} from '../../platform/auth/staff-pages.ts';
import { listDistricts } from '../../platform/geo/geo-repo.ts';
import type { AppDeps, AppInstance } from '../../platform/http/app-types.ts';
import { DomainError, type FieldProblem, notFound } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { allowImagesFrom } from '../../platform/http/security-headers.ts';
import { openStoredFile, storedFileHeaders } from '../../platform/uploads/download-headers.ts';
import { readMultipartForm } from '../../platform/uploads/multipart.ts';
import { FormProblems, problemsOnPage } from '../../platform/web/components/form-problems.ts';
import { pageNumberOf } from '../../platform/web/components/pagination.tsx';
import { postedForm, readForm } from '../../platform/web/components/read-form.ts';
import { submitForm } from '../../platform/web/components/submit-form.ts';
import { forEachLanguage, type Lang, localePath } from '../../platform/web/i18n.ts';
import {
  casesContext,
  ensureMayReadCase,
  staffCaseActor,
  stateLabel,
  transitionCase,
  workflowOf,
} from '../cases/index.ts';
import { listServices } from '../catalogue/index.ts';
import { fixForm, hideForm, takeForm, versionOf, withoutFields } from './crew-forms.ts';
import { crewText as text } from './crew-messages.ts';
import { notFixedRoutes } from './crew-not-fixed-routes.tsx';
import { countFixedRecipients } from './crew-notices.ts';
import { crewPaths, staffPhotoSizes } from './crew-paths.ts';
import { hideReportPhoto, mayHidePhotos } from './crew-photos.ts';
import {
  type CrewCase,
  type CrewReport,
  findCrewCase,
  findReportPhoto,
  listCrewReports,
} from './crew-queries.ts';
import { positionOf } from './crew-rules.ts';
import { markReportFixed } from './report-fix.ts';
import { heldPhotoInputs } from './report-intake.ts';
import { photosOf } from './report-queries.ts';
import { CrewFixPage } from './views/crew-fix-page.tsx';
import { type CrewAction, CrewPage, type CrewReportView } from './views/crew-page.tsx';
import { CrewPhotosPage, hideReasonId } from './views/crew-photos-page.tsx';

/**
 * The field crews' pages (issue 10 §5) and the reporter's "not fixed" page (crew-not-fixed-routes.tsx):
 * - GET  /staff/crew                           the reports on a map and a list (nearest first with ?lat&lon)
 * - POST /staff/crew/:number/take              take a report of the unit (dispatch), or go again to a reopened one
 * - GET  /staff/crew/:number/fixed             mark fixed: after-photos and the note (multipart POST)
 * - GET  /staff/crew/:number/photos            its photos, each with "hide from the public"
 * - POST /staff/crew/:number/photos/:id/hide
 * - GET  /staff/crew/:number/photos/:id/:size  a photo for staff (thumb, public, original), hidden ones too
 * and the same under /en. Crews are handlers of the report's unit; their supervisor sees the whole unit.
 */

const crewRoles = ['handler', 'supervisor'] as const;
/** Who reads a report's photos: whoever reads cases (the case page links to them). */
const photoReaders = ['handler', 'supervisor', 'counter_clerk', 'secretariat', 'admin'] as const;

/** The report's number in the path; a photo's id after it; the size of the image asked for after that. */
const numberParam = { caseNumber: Type.String({ maxLength: 30 }) };
const photoParams = { ...numberParam, photoId: Type.String({ maxLength: 36 }) };
const NumberParams = Type.Object(numberParam);
const PhotoParams = Type.Object(photoParams);
const ImageParams = Type.Object({ ...photoParams, size: Type.String({ maxLength: 10 }) });
const CrewQuery = Type.Object({
  lat: Type.Optional(Type.String({ maxLength: 30 })),
  lon: Type.Optional(Type.String({ maxLength: 30 })),
  page: Type.Optional(Type.String({ maxLength: 10 })),
  done: Type.Optional(Type.String({ maxLength: 10 })),
  n: Type.Optional(Type.String({ maxLength: 30 })),
});
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 10 })) });

const doneKeys = { taken: 'takenDone', fixed: 'fixedDone' } as const;

/** What this member may do with a report from the list, and how it stands to them. */
function actionsFor(
  report: CrewReport,
  member: { id: string; role: string },
): { relation: CrewReportView['relation']; actions: CrewAction[] } {
  const isMine = report.handlerId === member.id;
  const relation = isMine ? 'yours' : report.handlerId === null ? 'to_take' : 'other';
  if (report.state === 'dispatched') return { relation, actions: ['fix'] };
  // Taking assigns the report to the handler who takes it; a supervisor assigns crews on the case page.
  if (member.role !== 'handler') return { relation, actions: [] };
  if (report.handlerId === null) return { relation, actions: ['take'] };
  return { relation, actions: isMine && report.state === 'reopened' ? ['go_again'] : [] };
}

/** The origin of an absolute tile URL (the CSP lets the page load its images); null for a local path. */
function tileOrigin(tileUrl: string): string | null {
  const match = /^(https?:\/\/[^/]+)\//.exec(tileUrl);
  return match?.[1] ?? null;
}

export async function crewRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db, config } = deps;
  const mayCrew = requireStaff({ roles: [...crewRoles] });
  const mayReadPhotos = requireStaff({ roles: [...photoReaders] });
  keepStaffPagesOutOfCaches(app);

  const send = (request: FastifyRequest, reply: FastifyReply, options: StaffPageOptions, crumbs = true) =>
    sendStaffPage(request, reply, {
      ...options,
      breadcrumbs: [
        staffHomeCrumb(request.lang),
        ...(crumbs ? [{ text: text(request.lang, 'crewTitle'), href: crewPaths.crew }] : []),
      ],
    });

  const crewCaseOr404 = async (caseNumber: string, lang: Lang): Promise<CrewCase> => {
    const report = await findCrewCase(db, caseNumber);
    if (report === null) throw notFound(text(lang, 'reportNotFound'));
    return report;
  };

  const serviceNameOf = async (lang: Lang) => {
    const names = new Map((await listServices(db, { lang })).map((service) => [service.code, service]));
    return (code: string) => {
      const service = names.get(code);
      return service === undefined ? code : lang === 'en' ? service.nameEn : service.nameZh;
    };
  };

  const stateName = (lang: Lang, state: string) => {
    const workflow = workflowOf('field_report');
    if (!workflow.hasState(state)) return state;
    const words = stateLabel(state as Parameters<typeof stateLabel>[0]);
    return lang === 'en' ? words.en : words.zh;
  };

  const showCrew = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      lat?: string;
      lon?: string;
      page?: string;
      done: string | null;
      problems: readonly FieldProblem[];
      status: number;
    },
  ) => {
    const lang = request.lang;
    const member = signedInStaff(request);
    const now = deps.clock.now();
    const position = positionOf(options.lat, options.lon);
    const listed = await listCrewReports(db, { member, position, page: pageNumberOf(options.page) });
    const serviceName = await serviceNameOf(lang);
    const districts = new Map((await listDistricts(db)).map((district) => [district.code, district]));
    const reports: CrewReportView[] = listed.rows.map((report) => {
      const district = report.districtCode === null ? undefined : districts.get(report.districtCode);
      return {
        ...report,
        ...actionsFor(report, member),
        serviceName: serviceName(report.serviceCode),
        districtName: district === undefined ? null : lang === 'en' ? district.nameEn : district.nameZh,
        stateName: stateName(lang, report.state),
        isOverdue: report.dueAt !== null && report.dueAt.getTime() < now.getTime(),
      };
    });
    const origin = tileOrigin(config.mapTileUrl);
    if (origin !== null) allowImagesFrom(reply, [origin]);
    const problems = FormProblems.of(
      options.problems.map((problem) => ({ target: '', message: problem.message })),
    );
    return send(
      request,
      reply,
      {
        title: text(lang, 'crewTitle'),
        status: options.status,
        hasError: problems.hasAny,
        body: (
          <CrewPage
            lang={lang}
            csrfToken={request.csrfToken}
            isSupervisor={member.role === 'supervisor'}
            reports={reports}
            page={listed.page}
            hasNextPage={listed.hasNextPage}
            position={position}
            done={options.done}
            problems={problems}
            map={{ tileUrl: config.mapTileUrl, attribution: config.mapTileAttribution }}
          />
        ),
      },
      false,
    );
  };

  const isRefusal = (error: unknown): error is DomainError =>
    error instanceof DomainError &&
    (error.code === 'CONFLICT' || error.code === 'INVALID_TRANSITION' || error.code === 'FORBIDDEN');
  /**
   * A refusal from the case core in the crew's words, with its status: someone acted first, or not allowed
   * now (with why). Any other error is thrown on.
   */
  const refusalOf = (error: unknown, lang: Lang): { problems: FieldProblem[]; status: number } => {
    if (!isRefusal(error)) throw error;
    const problem: FieldProblem =
      error.code === 'CONFLICT'
        ? { field: '', code: 'conflict', message: text(lang, 'conflict') }
        : { field: '', code: 'not_allowed', message: text(lang, 'notAllowed', { reason: error.message }) };
    return { problems: [problem], status: error.statusCode };
  };
  /** After taking or fixing: back to the list, which says what was done to which report. */
  const backToCrew = (reply: FastifyReply, lang: Lang, done: keyof typeof doneKeys, caseNumber: string) =>
    reply.redirect(
      `${localePath(lang, crewPaths.crew)}?${new URLSearchParams({ done, n: caseNumber })}`,
      303,
    );

  forEachLanguage(crewPaths.crew, (url, lang) => {
    app.get(
      url,
      { preHandler: mayCrew, schema: { hide: true, querystring: CrewQuery } },
      async (request, reply) => {
        const { done, n } = request.query;
        const doneKey = done === undefined ? undefined : doneKeys[done as keyof typeof doneKeys];
        return showCrew(request, reply, {
          ...request.query,
          done: doneKey === undefined ? null : text(lang, doneKey, { caseNumber: n ?? '' }),
          problems: [],
          status: 200,
        });
      },
    );
  });

  forEachLanguage(crewPaths.take(':caseNumber'), (url, lang) => {
    app.post(
      url,
      { preHandler: mayCrew, schema: { hide: true, params: NumberParams, body: postedForm } },
      async (request, reply) => {
        const report = await crewCaseOr404(request.params.caseNumber, lang);
        const { values } = readForm(takeForm, request.body, lang);
        try {
          await transitionCase(
            casesContext(request, deps),
            { caseId: report.id, expectedVersion: versionOf(values.version), event: 'dispatch', input: {} },
            staffCaseActor(request),
          );
        } catch (error) {
          return showCrew(request, reply, { done: null, ...refusalOf(error, lang) });
        }
        return backToCrew(reply, lang, 'taken', report.caseNumber);
      },
    );
  });

  const showFix = async (
    request: FastifyRequest,
    reply: FastifyReply,
    report: CrewCase,
    options: { resolution: string; problems: readonly FieldProblem[]; status: number },
  ) => {
    const lang = request.lang;
    const photos = (await photosOf(db, report.id)).filter((photo) => photo.role === 'report');
    const serviceName = await serviceNameOf(lang);
    const problems = problemsOnPage(options.problems, {
      lang,
      labels: { photos: text(lang, 'fixPhotosLabel'), resolution: text(lang, 'resolutionLabel') },
      order: ['photos', 'resolution'],
    });
    return send(request, reply, {
      title: text(lang, 'fixTitle', { caseNumber: report.caseNumber }),
      status: options.status,
      hasError: problems.hasAny,
      body: (
        <CrewFixPage
          lang={lang}
          caseNumber={report.caseNumber}
          version={report.version}
          serviceName={serviceName(report.serviceCode)}
          place={report.address ?? text(lang, 'noAddress')}
          description={report.description}
          photoIds={photos.map((photo) => photo.id)}
          recipientCount={await countFixedRecipients(db, report.id)}
          action={localePath(lang, crewPaths.fix(report.caseNumber))}
          csrfToken={request.csrfToken}
          resolution={options.resolution}
          problems={problems}
          notNow={
            report.state === 'dispatched'
              ? null
              : text(lang, 'fixNotNow', { state: stateName(lang, report.state) })
          }
        />
      ),
    });
  };

  forEachLanguage(crewPaths.fix(':caseNumber'), (url, lang) => {
    app.get(
      url,
      { preHandler: mayCrew, schema: { hide: true, params: NumberParams } },
      async (request, reply) => {
        const report = await crewCaseOr404(request.params.caseNumber, lang);
        return showFix(request, reply, report, { resolution: '', problems: [], status: 200 });
      },
    );

    app.post(
      url,
      { preHandler: mayCrew, schema: { hide: true, params: NumberParams } },
      async (request, reply) => {
        const report = await crewCaseOr404(request.params.caseNumber, lang);
        const form = await readMultipartForm(request, lang, { holdFiles: heldPhotoInputs });
        const read = readForm(fixForm, form.fields, lang);
        try {
          await markReportFixed(casesContext(request, deps), deps.files, staffCaseActor(request), {
            caseId: report.id,
            version: versionOf(read.values.version),
            resolution: read.values.resolution,
            photos: form.files,
            knownProblems: [...form.problems, ...withoutFields(read.problems, ['resolution', 'version'])],
          });
        } catch (error) {
          if (error instanceof DomainError && error.code === 'VALIDATION_FAILED')
            return showFix(request, reply, report, {
              resolution: read.values.resolution,
              problems: error.problems,
              status: 400,
            });
          const refusal = refusalOf(error, lang);
          const current = await crewCaseOr404(report.caseNumber, lang);
          return showFix(request, reply, current, { resolution: read.values.resolution, ...refusal });
        }
        return backToCrew(reply, lang, 'fixed', report.caseNumber);
      },
    );
  });

  const showPhotos = async (
    request: FastifyRequest,
    reply: FastifyReply,
    report: CrewCase,
    options: {
      failed: { photoId: string; reason: string } | null;
      problems: readonly FieldProblem[];
      done: boolean;
      status: number;
    },
  ) => {
    const lang = request.lang;
    const failedId = options.failed?.photoId ?? '';
    const problems = problemsOnPage(options.problems, {
      lang,
      labels: { reason: text(lang, 'hideReasonLabel') },
      targetOf: () => hideReasonId(failedId),
    });
    return send(request, reply, {
      title: text(lang, 'photosTitle', { caseNumber: report.caseNumber }),
      status: options.status,
      hasError: problems.hasAny,
      body: (
        <CrewPhotosPage
          lang={lang}
          csrfToken={request.csrfToken}
          caseNumber={report.caseNumber}
          photos={await photosOf(db, report.id)}
          mayHide={mayHidePhotos(staffCaseActor(request), report)}
          failed={options.failed}
          problems={problems}
          done={options.done ? text(lang, 'hiddenDone') : null}
        />
      ),
    });
  };

  forEachLanguage(crewPaths.photos(':caseNumber'), (url, lang) => {
    app.get(
      url,
      { preHandler: mayReadPhotos, schema: { hide: true, params: NumberParams, querystring: DoneQuery } },
      async (request, reply) => {
        const report = await crewCaseOr404(request.params.caseNumber, lang);
        return showPhotos(request, reply, report, {
          failed: null,
          problems: [],
          done: request.query.done === 'hidden',
          status: 200,
        });
      },
    );
  });

  forEachLanguage(crewPaths.hidePhoto(':caseNumber', ':photoId'), (url, lang) => {
    app.post(
      url,
      { preHandler: mayReadPhotos, schema: { hide: true, params: PhotoParams, body: postedForm } },
      async (request, reply) => {
        const report = await crewCaseOr404(request.params.caseNumber, lang);
        const { photoId } = request.params;
        if (!isUuid(photoId)) throw notFound(text(lang, 'photoNotFound'));
        const context = casesContext(request, deps);
        return submitForm({
          form: hideForm,
          body: request.body,
          lang,
          run: (values) =>
            hideReportPhoto(context, staffCaseActor(request), { report, photoId, reason: values.reason }),
          done: () =>
            reply.redirect(`${localePath(lang, crewPaths.photos(report.caseNumber))}?done=hidden`, 303),
          showAgain: (values, outcome) =>
            showPhotos(request, reply, report, {
              failed: { photoId, reason: values.reason },
              problems: outcome.problems,
              done: false,
              status: outcome.status,
            }),
        });
      },
    );
  });

  forEachLanguage(crewPaths.staffPhoto(':caseNumber', ':photoId', ':size' as 'thumb'), (url, lang) => {
    app.get(
      url,
      { preHandler: mayReadPhotos, schema: { hide: true, params: ImageParams } },
      async (request, reply) => {
        const { photoId, size } = request.params;
        if (!isUuid(photoId) || !(staffPhotoSizes as readonly string[]).includes(size))
          throw notFound(text(lang, 'photoNotFound'));
        const report = await crewCaseOr404(request.params.caseNumber, lang);
        await ensureMayReadCase(casesContext(request, deps), staffCaseActor(request), { caseId: report.id });
        const photo = await findReportPhoto(db, report.id, photoId);
        if (photo === null) throw notFound(text(lang, 'photoNotFound'));
        const sha256 =
          size === 'original'
            ? photo.originalSha256
            : size === 'public'
              ? photo.publicSha256
              : photo.thumbSha256;
        const mediaType = size === 'original' ? photo.originalMediaType : 'image/jpeg';
        const extension = mediaType === 'image/png' ? 'png' : mediaType === 'image/webp' ? 'webp' : 'jpg';
        const body = await openStoredFile(request, deps.files, sha256);
        return reply
          .code(200)
          .headers({
            'content-type': mediaType,
            // A download if opened, never a page of ours (an <img> ignores the disposition): issue 13.
            ...storedFileHeaders(`${report.caseNumber}-${photo.role}-${photo.position}-${size}.${extension}`),
            // Staff only, and a hidden photo must not linger in a shared cache.
            'cache-control': 'private, max-age=300',
          })
          .send(body);
      },
    );
  });

  await notFixedRoutes(app, deps);
}
