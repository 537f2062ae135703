import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { staffActorContext } from '../../../platform/auth/actor-context.ts';
import { requireStaff } from '../../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  sendStaffPage,
  staffHomeCrumb,
} from '../../../platform/auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { type FieldProblem, notFound } from '../../../platform/http/errors.ts';
import { findUnitRow, listUnitRows, type UnitRow } from '../../../platform/reference/unit-admin-service.ts';
import { FormProblems, problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import { postedForm } from '../../../platform/web/components/read-form.ts';
import { submitForm } from '../../../platform/web/components/submit-form.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import { administrationPaths } from '../administration-paths.ts';
import { type UnitFormValues, unitDetailsOf, unitForm } from './unit-form.ts';
import { unitsText as text } from './units-messages.ts';
import { updateUnit } from './units-service.ts';
import { UnitEditPage, UnitListPage } from './views/units-pages.tsx';

/** Units are the admin's alone. */
const mayUse = requireStaff({ roles: ['admin'] });

const ListQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 100 })) });
const UnitParams = Type.Object({ code: Type.String({ maxLength: 100 }) });

/** A unit code as the table keeps them: lower-case letters, digits and dashes. */
const isUnitCode = (code: string) => /^[a-z0-9][a-z0-9-]{0,59}$/.test(code);

/** The form's values from the row, the contacts' check left unticked: ticking it is a fresh statement. */
function valuesOf(unit: UnitRow): UnitFormValues {
  const { code: _code, sortOrder: _order, ...details } = unit;
  return { ...details, isContactVerified: false };
}

export async function unitsRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  keepStaffPagesOutOfCaches(app);

  forEachLanguage(administrationPaths.units, (url, lang) => {
    app.get(
      url,
      { preHandler: mayUse, schema: { hide: true, querystring: ListQuery } },
      async (request, reply) => {
        const rows = await listUnitRows(deps.db);
        const saved = rows.find((row) => row.code === request.query.saved);
        return sendStaffPage(request, reply, {
          title: text(lang, 'listTitle'),
          breadcrumbs: [staffHomeCrumb(lang)],
          body: (
            <UnitListPage
              lang={lang}
              rows={rows}
              saved={
                saved === undefined
                  ? null
                  : text(lang, 'saved', { name: lang === 'en' ? saved.nameEn : saved.nameZh })
              }
            />
          ),
        });
      },
    );
  });

  forEachLanguage(administrationPaths.unitPattern, (url, lang) => {
    const unitOf = async (request: FastifyRequest): Promise<UnitRow> => {
      const { code } = request.params as { code: string };
      const unit = isUnitCode(code) ? await findUnitRow(deps.db, code) : null;
      if (unit === null) throw notFound(text(lang, 'unitNotFound'));
      return unit;
    };
    const show = (
      request: FastifyRequest,
      reply: FastifyReply,
      view: { unit: UnitRow; values: UnitFormValues; problems: FormProblems },
      status = 200,
    ) =>
      sendStaffPage(request, reply, {
        title: text(lang, 'editTitle', { name: lang === 'en' ? view.unit.nameEn : view.unit.nameZh }),
        status,
        hasError: view.problems.hasAny,
        breadcrumbs: [
          staffHomeCrumb(lang),
          { text: text(lang, 'listTitle'), href: administrationPaths.units },
        ],
        body: <UnitEditPage lang={lang} csrfToken={request.csrfToken} {...view} />,
      });

    app.get(
      url,
      { preHandler: mayUse, schema: { hide: true, params: UnitParams } },
      async (request, reply) => {
        const unit = await unitOf(request);
        return show(request, reply, { unit, values: valuesOf(unit), problems: FormProblems.none });
      },
    );

    app.post(
      url,
      { preHandler: mayUse, schema: { hide: true, params: UnitParams, body: postedForm } },
      async (request, reply) => {
        const unit = await unitOf(request);
        const actor = staffActorContext(request, deps);
        return submitForm({
          form: unitForm,
          body: request.body,
          lang,
          run: (values) =>
            updateUnit(deps.db, {
              code: unit.code,
              values,
              actor: actor.auditActor,
              origin: actor.origin,
              now: actor.now,
              lang,
            }),
          done: () =>
            reply.redirect(
              `${localePath(lang, administrationPaths.units)}?saved=${encodeURIComponent(unit.code)}`,
              303,
            ),
          showAgain: (values, outcome) =>
            show(
              request,
              reply,
              {
                unit,
                values,
                problems: problemsOnPage(everyProblem(outcome.problems, values, unit, lang), {
                  lang,
                  labels: labelsOf(lang),
                  order: Object.keys(unitForm.labels),
                }),
              },
              outcome.status,
            ),
          isConflictShown: false,
        });
      },
    );
  });
}

/** The form's problems and the rules' (a phone that cannot be called) together: every problem at once. */
function everyProblem(
  problems: readonly FieldProblem[],
  values: UnitFormValues,
  unit: UnitRow,
  lang: Lang,
): FieldProblem[] {
  const rules = unitDetailsOf(values, unit, lang).problems;
  return [...problems, ...rules.filter((rule) => !problems.some((problem) => problem.field === rule.field))];
}

function labelsOf(lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.entries(unitForm.labels).map(([name, words]) => [name, words[lang]]));
}
