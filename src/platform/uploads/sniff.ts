/**
 * What an uploaded file really is, read from its bytes (never from its name or the browser's claimed type).
 * An allowlist: documents and images a citizen or a counter clerk brings — PDF, JPEG, PNG, WebP, HEIC/HEIF
 * (phones), TIFF (scanners), OpenDocument text/spreadsheet and Word/Excel (docx/xlsx). Everything else is
 * null: executables, HTML, SVG (it can carry scripts), plain zips, legacy OLE .doc/.xls, macro-enabled
 * Office files, and files whose structure is cut short (a truncated upload) where that is cheap to see.
 * A PDF must have a PDF's structure, not only its first bytes (pdf-structure.ts); a zip must be one of our
 * documents, with its parts, and inflate to what it declares within limits (zip-document.ts).
 *
 * Written here rather than taken from `file-type`: that library recognises hundreds of formats we would
 * then have to filter, needs four more packages, and does not check completeness. The few structures we
 * accept are short to check by hand, and every rule is visible below.
 */

import { isStructuredPdf } from './pdf-structure.ts';
import {
  ascii,
  indexOf,
  inMemory,
  matchesAt,
  type RandomAccessBytes,
  readUint16BE,
  readUint16LE,
  readUint32BE,
  readUint32LE,
  type Sniffer,
  startsWith,
  WindowedReader,
} from './sniff-bytes.ts';
import { type ZipDocumentKind, zipDocumentKind } from './zip-document.ts';

export type { RandomAccessBytes } from './sniff-bytes.ts';

export const acceptedMediaTypes = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
  'image/tiff',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export type AcceptedMediaType = (typeof acceptedMediaTypes)[number];

export interface SniffedType {
  mediaType: AcceptedMediaType;
  /** The usual extension, without the dot. */
  extension: string;
}

/** Extensions a file of each type may already carry (the first is the one we give it otherwise). */
export const extensionsByMediaType: Record<AcceptedMediaType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/heic': ['heic', 'heif'],
  'image/heif': ['heif', 'heic'],
  'image/tiff': ['tif', 'tiff'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
};

/** The accepted formats as people know them, for messages ("send a PDF, JPEG, … file"). */
export const acceptedFormatNames = [
  'PDF',
  'JPEG',
  'PNG',
  'WebP',
  'HEIC',
  'TIFF',
  'ODT',
  'ODS',
  'DOCX',
  'XLSX',
];

const sniffed = (mediaType: AcceptedMediaType): SniffedType => ({
  mediaType,
  extension: extensionsByMediaType[mediaType][0] ?? 'bin',
});

/** Bytes enough to tell which kind of file this claims to be (the longest signature test ends at 12). */
export const signatureBytes = 16;

type Format = 'pdf' | 'jpeg' | 'png' | 'webp' | 'heif' | 'tiff' | 'zip';

function formatOf(head: Uint8Array): Format | null {
  if (startsWith(head, ascii('%PDF-'))) return 'pdf';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, ascii('RIFF')) && matchesAt(head, 8, ascii('WEBP'))) return 'webp';
  if (matchesAt(head, 4, ascii('ftyp'))) return 'heif';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  return null;
}

/**
 * Whether the first `signatureBytes` bytes (or the whole file, when shorter) start like one of the accepted
 * formats. False means the file is refused whatever follows, so an upload can stop being stored at once.
 */
export function hasAcceptedSignature(head: Uint8Array): boolean {
  return head.length >= 8 && formatOf(head) !== null;
}

/** What the bytes start like: a type whose structure checks out, a zip to check as a document, or null. */
function* sniffing(size: number): Sniffer<SniffedType | 'zip' | null> {
  if (size < 8) return null;
  const head = yield { offset: 0, length: signatureBytes };
  switch (formatOf(head)) {
    case 'pdf':
      return (yield* isStructuredPdf(size)) ? sniffed('application/pdf') : null;
    case 'jpeg':
      return (yield* isCompleteJpeg(size)) ? sniffed('image/jpeg') : null;
    case 'png':
      return (yield* isCompletePng(size)) ? sniffed('image/png') : null;
    case 'webp':
      return sniffWebp(head, size);
    case 'heif':
      return yield* sniffHeif(head, size);
    case 'tiff':
      return (yield* isPlausibleTiff(head, size)) ? sniffed('image/tiff') : null;
    case 'zip':
      return 'zip';
    default:
      return null;
  }
}

const zipMediaTypes: Record<ZipDocumentKind, AcceptedMediaType> = {
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The type of a file read in windows of `windowBytes` (64 KiB), with at most a window or two of the file in
 * memory (a zip's end record, up to 64 KiB, is the largest single read). A zip is checked as an office
 * document by zipDocumentKind (zip-document.ts), which inflates its entries, streamed, within limits:
 * asynchronous because inflating runs on the thread pool, never on the event loop.
 */
export async function sniffMediaTypeOf(
  source: RandomAccessBytes,
  options: { windowBytes?: number } = {},
): Promise<SniffedType | null> {
  const windowBytes = options.windowBytes ?? 64 * 1024;
  const found = await new WindowedReader(source, windowBytes).run(sniffing(source.size));
  if (found !== 'zip') return found;
  const kind = await zipDocumentKind(source, { windowBytes });
  return kind === null ? null : sniffed(zipMediaTypes[kind]);
}

/** The type of bytes in memory: the same rules, on views of the bytes (nothing copied). */
export function sniffMediaType(bytes: Uint8Array): Promise<SniffedType | null> {
  return sniffMediaTypeOf(inMemory(bytes));
}

// --- JPEG --------------------------------------------------------------------------------------------

/**
 * Walks the marker segments up to the start of scan (each length must fit), then looks for the end-of-image
 * marker after it. Inside the compressed data a 0xFF byte is always followed by 0x00 or a restart marker,
 * so the first FF D9 there is the real end. Bytes after it are allowed (phones append motion-photo video).
 */
function* isCompleteJpeg(size: number): Sniffer<boolean> {
  let offset = 2;
  while (offset + 4 <= size) {
    const segment = yield { offset, length: 4 };
    if (segment[0] !== 0xff) return false;
    const marker = segment[1] ?? 0;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    if (marker === 0xd9) return false; // end of image before any scan
    const length = readUint16BE(segment, 2);
    if (length < 2) return false;
    const next = offset + 2 + length;
    if (next > size) return false;
    if (marker === 0xda) return yield* contains(size, next, [0xff, 0xd9]);
    offset = next;
  }
  return false;
}

/** Whether `needle` occurs at or after `from`: read in chunks that overlap by the needle's length. */
function* contains(size: number, from: number, needle: readonly number[]): Sniffer<boolean> {
  const chunk = 64 * 1024;
  for (let offset = from; offset < size; offset += chunk) {
    const bytes = yield { offset, length: chunk + needle.length - 1 };
    if (indexOf(bytes, needle, 0) !== -1) return true;
  }
  return false;
}

// --- PNG ---------------------------------------------------------------------------------------------

/** Walks the chunks from IHDR to IEND; every chunk must fit in the file. */
function* isCompletePng(size: number): Sniffer<boolean> {
  let offset = 8;
  let isFirst = true;
  while (offset + 12 <= size) {
    const header = yield { offset, length: 8 };
    const length = readUint32BE(header, 0);
    const type = String.fromCharCode(...header.subarray(4, 8));
    if (isFirst && type !== 'IHDR') return false;
    isFirst = false;
    const next = offset + 12 + length;
    if (next > size) return false;
    if (type === 'IEND') return true;
    offset = next;
  }
  return false;
}

// --- WebP --------------------------------------------------------------------------------------------

function sniffWebp(head: Uint8Array, size: number): SniffedType | null {
  const riffSize = readUint32LE(head, 4);
  if (riffSize + 8 > size || size < 20) return null;
  const chunk = String.fromCharCode(...head.subarray(12, 16));
  return ['VP8 ', 'VP8L', 'VP8X'].includes(chunk) ? sniffed('image/webp') : null;
}

// --- HEIC / HEIF (ISO base media file format) ---------------------------------------------------------

const heicBrands = new Set(['heic', 'heix', 'heim', 'heis']);
const heifBrands = new Set(['mif1', 'msf1']);

/** A real `ftyp` box is a few dozen bytes; one larger than this is not an image of ours. */
const maxFtypBytes = 64 * 1024;

/**
 * The `ftyp` box names the brands. heic* brands are HEIC; the generic mif1/msf1 are HEIF unless a
 * compatible brand says HEIC (and they are refused if they say AVIF, not on our list). The top-level boxes
 * must fit in the file, and a `meta` box (which every HEIF image has) must be among them.
 */
function* sniffHeif(head: Uint8Array, size: number): Sniffer<SniffedType | null> {
  const ftypSize = readUint32BE(head, 0);
  if (ftypSize < 16 || ftypSize > size || ftypSize > maxFtypBytes) return null;
  const ftyp = yield { offset: 0, length: ftypSize };
  const brandAt = (bytes: Uint8Array, offset: number) =>
    String.fromCharCode(...bytes.subarray(offset, offset + 4));
  const major = brandAt(ftyp, 8);
  const compatible: string[] = [];
  for (let offset = 16; offset + 4 <= ftypSize; offset += 4) compatible.push(brandAt(ftyp, offset));
  let mediaType: AcceptedMediaType | null = null;
  if (heicBrands.has(major)) mediaType = 'image/heic';
  else if (heifBrands.has(major) && !compatible.some((brand) => brand === 'avif' || brand === 'avis')) {
    mediaType = compatible.some((brand) => heicBrands.has(brand)) ? 'image/heic' : 'image/heif';
  }
  if (mediaType === null) return null;
  let offset = 0;
  let hasMeta = false;
  while (offset < size) {
    if (offset + 8 > size) return null;
    const header = yield { offset, length: 16 };
    let boxSize = readUint32BE(header, 0);
    const type = brandAt(header, 4);
    if (boxSize === 1) {
      if (offset + 16 > size) return null;
      boxSize = readUint32BE(header, 8) * 0x1_0000_0000 + readUint32BE(header, 12);
    } else if (boxSize === 0) {
      boxSize = size - offset; // the last box runs to the end
    }
    if (boxSize < 8 || offset + boxSize > size) return null;
    if (type === 'meta') hasMeta = true;
    offset += boxSize;
  }
  return hasMeta ? sniffed(mediaType) : null;
}

// --- TIFF --------------------------------------------------------------------------------------------

/** The first image file directory must lie inside the file, with all its entries. */
function* isPlausibleTiff(head: Uint8Array, size: number): Sniffer<boolean> {
  const isLittleEndian = head[0] === 0x49;
  const read32 = isLittleEndian ? readUint32LE : readUint32BE;
  const read16 = isLittleEndian ? readUint16LE : readUint16BE;
  const ifdOffset = read32(head, 4);
  if (ifdOffset < 8 || ifdOffset + 2 > size) return false;
  const entries = read16(yield { offset: ifdOffset, length: 2 }, 0);
  return entries > 0 && ifdOffset + 2 + entries * 12 + 4 <= size;
}
