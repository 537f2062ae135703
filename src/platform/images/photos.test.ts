import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { findExifInJpeg } from '../web/client/exif-gps.js';
import { photoText } from './photo-messages.ts';
import {
  animatedImage,
  animatedPng,
  buildExif,
  fakeHeic,
  noisyJpeg,
  plainJpeg,
  pngBomb,
  undecodableJpeg,
  withExifSegment,
} from './photo-test-support.ts';
import { type PhotoRefusal, type PhotoRefusalCode, type ProcessedPhoto, processPhoto } from './photos.ts';

let folder = '';
before(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'onewindow-photos-'));
});
after(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function onDisk(name: string, bytes: Buffer): Promise<{ path: string }> {
  const file = path.join(folder, name);
  await writeFile(file, bytes);
  return { path: file };
}

function accepted(result: ProcessedPhoto | PhotoRefusal): ProcessedPhoto {
  if ('code' in result) assert.fail(`refused: ${result.code} ${result.message}`);
  return result;
}

/** Refused with `code`, in both languages, with nothing else returned. */
async function assertRefused(input: { path: string } | { buffer: Buffer }, code: PhotoRefusalCode) {
  for (const lang of ['zh-TW', 'en'] as const) {
    const result = await processPhoto(input, lang);
    assert.deepEqual(Object.keys(result).sort(), ['code', 'message'], `${code}: only a refusal comes back`);
    assert.equal((result as PhotoRefusal).code, code);
    const { message } = result as PhotoRefusal;
    assert.ok(message.length > 20, message);
    if (lang === 'zh-TW') assert.match(message, /[\u4e00-\u9fff]/, 'the Chinese message is in Chinese');
    else assert.doesNotMatch(message, /[\u4e00-\u9fff]/, 'the English message is in English');
  }
}

/** The metadata a public file must not carry. */
async function assertNoMetadata(jpeg: Buffer, what: string) {
  const metadata = await sharp(jpeg).metadata();
  assert.equal(metadata.format, 'jpeg', what);
  assert.equal(metadata.exif, undefined, `${what}: no EXIF`);
  assert.equal(metadata.xmp, undefined, `${what}: no XMP`);
  assert.equal(metadata.iptc, undefined, `${what}: no IPTC`);
  assert.equal(metadata.icc, undefined, `${what}: no ICC profile`);
  assert.equal(metadata.hasProfile, false, what);
  assert.equal(metadata.orientation, undefined, `${what}: no orientation left to apply twice`);
  assert.equal(metadata.space, 'srgb', what);
  assert.equal(findExifInJpeg(jpeg), null, `${what}: no EXIF segment`);
  for (const marker of ['Exif', 'xmpmeta', 'Photoshop', 'ICC_PROFILE', 'secret-note']) {
    assert.equal(jpeg.includes(Buffer.from(marker, 'latin1')), false, `${what}: no "${marker}" bytes`);
  }
}

const pixelAt = async (jpeg: Buffer, x: number, y: number) => {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * info.channels;
  return [data[offset] ?? 0, data[offset + 1] ?? 0, data[offset + 2] ?? 0];
};

describe('processPhoto: what it makes of a photo', () => {
  it('turns an EXIF-rotated photo upright before dropping the orientation', async () => {
    // Stored 400 × 200 with a blue left quarter; orientation 6 says "turn 90° clockwise to show", which
    // puts that quarter at the top of a 200 × 400 picture.
    const stored = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#ff0000' } })
      .composite([{ input: await plainJpeg(100, 200, '#0000ff'), left: 0, top: 0 }])
      .jpeg()
      .toBuffer();
    const photo = accepted(
      await processPhoto(
        { buffer: withExifSegment(stored, buildExif({ byteOrder: 'MM', orientation: 6 })) },
        'en',
      ),
    );
    assert.deepEqual([photo.width, photo.height], [200, 400]);
    assert.deepEqual([photo.originalWidth, photo.originalHeight], [200, 400]);
    const [topRed, , topBlue] = await pixelAt(photo.publicImage, 100, 30);
    const [bottomRed, , bottomBlue] = await pixelAt(photo.publicImage, 100, 370);
    assert.ok((topBlue ?? 0) > 200 && (topRed ?? 0) < 60, 'blue at the top');
    assert.ok((bottomRed ?? 0) > 200 && (bottomBlue ?? 0) < 60, 'red at the bottom');
    await assertNoMetadata(photo.publicImage, 'public copy');
    const thumbnail = await sharp(photo.thumbnail).metadata();
    assert.deepEqual([thumbnail.width, thumbnail.height], [160, 320]);
  });

  it('shrinks a 4000 × 3000 photo to 2048 × 1536 and makes a 320 px thumbnail', async () => {
    const photo = accepted(await processPhoto({ buffer: await plainJpeg(4000, 3000) }, 'zh-TW'));
    assert.deepEqual([photo.width, photo.height], [2048, 1536]);
    assert.deepEqual([photo.originalWidth, photo.originalHeight], [4000, 3000]);
    const published = await sharp(photo.publicImage).metadata();
    assert.deepEqual([published.width, published.height], [2048, 1536]);
    const thumbnail = await sharp(photo.thumbnail).metadata();
    assert.deepEqual([thumbnail.format, thumbnail.width, thumbnail.height], ['jpeg', 320, 240]);
    assert.equal(photo.gps, null);
    assert.equal(photo.takenAt, null);
  });

  it('leaves a photo smaller than 2048 px its size', async () => {
    const photo = accepted(await processPhoto({ buffer: await plainJpeg(800, 600) }, 'en'));
    assert.deepEqual([photo.width, photo.height], [800, 600]);
  });

  it('reads the position and date, then strips EXIF, GPS, XMP, IPTC and ICC from both copies', async () => {
    const original = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#00703c' } })
      .withIccProfile('p3')
      .withExif({
        IFD0: { Make: 'Apple', Model: 'iPhone', ImageDescription: 'secret-note' },
        IFD2: { DateTimeOriginal: '2025:03:14 15:09:26', OffsetTimeOriginal: '+08:00' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '25/1 2/1 1234/100',
          GPSLongitudeRef: 'E',
          GPSLongitude: '121/1 33/1 4321/100',
        },
      })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF>secret-note</rdf:RDF></x:xmpmeta>')
      .jpeg()
      .toBuffer();
    const before = await sharp(original).metadata();
    assert.ok(before.exif && before.xmp && before.icc, 'the test photo does carry metadata');

    const photo = accepted(await processPhoto({ buffer: original }, 'zh-TW'));
    assert.ok(photo.gps !== null);
    assert.ok(Math.abs(photo.gps.lat - (25 + 2 / 60 + 12.34 / 3600)) < 1e-9);
    assert.ok(Math.abs(photo.gps.lon - (121 + 33 / 60 + 43.21 / 3600)) < 1e-9);
    assert.equal(photo.takenAt?.toISOString(), '2025-03-14T07:09:26.000Z');
    await assertNoMetadata(photo.publicImage, 'public copy');
    await assertNoMetadata(photo.thumbnail, 'thumbnail');
    // The Display P3 green was converted to sRGB, not just relabelled.
    const [red, green, blue] = await pixelAt(photo.publicImage, 300, 200);
    assert.ok(
      (red ?? 255) < 30 && (green ?? 0) > 95 && (green ?? 0) < 130 && (blue ?? 255) < 80,
      `${red},${green},${blue}`,
    );
  });

  it('takes a transparent PNG (on white), a WebP, and a file on disk', async () => {
    const png = await sharp({
      create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const fromPng = accepted(await processPhoto({ buffer: png }, 'en'));
    assert.deepEqual(await pixelAt(fromPng.publicImage, 150, 100), [255, 255, 255]);
    await assertNoMetadata(fromPng.publicImage, 'PNG public copy');

    const webp = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#1d70b8' } })
      .webp()
      .toBuffer();
    const fromWebp = accepted(await processPhoto({ buffer: webp }, 'en'));
    assert.deepEqual([fromWebp.width, fromWebp.height], [300, 200]);

    const onDiskPhoto = accepted(
      await processPhoto(await onDisk('IMG_0001.jpg', await plainJpeg(3000, 2000)), 'en'),
    );
    assert.deepEqual([onDiskPhoto.width, onDiskPhoto.height], [2048, 1365]);
  });
});

describe('processPhoto: what it refuses', () => {
  it('refuses text, whatever its name says: not_image', async () => {
    const text = Buffer.from('Dear bureau, the street light on Zhongshan Road is out.\n');
    await assertRefused({ buffer: text }, 'not_image');
    await assertRefused(await onDisk('photo.jpg', text), 'not_image');
    await assertRefused({ buffer: Buffer.alloc(0) }, 'not_image');
  });

  it('refuses a cut-off JPEG (in memory and on disk), PNG and WebP: truncated', async () => {
    const jpeg = await noisyJpeg(400, 300);
    await assertRefused({ buffer: jpeg.subarray(0, Math.floor(jpeg.length * 0.6)) }, 'truncated');
    // Cut inside the picture data: a JPEG that lacks only its end marker (the last 2 bytes) may still hold
    // every pixel, and libjpeg notices the gap only when the random noise happens to need the missing bits
    // (CI saw it accepted once) — like a PNG lacking only its end chunk, it is then whole enough to publish.
    await assertRefused(
      await onDisk('cut.jpg', jpeg.subarray(0, Math.floor(jpeg.length * 0.9))),
      'truncated',
    );
    const noise = sharp({
      create: {
        width: 300,
        height: 200,
        channels: 3,
        background: '#000',
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
      },
    });
    const png = await noise.clone().png().toBuffer();
    await assertRefused({ buffer: png.subarray(0, Math.floor(png.length * 0.7)) }, 'truncated');
    const webp = await noise.clone().webp().toBuffer();
    await assertRefused({ buffer: webp.subarray(0, Math.floor(webp.length * 0.7)) }, 'truncated');
  });

  it('refuses a whole JPEG that cannot be decoded (a broken Huffman table): not_image', async () => {
    const broken = await undecodableJpeg();
    await assertRefused({ buffer: broken }, 'not_image');
    const zh = await processPhoto({ buffer: broken }, 'zh-TW');
    assert.equal((zh as PhotoRefusal).message, photoText('zh-TW', 'damaged'));
  });

  it('refuses a 20000 × 20000 PNG bomb from its header, in memory and on disk: too_many_pixels', async () => {
    const bomb = pngBomb(20000, 20000);
    assert.ok(bomb.length < 10_000, `the bomb is small (${bomb.length} bytes)`);
    await assertRefused({ buffer: bomb }, 'too_many_pixels');
    await assertRefused(await onDisk('bomb.png', bomb), 'too_many_pixels');
  });

  it('refuses a real 42-megapixel photo: too_many_pixels', async () => {
    await assertRefused({ buffer: await plainJpeg(7000, 6000) }, 'too_many_pixels');
  });

  it('refuses animated WebP, GIF and PNG: animated', async () => {
    await assertRefused({ buffer: await animatedImage('webp') }, 'animated');
    await assertRefused({ buffer: await animatedImage('gif') }, 'animated');
    const still = await sharp({ create: { width: 24, height: 24, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    assert.equal('code' in (await processPhoto({ buffer: still }, 'en')), false, 'the still PNG is taken');
    await assertRefused({ buffer: animatedPng(still) }, 'animated');
  });

  it('refuses a still GIF, a TIFF, an AVIF and an SVG, naming the format: unsupported', async () => {
    const picture = sharp({ create: { width: 24, height: 24, channels: 3, background: '#000' } });
    for (const [format, name] of [
      ['gif', 'GIF'],
      ['tiff', 'TIFF'],
      ['avif', 'AVIF'],
    ] as const) {
      const bytes = await picture.clone().toFormat(format).toBuffer();
      await assertRefused({ buffer: bytes }, 'unsupported');
      const result = (await processPhoto({ buffer: bytes }, 'en')) as PhotoRefusal;
      assert.equal(result.message, photoText('en', 'unsupported', { format: name }));
    }
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    await assertRefused({ buffer: svg }, 'unsupported');
  });

  it('refuses an iPhone HEIC and says how to send JPEG instead: heic', async () => {
    await assertRefused({ buffer: fakeHeic() }, 'heic');
    await assertRefused(await onDisk('IMG_0002.HEIC', fakeHeic()), 'heic');
    const zh = (await processPhoto({ buffer: fakeHeic() }, 'zh-TW')) as PhotoRefusal;
    assert.match(zh.message, /最相容/);
    const en = (await processPhoto({ buffer: fakeHeic() }, 'en')) as PhotoRefusal;
    assert.match(en.message, /Settings → Camera → Formats → Most Compatible/);
  });

  it('throws, rather than blaming the person, when the path cannot be read', async () => {
    await assert.rejects(processPhoto({ path: path.join(folder, 'missing.jpg') }, 'en'), /ENOENT/);
  });
});
