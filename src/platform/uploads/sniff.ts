/**
 * What an uploaded file really is, read from its bytes (never from its name or the browser's claimed type).
 * An allowlist: documents and images a citizen or a counter clerk brings — PDF, JPEG, PNG, WebP, HEIC/HEIF
 * (phones), TIFF (scanners), OpenDocument text/spreadsheet and Word/Excel (docx/xlsx). Everything else is
 * null: executables, HTML, SVG (it can carry scripts), plain zips, legacy OLE .doc/.xls, macro-enabled
 * Office files, and files whose structure is cut short (a truncated upload) where that is cheap to see.
 *
 * Written here rather than taken from `file-type`: that library recognises hundreds of formats we would
 * then have to filter, needs four more packages, and does not check completeness. The few structures we
 * accept are short to check by hand, and every rule is visible below.
 */

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

/** What a sniffer asks for: up to `length` bytes from `offset` (fewer past the end of the file). */
interface ByteRange {
  offset: number;
  length: number;
}

/**
 * The checks below are generators that ask for the bytes they need (`yield { offset, length }`) instead of
 * indexing one buffer, so the same rules run on bytes in memory (sniffMediaType) and on a file being
 * uploaded, read back in small windows (sniffMediaTypeOf): an upload is never held whole in memory.
 */
type Sniffer<T> = Generator<ByteRange, T, Uint8Array>;

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

function* sniffing(size: number): Sniffer<SniffedType | null> {
  if (size < 8) return null;
  const head = yield { offset: 0, length: signatureBytes };
  switch (formatOf(head)) {
    case 'pdf':
      return (yield* isCompletePdf(size)) ? sniffed('application/pdf') : null;
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
      return yield* sniffZipDocument(size);
    default:
      return null;
  }
}

/** The type of bytes in memory. */
export function sniffMediaType(bytes: Uint8Array): SniffedType | null {
  const sniffer = sniffing(bytes.length);
  let step = sniffer.next();
  while (!step.done) {
    const { offset, length } = step.value;
    step = sniffer.next(bytes.subarray(offset, offset + length));
  }
  return step.value;
}

/** A file that can be read anywhere (an upload written to the file store, before it is committed). */
export interface RandomAccessBytes {
  size: number;
  /** Up to `length` bytes from `offset`: all of them unless the file ends first. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/**
 * The type of a file read in windows of `windowBytes` (64 KiB): the same rules as sniffMediaType, with at
 * most a window or two of the file in memory (a zip's end record, up to 64 KiB, is the largest single read).
 */
export async function sniffMediaTypeOf(
  source: RandomAccessBytes,
  options: { windowBytes?: number } = {},
): Promise<SniffedType | null> {
  const windowBytes = options.windowBytes ?? 64 * 1024;
  const sniffer = sniffing(source.size);
  let windowStart = 0;
  let window: Uint8Array = new Uint8Array(0);
  let step = sniffer.next();
  while (!step.done) {
    const offset = Math.min(step.value.offset, source.size);
    const end = Math.min(offset + step.value.length, source.size);
    if (offset < windowStart || end > windowStart + window.length) {
      windowStart = offset;
      window = await source.read(offset, Math.min(Math.max(end - offset, windowBytes), source.size - offset));
    }
    step = sniffer.next(window.subarray(offset - windowStart, end - windowStart));
  }
  return step.value;
}

// --- PDF ---------------------------------------------------------------------------------------------

/** A whole PDF ends with `%%EOF` (some writers add a few bytes after it: look in the last 1 KiB). */
function* isCompletePdf(size: number): Sniffer<boolean> {
  const start = Math.max(0, size - 1024);
  const tail = yield { offset: start, length: size - start };
  return indexOf(tail, ascii('%%EOF'), 0) !== -1;
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

// --- ZIP containers: OpenDocument and Office Open XML ------------------------------------------------

const odfMediaTypes: Record<string, AcceptedMediaType> = {
  'application/vnd.oasis.opendocument.text': 'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet': 'application/vnd.oasis.opendocument.spreadsheet',
};

/**
 * A zip is accepted only as one of our document types. Its central directory (at the end) must be whole —
 * a cut-off upload has none — and lists the entry names.
 * - OpenDocument: the first entry is `mimetype`, stored uncompressed, holding the ODF media type.
 * - Office Open XML: `[Content_Types].xml` plus `word/…` (docx) or `xl/…` (xlsx); macro projects
 *   (`vbaProject.bin`, i.e. docm/xlsm renamed) are refused.
 */
function* sniffZipDocument(size: number): Sniffer<SniffedType | null> {
  const names = yield* zipEntryNames(size);
  if (names === null) return null;

  const local = yield { offset: 0, length: 30 };
  const firstNameLength = readUint16LE(local, 26);
  const firstName = String.fromCharCode(...(yield { offset: 30, length: firstNameLength }));
  if (firstName === 'mimetype') {
    const method = readUint16LE(local, 8);
    const declaredSize = readUint32LE(local, 18);
    const dataStart = 30 + firstNameLength + readUint16LE(local, 28);
    if (method !== 0 || dataStart + declaredSize > size || declaredSize > 100) return null;
    const declared = String.fromCharCode(...(yield { offset: dataStart, length: declaredSize }));
    const mediaType = odfMediaTypes[declared];
    return mediaType !== undefined && names.includes('content.xml') ? sniffed(mediaType) : null;
  }

  if (!names.includes('[Content_Types].xml')) return null;
  if (names.some((name) => name.toLowerCase().endsWith('vbaproject.bin'))) return null;
  const hasFolder = (folder: string) => names.some((name) => name.startsWith(folder));
  if (hasFolder('word/') && !hasFolder('xl/')) {
    return sniffed('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  }
  if (hasFolder('xl/') && !hasFolder('word/')) {
    return sniffed('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  }
  return null;
}

/**
 * What a document of ours may expand to (a zip bomb shaped like a .docx is refused): in all, and the ratio
 * one large entry may have. Real documents expand a few times (XML) to about once (pictures): a 10 MiB
 * .docx of text stays far below both. The sizes are those the central directory declares; nothing here
 * decompresses, so a directory that lies is not caught — but no part of the platform expands an upload
 * either.
 */
const maxZipExpandedBytes = 100 * 1024 * 1024;
const maxZipEntryRatio = 200;

/**
 * The names in a zip's central directory, or null when it is missing, cut off, zip64 (never needed here),
 * or declares more than our documents ever expand to.
 */
function* zipEntryNames(size: number): Sniffer<string[] | null> {
  const endSignature = [0x50, 0x4b, 0x05, 0x06];
  // The end record is 22 bytes plus a comment of at most 65535.
  const tailStart = Math.max(0, size - 22 - 65535);
  const tail = yield { offset: tailStart, length: size - tailStart };
  let found = -1;
  for (let offset = tail.length - 22; offset >= 0; offset--) {
    if (matchesAt(tail, offset, endSignature)) {
      found = offset;
      break;
    }
  }
  if (found === -1) return null;
  const end = tailStart + found;
  const count = readUint16LE(tail, found + 10);
  const directorySize = readUint32LE(tail, found + 12);
  const directoryStart = readUint32LE(tail, found + 16);
  if (count === 0xffff || directoryStart === 0xffffffff || directoryStart + directorySize > end) return null;
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let expanded = 0;
  let offset = directoryStart;
  for (let index = 0; index < count; index++) {
    if (offset + 46 > end) return null;
    const header = yield { offset, length: 46 };
    if (!matchesAt(header, 0, [0x50, 0x4b, 0x01, 0x02])) return null;
    const nameLength = readUint16LE(header, 28);
    const extraLength = readUint16LE(header, 30);
    const commentLength = readUint16LE(header, 32);
    const localHeader = readUint32LE(header, 42);
    if (localHeader + 30 > directoryStart) return null;
    const compressedSize = readUint32LE(header, 20);
    const uncompressedSize = readUint32LE(header, 24);
    expanded += uncompressedSize;
    if (expanded > maxZipExpandedBytes) return null;
    if (uncompressedSize > 1024 * 1024 && uncompressedSize > maxZipEntryRatio * Math.max(compressedSize, 1))
      return null;
    const nameEnd = offset + 46 + nameLength;
    if (nameEnd > end) return null;
    names.push(decoder.decode(yield { offset: offset + 46, length: nameLength }));
    offset = nameEnd + extraLength + commentLength;
  }
  return names;
}

// --- byte helpers ------------------------------------------------------------------------------------

function ascii(text: string): number[] {
  return [...text].map((character) => character.charCodeAt(0));
}

function matchesAt(bytes: Uint8Array, offset: number, expected: readonly number[]): boolean {
  if (offset < 0 || offset + expected.length > bytes.length) return false;
  return expected.every((value, index) => bytes[offset + index] === value);
}

function startsWith(bytes: Uint8Array, expected: readonly number[]): boolean {
  return matchesAt(bytes, 0, expected);
}

function indexOf(bytes: Uint8Array, needle: readonly number[], from: number): number {
  const first = needle[0];
  for (
    let offset = bytes.indexOf(first ?? 0, from);
    offset !== -1;
    offset = bytes.indexOf(first ?? 0, offset + 1)
  ) {
    if (matchesAt(bytes, offset, needle)) return offset;
  }
  return -1;
}

function readUint16BE(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] ?? 0) << 8) | (bytes[offset + 1] ?? 0);
}

function readUint16LE(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] ?? 0) | ((bytes[offset + 1] ?? 0) << 8);
}

function readUint32BE(bytes: Uint8Array, offset: number): number {
  return readUint16BE(bytes, offset) * 0x10000 + readUint16BE(bytes, offset + 2);
}

function readUint32LE(bytes: Uint8Array, offset: number): number {
  return readUint16LE(bytes, offset) + readUint16LE(bytes, offset + 2) * 0x10000;
}
