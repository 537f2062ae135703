// Where and when a photo was taken, read from its EXIF block. One file for both sides: the /report page
// imports it (served as /assets/build/exif-gps.js) to move the map pin to a chosen photo's position before
// it is sent, and the server (platform/images/exif-gps.ts) reads the same facts from the original photo.
// So it uses nothing but ArrayBuffer, Uint8Array and DataView: no DOM, no Node API, no dependency.
// Types: exif-gps.d.ts beside it. Bad, cut-off or hostile bytes never throw; they give null.
//
// EXIF is a small TIFF file: a byte-order mark (II little-endian, MM big-endian), then directories (IFDs)
// of 12-byte entries (tag, type, count, value or offset of the value). IFD0 points to the GPS IFD (tag
// 0x8825) and the Exif IFD (0x8769); we follow those two pointers only, so a crafted loop cannot trap us.

const exifHeader = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]; // "Exif\0\0", before the TIFF block in JPEG APP1

/** Bytes per value of each TIFF type (1 BYTE … 13 IFD); unknown types are skipped. */
const typeSizes = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };

const tags = {
  gpsPointer: 0x8825,
  exifPointer: 0x8769,
  gpsLatitudeRef: 0x0001,
  gpsLatitude: 0x0002,
  gpsLongitudeRef: 0x0003,
  gpsLongitude: 0x0004,
  dateTimeOriginal: 0x9003,
  offsetTimeOriginal: 0x9011,
};

/**
 * The GPS position in a JPEG's EXIF, or null (no EXIF, no GPS, 0,0, out of range, malformed).
 * @param {ArrayBuffer | ArrayBufferView} data the whole file, or at least its first segments
 * @returns {{ lat: number, lon: number } | null}
 */
export function readGpsFromJpeg(data) {
  const exif = findExifInJpeg(data);
  return exif === null ? null : readExifFacts(exif).gps;
}

/**
 * The EXIF block (the TIFF bytes after "Exif\0\0") of a JPEG's APP1 segment, or null. Walks the marker
 * segments from the start of the file and stops at the image data: EXIF always comes before it.
 * @param {ArrayBuffer | ArrayBufferView} data
 * @returns {Uint8Array | null}
 */
export function findExifInJpeg(data) {
  const bytes = toBytes(data);
  if (bytes === null || bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1];
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image, start of scan: no EXIF
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // markers without a length
      continue;
    }
    const length = (bytes[offset + 2] << 8) | bytes[offset + 3];
    if (length < 2) return null;
    const start = offset + 4;
    const end = offset + 2 + length;
    if (end > bytes.length) return null;
    // APP1 also carries XMP ("http://ns.adobe.com/xap/1.0/"): only the one that starts "Exif\0\0" counts.
    if (marker === 0xe1 && matchesAt(bytes, start, exifHeader))
      return bytes.subarray(start + exifHeader.length, end);
    offset = end;
  }
  return null;
}

/**
 * What we use of an EXIF block: the GPS position and the original date and time, as written (EXIF dates
 * have no time zone; OffsetTimeOriginal, when present, gives it). Accepts the block with or without its
 * "Exif\0\0" header (sharp's `metadata().exif` has it; findExifInJpeg strips it).
 * @param {ArrayBuffer | ArrayBufferView} data
 * @returns {{ gps: { lat: number, lon: number } | null, dateTimeOriginal: string | null, offsetTimeOriginal: string | null }}
 */
export function readExifFacts(data) {
  const facts = { gps: null, dateTimeOriginal: null, offsetTimeOriginal: null };
  const bytes = toBytes(data);
  if (bytes === null) return facts;
  const tiff = matchesAt(bytes, 0, exifHeader) ? bytes.subarray(exifHeader.length) : bytes;
  const reader = tiffReader(tiff);
  if (reader === null) return facts;
  const ifd0 = readIfd(reader, reader.u32(4));

  const gpsIfd = pointerOf(reader, ifd0.get(tags.gpsPointer));
  if (gpsIfd !== null) {
    const gps = readIfd(reader, gpsIfd);
    const lat = coordinate(reader, gps.get(tags.gpsLatitude), gps.get(tags.gpsLatitudeRef), 'N', 'S', 90);
    const lon = coordinate(reader, gps.get(tags.gpsLongitude), gps.get(tags.gpsLongitudeRef), 'E', 'W', 180);
    // 0,0 is in the Gulf of Guinea: what a phone writes when it had no fix, never a real report here.
    const isNullIsland = lat !== null && lon !== null && Math.abs(lat) < 1e-6 && Math.abs(lon) < 1e-6;
    if (lat !== null && lon !== null && !isNullIsland) facts.gps = { lat, lon };
  }

  const exifIfd = pointerOf(reader, ifd0.get(tags.exifPointer));
  if (exifIfd !== null) {
    const exif = readIfd(reader, exifIfd);
    const dateTime = asciiOf(reader, exif.get(tags.dateTimeOriginal));
    if (dateTime !== null && /^\d{4}:\d{2}:\d{2} \d{2}:\d{2}:\d{2}$/.test(dateTime)) {
      facts.dateTimeOriginal = dateTime;
    }
    const offset = asciiOf(reader, exif.get(tags.offsetTimeOriginal));
    if (offset !== null && /^[+-]\d{2}:\d{2}$/.test(offset)) facts.offsetTimeOriginal = offset;
  }
  return facts;
}

// --- TIFF reading --------------------------------------------------------------------------------------

/** @param {unknown} data */
function toBytes(data) {
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (Object.prototype.toString.call(data) === '[object ArrayBuffer]') return new Uint8Array(data);
  return null;
}

/** @param {Uint8Array} tiff */
function tiffReader(tiff) {
  if (tiff.length < 8) return null;
  let isLittleEndian;
  if (tiff[0] === 0x49 && tiff[1] === 0x49) isLittleEndian = true;
  else if (tiff[0] === 0x4d && tiff[1] === 0x4d) isLittleEndian = false;
  else return null;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const reader = {
    length: tiff.length,
    bytes: tiff,
    /** @param {number} offset */
    u16: (offset) => view.getUint16(offset, isLittleEndian),
    /** @param {number} offset */
    u32: (offset) => view.getUint32(offset, isLittleEndian),
    /** @param {number} offset */
    i32: (offset) => view.getInt32(offset, isLittleEndian),
  };
  return reader.u16(2) === 42 ? reader : null;
}

/**
 * A directory's entries by tag: { type, count, at } where `at` is where the value's bytes are (inside the
 * entry when they fit in 4 bytes, else at the offset it holds). Entries whose value lies outside the block
 * are left out; a directory that does not fit gives none.
 */
function readIfd(reader, offset) {
  const entries = new Map();
  if (!Number.isInteger(offset) || offset < 8 || offset + 2 > reader.length) return entries;
  const count = reader.u16(offset);
  if (offset + 2 + count * 12 > reader.length) return entries;
  for (let index = 0; index < count; index++) {
    const entry = offset + 2 + index * 12;
    const type = reader.u16(entry + 2);
    const size = typeSizes[type];
    if (size === undefined) continue;
    const valueCount = reader.u32(entry + 4);
    const byteLength = size * valueCount;
    const at = byteLength <= 4 ? entry + 8 : reader.u32(entry + 8);
    if (valueCount === 0 || at + byteLength > reader.length) continue;
    entries.set(reader.u16(entry), { type, count: valueCount, at });
  }
  return entries;
}

function pointerOf(reader, entry) {
  if (entry === undefined || entry.count !== 1) return null;
  if (entry.type === 4 || entry.type === 13) return reader.u32(entry.at);
  if (entry.type === 3) return reader.u16(entry.at);
  return null;
}

/** An ASCII value up to its NUL, or null. */
function asciiOf(reader, entry) {
  if (entry === undefined || entry.type !== 2) return null;
  let text = '';
  for (let index = 0; index < entry.count; index++) {
    const code = reader.bytes[entry.at + index];
    if (code === 0) break;
    text += String.fromCharCode(code);
  }
  return text;
}

/** Unsigned (5) or signed (10) rationals; a zero denominator gives NaN. */
function rationalsOf(reader, entry) {
  if (entry === undefined || (entry.type !== 5 && entry.type !== 10)) return null;
  const values = [];
  for (let index = 0; index < entry.count; index++) {
    const at = entry.at + index * 8;
    const numerator = entry.type === 5 ? reader.u32(at) : reader.i32(at);
    const denominator = entry.type === 5 ? reader.u32(at + 4) : reader.i32(at + 4);
    values.push(denominator === 0 ? Number.NaN : numerator / denominator);
  }
  return values;
}

/**
 * Degrees from GPSLatitude/GPSLongitude (degrees, minutes, seconds; a few writers give only one or two of
 * them) and the hemisphere from its Ref. Without a valid Ref we do not guess: a pin on the wrong side of
 * the world is worse than none.
 */
function coordinate(reader, valueEntry, refEntry, positive, negative, limit) {
  const parts = rationalsOf(reader, valueEntry);
  const ref = asciiOf(reader, refEntry);
  if (parts === null || parts.length === 0 || ref === null) return null;
  const hemisphere = ref.trim().toUpperCase();
  if (hemisphere !== positive && hemisphere !== negative) return null;
  const [degrees = 0, minutes = 0, seconds = 0] = parts;
  if (![degrees, minutes, seconds].every((part) => Number.isFinite(part) && part >= 0)) return null;
  const value = degrees + minutes / 60 + seconds / 3600;
  if (value > limit) return null;
  return hemisphere === negative ? -value : value;
}

function matchesAt(bytes, offset, expected) {
  if (offset < 0 || offset + expected.length > bytes.length) return false;
  return expected.every((value, index) => bytes[offset + index] === value);
}
