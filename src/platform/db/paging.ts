/**
 * Reading one page of a list: `pageWindow` gives the LIMIT and OFFSET (one row more than a page, so the
 * list knows whether another follows without counting a large table), `pageOfRows` cuts the result back to
 * the page. Lists that count their rows anyway use `pageCountOf` for numbered links. The page number comes
 * from `pageNumberOf` (platform/web/components/pagination.tsx) and is shown with `Pagination` there.
 */

export interface PageWindow {
  page: number;
  pageSize: number;
  /** Rows to read: one more than a page tells whether another follows (use with `hasNextPage`). */
  limit: number;
  offset: number;
}

export function pageWindow(page: number, pageSize: number): PageWindow {
  return { page, pageSize, limit: pageSize + 1, offset: (page - 1) * pageSize };
}

/** One page of rows read through `pageWindow`: the rows of the page, and whether another follows. */
export function pageOfRows<Row>(
  rows: readonly Row[],
  window: PageWindow,
): { rows: Row[]; hasNextPage: boolean } {
  return { rows: rows.slice(0, window.pageSize), hasNextPage: rows.length > window.pageSize };
}

/** The number of pages for `total` rows (at least 1). */
export function pageCountOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
