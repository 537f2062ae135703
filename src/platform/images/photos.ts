/**
 * A citizen's photo made safe to publish (issue 10 §2): decoded and re-encoded with sharp (libvips) as a
 * JPEG of at most 2048 px, turned upright by its EXIF orientation, in sRGB, with every piece of metadata
 * dropped (EXIF with its GPS position, XMP, IPTC, ICC), plus a 320 px thumbnail. The position and date the
 * original carried are read out first, for the staff and the map pin. Anything that is not a still JPEG, PNG
 * or WebP photo of at most 40 megapixels, whole, is refused with a message saying what to do, and nothing
 * comes back to store. See README.md for the pipeline and the HEIC decision.
 *
 * The form's file input must use `accept={photoInputAccept}` ("image/jpeg,image/png,image/webp", JPEG
 * first): Safari then converts an iPhone's HEIC to JPEG before sending it (iOS always, macOS because HEIC is
 * not listed), so few people ever meet the `heic` refusal.
 */
import { open, readFile } from 'node:fs/promises';
import sharp, { type Metadata, type OutputInfo, type SharpOptions } from 'sharp';
import { sniffMediaType } from '../uploads/sniff.ts';
import type { Lang } from '../web/i18n.ts';
import { type GpsPosition, readPhotoExif } from './exif-gps.ts';
import { isAnimatedPng, photoHeaderBytes, sniffPhotoFormat } from './photo-format.ts';
import { photoText } from './photo-messages.ts';
import { photoQueue } from './photo-queue.ts';

export { createPhotoQueue, type PhotoQueue, photoQueue } from './photo-queue.ts';

/**
 * libvips keeps the results of recent operations in a cache (by default up to 100 MB and 100 operations);
 * every photo is seen once, so the cache would only hold memory. Set once, for the whole process.
 */
sharp.cache(false);

/** The file input's `accept`: what we take, JPEG first (macOS Safari converts HEIC to the first it can). */
export const photoInputAccept = 'image/jpeg,image/png,image/webp';

export const maxInputPixels = 40_000_000;
/**
 * A photo above this is decoded alone (it takes every slot of the photo queue). Making a 2048 px copy of a
 * 24 MP JPEG raised the peak RSS by about 70 MB however the pipeline was set (libvips shrinks on load by 2
 * only, to 3000 × 2000), and libvips gains little from a second core on one image: two at once held twice
 * the memory for a small gain in speed (bench: 20 uploads of 24 MP at once peaked at 428 MB). Phones' 12 MP
 * photos, and anything smaller, still go two at once.
 */
export const decodedAlonePixels = 16_000_000;
export const publicMaxSide = 2048;
export const thumbnailMaxSide = 320;
const publicQuality = 82;
const thumbnailQuality = 70;

export type PhotoInput = { path: string } | { buffer: Buffer };

export interface ProcessedPhoto {
  /** JPEG, longest side ≤ 2048, upright, sRGB, no metadata at all. */
  publicImage: Buffer;
  /** JPEG, longest side ≤ 320, no metadata. */
  thumbnail: Buffer;
  /** Of the public copy. */
  width: number;
  height: number;
  /** Of the original as it is shown, i.e. after its EXIF orientation (a portrait phone photo is taller). */
  originalWidth: number;
  originalHeight: number;
  /** From the original's EXIF GPS; null when absent, 0,0 or out of range. */
  gps: GpsPosition | null;
  /** DateTimeOriginal (Taiwan time when the camera wrote no offset), or null. */
  takenAt: Date | null;
}

export type PhotoRefusalCode =
  | 'not_image'
  | 'truncated'
  | 'too_many_pixels'
  | 'animated'
  | 'heic'
  | 'unsupported';

export interface PhotoRefusal {
  code: PhotoRefusalCode;
  /** A whole sentence in the person's language that says what to do. */
  message: string;
}

/**
 * Options for every decode of an untrusted photo:
 * - `limitInputPixels` refuses from the header, before any pixel is decoded: a 3 KB PNG declaring
 *   20000 × 20000 (a decompression bomb) costs nothing.
 * - `failOn: 'truncated'` makes a cut-off file an error instead of a picture with a grey bottom half. Not
 *   'warning' (sharp's default): phones write JPEGs that libjpeg warns about ("extraneous bytes before
 *   marker") and they are fine.
 * - `sequentialRead`: resizing reads top to bottom, so libvips never holds the whole decoded image.
 */
const decodeOptions = {
  limitInputPixels: maxInputPixels,
  failOn: 'truncated',
  sequentialRead: true,
} as const satisfies SharpOptions;

/**
 * Decodes and re-encodes one photo; returns the public copy and thumbnail with what the original said, or a
 * refusal. Throws only for what is not the person's fault (the path cannot be read). The decoding waits for
 * a slot of the process's photo queue (one per CPU; every slot for a photo of more than
 * `decodedAlonePixels`), so a process never decodes more photos at once than it has CPUs; reading the
 * header before it costs next to nothing.
 */
export async function processPhoto(input: PhotoInput, lang: Lang): Promise<ProcessedPhoto | PhotoRefusal> {
  const source = 'path' in input ? input.path : input.buffer;
  const header = 'path' in input ? await readHeader(input.path) : input.buffer.subarray(0, photoHeaderBytes);
  const format = sniffPhotoFormat(header);
  const refuse = (code: PhotoRefusalCode, message: string): PhotoRefusal => ({ code, message });

  if (format.kind === 'unknown') return refuse('not_image', photoText(lang, 'notImage'));
  if (format.kind === 'heic') return refuse('heic', photoText(lang, 'heic'));
  if (format.kind === 'png' && isAnimatedPng(header)) return refuse('animated', photoText(lang, 'animated'));

  // Other formats never reach libvips (SVG and TIFF loaders are more attack surface than we need), except
  // GIF, read for its frame count only: an animated GIF is told it is animated, a still one which formats to use.
  const unsupported = () =>
    refuse(
      'unsupported',
      photoText(lang, 'unsupported', { format: format.kind === 'other' ? format.name : '' }),
    );
  if (format.kind === 'other' && format.name !== 'GIF') return unsupported();

  let metadata: Metadata;
  try {
    metadata = await sharp(source, decodeOptions).metadata();
  } catch (error) {
    if (format.kind === 'other') return unsupported();
    return refuse(...(await decodeFailure(error, input, lang)));
  }
  if ((metadata.pages ?? 1) > 1) return refuse('animated', photoText(lang, 'animated'));
  if (format.kind === 'other') return unsupported();
  if (metadata.format !== format.kind) return refuse('not_image', photoText(lang, 'notImage'));

  const pixels = (metadata.width ?? 0) * (metadata.height ?? 0);
  const slots = pixels > decodedAlonePixels ? photoQueue.limit : 1;
  const copies = await photoQueue.run(() => publicCopies(source), slots);
  if (copies.kind === 'failed') return refuse(...(await decodeFailure(copies.error, input, lang)));
  const { gps, takenAt } = readPhotoExif(metadata.exif);
  return {
    publicImage: copies.publicCopy.data,
    thumbnail: copies.thumbnail,
    width: copies.publicCopy.info.width,
    height: copies.publicCopy.info.height,
    originalWidth: metadata.autoOrient.width,
    originalHeight: metadata.autoOrient.height,
    gps,
    takenAt,
  };
}

/**
 * The public copy and its thumbnail, or why libvips could not decode the photo (told apart outside the
 * slot: it may read the whole file).
 */
async function publicCopies(
  source: string | Buffer,
): Promise<
  | { kind: 'made'; publicCopy: { data: Buffer; info: OutputInfo }; thumbnail: Buffer }
  | { kind: 'failed'; error: unknown }
> {
  let publicCopy: { data: Buffer; info: OutputInfo };
  try {
    publicCopy = await sharp(source, decodeOptions)
      .autoOrient() // before anything else: the orientation lives in the EXIF that the output drops
      .flatten({ background: '#ffffff' }) // a transparent PNG: JPEG has no alpha
      .resize({ width: publicMaxSide, height: publicMaxSide, fit: 'inside', withoutEnlargement: true })
      // No keepMetadata/withMetadata: sharp writes no EXIF, XMP, IPTC or ICC and converts to sRGB.
      .jpeg({ quality: publicQuality })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    return { kind: 'failed', error };
  }
  // From the public copy: already upright and small, so this decode is cheap (JPEG shrink-on-load).
  const thumbnail = await sharp(publicCopy.data)
    .resize({ width: thumbnailMaxSide, height: thumbnailMaxSide, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: thumbnailQuality })
    .toBuffer();
  return { kind: 'made', publicCopy, thumbnail };
}

/** The first bytes of a file: enough to know its format (and an APNG's animation chunk). */
async function readHeader(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(photoHeaderBytes);
    const { bytesRead } = await file.read(buffer, 0, photoHeaderBytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * Why libvips could not decode a photo. Its messages differ by format and version, so we match only the
 * pixel-limit one (sharp's own text) and otherwise look at the bytes: a file whose structure stops short is
 * truncated (uploads/sniff.ts walks JPEG segments, PNG chunks and the WebP RIFF size); anything else whole
 * but unreadable is damaged. The whole file is read only here, on failure.
 */
async function decodeFailure(
  error: unknown,
  input: PhotoInput,
  lang: Lang,
): Promise<[PhotoRefusalCode, string]> {
  const reason = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(reason)) return ['too_many_pixels', photoText(lang, 'tooManyPixels')];
  const bytes = 'path' in input ? await readFile(input.path) : input.buffer;
  if ((await sniffMediaType(bytes)) === null) return ['truncated', photoText(lang, 'truncated')];
  return ['not_image', photoText(lang, 'damaged')];
}
