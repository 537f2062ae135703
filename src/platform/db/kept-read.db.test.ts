// A .db.test only because keptRead follows the process's publications (publications.ts loads pg); it uses no
// database.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DatabaseOrTransaction } from './database.ts';
import { keptRead } from './kept-read.ts';
import { processContentVersions } from './publications.ts';

// The handle is only a key here: keptRead keeps a read per handle and never uses it itself.
const aHandle = () => ({}) as DatabaseOrTransaction;

describe('keptRead', () => {
  it('keeps a read per handle until its scope is announced, then reads again', async () => {
    let reads = 0;
    const read = keptRead(['kept-read-test'], async () => ++reads);
    const first = aHandle();
    const second = aHandle();
    assert.equal(await read(first), 1);
    assert.equal(await read(first), 1, 'kept');
    assert.equal(await read(second), 2, 'another handle reads its own');
    processContentVersions.bump('kept-read-test');
    assert.equal(await read(first), 3, 'read again after the announcement');
    assert.equal(await read(first), 3);
    processContentVersions.bump('another-scope');
    assert.equal(await read(first), 3, 'another scope does not matter');
  });

  it('reads again once the kept value is older than freshForMs', async () => {
    let reads = 0;
    const read = keptRead(['kept-read-test-age'], async () => ++reads, 20);
    const handle = aHandle();
    assert.equal(await read(handle), 1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(await read(handle), 2);
  });

  it('does not keep a failed read', async () => {
    let reads = 0;
    const read = keptRead(['kept-read-test-fail'], async () => {
      reads += 1;
      if (reads === 1) throw new Error('the database went away');
      return reads;
    });
    const handle = aHandle();
    await assert.rejects(read(handle), /went away/);
    assert.equal(await read(handle), 2);
    assert.equal(await read(handle), 2);
  });
});
