import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAnswerCache } from './answer-cache.ts';

describe('the answer cache', () => {
  const json = 'application/json; charset=utf-8';

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
});
