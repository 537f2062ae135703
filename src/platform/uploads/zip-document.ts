/**
 * Whether a zip is one of our office documents (OpenDocument text or spreadsheet, Word or Excel), checked
 * for what it claims and for what it would cost to open, by reading it — never by trusting what it says.
 * Before issue 13 only the central directory's declared sizes were read, so a 1 MB zip whose directory
 * lied, inflating to 1 GB, was accepted and stored as a .docx.
 *
 * In order, stopping at the first failure:
 * 1. The end record: whole, at the very end (its comment runs to the end of the file), one disk, no zip64
 *    (records or saturated fields: our documents are far below 4 GiB and 65,535 entries), the central
 *    directory just before it.
 * 2. Every central-directory entry: at most `zipLimits.entries`; no encryption (flags 0, 6, 13); stored
 *    or deflated only; a name that is no path out of the package (no leading `/` or drive, no `\`, no `..`
 *    segment, no NUL) and not a second copy of another (case ignored: OOXML part names are); the declared
 *    sizes within the limits (total, ratio) — so what is inflated below is bounded before it starts.
 * 3. The required parts of the type it claims: ODF `mimetype` first, stored, naming text or spreadsheet,
 *    with `content.xml` and `META-INF/manifest.xml`; OOXML `[Content_Types].xml` with `word/document.xml`
 *    (docx) or `xl/workbook.xml` (xlsx), not both, and no macros (`vbaProject.bin`: a docm/xlsm renamed).
 * 4. Every local header (the copy a reader actually uses) agrees with the directory (signature, name,
 *    method, encryption, sizes and CRC unless a data descriptor carries them), the first at offset 0, and
 *    no entry's data overlaps the next (overlapping entries are how small zips expand exponentially).
 * 5. Every deflated entry is inflated (node:zlib, streamed from the file in windows, the output counted and
 *    dropped — never held), and stops the moment it passes its declared size or the running total: a
 *    directory that lies costs one output chunk past its claim. At the end the inflated size, the CRC-32
 *    and the compressed bytes consumed must match the directory exactly. Stored entries are not read
 *    (their sizes must agree; nothing expands), except `mimetype` and an ODF manifest.
 * 6. An ODF package encrypted with a password (its manifest has `encryption-data`) is refused: nobody here
 *    could read it, and nothing in it can be checked.
 *
 * CPU: inflating runs on libuv's thread pool, not the event loop, and is bounded by the declared total
 * (checked in 2). A normal 4.5 MB .docx (3.4 MB of XML and 4.5 MB of pictures, 8 MB inflated) cost 16–24 ms
 * of CPU at best and 40–60 ms median on a loaded 2-core machine (12 runs, December 2026).
 * Memory: one 64 KiB window of input, one 64 KiB output chunk (dropped at once) and zlib's state (~50 KiB)
 * at a time, per upload.
 */
import { crc32, createInflateRaw, type InflateRaw } from 'node:zlib';
import {
  latin1,
  matchesAt,
  type RandomAccessBytes,
  readUint16LE,
  readUint32LE,
  WindowedReader,
} from './sniff-bytes.ts';

export type ZipDocumentKind = 'odt' | 'ods' | 'docx' | 'xlsx';

/**
 * The limits, chosen so that a real 20 MB document passes with room and a bomb does not:
 * - entries: Word and Excel files have 10–60 parts; one with hundreds of pictures or sheets a few hundred.
 *   1,000 is far above any real one and keeps the per-entry work (headers read, one inflater each) small.
 * - inflatedBytes: in all, 512 MiB. Word files are mostly pictures (inflated ≈ compressed); Excel sheets
 *   are XML that deflates 5–15×, so a real 20 MB .xlsx inflates to 100–300 MB. 512 MiB keeps a margin
 *   above that and bounds the work a crafted file can ask for (~0.5–1 s of one thread-pool thread).
 * - ratio: one entry over `ratioFloorBytes` may not inflate more than 200× its compressed size. Real XML
 *   reaches 20–50× (Apache POI's default refusal is 100×, and people hit it with generated sheets);
 *   deflate's maximum is ~1,032×, which is what bombs use. Small entries (styles, settings) may be more.
 */
export const zipLimits = {
  entries: 1000,
  inflatedBytes: 512 * 1024 * 1024,
  ratio: 200,
  ratioFloorBytes: 1024 * 1024,
};

const odfKinds: Record<string, ZipDocumentKind> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
};

interface Entry {
  name: string;
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
  /** Where the data starts (after the local header), once the local header has been read. */
  dataStart: number;
}

const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
const FLAG_MASKED_HEADERS = 0x2000;

/** The kind of office document a zip is, or null when it is none of ours or fails a check above. */
export async function zipDocumentKind(
  source: RandomAccessBytes,
  options: { windowBytes?: number } = {},
): Promise<ZipDocumentKind | null> {
  const reader = new WindowedReader(source, options.windowBytes ?? 64 * 1024);
  const directory = await readDirectory(reader);
  if (directory === null) return null;
  const { entries, directoryStart } = directory;

  const byName = new Map(entries.map((entry) => [entry.name.toLowerCase(), entry]));
  const first = entries.reduce((lowest, entry) => (entry.localOffset < lowest.localOffset ? entry : lowest));
  if (first.localOffset !== 0) return null;
  const isOdf = first.name === 'mimetype';
  let kind: ZipDocumentKind | null = null;
  if (!isOdf) kind = ooxmlKind(byName);
  else if (!byName.has('content.xml') || !byName.has('meta-inf/manifest.xml')) return null;
  if (!isOdf && kind === null) return null;

  if (!(await localHeadersAgree(reader, entries, directoryStart))) return null;

  if (isOdf) {
    if (first.method !== METHOD_STORED || first.uncompressedSize > 100) return null;
    const declared = latin1(await reader.bytes(first.dataStart, first.uncompressedSize, 1024));
    kind = odfKinds[declared] ?? null;
    if (kind === null) return null;
  }
  const manifest = isOdf ? byName.get('meta-inf/manifest.xml') : undefined;
  let inflatedTotal = 0;
  for (const entry of entries) {
    const watch = entry === manifest ? new MarkerWatch('encryption-data') : null;
    // Some writers mark an empty entry (a folder) deflated with no bytes at all: nothing to inflate.
    const isEmpty = entry.compressedSize === 0 && entry.uncompressedSize === 0 && entry.crc === 0;
    if (entry.method === METHOD_STORED || isEmpty) {
      if (watch !== null && !(await readStored(reader, entry, watch))) return null;
      continue;
    }
    const budget = Math.min(entry.uncompressedSize, zipLimits.inflatedBytes - inflatedTotal);
    if (!(await inflatesAsDeclared(reader, entry, budget, watch))) return null;
    inflatedTotal += entry.uncompressedSize;
  }
  return kind;
}

function ooxmlKind(byName: Map<string, Entry>): ZipDocumentKind | null {
  if (!byName.has('[content_types].xml')) return null;
  if ([...byName.keys()].some((name) => name.endsWith('vbaproject.bin'))) return null;
  const isWord = byName.has('word/document.xml');
  const isExcel = byName.has('xl/workbook.xml');
  if (isWord === isExcel) return null;
  return isWord ? 'docx' : 'xlsx';
}

/** The end record and the central directory (checks 1 and 2), or null. */
async function readDirectory(
  reader: WindowedReader,
): Promise<{ entries: Entry[]; directoryStart: number } | null> {
  const size = reader.size;
  if (size < 22) return null;
  // The end record is 22 bytes plus a comment of at most 65,535.
  const tailStart = Math.max(0, size - 22 - 65535);
  const tail = await reader.bytes(tailStart, size - tailStart);
  let found = -1;
  for (let offset = tail.length - 22; offset >= 0; offset--) {
    if (
      matchesAt(tail, offset, [0x50, 0x4b, 0x05, 0x06]) &&
      offset + 22 + readUint16LE(tail, offset + 20) === tail.length
    ) {
      found = offset;
      break;
    }
  }
  if (found === -1) return null;
  const endAt = tailStart + found;
  // A zip64 end locator sits just before the end record.
  if (found >= 20 && matchesAt(tail, found - 20, [0x50, 0x4b, 0x06, 0x07])) return null;
  const disk = readUint16LE(tail, found + 4);
  const directoryDisk = readUint16LE(tail, found + 6);
  const countOnDisk = readUint16LE(tail, found + 8);
  const count = readUint16LE(tail, found + 10);
  const directorySize = readUint32LE(tail, found + 12);
  const directoryStart = readUint32LE(tail, found + 16);
  if (disk !== 0 || directoryDisk !== 0 || countOnDisk !== count) return null;
  if (count === 0 || count === 0xffff || count > zipLimits.entries) return null;
  if (directoryStart === 0xffffffff || directoryStart + directorySize !== endAt) return null;

  const entries: Entry[] = [];
  const seen = new Set<string>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let declaredTotal = 0;
  let offset = directoryStart;
  for (let index = 0; index < count; index++) {
    if (offset + 46 > endAt) return null;
    const header = await reader.bytes(offset, 46);
    if (!matchesAt(header, 0, [0x50, 0x4b, 0x01, 0x02])) return null;
    const flags = readUint16LE(header, 8);
    const method = readUint16LE(header, 10);
    const crc = readUint32LE(header, 16);
    const compressedSize = readUint32LE(header, 20);
    const uncompressedSize = readUint32LE(header, 24);
    const nameLength = readUint16LE(header, 28);
    const extraLength = readUint16LE(header, 30);
    const commentLength = readUint16LE(header, 32);
    const startDisk = readUint16LE(header, 34);
    const localOffset = readUint32LE(header, 42);
    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_MASKED_HEADERS)) return null;
    if (method !== METHOD_STORED && method !== METHOD_DEFLATED) return null;
    if ([compressedSize, uncompressedSize, localOffset].includes(0xffffffff) || startDisk !== 0) return null;
    if (method === METHOD_STORED && compressedSize !== uncompressedSize) return null;
    declaredTotal += uncompressedSize;
    if (declaredTotal > zipLimits.inflatedBytes) return null;
    if (uncompressedSize > zipLimits.ratioFloorBytes && uncompressedSize > zipLimits.ratio * compressedSize)
      return null;
    if (localOffset + 30 + compressedSize > directoryStart) return null;
    const nameEnd = offset + 46 + nameLength;
    if (nameEnd > endAt) return null;
    const nameBytes = (await reader.bytes(offset + 46, nameLength)).slice();
    let name: string;
    try {
      name = flags & FLAG_UTF8 ? decoder.decode(nameBytes) : latin1(nameBytes);
    } catch {
      return null;
    }
    if (!isSafeName(name) || seen.has(name.toLowerCase())) return null;
    seen.add(name.toLowerCase());
    entries.push({
      name,
      nameBytes,
      flags,
      method,
      crc,
      compressedSize,
      uncompressedSize,
      localOffset,
      dataStart: -1,
    });
    offset = nameEnd + extraLength + commentLength;
  }
  if (offset !== endAt) return null;
  return { entries, directoryStart };
}

/** A name that stays inside the package when a program unpacks it. */
function isSafeName(name: string): boolean {
  if (name === '' || name.startsWith('/') || name.includes('\\') || name.includes('\0')) return false;
  if (/^[A-Za-z]:/.test(name)) return false;
  return !name.split('/').includes('..');
}

/** Check 4: every local header agrees with its directory entry, and no entry's data reaches the next one. */
async function localHeadersAgree(
  reader: WindowedReader,
  entries: Entry[],
  directoryStart: number,
): Promise<boolean> {
  const inOrder = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (const [index, entry] of inOrder.entries()) {
    const next = inOrder[index + 1]?.localOffset ?? directoryStart;
    const local = await reader.bytes(entry.localOffset, 30, 4096);
    if (!matchesAt(local, 0, [0x50, 0x4b, 0x03, 0x04])) return false;
    const flags = readUint16LE(local, 6);
    const method = readUint16LE(local, 8);
    const nameLength = readUint16LE(local, 26);
    const extraLength = readUint16LE(local, 28);
    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_MASKED_HEADERS) || method !== entry.method)
      return false;
    if ((flags & FLAG_DATA_DESCRIPTOR) === 0) {
      const crc = readUint32LE(local, 14);
      const compressedSize = readUint32LE(local, 18);
      const uncompressedSize = readUint32LE(local, 22);
      if (
        crc !== entry.crc ||
        compressedSize !== entry.compressedSize ||
        uncompressedSize !== entry.uncompressedSize
      )
        return false;
    }
    const name = await reader.bytes(entry.localOffset + 30, nameLength, 4096);
    if (name.length !== entry.nameBytes.length || !matchesAt(name, 0, [...entry.nameBytes])) return false;
    entry.dataStart = entry.localOffset + 30 + nameLength + extraLength;
    if (entry.dataStart + entry.compressedSize > next) return false;
  }
  return true;
}

/** Finds a marker in bytes that arrive in pieces (it may straddle two). */
class MarkerWatch {
  private carry = '';
  isFound = false;
  constructor(private readonly marker: string) {}
  see(bytes: Uint8Array): void {
    if (this.isFound) return;
    const text = this.carry + latin1(bytes);
    this.isFound = text.includes(this.marker);
    this.carry = text.slice(-(this.marker.length - 1));
  }
}

/** A stored entry read through (only to look for a marker): false when the marker is there. */
async function readStored(reader: WindowedReader, entry: Entry, watch: MarkerWatch): Promise<boolean> {
  for (let done = 0; done < entry.compressedSize && !watch.isFound; ) {
    const length = Math.min(reader.windowBytes, entry.compressedSize - done);
    const bytes = await reader.bytes(entry.dataStart + done, length);
    if (bytes.length < length) return false;
    watch.see(bytes);
    done += length;
  }
  return !watch.isFound;
}

/**
 * Check 5: inflates one entry, streamed, counting what comes out and keeping none of it. Stops (destroys
 * the inflater) as soon as the output passes `budget` (its declared size, or what is left of the total).
 * True only when the deflate stream ends exactly at its compressed size with exactly its declared size
 * and CRC-32 (and, when watched, without the marker).
 */
async function inflatesAsDeclared(
  reader: WindowedReader,
  entry: Entry,
  budget: number,
  watch: MarkerWatch | null,
): Promise<boolean> {
  const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
  let produced = 0;
  let crc = 0;
  let isOver = false;
  inflater.on('data', (chunk: Buffer) => {
    produced += chunk.length;
    if (produced > budget) {
      isOver = true;
      inflater.destroy();
      return;
    }
    crc = crc32(chunk, crc);
    watch?.see(chunk);
  });
  const ended = new Promise<boolean>((resolve) => {
    inflater.once('end', () => resolve(true));
    // `on`, not `once`: a second error (ending a stream already destroyed) must not go unhandled.
    inflater.on('error', () => resolve(false));
    inflater.once('close', () => resolve(false));
  });
  try {
    for (let done = 0; done < entry.compressedSize; ) {
      if (isOver || inflater.destroyed) return false;
      const length = Math.min(reader.windowBytes, entry.compressedSize - done);
      const bytes = await reader.bytes(entry.dataStart + done, length);
      if (bytes.length < length) return false;
      done += length;
      if (!inflater.write(bytes)) await Promise.race([drained(inflater), ended]);
    }
    if (isOver || inflater.destroyed) return false;
    inflater.end();
    const isWhole = await ended;
    return (
      isWhole &&
      !isOver &&
      produced === entry.uncompressedSize &&
      crc >>> 0 === entry.crc &&
      inflater.bytesWritten === entry.compressedSize &&
      watch?.isFound !== true
    );
  } finally {
    if (!inflater.destroyed) inflater.destroy();
  }
}

function drained(inflater: InflateRaw): Promise<void> {
  return new Promise((resolve) => inflater.once('drain', () => resolve()));
}
