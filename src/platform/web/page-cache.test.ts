import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPageCache } from './page-cache.ts';

describe('createPageCache', () => {
  it('renders once per key within the time-to-live, then again after it', () => {
    let time = 0;
    let renders = 0;
    const cache = createPageCache({ ttlMs: 1000, maxEntries: 10, now: () => time });
    const render = () => `page ${++renders}`;
    const get = (key: string) => cache.getOrRender(key, render).toString('utf8');
    assert.equal(get('zh|/'), 'page 1');
    assert.equal(get('zh|/'), 'page 1');
    assert.equal(get('en|/'), 'page 2', 'another key renders its own page');
    time = 1001;
    assert.equal(get('zh|/'), 'page 3', 'expired entries are rendered again');
  });

  it('keeps at most maxEntries, dropping the oldest', () => {
    let renders = 0;
    const cache = createPageCache({ ttlMs: 60_000, maxEntries: 2, now: () => 0 });
    const render = () => `page ${++renders}`;
    const get = (key: string) => cache.getOrRender(key, render).toString('utf8');
    get('a');
    get('b');
    get('c');
    assert.equal(get('b'), 'page 2', 'b is still cached');
    assert.equal(get('a'), 'page 4', 'a was dropped and rendered again');
  });
});
