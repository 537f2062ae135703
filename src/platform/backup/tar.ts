import type { Readable, Writable } from 'node:stream';

/**
 * The few parts of the tar format (POSIX ustar) a backup needs: regular files with names of at most 100
 * bytes, written and read as streams (an entry's bytes are never held whole in memory). The archive is a
 * plain tar: `tar -tf FILE` lists it and `tar -xf FILE` unpacks it, should OneWindow itself be gone.
 */

const blockSize = 512;

export class ArchiveError extends Error {
  readonly code = 'BACKUP_ARCHIVE_INVALID';
  override name = 'ArchiveError';
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

/** The 512-byte header of a regular file. */
export function tarHeader(name: string, size: number, modifiedAt: Date = new Date()): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 100)
    throw new ArchiveError(`A name in the archive is longer than 100 bytes: ${name}`);
  if (!Number.isSafeInteger(size) || size < 0 || size > 0o77777777777)
    throw new ArchiveError(`A file in the archive is too large for it: ${name}`);
  const header = Buffer.alloc(blockSize, 0);
  nameBytes.copy(header, 0);
  header.write(octal(0o644, 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii');
  header.write(octal(0, 8), 116, 'ascii');
  header.write(octal(size, 12), 124, 'ascii');
  header.write(octal(Math.floor(modifiedAt.getTime() / 1000), 12), 136, 'ascii');
  header.write('        ', 148, 'ascii');
  header.write('0', 156, 'ascii');
  header.write('ustar\u000000', 257, 'ascii');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return header;
}

function padding(size: number): Buffer {
  const rest = size % blockSize;
  return Buffer.alloc(rest === 0 ? 0 : blockSize - rest, 0);
}

async function write(out: Writable, chunk: Buffer): Promise<void> {
  if (!out.write(chunk)) {
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => {
        out.off('drain', onDrain);
        reject(error);
      };
      const onDrain = () => {
        out.off('error', onError);
        resolve();
      };
      out.once('drain', onDrain);
      out.once('error', onError);
    });
  }
}

/** Writes entries one after the other into `out` (a file stream), with backpressure. */
export class TarWriter {
  constructor(private readonly out: Writable) {}

  /** One entry of `size` bytes read from `content`; fails if the content is not exactly that long. */
  async add(
    name: string,
    size: number,
    content: Readable | Buffer,
    onChunk?: (chunk: Buffer) => void,
  ): Promise<void> {
    await write(this.out, tarHeader(name, size));
    let written = 0;
    const chunks = Buffer.isBuffer(content) ? [content] : content;
    for await (const chunk of chunks as AsyncIterable<Buffer>) {
      written += chunk.length;
      if (written > size)
        throw new ArchiveError(`${name} grew while it was being written (expected ${size} bytes)`);
      onChunk?.(chunk);
      await write(this.out, chunk);
    }
    if (written !== size) throw new ArchiveError(`${name} has ${written} bytes, expected ${size}`);
    await write(this.out, padding(size));
  }

  /** The two empty blocks that end an archive; then the stream is ended and flushed. */
  async finish(): Promise<void> {
    await write(this.out, Buffer.alloc(blockSize * 2, 0));
    await new Promise<void>((resolve, reject) => {
      this.out.once('error', reject);
      this.out.end(() => resolve());
    });
  }
}

export interface TarEntry {
  name: string;
  size: number;
  /** The entry's bytes, in order; must be read to the end (or `skip`ped) before the next entry. */
  content(): AsyncGenerator<Buffer>;
}

/** A pull reader of exact byte counts over a stream. */
class ByteSource {
  private buffered: Buffer[] = [];
  private length = 0;
  private readonly iterator: AsyncIterator<Buffer>;
  private isDone = false;

  constructor(input: Readable) {
    this.iterator = (input as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  }

  private async fill(minimum: number): Promise<boolean> {
    while (this.length < minimum && !this.isDone) {
      const next = await this.iterator.next();
      if (next.done) this.isDone = true;
      else {
        this.buffered.push(next.value);
        this.length += next.value.length;
      }
    }
    return this.length >= minimum;
  }

  /** Exactly `count` bytes, or null at the end of the input. */
  async read(count: number): Promise<Buffer | null> {
    if (!(await this.fill(count))) return null;
    const all = Buffer.concat(this.buffered);
    this.buffered = all.length > count ? [all.subarray(count)] : [];
    this.length = all.length - count;
    return all.subarray(0, count);
  }

  /** Up to `maximum` bytes (at least one), or null at the end of the input. */
  async readSome(maximum: number): Promise<Buffer | null> {
    if (!(await this.fill(1))) return null;
    const first = this.buffered.shift() as Buffer;
    if (first.length > maximum) {
      this.buffered.unshift(first.subarray(maximum));
      this.length -= maximum;
      return first.subarray(0, maximum);
    }
    this.length -= first.length;
    return first;
  }
}

function parseOctal(header: Buffer, start: number, width: number): number {
  const text = header
    .subarray(start, start + width)
    .toString('ascii')
    .replace(/[\0 ]+$/g, '')
    .trim();
  if (!/^[0-7]*$/.test(text)) throw new ArchiveError('The archive is damaged (a header that is not tar)');
  return text === '' ? 0 : Number.parseInt(text, 8);
}

/** The regular files of a tar archive, in order. Other kinds of entry (folders) are passed over. */
export async function* readTar(input: Readable): AsyncGenerator<TarEntry> {
  const source = new ByteSource(input);
  while (true) {
    const header = await source.read(blockSize);
    if (header === null) throw new ArchiveError('The archive ends before its end marker (cut short?)');
    if (header.every((byte) => byte === 0)) return;
    let sum = 0;
    for (let index = 0; index < blockSize; index += 1)
      sum += index >= 148 && index < 156 ? 32 : (header[index] as number);
    if (sum !== parseOctal(header, 148, 8))
      throw new ArchiveError('The archive is damaged (a header checksum is wrong)');
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = parseOctal(header, 124, 12);
    const type = String.fromCharCode(header[156] as number);
    let remaining = size;
    let wasRead = false;
    async function* content(): AsyncGenerator<Buffer> {
      wasRead = true;
      while (remaining > 0) {
        const chunk = await source.readSome(Math.min(remaining, 1 << 20));
        if (chunk === null) throw new ArchiveError(`The archive ends inside ${name} (cut short?)`);
        remaining -= chunk.length;
        yield chunk;
      }
    }
    if (type === '0' || type === '\0') yield { name, size, content };
    if (!wasRead || remaining > 0) for await (const _ of content());
    const rest = size % blockSize;
    if (rest !== 0 && (await source.read(blockSize - rest)) === null)
      throw new ArchiveError(`The archive ends inside ${name} (cut short?)`);
  }
}
