import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { staffActorContext } from '../../platform/auth/actor-context.ts';
import { requireStaff } from '../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  postStaffForm,
  sendStaffPage,
  staffHomeCrumb,
} from '../../platform/auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../../platform/http/app-types.ts';
import { type FieldProblem, notFound } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { fieldLimits, transportLength } from '../../platform/web/components/field-limits.ts';
import { FormProblems, problemsOnPage } from '../../platform/web/components/form-problems.ts';
import { postedForm } from '../../platform/web/components/read-form.ts';
import { submitForm } from '../../platform/web/components/submit-form.ts';
import { forEachLanguage, type Lang, localePath } from '../../platform/web/i18n.ts';
import {
  defaultPetitionRules,
  endDesignationForm,
  officerForm,
  type PetitionTypeFormValues,
  petitionTypeForm,
  typeChangeOf,
  typeFormValuesOf,
  typeRuleProblems,
} from './petition-admin-form.ts';
import { petitionAdminText as text } from './petition-admin-messages.ts';
import {
  designatePetitionOfficer,
  endPetitionOfficerDesignation,
  findPetitionService,
  listPetitionOfficers,
  listPetitionServices,
  type PetitionService,
  savePetitionType,
} from './petition-admin-service.ts';
import { petitionPaths } from './petition-paths.ts';
import {
  PetitionOfficersPage,
  PetitionTypeEditPage,
  PetitionTypesPage,
} from './views/petition-admin-pages.tsx';

/** The petition types' rules and the designated officers are the admins' (issue 17): 403 for every other role. */
const mayAdminister = requireStaff({ roles: ['admin'] });

const query = Type.Optional(Type.String({ maxLength: transportLength(fieldLimits.token) }));
const TypesQuery = Type.Object({ saved: query });
const TypeParams = Type.Object({ code: Type.String({ maxLength: transportLength(fieldLimits.code) }) });
const OfficersQuery = Type.Object({ done: query, staff: query });
const OfficerParams = Type.Object({
  staffId: Type.String({ maxLength: transportLength(fieldLimits.token) }),
});

/** A service code as the catalogue keeps them: lower-case letters, digits and dashes. */
const isServiceCode = (code: string) => /^[a-z0-9][a-z0-9-]{0,99}$/.test(code);

const labelsOf = (lang: Lang, labels: Readonly<Record<string, Readonly<Record<Lang, string>>>>) =>
  Object.fromEntries(Object.entries(labels).map(([name, words]) => [name, words[lang]]));

/**
 * `/staff/petitions/types` (every catalogue service of kind petition and its rules), a type's form, and
 * `/staff/petitions/officers` (designate, end a designation): the same use cases as `petitions:type` and
 * `petitions:officer` (petition-admin-service.ts).
 */
export async function petitionAdminRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  keepStaffPagesOutOfCaches(app);

  forEachLanguage(petitionPaths.types, (url, lang) => {
    app.get(
      url,
      { preHandler: mayAdminister, schema: { hide: true, querystring: TypesQuery } },
      async (request, reply) => {
        const services = await listPetitionServices(deps.db);
        const saved = services.find((service) => service.serviceCode === request.query.saved);
        return sendStaffPage(request, reply, {
          title: text(lang, 'typesTitle'),
          breadcrumbs: [staffHomeCrumb(lang)],
          body: (
            <PetitionTypesPage
              lang={lang}
              services={services}
              saved={
                saved === undefined
                  ? null
                  : text(lang, 'typeSaved', { name: lang === 'en' ? saved.nameEn : saved.nameZh })
              }
            />
          ),
        });
      },
    );
  });

  forEachLanguage(petitionPaths.typePattern, (url, lang) => {
    const serviceOf = async (request: FastifyRequest): Promise<PetitionService> => {
      const { code } = request.params as { code: string };
      const service = isServiceCode(code) ? await findPetitionService(deps.db, code) : null;
      if (service === null) throw notFound(text(lang, 'typeNotFound'));
      return service;
    };
    const show = (
      request: FastifyRequest,
      reply: FastifyReply,
      view: { service: PetitionService; values: PetitionTypeFormValues; problems: FormProblems },
      status = 200,
    ) =>
      sendStaffPage(request, reply, {
        title: text(lang, 'typeTitle', { name: lang === 'en' ? view.service.nameEn : view.service.nameZh }),
        status,
        hasError: view.problems.hasAny,
        breadcrumbs: [staffHomeCrumb(lang), { text: text(lang, 'typesTitle'), href: petitionPaths.types }],
        body: <PetitionTypeEditPage lang={lang} csrfToken={request.csrfToken} {...view} />,
      });

    app.get(
      url,
      { preHandler: mayAdminister, schema: { hide: true, params: TypeParams } },
      async (request, reply) => {
        const service = await serviceOf(request);
        return show(request, reply, {
          service,
          values: typeFormValuesOf(service.rules ?? defaultPetitionRules),
          problems: FormProblems.none,
        });
      },
    );

    app.post(
      url,
      { preHandler: mayAdminister, schema: { hide: true, params: TypeParams, body: postedForm } },
      async (request, reply) => {
        const service = await serviceOf(request);
        const actor = staffActorContext(request, deps);
        return submitForm({
          form: petitionTypeForm,
          body: request.body,
          lang,
          run: (values) =>
            savePetitionType(deps.db, {
              serviceCode: service.serviceCode,
              change: typeChangeOf(values),
              actor: actor.auditActor,
              origin: actor.origin,
              now: actor.now,
              lang,
            }),
          done: () =>
            reply.redirect(
              `${localePath(lang, petitionPaths.types)}?saved=${encodeURIComponent(service.serviceCode)}`,
              303,
            ),
          showAgain: (values, outcome) =>
            show(
              request,
              reply,
              {
                service,
                values,
                problems: problemsOnPage(everyTypeProblem(outcome.problems, values, lang), {
                  lang,
                  labels: labelsOf(lang, petitionTypeForm.labels),
                  order: Object.keys(petitionTypeForm.labels),
                }),
              },
              outcome.status,
            ),
        });
      },
    );
  });

  forEachLanguage(petitionPaths.officers, (url, lang) => {
    const show = async (
      request: FastifyRequest,
      reply: FastifyReply,
      view: { values: { email: string }; problems: FormProblems; notice: string | null },
      status = 200,
    ) =>
      sendStaffPage(request, reply, {
        title: text(lang, 'officersTitle'),
        status,
        hasError: view.problems.hasAny,
        breadcrumbs: [staffHomeCrumb(lang)],
        body: (
          <PetitionOfficersPage
            lang={lang}
            csrfToken={request.csrfToken}
            officers={await listPetitionOfficers(deps.db)}
            {...view}
          />
        ),
      });

    app.get(
      url,
      { preHandler: mayAdminister, schema: { hide: true, querystring: OfficersQuery } },
      async (request, reply) => {
        const { done, staff } = request.query;
        const officers = done === 'designated' ? await listPetitionOfficers(deps.db) : [];
        const designated = officers.find((officer) => officer.staffId === staff);
        const notice =
          done === 'ended'
            ? text(lang, 'ended')
            : designated === undefined
              ? null
              : text(lang, 'designated', { name: designated.displayName });
        return show(request, reply, { values: { email: '' }, problems: FormProblems.none, notice });
      },
    );

    postStaffForm(app, deps, {
      url,
      lang,
      preHandler: mayAdminister,
      form: officerForm,
      run: (values, actor) =>
        designatePetitionOfficer(deps.db, {
          email: values.email,
          actor: actor.auditActor,
          origin: actor.origin,
          now: actor.now,
          lang,
        }),
      done: (_request, reply, designated) =>
        reply.redirect(
          `${localePath(lang, petitionPaths.officers)}?done=designated&staff=${designated.staffId}`,
          303,
        ),
      showAgain: (request, reply, values, outcome) =>
        show(
          request,
          reply,
          {
            values,
            problems: problemsOnPage([...outcome.problems, ...(outcome.conflict?.problems ?? [])], {
              lang,
              labels: labelsOf(lang, officerForm.labels),
            }),
            notice: null,
          },
          outcome.status,
        ),
      isConflictShown: true,
    });
  });

  forEachLanguage(petitionPaths.officerEndPattern, (url, lang) => {
    app.post(
      url,
      { preHandler: mayAdminister, schema: { hide: true, params: OfficerParams, body: postedForm } },
      async (request, reply) => {
        const { staffId } = request.params;
        if (!isUuid(staffId)) throw notFound(text(lang, 'officerNotFound'));
        const actor = staffActorContext(request, deps);
        return submitForm({
          form: endDesignationForm,
          body: request.body,
          lang,
          run: () =>
            endPetitionOfficerDesignation(deps.db, {
              staffId,
              actor: actor.auditActor,
              origin: actor.origin,
              now: actor.now,
              lang,
            }),
          done: () => reply.redirect(`${localePath(lang, petitionPaths.officers)}?done=ended`, 303),
          // The form has no fields: nothing to show again.
          showAgain: () => reply.redirect(localePath(lang, petitionPaths.officers), 303),
        });
      },
    );
  });
}

/** The form's problems and the rules' (an outer limit out of 1–60) together: every problem at once. */
function everyTypeProblem(
  problems: readonly FieldProblem[],
  values: PetitionTypeFormValues,
  lang: Lang,
): FieldProblem[] {
  const rules = typeRuleProblems(typeChangeOf(values), lang);
  return [...problems, ...rules.filter((rule) => !problems.some((problem) => problem.field === rule.field))];
}
