import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { type Static, type TObject, Type } from 'typebox';
import { keepStaffPagesOutOfCaches } from '../../../platform/auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { UuidParam } from '../../../platform/http/ids.ts';
import { listUnits } from '../../../platform/reference/reference-repo.ts';
import { FormProblems } from '../../../platform/web/components/form-problems.ts';
import type { FormDefinition } from '../../../platform/web/components/read-form.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { submitControlForm } from '../shared/control-forms.ts';
import { controlForm, controlPage } from '../shared/control-routes.ts';
import { removeEntry, saveItem, savePlanHeader, savePractice, saveStrategy } from './plan-editing.ts';
import {
  headerForm,
  headerFormOfPlan,
  itemForm,
  itemFormOfItem,
  practiceForm,
  practiceFormOfPractice,
  removalForm,
  removalRenamed,
  strategyForm,
  strategyFormOfStrategy,
} from './plan-forms.ts';
import { plansText as text } from './plan-messages.ts';
import { editing, editorsOnly, loadPlan, overviewUrl, sendPlanPage } from './plan-pages.ts';
import { anchorOf, PlanYearParams, planPaths } from './plan-paths.ts';
import type { PlanView } from './plan-reads.ts';
import { lastYearOfFormerUnits, type PracticeForm } from './plan-rules.ts';
import { practiceRef, strategyRef } from './plan-types.ts';
import { type MutationOptions, planNotFound } from './plan-writes.ts';
import {
  HeaderFormPage,
  ItemFormPage,
  type PlanFormPageProps,
  PracticeFormPage,
  type RemovalProps,
  StrategyFormPage,
} from './views/staff-plan-forms.tsx';

const ItemParams = Type.Object({ year: PlanYearParams.properties.year, itemId: UuidParam });
const StrategyParams = Type.Object({ year: PlanYearParams.properties.year, strategyId: UuidParam });
const PracticeParams = Type.Object({ year: PlanYearParams.properties.year, practiceId: UuidParam });

type Params = Readonly<Record<string, string>>;
type Level = 'item' | 'strategy' | 'practice';

/** What every entry form page is given, whatever it edits: a plan's form page, with its removal or none. */
type FormPageProps = Omit<PlanFormPageProps, 'notice' | 'removal'> & { removal: RemovalProps | null };

/** One form page of a plan, as its URL names it: what it shows, and (for an entry that exists) its removal. */
interface FormPage<Values> {
  title: string;
  /** The form's address (its removal's is this + /remove). */
  path: string;
  initial: Values;
  removal: { level: Level; id: string; anchor: string } | null;
  render(props: FormPageProps & { form: Values }): ComponentChildren | Promise<ComponentChildren>;
}

interface FormPageSpec<Schema extends TObject, Saved extends { version: number | null }> {
  url: string;
  params: TObject;
  form: FormDefinition<Schema>;
  /** The page for this plan and URL (404 when the entry is not in the plan). */
  page(plan: PlanView, params: Params, lang: Lang): FormPage<Static<Schema>>;
  save(options: MutationOptions, plan: PlanView, params: Params, values: Static<Schema>): Promise<Saved>;
  /** Where the overview opens after saving. */
  anchor(params: Params, saved: Saved): string;
  /** An entry that exists (an item, a strategy, a practice) has a removal form and its route; a new one and the
   * plan's own texts have neither. */
  isRemovable: boolean;
}

const removalLeads = {
  item: 'removeItemLead',
  strategy: 'removeStrategyLead',
  practice: 'removePracticeLead',
} as const;

function findItem(plan: PlanView, itemId: string, lang: Lang) {
  const item = plan.items.find((candidate) => candidate.id === itemId);
  if (!item) throw planNotFound(lang);
  return item;
}

function findStrategy(plan: PlanView, strategyId: string, lang: Lang) {
  for (const item of plan.items) {
    const strategy = item.strategies.find((candidate) => candidate.id === strategyId);
    if (strategy) return { item, strategy };
  }
  throw planNotFound(lang);
}

function findPractice(plan: PlanView, practiceId: string, lang: Lang) {
  for (const item of plan.items)
    for (const strategy of item.strategies) {
      const practice = strategy.practices.find((candidate) => candidate.id === practiceId);
      if (practice) return { item, strategy, practice };
    }
  throw planNotFound(lang);
}

const nextNumber = (entries: readonly { ordinal: number }[]) =>
  Math.max(0, ...entries.map((entry) => entry.ordinal)) + 1;

/**
 * The plain forms of a plan: its texts, and each item, strategy and practice, added or changed, each with a
 * removal form once it exists. Every problem is listed at once (plan-rules.ts); a published plan asks for
 * a reason with each change, which becomes a new version (plan-editing.ts).
 */
export async function planEntryRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  keepStaffPagesOutOfCaches(app);

  const common = (
    request: FastifyRequest,
    plan: PlanView,
    page: FormPage<unknown>,
    problems: FormProblems,
  ) => ({
    lang: request.lang,
    csrfToken: request.csrfToken,
    title: page.title,
    year: plan.year,
    action: page.path,
    isPublished: plan.status === 'published',
    problems,
  });

  const show = async <Values,>(
    request: FastifyRequest,
    reply: FastifyReply,
    plan: PlanView,
    page: FormPage<Values>,
    view: {
      form: Values;
      problems: FormProblems;
      status?: number;
      removal?: { confirm: boolean; reason: string };
    },
  ) => {
    const lang = request.lang;
    const removal =
      page.removal === null
        ? null
        : {
            action: `${page.path}${planPaths.removeSuffix}`,
            lead: text(lang, removalLeads[page.removal.level]),
            confirm: view.removal?.confirm ?? false,
            reason: view.removal?.reason ?? '',
          };
    return sendPlanPage(request, reply, {
      title: page.title,
      plan,
      problems: view.problems,
      status: view.status ?? 200,
      body: await page.render({ ...common(request, plan, page, view.problems), removal, form: view.form }),
    });
  };

  /** GET shows the page; POST saves and goes back to the overview, or shows the page again with every problem. */
  const formPage = <Schema extends TObject, Saved extends { version: number | null }>(
    spec: FormPageSpec<Schema, Saved>,
  ) => {
    const planAndPage = async (params: Params, lang: Lang) => {
      const plan = await loadPlan(deps, params.year ?? '', lang);
      return { plan, page: spec.page(plan, params, lang) };
    };
    const route = { preHandler: editorsOnly, params: spec.params };
    controlPage(app, spec.url, route, async (request, reply, lang) => {
      const { plan, page } = await planAndPage(request.params as Params, lang);
      return show(request, reply, plan, page, { form: page.initial, problems: FormProblems.none });
    });
    controlForm(app, spec.url, route, async (request, reply, lang) => {
      const params = request.params as Params;
      const { plan, page } = await planAndPage(params, lang);
      return submitControlForm({
        form: spec.form,
        body: request.body,
        lang,
        run: (values) => spec.save(editing(request, deps), plan, params, values),
        done: (saved) =>
          reply.redirect(
            overviewUrl(lang, plan.year, `saved=${saved.version ?? 0}`, spec.anchor(params, saved)),
            303,
          ),
        showAgain: (form, shown) => show(request, reply, plan, page, { form, ...shown }),
      });
    });
    if (!spec.isRemovable) return;
    controlForm(app, `${spec.url}${planPaths.removeSuffix}`, route, async (request, reply, lang) => {
      const { plan, page } = await planAndPage(request.params as Params, lang);
      const removal = page.removal;
      if (removal === null) throw planNotFound(lang);
      return submitControlForm({
        form: removalForm,
        body: request.body,
        lang,
        renamed: removalRenamed,
        run: (values) =>
          removeEntry(db, plan.year, {
            ...editing(request, deps),
            level: removal.level,
            id: removal.id,
            form: { confirm: values.confirm, reason: values.removeReason },
          }),
        done: (removed) =>
          reply.redirect(
            overviewUrl(lang, plan.year, `removed=${removed.version ?? 0}`, removal.anchor),
            303,
          ),
        showAgain: (values, shown) =>
          show(request, reply, plan, page, {
            form: page.initial,
            ...shown,
            removal: { confirm: values.confirm, reason: values.removeReason },
          }),
      });
    });
  };

  // The plan's own texts.
  formPage({
    url: '/staff/plans/:year/header',
    isRemovable: false,
    params: PlanYearParams,
    form: headerForm,
    page: (plan, _params, lang) => ({
      title: text(lang, 'headerTitle', { title: plan.title }),
      path: planPaths.staffHeader(plan.year),
      initial: headerFormOfPlan(plan),
      removal: null,
      render: (props) => <HeaderFormPage {...props} />,
    }),
    save: (options, plan, _params, form) => savePlanHeader(db, plan.year, { ...options, form }),
    anchor: () => '',
  });

  // Items.
  formPage({
    url: '/staff/plans/:year/items/new',
    isRemovable: false,
    params: PlanYearParams,
    form: itemForm,
    page: (plan, _params, lang) => ({
      title: text(lang, 'newItemTitle'),
      path: planPaths.staffNewItem(plan.year),
      initial: itemFormOfItem(null, nextNumber(plan.items)),
      removal: null,
      render: (props) => <ItemFormPage {...props} />,
    }),
    save: (options, plan, _params, form) => saveItem(db, plan.year, { ...options, itemId: null, form }),
    anchor: (_params, saved) => anchorOf.item(saved.itemId),
  });

  formPage({
    url: '/staff/plans/:year/items/:itemId',
    isRemovable: true,
    params: ItemParams,
    form: itemForm,
    page: (plan, params, lang) => {
      const item = findItem(plan, params.itemId ?? '', lang);
      return {
        title: text(lang, 'itemTitle', { ref: item.label }),
        path: planPaths.staffItem(plan.year, item.id),
        initial: itemFormOfItem(item, item.ordinal),
        removal: { level: 'item', id: item.id, anchor: 'items' },
        render: (props) => <ItemFormPage {...props} />,
      };
    },
    save: (options, plan, params, form) =>
      saveItem(db, plan.year, { ...options, itemId: params.itemId ?? '', form }),
    anchor: (params) => anchorOf.item(params.itemId ?? ''),
  });

  // Strategies.
  formPage({
    url: '/staff/plans/:year/items/:itemId/strategies/new',
    isRemovable: false,
    params: ItemParams,
    form: strategyForm,
    page: (plan, params, lang) => {
      const item = findItem(plan, params.itemId ?? '', lang);
      return {
        title: text(lang, 'newStrategyTitle', { ref: item.label }),
        path: planPaths.staffNewStrategy(plan.year, item.id),
        initial: strategyFormOfStrategy(null, nextNumber(item.strategies)),
        removal: null,
        render: (props) => <StrategyFormPage {...props} />,
      };
    },
    save: (options, plan, params, form) =>
      saveStrategy(db, plan.year, { ...options, itemId: params.itemId ?? '', strategyId: null, form }),
    anchor: (_params, saved) => anchorOf.strategy(saved.strategyId),
  });

  formPage({
    url: '/staff/plans/:year/strategies/:strategyId',
    isRemovable: true,
    params: StrategyParams,
    form: strategyForm,
    page: (plan, params, lang) => {
      const { item, strategy } = findStrategy(plan, params.strategyId ?? '', lang);
      return {
        title: text(lang, 'strategyTitle', { ref: strategyRef(item.ordinal, strategy.ordinal) }),
        path: planPaths.staffStrategy(plan.year, strategy.id),
        initial: strategyFormOfStrategy(strategy, strategy.ordinal),
        removal: { level: 'strategy', id: strategy.id, anchor: anchorOf.item(item.id) },
        render: (props) => <StrategyFormPage {...props} />,
      };
    },
    save: (options, plan, params, form) => {
      const { item, strategy } = findStrategy(plan, params.strategyId ?? '', options.lang);
      return saveStrategy(db, plan.year, { ...options, itemId: item.id, strategyId: strategy.id, form });
    },
    anchor: (params) => anchorOf.strategy(params.strategyId ?? ''),
  });

  // Practices: the units a practice may name are the active ones (and, in the 2012 plan or where already
  // named, the units reorganised since).
  const unitChoices = async (plan: PlanView, lang: Lang, selected: readonly string[]) =>
    (await listUnits(db))
      .filter((unit) => unit.isActive || plan.year <= lastYearOfFormerUnits || selected.includes(unit.code))
      .map((unit) => ({
        code: unit.code,
        name: lang === 'en' ? unit.nameEn : unit.nameZh,
        isActive: unit.isActive,
      }));
  const practicePage = async (plan: PlanView, props: FormPageProps & { form: PracticeForm }) => (
    <PracticeFormPage {...props} units={await unitChoices(plan, props.lang, props.form.unitCodes)} />
  );

  formPage({
    url: '/staff/plans/:year/strategies/:strategyId/practices/new',
    isRemovable: false,
    params: StrategyParams,
    form: practiceForm,
    page: (plan, params, lang) => {
      const { item, strategy } = findStrategy(plan, params.strategyId ?? '', lang);
      return {
        title: text(lang, 'newPracticeTitle', { ref: strategyRef(item.ordinal, strategy.ordinal) }),
        path: planPaths.staffNewPractice(plan.year, strategy.id),
        initial: practiceFormOfPractice(null, plan.rocYear, nextNumber(strategy.practices)),
        removal: null,
        render: (props) => practicePage(plan, props),
      };
    },
    save: (options, plan, params, form) =>
      savePractice(db, plan.year, {
        ...options,
        strategyId: params.strategyId ?? '',
        practiceId: null,
        form,
      }),
    anchor: (_params, saved) => anchorOf.practice(saved.practiceId),
  });

  formPage({
    url: '/staff/plans/:year/practices/:practiceId',
    isRemovable: true,
    params: PracticeParams,
    form: practiceForm,
    page: (plan, params, lang) => {
      const { item, strategy, practice } = findPractice(plan, params.practiceId ?? '', lang);
      return {
        title: text(lang, 'practiceTitle', { ref: practiceRef(item.ordinal, strategy.ordinal, practice) }),
        path: planPaths.staffPractice(plan.year, practice.id),
        initial: practiceFormOfPractice(practice, plan.rocYear, practice.ordinal),
        removal: { level: 'practice', id: practice.id, anchor: anchorOf.strategy(strategy.id) },
        render: (props) => practicePage(plan, props),
      };
    },
    save: (options, plan, params, form) => {
      const { strategy, practice } = findPractice(plan, params.practiceId ?? '', options.lang);
      return savePractice(db, plan.year, {
        ...options,
        strategyId: strategy.id,
        practiceId: practice.id,
        form,
      });
    },
    anchor: (params) => anchorOf.practice(params.practiceId ?? ''),
  });
}
