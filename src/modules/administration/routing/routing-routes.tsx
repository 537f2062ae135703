import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { Type } from 'typebox';
import { type StaffActorContext, staffActorContext } from '../../../platform/auth/actor-context.ts';
import { requireStaff } from '../../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  sendStaffPage,
  staffHomeCrumb,
} from '../../../platform/auth/staff-pages.ts';
import { pageCountOf } from '../../../platform/db/paging.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { type DomainError, type FieldProblem, notFound } from '../../../platform/http/errors.ts';
import { isUuid } from '../../../platform/http/ids.ts';
import { fieldLimits, transportLength } from '../../../platform/web/components/field-limits.ts';
import { type FormProblems, problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import { pageNumberOf } from '../../../platform/web/components/pagination.tsx';
import { postedForm } from '../../../platform/web/components/read-form.ts';
import { submitForm } from '../../../platform/web/components/submit-form.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import {
  changeRoutingRule,
  createRoutingRule,
  deleteRoutingRule,
  districtWords,
  findRoutingRuleId,
  getRoutingRule,
  type ListedRoutingRule,
  listRoutingRulesPage,
  nameIn,
  previewRoutingRule,
  previewRoutingRuleRemoval,
  type RoutingManager,
  type RoutingPreview,
  routingCheckText,
  routingChoices,
} from '../../cases/index.ts';
import { administrationPaths as paths } from '../administration-paths.ts';
import {
  districtCodeOf,
  districtValueOf,
  fieldLabels,
  fieldOrder,
  newRuleForm,
  ruleForm,
} from './routing-form.ts';
import { type RoutingTextKey, routingText as text } from './routing-messages.ts';
import { RoutingListPage } from './views/routing-list-page.tsx';
import { RoutingPreviewPage, RoutingRuleFormPage, type RuleFormValues } from './views/routing-rule-pages.tsx';

/**
 * Routing rules without a terminal (issue 17 §4): admins manage every service's rules, a supervisor those of
 * their unit's services (and may send them to any unit that takes cases: handing a district's cases to the
 * unit working there is what the rules are for). Every write goes through a preview of the open cases it
 * concerns, then a confirmation; the use cases are the CLI's (`onewindow routing:*`).
 */
const mayManage = requireStaff({ roles: ['admin', 'supervisor'] });

const pageSize = 50;
const token = Type.Optional(Type.String({ maxLength: transportLength(fieldLimits.token) }));
const ListQuery = Type.Object({ service: token, unit: token, page: token, done: token });
const NewQuery = Type.Object({ service: token });
const RuleParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const RuleQuery = Type.Object({ done: token });

const doneMessages: Readonly<Record<string, RoutingTextKey>> = {
  created: 'created',
  changed: 'changed',
  removed: 'removed',
};

/** The signed-in admin or supervisor as the use cases take them. */
function managerOf(actor: StaffActorContext): RoutingManager {
  return {
    servicesOfUnit: actor.staff.role === 'admin' ? null : (actor.staff.unitCode ?? ''),
    auditActor: actor.auditActor,
    origin: actor.origin,
    now: actor.now,
    lang: actor.lang,
  };
}

/** The problems a refusal shows: a conflict's own (or its sentence, when it names no field) or the form's. */
function problemsOf(outcome: { problems: FieldProblem[]; conflict: DomainError | null }): FieldProblem[] {
  if (outcome.conflict === null) return outcome.problems;
  return outcome.conflict.problems.length > 0
    ? outcome.conflict.problems
    : [{ field: '', code: 'conflict', message: outcome.conflict.message }];
}

function onPage(lang: Lang, problems: readonly FieldProblem[]): FormProblems {
  return problemsOnPage(problems, {
    lang,
    labels: fieldLabels(lang),
    order: fieldOrder,
    targetOf: (field) => (field === 'step' || field === 'previousUnit' ? '' : field),
  });
}

type StepResult =
  | { kind: 'edit'; values: RuleFormValues }
  | { kind: 'preview'; preview: RoutingPreview; carried: Record<string, string> }
  | { kind: 'saved'; location: string };

export async function routingRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  keepStaffPagesOutOfCaches(app);

  const send = (
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      title: string;
      body: ComponentChildren;
      status?: number;
      hasError?: boolean;
      isList?: boolean;
    },
  ) =>
    sendStaffPage(request, reply, {
      title: options.title,
      body: options.body,
      status: options.status ?? 200,
      hasError: options.hasError ?? false,
      breadcrumbs: [
        staffHomeCrumb(request.lang),
        ...(options.isList ? [] : [{ text: text(request.lang, 'listTitle'), href: paths.routing }]),
      ],
    });

  /** The first step: a new rule's form, or a rule's page (its unit and note, its removal). */
  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      manager: Pick<RoutingManager, 'servicesOfUnit' | 'lang'>;
      rule: ListedRoutingRule | null;
      values: RuleFormValues;
      problems: readonly FieldProblem[];
      status?: number;
    },
  ) {
    const { lang } = options.manager;
    const choices = await routingChoices(db, options.manager);
    const values = options.values;
    const collides =
      options.rule === null && options.problems.some((problem) => problem.code === 'rule_exists');
    const existingRuleId = collides
      ? await findRoutingRuleId(db, {
          serviceCode: values.service,
          districtCode: districtCodeOf(values.district),
        })
      : null;
    const problems = onPage(lang, options.problems);
    return send(request, reply, {
      title:
        options.rule === null
          ? text(lang, 'newTitle')
          : text(lang, 'editTitle', {
              service: nameIn(lang, options.rule.service),
              district: districtWords(lang, options.rule.district),
            }),
      status: options.status ?? 200,
      hasError: problems.hasAny,
      body: (
        <RoutingRuleFormPage
          lang={lang}
          csrfToken={request.csrfToken}
          rule={options.rule}
          isSupervisor={options.manager.servicesOfUnit !== null}
          choices={{
            services: choices.services,
            districts: choices.districts,
            units: choices.units.filter((unit) => unit.isActive),
          }}
          values={values}
          problems={problems}
          existingRuleId={existingRuleId}
        />
      ),
    });
  }

  function showPreview(
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      action: string;
      kind: 'create' | 'change' | 'remove';
      preview: RoutingPreview;
      carried: Record<string, string>;
    },
  ) {
    const lang = request.lang;
    return send(request, reply, {
      title: text(lang, options.kind === 'remove' ? 'removeTitle' : 'previewTitle'),
      body: <RoutingPreviewPage lang={lang} csrfToken={request.csrfToken} {...options} />,
    });
  }

  /** What a step of a rule's form answers: the list once saved, the preview, or the form again. */
  function answerStep(
    request: FastifyRequest,
    reply: FastifyReply,
    result: StepResult,
    step: {
      manager: Pick<RoutingManager, 'servicesOfUnit' | 'lang'>;
      rule: ListedRoutingRule | null;
      action: string;
      kind: (carried: Record<string, string>) => 'create' | 'change' | 'remove';
    },
  ) {
    if (result.kind === 'saved') return reply.redirect(result.location, 303);
    if (result.kind === 'preview')
      return showPreview(request, reply, {
        action: step.action,
        kind: step.kind(result.carried),
        preview: result.preview,
        carried: result.carried,
      });
    return showForm(request, reply, {
      manager: step.manager,
      rule: step.rule,
      values: result.values,
      problems: [],
    });
  }

  forEachLanguage(paths.routing, (url, lang) => {
    app.get(
      url,
      { preHandler: mayManage, schema: { hide: true, querystring: ListQuery } },
      async (request, reply) => {
        const manager = managerOf(staffActorContext(request, deps));
        const choices = await routingChoices(db, manager);
        const ignored: string[] = [];
        const known = (value: string | undefined, codes: readonly { code: string }[]) => {
          const trimmed = value?.trim() ?? '';
          if (trimmed === '') return '';
          if (codes.some((choice) => choice.code === trimmed)) return trimmed;
          ignored.push(trimmed);
          return '';
        };
        const filter = {
          service: known(request.query.service, choices.services),
          unit: known(request.query.unit, choices.units),
        };
        const page = pageNumberOf(request.query.page);
        const { rules, total } = await listRoutingRulesPage(db, {
          ...manager,
          serviceCode: filter.service || undefined,
          unitCode: filter.unit || undefined,
          page,
          pageSize,
        });
        const done = request.query.done === undefined ? undefined : doneMessages[request.query.done];
        return send(request, reply, {
          title: text(lang, 'listTitle'),
          isList: true,
          body: (
            <RoutingListPage
              lang={lang}
              isSupervisor={manager.servicesOfUnit !== null}
              rules={rules}
              total={total}
              page={page}
              pageCount={pageCountOf(total, pageSize)}
              filter={filter}
              choices={choices}
              ignored={ignored}
              successMessage={done === undefined ? null : text(lang, done)}
            />
          ),
        });
      },
    );
  });

  forEachLanguage(paths.routingNew, (url, lang) => {
    app.get(
      url,
      { preHandler: mayManage, schema: { hide: true, querystring: NewQuery } },
      async (request, reply) => {
        const manager = managerOf(staffActorContext(request, deps));
        const service = request.query.service?.trim() ?? '';
        return showForm(request, reply, {
          manager,
          rule: null,
          values: { service, district: '', unit: '', note: '' },
          problems: [],
        });
      },
    );

    app.post(
      url,
      { preHandler: mayManage, schema: { hide: true, body: postedForm } },
      async (request, reply) => {
        const manager = managerOf(staffActorContext(request, deps));
        return submitForm({
          form: newRuleForm,
          body: request.body,
          lang,
          isConflictShown: true,
          run: async (values): Promise<StepResult> => {
            const draft = {
              serviceCode: values.service,
              districtCode: districtCodeOf(values.district),
              unitCode: values.unit,
              note: values.note,
            };
            if (values.step === 'edit') return { kind: 'edit', values };
            if (values.step === 'preview') {
              const preview = await previewRoutingRule(db, draft, manager);
              const { service, district, unit, note } = values;
              return { kind: 'preview', preview, carried: { service, district, unit, note } };
            }
            await createRoutingRule(db, draft, manager);
            return { kind: 'saved', location: `${localePath(lang, paths.routing)}?done=created` };
          },
          done: (result) =>
            answerStep(request, reply, result, { manager, rule: null, action: url, kind: () => 'create' }),
          showAgain: (values, outcome) =>
            showForm(request, reply, {
              manager,
              rule: null,
              values,
              problems: problemsOf(outcome),
              status: outcome.status,
            }),
        });
      },
    );
  });

  forEachLanguage(paths.routingRulePattern, (url, lang) => {
    /** The rule named in the address, if the reader may manage it (404, 403 otherwise). */
    const ruleOf = (id: string, manager: RoutingManager) => {
      if (!isUuid(id)) throw notFound(routingCheckText(lang, 'notFound'));
      return getRoutingRule(db, { ...manager, id });
    };

    app.get(
      url,
      { preHandler: mayManage, schema: { hide: true, params: RuleParams, querystring: RuleQuery } },
      async (request, reply) => {
        const manager = managerOf(staffActorContext(request, deps));
        const rule = await ruleOf(request.params.id, manager);
        return showForm(request, reply, {
          manager,
          rule,
          values: valuesOf(rule),
          problems: [],
        });
      },
    );

    app.post(
      url,
      { preHandler: mayManage, schema: { hide: true, params: RuleParams, body: postedForm } },
      async (request, reply) => {
        const manager = managerOf(staffActorContext(request, deps));
        const rule = await ruleOf(request.params.id, manager);
        const action = localePath(lang, paths.routingRule(rule.id));
        return submitForm({
          form: ruleForm,
          body: request.body,
          lang,
          isConflictShown: true,
          run: async (values): Promise<StepResult> => {
            const key = { serviceCode: rule.service.code, districtCode: rule.district?.code ?? null };
            const shown = { ...valuesOf(rule), unit: values.unit, note: values.note };
            switch (values.step) {
              case 'edit':
                return { kind: 'edit', values: shown };
              case 'preview': {
                const draft = { ...key, unitCode: values.unit, note: values.note };
                const preview = await previewRoutingRule(db, draft, manager, { ruleId: rule.id });
                const carried = { unit: values.unit, note: values.note, previousUnit: values.previousUnit };
                return { kind: 'preview', preview, carried };
              }
              case 'confirm':
                await changeRoutingRule(
                  db,
                  {
                    id: rule.id,
                    unitCode: values.unit,
                    note: values.note,
                    expectedUnitCode: values.previousUnit,
                  },
                  manager,
                );
                return { kind: 'saved', location: `${localePath(lang, paths.routing)}?done=changed` };
              case 'remove-preview': {
                const preview = await previewRoutingRuleRemoval(db, { id: rule.id }, manager);
                return { kind: 'preview', preview, carried: { previousUnit: values.previousUnit } };
              }
              case 'remove':
                await deleteRoutingRule(db, { id: rule.id, expectedUnitCode: values.previousUnit }, manager);
                return { kind: 'saved', location: `${localePath(lang, paths.routing)}?done=removed` };
            }
          },
          done: (result) =>
            answerStep(request, reply, result, {
              manager,
              rule,
              action,
              kind: (carried) => (carried.unit === undefined ? 'remove' : 'change'),
            }),
          showAgain: (values, outcome) =>
            showForm(request, reply, {
              manager,
              rule,
              values: { ...valuesOf(rule), unit: values.unit, note: values.note },
              problems: problemsOf(outcome),
              status: outcome.status,
            }),
        });
      },
    );
  });
}

/** A rule as its form shows it first. */
function valuesOf(rule: ListedRoutingRule): RuleFormValues {
  return {
    service: rule.service.code,
    district: districtValueOf(rule.district?.code ?? null),
    unit: rule.unit.code,
    note: rule.note,
  };
}
