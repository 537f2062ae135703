/**
 * What a photo's first bytes say it is, before libvips sees it. libvips would happily open far more than
 * we want to publish (SVG, PDF, TIFF, GIF…), so we decide from the magic numbers, never from the name or the
 * browser's type, and hand it only JPEG, PNG and WebP. The other formats a person might send are named, so
 * the refusal can say what was sent; HEIC gets its own answer (see README.md).
 */

export type PhotoFormat =
  | { kind: 'jpeg' | 'png' | 'webp' }
  | { kind: 'heic' }
  /** A picture format we recognise but do not take; `name` is how people know it. */
  | { kind: 'other'; name: string }
  | { kind: 'unknown' };

/** How many leading bytes sniffPhotoFormat and isAnimatedPng need (an APNG's acTL precedes its image data). */
export const photoHeaderBytes = 64 * 1024;

/** HEIF brands of HEVC-coded images (iPhones write `heic`; bursts and sequences the others). */
const heicBrands = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const avifBrands = new Set(['avif', 'avis']);
const heifGenericBrands = new Set(['mif1', 'msf1', 'miaf']);

export function sniffPhotoFormat(header: Uint8Array): PhotoFormat {
  if (startsWith(header, [0xff, 0xd8, 0xff])) return { kind: 'jpeg' };
  if (startsWith(header, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'png' };
  if (startsWith(header, ascii('RIFF')) && matchesAt(header, 8, ascii('WEBP'))) return { kind: 'webp' };
  if (matchesAt(header, 4, ascii('ftyp'))) return sniffIsoMedia(header);
  if (startsWith(header, ascii('GIF87a')) || startsWith(header, ascii('GIF89a'))) {
    return { kind: 'other', name: 'GIF' };
  }
  if (startsWith(header, [0x49, 0x49, 0x2a, 0x00]) || startsWith(header, [0x4d, 0x4d, 0x00, 0x2a])) {
    return { kind: 'other', name: 'TIFF' };
  }
  if (startsWith(header, ascii('BM'))) return { kind: 'other', name: 'BMP' };
  if (startsWith(header, [0xff, 0x0a]) || matchesAt(header, 4, ascii('JXL '))) {
    return { kind: 'other', name: 'JPEG XL' };
  }
  if (startsWith(header, ascii('%PDF-'))) return { kind: 'other', name: 'PDF' };
  if (looksLikeSvg(header)) return { kind: 'other', name: 'SVG' };
  return { kind: 'unknown' };
}

/**
 * An ISO base media file: HEIC (what iPhones save), AVIF, or something else entirely (an MP4 video has
 * `ftyp` too: unknown, i.e. not a picture).
 */
function sniffIsoMedia(header: Uint8Array): PhotoFormat {
  const boxSize = readUint32BE(header, 0);
  const end = Math.min(boxSize, header.length);
  const brands: string[] = [];
  if (header.length >= 12) brands.push(brandAt(header, 8));
  for (let offset = 16; offset + 4 <= end; offset += 4) brands.push(brandAt(header, offset));
  if (brands.some((brand) => avifBrands.has(brand))) return { kind: 'other', name: 'AVIF' };
  if (brands.some((brand) => heicBrands.has(brand))) return { kind: 'heic' };
  // A bare mif1 file names no codec; phones that write it use HEVC, so it gets the HEIC answer.
  if (heifGenericBrands.has(brands[0] ?? '')) return { kind: 'heic' };
  return { kind: 'unknown' };
}

/**
 * An animated PNG (APNG) has an `acTL` chunk before its first `IDAT`. libvips reads only the default
 * image and reports one page, so this is the only way to see the animation.
 */
export function isAnimatedPng(header: Uint8Array): boolean {
  let offset = 8;
  while (offset + 8 <= header.length) {
    const length = readUint32BE(header, offset);
    const type = brandAt(header, offset + 4);
    if (type === 'acTL') return true;
    if (type === 'IDAT' || type === 'IEND') return false;
    offset += 12 + length;
  }
  return false;
}

function looksLikeSvg(header: Uint8Array): boolean {
  const start = new TextDecoder('utf-8', { fatal: false })
    .decode(header.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return start.startsWith('<svg') || (start.startsWith('<?xml') && start.includes('<svg'));
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

function brandAt(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4));
}

function readUint32BE(bytes: Uint8Array, offset: number): number {
  return (
    (bytes[offset] ?? 0) * 0x1000000 +
    ((bytes[offset + 1] ?? 0) << 16) +
    ((bytes[offset + 2] ?? 0) << 8) +
    (bytes[offset + 3] ?? 0)
  );
}
