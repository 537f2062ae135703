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

export function sniffMediaType(bytes: Uint8Array): SniffedType | null {
  if (bytes.length < 8) return null;
  if (startsWith(bytes, ascii('%PDF-'))) return isCompletePdf(bytes) ? sniffed('application/pdf') : null;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return isCompleteJpeg(bytes) ? sniffed('image/jpeg') : null;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return isCompletePng(bytes) ? sniffed('image/png') : null;
  }
  if (startsWith(bytes, ascii('RIFF')) && matchesAt(bytes, 8, ascii('WEBP'))) return sniffWebp(bytes);
  if (matchesAt(bytes, 4, ascii('ftyp'))) return sniffHeif(bytes);
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return isPlausibleTiff(bytes) ? sniffed('image/tiff') : null;
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffZipDocument(bytes);
  return null;
}

// --- PDF ---------------------------------------------------------------------------------------------

/** A whole PDF ends with `%%EOF` (some writers add a few bytes after it: look in the last 1 KiB). */
function isCompletePdf(bytes: Uint8Array): boolean {
  return indexOf(bytes, ascii('%%EOF'), Math.max(0, bytes.length - 1024)) !== -1;
}

// --- JPEG --------------------------------------------------------------------------------------------

/**
 * Walks the marker segments up to the start of scan (each length must fit), then looks for the end-of-image
 * marker after it. Inside the compressed data a 0xFF byte is always followed by 0x00 or a restart marker,
 * so the first FF D9 there is the real end. Bytes after it are allowed (phones append motion-photo video).
 */
function isCompleteJpeg(bytes: Uint8Array): boolean {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return false;
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    if (marker === 0xd9) return false; // end of image before any scan
    const length = readUint16BE(bytes, offset + 2);
    if (length < 2) return false;
    const next = offset + 2 + length;
    if (next > bytes.length) return false;
    if (marker === 0xda) return indexOf(bytes, [0xff, 0xd9], next) !== -1;
    offset = next;
  }
  return false;
}

// --- PNG ---------------------------------------------------------------------------------------------

/** Walks the chunks from IHDR to IEND; every chunk must fit in the file. */
function isCompletePng(bytes: Uint8Array): boolean {
  let offset = 8;
  let isFirst = true;
  while (offset + 12 <= bytes.length) {
    const length = readUint32BE(bytes, offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (isFirst && type !== 'IHDR') return false;
    isFirst = false;
    const next = offset + 12 + length;
    if (next > bytes.length) return false;
    if (type === 'IEND') return true;
    offset = next;
  }
  return false;
}

// --- WebP --------------------------------------------------------------------------------------------

function sniffWebp(bytes: Uint8Array): SniffedType | null {
  const riffSize = readUint32LE(bytes, 4);
  if (riffSize + 8 > bytes.length || bytes.length < 20) return null;
  const chunk = String.fromCharCode(...bytes.subarray(12, 16));
  return ['VP8 ', 'VP8L', 'VP8X'].includes(chunk) ? sniffed('image/webp') : null;
}

// --- HEIC / HEIF (ISO base media file format) ---------------------------------------------------------

const heicBrands = new Set(['heic', 'heix', 'heim', 'heis']);
const heifBrands = new Set(['mif1', 'msf1']);

/**
 * The `ftyp` box names the brands. heic* brands are HEIC; the generic mif1/msf1 are HEIF unless a
 * compatible brand says HEIC (and they are refused if they say AVIF, not on our list). The top-level boxes
 * must fit in the file, and a `meta` box (which every HEIF image has) must be among them.
 */
function sniffHeif(bytes: Uint8Array): SniffedType | null {
  const ftypSize = readUint32BE(bytes, 0);
  if (ftypSize < 16 || ftypSize > bytes.length) return null;
  const brandAt = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  const major = brandAt(8);
  const compatible: string[] = [];
  for (let offset = 16; offset + 4 <= ftypSize; offset += 4) compatible.push(brandAt(offset));
  let mediaType: AcceptedMediaType | null = null;
  if (heicBrands.has(major)) mediaType = 'image/heic';
  else if (heifBrands.has(major) && !compatible.some((brand) => brand === 'avif' || brand === 'avis')) {
    mediaType = compatible.some((brand) => heicBrands.has(brand)) ? 'image/heic' : 'image/heif';
  }
  if (mediaType === null) return null;
  let offset = 0;
  let hasMeta = false;
  while (offset < bytes.length) {
    if (offset + 8 > bytes.length) return null;
    let size = readUint32BE(bytes, offset);
    const type = brandAt(offset + 4);
    if (size === 1) {
      if (offset + 16 > bytes.length) return null;
      size = Number(new DataView(bytes.buffer, bytes.byteOffset + offset + 8, 8).getBigUint64(0));
    } else if (size === 0) {
      size = bytes.length - offset; // the last box runs to the end
    }
    if (size < 8 || offset + size > bytes.length) return null;
    if (type === 'meta') hasMeta = true;
    offset += size;
  }
  return hasMeta ? sniffed(mediaType) : null;
}

// --- TIFF --------------------------------------------------------------------------------------------

/** The first image file directory must lie inside the file, with all its entries. */
function isPlausibleTiff(bytes: Uint8Array): boolean {
  const isLittleEndian = bytes[0] === 0x49;
  const read32 = isLittleEndian ? readUint32LE : readUint32BE;
  const read16 = isLittleEndian ? readUint16LE : readUint16BE;
  const ifdOffset = read32(bytes, 4);
  if (ifdOffset < 8 || ifdOffset + 2 > bytes.length) return false;
  const entries = read16(bytes, ifdOffset);
  return entries > 0 && ifdOffset + 2 + entries * 12 + 4 <= bytes.length;
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
function sniffZipDocument(bytes: Uint8Array): SniffedType | null {
  const names = zipEntryNames(bytes);
  if (names === null) return null;

  const firstNameLength = readUint16LE(bytes, 26);
  const firstName = String.fromCharCode(...bytes.subarray(30, 30 + firstNameLength));
  if (firstName === 'mimetype') {
    const method = readUint16LE(bytes, 8);
    const size = readUint32LE(bytes, 18);
    const dataStart = 30 + firstNameLength + readUint16LE(bytes, 28);
    if (method !== 0 || dataStart + size > bytes.length || size > 100) return null;
    const declared = String.fromCharCode(...bytes.subarray(dataStart, dataStart + size));
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

/** The names in a zip's central directory, or null when it is missing, cut off or zip64 (never needed here). */
function zipEntryNames(bytes: Uint8Array): string[] | null {
  const endSignature = [0x50, 0x4b, 0x05, 0x06];
  // The end record is 22 bytes plus a comment of at most 65535.
  let end = -1;
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 65535); offset--) {
    if (matchesAt(bytes, offset, endSignature)) {
      end = offset;
      break;
    }
  }
  if (end === -1) return null;
  const count = readUint16LE(bytes, end + 10);
  const directorySize = readUint32LE(bytes, end + 12);
  const directoryStart = readUint32LE(bytes, end + 16);
  if (count === 0xffff || directoryStart === 0xffffffff || directoryStart + directorySize > end) return null;
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let offset = directoryStart;
  for (let index = 0; index < count; index++) {
    if (offset + 46 > end || !matchesAt(bytes, offset, [0x50, 0x4b, 0x01, 0x02])) return null;
    const nameLength = readUint16LE(bytes, offset + 28);
    const extraLength = readUint16LE(bytes, offset + 30);
    const commentLength = readUint16LE(bytes, offset + 32);
    const localHeader = readUint32LE(bytes, offset + 42);
    if (localHeader + 30 > directoryStart) return null;
    const nameEnd = offset + 46 + nameLength;
    if (nameEnd > end) return null;
    names.push(decoder.decode(bytes.subarray(offset + 46, nameEnd)));
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
