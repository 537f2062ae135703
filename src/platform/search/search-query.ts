import { type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../db/database.ts';
import { executePrepared } from '../db/prepared-sql.ts';
import type { Lang } from '../web/i18n.ts';
import { scrubMissQuery } from './miss-scrub.ts';
import {
  type AdvancedWords,
  allOf,
  anyOf,
  atLeastOf,
  type Concept,
  conceptTsquery,
  highlightTermsOf,
  mainConcepts,
  type ParsedQuery,
  parseQuery,
  type SearchField,
  type Synonym,
  termsOfShortText,
} from './query-parsing.ts';
import { searchMisses, searchSegments, searchSynonyms } from './search-schema.ts';
import { suggestionsFor } from './search-suggestions.ts';
import { bestSnippet, type Snippet } from './snippets.ts';

/**
 * Reading the site's search index (issue 15 §4, ADR 0015): `searchSite` finds the public things that answer a
 * query — relevance-ranked, filtered, a page at a time, with snippets, "did you mean" suggestions, and the
 * query logged (scrubbed) when nothing was found. How a query is read is `query-parsing.ts`.
 * Its "did you mean" suggestions: `search-suggestions.ts`.
 *
 * Ranking. A query is a list of concepts (query-parsing.ts). Candidates are the rows holding ALL concepts
 * (a GIN lookup of an AND of bigrams); when none do, "any n−1 of them", then n−2 … (progressive relaxation,
 * an OR of small ANDs, still one GIN lookup), so a long everyday question drops the concept no document
 * holds instead of finding nothing — and never falls to an OR of single bigrams. Each candidate is scored
 * by the concepts it holds, weighted (a synonym's or a long word more than one character), double where it
 * holds them in its title or keywords (weight A), more when its title holds a concept or the whole query as
 * a phrase; ts_rank breaks ties.
 *
 * At most `maxCandidates` rows are ranked (200 for a relaxed match, whose score reads each row's text). They
 * are read from the terms index segment by segment (`matchingRows`): every site page, service and plan that
 * matches, FAQ entries up to 30 %, then content, eight parts one after another until there are enough. A
 * word that 100,000 rows hold is ranked on a sample of them, found in a few milliseconds.
 */

export interface SearchOptions {
  readonly lang: Lang;
  /** What was typed in the box (plain words, or AND / OR / NOT / -word / "phrase"). */
  readonly query: string;
  /** The advanced form's words (every / any / none of): the search is then strict. */
  readonly advanced?: AdvancedWords;
  /** Only these kinds ('announcement' … 'faq', 'service', 'plan', 'page'). */
  readonly kinds?: readonly string[];
  readonly unitCode?: string | null;
  /** Published on or after / before (YYYY-MM-DD, inclusive). */
  readonly from?: string | null;
  readonly to?: string | null;
  readonly themeCode?: string | null;
  readonly cakeCode?: string | null;
  readonly serviceCode?: string | null;
  /** Where the words must be: the title and keywords, the texts, or anywhere (default). */
  readonly fields?: SearchField;
  /** 1-based. */
  readonly page: number;
  readonly pageSize?: number;
  readonly now: Date;
  /** Keep a query that found nothing in search_misses (default true; a benchmark turns it off). */
  readonly recordMiss?: boolean;
}

export interface SearchHit {
  readonly source: string;
  readonly sourceId: string;
  readonly kind: string;
  /** Bare (zh-TW) path. */
  readonly path: string;
  readonly title: string;
  readonly unitCode: string | null;
  readonly publishedOn: string | null;
  readonly snippet: Snippet;
  readonly score: number;
}

export interface SearchResults {
  /** The query as read (normalised). */
  readonly text: string;
  readonly hits: readonly SearchHit[];
  /** Rows that answer (counted up to `maxCandidates`). */
  readonly total: number;
  /** More rows answer than were counted (`total` is the cap): say "more than". */
  readonly isTotalCapped: boolean;
  readonly page: number;
  readonly pageCount: number;
  /** Some concepts were left out to find anything (a long question): the page may say so. */
  readonly isRelaxed: boolean;
  /** Near-miss queries that would find something ("did you mean …"). */
  readonly suggestions: readonly string[];
  /** Nothing to search for: no words and no filter. */
  readonly isEmpty: boolean;
}

export const searchPageSize = 10;
/** Candidates ranked at most: a concept that half the site holds is not ranked row by row. */
export const maxCandidates = 1000;
/** Candidates ranked on their whole text (a relaxed or widened match) at most: each row's text is read. */
const maxTextRanked = 200;
const probeRows = 10;

// ---------------------------------------------------------------------------------------------------------
// Synonyms: a small table, read at most every few seconds per process (the editor's writes forget it).

let synonymCache: { at: number; rows: Synonym[] } | null = null;
const synonymLifetimeMs = 15_000;

export function forgetSynonyms(): void {
  synonymCache = null;
}

export async function loadSynonyms(db: DatabaseOrTransaction, nowMs = Date.now()): Promise<Synonym[]> {
  if (synonymCache && nowMs - synonymCache.at < synonymLifetimeMs) return synonymCache.rows;
  const rows = await db
    .select({ phrase: searchSynonyms.phrase, expansion: searchSynonyms.expansion })
    .from(searchSynonyms);
  synonymCache = { at: nowMs, rows };
  return rows;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * The filters' conditions. `withWords`: the rows are found by their words (GIN) — then kind, unit and date
 * are tested on the found rows (`(…) is true`: no index condition), never a bitmap of every row of the unit
 * or the kind ANDed with each segment's lookup (30 ms for one unit's 45,000 rows at 200,000 items, once per
 * segment). The classification codes stay index conditions: a code is held by few rows.
 */
function filterConditions(options: SearchOptions, withWords: boolean): SQL[] {
  const opaque = (condition: SQL) => (withWords ? sql`(${condition}) is true` : condition);
  const conditions: SQL[] = [
    // Not an index condition (`is true`): nearly every row is in one language, and the planner would AND the
    // words' GIN lookup with a scan of the (lang, kind, date) index's whole zh-TW part — most of a common
    // word's search at 200,000 items.
    sql`(lang = ${options.lang}) is true`,
    sql`(visible_from is null or visible_from <= ${options.now})`,
    sql`(visible_until is null or visible_until > ${options.now})`,
  ];
  if (options.kinds && options.kinds.length > 0) {
    conditions.push(
      opaque(
        sql`kind in (${sql.join(
          options.kinds.map((kind) => sql`${kind}`),
          sql`, `,
        )})`,
      ),
    );
  }
  if (options.unitCode) conditions.push(opaque(sql`unit_code = ${options.unitCode}`));
  if (options.from) conditions.push(opaque(sql`published_on >= ${options.from}::date`));
  if (options.to) conditions.push(opaque(sql`published_on <= ${options.to}::date`));
  if (options.themeCode) conditions.push(sql`theme_codes @> array[${options.themeCode}]::text[]`);
  if (options.cakeCode) conditions.push(sql`cake_codes @> array[${options.cakeCode}]::text[]`);
  if (options.serviceCode) conditions.push(sql`service_codes @> array[${options.serviceCode}]::text[]`);
  return conditions;
}

function hasFilter(options: SearchOptions): boolean {
  return Boolean(
    (options.kinds && options.kinds.length > 0) ||
      options.unitCode ||
      options.from ||
      options.to ||
      options.themeCode ||
      options.cakeCode ||
      options.serviceCode,
  );
}

interface PreparedConcept {
  readonly concept: Concept;
  /** Restricted to the fields asked for: what finds candidates. */
  readonly query: string;
  /** Unrestricted: matched against the title-and-keywords vector for the title bonus. */
  readonly anyQuery: string;
}

function prepared(concepts: readonly Concept[], field: SearchField): PreparedConcept[] {
  return concepts.flatMap((concept) => {
    const query = conceptTsquery(concept, field);
    const anyQuery = conceptTsquery(concept, 'any');
    return query && anyQuery ? [{ concept, query, anyQuery }] : [];
  });
}

/** Lower case, without spaces: how a title is compared with a phrase. */
const compactTitle = sql`replace(lower(title), ' ', '')`;

/**
 * The score of a candidate. `isHeldByAll`: every candidate holds every core concept (the match was all of
 * them), so the score needs only the title and keywords — no row's whole text is read, and a broad query
 * ranks thousands of candidates cheaply; otherwise (relaxed, widened) each concept is tested on the text.
 */
function scoreExpression(
  concepts: readonly PreparedConcept[],
  phrase: string | null,
  isHeldByAll: boolean,
  isStrict: boolean,
): SQL {
  const parts: SQL[] = concepts.map(({ concept, query, anyQuery }) => {
    const inTitle = sql.join(
      concept.alternatives
        .filter((alternative) => [...alternative].length >= 2)
        .map((alternative) => sql`strpos(${compactTitle}, ${alternative.replaceAll(' ', '')}) > 0`),
      sql` or `,
    );
    const titlePhrase = concept.alternatives.some((alternative) => [...alternative].length >= 2)
      ? sql`(case when ${inTitle} then 0.7 else 0 end)`
      : sql`0`;
    const held = isHeldByAll
      ? sql`${isStrict || concept.weight >= 1 ? 1 : 0}`
      : sql`(terms @@ ${query}::tsquery)::int`;
    return sql`${concept.weight}::float8 * (${held} + 0.8 * (heading @@ ${anyQuery}::tsquery)::int + ${titlePhrase})`;
  });
  if (phrase) parts.push(sql`(case when strpos(${compactTitle}, ${phrase}) > 0 then 2.0 else 0 end)`);
  const any = anyOf(concepts.map((entry) => entry.anyQuery));
  parts.push(
    isHeldByAll
      ? sql`0.5 * ts_rank(heading, ${any}::tsquery, 1)`
      : sql`0.5 * ts_rank(terms, ${anyOf(concepts.map((entry) => entry.query))}::tsquery, 1)`,
  );
  return sql.join(parts, sql` + `);
}

/**
 * The condition a match puts on a row. Title only: `title_vector` (the title and keywords alone, with its own
 * GIN index) — never a weight-restricted query on `terms` (`:A`), which that index cannot answer alone and
 * which makes it read every found row's whole text again.
 */
interface MatchCondition {
  (match: string): SQL;
  /** Found through the terms index's segments (`segmentedRows`). */
  readonly isSegmented: boolean;
}

const anywhere: MatchCondition = Object.assign((match: string) => sql`terms @@ ${match}::tsquery`, {
  isSegmented: true,
});
const inTitle: MatchCondition = Object.assign((match: string) => sql`title_vector @@ ${match}::tsquery`, {
  isSegmented: false,
});

/** Of a capped candidate list, at most this share is FAQ entries: a common word leaves room for content. */
const faqShare = 0.3;

/**
 * The rows matching, at most `limit`: `select <columns> from search_documents where …`. A match on `terms`
 * reads the index's segments one after another (search-schema.ts, `searchSegments`: the small sources, the
 * FAQ up to its share, the content's eight parts) and stops when it has `limit` rows — a common word's
 * lookup reads one or two segments, not every row holding it. Each row says whether it is an FAQ entry
 * (`is_faq`): when the FAQ filled its share, there are more than counted.
 */
function matchingRows(
  columns: SQL,
  where: readonly SQL[],
  match: string | null,
  condition: MatchCondition,
  limit: number,
): SQL {
  if (match === null || !condition.isSegmented) {
    const conditions = match === null ? where : [...where, condition(match)];
    return sql`select ${columns}, source = 'faq' as is_faq from search_documents where ${sql.join([...conditions], sql` and `)} limit ${limit}`;
  }
  const faqQuota = Math.max(1, Math.ceil(limit * faqShare));
  const parts = searchSegments.map((segment) => {
    const rows = sql`select ${columns}, ${sql.raw(segment.name === 'faq' ? 'true' : 'false')} as is_faq from search_documents where ${sql.raw(segment.predicate)} and ${sql.join([...where, condition(match)], sql` and `)}`;
    return segment.name === 'faq' ? sql`(${rows} limit ${faqQuota})` : sql`(${rows})`;
  });
  return sql`select * from (${sql.join(parts, sql` union all `)}) segments limit ${limit}`;
}

async function probe(
  db: DatabaseOrTransaction,
  where: readonly SQL[],
  match: string,
  condition: MatchCondition,
): Promise<number> {
  const result = await executePrepared<{ found: number }>(
    db,
    sql`select count(*)::int as found from (${matchingRows(sql`1 as one`, where, match, condition, probeRows)}) probe`,
  );
  return result.rows[0]?.found ?? 0;
}

interface Plan {
  readonly match: string | null;
  readonly isRelaxed: boolean;
  /** The match requires every core concept (neither relaxed nor widened). */
  readonly isHeldByAll: boolean;
}

/** The concepts that decide what is found (the rest only rank). */
function coreQueries(concepts: readonly PreparedConcept[], isStrict: boolean): string[] {
  // A lone character (「路」) is a term only where the segmenter cut it out alone: it ranks, it never decides
  // what is found — unless it is all there is.
  // A boolean query requires every word it names, one character or more.
  const core = isStrict ? concepts : concepts.filter((entry) => entry.concept.weight >= 1);
  return (core.length > 0 ? core : concepts).map((entry) => entry.query);
}

/** The candidates' tsquery: all concepts, or — for a plain query that finds nothing so — fewer. */
async function planMatch(
  db: DatabaseOrTransaction,
  where: readonly SQL[],
  concepts: readonly PreparedConcept[],
  isStrict: boolean,
  condition: MatchCondition,
  /** How many rows hold every concept, when already known (counted by a ranking on all of them). */
  allFound: number | null,
): Promise<Plan> {
  const queries = coreQueries(concepts, isStrict);
  if (queries.length === 0) return { match: null, isRelaxed: false, isHeldByAll: false };
  const all = allOf(queries);
  if (isStrict || queries.length === 1) return { match: all, isRelaxed: false, isHeldByAll: true };
  for (let size = queries.length; size >= 1; size -= 1) {
    const match = atLeastOf(queries, size);
    const found =
      size === queries.length && allFound !== null ? allFound : await probe(db, where, match, condition);
    if (found === 0) continue;
    // Fewer than a top three with `size` concepts: rank those first and the ones with one concept fewer
    // after them — never fewer than two concepts (a two-word query is not widened to either word).
    const widened = found < 3 && size - 1 >= 2 && size - 1 >= Math.ceil(queries.length / 2);
    return {
      match: widened ? atLeastOf(queries, size - 1) : match,
      isRelaxed: size < queries.length,
      isHeldByAll: !widened && size === queries.length,
    };
  }
  return { match: all, isRelaxed: false, isHeldByAll: true };
}

interface RankedRow extends Record<string, unknown> {
  source: string;
  source_id: string;
  kind: string;
  path: string;
  title: string;
  unit_code: string | null;
  published_on: string | null;
  score: number;
  total: number;
  /** Of the candidates, FAQ entries (capped at their share: `matchingRows`). */
  faq_count: number;
}

interface TextRow extends Record<string, unknown> {
  source: string;
  source_id: string;
  summary: string;
  body: string;
  file_text: string;
}

/** The whole query as one phrase, when it is one (a title holding it ranks first). */
function phraseOf(parsed: ParsedQuery): string | null {
  if (parsed.isStrict) return null;
  const phrase = parsed.text.replaceAll(' ', '');
  return [...phrase].length >= 2 && termsOfShortText(phrase).length > 0 ? phrase : null;
}

/** Searches the site's index. See the file's comment for how it ranks. */
export async function searchSite(db: DatabaseOrTransaction, options: SearchOptions): Promise<SearchResults> {
  // Sequential scans off, for this transaction only (a savepoint in the caller's): with a LIMIT the planner
  // would rather scan the table and test each row's terms — reading every row's whole text — than ask the
  // GIN index, many times slower on a large index.
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('enable_seqscan', 'off', true)`);
    const results = await searchIndex(tx, options);
    // Inside a caller's transaction the setting would outlive this savepoint: put it back.
    if ('rollback' in db) await tx.execute(sql`select set_config('enable_seqscan', 'on', true)`);
    return results;
  });
}

async function searchIndex(db: DatabaseOrTransaction, options: SearchOptions): Promise<SearchResults> {
  const pageSize = options.pageSize ?? searchPageSize;
  const page = Math.max(1, Math.floor(options.page));
  const synonyms = await loadSynonyms(db);
  const parsed = parseQuery(options.query, synonyms, options.advanced);
  const field = options.fields ?? 'any';
  // Title only is matched on the title's own terms (see `inTitle`), so its queries carry no weights.
  const isTitleOnly = field === 'title';
  const queryField: SearchField = isTitleOnly ? 'any' : field;
  const concepts = prepared(parsed.isStrict ? parsed.concepts : mainConcepts(parsed.concepts), queryField);
  const compounds = parsed.isStrict
    ? []
    : prepared(
        parsed.concepts.filter((concept) => concept.isCompound),
        queryField,
      );
  const excluded = prepared(parsed.excluded, queryField);
  const typedSomething = parsed.text !== '';
  if (concepts.length === 0 && !hasFilter(options) && excluded.length === 0) {
    if (typedSomething) await recordMissIfAsked(db, options, parsed.text);
    return {
      text: parsed.text,
      hits: [],
      total: 0,
      isTotalCapped: false,
      page,
      pageCount: 0,
      isRelaxed: false,
      suggestions: typedSomething ? await suggestionsFor(db, options.lang, parsed.text, synonyms, null) : [],
      isEmpty: !typedSomething,
    };
  }
  const where = filterConditions(options, concepts.length > 0);
  if (excluded.length > 0)
    where.push(
      isTitleOnly
        ? sql`not (title_vector @@ ${anyOf(excluded.map((entry) => entry.query))}::tsquery)`
        : sql`not (terms @@ ${anyOf(excluded.map((entry) => entry.query))}::tsquery)`,
    );
  const condition = isTitleOnly ? inTitle : anywhere;
  const rankOn = (plan: Plan, ranked: readonly PreparedConcept[]) =>
    rankedPage(db, {
      lang: options.lang,
      where,
      match: plan.match,
      condition,
      score:
        ranked.length > 0
          ? scoreExpression(ranked, phraseOf(parsed), plan.isHeldByAll, parsed.isStrict)
          : sql`0`,
      limit: plan.isHeldByAll ? maxCandidates : maxTextRanked,
      pageSize,
      page,
    });
  // A plain query of several concepts (or with a compound: 高雄厝) is first ranked on all of them at once:
  // when at least three rows hold them all, that is what planning would have chosen, and its probe — a GIN
  // lookup as costly as the ranking's own, for a common word most of the search's time — is saved.
  // Otherwise it is planned without the compounds, with the count of rows holding them all already known
  // (on page 1: further pages may show none of them).
  const core = coreQueries(concepts, parsed.isStrict);
  const withCompounds = [...concepts, ...compounds];
  const firstCore = [...core, ...compounds.map((entry) => entry.query)];
  const firstPlan: Plan = { match: allOf(firstCore), isRelaxed: false, isHeldByAll: true };
  const first =
    !parsed.isStrict && firstCore.length > 1 ? (await rankOn(firstPlan, withCompounds)).rows : null;
  const firstFound = first === null ? null : (first[0]?.total ?? (page === 1 ? 0 : null));
  const isFirstPlan = firstFound !== null && firstFound >= 3;
  const allFound = compounds.length > 0 ? null : firstFound;
  const plan = isFirstPlan
    ? firstPlan
    : await planMatch(db, where, concepts, parsed.isStrict, condition, allFound);
  const isFirstAgain = compounds.length === 0 && plan.match === firstPlan.match && plan.isHeldByAll;
  const rows = first !== null && (isFirstPlan || isFirstAgain) ? first : (await rankOn(plan, concepts)).rows;
  const total = rows[0]?.total ?? (page > 1 ? await countOf(db, where, plan.match, condition) : 0);
  const isFaqCapped =
    (rows[0]?.faq_count ?? 0) >= Math.ceil((plan.isHeldByAll ? maxCandidates : maxTextRanked) * faqShare);
  const found = isFirstPlan ? withCompounds : concepts;
  const terms = highlightTermsOf({ ...parsed, concepts: found.map((entry) => entry.concept) });
  const hits = rows.map((row): SearchHit => {
    const text = row;
    return {
      source: row.source,
      sourceId: row.source_id,
      kind: row.kind,
      path: row.path,
      title: row.title,
      unitCode: row.unit_code,
      publishedOn: row.published_on,
      score: Number(row.score),
      snippet: bestSnippet(
        { summary: text.summary ?? '', body: text.body ?? '', fileText: text.file_text ?? '' },
        terms,
      ),
    };
  });
  if (total === 0 && typedSomething) await recordMissIfAsked(db, options, parsed.text);
  const needsSuggestions = typedSomething && !parsed.isStrict && (total === 0 || plan.isRelaxed);
  return {
    text: parsed.text,
    hits,
    total,
    isTotalCapped: total >= (plan.isHeldByAll ? maxCandidates : maxTextRanked) || isFaqCapped,
    page,
    pageCount: Math.ceil(total / pageSize),
    isRelaxed: plan.isRelaxed,
    suggestions: needsSuggestions
      ? await suggestionsFor(
          db,
          options.lang,
          parsed.text,
          synonyms,
          hits.length > 0 ? hits.map((hit) => hit.title) : null,
        )
      : [],
    isEmpty: false,
  };
}

/**
 * A page of ranked candidates, with how many there are. `heading`: the title and keywords alone (weight A),
 * the small stored `title_vector`. The page's rows are joined to their texts (for snippets) only once ranked:
 * ten rows' texts are read, not all.
 */
async function rankedPage(
  db: DatabaseOrTransaction,
  request: {
    lang: Lang;
    where: readonly SQL[];
    match: string | null;
    condition: MatchCondition;
    score: SQL;
    limit: number;
    pageSize: number;
    page: number;
  },
) {
  const { lang, where, match, condition, score, limit, pageSize, page } = request;
  const columns = sql`source, source_id, kind, path, title, unit_code, published_on, terms, title_vector as heading`;
  return executePrepared<RankedRow & TextRow>(
    db,
    sql`
    with candidates as (${matchingRows(columns, where, match, condition, limit)}),
    ranked as (
      select source, source_id, kind, path, title, unit_code, published_on::text as published_on,
        (${score})::float8 as score, (count(*) over ())::int as total,
        (count(*) filter (where is_faq) over ())::int as faq_count
      from candidates
      order by score desc, published_on desc nulls last, path
      limit ${pageSize} offset ${(page - 1) * pageSize}
    )
    select ranked.*, texts.summary, texts.body, texts.file_text
    from ranked
    join search_documents texts
      on texts.source = ranked.source and texts.source_id = ranked.source_id and texts.lang = ${lang}
    order by ranked.score desc, ranked.published_on desc nulls last, ranked.path`,
  );
}

async function countOf(
  db: DatabaseOrTransaction,
  where: readonly SQL[],
  match: string | null,
  condition: MatchCondition,
): Promise<number> {
  const result = await executePrepared<{ total: number }>(
    db,
    sql`select count(*)::int as total from (${matchingRows(sql`1 as one`, where, match, condition, maxCandidates)}) counted`,
  );
  return result.rows[0]?.total ?? 0;
}

// ---------------------------------------------------------------------------------------------------------

/** The day as seen in Taiwan (UTC+8, no daylight saving). */
function taiwanDay(moment: Date): string {
  return new Date(moment.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

async function recordMissIfAsked(db: DatabaseOrTransaction, options: SearchOptions, text: string) {
  if (options.recordMiss === false || options.page > 1) return;
  const query = scrubMissQuery(text);
  if (query === '') return;
  await db
    .insert(searchMisses)
    .values({ query, lang: options.lang, day: taiwanDay(options.now), count: 1, lastAt: options.now })
    .onConflictDoUpdate({
      target: [searchMisses.query, searchMisses.lang, searchMisses.day],
      set: { count: sql`${searchMisses.count} + 1`, lastAt: options.now },
    });
}
