import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { staffActorContext } from '../../../platform/auth/actor-context.ts';
import { requireStaff, signedInStaff } from '../../../platform/auth/require-staff.ts';
import { keepStaffPagesOutOfCaches } from '../../../platform/auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { UuidParam } from '../../../platform/http/ids.ts';
import { listUnits } from '../../../platform/reference/reference-repo.ts';
import { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { pageNumberOf } from '../../../platform/web/components/pagination.tsx';
import { localePath } from '../../../platform/web/i18n.ts';
import { publishedYears } from '../plans/plan-reads.ts';
import { submitControlForm } from '../shared/control-forms.ts';
import { formVersion, pageOfList, sendControlPage } from '../shared/control-pages.ts';
import { controlForm, controlPage } from '../shared/control-routes.ts';
import { WorkPlanParams, WorkPlanYearParams } from './public-work-plan-routes.tsx';
import { RowFormPage } from './views/row-form-page.tsx';
import { WorkPlanListPage } from './views/work-plan-list-pages.tsx';
import { WorkPlanPage } from './views/work-plan-page.tsx';
import { workPlanTitle } from './work-plan-format.ts';
import {
  actionForm,
  commentsOf,
  type RowValues,
  rowForm,
  rowFormOf,
  rowFormOfRow,
  startForm,
  versionForm,
} from './work-plan-forms.ts';
import { workPlanText as text } from './work-plan-messages.ts';
import {
  type WorkPlanActionSlug,
  workPlanActionSlugs,
  workPlanListPageSize,
  workPlanPaths,
} from './work-plan-paths.ts';
import { carriedPractices, getWorkPlan, listWorkPlans, type WorkPlanView } from './work-plan-reads.ts';
import {
  editableStates,
  mayDo,
  mayStart,
  mayView,
  type RowForm,
  type WorkPlanAction,
  workPlanForbidden,
  workPlanNotFound,
  wrongState,
} from './work-plan-rules.ts';
import { createWorkPlan, removeRow, saveRow, transitionWorkPlan } from './work-plan-service.ts';

const RowParams = Type.Object({ ...WorkPlanParams.properties, rowId: UuidParam });
const ActionParams = Type.Object({
  ...WorkPlanParams.properties,
  action: Type.Union(workPlanActionSlugs.map((slug) => Type.Literal(slug))),
});
const ListQuery = Type.Object({
  year: Type.Optional(Type.String({ pattern: '^[0-9]{4}$' })),
  page: Type.Optional(Type.String({ maxLength: 10 })),
});
const PlanQuery = Type.Object({ done: Type.Optional(Type.String({ pattern: '^[a-z_]{1,20}$' })) });

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

/**
 * The staff pages of the units' work plans: the overview of a year (every unit and its state, a page at a
 * time; the unit editor's start form), a work plan with the actions its reader may take, and the form of one
 * method. Every write checks the role and unit (403), the state (409) and the version the page was made from
 * (409). The public pages: public-work-plan-routes.tsx.
 */
export async function workPlanRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  const anyStaff = requireStaff();
  keepStaffPagesOutOfCaches(app);

  const planCrumb = (request: FastifyRequest, plan: WorkPlanView) => [
    { text: text(request.lang, 'listTitle'), href: workPlanPaths.staffYear(plan.year) },
  ];

  const loadVisible = async (request: FastifyRequest, year: string, unit: string): Promise<WorkPlanView> => {
    const plan = await getWorkPlan(db, Number(year), unit);
    if (!plan) throw workPlanNotFound(request.lang);
    if (!mayView(signedInStaff(request), plan.unitCode, plan.state)) throw workPlanForbidden(request.lang);
    return plan;
  };

  const refsOf = async (plan: WorkPlanView) => {
    const practices = await carriedPractices(db, plan.year, plan.unitCode);
    return {
      refs: new Map((practices?.all ?? []).map((practice) => [practice.id, practice.ref])),
      carried: practices?.carried ?? [],
    };
  };

  const backToPlan = (reply: FastifyReply, plan: WorkPlanView, lang: FastifyRequest['lang'], done: string) =>
    reply.redirect(
      `${localePath(lang, workPlanPaths.staffPlan(plan.year, plan.unitCode))}?done=${done}`,
      303,
    );

  // The overview of a year: the units the reader may see, a page at a time.
  const sendList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    view: { year: string | undefined; page: number; problems: FormProblems; status?: number },
  ) => {
    const lang = request.lang;
    const staff = signedInStaff(request);
    const years = await publishedYears(db);
    const year =
      view.year !== undefined && years.includes(Number(view.year)) ? Number(view.year) : (years[0] ?? null);
    const summaries = year === null ? [] : await listWorkPlans(db, year);
    // Unit staff see every state of their own unit; other units' work plans only once published.
    const visible = new Map(
      summaries
        .filter((summary) => mayView(staff, summary.unitCode, summary.state))
        .map((summary) => [summary.unitCode, summary]),
    );
    const hasPlan = new Set(summaries.map((summary) => summary.unitCode));
    // The active units, and any other unit that has a work plan in the year (a unit reorganised since).
    const units = (await listUnits(db))
      .filter((unit) => unit.isActive || hasPlan.has(unit.code))
      .map((unit) => ({ code: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn }));
    const isReviewer = staff.role === 'secretariat' || staff.role === 'admin';
    const listed = units
      .filter((unit) => isReviewer || visible.has(unit.code))
      .map((unit) => ({ unit, summary: visible.get(unit.code) ?? null }));
    const page = pageOfList(listed, view.page, workPlanListPageSize);
    const startUnit =
      mayStart(staff) && !hasPlan.has(staff.unitCode ?? '')
        ? (units.find((unit) => unit.code === staff.unitCode) ?? null)
        : null;
    return sendControlPage(request, reply, {
      title: text(lang, 'listTitle'),
      problems: view.problems,
      status: view.status ?? 200,
      body: (
        <WorkPlanListPage
          lang={lang}
          csrfToken={request.csrfToken}
          years={years}
          year={year}
          units={page.rows}
          page={page.page}
          hasNextPage={page.hasNextPage}
          startUnit={startUnit}
          problems={view.problems}
        />
      ),
    });
  };

  controlPage(
    app,
    workPlanPaths.staffList,
    { preHandler: anyStaff, querystring: ListQuery },
    async (request, reply) =>
      sendList(request, reply, {
        year: request.query.year,
        page: pageNumberOf(request.query.page),
        problems: FormProblems.none,
      }),
  );

  controlForm(
    app,
    `${workPlanPaths.staffList}/:year`,
    { preHandler: anyStaff, params: WorkPlanYearParams },
    async (request, reply, lang) => {
      const year = Number(request.params.year);
      return submitControlForm({
        form: startForm,
        body: request.body,
        lang,
        run: () => createWorkPlan(db, year, staffActorContext(request, deps)),
        done: (created) =>
          reply.redirect(localePath(lang, workPlanPaths.staffPlan(year, created.unitCode)), 303),
        showAgain: (_values, shown) =>
          sendList(request, reply, { year: request.params.year, page: 1, ...shown }),
      });
    },
  );

  // A work plan.
  const sendPlan = async (
    request: FastifyRequest,
    reply: FastifyReply,
    plan: WorkPlanView,
    view: { notice: string | null; problems: FormProblems; status?: number; typed?: Record<string, string> },
  ) => {
    const lang = request.lang;
    const staff = signedInStaff(request);
    const isEditable = editableStates.includes(plan.state);
    const may = {
      edit: mayDo(staff, 'edit', plan.unitCode) && isEditable,
      submit: mayDo(staff, 'submit', plan.unitCode) && isEditable,
      approve: mayDo(staff, 'approve', plan.unitCode) && plan.state === 'submitted',
      review: mayDo(staff, 'accept', plan.unitCode) && plan.state === 'approved_by_head',
      publish: mayDo(staff, 'publish', plan.unitCode) && plan.state === 'accepted',
    };
    return sendControlPage(request, reply, {
      title: workPlanTitle(lang, plan),
      problems: view.problems,
      status: view.status ?? 200,
      crumbs: planCrumb(request, plan),
      body: (
        <WorkPlanPage
          lang={lang}
          csrfToken={request.csrfToken}
          plan={plan}
          practiceRefs={(await refsOf(plan)).refs}
          may={may}
          notice={view.notice}
          problems={view.problems}
          typed={view.typed ?? {}}
        />
      ),
    });
  };

  controlPage(
    app,
    `${workPlanPaths.staffList}/:year/:unit`,
    { preHandler: anyStaff, params: WorkPlanParams, querystring: PlanQuery },
    async (request, reply, lang) => {
      const plan = await loadVisible(request, request.params.year, request.params.unit);
      const done = request.query.done;
      const notice =
        done !== undefined && done in noticeOf ? text(lang, noticeOf[done as keyof typeof noticeOf]) : null;
      return sendPlan(request, reply, plan, { notice, problems: FormProblems.none });
    },
  );

  controlForm(
    app,
    `${workPlanPaths.staffList}/:year/:unit/:action`,
    { preHandler: anyStaff, params: ActionParams },
    async (request, reply, lang) => {
      const plan = await loadVisible(request, request.params.year, request.params.unit);
      const action = actionOfSlug[request.params.action];
      return submitControlForm({
        form: actionForm(plan.rows),
        body: request.body,
        lang,
        isSummaryLabelled: false,
        run: (values) =>
          transitionWorkPlan(
            db,
            {
              year: plan.year,
              unitCode: plan.unitCode,
              version: formVersion(values.version ?? ''),
              action,
              comments: commentsOf(values),
            },
            staffActorContext(request, deps),
          ),
        done: () => backToPlan(reply, plan, lang, action),
        showAgain: async (values, shown) =>
          sendPlan(request, reply, (await getWorkPlan(db, plan.year, plan.unitCode)) ?? plan, {
            notice: null,
            ...shown,
            typed: values,
          }),
      });
    },
  );

  // A method's form.
  const sendRowForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    plan: WorkPlanView,
    view: { rowId: string | null; version: number; form: RowForm; problems: FormProblems; status?: number },
  ) => {
    const lang = request.lang;
    return sendControlPage(request, reply, {
      title: text(lang, view.rowId === null ? 'newRowTitle' : 'editRowTitle'),
      problems: view.problems,
      status: view.status ?? 200,
      crumbs: planCrumb(request, plan),
      body: (
        <RowFormPage
          lang={lang}
          csrfToken={request.csrfToken}
          plan={plan}
          rowId={view.rowId}
          version={view.version}
          form={view.form}
          practices={(await refsOf(plan)).carried}
          problems={view.problems}
        />
      ),
    });
  };

  /** The work plan, if the reader may edit it now (403 for the wrong role or unit, 409 for its state). */
  const loadEditable = async (request: FastifyRequest, year: string, unit: string) => {
    const plan = await loadVisible(request, year, unit);
    if (!mayDo(signedInStaff(request), 'edit', plan.unitCode)) throw workPlanForbidden(request.lang);
    if (!editableStates.includes(plan.state)) throw wrongState(request.lang, plan.state);
    return plan;
  };

  const rowRoutes = (url: string, params: typeof WorkPlanParams | typeof RowParams) => {
    controlPage(app, url, { preHandler: anyStaff, params }, async (request, reply, lang) => {
      const { year, unit, rowId = null } = request.params as { year: string; unit: string; rowId?: string };
      const plan = await loadEditable(request, year, unit);
      const row = rowId === null ? null : plan.rows.find((candidate) => candidate.id === rowId);
      if (row === undefined) throw workPlanNotFound(lang);
      return sendRowForm(request, reply, plan, {
        rowId,
        version: plan.version,
        form: rowFormOfRow(row),
        problems: FormProblems.none,
      });
    });
    controlForm(app, url, { preHandler: anyStaff, params }, async (request, reply, lang) => {
      const { year, unit, rowId = null } = request.params as { year: string; unit: string; rowId?: string };
      const plan = await loadEditable(request, year, unit);
      const version = (values: RowValues) => formVersion(values.version);
      return submitControlForm({
        form: rowForm,
        body: request.body,
        lang,
        isSummaryLabelled: false,
        run: (values) =>
          saveRow(
            db,
            {
              year: plan.year,
              unitCode: plan.unitCode,
              rowId,
              version: version(values),
              form: rowFormOf(values),
            },
            staffActorContext(request, deps),
          ),
        done: () => backToPlan(reply, plan, lang, 'saved'),
        showAgain: (values, shown) =>
          sendRowForm(request, reply, plan, {
            rowId,
            // After a conflict the form is made from the current version: saving it again is a choice.
            version: shown.status === 409 ? plan.version : (version(values) ?? plan.version),
            form: rowFormOf(values),
            ...shown,
          }),
      });
    });
  };
  rowRoutes(`${workPlanPaths.staffList}/:year/:unit/rows/new`, WorkPlanParams);
  rowRoutes(`${workPlanPaths.staffList}/:year/:unit/rows/:rowId`, RowParams);

  controlForm(
    app,
    `${workPlanPaths.staffList}/:year/:unit/rows/:rowId/remove`,
    { preHandler: anyStaff, params: RowParams },
    async (request, reply, lang) => {
      const plan = await loadEditable(request, request.params.year, request.params.unit);
      return submitControlForm({
        form: versionForm,
        body: request.body,
        lang,
        run: (values) =>
          removeRow(
            db,
            {
              year: plan.year,
              unitCode: plan.unitCode,
              rowId: request.params.rowId,
              version: formVersion(values.version),
            },
            staffActorContext(request, deps),
          ),
        done: () => backToPlan(reply, plan, lang, 'removed'),
        showAgain: (_values, shown) => sendPlan(request, reply, plan, { notice: null, ...shown }),
      });
    },
  );
}
