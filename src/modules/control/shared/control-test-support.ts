import type { Database } from '../../../platform/db/database.ts';
import { units } from '../../../platform/reference/reference-schema.ts';

/** What the module's HTTP tests share beyond test/helpers/html.ts: units to fill a list, a list's pagination. */

/** Units added for a test (a list long enough to have a second page): active, after the bureau's own. */
export async function addUnits(db: Database, prefix: string, count: number): Promise<string[]> {
  const rows = Array.from({ length: count }, (_, index) => {
    const n = String(index + 1).padStart(3, '0');
    return {
      code: `${prefix}-${n}`,
      nameZh: `測試單位${prefix}${n}`,
      nameEn: `Test unit ${prefix} ${n}`,
      descriptionZh: '',
      descriptionEn: '',
      addressZh: '',
      addressEn: '',
      phone: '',
      fax: '',
      email: '',
      serviceHoursZh: '',
      serviceHoursEn: '',
      isActive: true,
      sortOrder: 10_000 + index,
    };
  });
  await db.insert(units).values(rows);
  return rows.map((row) => row.code);
}

/** A list page's pagination: the links to the previous and the next page, if it has them. */
export function paginationOf(html: string): { previous: string | null; next: string | null } {
  const start = html.indexOf('class="govuk-pagination"');
  if (start === -1) return { previous: null, next: null };
  const nav = html.slice(start, html.indexOf('</nav>', start));
  const link = (rel: string) =>
    new RegExp(`href="([^"]+)" rel="${rel}"`).exec(nav)?.[1]?.replaceAll('&amp;', '&') ?? null;
  return { previous: link('prev'), next: link('next') };
}
