import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { type TObject, Type } from 'typebox';
import { type RequestOrigin, staffActor } from '../../../platform/auth/audit-log.ts';
import { requireStaff, signedInStaff } from '../../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  sendStaffPage,
  staffHomeCrumb,
} from '../../../platform/auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import { listUnits } from '../../../platform/reference/reference-repo.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import type { Breadcrumb } from '../../../platform/web/layout.tsx';
import type { ShownProblem } from '../shared/evidence-removal.tsx';
import {
  copyFormOf,
  type FormBody,
  headerFormOf,
  headerFormOfPlan,
  inputLabels,
  itemFormOf,
  itemFormOfItem,
  practiceFormOf,
  practiceFormOfPractice,
  removeFormOf,
  showProblems,
  strategyFormOf,
  strategyFormOfStrategy,
} from './plan-forms.ts';
import { type ControlTextKey, controlText as text } from './plan-messages.ts';
import { anchorOf, controlPaths } from './plan-paths.ts';
import {
  copyPlan,
  getPlan,
  listPlanChanges,
  listPlans,
  listPlanVersions,
  type MutationOptions,
  type PlanView,
  publishPlan,
  removeEntry,
  saveItem,
  savePlanHeader,
  savePractice,
  saveStrategy,
} from './plan-reads.ts';
import { lastYearOfFormerUnits } from './plan-rules.ts';
import { practiceRef, strategyRef } from './plan-types.ts';
import { PlanYearParams, unitNamesOf } from './public-plan-routes.tsx';
import {
  HeaderFormPage,
  ItemFormPage,
  PracticeFormPage,
  type RemovalProps,
  StrategyFormPage,
} from './views/staff-plan-forms.tsx';
import { StaffPlanListPage, StaffPlanPage } from './views/staff-plan-pages.tsx';

/** Who may copy, edit and publish plans: the secretariat (秘書室, which runs 管制查考) and administrators. */
export const planEditorRoles = ['admin', 'secretariat'] as const;

const uuidPattern = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const FormBodySchema = Type.Record(Type.String(), Type.Unknown());
const ItemParams = Type.Object({
  year: PlanYearParams.properties.year,
  itemId: Type.String({ pattern: uuidPattern }),
});
const StrategyParams = Type.Object({
  year: PlanYearParams.properties.year,
  strategyId: Type.String({ pattern: uuidPattern }),
});
const PracticeParams = Type.Object({
  year: PlanYearParams.properties.year,
  practiceId: Type.String({ pattern: uuidPattern }),
});
const OverviewQuery = Type.Object({
  saved: Type.Optional(Type.Integer({ minimum: 0 })),
  removed: Type.Optional(Type.Integer({ minimum: 0 })),
  published: Type.Optional(Type.Literal('1')),
  copied: Type.Optional(Type.Literal('1')),
});

function requestOrigin(request: FastifyRequest): RequestOrigin {
  return { ip: request.ip, requestId: request.id, userAgent: request.headers['user-agent'] ?? null };
}

function notFound(lang: Lang): DomainError {
  return new DomainError('NOT_FOUND', text(lang, 'notFound'));
}

/** A service call whose VALIDATION_FAILED / CONFLICT becomes the problems to show; anything else is thrown. */
async function attempt<T>(
  work: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; status: number; error: DomainError }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'VALIDATION_FAILED' || error.code === 'CONFLICT'))
      return { ok: false, status: error.statusCode, error };
    throw error;
  }
}

/** A form's service call: on problems the page again (`again`), else a 303 to `next`'s address. */
async function submit<T>(
  reply: FastifyReply,
  work: () => Promise<T>,
  again: (error: DomainError, status: number) => unknown,
  next: (value: T) => string,
): Promise<unknown> {
  const outcome = await attempt(work);
  return outcome.ok ? reply.redirect(next(outcome.value), 303) : again(outcome.error, outcome.status);
}

/**
 * The secretariat's plan pages: the list with the copy form, each plan's overview (publish, versions,
 * change log) and one plain form for the plan's texts, an item, a strategy or a practice, each listing every
 * problem at once. Published plans ask for a reason with each change (control-service.ts).
 */
export async function controlStaffRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db, clock } = deps;
  const editorsOnly = requireStaff({ roles: planEditorRoles });

  keepStaffPagesOutOfCaches(app);

  const mutation = (request: FastifyRequest): MutationOptions => ({
    actor: staffActor(signedInStaff(request)),
    now: clock.now(),
    lang: request.lang,
    origin: requestOrigin(request),
  });

  const send = (
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      title: string;
      body: ComponentChildren;
      status?: number;
      hasError?: boolean;
      plan?: PlanView | null;
    },
  ) => {
    const lang = request.lang;
    // Staff home › plans › the plan's year: the list has only the first, an overview the first two.
    const breadcrumbs: Breadcrumb[] = [staffHomeCrumb(lang)];
    if (options.plan !== undefined) {
      breadcrumbs.push({ text: text(lang, 'staffListTitle'), href: controlPaths.staffList });
      if (options.plan !== null)
        breadcrumbs.push({
          text: text(lang, 'planYear', { year: options.plan.year, rocYear: options.plan.rocYear }),
          href: controlPaths.staffPlan(options.plan.year),
        });
    }
    return sendStaffPage(request, reply, {
      title: options.title,
      body: options.body,
      breadcrumbs,
      ...(options.status === undefined ? {} : { status: options.status }),
      ...(options.hasError === undefined ? {} : { hasError: options.hasError }),
    });
  };

  const loadPlan = async (year: string, lang: Lang): Promise<PlanView> => {
    const plan = await getPlan(db, Number(year));
    if (!plan) throw notFound(lang);
    return plan;
  };

  const overviewUrl = (lang: Lang, year: number, query: string, anchor = '') =>
    `${localePath(lang, controlPaths.staffPlan(year))}${query === '' ? '' : `?${query}`}${anchor === '' ? '' : `#${anchor}`}`;

  const savedQuery = (version: number | null) => `saved=${version ?? 0}`;

  /** What a form page shows: the form sent back, its problems and removal answers, and the status. */
  type FormView<Form> = {
    form?: Form;
    problems?: ShownProblem[];
    removal?: { confirm: boolean; reason: string };
    status?: number;
  };
  const statusOf = (view: FormView<unknown>) => ({
    status: view.status ?? 200,
    hasError: (view.problems ?? []).length > 0,
  });

  // The list and the copy form.
  const sendList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    view: { form: { fromYear: string; toYear: string }; problems: ShownProblem[]; status?: number },
  ) => {
    const lang = request.lang;
    const plans = await listPlans(db, { publishedOnly: false });
    const latestPublished = plans.find((plan) => plan.status === 'published');
    const form =
      view.form.fromYear === '' && latestPublished
        ? { ...view.form, fromYear: String(latestPublished.year) }
        : view.form;
    return send(request, reply, {
      title: text(lang, 'staffListTitle'),
      status: view.status ?? 200,
      hasError: view.problems.length > 0,
      body: (
        <StaffPlanListPage
          lang={lang}
          csrfToken={request.csrfToken}
          plans={plans}
          form={form}
          problems={view.problems}
          notice={null}
        />
      ),
    });
  };

  forEachLanguage(controlPaths.staffList, (url) => {
    app.get(url, { preHandler: editorsOnly, schema: { hide: true } }, async (request, reply) =>
      sendList(request, reply, { form: { fromYear: '', toYear: '' }, problems: [] }),
    );
  });

  forEachLanguage(controlPaths.staffCopy, (url, lang) => {
    app.post(
      url,
      { preHandler: editorsOnly, schema: { hide: true, body: FormBodySchema } },
      async (request, reply) => {
        const form = copyFormOf(request.body as FormBody);
        return submit(
          reply,
          () => copyPlan(db, { ...mutation(request), form }),
          (error, status) =>
            sendList(request, reply, {
              form,
              problems: showProblems(error.problems, inputLabels.copy, lang),
              status,
            }),
          (value) => overviewUrl(lang, value.year, 'copied=1'),
        );
      },
    );
  });

  // A plan's overview, and publishing it.
  const sendOverview = async (
    request: FastifyRequest,
    reply: FastifyReply,
    plan: PlanView,
    view: { problems: ShownProblem[]; notice: string | null; status?: number },
  ) => {
    const lang = request.lang;
    return send(request, reply, {
      title: plan.title,
      status: view.status ?? 200,
      hasError: view.problems.length > 0,
      plan: null,
      body: (
        <StaffPlanPage
          lang={lang}
          csrfToken={request.csrfToken}
          plan={plan}
          versions={plan.status === 'published' ? await listPlanVersions(db, plan.id) : []}
          changes={plan.status === 'published' ? await listPlanChanges(db, plan.id) : []}
          unitNames={await unitNamesOf(deps)}
          problems={view.problems}
          notice={view.notice}
        />
      ),
    });
  };

  forEachLanguage('/staff/plans/:year', (url, lang) => {
    app.get(
      url,
      { preHandler: editorsOnly, schema: { hide: true, params: PlanYearParams, querystring: OverviewQuery } },
      async (request, reply) => {
        const plan = await loadPlan(request.params.year, lang);
        const { query } = request;
        const notice =
          query.copied !== undefined
            ? text(lang, 'copied', { year: plan.year, rocYear: plan.rocYear })
            : query.published !== undefined
              ? text(lang, 'published')
              : query.saved !== undefined
                ? query.saved > 0
                  ? text(lang, 'savedVersion', { version: query.saved })
                  : text(lang, 'saved')
                : query.removed !== undefined
                  ? query.removed > 0
                    ? text(lang, 'removedVersion', { version: query.removed })
                    : text(lang, 'removed')
                  : null;
        return sendOverview(request, reply, plan, { problems: [], notice });
      },
    );
  });

  forEachLanguage('/staff/plans/:year/publish', (url, lang) => {
    app.post(
      url,
      { preHandler: editorsOnly, schema: { hide: true, params: PlanYearParams, body: FormBodySchema } },
      async (request, reply) => {
        const plan = await loadPlan(request.params.year, lang);
        return submit(
          reply,
          () => publishPlan(db, plan.year, mutation(request)),
          (error, status) =>
            sendOverview(request, reply, plan, {
              problems: showProblems(error.problems, {}, lang),
              notice: null,
              status,
            }),
          () => overviewUrl(lang, plan.year, 'published=1'),
        );
      },
    );
  });

  type RouteParams = Record<string, string>;
  type Render<Form> = (
    request: FastifyRequest,
    reply: FastifyReply,
    plan: PlanView,
    params: RouteParams,
    view: FormView<Form>,
  ) => unknown;

  /**
   * One form page of the plan: GET shows it, POST sends the form to `save`. Problems show the page again
   * with them (`labels` name the inputs); success goes back to the overview, at `anchor`.
   */
  const formRoutes = <Form, Saved extends { version: number | null }>(
    url: string,
    lang: Lang,
    spec: {
      params: TObject;
      render: Render<Form>;
      formOf: (body: FormBody) => Form;
      labels: Readonly<Record<string, ControlTextKey>>;
      save: (request: FastifyRequest, plan: PlanView, params: RouteParams, form: Form) => Promise<Saved>;
      anchor: (params: RouteParams, saved: Saved) => string;
    },
  ) => {
    app.get(
      url,
      { preHandler: editorsOnly, schema: { hide: true, params: spec.params } },
      async (request, reply) => {
        const params = request.params as RouteParams;
        return spec.render(request, reply, await loadPlan(params.year ?? '', lang), params, {});
      },
    );
    app.post(
      url,
      { preHandler: editorsOnly, schema: { hide: true, params: spec.params, body: FormBodySchema } },
      async (request, reply) => {
        const params = request.params as RouteParams;
        const plan = await loadPlan(params.year ?? '', lang);
        const form = spec.formOf(request.body as FormBody);
        return submit(
          reply,
          () => spec.save(request, plan, params, form),
          (error, status) =>
            spec.render(request, reply, plan, params, {
              form,
              problems: showProblems(error.problems, spec.labels, lang),
              status,
            }),
          (saved) => overviewUrl(lang, plan.year, savedQuery(saved.version), spec.anchor(params, saved)),
        );
      },
    );
  };

  // The plan's own texts.
  forEachLanguage('/staff/plans/:year/header', (url, lang) => {
    formRoutes(url, lang, {
      params: PlanYearParams,
      render: (request, reply, plan, _params, view: FormView<ReturnType<typeof headerFormOf>>) => {
        const title = text(lang, 'headerTitle', { title: plan.title });
        return send(request, reply, {
          title,
          plan,
          ...statusOf(view),
          body: (
            <HeaderFormPage
              lang={lang}
              title={title}
              year={plan.year}
              action={controlPaths.staffHeader(plan.year)}
              isPublished={plan.status === 'published'}
              csrfToken={request.csrfToken}
              form={view.form ?? headerFormOfPlan(plan)}
              problems={view.problems ?? []}
            />
          ),
        });
      },
      formOf: headerFormOf,
      labels: inputLabels.header,
      save: (request, plan, _params, form) => savePlanHeader(db, plan.year, { ...mutation(request), form }),
      anchor: () => '',
    });
  });

  /** A removal: on success back to the overview; on problems the entry's edit page again, with them. */
  const removal = (
    lang: Lang,
    level: 'item' | 'strategy' | 'practice',
    path: string,
    form: { confirm: boolean; reason: string } = { confirm: false, reason: '' },
  ): RemovalProps => ({
    action: `${path}${controlPaths.removeSuffix}`,
    lead: text(
      lang,
      level === 'item'
        ? 'removeItemLead'
        : level === 'strategy'
          ? 'removeStrategyLead'
          : 'removePracticeLead',
    ),
    confirm: form.confirm,
    reason: form.reason,
  });
  const removalProblems = (error: DomainError, lang: Lang) =>
    showProblems(error.problems, inputLabels.removal, lang, { reason: 'removeReason' });
  /** The entry's removal route: `find` the entry (its id and where the overview opens after it goes). */
  const removeRoute = (
    url: string,
    lang: Lang,
    params: TObject,
    level: 'item' | 'strategy' | 'practice',
    find: (plan: PlanView, params: RouteParams) => { id: string; anchor: string },
    render: Render<never>,
  ) =>
    app.post(
      `${url}${controlPaths.removeSuffix}`,
      { preHandler: editorsOnly, schema: { hide: true, params, body: FormBodySchema } },
      async (request, reply) => {
        const routeParams = request.params as RouteParams;
        const plan = await loadPlan(routeParams.year ?? '', lang);
        const { id, anchor } = find(plan, routeParams);
        const form = removeFormOf(request.body as FormBody);
        return submit(
          reply,
          () => removeEntry(db, plan.year, { ...mutation(request), level, id, form }),
          (error, status) =>
            render(request, reply, plan, routeParams, {
              problems: removalProblems(error, lang),
              removal: form,
              status,
            }),
          (value) => overviewUrl(lang, plan.year, `removed=${value.version ?? 0}`, anchor),
        );
      },
    );

  // Items.
  const findItem = (plan: PlanView, itemId: string, lang: Lang) => {
    const item = plan.items.find((candidate) => candidate.id === itemId);
    if (!item) throw notFound(lang);
    return item;
  };

  forEachLanguage('/staff/plans/:year/items/new', (url, lang) => {
    formRoutes(url, lang, {
      params: PlanYearParams,
      render: (request, reply, plan, _params, view: FormView<ReturnType<typeof itemFormOf>>) => {
        const next = Math.max(0, ...plan.items.map((item) => item.ordinal)) + 1;
        const title = text(lang, 'newItemTitle');
        return send(request, reply, {
          title,
          plan,
          ...statusOf(view),
          body: (
            <ItemFormPage
              lang={lang}
              title={title}
              year={plan.year}
              action={controlPaths.staffNewItem(plan.year)}
              isPublished={plan.status === 'published'}
              csrfToken={request.csrfToken}
              form={view.form ?? { ...itemFormOfItem(null), number: String(next) }}
              problems={view.problems ?? []}
            />
          ),
        });
      },
      formOf: itemFormOf,
      labels: inputLabels.item,
      save: (request, plan, _params, form) =>
        saveItem(db, plan.year, { ...mutation(request), itemId: null, form }),
      anchor: (_params, saved) => anchorOf.item(saved.itemId),
    });
  });

  forEachLanguage('/staff/plans/:year/items/:itemId', (url, lang) => {
    const render: Render<ReturnType<typeof itemFormOf>> = (request, reply, plan, params, view) => {
      const item = findItem(plan, params.itemId ?? '', lang);
      const path = controlPaths.staffItem(plan.year, item.id);
      const title = text(lang, 'itemTitle', { ref: item.label });
      return send(request, reply, {
        title,
        plan,
        ...statusOf(view),
        body: (
          <ItemFormPage
            lang={lang}
            title={title}
            year={plan.year}
            action={path}
            isPublished={plan.status === 'published'}
            csrfToken={request.csrfToken}
            form={view.form ?? itemFormOfItem(item)}
            problems={view.problems ?? []}
            removal={removal(lang, 'item', path, view.removal)}
          />
        ),
      });
    };
    formRoutes(url, lang, {
      params: ItemParams,
      render,
      formOf: itemFormOf,
      labels: inputLabels.item,
      save: (request, plan, params, form) => {
        const item = findItem(plan, params.itemId ?? '', lang);
        return saveItem(db, plan.year, { ...mutation(request), itemId: item.id, form });
      },
      anchor: (params) => anchorOf.item(params.itemId ?? ''),
    });
    removeRoute(
      url,
      lang,
      ItemParams,
      'item',
      (plan, { itemId = '' }) => ({ id: findItem(plan, itemId, lang).id, anchor: 'items' }),
      render,
    );
  });

  // Strategies.
  const findStrategy = (plan: PlanView, strategyId: string, lang: Lang) => {
    for (const item of plan.items) {
      const strategy = item.strategies.find((candidate) => candidate.id === strategyId);
      if (strategy) return { item, strategy };
    }
    throw notFound(lang);
  };

  forEachLanguage('/staff/plans/:year/items/:itemId/strategies/new', (url, lang) => {
    formRoutes(url, lang, {
      params: ItemParams,
      render: (request, reply, plan, params, view: FormView<ReturnType<typeof strategyFormOf>>) => {
        const item = findItem(plan, params.itemId ?? '', lang);
        const next = Math.max(0, ...item.strategies.map((strategy) => strategy.ordinal)) + 1;
        const title = text(lang, 'newStrategyTitle', { ref: item.label });
        return send(request, reply, {
          title,
          plan,
          ...statusOf(view),
          body: (
            <StrategyFormPage
              lang={lang}
              title={title}
              year={plan.year}
              action={controlPaths.staffNewStrategy(plan.year, item.id)}
              isPublished={plan.status === 'published'}
              csrfToken={request.csrfToken}
              form={view.form ?? { ...strategyFormOfStrategy(null), number: String(next) }}
              problems={view.problems ?? []}
            />
          ),
        });
      },
      formOf: strategyFormOf,
      labels: inputLabels.strategy,
      save: (request, plan, params, form) => {
        const item = findItem(plan, params.itemId ?? '', lang);
        return saveStrategy(db, plan.year, { ...mutation(request), itemId: item.id, strategyId: null, form });
      },
      anchor: (_params, saved) => anchorOf.strategy(saved.strategyId),
    });
  });

  forEachLanguage('/staff/plans/:year/strategies/:strategyId', (url, lang) => {
    const render: Render<ReturnType<typeof strategyFormOf>> = (request, reply, plan, params, view) => {
      const { item, strategy } = findStrategy(plan, params.strategyId ?? '', lang);
      const path = controlPaths.staffStrategy(plan.year, strategy.id);
      const title = text(lang, 'strategyTitle', { ref: strategyRef(item.ordinal, strategy.ordinal) });
      return send(request, reply, {
        title,
        plan,
        ...statusOf(view),
        body: (
          <StrategyFormPage
            lang={lang}
            title={title}
            year={plan.year}
            action={path}
            isPublished={plan.status === 'published'}
            csrfToken={request.csrfToken}
            form={view.form ?? strategyFormOfStrategy(strategy)}
            problems={view.problems ?? []}
            removal={removal(lang, 'strategy', path, view.removal)}
          />
        ),
      });
    };
    formRoutes(url, lang, {
      params: StrategyParams,
      render,
      formOf: strategyFormOf,
      labels: inputLabels.strategy,
      save: (request, plan, params, form) => {
        const { item, strategy } = findStrategy(plan, params.strategyId ?? '', lang);
        return saveStrategy(db, plan.year, {
          ...mutation(request),
          itemId: item.id,
          strategyId: strategy.id,
          form,
        });
      },
      anchor: (params) => anchorOf.strategy(params.strategyId ?? ''),
    });
    removeRoute(
      url,
      lang,
      StrategyParams,
      'strategy',
      (plan, { strategyId = '' }) => {
        const { item, strategy } = findStrategy(plan, strategyId, lang);
        return { id: strategy.id, anchor: anchorOf.item(item.id) };
      },
      render,
    );
  });

  // Practices.
  const unitChoices = async (plan: PlanView, lang: Lang, selected: readonly string[]) =>
    (await listUnits(db))
      .filter((unit) => unit.isActive || plan.year <= lastYearOfFormerUnits || selected.includes(unit.code))
      .map((unit) => ({
        code: unit.code,
        name: lang === 'en' ? unit.nameEn : unit.nameZh,
        isActive: unit.isActive,
      }));

  const findPractice = (plan: PlanView, practiceId: string, lang: Lang) => {
    for (const item of plan.items)
      for (const strategy of item.strategies) {
        const practice = strategy.practices.find((candidate) => candidate.id === practiceId);
        if (practice) return { item, strategy, practice };
      }
    throw notFound(lang);
  };

  forEachLanguage('/staff/plans/:year/strategies/:strategyId/practices/new', (url, lang) => {
    formRoutes(url, lang, {
      params: StrategyParams,
      render: async (request, reply, plan, params, view: FormView<ReturnType<typeof practiceFormOf>>) => {
        const { item, strategy } = findStrategy(plan, params.strategyId ?? '', lang);
        const next = Math.max(0, ...strategy.practices.map((practice) => practice.ordinal)) + 1;
        const form = view.form ?? practiceFormOfPractice(null, plan.rocYear, next);
        const title = text(lang, 'newPracticeTitle', { ref: strategyRef(item.ordinal, strategy.ordinal) });
        return send(request, reply, {
          title,
          plan,
          ...statusOf(view),
          body: (
            <PracticeFormPage
              lang={lang}
              title={title}
              year={plan.year}
              action={controlPaths.staffNewPractice(plan.year, strategy.id)}
              isPublished={plan.status === 'published'}
              csrfToken={request.csrfToken}
              form={form}
              units={await unitChoices(plan, lang, form.unitCodes)}
              problems={view.problems ?? []}
            />
          ),
        });
      },
      formOf: practiceFormOf,
      labels: inputLabels.practice,
      save: (request, plan, params, form) => {
        const { strategy } = findStrategy(plan, params.strategyId ?? '', lang);
        return savePractice(db, plan.year, {
          ...mutation(request),
          strategyId: strategy.id,
          practiceId: null,
          form,
        });
      },
      anchor: (_params, saved) => anchorOf.practice(saved.practiceId),
    });
  });

  forEachLanguage('/staff/plans/:year/practices/:practiceId', (url, lang) => {
    const render: Render<ReturnType<typeof practiceFormOf>> = async (request, reply, plan, params, view) => {
      const { item, strategy, practice } = findPractice(plan, params.practiceId ?? '', lang);
      const path = controlPaths.staffPractice(plan.year, practice.id);
      const form = view.form ?? practiceFormOfPractice(practice, plan.rocYear, practice.ordinal);
      const title = text(lang, 'practiceTitle', {
        ref: practiceRef(item.ordinal, strategy.ordinal, practice),
      });
      return send(request, reply, {
        title,
        plan,
        ...statusOf(view),
        body: (
          <PracticeFormPage
            lang={lang}
            title={title}
            year={plan.year}
            action={path}
            isPublished={plan.status === 'published'}
            csrfToken={request.csrfToken}
            form={form}
            units={await unitChoices(plan, lang, form.unitCodes)}
            problems={view.problems ?? []}
            removal={removal(lang, 'practice', path, view.removal)}
          />
        ),
      });
    };
    formRoutes(url, lang, {
      params: PracticeParams,
      render,
      formOf: practiceFormOf,
      labels: inputLabels.practice,
      save: (request, plan, params, form) => {
        const { strategy, practice } = findPractice(plan, params.practiceId ?? '', lang);
        return savePractice(db, plan.year, {
          ...mutation(request),
          strategyId: strategy.id,
          practiceId: practice.id,
          form,
        });
      },
      anchor: (params) => anchorOf.practice(params.practiceId ?? ''),
    });
    removeRoute(
      url,
      lang,
      PracticeParams,
      'practice',
      (plan, { practiceId = '' }) => {
        const { strategy, practice } = findPractice(plan, practiceId, lang);
        return { id: practice.id, anchor: anchorOf.strategy(strategy.id) };
      },
      render,
    );
  });
}
