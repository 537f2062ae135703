import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { Type } from 'typebox';
import { requireStaff, signedInStaff } from '../../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  sendStaffPage,
  staffHomeCrumb,
} from '../../../platform/auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import { listUnits } from '../../../platform/reference/reference-repo.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import { pageContext, renderPage, sendPage } from '../../../platform/web/layout.tsx';
import { findSitePage } from '../../../platform/web/site-pages.ts';
import { controlPaths } from '../plans/plan-paths.ts';
import { listPlans } from '../plans/plan-reads.ts';
import { taipeiIsoDate } from '../shared/control-format.ts';
import type { ShownProblem } from '../shared/evidence-removal.tsx';
import {
  PublicWorkPlanListPage,
  PublicWorkPlanPage,
  RowFormPage,
  type UnitLabel,
  WorkPlanListPage,
  WorkPlanPage,
  workPlanTitle,
} from './views/work-plan-pages.tsx';
import { workPlanText as text } from './work-plan-messages.ts';
import { type WorkPlanActionSlug, workPlanActionSlugs, workPlanPaths } from './work-plan-paths.ts';
import {
  carriedPractices,
  createWorkPlan,
  editableStates,
  getWorkPlan,
  listPublishedWorkPlans,
  listWorkPlans,
  mayDo,
  mayStart,
  mayView,
  type RowForm,
  removeRow,
  rowFormOf,
  rowFormOfRow,
  saveRow,
  transitionWorkPlan,
  type WorkPlanAction,
  type WorkPlanMutation,
  type WorkPlanView,
} from './work-plan-service.ts';

const uuidPattern = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const yearSchema = Type.String({ pattern: '^[0-9]{4}$' });
const unitSchema = Type.String({ pattern: '^[a-z0-9-]{1,60}$' });
const YearParams = Type.Object({ year: yearSchema });
const PlanParams = Type.Object({ year: yearSchema, unit: unitSchema });
const RowParams = Type.Object({
  year: yearSchema,
  unit: unitSchema,
  rowId: Type.String({ pattern: uuidPattern }),
});
const ActionParams = Type.Object({
  year: yearSchema,
  unit: unitSchema,
  action: Type.Union(workPlanActionSlugs.map((slug) => Type.Literal(slug))),
});
const ListQuery = Type.Object({ year: Type.Optional(Type.String({ pattern: '^[0-9]{4}$' })) });
const PlanQuery = Type.Object({ done: Type.Optional(Type.String({ pattern: '^[a-z_]{1,20}$' })) });
const FormBodySchema = Type.Record(Type.String(), Type.Unknown());
type Body = Readonly<Record<string, unknown>>;

const actionOfSlug: Record<WorkPlanActionSlug, Exclude<WorkPlanAction, 'edit'>> = {
  submit: 'submit',
  approve: 'approve',
  'send-back': 'send_back',
  accept: 'accept',
  return: 'return',
  publish: 'publish',
};

const noticeOf = {
  saved: 'saved',
  removed: 'rowRemoved',
  submit: 'submitted',
  approve: 'approved',
  send_back: 'sentBack',
  accept: 'accepted',
  return: 'returned',
  publish: 'publishedNotice',
} as const;

function notFound(lang: Lang): DomainError {
  return new DomainError('NOT_FOUND', text(lang, 'notFound'));
}

function forbidden(lang: Lang): DomainError {
  return new DomainError('FORBIDDEN', text(lang, 'forbidden'));
}

function versionOf(body: Body): number | null {
  const value = body.version;
  const raw = typeof value === 'string' ? value : Array.isArray(value) ? value[0] : undefined;
  if (typeof raw !== 'string' || !/^[0-9]{1,9}$/.test(raw)) return null;
  return Number(raw);
}

/** The review forms' comments: 'comment-plan' → '' (the whole plan), 'comment-<row id>' → the row id. */
function commentsOf(body: Body): Map<string, string> {
  const comments = new Map<string, string>();
  for (const [key, value] of Object.entries(body)) {
    if (!key.startsWith('comment-') || typeof value !== 'string') continue;
    const id = key.slice('comment-'.length);
    comments.set(id === 'plan' ? '' : id, value);
  }
  return comments;
}

function typedOf(body: Body): Map<string, string> {
  const typed = new Map<string, string>();
  for (const [key, value] of Object.entries(body))
    if (key.startsWith('comment-') && typeof value === 'string') typed.set(key, value);
  return typed;
}

function shown(problems: readonly FieldProblem[]): ShownProblem[] {
  return problems.map((problem) => ({
    input: problem.field === '' ? 'main-content' : problem.field,
    summary: problem.message,
    message: problem.message,
  }));
}

/** A service call whose user-facing refusals become the problems to show; anything else is thrown. */
async function attempt<T>(
  work: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; status: number; problems: ShownProblem[] }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (
      error instanceof DomainError &&
      (error.code === 'VALIDATION_FAILED' || error.code === 'CONFLICT' || error.code === 'INVALID_TRANSITION')
    ) {
      const problems =
        error.problems.length > 0
          ? error.problems
          : [{ field: '', code: error.code, message: error.message }];
      return { ok: false, status: error.statusCode, problems: shown(problems) };
    }
    throw error;
  }
}

/** The active units, and any other unit that has a work plan in the year (a unit reorganised since). */
async function unitLabels(deps: Pick<AppDeps, 'db'>, withPlans: ReadonlySet<string>): Promise<UnitLabel[]> {
  return (await listUnits(deps.db))
    .filter((unit) => unit.isActive || withPlans.has(unit.code))
    .map((unit) => ({ code: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn }));
}

/**
 * The staff pages of the units' work plans: the overview of a year (every unit and its state; the unit
 * editor's start form), a work plan with the actions its reader may take, and the form of one method.
 * Every write checks the role and unit (403), the state (409) and the version the page was made from (409).
 */
export async function workPlanStaffRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db, clock } = deps;
  const anyStaff = requireStaff();
  keepStaffPagesOutOfCaches(app);

  const mutation = (request: FastifyRequest): WorkPlanMutation => ({
    staff: signedInStaff(request),
    now: clock.now(),
    lang: request.lang,
    origin: { ip: request.ip, requestId: request.id, userAgent: request.headers['user-agent'] ?? null },
  });

  const send = (
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      title: string;
      body: ComponentChildren;
      status?: number;
      hasError?: boolean;
      plan?: WorkPlanView;
    },
  ) => {
    const lang = request.lang;
    const breadcrumbs = [staffHomeCrumb(lang)];
    if (options.plan) {
      breadcrumbs.push({ text: text(lang, 'listTitle'), href: workPlanPaths.staffYear(options.plan.year) });
    }
    return sendStaffPage(request, reply, {
      title: options.title,
      body: options.body,
      breadcrumbs,
      status: options.status ?? 200,
      hasError: options.hasError ?? false,
    });
  };

  const loadVisible = async (request: FastifyRequest, year: string, unit: string): Promise<WorkPlanView> => {
    const plan = await getWorkPlan(db, Number(year), unit);
    if (!plan) throw notFound(request.lang);
    if (!mayView(signedInStaff(request), plan.unitCode, plan.state)) throw forbidden(request.lang);
    return plan;
  };

  const refsOf = async (plan: WorkPlanView) => {
    const practices = await carriedPractices(db, plan.year, plan.unitCode);
    return {
      refs: new Map((practices?.all ?? []).map((practice) => [practice.id, practice.ref])),
      carried: practices?.carried ?? [],
    };
  };

  // The overview of a year.
  const sendList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    view: { year: string | undefined; problems: ShownProblem[]; status?: number },
  ) => {
    const lang = request.lang;
    const staff = signedInStaff(request);
    const years = (await listPlans(db, { publishedOnly: true })).map((plan) => plan.year);
    const year =
      view.year !== undefined && years.includes(Number(view.year)) ? Number(view.year) : (years[0] ?? null);
    const summaries = year === null ? [] : await listWorkPlans(db, year);
    const units = await unitLabels(deps, new Set(summaries.map((summary) => summary.unitCode)));
    // Unit staff see every state of their own unit; other units' work plans only once published.
    const visible = summaries.filter((summary) => mayView(staff, summary.unitCode, summary.state));
    const startUnit =
      mayStart(staff) && !summaries.some((summary) => summary.unitCode === staff.unitCode)
        ? (units.find((unit) => unit.code === staff.unitCode) ?? null)
        : null;
    return send(request, reply, {
      title: text(lang, 'listTitle'),
      status: view.status ?? 200,
      hasError: view.problems.length > 0,
      body: (
        <WorkPlanListPage
          lang={lang}
          csrfToken={request.csrfToken}
          years={years}
          year={year}
          units={units}
          summaries={visible}
          publishedOnly={!(staff.role === 'secretariat' || staff.role === 'admin')}
          startUnit={startUnit}
          problems={view.problems}
        />
      ),
    });
  };

  forEachLanguage(controlPaths.staffWorkPlans, (url) => {
    app.get(
      url,
      { preHandler: anyStaff, schema: { hide: true, querystring: ListQuery } },
      async (request, reply) => sendList(request, reply, { year: request.query.year, problems: [] }),
    );
  });

  forEachLanguage(`${controlPaths.staffWorkPlans}/:year`, (url, lang) => {
    app.post(
      url,
      { preHandler: anyStaff, schema: { hide: true, params: YearParams, body: FormBodySchema } },
      async (request, reply) => {
        const year = Number(request.params.year);
        const outcome = await attempt(() => createWorkPlan(db, year, mutation(request)));
        if (!outcome.ok)
          return sendList(request, reply, {
            year: request.params.year,
            problems: outcome.problems,
            status: outcome.status,
          });
        return reply.redirect(localePath(lang, workPlanPaths.staffPlan(year, outcome.value.unitCode)), 303);
      },
    );
  });

  // A work plan.
  const sendPlan = async (
    request: FastifyRequest,
    reply: FastifyReply,
    plan: WorkPlanView,
    view: { notice: string | null; problems: ShownProblem[]; status?: number; typed?: Map<string, string> },
  ) => {
    const lang = request.lang;
    const staff = signedInStaff(request);
    const { refs } = await refsOf(plan);
    const may = {
      edit: mayDo(staff, 'edit', plan.unitCode) && editableStates.includes(plan.state),
      submit: mayDo(staff, 'submit', plan.unitCode) && editableStates.includes(plan.state),
      approve: mayDo(staff, 'approve', plan.unitCode) && plan.state === 'submitted',
      review: mayDo(staff, 'accept', plan.unitCode) && plan.state === 'approved_by_head',
      publish: mayDo(staff, 'publish', plan.unitCode) && plan.state === 'accepted',
    };
    return send(request, reply, {
      title: workPlanTitle(lang, plan),
      status: view.status ?? 200,
      hasError: view.problems.length > 0,
      plan,
      body: (
        <WorkPlanPage
          lang={lang}
          csrfToken={request.csrfToken}
          plan={plan}
          practiceRefs={refs}
          may={may}
          notice={view.notice}
          problems={view.problems}
          typed={view.typed ?? new Map()}
        />
      ),
    });
  };

  forEachLanguage(`${controlPaths.staffWorkPlans}/:year/:unit`, (url, lang) => {
    app.get(
      url,
      { preHandler: anyStaff, schema: { hide: true, params: PlanParams, querystring: PlanQuery } },
      async (request, reply) => {
        const plan = await loadVisible(request, request.params.year, request.params.unit);
        const done = request.query.done;
        const notice =
          done !== undefined && done in noticeOf ? text(lang, noticeOf[done as keyof typeof noticeOf]) : null;
        return sendPlan(request, reply, plan, { notice, problems: [] });
      },
    );
  });

  forEachLanguage(`${controlPaths.staffWorkPlans}/:year/:unit/:action`, (url, lang) => {
    app.post(
      url,
      { preHandler: anyStaff, schema: { hide: true, params: ActionParams, body: FormBodySchema } },
      async (request, reply) => {
        const plan = await loadVisible(request, request.params.year, request.params.unit);
        const body = request.body as Body;
        const action = actionOfSlug[request.params.action];
        const outcome = await attempt(() =>
          transitionWorkPlan(
            db,
            {
              year: plan.year,
              unitCode: plan.unitCode,
              version: versionOf(body),
              action,
              comments: commentsOf(body),
            },
            mutation(request),
          ),
        );
        if (!outcome.ok) {
          const current = (await getWorkPlan(db, plan.year, plan.unitCode)) ?? plan;
          return sendPlan(request, reply, current, {
            notice: null,
            problems: outcome.problems,
            status: outcome.status,
            typed: typedOf(body),
          });
        }
        return reply.redirect(
          `${localePath(lang, workPlanPaths.staffPlan(plan.year, plan.unitCode))}?done=${action}`,
          303,
        );
      },
    );
  });

  // A method's form.
  const sendRowForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    plan: WorkPlanView,
    view: { rowId: string | null; version: number; form: RowForm; problems: ShownProblem[]; status?: number },
  ) => {
    const lang = request.lang;
    const { carried } = await refsOf(plan);
    return send(request, reply, {
      title: text(lang, view.rowId === null ? 'newRowTitle' : 'editRowTitle'),
      status: view.status ?? 200,
      hasError: view.problems.length > 0,
      plan,
      body: (
        <RowFormPage
          lang={lang}
          csrfToken={request.csrfToken}
          plan={plan}
          rowId={view.rowId}
          version={view.version}
          form={view.form}
          practices={carried}
          problems={view.problems}
        />
      ),
    });
  };

  const loadEditable = async (request: FastifyRequest, year: string, unit: string) => {
    const plan = await loadVisible(request, year, unit);
    if (!mayDo(signedInStaff(request), 'edit', plan.unitCode)) throw forbidden(request.lang);
    if (!editableStates.includes(plan.state))
      throw new DomainError(
        'INVALID_TRANSITION',
        text(request.lang, 'wrongState', { state: text(request.lang, `state_${plan.state}`) }),
      );
    return plan;
  };

  const saveAndRedirect = async (
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    params: { year: string; unit: string; rowId: string | null },
  ) => {
    const plan = await loadEditable(request, params.year, params.unit);
    const body = request.body as Body;
    const form = rowFormOf(body);
    const version = versionOf(body);
    const outcome = await attempt(() =>
      saveRow(
        db,
        { year: plan.year, unitCode: plan.unitCode, rowId: params.rowId, version, form },
        mutation(request),
      ),
    );
    if (!outcome.ok)
      return sendRowForm(request, reply, plan, {
        rowId: params.rowId,
        // After a conflict the form is made from the current version: saving it again is a choice.
        version: outcome.status === 409 ? plan.version : (version ?? plan.version),
        form,
        problems: outcome.problems,
        status: outcome.status,
      });
    return reply.redirect(
      `${localePath(lang, workPlanPaths.staffPlan(plan.year, plan.unitCode))}?done=saved`,
      303,
    );
  };

  forEachLanguage(`${controlPaths.staffWorkPlans}/:year/:unit/rows/new`, (url, lang) => {
    app.get(
      url,
      { preHandler: anyStaff, schema: { hide: true, params: PlanParams } },
      async (request, reply) => {
        const plan = await loadEditable(request, request.params.year, request.params.unit);
        return sendRowForm(request, reply, plan, {
          rowId: null,
          version: plan.version,
          form: rowFormOfRow(null),
          problems: [],
        });
      },
    );
    app.post(
      url,
      { preHandler: anyStaff, schema: { hide: true, params: PlanParams, body: FormBodySchema } },
      async (request, reply) => saveAndRedirect(request, reply, lang, { ...request.params, rowId: null }),
    );
  });

  forEachLanguage(`${controlPaths.staffWorkPlans}/:year/:unit/rows/:rowId`, (url, lang) => {
    app.get(
      url,
      { preHandler: anyStaff, schema: { hide: true, params: RowParams } },
      async (request, reply) => {
        const plan = await loadEditable(request, request.params.year, request.params.unit);
        const row = plan.rows.find((candidate) => candidate.id === request.params.rowId);
        if (!row) throw notFound(lang);
        return sendRowForm(request, reply, plan, {
          rowId: row.id,
          version: plan.version,
          form: rowFormOfRow(row),
          problems: [],
        });
      },
    );
    app.post(
      url,
      { preHandler: anyStaff, schema: { hide: true, params: RowParams, body: FormBodySchema } },
      async (request, reply) => saveAndRedirect(request, reply, lang, request.params),
    );
  });

  forEachLanguage(`${controlPaths.staffWorkPlans}/:year/:unit/rows/:rowId/remove`, (url, lang) => {
    app.post(
      url,
      { preHandler: anyStaff, schema: { hide: true, params: RowParams, body: FormBodySchema } },
      async (request, reply) => {
        const plan = await loadEditable(request, request.params.year, request.params.unit);
        const version = versionOf(request.body as Body);
        const outcome = await attempt(() =>
          removeRow(
            db,
            { year: plan.year, unitCode: plan.unitCode, rowId: request.params.rowId, version },
            mutation(request),
          ),
        );
        if (!outcome.ok)
          return sendPlan(request, reply, plan, {
            notice: null,
            problems: outcome.problems,
            status: outcome.status,
          });
        return reply.redirect(
          `${localePath(lang, workPlanPaths.staffPlan(plan.year, plan.unitCode))}?done=removed`,
          303,
        );
      },
    );
  });
}

/**
 * The public pages (伍二: the work plans are published on the website): a year's published work plans and
 * each one's methods and targets, in Chinese and English. Review comments and names are never shown.
 */
export async function workPlanRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;

  forEachLanguage('/work-plans/:year', (url) => {
    app.get(url, { schema: { hide: true, params: YearParams } }, async (request, reply) => {
      const context = pageContext(request);
      const { lang } = context;
      const year = Number(request.params.year);
      const published = (await listPlans(db, { publishedOnly: true })).some((plan) => plan.year === year);
      if (!published) throw notFound(lang);
      const plans = await listPublishedWorkPlans(db, year);
      const latest = plans.reduce<Date | null>(
        (max, plan) => (max === null || plan.publishedAt > max ? plan.publishedAt : max),
        null,
      );
      return sendPage(
        reply,
        renderPage(context, {
          title: text(lang, 'publicListTitle', { year, rocYear: year - 1911 }),
          description: text(lang, 'publicLead', { year, rocYear: year - 1911 }),
          pageId: `work-plans-${year}`,
          ...(latest ? { updatedAt: taipeiIsoDate(latest) } : {}),
          metadata: {
            subject: lang === 'en' ? 'Service quality; work plans' : '提升服務品質；工作計畫',
            coverageStart: `${year}-01-01`,
            coverageEnd: `${year}-12-31`,
          },
          breadcrumbs: [
            { text: findSitePage('plans').title[lang], href: controlPaths.plans },
            { text: text(lang, 'planOfYear', { year, rocYear: year - 1911 }), href: controlPaths.plan(year) },
          ],
          body: <PublicWorkPlanListPage lang={lang} year={year} plans={plans} />,
        }),
      );
    });
  });

  forEachLanguage('/work-plans/:year/:unit', (url) => {
    app.get(url, { schema: { hide: true, params: PlanParams } }, async (request, reply) => {
      const context = pageContext(request);
      const { lang } = context;
      const plan = await getWorkPlan(db, Number(request.params.year), request.params.unit);
      if (plan?.state !== 'published' || !plan.publishedAt) throw notFound(lang);
      const practices = await carriedPractices(db, plan.year, plan.unitCode);
      const refs = new Map((practices?.all ?? []).map((practice) => [practice.id, practice.ref]));
      const title = workPlanTitle(lang, plan);
      return sendPage(
        reply,
        renderPage(context, {
          title,
          description:
            lang === 'en'
              ? `The ${plan.year} work plan of ${plan.unitNameEn}: its methods for improving service quality and their quantified targets.`
              : `${plan.unitNameZh}民國${plan.rocYear}年度提昇服務品質工作計畫：工作推動重點、方法及量化目標。`,
          pageId: `work-plan-${plan.year}-${plan.unitCode}`,
          updatedAt: taipeiIsoDate(plan.publishedAt),
          metadata: {
            subject: lang === 'en' ? 'Service quality; work plans' : '提升服務品質；工作計畫',
            coverageStart: `${plan.year}-01-01`,
            coverageEnd: `${plan.year}-12-31`,
          },
          breadcrumbs: [
            {
              text: text(lang, 'publicListTitle', { year: plan.year, rocYear: plan.rocYear }),
              href: workPlanPaths.publicYear(plan.year),
            },
          ],
          body: (
            <PublicWorkPlanPage
              lang={lang}
              plan={plan}
              practiceRefs={refs}
              planHref={localePath(lang, controlPaths.plan(plan.year))}
            />
          ),
        }),
      );
    });
  });
}
