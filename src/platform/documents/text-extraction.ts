import { Worker } from 'node:worker_threads';
import { inflateRawSync } from 'node:zlib';

/**
 * The words of an uploaded document, for search (issue 15: the portal's attachments). PDF through pdf.js
 * (the `unpdf` package's build), OpenDocument (odt, ods, odp) by reading `content.xml` out of the zip;
 * images and anything else have no text here (no OCR).
 *
 * Bounded, because a document is a stranger's input even when an editor uploads it: read in a worker thread
 * with its own heap limit (`maxHeapMb`) that is stopped at the time limit, and within it at most
 * `extractionLimits.maxPages` pages of a PDF and `maxCharacters` characters in all, given up after
 * `timeoutMs` (checked between pages, and the whole reading raced against it), a zip entry inflated to at most
 * `maxXmlBytes`. It never throws: a file that cannot be read gives '' (the editor is told the text could
 * not be read, and the file is still published).
 */

export const extractionLimits = {
  /** Bigger files are not read at all (the upload limit is 10 MB by default). */
  maxBytes: 32 * 1024 * 1024,
  /** A 300-page report: its first 100 pages are plenty for search. */
  maxPages: 100,
  /** What search keeps of a file's text anyway (search-index.ts indexes 60,000). */
  maxCharacters: 200_000,
  /** content.xml inflated: a long text document is a few MB of XML. */
  maxXmlBytes: 16 * 1024 * 1024,
  timeoutMs: 15_000,
  /** The reading worker's heap (pdf.js on a large PDF): beyond it the worker dies and the text is ''. */
  maxHeapMb: 128,
} as const;

export type ExtractionLimits = { readonly [Key in keyof typeof extractionLimits]: number };

const odfTypes = new Set([
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
]);

/** Whether a file of this type can have text read from it here (images cannot). */
export function hasReadableText(mediaType: string): boolean {
  return mediaType === 'application/pdf' || odfTypes.has(mediaType);
}

/**
 * The text of a document ('' when it has none, or it cannot be read within the limits), read in a worker
 * thread of its own (text-extraction-worker.ts): its heap is capped (`maxHeapMb`, apart from the app's own
 * 192 MB) and it is stopped at the time limit, so a hostile or enormous file costs the app neither its memory
 * nor more than `timeoutMs` of one core. A worker that runs out of memory, fails or is stopped gives ''.
 */
export async function extractText(
  bytes: Uint8Array,
  mediaType: string,
  limits: ExtractionLimits = extractionLimits,
): Promise<string> {
  if (!hasReadableText(mediaType) || bytes.length === 0 || bytes.length > limits.maxBytes) return '';
  return new Promise((resolve) => {
    let isSettled = false;
    const worker = new Worker(new URL('./text-extraction-worker.ts', import.meta.url), {
      workerData: { bytes, mediaType, limits },
      // TypeScript through the preload (found from here, whatever the working folder), as the app itself
      // runs; none of the app's V8 flags (its heap cap is below).
      execArgv: ['--import', new URL('../../preload.mjs', import.meta.url).href],
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 16 },
      stdout: true,
      stderr: true,
    });
    const finish = (text: string) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      resolve(text);
      void worker.terminate();
    };
    // The reading's own time limit, and a few seconds more for the worker to start.
    const timer = setTimeout(() => finish(''), limits.timeoutMs + workerStartMs);
    worker.once('message', (text: unknown) => finish(typeof text === 'string' ? text : ''));
    worker.once('error', () => finish(''));
    worker.once('exit', () => finish(''));
  });
}

/** How long a worker may take to start (load our TypeScript and pdf.js) on a busy machine. */
const workerStartMs = 10_000;

/** extractText's work, in the thread that calls it: what the worker runs. Never throws. */
export async function extractTextInThisThread(
  bytes: Uint8Array,
  mediaType: string,
  limits: ExtractionLimits,
): Promise<string> {
  if (bytes.length === 0 || bytes.length > limits.maxBytes) return '';
  try {
    if (mediaType === 'application/pdf') return tidy(await pdfText(bytes, limits), limits);
    if (odfTypes.has(mediaType)) return tidy(odfText(bytes, limits), limits);
  } catch {
    // A broken or hostile file: no text, and the caller says so.
  }
  return '';
}

/**
 * Kangxi radicals (U+2F00–U+2FDF) and the CJK radicals supplement (U+2E80–U+2EFF) as the ideographs they look
 * like: PDFs made with Noto/Source Han fonts (Chromium's, LibreOffice's) map shared glyphs to the radical code
 * points, so 「擋土牆」 comes out as 「擋⼟牆」 and neither a reader nor a snippet would match it. NFKC of those
 * characters alone (the rest of the text keeps its form).
 */
export function unifyRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2eff\u2f00-\u2fdf]/g, (radical) => radical.normalize('NFKC'));
}

/** Spaces and blank lines folded, control characters out, radicals as ideographs, cut at the limit. */
function tidy(text: string, limits: ExtractionLimits): string {
  const cleaned = unifyRadicals(text)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, ' ')
    .replace(/[ \t\u00a0\u3000]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return [...cleaned].slice(0, limits.maxCharacters).join('');
}

class ExtractionTimeout extends Error {}

async function pdfText(bytes: Uint8Array, limits: ExtractionLimits): Promise<string> {
  const { getDocumentProxy } = await import('unpdf');
  const deadline = Date.now() + limits.timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  // pdf.js takes the buffer over (detaches it): give it a copy.
  const loading = getDocumentProxy(new Uint8Array(bytes), {
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  const reading = (async () => {
    const document = await loading;
    try {
      const pages = Math.min(document.numPages, limits.maxPages);
      const parts: string[] = [];
      let length = 0;
      for (let number = 1; number <= pages && length < limits.maxCharacters; number += 1) {
        if (Date.now() > deadline) throw new ExtractionTimeout();
        const page = await document.getPage(number);
        const content = await page.getTextContent();
        let pageText = '';
        for (const item of content.items) {
          if (!('str' in item)) continue;
          pageText += item.str;
          if (item.hasEOL) pageText += '\n';
        }
        page.cleanup();
        parts.push(pageText);
        length += pageText.length;
      }
      return parts.join('\n\n');
    } finally {
      // Frees the document's objects (the proxy has no destroy() of its own in this build).
      await document.loadingTask.destroy();
    }
  })();
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new ExtractionTimeout()), limits.timeoutMs);
  });
  try {
    return await Promise.race([reading, timeout]);
  } finally {
    clearTimeout(timer);
    // Whatever is still being read is dropped; its rejection must not go unhandled.
    reading.catch(() => undefined);
  }
}

/** The entry `name` of a zip, inflated (at most `maxBytes`); null when it is not there or cannot be read. */
export function readZipEntry(zip: Uint8Array, name: string, maxBytes: number): Buffer | null {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end of central directory record: 22 bytes, then a comment of up to 65,535 bytes.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let offset = bytes.length - 22; offset >= earliest; offset -= 1) {
    if (bytes.readUInt32LE(offset) === 0x06054b50) {
      end = offset;
      break;
    }
  }
  if (end < 0) return null;
  const entries = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  for (let index = 0; index < entries; index += 1) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return null;
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const size = bytes.readUInt32LE(offset + 24);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const localOffset = bytes.readUInt32LE(offset + 42);
    const entryName = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (entryName !== name) continue;
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== 0x04034b50) return null;
    const start =
      localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    const data = bytes.subarray(start, start + compressedSize);
    if (data.length !== compressedSize) return null;
    if (method === 0) return size <= maxBytes ? Buffer.from(data) : null;
    if (method !== 8) return null;
    // maxOutputLength stops a bomb at the limit (inflateRawSync throws, and the caller gives '').
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  }
  return null;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (match, entity: string) => {
    if (entity.startsWith('#x')) return safeCodePoint(Number.parseInt(entity.slice(2), 16)) ?? match;
    if (entity.startsWith('#')) return safeCodePoint(Number.parseInt(entity.slice(1), 10)) ?? match;
    return entities[entity] ?? match;
  });
}

function safeCodePoint(code: number): string | null {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

/**
 * The text of an OpenDocument's content.xml: paragraphs, headings, list items and table cells on lines of
 * their own, `text:s` as spaces, `text:tab` as a tab, `text:line-break` as a line break. Annotations and
 * other non-text elements keep their words too (they are few).
 */
export function odfXmlText(xml: string): string {
  return decodeEntities(
    xml
      .replace(/<office:meta\b[\s\S]*?<\/office:meta>/g, '')
      .replace(/<text:s\b[^>]*\/>/g, ' ')
      .replace(/<text:tab\b[^>]*\/>/g, '\t')
      .replace(/<text:line-break\b[^>]*\/>/g, '\n')
      .replace(/<\/(text:p|text:h)>/g, '\n')
      .replace(/<[^>]*>/g, ''),
  );
}

function odfText(bytes: Uint8Array, limits: ExtractionLimits): string {
  const xml = readZipEntry(bytes, 'content.xml', limits.maxXmlBytes);
  return xml === null ? '' : odfXmlText(xml.toString('utf8'));
}
