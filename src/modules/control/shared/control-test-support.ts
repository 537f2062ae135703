import type { Database } from '../../../platform/db/database.ts';
import { units } from '../../../platform/reference/reference-schema.ts';

/** HTML helpers the module's HTTP tests share: the page's main part, the error summary, meta tags. */

export function mainOf(html: string): string {
  return html.slice(html.indexOf('<main'), html.indexOf('</main>'));
}

export function decode(value: string): string {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

export function metaContent(html: string, name: string): string | undefined {
  return new RegExp(`<meta name="${name.replaceAll('.', '\\.')}" content="([^"]*)"`).exec(html)?.[1];
}

/** The problems the error summary lists: [link target, text]. */
export function summaryOf(html: string): [string, string][] {
  const start = html.indexOf('class="govuk-error-summary"');
  if (start === -1) return [];
  const summary = html.slice(start, html.indexOf('</ul>', start));
  return [...summary.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map(([, href = '', label = '']) => [
    href,
    decode(label),
  ]);
}

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
