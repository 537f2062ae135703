import type { FastifyReply, FastifyRequest } from 'fastify';
import { staffActorContext } from '../../platform/auth/actor-context.ts';
import { staffPaths } from '../../platform/auth/auth-paths.ts';
import { requireStaff } from '../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  type StaffPageOptions,
  sendStaffPage,
  staffHomeCrumb,
} from '../../platform/auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../../platform/http/app-types.ts';
import { csrfHeaderName } from '../../platform/http/csrf.ts';
import { DomainError, notFound } from '../../platform/http/errors.ts';
import { listUnits } from '../../platform/reference/reference-repo.ts';
import { SERVICE_CLASSIFICATIONS } from '../../platform/reference/service-classification.ts';
import { FormProblems } from '../../platform/web/components/form-problems.ts';
import { type PostedBody, postedForm, postedText } from '../../platform/web/components/read-form.ts';
import { forEachLanguage, type Lang, localePath } from '../../platform/web/i18n.ts';
import {
  blankRowsStep,
  defaultBlankRows,
  emptyServiceForm,
  formOfDefinition,
  hiddenNumber,
  maxBlankRows,
  readServiceForm,
} from './catalogue-admin-form.ts';
import { catalogueAdminText as text } from './catalogue-admin-messages.ts';
import { saveServiceForm } from './catalogue-admin-service.ts';
import { catalogueText } from './catalogue-messages.ts';
import { catalogueAdminPaths } from './catalogue-paths.ts';
import { detailJson } from './catalogue-routes.tsx';
import {
  ServiceCodeParams,
  ServiceDefinition,
  ServiceDetailResponse,
  ServiceEditQuery,
} from './catalogue-schemas.ts';
import {
  getService,
  listServicesForEditors,
  listServiceVersions,
  publishServiceVersion,
  type ServiceDetail,
} from './catalogue-service.ts';
import { definitionOfService } from './service-definition.ts';
import { editorProblemsOnPage } from './service-form-problems.ts';
import { ServiceAdminListPage } from './views/service-admin-list-page.tsx';
import { ServiceEditorPage, type ServiceEditorPageProps } from './views/service-editor-page.tsx';
import { ServiceVersionPage } from './views/service-version-page.tsx';

/** Who may create and edit services (pages and API alike). */
const editorRoles = ['admin', 'web_editor'] as const;

/** The editor as a route shows it: the service being edited (null: a new one) and the form's state. */
type EditorView = Omit<
  ServiceEditorPageProps,
  'lang' | 'csrfToken' | 'current' | 'history' | 'units' | 'classifications'
> & { current: ServiceDetail | null };

/**
 * The editors' pages and API for the service catalogue: the list, a form to create a service and one to
 * edit it (plain HTML, no script needed), every earlier version read-only, and `POST /api/staff/services`.
 * Each publication is a new, immutable version (catalogue-service.ts). The public catalogue pages are kept
 * as bytes, and a publication announces 'catalogue' to every process, so it shows there at once.
 */
export async function catalogueAdminRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  const editorsOnly = requireStaff({ roles: editorRoles });
  const serviceNotFound = (lang: Lang) => notFound(catalogueText(lang, 'notFound'));

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

  const showEditor = async (
    request: FastifyRequest,
    reply: FastifyReply,
    { current, ...view }: EditorView,
    status = 200,
  ) => {
    const lang = request.lang;
    const name = current === null ? null : lang === 'en' ? current.nameEn : current.nameZh;
    return sendAdminPage(request, reply, {
      title: name === null ? text(lang, 'createTitle') : text(lang, 'editTitle', { name }),
      status,
      hasError: view.problems.hasAny,
      body: (
        <ServiceEditorPage
          {...view}
          lang={lang}
          csrfToken={request.csrfToken}
          current={current}
          history={current === null ? [] : await listServiceVersions(db, current.code)}
          units={await listUnits(db, { activeOnly: true })}
          classifications={SERVICE_CLASSIFICATIONS}
        />
      ),
    });
  };

  /**
   * A posted editor form, new (`current` null) or an edit: more empty rows, or a publication — then the
   * edit page with its banner, or the form again with what was typed and every problem (400; 409 when the
   * only problem is a version published meanwhile, whose number the form then carries).
   */
  const publishFromForm = async (
    request: FastifyRequest<{ Body: PostedBody }>,
    reply: FastifyReply,
    current: ServiceDetail | null,
  ) => {
    const { lang, body } = request;
    const { form, problems: formProblems } = readServiceForm(body, { lang, code: current?.code });
    const blankRows = Math.min(hiddenNumber(body, 'blankRows', defaultBlankRows), maxBlankRows);
    const baseVersion = current === null ? 0 : hiddenNumber(body, 'baseVersion', current.version);
    if (postedText(body, 'action') === 'add-rows')
      return showEditor(request, reply, {
        current,
        form,
        baseVersion,
        blankRows: Math.min(blankRows + blankRowsStep, maxBlankRows),
        problems: FormProblems.none,
        notice: text(lang, 'rowsAdded'),
      });
    const actor = staffActorContext(request, deps);
    try {
      const outcome = await saveServiceForm(db, {
        form,
        formProblems,
        expectedCurrentVersion: baseVersion,
        actor: actor.auditActor,
        now: actor.now,
        lang,
        origin: actor.origin,
      });
      const editPath = localePath(lang, catalogueAdminPaths.edit(outcome.code));
      const banner = outcome.kind === 'unchanged' ? 'unchanged=1' : `published=${outcome.version}`;
      return reply.redirect(`${editPath}?${banner}`, 303);
    } catch (error) {
      if (
        !(error instanceof DomainError) ||
        (error.code !== 'VALIDATION_FAILED' && error.code !== 'CONFLICT')
      )
        throw error;
      // After a conflict the form carries the newer version: sending it again replaces that one, knowingly.
      const latest = current === null ? null : ((await getService(db, { code: current.code })) ?? current);
      return showEditor(
        request,
        reply,
        {
          current: latest,
          form,
          baseVersion: latest?.version ?? baseVersion,
          blankRows,
          problems: editorProblemsOnPage(error.problems, { lang, form, formProblems }),
          notice: null,
        },
        error.statusCode,
      );
    }
  };

  forEachLanguage(catalogueAdminPaths.list, (url, lang) => {
    app.get(url, { preHandler: editorsOnly, schema: { hide: true } }, async (request, reply) =>
      sendAdminPage(request, reply, {
        title: text(lang, 'listTitle'),
        isList: true,
        body: <ServiceAdminListPage lang={lang} services={await listServicesForEditors(db)} />,
      }),
    );
  });

  forEachLanguage(catalogueAdminPaths.create, (url) => {
    app.get(url, { preHandler: editorsOnly, schema: { hide: true } }, async (request, reply) =>
      showEditor(request, reply, {
        current: null,
        form: emptyServiceForm(),
        baseVersion: 0,
        blankRows: defaultBlankRows,
        problems: FormProblems.none,
        notice: null,
      }),
    );

    app.post(url, { preHandler: editorsOnly, schema: { hide: true, body: postedForm } }, (request, reply) =>
      publishFromForm(request, reply, null),
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
        if (!current) throw serviceNotFound(lang);
        if (query.version !== undefined && query.version !== current.version) {
          const old = await getService(db, { code: current.code, version: query.version });
          if (!old) throw serviceNotFound(lang);
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
        return showEditor(request, reply, {
          current,
          form: formOfDefinition(definitionOfService(current)),
          baseVersion: current.version,
          blankRows: defaultBlankRows,
          problems: FormProblems.none,
          notice,
        });
      },
    );

    app.post(
      url,
      { preHandler: editorsOnly, schema: { hide: true, params: ServiceCodeParams, body: postedForm } },
      async (request, reply) => {
        const current = await getService(db, { code: request.params.code });
        if (!current) throw serviceNotFound(lang);
        return publishFromForm(request, reply, current);
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
      const actor = staffActorContext(request, deps);
      const published = await publishServiceVersion(db, {
        definition: request.body as unknown,
        actor: actor.auditActor,
        now: actor.now,
        lang: actor.lang,
        origin: actor.origin,
      });
      const service = await getService(db, published);
      if (!service) throw new Error(`published ${published.code} version ${published.version} is missing`);
      reply
        .code(201)
        .header('location', `/api/services/${encodeURIComponent(service.code)}?version=${service.version}`);
      return detailJson(service, actor.lang);
    },
  );
}
