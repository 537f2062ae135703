import { termsOfShortText } from './query-parsing.ts';

/**
 * A result's snippet (issue 15 §4): the passage of its text that holds the most of what was searched, with
 * the matches marked. Pure: the text and the terms in, plain text and ranges out; `snippetHtml` escapes it
 * and wraps the ranges in <mark>.
 */

export interface HighlightRange {
  /** In UTF-16 code units of `text`. */
  readonly start: number;
  readonly length: number;
}

export interface Snippet {
  readonly text: string;
  readonly highlights: readonly HighlightRange[];
  /** The passage is from the text of an attached file. */
  readonly isInFile: boolean;
}

export interface SnippetSources {
  readonly summary: string;
  readonly body: string;
  readonly fileText: string;
}

/** About two lines on a phone. */
export const snippetLength = 110;

/** Every place one of the terms occurs (case-insensitive), merged where they overlap. */
export function matchRanges(text: string, terms: readonly string[]): HighlightRange[] {
  const lower = text.toLowerCase();
  const ranges: { start: number; end: number }[] = [];
  for (const term of terms) {
    const needle = term.toLowerCase();
    if (needle === '') continue;
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
      ranges.push({ start: at, end: at + needle.length });
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number }[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged.map((range) => ({ start: range.start, length: range.end - range.start }));
}

/**
 * What to look for in the text: the phrases themselves, and when a phrase is not there as typed, its
 * bigrams (「道路挖掘」 also marks 道路 and 挖掘 in 「道路之挖掘」).
 */
function termsFor(text: string, phrases: readonly string[]): string[] {
  const lower = text.toLowerCase();
  const terms: string[] = [];
  for (const phrase of phrases) {
    if (lower.includes(phrase.toLowerCase())) terms.push(phrase);
    else
      terms.push(
        ...termsOfShortText(phrase).filter((term) => [...term].length > 1 || /[a-z0-9]/u.test(term)),
      );
  }
  return terms;
}

/** The window of `length` characters holding the most distinct matched text. */
function bestWindow(text: string, ranges: readonly HighlightRange[], length: number) {
  if (text.length <= length) return { start: 0, end: text.length };
  let best = { start: 0, score: -1 };
  for (const first of ranges) {
    // Start a little before the first match, so it reads as part of a sentence.
    const start = Math.max(0, Math.min(first.start - 12, text.length - length));
    const end = start + length;
    const seen = new Set<string>();
    let score = 0;
    for (const range of ranges) {
      if (range.start < start || range.start + range.length > end) continue;
      const matched = text.slice(range.start, range.start + range.length).toLowerCase();
      score += seen.has(matched) ? 0.25 : range.length;
      seen.add(matched);
    }
    if (score > best.score) best = { start, score };
  }
  return { start: best.start, end: best.start + length };
}

function cut(text: string, ranges: readonly HighlightRange[], length: number): Snippet & { score: number } {
  const window = bestWindow(text, ranges, length);
  const prefix = window.start > 0 ? '…' : '';
  const suffix = window.end < text.length ? '…' : '';
  const inside = ranges.filter(
    (range) => range.start >= window.start && range.start + range.length <= window.end,
  );
  const distinct = new Set(
    inside.map((range) => text.slice(range.start, range.start + range.length).toLowerCase()),
  );
  const score = [...distinct].reduce((total, matched) => total + [...matched].length, 0);
  return {
    text: `${prefix}${text.slice(window.start, window.end)}${suffix}`,
    highlights: inside.map((range) => ({
      start: range.start - window.start + prefix.length,
      length: range.length,
    })),
    isInFile: false,
    score,
  };
}

/** Text with line breaks and runs of spaces as single spaces. */
function flat(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * The best passage among summary, body and the attachments' text for the phrases searched (the body wins
 * ties, then the summary; a file's passage says so). Without any match: the summary's (or body's) start.
 */
export function bestSnippet(
  sources: SnippetSources,
  phrases: readonly string[],
  length: number = snippetLength,
): Snippet {
  const candidates = [
    { text: flat(sources.body), isInFile: false, order: 0 },
    { text: flat(sources.summary), isInFile: false, order: 1 },
    { text: flat(sources.fileText), isInFile: true, order: 2 },
  ].filter((candidate) => candidate.text !== '');
  let best: (Snippet & { score: number; order: number }) | null = null;
  for (const candidate of candidates) {
    const ranges = matchRanges(candidate.text, termsFor(candidate.text, phrases));
    if (ranges.length === 0) continue;
    const snippet = {
      ...cut(candidate.text, ranges, length),
      isInFile: candidate.isInFile,
      order: candidate.order,
    };
    if (!best || snippet.score > best.score) best = snippet;
  }
  if (best) return { text: best.text, highlights: best.highlights, isInFile: best.isInFile };
  const plain = flat(sources.summary) || flat(sources.body);
  return {
    text: plain.length > length ? `${plain.slice(0, length)}…` : plain,
    highlights: [],
    isInFile: false,
  };
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** The snippet as HTML: escaped, each highlight in <mark>. */
export function snippetHtml(snippet: Pick<Snippet, 'text' | 'highlights'>): string {
  let html = '';
  let at = 0;
  for (const range of snippet.highlights) {
    html += escapeHtml(snippet.text.slice(at, range.start));
    html += `<mark>${escapeHtml(snippet.text.slice(range.start, range.start + range.length))}</mark>`;
    at = range.start + range.length;
  }
  return html + escapeHtml(snippet.text.slice(at));
}

/** The parts of a snippet, marked or not, for a view that renders them as elements (no raw HTML). */
export function snippetParts(
  snippet: Pick<Snippet, 'text' | 'highlights'>,
): { text: string; isMarked: boolean }[] {
  const parts: { text: string; isMarked: boolean }[] = [];
  let at = 0;
  for (const range of snippet.highlights) {
    if (range.start > at) parts.push({ text: snippet.text.slice(at, range.start), isMarked: false });
    parts.push({ text: snippet.text.slice(range.start, range.start + range.length), isMarked: true });
    at = range.start + range.length;
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), isMarked: false });
  return parts;
}
