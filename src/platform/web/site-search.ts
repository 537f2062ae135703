import { Type } from 'typebox';
import { fieldLimits } from './components/field-limits.ts';
import { defineForm, field } from './components/read-form.ts';
import type { Lang } from './i18n.ts';
import { type OtherPublicPage, otherPublicPages, type SitePage, sitePages } from './site-pages.ts';

/**
 * Search over this site's own pages, until the full-text search of announcements, FAQ and services
 * (ARCHITECTURE: bigram full-text search) exists. Every word must appear in the page's title or summary, in
 * either language, so 「隱私」 and "privacy" both find the privacy policy.
 */
/**
 * The search box as a form (a GET form: /search?q=…): words of at most `fieldLimits.searchTerms`
 * characters. Longer words come back as the form's problem, on the search page, in the reader's language.
 */
export const searchForm = defineForm(Type.Object({ q: field.text({ maxLength: fieldLimits.searchTerms }) }), {
  q: { 'zh-TW': '搜尋字詞', en: 'Search words' },
});

export function normaliseQuery(query: string): string[] {
  return query
    .normalize('NFKC')
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
}

export function searchSitePages(query: string): (SitePage | OtherPublicPage)[] {
  const words = normaliseQuery(query);
  if (words.length === 0) return [];
  const languages: Lang[] = ['zh-TW', 'en'];
  return [...sitePages, ...otherPublicPages].filter((page) => {
    const haystack = languages
      .flatMap((lang) => [page.title[lang], page.summary[lang]])
      .join(' ')
      .normalize('NFKC')
      .toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
