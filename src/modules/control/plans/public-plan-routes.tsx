import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { Type } from 'typebox';
import { pageOfRows, pageWindow } from '../../../platform/db/paging.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { pageNumberOf } from '../../../platform/web/components/pagination.tsx';
import { forEachLanguage, type Lang } from '../../../platform/web/i18n.ts';
import { pageContext, renderPage, sendPage } from '../../../platform/web/layout.tsx';
import { findSitePage, sitePageOptions } from '../../../platform/web/site-pages.ts';
import { taipeiIsoDate } from '../shared/control-format.ts';
import { PagedQuery } from '../shared/control-pages.ts';
import type { UnitName } from '../shared/unit-names.ts';
import { plansText as text } from './plan-messages.ts';
import { PlanYearParams, planListPageSize, planPaths } from './plan-paths.ts';
import { listPlans, type PublicPlanPage, readPublicPlanPage } from './plan-reads.ts';
import type { PlanSnapshot } from './plan-types.ts';
import { PlanContent, PlanListPage, PlanPublicPage } from './views/plan-public-page.tsx';

/**
 * The HTML of a version's content (hundreds of practices: the most of the page's render), kept for the last
 * few versions shown. A published version never changes (a trigger refuses it), so what its content shows
 * depends only on the version, the language and the units' names, which are all in the key: a change of a
 * unit's name makes a new key; nothing else needs invalidating. What heads the page (the version note) and
 * ends it (the history) change with later publications and are rendered for each request.
 */
const keptContentLimit = 8;
const keptContent = new Map<string, string>();

function planContentHtml(found: PublicPlanPage, lang: Lang): string {
  const key = `${found.plan.id}|${found.plan.version}|${lang}|${found.unitsJson}`;
  const kept = keptContent.get(key);
  if (kept !== undefined) return kept;
  const content = JSON.parse(found.contentJson) as PlanSnapshot;
  const unitNames = new Map(
    (JSON.parse(found.unitsJson) as UnitName[]).map((unit): [string, UnitName] => [unit.code, unit]),
  );
  const html = renderToString(
    <PlanContent lang={lang} plan={{ year: found.plan.year, content }} unitNames={unitNames} />,
  );
  if (keptContent.size >= keptContentLimit) {
    const oldest = keptContent.keys().next();
    if (oldest.done !== true) keptContent.delete(oldest.value);
  }
  keptContent.set(key, html);
  return html;
}

/** Where the content goes: a tag nothing else on the page can be (text is escaped), replaced after rendering. */
const contentSlot = h('ow-plan-content', null);
const contentSlotHtml = '<ow-plan-content></ow-plan-content>';

const PlanVersionQuery = Type.Object({
  version: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
});

/**
 * The public plan pages (一(一) and 伍一 ask for the plan to be published): `/plans` lists the published
 * plans, `/plans/:year` shows one in full (zh-TW) or as an English summary (`/en/plans/:year`), the current
 * version or an earlier one (`?version=N`). Drafts are never shown. Kept as bytes (the module's
 * `publicReads`): publishing a version announces 'plans' (plan-writes.ts), so a change shows at once.
 */
export async function publicPlanRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  const plansPage = findSitePage('plans');

  forEachLanguage(plansPage.path, (url) => {
    app.get(url, { schema: { hide: true, querystring: PagedQuery } }, async (request, reply) => {
      const context = pageContext(request);
      const window = pageWindow(pageNumberOf(request.query.page), planListPageSize);
      const { rows, hasNextPage } = pageOfRows(await listPlans(db, { publishedOnly: true, window }), window);
      const plans = rows.map((plan) => ({
        year: plan.year,
        rocYear: plan.rocYear,
        title: plan.title,
        titleEn: plan.titleEn,
        version: plan.publishedVersion ?? 1,
      }));
      return sendPage(
        reply,
        renderPage(context, {
          ...sitePageOptions(plansPage, context.lang),
          body: (
            <PlanListPage lang={context.lang} plans={plans} page={window.page} hasNextPage={hasNextPage} />
          ),
        }),
      );
    });
  });

  forEachLanguage('/plans/:year', (url) => {
    app.get(
      url,
      { schema: { hide: true, params: PlanYearParams, querystring: PlanVersionQuery } },
      async (request, reply) => {
        const context = pageContext(request);
        const { lang } = context;
        const year = Number(request.params.year);
        // One statement: the version shown, the history with its reasons, the units' names.
        const found = await readPublicPlanPage(db, year, request.query.version);
        if (!found) throw notFound(text(lang, 'notFound'));
        const { plan, history } = found;
        const title = lang === 'en' ? (plan.titleEn ?? plan.title) : plan.title;
        const page = renderPage(context, {
          title,
          description:
            lang === 'en'
              ? `An English summary of the bureau’s ${plan.year} plan for improving service quality: the implementation items, strategies and practices, with deadlines and responsible units.`
              : `本局民國${plan.rocYear}年度提升服務品質執行計畫全文：實施要項、執行策略、推動作法、完成期限及承辦單位。`,
          pageId: `plan-${plan.year}`,
          updatedAt: taipeiIsoDate(plan.publishedAt),
          metadata: {
            subject: lang === 'en' ? 'Service quality; management control' : '提升服務品質；管制考核',
            // The plan covers its own year.
            coverageStart: `${plan.year}-01-01`,
            coverageEnd: `${plan.year}-12-31`,
          },
          breadcrumbs: [{ text: findSitePage('plans').title[lang], href: planPaths.plans }],
          body: <PlanPublicPage lang={lang} plan={plan} history={history} content={contentSlot} />,
        });
        // The content's HTML in place of its slot (the first one: text before it is escaped).
        return sendPage(
          reply,
          page.replace(contentSlotHtml, () => planContentHtml(found, lang)),
        );
      },
    );
  });
}
