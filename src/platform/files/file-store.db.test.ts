import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { after, before, describe, it } from 'node:test';
import { eq, inArray } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import { aTemporaryFileStore, aTemporaryFolder } from '../../../test/helpers/test-file-store.ts';
import {
  FileNotFoundError,
  FileStoreUnavailableError,
  openFilesystemStore,
  recordStoredFile,
  recordStoredFiles,
  sweepTemporaryFiles,
} from './file-store.ts';
import { storedFiles } from './files-schema.ts';

/**
 * The filesystem file store on a real folder (a fresh one per test), and recordStoredFile on a real
 * PostgreSQL. A `.db.test.ts` because file-store.ts also holds recordStoredFile (drizzle).
 */

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every file under `dir`, relative, sorted: what the store left on disk (temporary files included). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** A store in a fresh folder of its own (removed when the file ends). */
const aStore = () => aTemporaryFileStore('onewindow-store-');

describe('the filesystem file store', () => {
  it('stores content under its SHA-256 in ab/cd/<sha256>, readable by others (0644, folders 0755)', async () => {
    const store = await aStore();
    const content = Buffer.from('建照申請書 — 第一版\n', 'utf8');
    const stored = await store.put(content);
    const hash = sha256(content);
    assert.deepEqual(stored, { sha256: hash, sizeBytes: content.length });
    const relative = path.join(hash.slice(0, 2), hash.slice(2, 4), hash);
    assert.deepEqual(await filesUnder(store.dir), [relative]);
    assert.equal(store.localPath(hash), path.join(store.dir, relative));
    assert.ok((await readFile(path.join(store.dir, relative))).equals(content));
    assert.equal((await stat(path.join(store.dir, relative))).mode & 0o777, 0o644);
    assert.equal((await stat(path.join(store.dir, hash.slice(0, 2)))).mode & 0o777, 0o755);
    assert.ok((await store.read(hash)).equals(content));
    assert.equal(await store.has(hash), true);
    const chunks: Buffer[] = [];
    for await (const chunk of await store.open(hash)) chunks.push(chunk as Buffer);
    assert.ok(Buffer.concat(chunks).equals(content));
  });

  it('stores the same content twice once (the second copy is dropped), from a buffer or a stream', async () => {
    const store = await aStore();
    const content = randomBytes(300_000);
    const first = await store.put(content);
    const second = await store.put(Readable.from([content.subarray(0, 1000), content.subarray(1000)]));
    assert.deepEqual(first, second);
    assert.deepEqual(await filesUnder(store.dir), [
      path.join(first.sha256.slice(0, 2), first.sha256.slice(2, 4), first.sha256),
    ]);
  });

  it('writes through a temporary file in tmp/ and renames it into place only at commit', async () => {
    const store = await aStore();
    const writer = store.createWriter();
    const parts = [randomBytes(70_000), randomBytes(70_000), Buffer.from('end')];
    const whole = Buffer.concat(parts);
    await pipeline(Readable.from(parts), writer);
    const temporary = writer.temporaryPath;
    assert.ok(temporary !== null && path.dirname(temporary) === path.join(store.dir, 'tmp'));
    assert.deepEqual(
      await filesUnder(store.dir),
      [path.relative(store.dir, temporary)],
      'only the temporary file',
    );
    assert.equal(await store.has(sha256(whole)), false, 'not in the store before commit');
    assert.equal(writer.bytesWritten, whole.length);
    assert.ok((await writer.readBack(69_990, 20)).equals(whole.subarray(69_990, 70_010)));
    assert.ok((await writer.readBack(whole.length - 2, 100)).equals(Buffer.from('nd')), 'short at the end');
    const stored = await writer.commit();
    assert.deepEqual(stored, { sha256: sha256(whole), sizeBytes: whole.length });
    assert.equal(writer.temporaryPath, null);
    assert.deepEqual(await filesUnder(store.dir), [
      path.join(stored.sha256.slice(0, 2), stored.sha256.slice(2, 4), stored.sha256),
    ]);
    assert.ok((await store.read(stored.sha256)).equals(whole));
    await assert.rejects(writer.commit(), /already committed/);
  });

  it('a writer refuses to commit before its stream has finished', async () => {
    const store = await aStore();
    const writer = store.createWriter();
    writer.write(Buffer.from('half'));
    await assert.rejects(writer.commit(), /only after its stream finished/);
    await writer.abort();
    assert.deepEqual(await filesUnder(store.dir), []);
  });

  it('abort leaves nothing: neither mid-stream nor after the stream finished', async () => {
    const store = await aStore();
    const midway = store.createWriter();
    midway.write(randomBytes(100_000));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await midway.abort();
    const finished = store.createWriter();
    await pipeline(Readable.from([randomBytes(1000)]), finished);
    await finished.abort();
    await finished.abort(); // twice is harmless
    assert.deepEqual(await filesUnder(store.dir), []);
  });

  it('a failing source leaves nothing: put rejects and removes its temporary file', async () => {
    const store = await aStore();
    const failing = new Readable({
      read() {
        this.push(randomBytes(10_000));
        this.destroy(new Error('the client went away'));
      },
    });
    await assert.rejects(store.put(failing), /the client went away/);
    assert.deepEqual(await filesUnder(store.dir), []);
  });

  it('refuses anything but 64 lower-case hex digits before touching a path', async () => {
    const store = await aStore();
    const bad = ['../../etc/passwd', `${'a'.repeat(63)}/`, 'A'.repeat(64), 'a'.repeat(65), ''];
    for (const name of bad) {
      assert.throws(() => store.localPath(name), TypeError, name);
      await assert.rejects(store.remove(name), TypeError);
      await assert.rejects(store.open(name), FileNotFoundError);
      await assert.rejects(store.read(name), FileNotFoundError);
      assert.equal(await store.has(name), false);
    }
  });

  it('a missing file is a FileNotFoundError naming it; remove of a missing file is no error', async () => {
    const store = await aStore();
    const missing = sha256(Buffer.from('never stored'));
    await assert.rejects(store.open(missing), (error: unknown) => {
      assert.ok(error instanceof FileNotFoundError);
      assert.equal(error.sha256, missing);
      return true;
    });
    await assert.rejects(store.read(missing), FileNotFoundError);
    assert.equal(await store.has(missing), false);
    await store.remove(missing);
    const stored = await store.put(Buffer.from('to remove'));
    await store.remove(stored.sha256);
    assert.equal(await store.has(stored.sha256), false);
  });

  it('lists every stored file, and nothing else in its folder', async () => {
    const store = await aStore();
    const names = [];
    for (const text of ['one', 'two', 'three']) names.push((await store.put(Buffer.from(text))).sha256);
    await writeFile(path.join(store.dir, 'README.txt'), 'not a stored file');
    const pending = store.createWriter();
    pending.write('still being written');
    const listed = [];
    for await (const name of store.list()) listed.push(name);
    assert.deepEqual(listed.sort(), names.sort());
    await pending.abort();
  });

  it('start-up removes temporary files a crash left (older than a day), not those being written', async () => {
    const store = await aStore();
    // Wait for each write's callback (the bytes are in the file), not a fixed time: on a loaded machine a
    // write that lands after utimes below would make the old file young again.
    const writeAndWait = (writer: ReturnType<typeof store.createWriter>, text: string) =>
      new Promise<void>((resolve, reject) =>
        writer.write(text, (error) => (error ? reject(error) : resolve())),
      );
    const old = store.createWriter();
    await writeAndWait(old, 'left by a crash');
    const oldPath = old.temporaryPath ?? '';
    const young = store.createWriter();
    await writeAndWait(young, 'being written');
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    await utimes(oldPath, twoDaysAgo, twoDaysAgo);
    assert.equal(await sweepTemporaryFiles(store.dir), 1);
    assert.deepEqual(await filesUnder(store.dir), [path.relative(store.dir, young.temporaryPath ?? '')]);
    await young.abort();
    old.destroy();
  });

  it('openFilesystemStore makes its folders, and says which folder it cannot use', async () => {
    const parent = await aTemporaryFolder('onewindow-open-');
    const store = await openFilesystemStore(path.join(parent, 'deep', 'files'));
    assert.ok((await stat(path.join(parent, 'deep', 'files', 'tmp'))).isDirectory());
    assert.equal(store.dir, path.join(parent, 'deep', 'files'));
    await writeFile(path.join(parent, 'a-file'), 'x');
    const blocked = path.join(parent, 'a-file', 'files');
    await assert.rejects(openFilesystemStore(blocked), (error: unknown) => {
      assert.ok(error instanceof FileStoreUnavailableError);
      assert.match(error.message, new RegExp(`${blocked.replaceAll('/', '\\/')}.*FILE_STORE_DIR`));
      return true;
    });
  });
});

describe('recordStoredFile (PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  it('lists a file once: the same content recorded again keeps its first row', async () => {
    const content = randomBytes(500);
    const hash = sha256(content);
    const first = new Date('2026-03-02T02:00:00Z');
    await recordStoredFile(database.db, { sha256: hash, sizeBytes: 500, mediaType: 'image/png' }, first);
    await recordStoredFile(
      database.db,
      { sha256: hash, sizeBytes: 500, mediaType: 'image/jpeg' },
      new Date('2026-03-03T02:00:00Z'),
    );
    const rows = await database.db.select().from(storedFiles).where(eq(storedFiles.sha256, hash));
    assert.deepEqual(rows, [{ sha256: hash, sizeBytes: 500, mediaType: 'image/png', storedAt: first }]);
    await assert.rejects(
      recordStoredFile(database.db, { sha256: 'not-a-hash', sizeBytes: 1, mediaType: 'image/png' }, first),
      TypeError,
    );
  });

  it('recordStoredFiles lists several in one go: each once, the first named wins, rows already there kept', async () => {
    const [a, b, c] = [randomBytes(300), randomBytes(400), randomBytes(600)].map(sha256) as [
      string,
      string,
      string,
    ];
    const earlier = new Date('2026-03-01T02:00:00Z');
    const now = new Date('2026-03-04T02:00:00Z');
    await recordStoredFile(database.db, { sha256: c, sizeBytes: 600, mediaType: 'application/pdf' }, earlier);
    await recordStoredFiles(
      database.db,
      [
        { sha256: b, sizeBytes: 400, mediaType: 'image/png' },
        { sha256: a, sizeBytes: 300, mediaType: 'application/pdf' },
        { sha256: b, sizeBytes: 400, mediaType: 'image/jpeg' },
        { sha256: c, sizeBytes: 600, mediaType: 'image/png' },
      ],
      now,
    );
    const rows = await database.db
      .select()
      .from(storedFiles)
      .where(inArray(storedFiles.sha256, [a, b, c]));
    assert.deepEqual(
      rows.sort((x, y) => x.sizeBytes - y.sizeBytes),
      [
        { sha256: a, sizeBytes: 300, mediaType: 'application/pdf', storedAt: now },
        { sha256: b, sizeBytes: 400, mediaType: 'image/png', storedAt: now },
        { sha256: c, sizeBytes: 600, mediaType: 'application/pdf', storedAt: earlier },
      ],
    );
    await recordStoredFiles(database.db, [], now);
    await assert.rejects(
      recordStoredFiles(database.db, [{ sha256: 'not-a-hash', sizeBytes: 1, mediaType: 'image/png' }], now),
      TypeError,
    );
  });
});
