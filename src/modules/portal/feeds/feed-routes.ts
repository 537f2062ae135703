import { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { RoutePlugin } from '../../../platform/composition/app-module.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import type { PageFeed } from '../../../platform/web/layout.tsx';
import { sitePages } from '../../../platform/web/site-pages.ts';
import { contentPaths, feedPaths } from '../shared/portal-paths.ts';
import {
  categoriesOf,
  classificationNames,
  countIndexedPages,
  feedEntryCount,
  type IndexedPage,
  indexedPages,
  latestIndexChange,
  newestPublicItems,
} from './feed-queries.ts';
import {
  atomFeed,
  type FeedFacts,
  rssFeed,
  type SitemapUrl,
  sitemapIndexText,
  sitemapUrlset,
} from './feed-xml.ts';
import { feedsText as text } from './feeds-messages.ts';
import { childCount, childSpan, sitemapUrlLimit, staticSitemapEntries, urlsOfEntry } from './sitemap-plan.ts';

/**
 * The feeds (RSS 2.0 and Atom of news releases and announcements, in both languages) and the sitemap
 * (issue 15 §6). Every answer is the same for everyone: the feeds and the sitemap index are public reads
 * (kept as bytes, feeds-part.ts); a child sitemap is streamed from the index in batches.
 */

const openDataLicenceUrl = 'https://data.gov.tw/license';

const feeds = [
  { kind: 'news', rss: feedPaths.newsRss, atom: feedPaths.newsAtom, title: 'newsTitle' },
  {
    kind: 'announcement',
    rss: feedPaths.announcementsRss,
    atom: feedPaths.announcementsAtom,
    title: 'announcementsTitle',
  },
] as const;

/** The news and announcement feeds, for a page's `<link rel="alternate">` (feed readers find them there). */
export function feedLinks(lang: Lang): PageFeed[] {
  return feeds.flatMap((feed) => [
    {
      title: `${text(lang, feed.title)} (RSS)`,
      href: localePath(lang, feed.rss),
      type: 'application/rss+xml' as const,
    },
    {
      title: `${text(lang, feed.title)} (Atom)`,
      href: localePath(lang, feed.atom),
      type: 'application/atom+xml' as const,
    },
  ]);
}

const descriptionKey = { news: 'newsDescription', announcement: 'announcementsDescription' } as const;

/** Open data may be read by any site's scripts. */
const openHeaders = {
  'access-control-allow-origin': '*',
  link: `<${openDataLicenceUrl}>; rel="license"`,
};

const SitemapParams = Type.Object({ file: Type.String({ pattern: '^[1-9][0-9]{0,5}\\.xml$' }) });

export interface FeedRoutesOptions {
  /** URLs per child sitemap (the protocol's limit unless a test asks for fewer). */
  readonly sitemapUrlLimit?: number;
}

export function feedRoutesWith(options: FeedRoutesOptions = {}): RoutePlugin {
  const urlLimit = options.sitemapUrlLimit ?? sitemapUrlLimit;
  return async (app, deps, registry) => {
    const { db, config, clock } = deps;
    const base = config.publicBaseUrl;

    for (const feed of feeds) {
      for (const [format, path] of [
        ['rss', feed.rss],
        ['atom', feed.atom],
      ] as const) {
        forEachLanguage(path, (url, lang) => {
          app.get(url, { schema: { hide: true } }, async (_request, reply) => {
            const now = clock.now();
            const items = await newestPublicItems(db, { kind: feed.kind, now });
            const names = await classificationNames(db, items);
            const entries = items.map((item) => ({
              url: `${base}${localePath(lang, contentPaths.item(item.number))}`,
              title: lang === 'en' ? (item.titleEn ?? item.titleZh) : item.titleZh,
              summary: lang === 'en' ? (item.summaryEn ?? item.summaryZh) : item.summaryZh,
              published: item.published,
              updated: item.updated,
              categories: categoriesOf(item, names, lang),
            }));
            const facts: FeedFacts = {
              lang,
              title: text(lang, feed.title),
              description: text(lang, descriptionKey[feed.kind], { count: feedEntryCount }),
              selfUrl: `${base}${url}`,
              pageUrl: `${base}${localePath(lang, contentPaths.byKind(feed.kind))}`,
              author: text(lang, 'author'),
              licenceUrl: openDataLicenceUrl,
              rights: text(lang, 'rights'),
              emptyUpdated: now,
            };
            reply.headers(openHeaders);
            return format === 'rss'
              ? reply.type('application/rss+xml; charset=utf-8').send(rssFeed(facts, entries))
              : reply.type('application/atom+xml; charset=utf-8').send(atomFeed(facts, entries));
          });
        });
      }
    }

    // The site's own pages and the modules' public pages: fixed for a release.
    const staticEntries = staticSitemapEntries(sitePages, registry.publicReads);
    const staticPaths = staticEntries.map((entry) => entry.path);

    // The index of child sitemaps: small, kept (a public read).
    app.get(feedPaths.sitemapXml, { schema: { hide: true } }, async (_request, reply) => {
      const now = clock.now();
      const [things, latest] = await Promise.all([
        countIndexedPages(db, now, staticPaths),
        latestIndexChange(db),
      ]);
      const children = childCount(staticEntries.length + things, urlLimit);
      const body = sitemapIndexText(
        Array.from({ length: children }, (_, index) => ({
          loc: `${base}${feedPaths.sitemapChild(index + 1)}`,
          lastModified: latest,
        })),
      );
      reply.headers(openHeaders);
      return reply.type('application/xml; charset=utf-8').send(body);
    });

    // One child: its share of the static pages, then its share of the index, streamed batch by batch.
    app.get(
      feedPaths.sitemapChildRoute,
      { schema: { hide: true, params: SitemapParams } },
      async (request, reply) => {
        const number = Number.parseInt(request.params.file, 10);
        const now = clock.now();
        const span = childSpan(number, staticEntries.length, urlLimit);
        const staticUrls = staticEntries
          .slice(span.staticStart, span.staticEnd)
          .flatMap((entry) => urlsOfEntry(entry, base));
        // The index's share, its first batch read before answering: a child past the last has none (no count
        // of the whole index, which takes seconds at 200,000 things).
        const pages =
          span.indexCount === 0
            ? null
            : indexedPages(db, {
                now,
                offset: span.indexOffset,
                count: span.indexCount,
                excludedPaths: staticPaths,
              });
        const first = pages === null ? null : await pages.next();
        if (staticUrls.length === 0 && (first === null || first.done === true)) {
          throw notFound(request.lang === 'en' ? 'No such sitemap.' : '沒有這個網站地圖。');
        }
        const urlsOf = (batch: readonly IndexedPage[]) =>
          batch.flatMap((page) =>
            urlsOfEntry({ path: page.path, langs: page.langs, lastModified: page.updatedAt }, base),
          );
        async function* batches(): AsyncGenerator<SitemapUrl[]> {
          yield staticUrls;
          if (pages === null || first === null || first.done === true) return;
          yield urlsOf(first.value);
          for await (const batch of pages) yield urlsOf(batch);
        }
        reply.headers(openHeaders);
        reply.header('cache-control', 'public, max-age=3600');
        return reply.type('application/xml; charset=utf-8').send(Readable.from(sitemapUrlset(batches())));
      },
    );
  };
}

/** The routes with the protocol's limits (the manifest's group). */
export const feedRoutes: RoutePlugin = feedRoutesWith();
