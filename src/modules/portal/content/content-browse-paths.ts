import { contentPaths } from '../shared/portal-paths.ts';

/** Browsing addresses beside the agreed ones (shared/portal-paths.ts): a scheme's whole tree, a month. */
export const contentBrowsePaths = {
  scheme: (scheme: string) => `/info/classifications/${encodeURIComponent(scheme)}`,
  byMonth: (year: number, month: number) => `${contentPaths.byYear(year)}/${month}`,
} as const;

/** A list's address with its page number (page 1 has none). */
export function withPage(path: string, page: number): string {
  return page <= 1 ? path : `${path}?page=${page}`;
}
