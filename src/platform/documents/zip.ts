/**
 * A small ZIP writer (PKWARE APPNOTE 6.3: local headers, data, central directory, end record) for the
 * OpenDocument packages we generate. Entries are written in the order given, which ODF needs: its first
 * entry must be `mimetype`, stored (not compressed), with no extra field (OpenDocument 1.3 part 2, §3.3).
 *
 * Deliberately small: whole buffers in memory, no zip64 (an annual report is far below 4 GiB and 65,535
 * entries; larger input is refused rather than written wrong), no encryption, no extra fields, no data
 * descriptors (sizes and CRC go in the local header, so readers that stream the file need no look-ahead).
 * Names are UTF-8 with general-purpose flag bit 11 set.
 */
import { deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive: '/' separators, no leading '/', no '.' or '..' segments. */
  name: string;
  data: Buffer | string;
  /** 'deflate' (default) or 'store'. A deflated entry that would not get smaller is stored instead. */
  method?: 'store' | 'deflate';
}

export interface ZipOptions {
  /** The modification time written for every entry (default: now). Recorded as Taiwan time (UTC+8). */
  modified?: Date;
}

const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
const FLAG_UTF8_NAMES = 0x0800;
const VERSION_NEEDED = 20; // 2.0: deflate, folders
const MAX_32 = 0xffffffff;
const MAX_16 = 0xffff;

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as ZIP uses it. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  const table = crcTable;
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (table[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** MS-DOS date and time fields. ZIP times carry no zone; we write the bureau's (Asia/Taipei, UTC+8, no DST). */
export function dosDateTime(date: Date): { date: number; time: number } {
  const taipei = new Date(date.getTime() + 8 * 60 * 60 * 1000);
  const year = Math.min(Math.max(taipei.getUTCFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((taipei.getUTCMonth() + 1) << 5) | taipei.getUTCDate(),
    time:
      (taipei.getUTCHours() << 11) | (taipei.getUTCMinutes() << 5) | Math.floor(taipei.getUTCSeconds() / 2),
  };
}

function checkName(name: string): void {
  const segments = name.split('/');
  const bad =
    name.length === 0 ||
    name.startsWith('/') ||
    name.includes('\\') ||
    segments.some((segment, index) =>
      segment === '.' || segment === '..' ? true : segment === '' && index !== segments.length - 1,
    );
  if (bad) throw new RangeError(`zip: invalid entry name ${JSON.stringify(name)}`);
}

/** Writes the entries, in order, into one ZIP archive. */
export function writeZip(entries: readonly ZipEntry[], options: ZipOptions = {}): Buffer {
  if (entries.length > MAX_16) throw new RangeError('zip: more than 65,535 entries needs zip64');
  const { date, time } = dosDateTime(options.modified ?? new Date());
  const seen = new Set<string>();
  const chunks: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;

  for (const entry of entries) {
    checkName(entry.name);
    if (seen.has(entry.name)) throw new RangeError(`zip: duplicate entry ${JSON.stringify(entry.name)}`);
    seen.add(entry.name);
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const nameBytes = Buffer.from(entry.name, 'utf8');
    if (nameBytes.length > MAX_16) throw new RangeError('zip: entry name too long');
    if (data.length > MAX_32) throw new RangeError('zip: entry larger than 4 GiB needs zip64');

    let method = METHOD_STORE;
    let body = data;
    if ((entry.method ?? 'deflate') === 'deflate' && data.length > 0) {
      const deflated = deflateRawSync(data, { level: 6 });
      if (deflated.length < data.length) {
        method = METHOD_DEFLATE;
        body = deflated;
      }
    }
    if (offset > MAX_32) throw new RangeError('zip: archive larger than 4 GiB needs zip64');

    // The fields local header and central directory record share, from "version needed" to "extra length".
    const common = Buffer.alloc(26);
    common.writeUInt16LE(VERSION_NEEDED, 0);
    common.writeUInt16LE(FLAG_UTF8_NAMES, 2);
    common.writeUInt16LE(method, 4);
    common.writeUInt16LE(time, 6);
    common.writeUInt16LE(date, 8);
    common.writeUInt32LE(crc32(data), 10);
    common.writeUInt32LE(body.length, 14);
    common.writeUInt32LE(data.length, 18);
    common.writeUInt16LE(nameBytes.length, 22);
    common.writeUInt16LE(0, 24); // no extra field (ODF requires none on `mimetype`; we never write one)

    const local = Buffer.alloc(4);
    local.writeUInt32LE(0x04034b50, 0);
    chunks.push(local, common, nameBytes, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(VERSION_NEEDED, 4); // version made by: MS-DOS/FAT attributes, spec 2.0
    common.copy(central, 6);
    central.writeUInt16LE(0, 32); // comment length
    central.writeUInt16LE(0, 34); // disk number start
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE(0, 38); // external attributes
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);

    offset += 4 + common.length + nameBytes.length + body.length;
  }

  const directory = Buffer.concat(centrals);
  if (offset > MAX_32 || directory.length > MAX_32) throw new RangeError('zip: archive too large for zip32');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 4); // this disk
  end.writeUInt16LE(0, 6); // disk with the central directory
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20); // comment length
  return Buffer.concat([...chunks, directory, end]);
}
