import { createHash, randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DatabaseOrTransaction } from '../db/database.ts';
import { FileNotFoundError } from './file-not-found.ts';
import { storedFiles } from './files-schema.ts';

export { FileNotFoundError } from './file-not-found.ts';

/**
 * The file store (docs/adr/0009-file-store.md): every uploaded file of the platform, named by the SHA-256
 * of its bytes. The same content is stored once however many rows refer to it, and a name never changes
 * meaning, so a file is never rewritten: backing up the database first and the store second is always
 * consistent (a row can only name a file that was complete before the row was committed).
 *
 * The interface is asynchronous and stream-shaped so that an S3-compatible store can implement it later;
 * `createFilesystemStore` is the one implementation today.
 */
export interface FileStore {
  /** A writer that hashes while it writes to a temporary file; nothing is visible until `commit()`. */
  createWriter(): FileWriter;
  /** Stores bytes already in memory or a stream; resolves to the name of the content. */
  put(content: Buffer | Readable): Promise<StoredContent>;
  /** The bytes of a stored file as a stream. Rejects with `FileNotFoundError` when the store lacks it. */
  open(sha256: string): Promise<Readable>;
  /** The whole file in memory: only for files known to be small (a thumbnail, a test). */
  read(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
  /**
   * The path of the stored file on the local filesystem, so that a library (sharp) can read it without
   * loading it into memory; null from a store that has no local files (S3). Does not check that it exists.
   */
  localPath(sha256: string): string | null;
  /** Removes a stored file; removing one that is missing is not an error. */
  remove(sha256: string): Promise<void>;
  /** Every stored file's name, in no particular order (for `files:check`). */
  list(): AsyncIterable<string>;
}

export interface StoredContent {
  sha256: string;
  sizeBytes: number;
}

/**
 * A `Writable` that streams into the store. Write (or pipe) the bytes, then either `commit()` (after the
 * stream finished: resolves to the content's name; the temporary file is renamed into place or, when the
 * store already holds the same content, dropped) or `abort()` (the temporary file is removed). A writer
 * whose commit was never called must be aborted: a refused upload leaves nothing in the store.
 */
export interface FileWriter extends Writable {
  /** Bytes written so far. */
  readonly bytesWritten: number;
  /** The temporary file being written, while it exists (null for a store without local files). */
  readonly temporaryPath: string | null;
  /**
   * Reads back what was written (after the stream finished, before commit or abort): up to `length` bytes
   * from `offset`, all of them unless the file ends first. How an upload's type is checked without keeping
   * it in memory (platform/uploads/sniff.ts, `sniffMediaTypeOf`).
   */
  readBack(offset: number, length: number): Promise<Buffer>;
  /**
   * The name and size the content will have in the store (after the stream finished, before commit):
   * how a form's file is known before it is kept (multipart.ts, held files).
   */
  contentName(): StoredContent;
  commit(): Promise<StoredContent>;
  abort(): Promise<void>;
}

/** The store's folder cannot be made or written (start-up, CLI): says which folder and what to set. */
export class FileStoreUnavailableError extends Error {
  /** A stable code: the CLI prints the message (not a stack) for errors that carry one. */
  readonly code = 'FILE_STORE_UNAVAILABLE';
  constructor(dir: string, cause: unknown) {
    super(
      `The file store folder ${dir} cannot be used (${(cause as Error)?.message ?? String(cause)}); ` +
        'set FILE_STORE_DIR (default DATA_DIR/files) to a folder this user may write.',
      { cause },
    );
    this.name = 'FileStoreUnavailableError';
  }
}

const sha256Pattern = /^[0-9a-f]{64}$/;

/** Only 64 lower-case hex digits ever become part of a path: nothing else can reach outside the store. */
export function isSha256(value: string): boolean {
  return sha256Pattern.test(value);
}

function assertSha256(value: string): void {
  if (!isSha256(value))
    throw new TypeError(`Not a SHA-256 (64 lower-case hex digits): "${value.slice(0, 80)}"`);
}

const fileMode = 0o644;
const directoryMode = 0o755;

/**
 * The filesystem store: `<dir>/ab/cd/<sha256>` (two levels of 256 directories keep each directory small),
 * temporary files in `<dir>/tmp/`, on the same filesystem so that the rename into place is atomic. A file
 * is fsynced before its rename and the directory after it, so a crash leaves either no file or the whole
 * file, never half of one. Temporary files left by a crash are removed by `sweepTemporaryFiles`.
 */
export function createFilesystemStore(dir: string): FileStore & { readonly dir: string } {
  const root = path.resolve(dir);
  const temporaryDir = path.join(root, 'tmp');
  const pathOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

  const ensureTemporaryDir = async () => {
    await fs.mkdir(temporaryDir, { recursive: true, mode: directoryMode });
  };

  const createWriter = (): FileWriter => new FilesystemWriter(temporaryDir, ensureTemporaryDir, pathOf);

  const put = async (content: Buffer | Readable): Promise<StoredContent> => {
    const writer = createWriter();
    try {
      await pipeline(Buffer.isBuffer(content) ? Readable.from([content]) : content, writer);
      return await writer.commit();
    } catch (error) {
      await writer.abort();
      throw error;
    }
  };

  const open = async (sha256: string): Promise<Readable> => {
    if (!isSha256(sha256)) throw new FileNotFoundError(sha256);
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(pathOf(sha256), 'r');
    } catch (error) {
      if (isMissing(error)) throw new FileNotFoundError(sha256);
      throw error;
    }
    // Opened before the stream is returned, so a missing file is a rejection here, not a stream error later.
    return handle.createReadStream();
  };

  const read = async (sha256: string): Promise<Buffer> => {
    if (!isSha256(sha256)) throw new FileNotFoundError(sha256);
    try {
      return await fs.readFile(pathOf(sha256));
    } catch (error) {
      if (isMissing(error)) throw new FileNotFoundError(sha256);
      throw error;
    }
  };

  const has = async (sha256: string): Promise<boolean> => {
    if (!isSha256(sha256)) return false;
    try {
      return (await fs.stat(pathOf(sha256))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  };

  const localPath = (sha256: string): string => {
    assertSha256(sha256);
    return pathOf(sha256);
  };

  const remove = async (sha256: string): Promise<void> => {
    assertSha256(sha256);
    await fs.rm(pathOf(sha256), { force: true });
  };

  async function* list(): AsyncIterable<string> {
    const hex2 = /^[0-9a-f]{2}$/;
    for (const first of await namesIn(root)) {
      if (!hex2.test(first)) continue; // tmp/ and anything an operator put there
      for (const second of await namesIn(path.join(root, first))) {
        if (!hex2.test(second)) continue;
        for (const name of await namesIn(path.join(root, first, second))) {
          if (isSha256(name) && name.startsWith(first + second)) yield name;
        }
      }
    }
  }

  return { dir: root, createWriter, put, open, read, has, localPath, remove, list };
}

/**
 * The filesystem store as the process and the CLI open it: its folders made and checked writable (a clear
 * message at start rather than a 500 at the first upload), and temporary files a crash left removed.
 */
export async function openFilesystemStore(dir: string): Promise<FileStore & { readonly dir: string }> {
  const store = createFilesystemStore(dir);
  try {
    const temporaryDir = path.join(store.dir, 'tmp');
    await fs.mkdir(temporaryDir, { recursive: true, mode: directoryMode });
    await fs.access(store.dir, fsConstants.R_OK | fsConstants.W_OK | fsConstants.X_OK);
    await fs.access(temporaryDir, fsConstants.R_OK | fsConstants.W_OK | fsConstants.X_OK);
  } catch (error) {
    throw new FileStoreUnavailableError(store.dir, error);
  }
  await sweepTemporaryFiles(store.dir);
  return store;
}

class FilesystemWriter extends Writable implements FileWriter {
  #hash = createHash('sha256');
  #bytes = 0;
  #temporaryPath: string;
  #handle: fs.FileHandle | null = null;
  #settled = false;
  #reader: fs.FileHandle | null = null;
  readonly #ensureDir: () => Promise<void>;
  readonly #pathOf: (sha256: string) => string;

  constructor(temporaryDir: string, ensureDir: () => Promise<void>, pathOf: (sha256: string) => string) {
    super({ highWaterMark: 64 * 1024 });
    this.#temporaryPath = path.join(temporaryDir, `${Date.now()}-${randomBytes(12).toString('hex')}.part`);
    this.#ensureDir = ensureDir;
    this.#pathOf = pathOf;
  }

  get bytesWritten(): number {
    return this.#bytes;
  }

  get temporaryPath(): string | null {
    return this.#settled ? null : this.#temporaryPath;
  }

  override _construct(callback: (error?: Error | null) => void): void {
    this.#ensureDir()
      .then(() => fs.open(this.#temporaryPath, 'wx', fileMode))
      .then(async (handle) => {
        this.#handle = handle;
        // Whatever the process umask, stored files are readable by the backup user (docs/operations.md).
        await handle.chmod(fileMode);
      })
      .then(() => callback(), callback);
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.#hash.update(chunk);
    this.#bytes += chunk.length;
    writeAll(this.#handle as fs.FileHandle, chunk).then(() => callback(), callback);
  }

  override _writev(
    chunks: { chunk: Buffer; encoding: BufferEncoding }[],
    callback: (error?: Error | null) => void,
  ): void {
    const buffers = chunks.map(({ chunk }) => chunk);
    for (const buffer of buffers) {
      this.#hash.update(buffer);
      this.#bytes += buffer.length;
    }
    (this.#handle as fs.FileHandle).writev(buffers).then(
      async ({ bytesWritten }) => {
        const total = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
        // A short writev is rare; finish it with plain writes of what is left.
        if (bytesWritten < total) {
          await writeAll(this.#handle as fs.FileHandle, Buffer.concat(buffers).subarray(bytesWritten));
        }
        callback();
      },
      (error) => callback(error),
    );
  }

  override _final(callback: (error?: Error | null) => void): void {
    // Durable before it can be renamed into place: a crash after the rename never finds half a file.
    (this.#handle as fs.FileHandle).sync().then(() => callback(), callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const handle = this.#handle;
    this.#handle = null;
    if (handle === null) {
      callback(error);
      return;
    }
    handle.close().then(
      () => callback(error),
      (closeError) => callback(error ?? closeError),
    );
  }

  async readBack(offset: number, length: number): Promise<Buffer> {
    if (this.#settled) throw new Error('This file writer was already committed or aborted');
    if (!this.writableFinished) throw new Error('Read back a file writer only after its stream finished');
    this.#reader ??= await fs.open(this.#temporaryPath, 'r');
    const buffer = Buffer.alloc(Math.max(0, Math.min(length, this.#bytes - offset)));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await this.#reader.read(buffer, filled, buffer.length - filled, offset + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  }

  contentName(): StoredContent {
    if (this.#settled) throw new Error('This file writer was already committed or aborted');
    if (!this.writableFinished)
      throw new Error('Name a file writer’s content only after its stream finished');
    // A copy: the hash itself is digested once, by commit.
    return { sha256: this.#hash.copy().digest('hex'), sizeBytes: this.#bytes };
  }

  async commit(): Promise<StoredContent> {
    if (this.#settled) throw new Error('This file writer was already committed or aborted');
    if (!this.writableFinished) throw new Error('Commit a file writer only after its stream finished');
    this.#settled = true;
    await this.#closed();
    await this.#closeReader();
    const sha256 = this.#hash.digest('hex');
    const target = this.#pathOf(sha256);
    try {
      if (await exists(target)) {
        // The store already holds these bytes: they cannot differ, so the copy is dropped. The file is
        // touched so that a sweep of old unlisted files (files:check) sees it as just stored.
        await fs.rm(this.#temporaryPath, { force: true });
        const now = new Date();
        await fs.utimes(target, now, now).catch(() => {});
      } else {
        const directory = path.dirname(target);
        await fs.mkdir(directory, { recursive: true, mode: directoryMode });
        await fs.rename(this.#temporaryPath, target);
        await syncDirectory(directory);
      }
    } catch (error) {
      await fs.rm(this.#temporaryPath, { force: true });
      throw error;
    }
    return { sha256, sizeBytes: this.#bytes };
  }

  async abort(): Promise<void> {
    if (this.#settled) return;
    this.#settled = true;
    if (!this.destroyed) this.destroy();
    await this.#closed();
    await this.#closeReader();
    await fs.rm(this.#temporaryPath, { force: true });
  }

  async #closeReader(): Promise<void> {
    const reader = this.#reader;
    this.#reader = null;
    await reader?.close();
  }

  /** Waits until the file handle is closed (after finish, autoDestroy closes it; after destroy, too). */
  #closed(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => this.once('close', () => resolve()));
  }
}

async function writeAll(handle: fs.FileHandle, buffer: Buffer): Promise<void> {
  let offset = 0;
  while (offset < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset);
    offset += bytesWritten;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

async function syncDirectory(directory: string): Promise<void> {
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(directory, 'r');
    await handle.sync();
  } catch {
    // Some filesystems (and platforms) cannot fsync a directory; the rename itself is still atomic.
  } finally {
    await handle?.close();
  }
}

async function namesIn(directory: string): Promise<string[]> {
  try {
    return await fs.readdir(directory);
  } catch (error) {
    if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

/**
 * Removes temporary files older than `olderThanMs` (left by a process that crashed mid-upload). Run at
 * start-up; several processes may share the directory, so a file still being written by another process
 * (younger than the limit) is left alone.
 */
export async function sweepTemporaryFiles(dir: string, olderThanMs = 24 * 60 * 60 * 1000): Promise<number> {
  const temporaryDir = path.join(path.resolve(dir), 'tmp');
  let names: string[];
  try {
    names = await fs.readdir(temporaryDir);
  } catch (error) {
    if (isMissing(error)) return 0;
    throw error;
  }
  let removed = 0;
  const limit = Date.now() - olderThanMs;
  for (const name of names) {
    const file = path.join(temporaryDir, name);
    try {
      if ((await fs.stat(file)).mtimeMs < limit) {
        await fs.rm(file, { force: true });
        removed += 1;
      }
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }
  return removed;
}

export interface StoredFileRecord {
  sha256: string;
  sizeBytes: number;
  /** Sniffed from the bytes (platform/uploads/sniff.ts), or what the platform itself wrote. */
  mediaType: string;
}

/**
 * Lists a stored file in `stored_files`. Call it in the same transaction as the row that refers to the file,
 * so the database never names a file it does not list. The same content stored again keeps its first row.
 */
export async function recordStoredFile(
  db: DatabaseOrTransaction,
  file: StoredFileRecord,
  at: Date,
): Promise<void> {
  assertSha256(file.sha256);
  await db
    .insert(storedFiles)
    .values({ sha256: file.sha256, sizeBytes: file.sizeBytes, mediaType: file.mediaType, storedAt: at })
    .onConflictDoNothing({ target: storedFiles.sha256 });
}

/**
 * recordStoredFile for several files in one statement (one row per distinct SHA-256, the first named wins;
 * in SHA-256 order, so two transactions listing the same files take their row locks in the same order).
 */
export async function recordStoredFiles(
  db: DatabaseOrTransaction,
  files: readonly StoredFileRecord[],
  at: Date,
): Promise<void> {
  const distinct = new Map<string, StoredFileRecord>();
  for (const file of files) {
    assertSha256(file.sha256);
    if (!distinct.has(file.sha256)) distinct.set(file.sha256, file);
  }
  if (distinct.size === 0) return;
  await db
    .insert(storedFiles)
    .values(
      [...distinct.values()]
        .sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0))
        .map((file) => ({
          sha256: file.sha256,
          sizeBytes: file.sizeBytes,
          mediaType: file.mediaType,
          storedAt: at,
        })),
    )
    .onConflictDoNothing({ target: storedFiles.sha256 });
}
