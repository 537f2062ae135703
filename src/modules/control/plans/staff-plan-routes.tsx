import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { keepStaffPagesOutOfCaches } from '../../../platform/auth/staff-pages.ts';
import { pageOfRows, pageWindow } from '../../../platform/db/paging.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { pageNumberOf } from '../../../platform/web/components/pagination.tsx';
import type { Lang } from '../../../platform/web/i18n.ts';
import { submitControlForm } from '../shared/control-forms.ts';
import { PagedQuery } from '../shared/control-pages.ts';
import { controlForm, controlPage } from '../shared/control-routes.ts';
import { unitNamesOf } from '../shared/unit-names.ts';
import { copyPlan } from './plan-copying.ts';
import { copyForm, publishForm } from './plan-forms.ts';
import { plansText as text } from './plan-messages.ts';
import { editing, editorsOnly, loadPlan, overviewUrl, sendPlanPage } from './plan-pages.ts';
import { PlanYearParams, planListPageSize, planPaths } from './plan-paths.ts';
import { publishPlan } from './plan-publishing.ts';
import { listPlanChanges, listPlans, listPlanVersions, type PlanView, publishedYears } from './plan-reads.ts';
import { StaffPlanListPage, StaffPlanPage } from './views/staff-plan-pages.tsx';

const OverviewQuery = Type.Object({
  saved: Type.Optional(Type.Integer({ minimum: 0 })),
  removed: Type.Optional(Type.Integer({ minimum: 0 })),
  published: Type.Optional(Type.Literal('1')),
  copied: Type.Optional(Type.Literal('1')),
});

/** What the overview says after a change (`?copied=1`, `?saved=2`, …). */
function overviewNotice(lang: Lang, plan: PlanView, query: Static<typeof OverviewQuery>): string | null {
  if (query.copied !== undefined) return text(lang, 'copied', { year: plan.year, rocYear: plan.rocYear });
  if (query.published !== undefined) return text(lang, 'published');
  if (query.saved !== undefined)
    return query.saved > 0 ? text(lang, 'savedVersion', { version: query.saved }) : text(lang, 'saved');
  if (query.removed !== undefined)
    return query.removed > 0
      ? text(lang, 'removedVersion', { version: query.removed })
      : text(lang, 'removed');
  return null;
}

/**
 * The secretariat's plan pages: the list of plans (a page at a time) with the copy form, and each plan's
 * overview (publish, versions, change log). The forms of a plan's entries: plan-entry-routes.tsx.
 */
export async function staffPlanRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  keepStaffPagesOutOfCaches(app);

  // The list and the copy form.
  const sendList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    view: {
      page: number;
      form: { fromYear: string; toYear: string };
      problems: FormProblems;
      status?: number;
    },
  ) => {
    const lang = request.lang;
    const window = pageWindow(view.page, planListPageSize);
    const { rows, hasNextPage } = pageOfRows(await listPlans(db, { publishedOnly: false, window }), window);
    const published = (await publishedYears(db)).map((year) => ({ year, rocYear: year - 1911 }));
    // The copy starts from the latest published plan.
    const form =
      view.form.fromYear === '' && published[0]
        ? { ...view.form, fromYear: String(published[0].year) }
        : view.form;
    return sendPlanPage(request, reply, {
      title: text(lang, 'staffListTitle'),
      problems: view.problems,
      status: view.status ?? 200,
      body: (
        <StaffPlanListPage
          lang={lang}
          csrfToken={request.csrfToken}
          plans={rows}
          page={window.page}
          hasNextPage={hasNextPage}
          publishedPlans={published}
          form={form}
          problems={view.problems}
        />
      ),
    });
  };

  controlPage(
    app,
    planPaths.staffList,
    { preHandler: editorsOnly, querystring: PagedQuery },
    async (request, reply) =>
      sendList(request, reply, {
        page: pageNumberOf(request.query.page),
        form: { fromYear: '', toYear: '' },
        problems: FormProblems.none,
      }),
  );

  controlForm(app, planPaths.staffCopy, { preHandler: editorsOnly }, async (request, reply, lang) =>
    submitControlForm({
      form: copyForm,
      body: request.body,
      lang,
      run: (form) => copyPlan(db, { ...editing(request, deps), form }),
      done: (copied) => reply.redirect(overviewUrl(lang, copied.year, 'copied=1'), 303),
      showAgain: (form, shown) => sendList(request, reply, { page: 1, form, ...shown }),
    }),
  );

  // A plan's overview, and publishing it.
  const sendOverview = async (
    request: FastifyRequest,
    reply: FastifyReply,
    plan: PlanView,
    view: { problems: FormProblems; notice: string | null; status?: number },
  ) => {
    const isPublished = plan.status === 'published';
    return sendPlanPage(request, reply, {
      title: plan.title,
      problems: view.problems,
      status: view.status ?? 200,
      plan: null,
      body: (
        <StaffPlanPage
          lang={request.lang}
          csrfToken={request.csrfToken}
          plan={plan}
          versions={isPublished ? await listPlanVersions(db, plan.id) : []}
          changes={isPublished ? await listPlanChanges(db, plan.id) : []}
          unitNames={await unitNamesOf(db)}
          problems={view.problems}
          notice={view.notice}
        />
      ),
    });
  };

  controlPage(
    app,
    '/staff/plans/:year',
    { preHandler: editorsOnly, params: PlanYearParams, querystring: OverviewQuery },
    async (request, reply, lang) => {
      const plan = await loadPlan(deps, request.params.year, lang);
      const notice = overviewNotice(lang, plan, request.query);
      return sendOverview(request, reply, plan, { problems: FormProblems.none, notice });
    },
  );

  controlForm(
    app,
    '/staff/plans/:year/publish',
    { preHandler: editorsOnly, params: PlanYearParams },
    async (request, reply, lang) => {
      const plan = await loadPlan(deps, request.params.year, lang);
      return submitControlForm({
        form: publishForm,
        body: request.body,
        lang,
        run: () => publishPlan(db, plan.year, editing(request, deps)),
        done: () => reply.redirect(overviewUrl(lang, plan.year, 'published=1'), 303),
        showAgain: (_values, shown) => sendOverview(request, reply, plan, { notice: null, ...shown }),
      });
    },
  );
}
