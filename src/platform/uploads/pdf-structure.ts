/**
 * Whether a file that starts with `%PDF-` is a PDF: its structure, not its prefix. An HTML page can start
 * with `%PDF-` and end with `%%EOF` (a polyglot: a PDF to a prefix check, a page to a browser that sniffs);
 * before issue 13 it was stored as a PDF and served inline to staff.
 *
 * What a reader needs to open a PDF, checked without parsing its objects (ISO 32000-2, 7.5):
 * - the header `%PDF-1.0` … `%PDF-1.7` or `%PDF-2.0` at offset 0, followed by a line end;
 * - no HTML or SVG markup in the first KiB (`<html`, `<!doctype`, `<script`, `<body`, `<head`, `<svg`,
 *   `<iframe`): a real PDF has binary bytes or objects there, a polyglot its page;
 * - at the end, `startxref`, a byte offset and `%%EOF` (only white space or NULs after it, in the last KiB);
 * - that offset inside the file, before `startxref`, where either a cross-reference table begins (`xref`,
 *   rows of digits, then `trailer << … /Root n g R … >>`) or a cross-reference stream object
 *   (`n g obj << /Type /XRef … /Root n g R … >> stream`). A linearized file's last `startxref` names its
 *   first-page table, whose trailer has /Root; an incrementally updated one names its newest section, whose
 *   trailer repeats /Root (7.5.6).
 * A truncated upload fails the end; a made-up `startxref` fails the offset. Reads: the first KiB, the last
 * KiB, 4 KiB at the offset, and a table's rows in 64 KiB windows (a 10 MB table is read once, ~10 ms).
 */
import { latin1, type Sniffer } from './sniff-bytes.ts';

const markupMarkers = ['<html', '<!doctype', '<script', '<body', '<head', '<svg', '<iframe'];

/** PDF white space (7.2.3): NUL, tab, line feed, form feed, carriage return, space. */
const w = '[\\0\\t\\n\\f\\r ]';
const header = /^%PDF-(?:1\.[0-7]|2\.0)[\r\n]/;
const end = new RegExp(`startxref${w}+(\\d{1,10})${w}+%%EOF${w}*$`);
const classicStart = new RegExp(`^${w}{0,8}xref${w}`);
const streamStart = new RegExp(
  `^${w}{0,8}\\d{1,10}${w}+\\d{1,5}${w}+obj${w}*<<([\\s\\S]*?)>>${w}*stream\\r?\\n`,
);
const xrefType = new RegExp(`/Type${w}*/XRef(?![A-Za-z0-9])`);
const rootReference = new RegExp(`/Root${w}*\\d{1,10}${w}+\\d{1,5}${w}+R(?![A-Za-z0-9])`);
const trailerDictionary = new RegExp(`^trailer${w}*<<([\\s\\S]*?)>>${w}*(?:startxref|$)`);

/** The bytes a cross-reference table's rows are made of: digits, `f`, `n` and white space. */
const tableBytes = new Uint8Array(256);
for (const character of '0123456789fn\0\t\n\f\r ') tableBytes[character.charCodeAt(0)] = 1;

export function* isStructuredPdf(size: number): Sniffer<boolean> {
  if (size < 64) return false;
  const head = latin1(yield { offset: 0, length: 1024 });
  if (!header.test(head)) return false;
  const lower = head.toLowerCase();
  if (markupMarkers.some((marker) => lower.includes(marker))) return false;

  const tailStart = Math.max(0, size - 1024);
  const tail = latin1(yield { offset: tailStart, length: size - tailStart });
  const found = end.exec(tail);
  // The last startxref: a file updated in place has one per section, the reader follows the last.
  const last = found === null ? -1 : tail.lastIndexOf('startxref');
  if (found === null || last !== found.index) return false;
  const startxrefAt = tailStart + found.index;
  const xrefAt = Number(found[1]);
  if (xrefAt < 9 || xrefAt >= startxrefAt) return false;

  const at = latin1(yield { offset: xrefAt, length: Math.min(4096, startxrefAt - xrefAt) });
  const classic = classicStart.exec(at);
  if (classic !== null) return yield* hasTrailerWithRoot(xrefAt + classic[0].length, startxrefAt);
  const stream = streamStart.exec(at);
  return stream !== null && xrefType.test(stream[1] ?? '') && rootReference.test(stream[1] ?? '');
}

/**
 * After `xref`: rows of digits, `f` and `n` up to `trailer`, whose dictionary names /Root. Read in windows
 * up to `limit` (the final `startxref`); the first byte that is no row's ends the table.
 */
function* hasTrailerWithRoot(from: number, limit: number): Sniffer<boolean> {
  let offset = from;
  while (offset < limit) {
    const rows = yield { offset, length: Math.min(64 * 1024, limit - offset) };
    if (rows.length === 0) return false;
    let index = 0;
    while (index < rows.length && tableBytes[rows[index] ?? 0] === 1) index += 1;
    if (index === rows.length) {
      offset += rows.length;
      continue;
    }
    const trailerAt = offset + index;
    const trailer = trailerDictionary.exec(
      latin1(yield { offset: trailerAt, length: Math.min(4096, limit - trailerAt) }),
    );
    return trailer !== null && rootReference.test(trailer[1] ?? '');
  }
  return false;
}
