import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
// The browser's file itself, run under Node: the same code the /report page loads.
import { findExifInJpeg, readExifFacts, readGpsFromJpeg } from '../web/client/exif-gps.js';
import { exifDateToDate, readPhotoExif } from './exif-gps.ts';
import { buildExif, type ExifSpec, plainJpeg, withExifSegment } from './photo-test-support.ts';

/** 22°37'30" N, 120°18'12.34" E: Kaohsiung, as phones write it (degrees, minutes, hundredths of seconds). */
const kaohsiung: NonNullable<ExifSpec['gps']> = {
  latitudeRef: 'N',
  latitude: [
    [22, 1],
    [37, 1],
    [3000, 100],
  ],
  longitudeRef: 'E',
  longitude: [
    [120, 1],
    [18, 1],
    [1234, 100],
  ],
};
const kaohsiungLat = 22 + 37 / 60 + 30 / 3600;
const kaohsiungLon = 120 + 18 / 60 + 12.34 / 3600;

function assertNear(actual: { lat: number; lon: number } | null, lat: number, lon: number) {
  assert.ok(actual !== null, 'expected a position');
  assert.ok(Math.abs(actual.lat - lat) < 1e-9, `lat ${actual.lat} ≠ ${lat}`);
  assert.ok(Math.abs(actual.lon - lon) < 1e-9, `lon ${actual.lon} ≠ ${lon}`);
}

const jpegWith = async (spec: ExifSpec) => withExifSegment(await plainJpeg(16, 16), buildExif(spec));

describe('readGpsFromJpeg (the browser reader)', () => {
  it('reads the position sharp (libexif) writes', async () => {
    const jpeg = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#888' } })
      .jpeg()
      .withExif({
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '22/1 37/1 3000/100',
          GPSLongitudeRef: 'E',
          GPSLongitude: '120/1 18/1 1234/100',
        },
      })
      .toBuffer();
    assertNear(readGpsFromJpeg(jpeg), kaohsiungLat, kaohsiungLon);
    // An ArrayBuffer (what File.arrayBuffer() gives in the browser), not only a Uint8Array.
    const arrayBuffer = jpeg.buffer.slice(jpeg.byteOffset, jpeg.byteOffset + jpeg.length);
    assertNear(readGpsFromJpeg(arrayBuffer), kaohsiungLat, kaohsiungLon);
  });

  for (const byteOrder of ['II', 'MM'] as const) {
    it(`reads a position written ${byteOrder === 'II' ? 'little' : 'big'}-endian by hand`, async () => {
      assertNear(readGpsFromJpeg(await jpegWith({ byteOrder, gps: kaohsiung })), kaohsiungLat, kaohsiungLon);
    });
  }

  it('makes south and west negative', async () => {
    const jpeg = await jpegWith({
      byteOrder: 'MM',
      gps: { ...kaohsiung, latitudeRef: 'S', longitudeRef: 'W' },
    });
    assertNear(readGpsFromJpeg(jpeg), -kaohsiungLat, -kaohsiungLon);
  });

  it('takes decimal degrees in one rational and signed rationals', async () => {
    const jpeg = await jpegWith({
      byteOrder: 'II',
      gps: { ...kaohsiung, latitude: [[25033964, 1000000]], isSigned: true },
    });
    assertNear(readGpsFromJpeg(jpeg), 25.033964, kaohsiungLon);
  });

  it('finds the EXIF segment after an XMP one', async () => {
    const xmp = Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x="adobe:ns:meta/"/>', 'latin1');
    const jpeg = withExifSegment(await plainJpeg(16, 16), buildExif({ byteOrder: 'II', gps: kaohsiung }), [
      xmp,
    ]);
    assertNear(readGpsFromJpeg(jpeg), kaohsiungLat, kaohsiungLon);
  });

  it('refuses 0,0, out-of-range values, a missing or odd Ref and zero denominators', async () => {
    const cases: NonNullable<ExifSpec['gps']>[] = [
      {
        latitudeRef: 'N',
        latitude: [
          [0, 1],
          [0, 1],
          [0, 1],
        ],
        longitudeRef: 'E',
        longitude: [
          [0, 1],
          [0, 1],
          [0, 1],
        ],
      },
      { ...kaohsiung, latitude: [[91, 1]] },
      { ...kaohsiung, longitude: [[181, 1]] },
      { ...kaohsiung, latitudeRef: undefined },
      { ...kaohsiung, longitudeRef: 'X' },
      {
        ...kaohsiung,
        latitude: [
          [22, 0],
          [0, 0],
          [0, 0],
        ],
      },
      { ...kaohsiung, latitude: [[-22, 1]], isSigned: true },
      { latitudeRef: 'N', latitude: kaohsiung.latitude },
    ];
    for (const gps of cases) {
      assert.equal(readGpsFromJpeg(await jpegWith({ byteOrder: 'II', gps })), null, JSON.stringify(gps));
    }
  });

  it('gives null for a JPEG without EXIF, without GPS, and for what is not a JPEG', async () => {
    assert.equal(readGpsFromJpeg(await plainJpeg(16, 16)), null);
    assert.equal(
      readGpsFromJpeg(await jpegWith({ byteOrder: 'II', dateTimeOriginal: '2024:05:06 07:08:09' })),
      null,
    );
    assert.equal(
      readGpsFromJpeg(
        await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
          .png()
          .toBuffer(),
      ),
      null,
    );
    assert.equal(readGpsFromJpeg(new Uint8Array(0)), null);
    assert.equal(readGpsFromJpeg(new TextEncoder().encode('not a photo at all')), null);
  });

  it('never throws on cut-off or hostile bytes', async () => {
    const jpeg = await jpegWith({ byteOrder: 'MM', gps: kaohsiung, dateTimeOriginal: '2024:05:06 07:08:09' });
    for (let length = 0; length < 400; length++) {
      const result = readGpsFromJpeg(jpeg.subarray(0, length));
      assert.ok(result === null || Math.abs(result.lat - kaohsiungLat) < 1e-9);
    }
    // Every byte of the EXIF block flipped in turn, and random blocks: a value or null, never an exception.
    const tiff = buildExif({ byteOrder: 'II', gps: kaohsiung, dateTimeOriginal: '2024:05:06 07:08:09' });
    for (let index = 0; index < tiff.length; index++) {
      const broken = Buffer.from(tiff);
      broken[index] = (broken[index] ?? 0) ^ 0xff;
      readExifFacts(broken);
    }
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % 256;
    };
    for (let round = 0; round < 500; round++) {
      const bytes = Buffer.from(Array.from({ length: 64 + (round % 200) }, random));
      bytes.write(round % 2 === 0 ? 'II' : 'MM', 0, 'latin1');
      bytes[2] = round % 2 === 0 ? 42 : 0;
      bytes[3] = round % 2 === 0 ? 0 : 42;
      readExifFacts(bytes);
    }
  });

  it('stops at the image data: a segment length past the end gives null', async () => {
    const jpeg = await jpegWith({ byteOrder: 'II', gps: kaohsiung });
    const broken = Buffer.from(jpeg);
    broken.writeUInt16BE(0xfff0, 4); // the APP1 length now runs past the end of the file
    assert.equal(findExifInJpeg(broken.subarray(0, 200)), null);
  });
});

describe('readExifFacts and readPhotoExif (the server side)', () => {
  it('reads sharp’s metadata().exif, with its "Exif" header, including DateTimeOriginal', async () => {
    const jpeg = withExifSegment(
      await plainJpeg(16, 16),
      buildExif({
        byteOrder: 'MM',
        gps: kaohsiung,
        dateTimeOriginal: '2024:05:06 07:08:09',
        offsetTimeOriginal: '+09:00',
      }),
    );
    const { exif } = await sharp(jpeg).metadata();
    assert.ok(exif !== undefined);
    const facts = readExifFacts(exif);
    assert.equal(facts.dateTimeOriginal, '2024:05:06 07:08:09');
    assert.equal(facts.offsetTimeOriginal, '+09:00');
    const photo = readPhotoExif(exif);
    assertNear(photo.gps, kaohsiungLat, kaohsiungLon);
    assert.equal(photo.takenAt?.toISOString(), '2024-05-05T22:08:09.000Z');
  });

  it('reads the date sharp writes, assuming Taiwan time when the camera wrote no offset', async () => {
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .jpeg()
      .withExif({ IFD2: { DateTimeOriginal: '2024:05:06 07:08:09' } })
      .toBuffer();
    const photo = readPhotoExif((await sharp(jpeg).metadata()).exif);
    assert.equal(photo.takenAt?.toISOString(), '2024-05-05T23:08:09.000Z');
    assert.equal(photo.gps, null);
  });

  it('gives nothing for a photo without EXIF', () => {
    assert.deepEqual(readPhotoExif(undefined), { gps: null, takenAt: null });
  });

  it('exifDateToDate refuses unset clocks and dates that do not exist', () => {
    assert.equal(exifDateToDate('0000:00:00 00:00:00', '+08:00'), null);
    assert.equal(exifDateToDate('2024:02:30 10:00:00', '+08:00'), null);
    assert.equal(exifDateToDate('2024:13:01 10:00:00', '+08:00'), null);
    assert.equal(exifDateToDate('2024:05:06 24:00:00', '+08:00'), null);
    assert.equal(exifDateToDate('2024-05-06 10:00:00', '+08:00'), null);
    assert.equal(exifDateToDate('2024:05:06 10:00:00', 'Z'), null);
    assert.equal(exifDateToDate('2024:02:29 10:00:00', '-03:30')?.toISOString(), '2024-02-29T13:30:00.000Z');
  });
});
