/**
 * Test photos, built in memory: EXIF blocks written byte by byte (either byte order, any GPS values, the
 * broken ones too), and the files a person should never get through (a PNG decompression bomb, an animated
 * PNG, a fake iPhone HEIC). For tests only.
 */
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

type Rational = [number, number];

export interface ExifSpec {
  byteOrder: 'II' | 'MM';
  gps?: {
    latitudeRef?: string;
    latitude?: Rational[];
    longitudeRef?: string;
    longitude?: Rational[];
    /** Write the latitude as signed rationals (type 10), as a few writers do. */
    isSigned?: boolean;
  };
  dateTimeOriginal?: string;
  offsetTimeOriginal?: string;
  /** IFD0 tag 0x0112. */
  orientation?: number;
}

interface Entry {
  tag: number;
  type: number;
  count: number;
  /** The value's bytes in the block's byte order; ≤ 4 bytes are stored in the entry itself. */
  data: Uint8Array;
}

/** A TIFF block (what follows "Exif\0\0") with IFD0, and a GPS IFD and an Exif IFD when asked. */
export function buildExif(spec: ExifSpec): Buffer {
  const little = spec.byteOrder === 'II';
  const u16 = (value: number) => {
    const bytes = Buffer.alloc(2);
    if (little) bytes.writeUInt16LE(value);
    else bytes.writeUInt16BE(value);
    return bytes;
  };
  const u32 = (value: number) => {
    const bytes = Buffer.alloc(4);
    if (little) bytes.writeUInt32LE(value);
    else bytes.writeUInt32BE(value);
    return bytes;
  };
  const i32 = (value: number) => {
    const bytes = Buffer.alloc(4);
    if (little) bytes.writeInt32LE(value);
    else bytes.writeInt32BE(value);
    return bytes;
  };
  const ascii = (tag: number, text: string): Entry => ({
    tag,
    type: 2,
    count: text.length + 1,
    data: Buffer.from(`${text}\0`, 'latin1'),
  });
  const rationals = (tag: number, values: Rational[], isSigned = false): Entry => ({
    tag,
    type: isSigned ? 10 : 5,
    count: values.length,
    data: Buffer.concat(values.flatMap(([n, d]) => (isSigned ? [i32(n), i32(d)] : [u32(n), u32(d)]))),
  });
  const long = (tag: number, value: number): Entry => ({ tag, type: 4, count: 1, data: u32(value) });

  const gpsEntries: Entry[] = [];
  if (spec.gps?.latitudeRef !== undefined) gpsEntries.push(ascii(0x0001, spec.gps.latitudeRef));
  if (spec.gps?.latitude !== undefined)
    gpsEntries.push(rationals(0x0002, spec.gps.latitude, spec.gps.isSigned));
  if (spec.gps?.longitudeRef !== undefined) gpsEntries.push(ascii(0x0003, spec.gps.longitudeRef));
  if (spec.gps?.longitude !== undefined) gpsEntries.push(rationals(0x0004, spec.gps.longitude));
  const exifEntries: Entry[] = [];
  if (spec.dateTimeOriginal !== undefined) exifEntries.push(ascii(0x9003, spec.dateTimeOriginal));
  if (spec.offsetTimeOriginal !== undefined) exifEntries.push(ascii(0x9011, spec.offsetTimeOriginal));

  // Layout: header (8) | IFD0 | GPS IFD | Exif IFD | values. Pointers are known once sizes are.
  const ifdSize = (count: number) => 2 + count * 12 + 4;
  const ifd0Entries: Entry[] = [];
  if (spec.orientation !== undefined) {
    ifd0Entries.push({
      tag: 0x0112,
      type: 3,
      count: 1,
      data: Buffer.concat([u16(spec.orientation), u16(0)]),
    });
  }
  const hasGps = spec.gps !== undefined;
  const hasExif = exifEntries.length > 0;
  const ifd0Count = ifd0Entries.length + (hasGps ? 1 : 0) + (hasExif ? 1 : 0);
  const ifd0Offset = 8;
  const gpsOffset = ifd0Offset + ifdSize(ifd0Count);
  const exifOffset = gpsOffset + (hasGps ? ifdSize(gpsEntries.length) : 0);
  let valuesOffset = exifOffset + (hasExif ? ifdSize(exifEntries.length) : 0);
  // TIFF lists a directory's entries in tag order: the pointers (0x8769, 0x8825) come after 0x0112.
  if (hasExif) ifd0Entries.push(long(0x8769, exifOffset));
  if (hasGps) ifd0Entries.push(long(0x8825, gpsOffset));

  const values: Buffer[] = [];
  const writeIfd = (entries: Entry[]) => {
    const parts: Buffer[] = [u16(entries.length)];
    for (const entry of entries) {
      parts.push(u16(entry.tag), u16(entry.type), u32(entry.count));
      if (entry.data.length <= 4) {
        const inline = Buffer.alloc(4);
        inline.set(entry.data);
        parts.push(inline);
      } else {
        parts.push(u32(valuesOffset));
        values.push(Buffer.from(entry.data));
        valuesOffset += entry.data.length;
      }
    }
    parts.push(u32(0)); // no next IFD
    return Buffer.concat(parts);
  };
  const header = Buffer.concat([Buffer.from(spec.byteOrder, 'latin1'), u16(42), u32(ifd0Offset)]);
  const ifds = [writeIfd(ifd0Entries)];
  if (hasGps) ifds.push(writeIfd(gpsEntries));
  if (hasExif) ifds.push(writeIfd(exifEntries));
  return Buffer.concat([header, ...ifds, ...values]);
}

/** A JPEG with the TIFF block in an APP1 "Exif" segment right after SOI (and any APP1 given before it). */
export function withExifSegment(jpeg: Buffer, tiff: Buffer, before: Buffer[] = []): Buffer {
  const segment = (payload: Buffer) => {
    const length = Buffer.alloc(2);
    length.writeUInt16BE(payload.length + 2);
    return Buffer.concat([Buffer.from([0xff, 0xe1]), length, payload]);
  };
  const exif = segment(Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]));
  return Buffer.concat([jpeg.subarray(0, 2), ...before.map(segment), exif, jpeg.subarray(2)]);
}

/** A plain JPEG of one colour (fast to make at any size). */
export function plainJpeg(width: number, height: number, colour = '#808080'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
}

/** A JPEG of noise: it compresses like a real photo (≈ 4 bytes a pixel at quality 90), unlike a flat colour. */
export function noisyJpeg(width: number, height: number): Promise<Buffer> {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg({ quality: 90 })
    .toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A decompression bomb: a PNG a few KB long whose header declares width × height RGB pixels (20000 × 20000
 * would be 1.2 GB decoded). Its IDAT holds the first rows only: the point is that nobody decodes it.
 */
export function pngBomb(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = deflateSync(Buffer.alloc((1 + width * 3) * 50));
  return Buffer.concat([
    pngSignature,
    pngChunk('IHDR', header),
    pngChunk('IDAT', rows),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * An animated PNG of two frames, from a still PNG: acTL (2 frames) and the first fcTL before its IDAT,
 * then a second fcTL and the same pixels again as fdAT.
 */
export function animatedPng(still: Buffer): Buffer {
  const chunks: { type: string; data: Buffer }[] = [];
  for (let offset = 8; offset < still.length; ) {
    const length = still.readUInt32BE(offset);
    chunks.push({
      type: still.toString('latin1', offset + 4, offset + 8),
      data: still.subarray(offset + 8, offset + 8 + length),
    });
    offset += 12 + length;
  }
  const ihdr = chunks.find((chunk) => chunk.type === 'IHDR')?.data ?? Buffer.alloc(13);
  const idat = Buffer.concat(chunks.filter((chunk) => chunk.type === 'IDAT').map((chunk) => chunk.data));
  const frameControl = (sequence: number) => {
    const data = Buffer.alloc(26);
    data.writeUInt32BE(sequence, 0);
    data.writeUInt32BE(ihdr.readUInt32BE(0), 4); // width
    data.writeUInt32BE(ihdr.readUInt32BE(4), 8); // height
    data.writeUInt16BE(1, 20); // delay 1/10 s
    data.writeUInt16BE(10, 22);
    return data;
  };
  const animationControl = Buffer.alloc(8);
  animationControl.writeUInt32BE(2, 0); // frames
  animationControl.writeUInt32BE(0, 4); // loop forever
  const sequence = Buffer.alloc(4);
  sequence.writeUInt32BE(2);
  return Buffer.concat([
    pngSignature,
    pngChunk('IHDR', ihdr),
    pngChunk('acTL', animationControl),
    pngChunk('fcTL', frameControl(0)),
    pngChunk('IDAT', idat),
    pngChunk('fcTL', frameControl(1)),
    pngChunk('fdAT', Buffer.concat([sequence, idat])),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An animated image of three 24 × 24 frames, as WebP or GIF. */
export async function animatedImage(format: 'webp' | 'gif'): Promise<Buffer> {
  const frames = await Promise.all(
    ['#d4351c', '#00703c', '#1d70b8'].map((colour) =>
      sharp({ create: { width: 24, height: 24, channels: 3, background: colour } })
        .png()
        .toBuffer(),
    ),
  );
  return sharp(frames, { join: { animated: true } })
    .toFormat(format)
    .toBuffer();
}

function isoBox(type: string, payload: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeUInt32BE(8 + payload.length);
  return Buffer.concat([size, Buffer.from(type, 'latin1'), payload]);
}

/**
 * The shape of an iPhone HEIC: an `ftyp` box with major brand `heic` (compatible mif1, MiHE, miaf, heic),
 * a `meta` box and an `mdat` box. The boxes hold no real picture: only the bytes at the start matter here.
 */
export function fakeHeic(): Buffer {
  const ftyp = isoBox('ftyp', Buffer.from('heic\0\0\0\0mif1MiHEmiafheic', 'latin1'));
  const meta = isoBox('meta', Buffer.concat([Buffer.alloc(4), isoBox('hdlr', Buffer.alloc(25))]));
  const mdat = isoBox('mdat', Buffer.alloc(512, 0x55));
  return Buffer.concat([ftyp, meta, mdat]);
}

/** Degrees as EXIF writes them: degrees, minutes and seconds, each a rational. */
function degreesMinutesSeconds(value: number): Rational[] {
  const degrees = Math.floor(value);
  const minutes = Math.floor((value - degrees) * 60);
  const seconds = ((value - degrees) * 60 - minutes) * 60;
  return [
    [degrees, 1],
    [minutes, 1],
    [Math.round(seconds * 10_000), 10_000],
  ];
}

/** A 640 × 480 phone photo taken at `point` in the northern and eastern hemispheres: its EXIF GPS, as a camera writes it. */
export async function jpegTakenAt(point: { lat: number; lon: number }): Promise<Buffer> {
  const exif = buildExif({
    byteOrder: 'MM',
    gps: {
      latitudeRef: 'N',
      latitude: degreesMinutesSeconds(point.lat),
      longitudeRef: 'E',
      longitude: degreesMinutesSeconds(point.lon),
    },
    dateTimeOriginal: '2026:03:02 09:41:00',
  });
  return withExifSegment(await noisyJpeg(640, 480), exif);
}

/** A whole JPEG (its structure intact, so upload checks pass it) whose Huffman table is broken: only decoding tells. */
export async function undecodableJpeg(): Promise<Buffer> {
  const broken = Buffer.from(await noisyJpeg(64, 64));
  const table = broken.indexOf(Buffer.from([0xff, 0xc4]));
  broken.fill(0xff, table + 5, table + 21);
  return broken;
}
