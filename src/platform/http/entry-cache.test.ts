import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEntryCache, joinEntries } from './entry-cache.ts';

/** A writer that records which ids it was asked for and writes `id@fingerprint-of-the-moment`. */
function writer(current: Map<string, string>) {
  const asked: string[][] = [];
  const write = async (ids: string[]) => {
    asked.push(ids);
    return new Map(ids.flatMap((id) => (current.has(id) ? [[id, `${id}@${current.get(id)}`] as const] : [])));
  };
  return { asked, write };
}

const text = (entries: readonly Buffer[]) => entries.map((entry) => entry.toString());

describe('the entry cache: written list entries by id and fingerprint', () => {
  it('writes only what it does not hold for that fingerprint, in the keys’ order', async () => {
    const cache = createEntryCache({ maxBytes: 1024 * 1024 });
    const rows = new Map([
      ['a', '1'],
      ['b', '1'],
      ['c', '1'],
    ]);
    const { asked, write } = writer(rows);
    const keys = [...rows].map(([id, fingerprint]) => ({ id, fingerprint }));
    assert.deepEqual(text(await cache.entries('json', keys, write)), ['a@1', 'b@1', 'c@1']);
    assert.deepEqual(text(await cache.entries('json', [...keys].reverse(), write)), ['c@1', 'b@1', 'a@1']);
    assert.deepEqual(asked, [['a', 'b', 'c']], 'the second list was written from kept entries alone');

    rows.set('b', '2');
    const changed = [...rows].map(([id, fingerprint]) => ({ id, fingerprint }));
    assert.deepEqual(text(await cache.entries('json', changed, write)), ['a@1', 'b@2', 'c@1']);
    assert.deepEqual(asked.at(-1), ['b'], 'a new fingerprint is written anew');
    assert.equal(cache.size, 3, 'the old fingerprint’s entry replaced, not kept beside it');

    assert.deepEqual(text(await cache.entries('xml', changed.slice(0, 1), write)), ['a@1']);
    assert.deepEqual(asked.at(-1), ['a'], 'another variant is another entry');
  });

  it('never takes an entry of a forgotten variant for a new one', async () => {
    const cache = createEntryCache({ maxBytes: 1024 * 1024 });
    const { asked, write } = writer(new Map([['a', '1']]));
    const key = [{ id: 'a', fingerprint: '1' }];
    // 1000 variants are remembered; the 1001st starts the list of variants again.
    for (let variant = 0; variant <= 1000; variant += 1) await cache.entries(`v${variant}`, key, write);
    assert.equal(asked.length, 1001);
    await cache.entries('a variant never seen', key, write);
    assert.equal(asked.length, 1002, 'written for the new variant, not taken from an old one');
    await cache.entries('v1000', key, write);
    assert.equal(asked.length, 1002, 'a variant still remembered keeps its entry');
  });

  it('leaves out a row the writer no longer finds', async () => {
    const cache = createEntryCache({ maxBytes: 1024 });
    const { write } = writer(new Map([['a', '1']]));
    const entries = await cache.entries(
      'json',
      [
        { id: 'gone', fingerprint: '1' },
        { id: 'a', fingerprint: '1' },
      ],
      write,
    );
    assert.deepEqual(text(entries), ['a@1']);
  });

  it('stays within its bytes, the least recently used going first; 0 bytes keeps nothing', async () => {
    // Each entry: 3 bytes of text and 160 of bookkeeping; 2 fit in 400 bytes.
    const cache = createEntryCache({ maxBytes: 400 });
    const rows = new Map([
      ['a', '1'],
      ['b', '1'],
      ['c', '1'],
    ]);
    const { asked, write } = writer(rows);
    const key = (id: string) => ({ id, fingerprint: '1' });
    await cache.entries('json', [key('a'), key('b')], write);
    await cache.entries('json', [key('a')], write); // a used: b is now the oldest
    await cache.entries('json', [key('c')], write);
    assert.equal(cache.size, 2);
    assert.ok(cache.bytes <= 400, `${cache.bytes} bytes`);
    await cache.entries('json', [key('a'), key('b'), key('c')], write);
    assert.deepEqual(asked.at(-1), ['b'], 'b was the one let go');

    const none = createEntryCache({ maxBytes: 0 });
    const nothing = writer(rows);
    await none.entries('json', [key('a')], nothing.write);
    await none.entries('json', [key('a')], nothing.write);
    assert.deepEqual(nothing.asked, [['a'], ['a']]);
    assert.equal(none.size, 0);
  });

  it('joins entries between a head and a tail', () => {
    const entries = ['{"a":1}', '{"b":"二"}'].map((entry) => Buffer.from(entry));
    assert.equal(joinEntries('[', entries, ',', ']').toString(), '[{"a":1},{"b":"二"}]');
    assert.equal(joinEntries('[', [], ',', ']').toString(), '[]');
  });
});
