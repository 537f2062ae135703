import { Type } from 'typebox';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { fieldLimits } from '../../../platform/web/components/field-limits.ts';
import { defineForm, field } from '../../../platform/web/components/read-form.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { contentKindNames, contentKinds } from '../content/content-kinds.ts';
import { searchText as text } from './search-messages.ts';

/**
 * The search page's GET form (the box, the advanced words, the filters) and the API's query: the same
 * fields, read with `readForm` so that an over-long or wrong value is the form's problem, in the reader's
 * language (fieldLimits.searchTerms for words). Pure rules beyond the fields: `filterProblems`.
 */

/** What the index holds besides content: FAQ entries, services, plans, the site's own pages. */
export const resultKinds = [...contentKinds, 'faq', 'service', 'plan', 'page'] as const;
export type ResultKind = (typeof resultKinds)[number];

export const searchFieldChoices = ['any', 'title', 'body'] as const;

const datePattern = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

export const siteSearchForm = defineForm(
  Type.Object({
    q: field.text({ maxLength: fieldLimits.searchTerms }),
    all: field.text({ maxLength: fieldLimits.searchTerms }),
    any: field.text({ maxLength: fieldLimits.searchTerms }),
    none: field.text({ maxLength: fieldLimits.searchTerms }),
    in: field.choice(searchFieldChoices),
    kind: field.choice(resultKinds),
    unit: field.text({ maxLength: fieldLimits.code }),
    from: field.text({ maxLength: 10 }),
    to: field.text({ maxLength: 10 }),
    theme: field.text({ maxLength: fieldLimits.code }),
    cake: field.text({ maxLength: fieldLimits.code }),
    service: field.text({ maxLength: fieldLimits.code }),
  }),
  {
    q: { 'zh-TW': '搜尋字詞', en: 'Search words' },
    all: { 'zh-TW': '包含全部字詞', en: 'All of these words' },
    any: { 'zh-TW': '包含任一字詞', en: 'Any of these words' },
    none: { 'zh-TW': '不包含字詞', en: 'None of these words' },
    in: { 'zh-TW': '搜尋範圍', en: 'Where to look' },
    kind: { 'zh-TW': '類型', en: 'Type' },
    unit: { 'zh-TW': '承辦單位', en: 'Unit' },
    from: { 'zh-TW': '日期起', en: 'Date from' },
    to: { 'zh-TW': '日期迄', en: 'Date to' },
    theme: { 'zh-TW': '主題分類', en: 'Theme classification' },
    cake: { 'zh-TW': '施政分類', en: 'Administrative classification' },
    service: { 'zh-TW': '服務分類', en: 'Service classification' },
  },
);

export type SiteSearchValues = {
  q: string;
  all: string;
  any: string;
  none: string;
  in: '' | (typeof searchFieldChoices)[number];
  kind: '' | ResultKind;
  unit: string;
  from: string;
  to: string;
  theme: string;
  cake: string;
  service: string;
};

export const emptySearchValues: SiteSearchValues = {
  q: '',
  all: '',
  any: '',
  none: '',
  in: '',
  kind: '',
  unit: '',
  from: '',
  to: '',
  theme: '',
  cake: '',
  service: '',
};

/** The codes the selects offer: a value outside them was not chosen from the page. */
export interface KnownChoices {
  readonly units: ReadonlySet<string>;
  readonly themes: ReadonlySet<string>;
  readonly cakes: ReadonlySet<string>;
  readonly services: ReadonlySet<string>;
}

function isRealDate(value: string): boolean {
  if (!new RegExp(datePattern).test(value)) return false;
  const moment = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(moment.getTime()) && moment.toISOString().slice(0, 10) === value;
}

/** Every problem of the filters at once: dates that are not dates or in the wrong order, unknown codes. */
export function filterProblems(values: SiteSearchValues, known: KnownChoices, lang: Lang): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const label = (name: keyof SiteSearchValues) => siteSearchForm.labels[name][lang];
  for (const name of ['from', 'to'] as const) {
    if (values[name] !== '' && !isRealDate(values[name])) {
      problems.push({
        field: name,
        code: 'badFormat',
        message: text(lang, 'dateInvalid', { label: label(name) }),
      });
    }
  }
  if (isRealDate(values.from) && isRealDate(values.to) && values.from > values.to) {
    problems.push({ field: 'to', code: 'dateOrder', message: text(lang, 'dateOrder') });
  }
  const choices = [
    ['unit', known.units],
    ['theme', known.themes],
    ['cake', known.cakes],
    ['service', known.services],
  ] as const;
  for (const [name, codes] of choices) {
    if (values[name] !== '' && !codes.has(values[name])) {
      problems.push({
        field: name,
        code: 'choose',
        message: text(lang, 'unknownChoice', { label: label(name) }),
      });
    }
  }
  return problems;
}

/** Whether any filter (beyond the words) is set. */
export function hasFilters(values: SiteSearchValues): boolean {
  return [values.kind, values.unit, values.from, values.to, values.theme, values.cake, values.service].some(
    (value) => value !== '',
  );
}

/** Whether the advanced words or the field choice are used (the advanced form is shown again). */
export function usesAdvancedWords(values: SiteSearchValues): boolean {
  return (
    values.all !== '' || values.any !== '' || values.none !== '' || (values.in !== '' && values.in !== 'any')
  );
}

/** The query string of a search (empty values left out), for links: pages, suggestions, "clear filters". */
export function searchQueryString(
  values: Partial<SiteSearchValues> & { page?: number; advanced?: boolean },
): string {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (name === 'page' || name === 'advanced') continue;
    if (typeof value === 'string' && value !== '') parameters.set(name, value);
  }
  if (values.advanced) parameters.set('advanced', '1');
  if (values.page !== undefined && values.page > 1) parameters.set('page', String(values.page));
  const query = parameters.toString();
  return query === '' ? '' : `?${query}`;
}

/** A kind's name for a result's label and the kind filter. */
export function kindName(kind: string, lang: Lang): string {
  if ((contentKinds as readonly string[]).includes(kind)) {
    return contentKindNames[kind as (typeof contentKinds)[number]][lang];
  }
  if (kind === 'faq') return text(lang, 'kindFaq');
  if (kind === 'service') return text(lang, 'kindService');
  if (kind === 'plan') return text(lang, 'kindPlan');
  return text(lang, 'kindPage');
}
