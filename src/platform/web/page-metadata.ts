import { BUREAU } from '../reference/units.ts';
import { type Lang, localePath } from './i18n.ts';

/**
 * Government metadata on every page (行政機關電子資料流通詮釋資料及分類檢索規範, rev. 111-12-02): the 15 Dublin
 * Core elements, all mandatory — coverage being written as the pair DC.coverage.t.min / .max — and the three
 * classification schemes. Defaults come from the page; a page overrides any field through
 * PageOptions.metadata.
 */

/**
 * The bureau's agency code (機關代碼) for DC.Identifier. TO BE CONFIRMED with the bureau: 397030000H is the
 * code this project was given, not checked against the 行政院 agency-code table.
 */
export const agencyCode = '397030000H';

/**
 * Defaults for the classification codes. Category.Service uses the official 服務分類 top level (I00 公共
 * 資訊, see reference/service-classification.ts). The 主題分類 (Theme) and 施政分類 (Cake) tables were not
 * found (TAIWAN.md), so their defaults are PLACEHOLDER codes, configurable here and per page, until the
 * official tables are loaded as reference data.
 */
export const classificationDefaults = {
  theme: '300',
  cake: '600',
  service: 'I00',
} as const;

/** "No planned end": DC.coverage.t.max of pages that are not withdrawn on a date. */
export const openEndedCoverage = '2099-12-31';

export interface PageMetadata {
  title: string;
  creator: string;
  subject: string;
  description: string;
  contributor: string;
  type: string;
  format: string;
  source: string;
  language: string;
  coverageStart: string;
  coverageEnd: string;
  publisher: string;
  date: string;
  identifier: string;
  relation: string;
  rights: string;
  theme: string;
  cake: string;
  service: string;
}

/** Field → `<meta name>`, in the order the standard lists them. */
export const metadataNames: Readonly<Record<keyof PageMetadata, string>> = {
  title: 'DC.Title',
  creator: 'DC.Creator',
  subject: 'DC.Subject',
  description: 'DC.Description',
  contributor: 'DC.Contributor',
  type: 'DC.Type',
  format: 'DC.Format',
  source: 'DC.Source',
  language: 'DC.Language',
  coverageStart: 'DC.coverage.t.min',
  coverageEnd: 'DC.coverage.t.max',
  publisher: 'DC.Publisher',
  date: 'DC.Date',
  identifier: 'DC.Identifier',
  relation: 'DC.Relation',
  rights: 'DC.Rights',
  theme: 'Category.Theme',
  cake: 'Category.Cake',
  service: 'Category.Service',
};

export interface MetadataSource {
  lang: Lang;
  /** The bare path (no language prefix). */
  path: string;
  /** Stable page id; derived from the path when absent. */
  pageId?: string | undefined;
  title: string;
  description?: string | undefined;
  /** ISO date (YYYY-MM-DD). */
  updatedAt: string;
}

/** `/staff/sign-in` → `staff-sign-in`; `/` → `home`. */
export function pageIdFromPath(path: string): string {
  const slug = path
    .replace(/^\/+|\/+$/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase();
  return slug === '' ? 'home' : slug;
}

export function buildMetadata(source: MetadataSource, overrides: Partial<PageMetadata> = {}): PageMetadata {
  const bureauName = source.lang === 'en' ? BUREAU.nameEn : BUREAU.nameZh;
  const otherLang: Lang = source.lang === 'en' ? 'zh-TW' : 'en';
  const defaults: PageMetadata = {
    title: source.title,
    creator: bureauName,
    subject: source.title,
    description: source.description ?? source.title,
    contributor: bureauName,
    type: source.lang === 'en' ? 'Text' : '文字',
    format: 'text/html',
    source: bureauName,
    language: source.lang,
    coverageStart: source.updatedAt,
    coverageEnd: openEndedCoverage,
    publisher: bureauName,
    date: source.updatedAt,
    identifier: `${agencyCode}-${source.pageId ?? pageIdFromPath(source.path)}`,
    // The same page in the other language: the closest related resource every page has.
    relation: localePath(otherLang, source.path),
    rights: bureauName,
    theme: classificationDefaults.theme,
    cake: classificationDefaults.cake,
    service: classificationDefaults.service,
  };
  const merged = { ...defaults };
  for (const key of Object.keys(overrides) as (keyof PageMetadata)[]) {
    const value = overrides[key];
    // An empty override would break "every element non-empty"; keep the default instead.
    if (value !== undefined && value.trim() !== '') merged[key] = value;
  }
  return merged;
}

/**
 * Elements given several values (a content item's keywords, creators, relations, classification codes):
 * the standard repeats such an element, one `<meta>` per value.
 */
export type RepeatedMetadata = Partial<Record<keyof PageMetadata, readonly string[]>>;

/**
 * `[name, content]` pairs for the `<meta>` tags, in the standard's order; an element with several non-empty
 * values in `repeated` is written once per value instead of its single value.
 */
export function metadataTags(metadata: PageMetadata, repeated: RepeatedMetadata = {}): [string, string][] {
  return (Object.keys(metadataNames) as (keyof PageMetadata)[]).flatMap((key): [string, string][] => {
    const values = (repeated[key] ?? []).filter((value) => value.trim() !== '');
    if (values.length === 0) return [[metadataNames[key], metadata[key]]];
    return values.map((value) => [metadataNames[key], value]);
  });
}
