/**
 * What the file checks share (sniff.ts, pdf-structure.ts, zip-document.ts): how a check asks for bytes, a
 * file read in windows, and the little readers of bytes. Not a check itself.
 */

/** What a check asks for: up to `length` bytes from `offset` (fewer past the end of the file). */
export interface ByteRange {
  offset: number;
  length: number;
}

/**
 * The checks of sniff.ts and pdf-structure.ts are generators that ask for the bytes they need
 * (`yield { offset, length }`) instead of indexing one buffer, so the same rules run on bytes in memory and
 * on a file being uploaded, read back in small windows: an upload is never held whole in memory.
 */
export type Sniffer<T> = Generator<ByteRange, T, Uint8Array>;

/** A file that can be read anywhere (an upload written to the file store, before it is committed). */
export interface RandomAccessBytes {
  size: number;
  /** Up to `length` bytes from `offset`: all of them unless the file ends first. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/**
 * A file read through one window at a time: a request inside the window is answered from it, any other
 * reads `readAhead` bytes (the window, 64 KiB, unless asked for less) or the request, whichever is longer.
 * At most one window is held.
 */
export class WindowedReader {
  private start = 0;
  private window: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly source: RandomAccessBytes,
    readonly windowBytes: number,
  ) {}

  get size(): number {
    return this.source.size;
  }

  async bytes(offset: number, length: number, readAhead = this.windowBytes): Promise<Uint8Array> {
    const size = this.source.size;
    const from = Math.min(Math.max(offset, 0), size);
    const end = Math.min(from + Math.max(length, 0), size);
    if (from < this.start || end > this.start + this.window.length) {
      this.start = from;
      this.window = await this.source.read(from, Math.min(Math.max(end - from, readAhead), size - from));
    }
    return this.window.subarray(from - this.start, end - this.start);
  }

  /** Runs a generator check to its answer, giving it the bytes it asks for. */
  async run<T>(sniffer: Sniffer<T>): Promise<T> {
    let step = sniffer.next();
    while (!step.done) step = sniffer.next(await this.bytes(step.value.offset, step.value.length));
    return step.value;
  }
}

/** Bytes in memory as a RandomAccessBytes (views, never copies). */
export function inMemory(bytes: Uint8Array): RandomAccessBytes {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) };
}

export function ascii(text: string): number[] {
  return [...text].map((character) => character.charCodeAt(0));
}

/** Bytes as Latin-1 text (one character per byte), for the ASCII keywords of PDF and zip names' checks. */
export function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let offset = 0; offset < bytes.length; offset += 8192)
    text += String.fromCharCode(...bytes.subarray(offset, offset + 8192));
  return text;
}

export function matchesAt(bytes: Uint8Array, offset: number, expected: readonly number[]): boolean {
  if (offset < 0 || offset + expected.length > bytes.length) return false;
  return expected.every((value, index) => bytes[offset + index] === value);
}

export function startsWith(bytes: Uint8Array, expected: readonly number[]): boolean {
  return matchesAt(bytes, 0, expected);
}

export function indexOf(bytes: Uint8Array, needle: readonly number[], from: number): number {
  const first = needle[0];
  for (
    let offset = bytes.indexOf(first ?? 0, from);
    offset !== -1;
    offset = bytes.indexOf(first ?? 0, offset + 1)
  ) {
    if (matchesAt(bytes, offset, needle)) return offset;
  }
  return -1;
}

export function readUint16BE(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] ?? 0) << 8) | (bytes[offset + 1] ?? 0);
}

export function readUint16LE(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] ?? 0) | ((bytes[offset + 1] ?? 0) << 8);
}

export function readUint32BE(bytes: Uint8Array, offset: number): number {
  return readUint16BE(bytes, offset) * 0x10000 + readUint16BE(bytes, offset + 2);
}

export function readUint32LE(bytes: Uint8Array, offset: number): number {
  return readUint16LE(bytes, offset) + readUint16LE(bytes, offset + 2) * 0x10000;
}
