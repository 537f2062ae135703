import type { ComponentChildren } from 'preact';
import { Type } from 'typebox';
import type { ModuleRegistry } from '../composition/app-module.ts';
import type { AppDeps, AppInstance } from '../http/app-types.ts';
import type { PublicRead } from '../http/public-reads.ts';
import type { UnitsByCode } from '../reference/unit-names.ts';
import { unitsNow } from '../reference/units-now.ts';
import { fontSizeCookie, fontSizeReturnPath, fontSizes } from './font-size.ts';
import { barePath, forEachLanguage, type Lang, localePath } from './i18n.ts';
import { pageContext, renderPage, sendPage } from './layout.tsx';
import { HomePage } from './pages/home-page.tsx';
import { type OpenDataListing, OpenDataPage } from './pages/open-data-page.tsx';
import { PersonalDataFilesPage } from './pages/personal-data-files-page.tsx';
import { PrivacyPage } from './pages/privacy-page.tsx';
import { SitemapPage } from './pages/sitemap-page.tsx';
import { type SitePageId, sitePageOptions, sitePages } from './site-pages.ts';

/**
 * Registers a page at its zh-TW path and its English `/en` path (ADR 0003). The callback receives each URL
 * so Fastify infers the handler's types from the schema written inline.
 */

const FontSizeQuery = Type.Object({
  size: Type.Union(fontSizes.map((size) => Type.Literal(size))),
  return: Type.Optional(Type.String({ maxLength: 2000 })),
});

/**
 * The view of each registry page that has no query; search is registered by the portal module
 * (src/modules/portal/search/search-routes.tsx), the services
 * list by the catalogue module (src/modules/catalogue/catalogue-routes.tsx), the case look-up by the
 * cases module (src/modules/cases/track-routes.tsx), the plans and the work plans by the control module
 * (src/modules/control/plans/public-plan-routes.tsx, work-plans/public-work-plan-routes.tsx), the report
 * form and the map of reports by the reports module (src/modules/reports/report-routes.tsx,
 * public-report-routes.tsx), the information portal and the FAQ by the portal module
 * (src/modules/portal/content/content-routes.tsx, faq/faq-routes.tsx), the online applications by the applications module
 * (src/modules/applications/application-routes.tsx), and the director's mailbox by the petitions module
 * (src/modules/petitions/mailbox-routes.tsx).
 */
type ModulePageId =
  | 'search'
  | 'services'
  | 'track'
  | 'plans'
  | 'work-plans'
  | 'report'
  | 'reports'
  | 'apply'
  | 'info'
  | 'faq'
  | 'mailbox';
const staticViews: Record<
  Exclude<SitePageId, ModulePageId>,
  (lang: Lang, listing: OpenDataListing, units: UnitsByCode) => ComponentChildren
> = {
  home: (lang, _listing, units) => <HomePage lang={lang} units={units} />,
  sitemap: (lang) => <SitemapPage lang={lang} />,
  privacy: (lang) => <PrivacyPage lang={lang} />,
  'open-data': (lang, listing) => <OpenDataPage lang={lang} listing={listing} />,
  'personal-data-files': (lang, _listing, units) => <PersonalDataFilesPage lang={lang} units={units} />,
};

/**
 * The pages that name the bureau's units, read from the units table (an admin edits them: issue 17 §2) and
 * kept under the 'units' scope, which saving a unit announces (platform/reference/unit-admin-service.ts).
 */
const pagesNamingUnits: ReadonlySet<SitePageId> = new Set<SitePageId>(['home', 'personal-data-files']);
const noUnits: UnitsByCode = new Map();

/**
 * The platform's own public reads (kept as bytes: platform/http/public-reads.ts). All of it is written in
 * the code, but for the units' names (the 'units' scope): only a new release changes it. The search page is the portal module's (issue 15:
 * src/modules/portal/search/search-routes.tsx), which also finds these pages.
 */
export const platformPublicReads: readonly PublicRead[] = [
  ...sitePages
    .filter((page) => page.id in staticViews)
    .map(
      (page): PublicRead => ({
        route: page.path,
        scopes: pagesNamingUnits.has(page.id) ? ['units'] : [],
        query: 'none',
      }),
    ),
];

/**
 * The open-data page's list: every module's datasets, and which of their addresses are machine APIs with
 * one address for both languages (public reads marked `oneLanguage`, and anything under /api/).
 */
export function openDataListing(registry: Pick<ModuleRegistry, 'openData' | 'publicReads'>): OpenDataListing {
  const patterns = registry.publicReads
    .filter((read) => read.oneLanguage === true)
    .map(
      (read) =>
        new RegExp(
          `^${read.route
            .split('/')
            .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
            .join('/')}$`,
        ),
    );
  return {
    datasets: registry.openData,
    isOneLanguage: (path) => {
      const bare = path.split(/[?#]/)[0] ?? path;
      return bare.startsWith('/api/') || patterns.some((pattern) => pattern.test(bare));
    },
  };
}

/** The public pages: home, the entry-point placeholders, the site map, the policies, font size. */
export async function publicPagesRoutes(
  app: AppInstance,
  deps: AppDeps,
  registry: Pick<ModuleRegistry, 'openData' | 'publicReads'>,
): Promise<void> {
  const listing = openDataListing(registry);
  for (const page of sitePages) {
    if (page.id === 'search' || page.id === 'services' || page.id === 'track' || page.id === 'plans')
      continue;
    if (page.id === 'work-plans' || page.id === 'info' || page.id === 'faq') continue;
    if (page.id === 'report' || page.id === 'reports' || page.id === 'apply' || page.id === 'mailbox')
      continue;
    const view = staticViews[page.id];
    forEachLanguage(page.path, (url) => {
      app.get(url, { schema: { hide: true } }, async (request, reply) => {
        const context = pageContext(request);
        const units = pagesNamingUnits.has(page.id) ? await unitsNow(deps.db) : noUnits;
        return sendPage(
          reply,
          renderPage(context, {
            ...sitePageOptions(page, context.lang),
            body: view(context.lang, listing, units),
          }),
        );
      });
    });
  }

  // The font-size switch without JavaScript: set the cookie, go back. The English route sends the reader
  // back to the English page, so the switch never changes the language.
  forEachLanguage('/preferences/font-size', (url, lang) => {
    app.get(url, { schema: { hide: true, querystring: FontSizeQuery } }, async (request, reply) => {
      const target = fontSizeReturnPath(request.query.return) ?? '/';
      const queryStart = target.indexOf('?');
      const pathPart = queryStart === -1 ? target : target.slice(0, queryStart);
      const queryPart = queryStart === -1 ? '' : target.slice(queryStart);
      reply.header('set-cookie', fontSizeCookie(request.query.size, { isSecure: deps.config.cookieSecure }));
      reply.header('cache-control', 'no-store');
      return reply.redirect(`${localePath(lang, barePath(pathPart))}${queryPart}`, 303);
    });
  });
}
