import { bigramsOf } from './bigrams.ts';

/**
 * What a search query means (issue 15 §4), as pure rules: no database. A query becomes a list of CONCEPTS —
 * the things the person is looking for — each with the ways a document may name it (its alternatives: what
 * was typed and, through the synonym table, the bureau's terms). Search then matches concepts, not single
 * bigrams: all of them when it can, fewer when a long everyday question finds nothing with all of them
 * (`search-query.ts`, progressive relaxation).
 *
 * - Plain queries (「挖馬路要申請什麼」): synonym phrases are found first (longest first), the rest is split into
 *   words (Intl.Segmenter) and question and function words are dropped (要、什麼、怎麼、找誰 …).
 * - Boolean queries (the advanced form, or AND / OR / NOT / -word / "quoted words" in the box): each word or
 *   quoted phrase is one concept, `a OR b` is one concept with both alternatives, NOT and -word exclude; every
 *   concept is required (no relaxation).
 */

export interface Synonym {
  /** The everyday words, normalised (`normalisedPhrase`). */
  readonly phrase: string;
  /** The bureau's terms, separated by spaces: each is an alternative. */
  readonly expansion: string;
}

export interface Concept {
  /** As it came from the query (shown in "did you mean" and the staff view). */
  readonly typed: string;
  /** Ways to find it; a document matches an alternative when it holds every one of its bigrams. */
  readonly alternatives: readonly string[];
  /** How much it says about what is wanted: a synonym's or a long word more than one character. */
  readonly weight: number;
  readonly isFromSynonym: boolean;
  /**
   * A word and the one-character suffix the segmenter cut off (高雄厝: `compoundEnding`): tried first, as a
   * narrower reading of the query; never relaxed, never counted among the query's main concepts.
   */
  readonly isCompound?: boolean;
}

export interface ParsedQuery {
  /** The query as normalised (NFKC, lower case, single spaces). */
  readonly text: string;
  /** All required (boolean) or as many as can be (plain). */
  readonly concepts: readonly Concept[];
  /** Documents holding any of these are left out. */
  readonly excluded: readonly Concept[];
  /** Boolean operators or the advanced form's words: every concept is required, nothing is relaxed. */
  readonly isStrict: boolean;
}

/** The advanced form's words, beside the box's query. */
export interface AdvancedWords {
  /** Every one of these words (AND). */
  readonly all?: string | undefined;
  /** At least one of these (OR). */
  readonly any?: string | undefined;
  /** None of these (NOT). */
  readonly none?: string | undefined;
}

/**
 * `bigramsOf` for the short texts a search handles over and over (a query's words, synonym phrases and
 * terms, titles for suggestions): remembered, so the word segmenter runs once per text, not per use.
 */
const rememberedTerms = new Map<string, readonly string[]>();
const maxRemembered = 5_000;

export function termsOfShortText(text: string): readonly string[] {
  if (text.length > 200) return bigramsOf(text);
  const known = rememberedTerms.get(text);
  if (known) return known;
  const terms = bigramsOf(text);
  if (rememberedTerms.size >= maxRemembered) rememberedTerms.clear();
  rememberedTerms.set(text, terms);
  return terms;
}

/** NFKC (full-width letters and digits), lower case, whitespace runs as one space, trimmed. */
export function normaliseSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** A synonym phrase as the table keeps it: normalised, without spaces (unique). */
export function normalisedPhrase(text: string): string {
  return normaliseSearchText(text).replace(/\s+/gu, '');
}

/** The terms of a synonym's expansion (space separated, normalised, each once). */
export function expansionTerms(expansion: string): string[] {
  return [...new Set(normaliseSearchText(expansion).split(' '))].filter((term) => term !== '');
}

/**
 * Question and function words: they say how something is asked, not what is asked about (「要申請什麼」 →
 * 申請). Kept short on purpose: a word that names a thing the bureau does (申請、檢舉、維修) is never here.
 */
const chineseStopWords = new Set([
  ...['什麼', '甚麼', '什么', '啥', '怎麼', '怎么', '怎樣', '怎麼樣', '怎麼辦', '如何', '為何', '為什麼'],
  ...[
    '哪裡',
    '哪裏',
    '哪里',
    '那裡',
    '哪邊',
    '哪個',
    '哪些',
    '哪',
    '誰',
    '找誰',
    '問誰',
    '多少',
    '多久',
    '幾天',
  ],
  ...['嗎', '呢', '吧', '啊', '呀', '喔', '哦', '耶', '啦', '了', '的', '得', '地', '之', '是', '有', '在'],
  ...['和', '與', '及', '或', '跟', '向', '給', '把', '被', '就', '都', '也', '還', '又', '很', '再', '才'],
  ...['要', '要不要', '需要', '需不需要', '需', '必須', '可以', '可不可以', '能不能', '能', '會', '會不會'],
  ...['該', '應該', '是否', '是不是', '有沒有', '沒有', '請問', '請', '想', '想要', '想問', '問', '找', '去'],
  ...['我', '我的', '我們', '你', '你們', '他', '她', '它', '他們', '自己', '大家', '一下', '一個', '個'],
  ...['這', '那', '這個', '那個', '這裡', '那邊', '這樣', '那樣', '到', '用', '讓', '叫', '做', '辦'],
  ...['不要', '不用', '家', '我家', '家裡', '附近', '旁邊', '很多', '好多', '一直', '已經', '現在', '目前'],
]);

const englishStopWords = new Set([
  ...['a', 'an', 'the', 'how', 'do', 'does', 'did', 'i', 'my', 'me', 'we', 'our', 'us', 'you', 'your'],
  ...['to', 'what', 'who', 'whom', 'where', 'when', 'which', 'why', 'is', 'are', 'was', 'be', 'am'],
  ...['can', 'could', 'should', 'would', 'will', 'need', 'needs', 'must', 'get', 'for', 'of', 'on'],
  ...['in', 'at', 'by', 'about', 'with', 'it', 'its', 'there', 'this', 'that', 'and', 'or', 'if'],
  ...['any', 'some', 'have', 'has', 'please', 'from', 'into', 'up', 'out', 'so', 'than', 'then'],
]);

export function isStopWord(word: string): boolean {
  return chineseStopWords.has(word) || englishStopWords.has(word);
}

const segmenter = new Intl.Segmenter('zh-TW', { granularity: 'word' });
const han = /\p{Script=Han}/u;

/** The words of a text (Intl.Segmenter), without punctuation or spaces. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text)) if (isWordLike) words.push(segment);
  return words;
}

function weightOf(word: string, isFromSynonym: boolean): number {
  if (isFromSynonym) return 1.5;
  const length = [...word].length;
  const isHan = han.test(word);
  if (isHan && length === 1) return 0.4;
  if (isHan && length >= 3) return 1.2;
  return 1;
}

/** A concept's alternatives that can match something (at least one term each), each once. */
function usable(alternatives: readonly string[]): string[] {
  return [...new Set(alternatives)].filter((alternative) => termsOfShortText(alternative).length > 0);
}

function conceptOf(typed: string, alternatives: readonly string[], isFromSynonym: boolean): Concept | null {
  const ways = usable(alternatives);
  if (ways.length === 0) return null;
  return { typed, alternatives: ways, weight: weightOf(typed, isFromSynonym), isFromSynonym };
}

/** Synonyms, longest phrase first (a longer phrase wins where two overlap). */
function bySpecificity(synonyms: readonly Synonym[]): Synonym[] {
  return synonyms
    .filter((synonym) => synonym.phrase !== '')
    .toSorted((a, b) => [...b.phrase].length - [...a.phrase].length || a.phrase.localeCompare(b.phrase));
}

/**
 * A plain query's concepts: each synonym phrase found (with its expansion), then the remaining words less
 * the question words. 「路燈壞了找誰」 → [路燈壞了 | 路燈故障 …]; 「違建怎麼檢舉」 → [違建 | 違章建築], [檢舉 | 查報].
 */
export function plainConcepts(text: string, synonyms: readonly Synonym[]): Concept[] {
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  const ways = new Set<string>();
  const add = (concept: Concept | null) => {
    if (!concept || seen.has(concept.typed)) return;
    seen.add(concept.typed);
    // Two synonyms may expand to the same term (挖馬路, 接水管 → 道路挖掘): it is evidence for the first
    // only, so a title holding it does not count twice.
    const [typed, ...others] = concept.alternatives;
    const alternatives = [typed ?? concept.typed, ...others.filter((alternative) => !ways.has(alternative))];
    for (const alternative of alternatives) ways.add(alternative);
    concepts.push({ ...concept, alternatives });
  };
  // Synonym phrases may span the spaces someone typed: look in the text without them, piece by piece.
  let pieces = text.split(' ').filter((piece) => piece !== '');
  for (const synonym of bySpecificity(synonyms)) {
    const next: string[] = [];
    for (const piece of pieces) {
      const at = piece.indexOf(synonym.phrase);
      if (at === -1) {
        next.push(piece);
        continue;
      }
      add(conceptOf(synonym.phrase, [synonym.phrase, ...expansionTerms(synonym.expansion)], true));
      const before = piece.slice(0, at);
      const after = piece.slice(at + synonym.phrase.length);
      if (before) next.push(before);
      if (after) next.push(after);
    }
    pieces = next;
  }
  for (const piece of pieces) {
    const words = wordsOf(piece);
    for (const [index, word] of words.entries()) {
      if (isStopWord(word)) continue;
      add(conceptOf(word, [word], false));
      const compound = compoundEnding(words, index);
      const compoundConcept = compound ? conceptOf(compound, [compound], false) : null;
      if (compoundConcept) add({ ...compoundConcept, isCompound: true });
    }
  }
  return concepts;
}

/**
 * A one-character word that ends a run of words, right after a longer word, is often that word's suffix the
 * segmenter cut off (高雄|厝, 鳳山|區, 中正|路): the two together are a narrower reading of the query. Search
 * tries it first (`search-query.ts`): a row holding 高雄厝 rather than any of the 120,000 holding 高雄 at
 * 200,000 items, found by the index through its rarest bigram. When fewer than three rows hold it (the cut
 * was right: 會來|補), search goes on without it, as if it were not there.
 */
function compoundEnding(words: readonly string[], index: number): string | null {
  const word = words[index] ?? '';
  const before = words[index - 1];
  const after = words[index + 1];
  if ([...word].length !== 1 || !han.test(word) || before === undefined) return null;
  if (after !== undefined && !isStopWord(after)) return null;
  if (isStopWord(before) || [...before].length < 2 || ![...before].every((character) => han.test(character)))
    return null;
  return `${before}${word}`;
}

/** One word of a boolean query: itself, and where it holds a synonym phrase, the bureau's terms instead. */
function strictConcept(word: string, synonyms: readonly Synonym[]): Concept | null {
  const alternatives = [word];
  let isFromSynonym = false;
  for (const synonym of bySpecificity(synonyms)) {
    if (!word.includes(synonym.phrase)) continue;
    isFromSynonym = true;
    for (const term of expansionTerms(synonym.expansion)) {
      alternatives.push(word === synonym.phrase ? term : word.replace(synonym.phrase, term));
    }
  }
  return conceptOf(word, alternatives, isFromSynonym);
}

function joinConcepts(typed: string, parts: readonly Concept[]): Concept | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0] ?? null;
  return {
    typed,
    alternatives: [...new Set(parts.flatMap((part) => part.alternatives))],
    weight: Math.max(...parts.map((part) => part.weight)),
    isFromSynonym: parts.some((part) => part.isFromSynonym),
  };
}

interface Token {
  readonly word: string;
  readonly isOperator: boolean;
  readonly isNegated: boolean;
}

/** Words and quoted phrases; AND / OR / NOT (as typed, in capitals) and a leading minus are operators. */
function tokensOf(raw: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /(-?)"([^"]*)"|(\S+)/gu;
  for (const match of raw.normalize('NFKC').matchAll(pattern)) {
    if (match[2] !== undefined) {
      const word = normaliseSearchText(match[2]).replace(/\s+/gu, ' ');
      if (word) tokens.push({ word, isOperator: false, isNegated: match[1] === '-' });
      continue;
    }
    const bare = match[3] ?? '';
    if (bare === 'AND' || bare === 'OR' || bare === 'NOT') {
      tokens.push({ word: bare, isOperator: true, isNegated: false });
      continue;
    }
    const isNegated = bare.startsWith('-') && bare.length > 1;
    const word = normaliseSearchText(isNegated ? bare.slice(1) : bare);
    if (word) tokens.push({ word, isOperator: false, isNegated });
  }
  return tokens;
}

/** Whether the box's query uses the boolean syntax (then it is read strictly). */
export function isBooleanQuery(raw: string): boolean {
  return tokensOf(raw).some((token) => token.isOperator || token.isNegated) || /"[^"]+"/u.test(raw);
}

/** A boolean query: implicit AND between words, `a OR b` one concept, NOT / -word excluded. */
function booleanConcepts(raw: string, synonyms: readonly Synonym[]) {
  const required: Concept[] = [];
  const excluded: Concept[] = [];
  let group: Concept[] = [];
  let groupTyped: string[] = [];
  let pendingOr = false;
  let pendingNot = false;
  const closeGroup = () => {
    const joined = joinConcepts(groupTyped.join(' OR '), group);
    if (joined) required.push(joined);
    group = [];
    groupTyped = [];
  };
  for (const token of tokensOf(raw)) {
    if (token.isOperator) {
      if (token.word === 'OR') pendingOr = group.length > 0;
      if (token.word === 'NOT') pendingNot = true;
      continue;
    }
    const concept = strictConcept(token.word, synonyms);
    if (token.isNegated || pendingNot) {
      if (concept) excluded.push(concept);
      pendingNot = false;
      pendingOr = false;
      continue;
    }
    if (!pendingOr) closeGroup();
    pendingOr = false;
    if (concept) {
      group.push(concept);
      groupTyped.push(token.word);
    }
  }
  closeGroup();
  return { required, excluded };
}

/**
 * Reads the box's query and the advanced form's words. Plain text → relaxable concepts; boolean syntax or
 * any advanced word → strict.
 */
export function parseQuery(
  query: string,
  synonyms: readonly Synonym[],
  advanced: AdvancedWords = {},
): ParsedQuery {
  const text = normaliseSearchText(query);
  const hasAdvanced = [advanced.all, advanced.any, advanced.none].some(
    (words) => (words ?? '').trim() !== '',
  );
  if (!hasAdvanced && !isBooleanQuery(query)) {
    return { text, concepts: plainConcepts(text, synonyms), excluded: [], isStrict: false };
  }
  const fromBox = booleanConcepts(query, synonyms);
  const concepts = [...fromBox.required];
  const excluded = [...fromBox.excluded];
  const allWords = booleanConcepts(advanced.all ?? '', synonyms);
  concepts.push(...allWords.required);
  excluded.push(...allWords.excluded);
  const anyWords = tokensOf(advanced.any ?? '').filter((token) => !token.isOperator);
  const anyConcept = joinConcepts(
    anyWords.map((token) => token.word).join(' OR '),
    anyWords.flatMap((token) => strictConcept(token.word, synonyms) ?? []),
  );
  if (anyConcept) concepts.push(anyConcept);
  for (const token of tokensOf(advanced.none ?? '')) {
    if (token.isOperator) continue;
    const concept = strictConcept(token.word, synonyms);
    if (concept) excluded.push(concept);
  }
  const shown = [text, advanced.all, advanced.any, advanced.none]
    .map((part) => normaliseSearchText(part ?? ''))
    .filter((part) => part !== '')
    .join(' ');
  return { text: shown, concepts, excluded, isStrict: true };
}

/** Every phrase worth highlighting in a result: the concepts' alternatives, longest first. */
export function highlightTermsOf(parsed: ParsedQuery): string[] {
  return [...new Set(parsed.concepts.flatMap((concept) => concept.alternatives))].toSorted(
    (a, b) => [...b].length - [...a].length,
  );
}

/**
 * Combinations of `size` of the indexes 0…count-1 (relaxation: "any `size` of the concepts"), in order.
 * Small by construction: search keeps at most `maxConcepts` concepts.
 */
export function combinationsOf(count: number, size: number): number[][] {
  const result: number[][] = [];
  const pick = (start: number, chosen: number[]) => {
    if (chosen.length === size) {
      result.push([...chosen]);
      return;
    }
    for (let index = start; index <= count - (size - chosen.length); index += 1) {
      chosen.push(index);
      pick(index + 1, chosen);
      chosen.pop();
    }
  };
  if (size >= 1 && size <= count) pick(0, []);
  return result;
}

/** A long question keeps its heaviest concepts only: the relaxation's combinations stay few. */
export const maxConcepts = 6;

/** The concepts search uses: at most `maxConcepts`, heaviest first (order of the query among equals). */
export function mainConcepts(concepts: readonly Concept[]): Concept[] {
  return concepts
    .filter((concept) => !concept.isCompound)
    .map((concept, index) => ({ concept, index }))
    .toSorted((a, b) => b.concept.weight - a.concept.weight || a.index - b.index)
    .slice(0, maxConcepts)
    .map((entry) => entry.concept);
}

/** One lexeme in tsquery syntax, quoted (a bigram never holds a quote; escaped all the same). */
function lexeme(term: string, weight: 'A' | null): string {
  return `'${term.replaceAll("'", "''").replaceAll('\\', '\\\\')}'${weight ? `:${weight}` : ''}`;
}

/** Where a concept must be found: anywhere, the title and keywords (A), or the texts (B, C, D). */
export type SearchField = 'any' | 'title' | 'body';

/**
 * A concept as a tsquery (text for `::tsquery`): an OR of its alternatives, each an AND of its bigrams.
 * `field` restricts the lexemes to weights; null when nothing can match.
 */
export function conceptTsquery(concept: Concept, field: SearchField = 'any'): string | null {
  const suffix = field === 'title' ? ':A' : field === 'body' ? ':BCD' : '';
  const alternatives = concept.alternatives
    .map((alternative) =>
      termsOfShortText(alternative)
        .filter((term) => !isSingleHanBesideBigrams(term, alternative))
        .map((term) => `${lexeme(term, null)}${suffix}`)
        .join(' & '),
    )
    .filter((part) => part !== '');
  if (alternatives.length === 0) return null;
  return alternatives.map((part) => `(${part})`).join(' | ');
}

/**
 * bigramsOf keeps a one-character word beside its run's bigrams (「路燈不亮」 holds 不); in a query that single
 * character would only narrow the match to documents where the segmenter cut the same way. A lone character
 * (the whole alternative) is kept: it is all there is.
 */
function isSingleHanBesideBigrams(term: string, alternative: string): boolean {
  return [...term].length === 1 && han.test(term) && [...alternative].length > 1;
}

/** The title-and-keywords-only form of a concept's tsquery (a strong match). */
export function titleTsquery(concept: Concept): string | null {
  return conceptTsquery(concept, 'title');
}

/** Several concepts, all required. */
export function allOf(parts: readonly string[]): string {
  return parts.map((part) => `(${part})`).join(' & ');
}

/** Several concepts, any one. */
export function anyOf(parts: readonly string[]): string {
  return parts.map((part) => `(${part})`).join(' | ');
}

/** At least `size` of the concepts' tsqueries: an OR over the combinations of that many (AND within). */
export function atLeastOf(parts: readonly string[], size: number): string {
  if (size >= parts.length) return allOf(parts);
  if (size <= 1) return anyOf(parts);
  return anyOf(
    combinationsOf(parts.length, size).map((combination) =>
      allOf(combination.map((index) => parts[index] ?? '')),
    ),
  );
}

/** Dice coefficient of two texts' bigram sets: near-miss suggestions for Chinese (pg_trgm ignores Han). */
export function bigramOverlap(a: string, b: string): number {
  const left = new Set(termsOfShortText(a).filter((term) => [...term].length > 1 || !han.test(term)));
  const right = new Set(termsOfShortText(b).filter((term) => [...term].length > 1 || !han.test(term)));
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const term of left) if (right.has(term)) shared += 1;
  return (2 * shared) / (left.size + right.size);
}

/** How much of `query`'s bigrams `title` holds (0…1): a title that contains the query's words scores 1. */
export function bigramCoverage(query: string, title: string): number {
  const wanted = new Set(termsOfShortText(query).filter((term) => [...term].length > 1 || !han.test(term)));
  if (wanted.size === 0) return 0;
  const held = new Set(termsOfShortText(title));
  let shared = 0;
  for (const term of wanted) if (held.has(term)) shared += 1;
  return shared / wanted.size;
}
