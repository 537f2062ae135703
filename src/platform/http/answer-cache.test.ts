import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createAnswerCache, encodedAnswer } from './answer-cache.ts';

describe('the answer cache', () => {
  const json = 'application/json; charset=utf-8';
  /** A computation that answers `[n]`, n counting its calls. */
  const counting = () => {
    let calls = 0;
    return {
      compute: async () => {
        calls += 1;
        return { body: `[${calls}]`, contentType: json };
      },
      computed: () => calls,
    };
  };

  it('gives the same bytes back until the time is up', () => {
    const cache = createAnswerCache(5);
    const sent = cache.set('/a', { body: '[1]', contentType: json }, 1_000);
    assert.deepEqual(sent, Buffer.from('[1]'));
    assert.deepEqual(cache.get('/a', 5_999)?.body, Buffer.from('[1]'));
    assert.equal(cache.get('/a', 6_000), undefined);
    assert.equal(cache.size, 0, 'an expired answer is let go');
  });

  it('keeps nothing when turned off, but still hands back the bytes to send', () => {
    const cache = createAnswerCache(0);
    assert.deepEqual(cache.set('/a', { body: 'x', contentType: json }, 0), Buffer.from('x'));
    assert.equal(cache.get('/a', 0), undefined);
  });

  it('holds at most maxBytes and maxEntries, the oldest going first', () => {
    const cache = createAnswerCache(60, { maxEntries: 3, maxBytes: 100 });
    for (const key of ['/1', '/2', '/3', '/4'])
      cache.set(key, { body: 'x'.repeat(20), contentType: json }, 0);
    assert.equal(cache.get('/1', 0), undefined, 'four entries: the first is gone');
    assert.equal(cache.size, 60);
    cache.set('/5', { body: 'y'.repeat(25), contentType: json }, 0);
    cache.set('/6', { body: 'z'.repeat(25), contentType: json }, 0);
    assert.ok(cache.size <= 100, `${cache.size} bytes`);
    assert.notEqual(cache.get('/6', 0), undefined);
    // A client varying its query cannot grow it: a thousand addresses later it still holds ≤ 100 bytes.
    for (let index = 0; index < 1000; index += 1)
      cache.set(`/q${index}`, { body: 'w'.repeat(24), contentType: json }, 0);
    assert.ok(cache.size <= 100);
  });

  it('does not keep an answer larger than a quarter of its budget', () => {
    const cache = createAnswerCache(60, { maxBytes: 100 });
    cache.set('/big', { body: 'x'.repeat(26), contentType: json }, 0);
    assert.equal(cache.get('/big', 0), undefined);
  });

  it('computes an address once however many ask it at the same moment, then keeps it', async () => {
    const cache = createAnswerCache(5);
    let computed = 0;
    let finish: (body: string) => void = () => {};
    const compute = () => {
      computed += 1;
      return new Promise<{ body: string; contentType: string }>((resolve) => {
        finish = (body) => resolve({ body, contentType: json });
      });
    };
    const asked = [1, 2, 3].map(() => cache.fill('/a', () => 1_000, compute));
    finish('[1]');
    const answers = await Promise.all(asked);
    assert.equal(computed, 1);
    assert.deepEqual(
      answers.map((answer) => [answer.body.toString(), answer.shared]),
      [
        ['[1]', false],
        ['[1]', true],
        ['[1]', true],
      ],
    );
    const later = await cache.fill('/a', () => 5_999, compute);
    assert.equal(later.shared, true, 'kept');
    assert.equal(computed, 1);
  });

  it('keeps an answer only for an address asked before within the time: one asked once is never kept', async () => {
    const cache = createAnswerCache(5);
    const { compute, computed } = counting();
    // A client varying its query: a thousand addresses, each asked once, and nothing held.
    for (let index = 0; index < 1000; index += 1) await cache.fill(`/q${index}`, () => 0, compute);
    assert.equal(cache.size, 0);
    assert.equal(computed(), 1000);
    // Asked again within 5 seconds: computed again, and kept from then on.
    const first = await cache.fill('/a', () => 1_000, compute);
    const second = await cache.fill('/a', () => 5_999, compute);
    const third = await cache.fill('/a', () => 6_000, compute);
    assert.deepEqual(
      [first, second, third].map((answer) => [answer.body.toString(), answer.shared]),
      [
        ['[1001]', false],
        ['[1002]', false],
        ['[1002]', true],
      ],
    );
    // Its time up, the address that was kept is computed once and kept again: a polled address costs one
    // computation per 5 seconds, not two.
    const renewed = await cache.fill('/a', () => 11_000, compute);
    const afterRenewal = await cache.fill('/a', () => 11_001, compute);
    assert.deepEqual(
      [renewed, afterRenewal].map((answer) => [answer.body.toString(), answer.shared]),
      [
        ['[1003]', false],
        ['[1003]', true],
      ],
    );
    // Asked again only after the time: as if asked once.
    await cache.fill('/b', () => 0, compute);
    await cache.fill('/b', () => 5_000, compute);
    assert.equal((await cache.fill('/b', () => 5_001, compute)).shared, false);
    assert.equal(computed(), 1006);
  });

  it('gives a failure to every request that waited for it, and keeps nothing', async () => {
    const cache = createAnswerCache(5);
    let computed = 0;
    const failing = async () => {
      computed += 1;
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error('database down');
    };
    const asked = [cache.fill('/a', () => 0, failing), cache.fill('/a', () => 0, failing)];
    for (const answer of await Promise.allSettled(asked)) assert.equal(answer.status, 'rejected');
    assert.equal(computed, 1);
    const again = await cache.fill(
      '/a',
      () => 0,
      async () => ({ body: '[2]', contentType: json }),
    );
    assert.deepEqual([again.body.toString(), again.shared], ['[2]', false]);
  });

  it('computes for every request when turned off', async () => {
    const cache = createAnswerCache(0);
    const { compute, computed } = counting();
    const answers = await Promise.all([
      cache.fill('/a', () => 0, compute),
      cache.fill('/a', () => 0, compute),
    ]);
    assert.equal(computed(), 2);
    assert.deepEqual(
      answers.map((answer) => answer.shared),
      [false, false],
    );
  });
});

describe('encodedAnswer: a kept answer compressed once for the clients that take it', () => {
  const json = 'application/json; charset=utf-8';
  const list = JSON.stringify(
    Array.from({ length: 200 }, (_, index) => ({ service_request_id: `1151208-${index}`, status: 'open' })),
  );

  it('a kept answer: Brotli or gzip as asked, each made once; the same bytes decompressed', async () => {
    const cache = createAnswerCache(5);
    await cache.fill(
      '/a',
      () => 0,
      async () => ({ body: list, contentType: json }),
    );
    const kept = await cache.fill(
      '/a',
      () => 0,
      async () => ({ body: list, contentType: json }),
    );
    const hit = await cache.fill(
      '/a',
      () => 1,
      async () => assert.fail('kept: not computed again'),
    );
    assert.equal(hit.shared, true);
    const br = encodedAnswer(hit, 'gzip, deflate, br, zstd');
    assert.deepEqual(br.headers, { vary: 'Accept-Encoding', 'content-encoding': 'br' });
    assert.equal(brotliDecompressSync(br.body).toString(), list);
    assert.ok(br.body.length < list.length / 5, `${br.body.length} of ${list.length}`);
    assert.equal(encodedAnswer(kept, 'br').body, br.body, 'made once, for every request of the kept answer');
    const gzip = encodedAnswer(hit, 'gzip');
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gzip.body).toString(), list);
    const plain = encodedAnswer(hit, undefined);
    assert.deepEqual(plain, { body: hit.body, headers: { vary: 'Accept-Encoding' } });
  });

  it('an answer not kept (asked once), or a small one: the bytes as they are', async () => {
    const cache = createAnswerCache(5);
    const once = await cache.fill(
      '/once',
      () => 0,
      async () => ({ body: list, contentType: json }),
    );
    assert.deepEqual(encodedAnswer(once, 'br, gzip'), {
      body: once.body,
      headers: { vary: 'Accept-Encoding' },
    });
    cache.set('/small', { body: '[1]', contentType: json }, 0);
    const small = cache.get('/small', 0);
    assert.ok(small !== undefined);
    assert.equal(encodedAnswer(small, 'br').headers['content-encoding'], undefined);
  });
});
