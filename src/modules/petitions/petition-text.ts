/**
 * The text rules of repeat detection, without the database (unit-tested). A petition's text becomes a set
 * of adjacent-token pairs: each Han character is a token, and so is each Latin word or number (folded to
 * lower case, NFKC). Two texts are similar when they share most of their pairs (Jaccard: shared over all).
 *
 * Why pairs and not pg_trgm: pg_trgm reads only letters the database's LC_CTYPE calls alphanumeric, and our
 * clusters use the C locale, where no Han character is one (ADR 0015; ADR 0016 measures the pairs). For
 * Chinese a pair of characters carries about what a trigram of Latin letters does.
 */

const token = /\p{Script=Han}|[\p{L}\p{N}]+/gu;

function tokensOf(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(token) ?? [];
}

/** FNV-1a, 32 bits, as a signed integer (PostgreSQL's int4). */
function hash32(value: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index++) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/** The most pairs kept of one text: a long letter is judged by its first 2,000 tokens. */
export const maxPairs = 2000;

/** The text's distinct adjacent-token pairs, hashed, in no particular order. A one-token text gives its token. */
export function textPairs(text: string): number[] {
  const tokens = tokensOf(text).slice(0, maxPairs + 1);
  if (tokens.length === 1) return [hash32(tokens[0] as string)];
  const pairs = new Set<number>();
  for (let index = 1; index < tokens.length; index++)
    pairs.add(hash32(`${tokens[index - 1]}\u0000${tokens[index]}`));
  return [...pairs];
}

/** Shared pairs over all pairs of both (0–1). */
export function similarity(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const first = new Set(a);
  let shared = 0;
  for (const pair of new Set(b)) if (first.has(pair)) shared++;
  return shared / (first.size + new Set(b).size - shared);
}

/** Texts at least this similar are "the same matter" (a repeat shown to the handler). */
export const similarThreshold = 0.4;

/**
 * How many of a text's rarest pairs to look up: any text sharing at least `similarThreshold` of the pairs of
 * both must share one of the text's rarest |x| − ⌈t·|x|⌉ + 1 (prefix filtering; exact). Capped, so a long
 * letter stays one short index lookup: past the cap, a repeat is found when it shares a rare pair.
 */
export function prefixSize(pairCount: number, cap = 24): number {
  return Math.max(1, Math.min(cap, pairCount - Math.ceil(similarThreshold * pairCount) + 1));
}

/**
 * The place folded for "the same place": NFKC, no spaces or punctuation, the city's name dropped, and the
 * address cut after its house number (floors and rooms are the same place). Null when there is no address.
 */
export function placeKeyOf(districtCode: string | null, address: string | null | undefined): string | null {
  const folded = (address ?? '')
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .replace(/^(臺|台)?高雄市/u, '');
  if (folded === '') return null;
  const number = folded.indexOf('號');
  return `${districtCode ?? ''}|${number >= 0 ? folded.slice(0, number + 1) : folded}`;
}
