import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { isAnimatedPng, sniffPhotoFormat } from './photo-format.ts';
import { animatedImage, animatedPng, fakeHeic, plainJpeg } from './photo-test-support.ts';

const tiny = (format: 'png' | 'webp' | 'gif' | 'tiff' | 'avif') =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: '#1d70b8' } })
    .toFormat(format)
    .toBuffer();

const ftyp = (major: string, ...compatible: string[]) => {
  const payload = Buffer.from(`${major}\0\0\0\0${compatible.join('')}`, 'latin1');
  const size = Buffer.alloc(4);
  size.writeUInt32BE(8 + payload.length);
  return Buffer.concat([size, Buffer.from('ftyp', 'latin1'), payload]);
};

describe('sniffPhotoFormat', () => {
  it('knows JPEG, PNG and WebP from their bytes', async () => {
    assert.deepEqual(sniffPhotoFormat(await plainJpeg(8, 8)), { kind: 'jpeg' });
    assert.deepEqual(sniffPhotoFormat(await tiny('png')), { kind: 'png' });
    assert.deepEqual(sniffPhotoFormat(await tiny('webp')), { kind: 'webp' });
  });

  it('knows iPhone HEIC, including the generic mif1 brand, and tells AVIF apart', async () => {
    assert.deepEqual(sniffPhotoFormat(fakeHeic()), { kind: 'heic' });
    assert.deepEqual(sniffPhotoFormat(ftyp('mif1', 'mif1', 'heic')), { kind: 'heic' });
    assert.deepEqual(sniffPhotoFormat(ftyp('mif1', 'mif1')), { kind: 'heic' });
    assert.deepEqual(sniffPhotoFormat(ftyp('mif1', 'avif', 'mif1')), { kind: 'other', name: 'AVIF' });
    assert.deepEqual(sniffPhotoFormat(await tiny('avif')), { kind: 'other', name: 'AVIF' });
    // An MP4 video is an ISO media file too, but not a picture.
    assert.deepEqual(sniffPhotoFormat(ftyp('isom', 'isom', 'mp41')), { kind: 'unknown' });
  });

  it('names the other picture formats people send', async () => {
    assert.deepEqual(sniffPhotoFormat(await tiny('gif')), { kind: 'other', name: 'GIF' });
    assert.deepEqual(sniffPhotoFormat(await tiny('tiff')), { kind: 'other', name: 'TIFF' });
    assert.deepEqual(sniffPhotoFormat(Buffer.from('BM\0\0\0\0\0\0\0\0', 'latin1')), {
      kind: 'other',
      name: 'BMP',
    });
    assert.deepEqual(sniffPhotoFormat(Buffer.from('%PDF-1.7\n', 'latin1')), { kind: 'other', name: 'PDF' });
    const svg = '\uFEFF  <?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>';
    assert.deepEqual(sniffPhotoFormat(Buffer.from(svg)), { kind: 'other', name: 'SVG' });
  });

  it('calls text, empty files and extension-only disguises unknown', () => {
    assert.deepEqual(sniffPhotoFormat(Buffer.from('hello, this is IMG_0001.JPG')), { kind: 'unknown' });
    assert.deepEqual(sniffPhotoFormat(Buffer.alloc(0)), { kind: 'unknown' });
    assert.deepEqual(sniffPhotoFormat(Buffer.from([0xff, 0xd8])), { kind: 'unknown' });
  });
});

describe('isAnimatedPng', () => {
  it('sees the acTL chunk of an animated PNG and none in a still one', async () => {
    const still = await tiny('png');
    assert.equal(isAnimatedPng(still), false);
    assert.equal(isAnimatedPng(animatedPng(still)), true);
  });

  it('does not mistake an animated WebP or a cut-off header for an APNG', async () => {
    assert.equal(isAnimatedPng(await animatedImage('webp')), false);
    assert.equal(isAnimatedPng(animatedPng(await tiny('png')).subarray(0, 20)), false);
  });
});
