import { Type } from 'typebox';
import { pageOfRows, pageWindow } from '../../../platform/db/paging.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { pageNumberOf } from '../../../platform/web/components/pagination.tsx';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import { pageContext, renderPage, sendPage } from '../../../platform/web/layout.tsx';
import { findSitePage, sitePageOptions } from '../../../platform/web/site-pages.ts';
import { plansText } from '../plans/plan-messages.ts';
import { planListPageSize, planPaths } from '../plans/plan-paths.ts';
import { listPlans } from '../plans/plan-reads.ts';
import { taipeiIsoDate } from '../shared/control-format.ts';
import { PagedQuery } from '../shared/control-pages.ts';
import { PublicWorkPlanPage } from './views/public-work-plan-page.tsx';
import { PublicWorkPlanListPage, PublicWorkPlanYearsPage } from './views/work-plan-list-pages.tsx';
import { workPlanTitle } from './work-plan-format.ts';
import { workPlanText as text } from './work-plan-messages.ts';
import { workPlanPaths } from './work-plan-paths.ts';
import { carriedPractices, getWorkPlan, publishedWorkPlansOfYear } from './work-plan-reads.ts';
import { workPlanNotFound } from './work-plan-rules.ts';

export const WorkPlanYearParams = Type.Object({ year: Type.String({ pattern: '^[0-9]{4}$' }) });
export const WorkPlanParams = Type.Object({
  year: WorkPlanYearParams.properties.year,
  unit: Type.String({ pattern: '^[a-z0-9-]{1,60}$' }),
});

/** What the public pages of a year's work plans say about themselves (the government metadata). */
function metadataOf(lang: Lang, year: number) {
  return {
    subject: lang === 'en' ? 'Service quality; work plans' : '提升服務品質；工作計畫',
    coverageStart: `${year}-01-01`,
    coverageEnd: `${year}-12-31`,
  };
}

/**
 * The public pages (伍二: the work plans are published on the website): a year's published work plans and
 * each one's methods and targets, in Chinese and English. Review comments and names are never shown.
 */
export async function publicWorkPlanRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;

  // The site map's page: the years with a published plan, newest first, each to its units' work plans.
  const yearsPage = findSitePage('work-plans');
  forEachLanguage(yearsPage.path, (url) => {
    app.get(url, { schema: { hide: true, querystring: PagedQuery } }, async (request, reply) => {
      const context = pageContext(request);
      const { lang } = context;
      const window = pageWindow(pageNumberOf(request.query.page), planListPageSize);
      const { rows, hasNextPage } = pageOfRows(await listPlans(db, { publishedOnly: true, window }), window);
      return sendPage(
        reply,
        renderPage(context, {
          ...sitePageOptions(yearsPage, lang),
          body: (
            <PublicWorkPlanYearsPage
              lang={lang}
              title={yearsPage.title[lang]}
              lead={plansText(lang, 'workPlansYearsLead')}
              years={rows.map((plan) => ({
                year: plan.year,
                label: text(lang, 'publicListTitle', { year: plan.year, rocYear: plan.rocYear }),
              }))}
              empty={plansText(lang, 'listEmpty')}
              page={window.page}
              hasNextPage={hasNextPage}
            />
          ),
        }),
      );
    });
  });

  forEachLanguage('/work-plans/:year', (url) => {
    app.get(url, { schema: { hide: true, params: WorkPlanYearParams } }, async (request, reply) => {
      const context = pageContext(request);
      const { lang } = context;
      const year = Number(request.params.year);
      // One statement: whether the year has a published plan, and its published work plans.
      const plans = await publishedWorkPlansOfYear(db, year);
      if (plans === null) throw workPlanNotFound(lang);
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
          metadata: metadataOf(lang, year),
          breadcrumbs: [
            { text: findSitePage('plans').title[lang], href: planPaths.plans },
            { text: text(lang, 'planOfYear', { year, rocYear: year - 1911 }), href: planPaths.plan(year) },
          ],
          body: <PublicWorkPlanListPage lang={lang} year={year} plans={plans} />,
        }),
      );
    });
  });

  forEachLanguage('/work-plans/:year/:unit', (url) => {
    app.get(url, { schema: { hide: true, params: WorkPlanParams } }, async (request, reply) => {
      const context = pageContext(request);
      const { lang } = context;
      const plan = await getWorkPlan(db, Number(request.params.year), request.params.unit);
      if (plan?.state !== 'published' || !plan.publishedAt) throw workPlanNotFound(lang);
      const practices = await carriedPractices(db, plan.year, plan.unitCode);
      const refs = new Map((practices?.all ?? []).map((practice) => [practice.id, practice.ref]));
      return sendPage(
        reply,
        renderPage(context, {
          title: workPlanTitle(lang, plan),
          description:
            lang === 'en'
              ? `The ${plan.year} work plan of ${plan.unitNameEn}: its methods for improving service quality and their quantified targets.`
              : `${plan.unitNameZh}民國${plan.rocYear}年度提昇服務品質工作計畫：工作推動重點、方法及量化目標。`,
          pageId: `work-plan-${plan.year}-${plan.unitCode}`,
          updatedAt: taipeiIsoDate(plan.publishedAt),
          metadata: metadataOf(lang, plan.year),
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
              planHref={localePath(lang, planPaths.plan(plan.year))}
            />
          ),
        }),
      );
    });
  });
}
