import type { PublicRead } from '../../../platform/http/public-reads.ts';
import { type Lang, languages, localePath } from '../../../platform/web/i18n.ts';
import type { SitemapUrl } from './feed-xml.ts';

/**
 * Which addresses the sitemap lists and how it splits them (pure rules, unit-tested). An entry is one page
 * in each of its languages (one or two `<url>`s); a child sitemap holds at most half its URL limit of
 * entries, so never more URLs than the limit (the protocol's is 50,000).
 */

export const sitemapUrlLimit = 50_000;

export interface SitemapEntry {
  /** Bare (zh-TW) path. */
  readonly path: string;
  readonly langs: readonly Lang[];
  readonly lastModified?: Date | string | null;
}

/** Addresses of files and APIs, not pages. */
const fileEnding = /\.(xml|json|atom|rss|csv|geojson|ics|pdf|odt|ods|txt)$/i;

function isPageAddress(path: string): boolean {
  return !path.includes('?') && !path.includes('#') && !path.includes(':') && !fileEnding.test(path);
}

/**
 * The site's own pages (`sitePages`, with their dates) and every module's public pages: each public read's
 * examples (or its route when it has no parameter) that are pages — no query string, no file ending, not
 * under /api — in both languages unless the read has one.
 */
export function staticSitemapEntries(
  sitePages: readonly { readonly path: string; readonly updatedAt: string }[],
  reads: readonly PublicRead[],
): SitemapEntry[] {
  const entries = new Map<string, SitemapEntry>();
  for (const page of sitePages) {
    entries.set(page.path, { path: page.path, langs: languages, lastModified: page.updatedAt });
  }
  for (const read of reads) {
    if (read.route.startsWith('/api/')) continue;
    for (const path of read.examples ?? [read.route]) {
      if (!isPageAddress(path) || entries.has(path)) continue;
      entries.set(path, { path, langs: read.oneLanguage === true ? ['zh-TW'] : languages });
    }
  }
  return [...entries.values()];
}

/** The `<url>` of each language of an entry, each naming every language (hreflang alternates). */
export function urlsOfEntry(entry: SitemapEntry, publicBaseUrl: string): SitemapUrl[] {
  const alternates =
    entry.langs.length > 1
      ? entry.langs.map((lang) => ({ lang, href: `${publicBaseUrl}${localePath(lang, entry.path)}` }))
      : undefined;
  return entry.langs.map((lang) => ({
    loc: `${publicBaseUrl}${localePath(lang, entry.path)}`,
    lastModified: entry.lastModified ?? null,
    ...(alternates ? { alternates } : {}),
  }));
}

/** Entries per child sitemap for a URL limit (each entry is at most two URLs). */
export function entriesPerChild(urlLimit: number): number {
  return Math.max(1, Math.floor(urlLimit / 2));
}

/** How many child sitemaps hold this many entries (at least one, empty or not). */
export function childCount(entryCount: number, urlLimit: number): number {
  return Math.max(1, Math.ceil(entryCount / entriesPerChild(urlLimit)));
}

/**
 * Child `number` (1-based) of the sequence "static entries, then the index's things": which static entries
 * it holds, and from which of the index's things on and how many.
 */
export function childSpan(
  number: number,
  staticCount: number,
  urlLimit: number,
): { staticStart: number; staticEnd: number; indexOffset: number; indexCount: number } {
  const perChild = entriesPerChild(urlLimit);
  const start = (number - 1) * perChild;
  const end = start + perChild;
  const staticStart = Math.min(start, staticCount);
  const staticEnd = Math.min(end, staticCount);
  const indexOffset = Math.max(0, start - staticCount);
  const indexCount = end - Math.max(start, staticCount);
  return { staticStart, staticEnd, indexOffset, indexCount: Math.max(0, indexCount) };
}
