import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { searchSite } from '../../../platform/search/search-query.ts';
import { inputIdOf, problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import { pageContext, renderPage, sendPage } from '../../../platform/web/layout.tsx';
import { findSitePage, sitePageOptions } from '../../../platform/web/site-pages.ts';
import { searchPaths } from '../shared/portal-paths.ts';
import { kindName } from './search-form.ts';
import { searchText as text } from './search-messages.ts';
import { SearchApiQuery, SearchApiResponse, SearchPageQuery } from './search-schemas.ts';
import { loadSearchChoices, readSearchRequest, searchForApi, searchOptionsOf } from './search-service.ts';
import { SearchPage } from './views/search-page.tsx';

/**
 * The site search (issue 15 §4): /search and /en/search (the box, the advanced form with ?advanced=1, the
 * filters, results with snippets, suggestions), and the same search as JSON at GET /api/search. Public: the
 * answers are kept (publicReads, scope 'search'), rendered again whenever something indexed is published.
 */
export async function searchRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  const searchPage = findSitePage('search');

  forEachLanguage(searchPaths.search, (url) => {
    app.get(url, { schema: { hide: true, querystring: SearchPageQuery } }, async (request, reply) => {
      const context = pageContext(request);
      const lang = context.lang;
      const choices = await loadSearchChoices(db, lang);
      const asked = readSearchRequest(request.query, choices.known, lang);
      const problems = problemsOnPage(asked.problems, {
        lang,
        targetOf: (field) => (field === 'q' ? 'search-page-query' : inputIdOf(field)),
      });
      const results =
        asked.isAsked && !problems.hasAny
          ? await searchSite(db, searchOptionsOf(asked, lang, deps.clock.now()))
          : null;
      const options = sitePageOptions(searchPage, lang);
      return sendPage(
        reply,
        renderPage(context, {
          ...options,
          title: asked.isAdvanced ? text(lang, 'advancedTitle') : options.title,
          hasError: problems.hasAny,
          body: (
            <SearchPage
              lang={lang}
              values={asked.values}
              problems={problems}
              isAdvanced={asked.isAdvanced}
              results={results}
              choices={choices}
              unitNames={choices.unitNames}
            />
          ),
        }),
        problems.hasAny ? 400 : 200,
      );
    });
  });

  app.get(
    searchPaths.api,
    {
      schema: {
        tags: ['portal'],
        summary:
          'Search everything public (content and its attached files, FAQ, services, plans, site pages): Chinese or English words, ranked by relevance, with the advanced words (all / any / none), where to look (in: any, title, body) and filters (kind, unit, from, to, theme, cake, service). Ten results a page, each with a snippet and its highlights; suggestions for near misses.',
        querystring: SearchApiQuery,
        response: { 200: SearchApiResponse },
      },
    },
    async (request) => {
      const lang: Lang = request.query.lang ?? 'zh-TW';
      const { results, choices } = await searchForApi(db, request.query, lang, deps.clock.now());
      return {
        query: results.text,
        total: results.total,
        isTotalCapped: results.isTotalCapped,
        page: results.page,
        pageCount: results.pageCount,
        isRelaxed: results.isRelaxed,
        results: results.hits.map((hit) => ({
          title: hit.title,
          kind: hit.kind,
          kindLabel: kindName(hit.kind, lang),
          path: localePath(lang, hit.path),
          snippet: {
            text: hit.snippet.text,
            highlights: hit.snippet.highlights.map((range) => ({ start: range.start, length: range.length })),
            isInFile: hit.snippet.isInFile,
          },
          date: hit.publishedOn,
          unit: hit.unitCode
            ? { code: hit.unitCode, name: choices.unitNames.get(hit.unitCode) ?? hit.unitCode }
            : null,
        })),
        suggestions: [...results.suggestions],
      };
    },
  );
}
