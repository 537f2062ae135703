import type { ComponentChildren } from 'preact';

export interface PaginationProps {
  /** The nav's accessible name. */
  label: string;
  previousText: string;
  nextText: string;
  /** Where the previous and next links go; null: that link is not shown. */
  previousHref: string | null;
  nextHref: string | null;
  /** The numbered pages between them (`govuk-pagination__list`), when the page shows them. */
  children?: ComponentChildren;
}

/** GOV.UK pagination; nothing when there is neither a previous nor a next page. */
export function Pagination(props: PaginationProps) {
  if (props.previousHref === null && props.nextHref === null) return null;
  return (
    <nav class="govuk-pagination" aria-label={props.label}>
      {props.previousHref === null ? null : (
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" href={props.previousHref} rel="prev">
            <span class="govuk-pagination__link-title">{props.previousText}</span>
          </a>
        </div>
      )}
      {props.children}
      {props.nextHref === null ? null : (
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={props.nextHref} rel="next">
            <span class="govuk-pagination__link-title">{props.nextText}</span>
          </a>
        </div>
      )}
    </nav>
  );
}
