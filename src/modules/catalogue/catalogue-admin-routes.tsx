import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestOrigin } from '../../platform/auth/actor-context.ts';
import { staffActor } from '../../platform/auth/audit-log.ts';
import { staffPaths } from '../../platform/auth/auth-paths.ts';
import { requireStaff, signedInStaff } from '../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  type StaffPageOptions,
  sendStaffPage,
  staffHomeCrumb,
} from '../../platform/auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../../platform/http/app-types.ts';
import { csrfHeaderName } from '../../platform/http/csrf.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { listUnits } from '../../platform/reference/reference-repo.ts';
import { SERVICE_CLASSIFICATIONS } from '../../platform/reference/service-classification.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { forEachLanguage, localePath } from '../../platform/web/i18n.ts';
import {
  blankRowsStep,
  bodyValue,
  defaultBlankRows,
  emptyServiceForm,
  type FormBody,
  formOfBody,
  formOfDefinition,
  maxBlankRows,
} from './catalogue-admin-form.ts';
import { catalogueAdminText as text } from './catalogue-admin-messages.ts';
import { saveServiceForm } from './catalogue-admin-service.ts';
import { catalogueText } from './catalogue-messages.ts';
import { detailJson } from './catalogue-routes.tsx';
import {
  ServiceCodeParams,
  ServiceDefinition,
  ServiceDetailResponse,
  ServiceEditQuery,
  ServiceFormBody,
} from './catalogue-schemas.ts';
import {
  definitionOfService,
  getService,
  listServicesForEditors,
  listServiceVersions,
  publishServiceVersion,
  type ServiceDetail,
} from './catalogue-service.ts';
import { ServiceAdminListPage } from './views/service-admin-list-page.tsx';
import {
  catalogueAdminPaths,
  ServiceEditorPage,
  type ServiceEditorPageProps,
} from './views/service-editor-page.tsx';
import { ServiceVersionPage } from './views/service-version-page.tsx';

/** Who may create and edit services (pages and API alike). */
const editorRoles = ['admin', 'web_editor'] as const;

function notFound(lang: Lang): DomainError {
  return new DomainError('NOT_FOUND', catalogueText(lang, 'notFound'));
}

/** A whole number from a hidden field, or the fallback when it is missing or was tampered with. */
function hiddenNumber(body: FormBody, name: string, fallback: number): number {
  const value = bodyValue(body, name);
  return /^\d{1,6}$/.test(value) ? Number(value) : fallback;
}

/**
 * The editors' pages and API for the service catalogue: the list, a form to create a service and one to
 * edit it (plain HTML, no script needed), every earlier version read-only, and `POST /api/staff/services`.
 * Each publication is a new, immutable version (catalogue-service.ts). The public catalogue pages are
 * rendered per request, not kept in the page cache, so a publication shows there at once.
 */
export async function catalogueAdminRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db, clock } = deps;
  const editorsOnly = requireStaff({ roles: editorRoles });

  // Forms with CSRF tokens: no shared or browser cache may keep these pages.
  keepStaffPagesOutOfCaches(app);

  const sendAdminPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    { isList, ...options }: StaffPageOptions & { isList?: boolean },
  ) => {
    const breadcrumbs = [staffHomeCrumb(request.lang)];
    if (!isList) breadcrumbs.push({ text: text(request.lang, 'listTitle'), href: catalogueAdminPaths.list });
    return sendStaffPage(request, reply, { ...options, breadcrumbs });
  };

  type EditorView = Omit<ServiceEditorPageProps, 'lang' | 'csrfToken' | 'units' | 'classifications'>;

  const sendEditor = async (request: FastifyRequest, reply: FastifyReply, view: EditorView, status = 200) => {
    const lang = request.lang;
    const units = await listUnits(db, { activeOnly: true });
    const title =
      view.current === null
        ? text(lang, 'createTitle')
        : text(lang, 'editTitle', { name: lang === 'en' ? view.current.nameEn : view.current.nameZh });
    return sendAdminPage(request, reply, {
      title,
      status,
      hasError: view.problems.length > 0,
      body: (
        <ServiceEditorPage
          {...view}
          lang={lang}
          csrfToken={request.csrfToken}
          units={units}
          classifications={SERVICE_CLASSIFICATIONS}
        />
      ),
    });
  };

  const currentInfo = (service: ServiceDetail) => ({
    code: service.code,
    nameZh: service.nameZh,
    nameEn: service.nameEn,
    version: service.version,
    publishedAt: service.publishedAt,
    publishedBy: service.publishedBy,
  });

  forEachLanguage(catalogueAdminPaths.list, (url) => {
    app.get(url, { preHandler: editorsOnly, schema: { hide: true } }, async (request, reply) =>
      sendAdminPage(request, reply, {
        title: text(request.lang, 'listTitle'),
        isList: true,
        body: <ServiceAdminListPage lang={request.lang} services={await listServicesForEditors(db)} />,
      }),
    );
  });

  forEachLanguage(catalogueAdminPaths.create, (url, lang) => {
    app.get(url, { preHandler: editorsOnly, schema: { hide: true } }, async (request, reply) =>
      sendEditor(request, reply, {
        current: null,
        history: [],
        form: emptyServiceForm(),
        baseVersion: 0,
        blankRows: defaultBlankRows,
        problems: [],
        notice: null,
      }),
    );

    app.post(
      url,
      { preHandler: editorsOnly, schema: { hide: true, body: ServiceFormBody } },
      async (request, reply) => {
        const body = request.body;
        const form = formOfBody(body);
        const blankRows = Math.min(hiddenNumber(body, 'blankRows', defaultBlankRows), maxBlankRows);
        const view = { current: null, history: [], form, baseVersion: 0, notice: null };
        if (bodyValue(body, 'action') === 'add-rows') {
          return sendEditor(request, reply, {
            ...view,
            blankRows: Math.min(blankRows + blankRowsStep, maxBlankRows),
            problems: [],
            notice: text(lang, 'rowsAdded'),
          });
        }
        const outcome = await saveServiceForm(db, {
          form,
          expectedCurrentVersion: 0,
          actor: staffActor(signedInStaff(request)),
          now: clock.now(),
          lang,
          origin: requestOrigin(request),
        });
        if (outcome.kind === 'problems')
          return sendEditor(
            request,
            reply,
            { ...view, blankRows, problems: outcome.problems },
            outcome.status,
          );
        return reply.redirect(
          `${localePath(lang, catalogueAdminPaths.edit(outcome.code))}?published=${outcome.version}`,
          303,
        );
      },
    );
  });

  forEachLanguage('/staff/catalogue/:code/edit', (url, lang) => {
    app.get(
      url,
      {
        preHandler: editorsOnly,
        schema: { hide: true, params: ServiceCodeParams, querystring: ServiceEditQuery },
      },
      async (request, reply) => {
        const { query } = request;
        const current = await getService(db, { code: request.params.code });
        if (!current) throw notFound(lang);
        if (query.version !== undefined && query.version !== current.version) {
          const old = await getService(db, { code: current.code, version: query.version });
          if (!old) throw notFound(lang);
          return sendAdminPage(request, reply, {
            title: text(lang, 'oldVersionTitle', {
              name: lang === 'en' ? old.nameEn : old.nameZh,
              version: old.version,
            }),
            body: <ServiceVersionPage lang={lang} service={old} />,
          });
        }
        const notice =
          query.published !== undefined
            ? text(lang, 'published', { version: query.published })
            : query.unchanged === '1'
              ? text(lang, 'unchanged')
              : null;
        return sendEditor(request, reply, {
          current: currentInfo(current),
          history: await listServiceVersions(db, current.code),
          form: formOfDefinition(definitionOfService(current)),
          baseVersion: current.version,
          blankRows: defaultBlankRows,
          problems: [],
          notice,
        });
      },
    );

    app.post(
      url,
      { preHandler: editorsOnly, schema: { hide: true, params: ServiceCodeParams, body: ServiceFormBody } },
      async (request, reply) => {
        const body = request.body;
        const current = await getService(db, { code: request.params.code });
        if (!current) throw notFound(lang);
        const form = formOfBody(body, { code: current.code });
        const blankRows = Math.min(hiddenNumber(body, 'blankRows', defaultBlankRows), maxBlankRows);
        const baseVersion = hiddenNumber(body, 'baseVersion', current.version);
        const view = { current: currentInfo(current), form, notice: null };
        if (bodyValue(body, 'action') === 'add-rows') {
          return sendEditor(request, reply, {
            ...view,
            history: await listServiceVersions(db, current.code),
            baseVersion,
            blankRows: Math.min(blankRows + blankRowsStep, maxBlankRows),
            problems: [],
            notice: text(lang, 'rowsAdded'),
          });
        }
        const outcome = await saveServiceForm(db, {
          form,
          expectedCurrentVersion: baseVersion,
          actor: staffActor(signedInStaff(request)),
          now: clock.now(),
          lang,
          origin: requestOrigin(request),
        });
        const editPath = localePath(lang, catalogueAdminPaths.edit(current.code));
        switch (outcome.kind) {
          case 'published':
            return reply.redirect(`${editPath}?published=${outcome.version}`, 303);
          case 'unchanged':
            return reply.redirect(`${editPath}?unchanged=1`, 303);
          case 'problems': {
            // After a conflict the form carries the newer version: sending it again replaces that one, knowingly.
            const latest =
              outcome.currentVersion === current.version
                ? current
                : await getService(db, { code: current.code });
            return sendEditor(
              request,
              reply,
              {
                ...view,
                current: currentInfo(latest ?? current),
                history: await listServiceVersions(db, current.code),
                baseVersion: outcome.currentVersion ?? baseVersion,
                blankRows,
                problems: outcome.problems,
              },
              outcome.status,
            );
          }
        }
      },
    );
  });

  app.post(
    catalogueAdminPaths.api,
    {
      preHandler: editorsOnly,
      // publishServiceVersion checks the body itself and lists every problem in the caller's language (the
      // generic validator would stop at the shape and answer in English): the schema here documents it.
      validatorCompiler: () => () => true,
      schema: {
        tags: ['catalogue', 'staff'],
        summary: 'Publish a service: version 1 of a new code, or the next version of an existing one.',
        description: `For staff with the admin or web_editor role. Send the session's CSRF token (from GET ${staffPaths.sessionApi}) in the ${csrfHeaderName} header. Earlier versions never change. Every problem is listed at once: 400 VALIDATION_FAILED with errors[].field naming the JSON path (e.g. checklist.2.id).`,
        body: ServiceDefinition,
        response: { 201: ServiceDetailResponse },
      },
    },
    async (request, reply) => {
      const lang = request.lang;
      const published = await publishServiceVersion(db, {
        definition: request.body as unknown,
        actor: staffActor(signedInStaff(request)),
        now: clock.now(),
        lang,
        origin: requestOrigin(request),
      });
      const service = await getService(db, published);
      if (!service) throw new Error(`published ${published.code} version ${published.version} is missing`);
      reply
        .code(201)
        .header('location', `/api/services/${encodeURIComponent(service.code)}?version=${service.version}`);
      return detailJson(service, lang);
    },
  );
}
