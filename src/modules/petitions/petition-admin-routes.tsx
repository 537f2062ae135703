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
import { notFound } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { adminRowRoutes } from '../../platform/web/admin-row-routes.ts';
import { fieldLimits, transportLength } from '../../platform/web/components/field-limits.ts';
import { FormProblems, problemsOnPage } from '../../platform/web/components/form-problems.ts';
import { labelsIn, postedForm } from '../../platform/web/components/read-form.ts';
import { submitForm } from '../../platform/web/components/submit-form.ts';
import { forEachLanguage, localePath } from '../../platform/web/i18n.ts';
import {
  defaultPetitionRules,
  endDesignationForm,
  officerForm,
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
const OfficersQuery = Type.Object({ done: query, staff: query });
const OfficerParams = Type.Object({
  staffId: Type.String({ maxLength: transportLength(fieldLimits.token) }),
});

/** A service code as the catalogue keeps them: lower-case letters, digits and dashes. */
const isServiceCode = (code: string) => /^[a-z0-9][a-z0-9-]{0,99}$/.test(code);

/**
 * `/staff/petitions/types` (every catalogue service of kind petition and its rules), a type's form, and
 * `/staff/petitions/officers` (designate, end a designation): the same use cases as `petitions:type` and
 * `petitions:officer` (petition-admin-service.ts).
 */
export async function petitionAdminRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  keepStaffPagesOutOfCaches(app);

  adminRowRoutes(app, deps, {
    listPath: petitionPaths.types,
    rowPattern: petitionPaths.typePattern,
    preHandler: mayAdminister,
    codeMaxLength: transportLength(fieldLimits.code),
    savedMaxLength: transportLength(fieldLimits.token),
    isCode: isServiceCode,
    listRows: () => listPetitionServices(deps.db),
    findRow: (code) => findPetitionService(deps.db, code),
    codeOf: (service) => service.serviceCode,
    listTitle: (lang) => text(lang, 'typesTitle'),
    savedText: (lang, service) =>
      text(lang, 'typeSaved', { name: lang === 'en' ? service.nameEn : service.nameZh }),
    rowTitle: (lang, service) =>
      text(lang, 'typeTitle', { name: lang === 'en' ? service.nameEn : service.nameZh }),
    rowNotFound: (lang) => text(lang, 'typeNotFound'),
    form: petitionTypeForm,
    valuesOf: (service) => typeFormValuesOf(service.rules ?? defaultPetitionRules),
    // An outer limit out of 1–60.
    ruleProblems: (values, _service, lang) => typeRuleProblems(typeChangeOf(values), lang),
    save: (values, service, actor, lang) =>
      savePetitionType(deps.db, {
        serviceCode: service.serviceCode,
        change: typeChangeOf(values),
        actor: actor.auditActor,
        origin: actor.origin,
        now: actor.now,
        lang,
      }),
    listPage: ({ rows, ...view }) => <PetitionTypesPage services={rows} {...view} />,
    rowPage: ({ row, ...view }) => <PetitionTypeEditPage service={row} {...view} />,
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
              labels: labelsIn(officerForm, lang),
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
