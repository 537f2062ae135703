/**
 * Chinese search terms (shared ARCHITECTURE "Chinese search"): PostgreSQL has no Chinese dictionary, so
 * text is stored and queried as character bigrams under the `simple` configuration. The same function
 * splits the stored text and the query, so both sides agree on what a term is.
 *
 * - Han characters: overlapping 2-grams along each run of Han text, across the segmenter's word
 *   boundaries (so 「修路燈」 still holds 路燈 whichever way the segmenter cut it), plus the character
 *   itself when the segmenter found a one-character word (so 「燈」 alone can match).
 * - Latin letters and digits: each word, lower-cased, as it is (no stemming).
 * - Everything else (punctuation, spaces, symbols) separates terms.
 */

const han = /\p{Script=Han}/u;
const latinOrDigit = /^[\p{Script=Latin}\p{Nd}]+$/u;
/** Intl.Segmenter is super-linear on long strings: feed it one sentence (or line) at a time. */
const sentenceEnd = /[。！？；!?;\n\r]+/u;
const maxChunkLength = 200;

const segmenter = new Intl.Segmenter('zh-TW', { granularity: 'word' });

function chunksOf(text: string): string[] {
  const chunks: string[] = [];
  for (const sentence of text.split(sentenceEnd)) {
    for (let start = 0; start < sentence.length; start += maxChunkLength) {
      chunks.push(sentence.slice(start, start + maxChunkLength));
    }
  }
  return chunks;
}

/** The search terms of a text, each once, in order of first appearance. */
export function bigramsOf(text: string): string[] {
  const terms = new Set<string>();
  // NFKC folds full-width letters and digits (ＡＢＣ１２３) into their ASCII forms.
  const normalised = text.normalize('NFKC').toLowerCase();
  for (const chunk of chunksOf(normalised)) {
    let run = '';
    const flushRun = () => {
      const characters = [...run];
      for (let index = 0; index + 1 < characters.length; index += 1) {
        terms.add(`${characters[index]}${characters[index + 1]}`);
      }
      run = '';
    };
    for (const { segment, isWordLike } of segmenter.segment(chunk)) {
      const characters = [...segment];
      if (characters.length > 0 && characters.every((character) => han.test(character))) {
        if (characters.length === 1) terms.add(segment);
        run += segment;
        continue;
      }
      flushRun();
      if (isWordLike && latinOrDigit.test(segment)) terms.add(segment);
      else if (isWordLike) {
        // A mixed segment (rare: e.g. Han next to a letter): keep its Latin and Han parts separately.
        for (const part of segment.split(/[^\p{Script=Latin}\p{Nd}]+/u)) if (part) terms.add(part);
        const hanPart = characters.filter((character) => han.test(character)).join('');
        if (hanPart) {
          run = hanPart;
          flushRun();
        }
      }
    }
    flushRun();
  }
  return [...terms];
}

/** The stored form: terms joined by single spaces, ready for `to_tsvector('simple', …)`. */
export function searchTextOf(...texts: readonly string[]): string {
  return bigramsOf(texts.join('\n')).join(' ');
}
