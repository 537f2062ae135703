/**
 * Photo-like JPEGs for the photo-report benchmark (bench/generate-reports.ts, bench/reports-bench.ts), made
 * with sharp at run time so no binary sits in the repository: a street scene's broad shapes (a sky gradient
 * over grey asphalt, soft blobs) under sensor-like noise, whose strength is tuned until the file has about
 * the wanted size — a real phone photo's size comes from exactly that fine detail, so it also costs the
 * decoder what a real one does.
 */
import sharp from 'sharp';

/** A small, fast PRNG (xorshift32) for pixel noise: reproducible, so the same seed gives the same bytes. */
function noiseSource(seed: number): () => number {
  let state = seed | 0 || 0x2545f491;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

/** The raw RGB pixels: gradients and blobs, plus noise of amplitude `noise` (0–128). */
function photoPixels(width: number, height: number, noise: number, seed: number): Buffer {
  const pixels = Buffer.allocUnsafe(width * height * 3);
  const random = noiseSource(seed);
  const horizon = Math.floor(height * 0.38);
  const phase = (seed % 997) / 97;
  let offset = 0;
  for (let y = 0; y < height; y += 1) {
    const isSky = y < horizon;
    const skyShare = y / horizon;
    const roadShare = (y - horizon) / (height - horizon);
    const rowWave = Math.cos(y / 131 + phase);
    for (let x = 0; x < width; x += 1) {
      const blob = 28 * Math.sin(x / 97 + phase) * rowWave + 12 * Math.sin((x + y) / 53);
      let red: number;
      let green: number;
      let blue: number;
      if (isSky) {
        red = 120 + 90 * skyShare + blob * 0.3;
        green = 160 + 60 * skyShare + blob * 0.3;
        blue = 225 + 20 * skyShare;
      } else {
        const grey = 70 + 60 * roadShare + blob;
        red = grey + 4;
        green = grey + 2;
        blue = grey;
      }
      const shared = (random() - 0.5) * 2 * noise;
      pixels[offset] = clamp(red + shared + (random() - 0.5) * noise * 0.4);
      pixels[offset + 1] = clamp(green + shared + (random() - 0.5) * noise * 0.4);
      pixels[offset + 2] = clamp(blue + shared + (random() - 0.5) * noise * 0.4);
      offset += 3;
    }
  }
  return pixels;
}

function clamp(value: number): number {
  return value < 0 ? 0 : value > 255 ? 255 : value | 0;
}

function encode(width: number, height: number, noise: number, seed: number, quality: number) {
  return sharp(photoPixels(width, height, noise, seed), { raw: { width, height, channels: 3 } })
    .jpeg({ quality, chromaSubsampling: '4:2:0' })
    .toBuffer();
}

/**
 * A JPEG of `width` × `height` whose size is within ~4 % of `targetBytes` (never above `maxBytes`, when
 * given): the noise is bisected at `quality`. Deterministic for a seed.
 */
export async function photoLikeJpeg(options: {
  width: number;
  height: number;
  targetBytes: number;
  maxBytes?: number;
  quality?: number;
  seed?: number;
}): Promise<Buffer> {
  const { width, height, targetBytes } = options;
  const quality = options.quality ?? 85;
  const seed = options.seed ?? 1;
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  // A large image is tuned on a tile of a sixteenth of its area (bytes per pixel carry over), then encoded
  // whole once or twice: bisecting 24 megapixels directly takes half a minute.
  const isLarge = width * height > 4_000_000;
  const tile = isLarge
    ? { width: Math.round(width / 4), height: Math.round(height / 4), target: targetBytes / 16 }
    : { width, height, target: targetBytes };
  let low = 0;
  let high = 128;
  let noise = 64;
  let best: Buffer | null = null;
  const keepBest = (jpeg: Buffer) => {
    if (
      jpeg.length <= maxBytes &&
      (best === null || Math.abs(jpeg.length - targetBytes) < Math.abs(best.length - targetBytes))
    )
      best = jpeg;
  };
  for (let step = 0; step < 9; step += 1) {
    noise = (low + high) / 2;
    const jpeg = await encode(tile.width, tile.height, noise, seed, quality);
    if (!isLarge) keepBest(jpeg);
    if (Math.abs(jpeg.length - tile.target) / tile.target < 0.03 && (isLarge || jpeg.length <= maxBytes))
      break;
    if (jpeg.length > tile.target) high = noise;
    else low = noise;
  }
  for (let attempt = 0; isLarge && attempt < 4; attempt += 1) {
    const jpeg = await encode(width, height, noise, seed, quality);
    keepBest(jpeg);
    if (Math.abs(jpeg.length - targetBytes) / targetBytes < 0.04 && jpeg.length <= maxBytes) break;
    noise *= Math.min(1.3, Math.max(0.7, (targetBytes / jpeg.length) ** 1.5));
  }
  if (best === null)
    throw new Error(`no ${width}×${height} JPEG at quality ${quality} fits in ${maxBytes} bytes`);
  return best;
}

/**
 * The same JPEG with a comment segment (COM) after its start marker holding `label`: different bytes (so a
 * different SHA-256, stored anew, never served from a cache) and the same pixels, so the same decoding work.
 */
export function distinctJpeg(jpeg: Buffer, label: string): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  const text = Buffer.from(label, 'latin1');
  const header = Buffer.from([0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), header, text, jpeg.subarray(2)]);
}
