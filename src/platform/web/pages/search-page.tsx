import { Button, ErrorSummary, TextInput } from '../components/form-controls.tsx';
import { textLimitOf } from '../components/form-page.tsx';
import { FormProblems } from '../components/form-problems.ts';
import { type Lang, localePath, translator } from '../i18n.ts';
import { searchForm, searchSitePages } from '../site-search.ts';
import { SitePageListItem } from './site-page-list-item.tsx';

const text = translator({
  'zh-TW': {
    heading: '網站搜尋',
    comingSoon:
      '公告、常見問答及服務項目的全文搜尋正在建置中。目前可以搜尋本網站各頁面的名稱與說明；也可以從網站導覽找到所有頁面。',
    label: '搜尋本網站的頁面',
    button: '搜尋',
    resultsHeading: '搜尋結果',
    resultCount: '「{query}」找到 {count} 個頁面。',
    resultCountOne: '「{query}」找到 1 個頁面。',
    noResults: '「{query}」沒有找到符合的頁面。',
    tryAgain: '請試試其他關鍵字，或查看',
    sitemapLink: '網站導覽',
    sentence: '。',
  },
  en: {
    heading: 'Search this site',
    comingSoon:
      'Full-text search of announcements, frequently asked questions and services is being built. For now you can search the names and descriptions of this site’s pages, or find every page in the site map.',
    label: 'Search the pages of this site',
    button: 'Search',
    resultsHeading: 'Results',
    resultCount: '{count} pages found for “{query}”.',
    resultCountOne: '1 page found for “{query}”.',
    noResults: 'No pages found for “{query}”.',
    tryAgain: 'Try other words, or see the',
    sitemapLink: 'site map',
    sentence: '.',
  },
});

export function SearchPage({
  lang,
  query,
  problems = FormProblems.none,
}: {
  lang: Lang;
  query: string;
  /** The search form's (an over-long query): shown above, and no search made. */
  problems?: FormProblems;
}) {
  const trimmed = query.trim();
  const isSearched = trimmed !== '' && !problems.hasAny;
  const results = isSearched ? searchSitePages(trimmed) : [];
  const sitemapLink = (
    <a class="govuk-link" href={localePath(lang, '/sitemap')}>
      {text(lang, 'sitemapLink')}
    </a>
  );
  return (
    <>
      <ErrorSummary lang={lang} problems={problems} />
      <h1 class="govuk-heading-xl">{text(lang, 'heading')}</h1>
      <div class="govuk-inset-text">{text(lang, 'comingSoon')}</div>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for many screen readers; role="search" on the form is the established landmark. */}
      <form
        action={localePath(lang, '/search')}
        method="get"
        role="search"
        aria-label={text(lang, 'label')}
        class="govuk-!-margin-bottom-6"
      >
        <TextInput
          lang={lang}
          id="search-page-query"
          name="q"
          type="search"
          label={text(lang, 'label')}
          labelClass="govuk-label--m"
          value={trimmed}
          widthClass="govuk-!-width-two-thirds"
          autocomplete="on"
          maxLength={textLimitOf(searchForm, 'q')}
          problems={problems}
        />
        <Button>{text(lang, 'button')}</Button>
      </form>
      {!isSearched ? null : (
        <>
          <h2 class="govuk-heading-l">{text(lang, 'resultsHeading')}</h2>
          {results.length === 0 ? (
            <p class="govuk-body">
              {text(lang, 'noResults', { query: trimmed })} {text(lang, 'tryAgain')} {sitemapLink}
              {text(lang, 'sentence')}
            </p>
          ) : (
            <>
              <p class="govuk-body">
                {results.length === 1
                  ? text(lang, 'resultCountOne', { query: trimmed })
                  : text(lang, 'resultCount', { query: trimmed, count: results.length })}
              </p>
              <ul class="govuk-list govuk-list--spaced">
                {results.map((page) => (
                  <SitePageListItem key={page.id} page={page} lang={lang} />
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </>
  );
}
