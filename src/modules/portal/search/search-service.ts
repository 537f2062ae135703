import { asc } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { keptRead } from '../../../platform/db/kept-read.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import { listUnits } from '../../../platform/reference/reference-repo.ts';
import {
  administrativeClassifications,
  serviceClassifications,
  themeClassifications,
} from '../../../platform/reference/reference-schema.ts';
import { type SearchOptions, type SearchResults, searchSite } from '../../../platform/search/search-query.ts';
import type { Choice } from '../../../platform/web/components/form-controls.tsx';
import { pageNumberOf } from '../../../platform/web/components/pagination.tsx';
import { readForm } from '../../../platform/web/components/read-form.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import {
  filterProblems,
  hasFilters,
  type KnownChoices,
  type SiteSearchValues,
  siteSearchForm,
  usesAdvancedWords,
} from './search-form.ts';

/**
 * The search page's and API's use case: read the query string with the search form, check the filters
 * against the lists the page offers, and search (platform/search/search-query.ts).
 */

export interface SearchChoiceLists {
  readonly units: readonly Choice[];
  readonly themes: readonly Choice[];
  readonly cakes: readonly Choice[];
  readonly services: readonly Choice[];
  readonly known: KnownChoices;
  readonly unitNames: ReadonlyMap<string, string>;
}

/**
 * The units and the three classification schemes, as the filters offer them: read for every search page
 * and API call, so kept (`keptRead`) until a unit or a classification scheme is published (a scheme's load
 * announces 'search', a unit's save 'units') or for 5 s.
 */
export function loadSearchChoices(db: DatabaseOrTransaction, lang: Lang): Promise<SearchChoiceLists> {
  return choicesNow[lang](db);
}

const choicesNow: Record<Lang, (db: DatabaseOrTransaction) => Promise<SearchChoiceLists>> = {
  'zh-TW': keptRead(['search', 'units'], (db) => readSearchChoices(db, 'zh-TW')),
  en: keptRead(['search', 'units'], (db) => readSearchChoices(db, 'en')),
};

async function readSearchChoices(db: DatabaseOrTransaction, lang: Lang): Promise<SearchChoiceLists> {
  const units = await listUnits(db, { activeOnly: false });
  const themes = await db.select().from(themeClassifications).orderBy(asc(themeClassifications.code));
  const cakes = await db
    .select()
    .from(administrativeClassifications)
    .orderBy(asc(administrativeClassifications.code));
  const services = await db.select().from(serviceClassifications).orderBy(asc(serviceClassifications.code));
  const named = (rows: readonly { code: string; nameZh: string; nameEn: string | null }[]): Choice[] =>
    rows.map((row) => ({
      value: row.code,
      label: `${row.code} ${lang === 'en' ? (row.nameEn ?? row.nameZh) : row.nameZh}`,
    }));
  const unitChoices = units.map((unit) => ({
    value: unit.code,
    label: lang === 'en' ? unit.nameEn : unit.nameZh,
  }));
  return {
    units: unitChoices,
    themes: named(themes),
    cakes: named(cakes),
    services: named(services),
    known: {
      units: new Set(units.map((unit) => unit.code)),
      themes: new Set(themes.map((row) => row.code)),
      cakes: new Set(cakes.map((row) => row.code)),
      services: new Set(services.map((row) => row.code)),
    },
    unitNames: new Map(unitChoices.map((choice) => [choice.value, choice.label])),
  };
}

export interface SearchRequest {
  readonly values: SiteSearchValues;
  readonly problems: readonly FieldProblem[];
  readonly page: number;
  /** The advanced words or the field choice are used (or the advanced form asked for). */
  readonly isAdvanced: boolean;
  /** Anything to search for: words, or a filter. */
  readonly isAsked: boolean;
}

/** Reads a query string: the form's values and every problem (the form's and the filters'). */
export function readSearchRequest(
  query: Readonly<Record<string, unknown>>,
  known: KnownChoices,
  lang: Lang,
): SearchRequest {
  const { values, problems } = readForm(siteSearchForm, query, lang);
  const typed = values as SiteSearchValues;
  const all = [
    ...problems,
    ...filterProblems(typed, known, lang).filter(
      (problem) => !problems.some((earlier) => earlier.field === problem.field),
    ),
  ];
  const isAdvanced = query.advanced === '1' || usesAdvancedWords(typed);
  const isAsked =
    [typed.q, typed.all, typed.any, typed.none].some((words) => words !== '') || hasFilters(typed);
  return {
    values: typed,
    problems: all,
    page: pageNumberOf(query.page as string | undefined),
    isAdvanced,
    isAsked,
  };
}

export function searchOptionsOf(request: SearchRequest, lang: Lang, now: Date): SearchOptions {
  const { values } = request;
  return {
    lang,
    query: values.q,
    advanced: { all: values.all, any: values.any, none: values.none },
    ...(values.kind === '' ? {} : { kinds: [values.kind] }),
    unitCode: values.unit || null,
    from: values.from || null,
    to: values.to || null,
    themeCode: values.theme || null,
    cakeCode: values.cake || null,
    serviceCode: values.service || null,
    fields: values.in === '' ? 'any' : values.in,
    page: request.page,
    now,
  };
}

/** The API's search: the same reading and rules; problems are a VALIDATION_FAILED error listing them all. */
export async function searchForApi(
  db: DatabaseOrTransaction,
  query: Readonly<Record<string, unknown>>,
  lang: Lang,
  now: Date,
): Promise<{ results: SearchResults; choices: SearchChoiceLists }> {
  const choices = await loadSearchChoices(db, lang);
  const request = readSearchRequest(query, choices.known, lang);
  if (request.problems.length > 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      lang === 'en' ? 'There is a problem with the search.' : '搜尋條件有問題。',
      { problems: [...request.problems] },
    );
  }
  const results = request.isAsked
    ? await searchSite(db, searchOptionsOf(request, lang, now))
    : {
        text: '',
        hits: [],
        total: 0,
        isTotalCapped: false,
        page: 1,
        pageCount: 0,
        isRelaxed: false,
        suggestions: [],
        isEmpty: true,
      };
  return { results, choices };
}
