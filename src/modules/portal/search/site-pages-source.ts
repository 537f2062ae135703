import type { IndexedThing, SearchSource } from '../../../platform/search/search-index.ts';
import {
  type OtherPublicPage,
  otherPublicPages,
  type SitePage,
  sitePages,
} from '../../../platform/web/site-pages.ts';

/**
 * The site's own pages (platform/web/site-pages.ts: the report form, the services list, the privacy policy …)
 * in the search index, as kind 'page': the search page found them before issue 15, and still does, ranked
 * with everything else. They change only with a release: the seed and `search:reindex` write them.
 */
export function sitePageThings(): IndexedThing[] {
  const pages: readonly (SitePage | OtherPublicPage)[] = [...sitePages, ...otherPublicPages];
  return pages
    .filter((page) => page.id !== 'search')
    .map((page) => ({
      sourceId: page.id,
      documents: (['zh-TW', 'en'] as const).map((lang) => ({
        lang,
        kind: 'page',
        path: page.path,
        title: page.title[lang],
        summary: page.summary[lang],
        publishedOn: 'updatedAt' in page ? page.updatedAt : null,
      })),
    }));
}

export const sitePagesSearchSource: SearchSource = {
  source: 'site',
  async *documents() {
    yield sitePageThings();
  },
};
