import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { ArchiveError, readTar, TarWriter } from './tar.ts';

const folder = await mkdtemp(path.join(os.tmpdir(), 'onewindow-tar-'));
after(() => rm(folder, { recursive: true, force: true }));

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function writeArchive(file: string, entries: [string, Buffer][]): Promise<void> {
  const writer = new TarWriter(createWriteStream(file));
  for (const [name, bytes] of entries) {
    // Streamed in small pieces, as a file from the store would be.
    const pieces = Readable.from(
      Array.from({ length: Math.ceil(bytes.length / 1000) }, (_, i) =>
        bytes.subarray(i * 1000, (i + 1) * 1000),
      ),
    );
    await writer.add(name, bytes.length, pieces);
  }
  await writer.finish();
}

describe('the backup archive (tar)', () => {
  const entries: [string, Buffer][] = [
    ['manifest.json', Buffer.from('{"format":1}')],
    ['database/public.cases.copy.gz', randomBytes(1537)],
    ['files/ab/cd/empty', Buffer.alloc(0)],
    [`files/00/11/${'f'.repeat(64)}`, randomBytes(70_000)],
  ];

  it('reads back every entry with its bytes, and the system tar reads it too', async () => {
    const file = path.join(folder, 'one.tar');
    await writeArchive(file, entries);
    const read: [string, string][] = [];
    for await (const entry of readTar(createReadStream(file, { highWaterMark: 777 }))) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry.content()) chunks.push(chunk);
      read.push([entry.name, sha(Buffer.concat(chunks))]);
    }
    assert.deepEqual(
      read,
      entries.map(([name, bytes]) => [name, sha(bytes)]),
    );
    assert.deepEqual(
      execFileSync('tar', ['-tf', file], { encoding: 'utf8' }).trim().split('\n'),
      entries.map(([name]) => name),
    );
    const unpacked = path.join(folder, 'unpacked');
    execFileSync('mkdir', ['-p', unpacked]);
    execFileSync('tar', ['-xf', file, '-C', unpacked]);
    assert.equal(
      sha(execFileSync('cat', [path.join(unpacked, entries[3]?.[0] ?? '')])),
      sha(entries[3]?.[1] ?? Buffer.alloc(0)),
    );
  });

  it('passes over entries the reader does not read', async () => {
    const file = path.join(folder, 'skip.tar');
    await writeArchive(file, entries);
    const names: string[] = [];
    for await (const entry of readTar(createReadStream(file))) names.push(entry.name);
    assert.deepEqual(
      names,
      entries.map(([name]) => name),
    );
  });

  it('refuses an archive cut short, a damaged header, and content of the wrong length', async () => {
    const file = path.join(folder, 'cut.tar');
    await writeArchive(file, entries);
    const whole = execFileSync('cat', [file]);
    const cut = path.join(folder, 'cut-short.tar');
    await writeFile(cut, whole.subarray(0, 3000));
    await assert.rejects(async () => {
      for await (const entry of readTar(createReadStream(cut))) for await (const _ of entry.content());
    }, /cut short/);
    const damaged = Buffer.from(whole);
    damaged[5] = 0x41;
    await writeFile(cut, damaged);
    await assert.rejects(async () => {
      for await (const _ of readTar(createReadStream(cut)));
    }, /header checksum/);
    const writer = new TarWriter(createWriteStream(path.join(folder, 'short.tar')));
    await assert.rejects(writer.add('x', 10, Buffer.alloc(9)), ArchiveError);
  });
});
