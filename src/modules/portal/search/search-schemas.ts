import { type Static, Type } from 'typebox';
import { fieldLimits, transportLength } from '../../../platform/web/components/field-limits.ts';

/**
 * The search page's and the JSON API's query strings, bounded for transport only: the values are read with
 * the search form (search-form.ts), so an over-long one is the form's problem, in the reader's language.
 */
const words = Type.Optional(Type.String({ maxLength: transportLength(fieldLimits.searchTerms) }));
const code = Type.Optional(Type.String({ maxLength: transportLength(fieldLimits.code) }));
const shortText = Type.Optional(Type.String({ maxLength: 40 }));

export const SearchPageQuery = Type.Object({
  q: words,
  all: words,
  any: words,
  none: words,
  in: shortText,
  kind: shortText,
  unit: code,
  from: shortText,
  to: shortText,
  theme: code,
  cake: code,
  service: code,
  page: shortText,
  advanced: shortText,
});
export type SearchPageQuery = Static<typeof SearchPageQuery>;

export const SearchApiQuery = Type.Object({
  ...SearchPageQuery.properties,
  lang: Type.Optional(
    Type.Union([Type.Literal('zh-TW'), Type.Literal('en')], {
      description: 'The language searched and answered in (default zh-TW).',
    }),
  ),
});
export type SearchApiQuery = Static<typeof SearchApiQuery>;

const HighlightRange = Type.Object({
  start: Type.Integer({ description: 'Offset in the snippet text, in UTF-16 code units.' }),
  length: Type.Integer(),
});

export const SearchResultJson = Type.Object({
  title: Type.String(),
  kind: Type.String({ description: "'announcement' … (content kinds), 'faq', 'service', 'plan', 'page'" }),
  kindLabel: Type.String(),
  path: Type.String({ description: 'The page, in the language asked for.' }),
  snippet: Type.Object({
    text: Type.String({ description: 'Plain text: the passage that best matches.' }),
    highlights: Type.Array(HighlightRange),
    isInFile: Type.Boolean({ description: 'The passage is from an attached file.' }),
  }),
  date: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  unit: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
});

export const SearchApiResponse = Type.Object({
  query: Type.String({ description: 'The words as read (normalised).' }),
  total: Type.Integer({ description: 'Results found (counted up to 1,000).' }),
  isTotalCapped: Type.Boolean({ description: 'More results answer than were counted: total is the cap.' }),
  page: Type.Integer(),
  pageCount: Type.Integer(),
  isRelaxed: Type.Boolean({ description: 'Nothing held every word: these results hold most of them.' }),
  results: Type.Array(SearchResultJson),
  suggestions: Type.Array(Type.String(), { description: 'Near-miss queries that find something.' }),
});
export type SearchApiResponse = Static<typeof SearchApiResponse>;
