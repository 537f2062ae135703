import { Fragment } from 'preact';
import type { Lang } from '../i18n.ts';
import { formText } from './form-text.ts';

/**
 * Paging for every list: the page asked for (from the query string) here, the rows to read in
 * `platform/db/paging.ts`, and the GOV.UK pagination links. A list that counts its rows gets numbered links;
 * one that reads a row more than a page (no count on a large table) gets previous and next.
 */

/** Most pages any list may be asked for: page 100,001 of anything is a mistake or a probe. */
export const maxPage = 100_000;

/** The page number in a query string: a whole number from 1; anything else is page 1. */
export function pageNumberOf(raw: string | number | undefined | null): number {
  const number = typeof raw === 'number' ? raw : Number(String(raw ?? '').trim());
  return Number.isInteger(number) && number >= 1 && number <= maxPage ? number : 1;
}

export type PaginationProps = {
  lang: Lang;
  /** The nav's accessible name, when the page says more than 「分頁」 / "Pages" (案件清單分頁). */
  label?: string;
  page: number;
  href: (page: number) => string;
} & ({ pageCount: number } | { hasNextPage: boolean });

/** GOV.UK pagination; nothing when there is only one page. */
export function Pagination(props: PaginationProps) {
  const { lang, page, href } = props;
  const pageCount = 'pageCount' in props ? props.pageCount : null;
  const hasNext = pageCount === null ? (props as { hasNextPage: boolean }).hasNextPage : page < pageCount;
  if (page <= 1 && !hasNext) return null;
  const shown =
    pageCount === null
      ? []
      : [...new Set([1, page - 1, page, page + 1, pageCount])]
          .filter((number) => number >= 1 && number <= pageCount)
          .sort((a, b) => a - b);
  return (
    <nav class="govuk-pagination" aria-label={props.label ?? formText(lang, 'paginationLabel')}>
      {page > 1 ? (
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" href={href(page - 1)} rel="prev">
            <span class="govuk-pagination__link-title">{formText(lang, 'previousPage')}</span>
          </a>
        </div>
      ) : null}
      {shown.length === 0 ? null : (
        <ul class="govuk-pagination__list">
          {shown.map((number, index) => (
            <Fragment key={number}>
              {index > 0 && number - (shown[index - 1] ?? number) > 1 ? (
                <li class="govuk-pagination__item govuk-pagination__item--ellipses">⋯</li>
              ) : null}
              <li
                class={`govuk-pagination__item${number === page ? ' govuk-pagination__item--current' : ''}`}
              >
                <a
                  class="govuk-link govuk-pagination__link"
                  href={href(number)}
                  aria-label={formText(lang, 'pageNumber', { page: number })}
                  aria-current={number === page ? 'page' : undefined}
                >
                  {number}
                </a>
              </li>
            </Fragment>
          ))}
        </ul>
      )}
      {hasNext ? (
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={href(page + 1)} rel="next">
            <span class="govuk-pagination__link-title">{formText(lang, 'nextPage')}</span>
          </a>
        </div>
      ) : null}
    </nav>
  );
}
