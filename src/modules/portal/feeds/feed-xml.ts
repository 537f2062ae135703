import type { Lang } from '../../../platform/web/i18n.ts';
import { xmlText } from '../../../platform/web/xml-text.ts';

/**
 * The portal's machine-readable files as text (issue 15 §6): RSS 2.0 and Atom 1.0 feeds of news releases
 * and announcements, and the sitemap protocol's `urlset` and `sitemapindex`. Pure functions of their
 * inputs (unit-tested by parsing what they write); the routes read the rows (feed-queries.ts).
 */

/** A moment as Atom and the sitemap protocol write it, in Taipei time: 2026-03-02T10:00:00+08:00. */
export function w3cDateTime(moment: Date): string {
  const taipei = new Date(moment.getTime() + 8 * 3_600_000);
  return `${taipei.toISOString().slice(0, 19)}+08:00`;
}

/** A moment as RSS 2.0 writes it (RFC 822, in GMT): Mon, 02 Mar 2026 02:00:00 GMT. */
export function rfc822DateTime(moment: Date): string {
  return moment.toUTCString();
}

/** The language tag of a feed or a sitemap alternate (TAIWAN.md: zh-Hant on Chinese pages). */
export function xmlLang(lang: Lang): string {
  return lang === 'en' ? 'en' : 'zh-Hant-TW';
}

/** One news release or announcement in a feed, in the feed's language. */
export interface FeedEntry {
  /** The absolute address of its page (also its id). */
  readonly url: string;
  readonly title: string;
  readonly summary: string;
  /** When it was published (shown from). */
  readonly published: Date;
  /** Its last change the public sees (the published version's approval, or its publishing time). */
  readonly updated: Date;
  /** Its kind's name and its classifications' names. */
  readonly categories: readonly string[];
}

export interface FeedFacts {
  readonly lang: Lang;
  readonly title: string;
  readonly description: string;
  /** The feed's own absolute address. */
  readonly selfUrl: string;
  /** The absolute address of the page listing the same things. */
  readonly pageUrl: string;
  readonly author: string;
  readonly licenceUrl: string;
  readonly rights: string;
  /** Its updated time when it holds nothing (the feed is still valid). */
  readonly emptyUpdated: Date;
}

function newestOf(entries: readonly FeedEntry[], empty: Date): Date {
  return new Date(Math.max(empty.getTime(), ...entries.map((entry) => entry.updated.getTime())));
}

/** An RSS 2.0 feed (https://www.rssboard.org/rss-specification), newest first as given. */
export function rssFeed(facts: FeedFacts, entries: readonly FeedEntry[]): string {
  const latest = entries.length === 0 ? facts.emptyUpdated : newestOf(entries, new Date(0));
  const items = entries.map((entry) =>
    [
      '<item>',
      `<title>${xmlText(entry.title)}</title>`,
      `<link>${xmlText(entry.url)}</link>`,
      `<guid isPermaLink="true">${xmlText(entry.url)}</guid>`,
      `<pubDate>${rfc822DateTime(entry.published)}</pubDate>`,
      `<description>${xmlText(entry.summary)}</description>`,
      ...entry.categories.map((category) => `<category>${xmlText(category)}</category>`),
      '</item>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${xmlText(facts.title)}</title>`,
    `<link>${xmlText(facts.pageUrl)}</link>`,
    `<description>${xmlText(facts.description)}</description>`,
    `<language>${facts.lang === 'en' ? 'en' : 'zh-tw'}</language>`,
    `<copyright>${xmlText(facts.rights)}</copyright>`,
    `<lastBuildDate>${rfc822DateTime(latest)}</lastBuildDate>`,
    `<atom:link rel="self" type="application/rss+xml" href="${xmlText(facts.selfUrl)}"/>`,
    ...items,
    '</channel>',
    '</rss>',
  ].join('\n');
}

/** An Atom 1.0 feed (RFC 4287), newest first as given; each entry's id is its page's address. */
export function atomFeed(facts: FeedFacts, entries: readonly FeedEntry[]): string {
  const updated = entries.length === 0 ? facts.emptyUpdated : newestOf(entries, new Date(0));
  const items = entries.map((entry) =>
    [
      '<entry>',
      `<id>${xmlText(entry.url)}</id>`,
      `<title type="text">${xmlText(entry.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${xmlText(entry.url)}"/>`,
      `<published>${w3cDateTime(entry.published)}</published>`,
      `<updated>${w3cDateTime(entry.updated)}</updated>`,
      `<summary type="text">${xmlText(entry.summary)}</summary>`,
      ...entry.categories.map((category) => `<category term="${xmlText(category)}"/>`),
      '</entry>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlLang(facts.lang)}">`,
    `<id>${xmlText(facts.selfUrl)}</id>`,
    `<title type="text">${xmlText(facts.title)}</title>`,
    `<subtitle type="text">${xmlText(facts.description)}</subtitle>`,
    `<updated>${w3cDateTime(updated)}</updated>`,
    `<author><name>${xmlText(facts.author)}</name></author>`,
    `<link rel="self" type="application/atom+xml" href="${xmlText(facts.selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlText(facts.pageUrl)}"/>`,
    `<link rel="license" href="${xmlText(facts.licenceUrl)}"/>`,
    `<rights type="text">${xmlText(facts.rights)}</rights>`,
    ...items,
    '</feed>',
  ].join('\n');
}

/** One page in a sitemap, with the same page in the other language when there is one. */
export interface SitemapUrl {
  /** Absolute. */
  readonly loc: string;
  /** YYYY-MM-DD or a moment. */
  readonly lastModified?: Date | string | null;
  /** Every language version of the page, this one included (hreflang alternates), absolute. */
  readonly alternates?: readonly { readonly lang: Lang; readonly href: string }[];
}

const urlsetOpening = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
].join('\n');
const urlsetClosing = '</urlset>';

function lastModifiedText(value: Date | string): string {
  return typeof value === 'string' ? value : w3cDateTime(value);
}

/** One `<url>` element (a line of its own). */
export function sitemapUrlElement(url: SitemapUrl): string {
  const parts = [`<url><loc>${xmlText(url.loc)}</loc>`];
  if (url.lastModified) parts.push(`<lastmod>${xmlText(lastModifiedText(url.lastModified))}</lastmod>`);
  for (const alternate of url.alternates ?? []) {
    parts.push(
      `<xhtml:link rel="alternate" hreflang="${xmlLang(alternate.lang)}" href="${xmlText(alternate.href)}"/>`,
    );
  }
  parts.push('</url>');
  return parts.join('');
}

/**
 * A `urlset` written piece by piece as its batches arrive (a child sitemap of 50,000 addresses is ~20 MB:
 * never built whole).
 */
export async function* sitemapUrlset(batches: AsyncIterable<readonly SitemapUrl[]>): AsyncGenerator<string> {
  yield `${urlsetOpening}\n`;
  for await (const batch of batches) {
    if (batch.length > 0) yield `${batch.map(sitemapUrlElement).join('\n')}\n`;
  }
  yield `${urlsetClosing}\n`;
}

/** The same, whole: for a handful of addresses (and the tests). */
export function sitemapUrlsetText(urls: readonly SitemapUrl[]): string {
  return [urlsetOpening, ...urls.map(sitemapUrlElement), urlsetClosing].join('\n');
}

/** A `sitemapindex` naming each child sitemap (absolute addresses). */
export function sitemapIndexText(children: readonly { loc: string; lastModified?: Date | null }[]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...children.map(
      (child) =>
        `<sitemap><loc>${xmlText(child.loc)}</loc>${
          child.lastModified ? `<lastmod>${w3cDateTime(child.lastModified)}</lastmod>` : ''
        }</sitemap>`,
    ),
    '</sitemapindex>',
  ].join('\n');
}
