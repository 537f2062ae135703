import { sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../db/database.ts';
import { executePrepared } from '../db/prepared-sql.ts';
import type { Lang } from '../web/i18n.ts';
import {
  allOf,
  anyOf,
  atLeastOf,
  bigramOverlap,
  expansionTerms,
  type Synonym,
  termsOfShortText,
} from './query-parsing.ts';

// "Did you mean …": pg_trgm for Latin words; for Chinese (pg_trgm ignores Han characters under this
// database's C locale: show_trgm('道路') is empty) titles and synonym phrases sharing the query's bigrams.
//
// Chinese titles. A relaxed query that found something suggests among the titles it found (the page's
// hits: a near miss of the whole question is among the rows holding most of it) and asks the index
// nothing more. A query that found nothing asks the titles' index for titles sharing a run of three
// characters with it (two adjacent bigrams: an OR of n−1 pairs). Not "any half of the bigrams": that is an
// OR of C(n, n/2) ANDs — 70 for an eight-bigram question, which GIN tests on every title holding any of
// its bigrams (388 ms at 200,000 items, docs/benchmarks.md), against 2–40 ms for the pairs.

const minimumOverlap = 0.45;
const suggestionCandidates = 300;
const maxSuggestions = 3;
const latinOnly = /^[\p{Script=Latin}\p{Nd}\s'.-]+$/u;

/** Up to three suggestions for a query (a title or a synonym's first word), best first. */
export async function suggestionsFor(
  db: DatabaseOrTransaction,
  lang: Lang,
  text: string,
  synonyms: readonly Synonym[],
  /** Titles already found (a relaxed query's hits): Chinese suggestions come from these, not the index. */
  foundTitles: readonly string[] | null,
): Promise<string[]> {
  const compact = text.replaceAll(' ', '');
  const scored = new Map<string, number>();
  const consider = (candidate: string, score: number) => {
    const key = candidate.trim();
    if (key === '' || key.toLowerCase().replaceAll(' ', '') === compact) return;
    if (score > (scored.get(key) ?? 0)) scored.set(key, score);
  };
  if (latinOnly.test(text)) {
    const result = await executePrepared<{ title: string; score: number }>(
      db,
      sql`
      select title, word_similarity(${text}, lower(title))::float8 as score
      from search_documents
      where lang = ${lang} and ${text} <% lower(title)
      order by score desc limit 10`,
    );
    for (const row of result.rows) if (Number(row.score) >= 0.5) consider(row.title, Number(row.score));
  } else {
    const terms = termsOfShortText(compact)
      .filter((term) => [...term].length > 1)
      .slice(0, 8);
    if (foundTitles) {
      for (const title of foundTitles) consider(title, bigramOverlap(compact, title));
    } else if (terms.length > 0) {
      const quoted = terms.map((term) => `'${term.replaceAll("'", "''")}'`);
      // Short: titles holding at least half the query's bigrams. Longer: a run of three characters shared.
      const any =
        quoted.length <= 3
          ? atLeastOf(quoted, Math.max(1, Math.ceil(quoted.length / 2)))
          : anyOf(quoted.slice(1).map((term, index) => allOf([quoted[index] ?? term, term])));
      // Bounded, unranked: the bigram overlap below ranks them (a common bigram holds thousands of titles).
      // Found by the titles' own index (`title_vector`): a weighted query on `terms` would read each row's
      // whole text.
      const result = await executePrepared<{ title: string }>(
        db,
        sql`
        select title from search_documents
        where lang = ${lang} and title_vector @@ ${any}::tsquery
        limit ${suggestionCandidates}`,
      );
      for (const row of result.rows) consider(row.title, bigramOverlap(compact, row.title));
    }
    for (const synonym of synonyms) {
      const overlap = bigramOverlap(compact, synonym.phrase);
      const [first] = expansionTerms(synonym.expansion);
      if (first) consider(first, overlap);
    }
  }
  return [...scored.entries()]
    .filter(([, score]) => score >= minimumOverlap)
    .toSorted((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, maxSuggestions)
    .map(([candidate]) => candidate);
}
