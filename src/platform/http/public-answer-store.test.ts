import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { brotliDecompressSync, crc32, gunzipSync } from 'node:zlib';
import {
  chooseEncoding,
  compressedCopy,
  crcCombine,
  createAnswerStore,
  createContentVersions,
  type KeptAnswer,
  keptAnswer,
  splicedGzip,
  splitAround,
} from './public-answer-store.ts';

const html = 'text/html; charset=utf-8';
const renderedAt = new Date('2026-03-02T02:00:00Z');

/** A kept answer of `body` (a string or a byte count), rendered at `now` for `maxAgeMs`. */
function answer(
  body: string | number,
  options: { stamp?: string; scopes?: string[]; now?: number; maxAgeMs?: number; token?: string } = {},
): KeptAnswer {
  const bytes = typeof body === 'number' ? Buffer.alloc(body, 'x') : Buffer.from(body);
  return keptAnswer(
    {
      body: bytes,
      contentType: html,
      token: options.token ?? null,
      stamp: options.stamp ?? '0',
      scopes: options.scopes ?? [],
      route: '/a',
      renderedAt,
    },
    options.now ?? 0,
    options.maxAgeMs ?? 60_000,
  );
}

/** A page of varied text that compresses well (a real page's markup repeats a lot). */
function pageOf(bytes: number): string {
  const rows: string[] = [];
  for (let index = 0; rows.join('').length < bytes; index += 1)
    rows.push(`<li class="govuk-list__item" data-row="${index}">道路挖掘許可 ${index * 7}</li>\n`);
  return `<!doctype html><ul>${rows.join('')}</ul>`;
}

describe('content versions', () => {
  it('a stamp changes when one of its scopes is published, and only then', () => {
    const versions = createContentVersions();
    const catalogue = versions.stamp(['catalogue']);
    const plans = versions.stamp(['plans']);
    const both = versions.stamp(['catalogue', 'plans']);
    const none = versions.stamp([]);
    assert.equal(versions.stamp(['catalogue']), catalogue, 'stable while nothing is published');
    versions.bump('catalogue');
    assert.notEqual(versions.stamp(['catalogue']), catalogue);
    assert.notEqual(versions.stamp(['catalogue', 'plans']), both);
    assert.equal(versions.stamp(['plans']), plans, 'another scope’s publication leaves it alone');
    assert.equal(versions.stamp([]), none);
    const afterOne = versions.stamp(['catalogue']);
    versions.bump('catalogue');
    assert.notEqual(versions.stamp(['catalogue']), afterOne, 'each publication moves it again');
  });

  it("'*' moves every stamp, even of pages that show no published content", () => {
    const versions = createContentVersions();
    versions.bump('plans');
    const stamps = [versions.stamp([]), versions.stamp(['catalogue']), versions.stamp(['plans', 'units'])];
    versions.bump('*');
    const after = [versions.stamp([]), versions.stamp(['catalogue']), versions.stamp(['plans', 'units'])];
    for (const [index, stamp] of stamps.entries()) assert.notEqual(after[index], stamp);
  });

  it('two version sets are independent (each app process has its own)', () => {
    const first = createContentVersions();
    const second = createContentVersions();
    first.bump('catalogue');
    assert.notEqual(first.stamp(['catalogue']), second.stamp(['catalogue']));
  });
});

describe('the answer store', () => {
  it('keeps an answer until its time is up', () => {
    const store = createAnswerStore({ maxEntries: 10, maxBytes: 10_000 });
    const kept = answer('<p>hello</p>', { now: 1_000, maxAgeMs: 5_000 });
    store.keep('/a|m', kept);
    assert.equal(store.get('/a|m', '0', 1_000), kept);
    assert.equal(store.get('/a|m', '0', 5_999), kept);
    assert.equal(store.entries, 1);
    assert.equal(store.bytes, 12);
    assert.equal(store.get('/a|m', '0', 6_000), undefined, 'expired at now + maxAge');
    assert.equal(store.entries, 0, 'an expired answer is let go');
    assert.equal(store.bytes, 0);
  });

  it('current: the answer while its own scopes are at the versions it was made with, and not after', () => {
    const versions = createContentVersions();
    const store = createAnswerStore({ maxEntries: 10, maxBytes: 10_000 });
    const kept = answer('plans', { stamp: versions.stamp(['plans']), scopes: ['plans'] });
    store.keep('/plans/2012|m', kept);
    assert.equal(store.current('/plans/2012|m', versions, 0), kept);
    assert.equal(store.current('/other|m', versions, 0), undefined, 'nothing kept there');
    versions.bump('catalogue');
    assert.equal(store.current('/plans/2012|m', versions, 0), kept, 'another scope published: still current');
    versions.bump('plans');
    assert.equal(store.current('/plans/2012|m', versions, 0), undefined, 'its scope published');
    assert.equal(store.entries, 0, 'and let go');
    store.keep('/plans/2012|m', answer('plans', { stamp: versions.stamp(['plans']), scopes: ['plans'] }));
    versions.bump('*');
    assert.equal(store.current('/plans/2012|m', versions, 0), undefined, 'everything published');
  });

  it('drops an answer whose content has been published since (another stamp)', () => {
    const store = createAnswerStore({ maxEntries: 10, maxBytes: 10_000 });
    store.keep('/a|m', answer('old', { stamp: '0.3' }));
    assert.notEqual(store.get('/a|m', '0.3', 0), undefined);
    assert.equal(store.get('/a|m', '0.4', 0), undefined);
    assert.equal(store.entries, 0);
    assert.equal(store.get('/a|m', '0.3', 0), undefined, 'gone for good, not only hidden');
  });

  it('keeping an address again replaces its answer and counts its bytes once', () => {
    const store = createAnswerStore({ maxEntries: 10, maxBytes: 10_000 });
    store.keep('/a|m', answer(100));
    store.keep('/a|m', answer(300));
    assert.equal(store.entries, 1);
    assert.equal(store.bytes, 300);
    assert.equal(store.get('/a|m', '0', 0)?.size, 300);
  });

  it('holds at most maxEntries, the oldest going first', () => {
    const store = createAnswerStore({ maxEntries: 3, maxBytes: 10_000 });
    for (const key of ['/1', '/2', '/3', '/4']) store.keep(key, answer(key));
    assert.equal(store.entries, 3);
    assert.equal(store.get('/1', '0', 0), undefined);
    for (const key of ['/2', '/3', '/4']) assert.equal(store.get(key, '0', 0)?.pieces[0]?.toString(), key);
  });

  it('keeps the answer read most recently: the least recently used goes first', () => {
    const store = createAnswerStore({ maxEntries: 3, maxBytes: 10_000 });
    for (const key of ['/home', '/2', '/3']) store.keep(key, answer(key));
    assert.notEqual(store.get('/home', '0', 0), undefined, 'everyone reads the home page');
    store.keep('/4', answer('/4'));
    store.keep('/5', answer('/5'));
    assert.equal(store.get('/2', '0', 0), undefined);
    assert.equal(store.get('/3', '0', 0), undefined);
    assert.equal(store.get('/home', '0', 0)?.pieces[0]?.toString(), '/home');
  });

  it('holds at most maxBytes, the oldest going first, whatever a visitor varies', () => {
    const store = createAnswerStore({ maxEntries: 1000, maxBytes: 1000 });
    store.keep('/a', answer(200));
    store.keep('/b', answer(200));
    store.keep('/c', answer(200));
    store.keep('/d', answer(200));
    store.keep('/e', answer(200));
    assert.equal(store.bytes, 1000);
    store.keep('/f', answer(150));
    assert.equal(store.get('/a', '0', 0), undefined, 'over the budget: the oldest went');
    assert.notEqual(store.get('/b', '0', 0), undefined);
    assert.equal(store.bytes, 950);
    for (let index = 0; index < 5000; index += 1)
      store.keep(`/services?q=${index}`, answer(90 + (index % 50)));
    assert.ok(store.bytes <= 1000, `${store.bytes} bytes`);
    assert.ok(store.entries <= 12, `${store.entries} entries`);
    assert.notEqual(store.get('/services?q=4999', '0', 0), undefined, 'the newest is there');
  });

  it('does not keep an answer over a quarter of maxBytes (it is only sent), and keeps one of exactly a quarter', () => {
    const store = createAnswerStore({ maxEntries: 10, maxBytes: 1000 });
    store.keep('/small', answer(10));
    store.keep('/huge', answer(251));
    assert.equal(store.get('/huge', '0', 0), undefined);
    assert.equal(store.entries, 1, 'and nothing else was pushed out for it');
    assert.equal(store.bytes, 10);
    store.keep('/quarter', answer(250));
    assert.equal(store.get('/quarter', '0', 0)?.size, 250);
    // A huge answer for an address already kept takes the old answer's place away (it was stale).
    store.keep('/quarter', answer(400));
    assert.equal(store.get('/quarter', '0', 0), undefined);
    assert.equal(store.bytes, 10);
  });

  it('clear empties it', () => {
    const store = createAnswerStore({ maxEntries: 10, maxBytes: 1000 });
    store.keep('/a', answer(10));
    store.keep('/b', answer(20));
    store.clear();
    assert.equal(store.entries, 0);
    assert.equal(store.bytes, 0);
    assert.equal(store.get('/a', '0', 0), undefined);
  });
});

describe('a kept answer', () => {
  it('without a token: one piece, a strong quoted ETag of its bytes, its size and lifetime', () => {
    const kept = answer('<p>same</p>', { now: 500, maxAgeMs: 300_000, stamp: '2.1' });
    assert.equal(kept.pieces.length, 1);
    assert.equal(kept.pieces[0]?.toString(), '<p>same</p>');
    assert.match(kept.etag ?? '', /^"[A-Za-z0-9_-]{22}"$/);
    assert.equal(answer('<p>same</p>').etag, kept.etag, 'same bytes, same ETag');
    assert.notEqual(answer('<p>other</p>').etag, kept.etag);
    assert.equal(kept.size, 11);
    assert.equal(kept.expiresAt, 300_500);
    assert.equal(kept.stamp, '2.1');
    assert.equal(kept.renderedAt, renderedAt);
    assert.equal(kept.contentType, html);
    assert.deepEqual(kept.headers, {});
    const feed = keptAnswer(
      {
        body: Buffer.from('<feed/>'),
        contentType: 'application/atom+xml; charset=utf-8',
        headers: { 'access-control-allow-origin': '*' },
        token: null,
        stamp: '0',
        scopes: ['reports'],
        route: '/reports/feed.atom',
        renderedAt,
      },
      0,
      1_000,
    );
    assert.deepEqual(feed.headers, { 'access-control-allow-origin': '*' });
  });

  it('with the visitor’s token: in pieces around it, no ETag (the bytes differ per visitor)', () => {
    const token = randomBytes(32).toString('base64url');
    const body = `<form><input name="_csrf" value="${token}"></form><form action="/r?_csrf=${token}"></form>`;
    const kept = answer(body, { token });
    assert.equal(kept.etag, null);
    assert.equal(kept.pieces.length, 3);
    assert.ok(!Buffer.concat([...kept.pieces]).includes(token), 'the token is not kept');
    assert.equal(kept.pieces.map((piece) => piece.toString()).join(token), body);
    assert.equal(kept.size, Buffer.byteLength(body));
  });
});

describe('splitAround', () => {
  const pieces = (body: string, token: string) => splitAround(Buffer.from(body), token).map(String);

  it('splits at every occurrence, keeping what is between, before and after', () => {
    assert.deepEqual(pieces('a<T>b<T>c', '<T>'), ['a', 'b', 'c']);
    assert.deepEqual(pieces('<T>middle<T>', '<T>'), ['', 'middle', '']);
    assert.deepEqual(pieces('<T><T>', '<T>'), ['', '', '']);
  });

  it('gives the body whole when the token does not occur', () => {
    assert.deepEqual(pieces('no token here', 'TOKEN'), ['no token here']);
    assert.deepEqual(pieces('', 'TOKEN'), ['']);
  });

  it('works on bytes, around multi-byte text', () => {
    const body = '申請表單 TOKEN 道路 TOKEN 結束';
    const split = splitAround(Buffer.from(body), 'TOKEN');
    assert.deepEqual(split.map(String), ['申請表單 ', ' 道路 ', ' 結束']);
    assert.equal(
      Buffer.concat(
        split.flatMap((piece, index) => (index === 0 ? [piece] : [Buffer.from('TOKEN'), piece])),
      ).toString(),
      body,
    );
  });
});

describe('chooseEncoding', () => {
  const cases: [string | undefined, string][] = [
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['GZIP, BR', 'br'],
    ['deflate', 'identity'],
    ['identity', 'identity'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.0, gzip;q=0.5', 'gzip'],
    ['br; q=0, gzip; q=0', 'identity'],
    ['br;q=0.1', 'br'],
    ['gzip;q=1.0', 'gzip'],
    ['*', 'br'],
    ['*;q=0', 'identity'],
    // An encoding refused by name stays refused when `*` accepts the rest (RFC 9110 §12.5.3).
    ['*, br;q=0', 'gzip'],
    ['br;q=0, *', 'gzip'],
    ['gzip;q=0, *', 'br'],
    ['deflate, *', 'br'],
  ];
  for (const [header, expected] of cases) {
    it(`${header === undefined ? '(no header)' : JSON.stringify(header)} → ${expected}`, () => {
      assert.equal(chooseEncoding(header), expected);
    });
  }
});

describe('compressedCopy', () => {
  it('Brotli and gzip copies of a page decompress to the very same bytes, made once', () => {
    const kept = answer(pageOf(20_000));
    const identity = kept.pieces[0] as Buffer;
    const br = compressedCopy(kept, 'br');
    const gzip = compressedCopy(kept, 'gzip');
    assert.ok(br !== null && gzip !== null);
    assert.ok(br.length < identity.length * 0.9, `br ${br.length} of ${identity.length}`);
    assert.ok(gzip.length < identity.length * 0.9, `gzip ${gzip.length} of ${identity.length}`);
    assert.deepEqual(brotliDecompressSync(br), identity);
    assert.deepEqual(gunzipSync(gzip), identity);
    assert.equal(compressedCopy(kept, 'br'), br, 'the same Buffer the second time (made once)');
    assert.equal(kept.compressed.gzip, gzip);
  });

  it('null for a small body (under 1 KiB, however compressible), remembered; from 1 KiB made', () => {
    const kept = answer('<p>a</p>'.repeat(127));
    assert.equal(kept.size, 1016);
    assert.equal(compressedCopy(kept, 'gzip'), null);
    assert.equal(kept.compressed.gzip, null);
    assert.equal(compressedCopy(kept, 'br'), null);
    const kibibyte = answer('<p>a</p>'.repeat(128));
    assert.equal(kibibyte.size, 1024);
    assert.deepEqual(gunzipSync(compressedCopy(kibibyte, 'gzip') ?? Buffer.alloc(0)), kibibyte.pieces[0]);
  });

  it('null for a page with the visitor’s token, however big', () => {
    const token = randomBytes(32).toString('base64url');
    const kept = answer(`${pageOf(20_000)}<input name="_csrf" value="${token}">`, { token });
    assert.equal(compressedCopy(kept, 'br'), null);
    assert.equal(compressedCopy(kept, 'gzip'), null);
  });

  it('null when it saves less than a tenth (random bytes do not compress)', () => {
    const kept = keptAnswer(
      {
        body: randomBytes(8_000),
        contentType: 'application/octet-stream',
        token: null,
        stamp: '0',
        scopes: [],
        route: '/a',
        renderedAt,
      },
      0,
      1_000,
    );
    assert.equal(compressedCopy(kept, 'gzip'), null);
    assert.equal(compressedCopy(kept, 'br'), null);
  });
});

describe('splicedGzip: a page with the visitor’s token, gzip without compressing per request', () => {
  const tokenOf = () => Buffer.from(randomBytes(32).toString('base64url'));

  it('each visitor’s stream decompresses to the page with their own token, the kept pieces shared', () => {
    const first = tokenOf();
    const page = `${pageOf(20_000)}<input name="_csrf" value="${first}">${pageOf(12_000)}`;
    const kept = answer(page, { token: first.toString() });
    assert.equal(kept.pieces.length, 2);
    for (const token of [first, tokenOf(), tokenOf()]) {
      const chunks = splicedGzip(kept, token);
      assert.ok(chunks !== null);
      const stream = Buffer.concat(chunks);
      assert.equal(gunzipSync(stream).toString(), page.replace(first.toString(), token.toString()));
      assert.ok(stream.length < page.length * 0.5, `${stream.length} bytes of ${page.length}`);
      // The token stands in the stream as it is (a stored block): nothing was compressed for this visitor.
      assert.ok(stream.includes(token));
    }
    assert.equal(
      splicedGzip(kept, first)?.[1],
      splicedGzip(kept, tokenOf())?.[1],
      'the deflated piece made once',
    );
  });

  it('a token in several places, at the very start and end, and empty pieces between', () => {
    const token = tokenOf().toString();
    const page = `${token}${pageOf(3_000)}${token}${token}${pageOf(2_000)}${token}`;
    const kept = answer(page, { token });
    assert.equal(kept.pieces.length, 5);
    const other = tokenOf();
    const stream = Buffer.concat(splicedGzip(kept, other) ?? []);
    assert.equal(gunzipSync(stream).toString(), page.replaceAll(token, other.toString()));
  });

  it('null for a page without a token, a small page, or one that does not compress', () => {
    const token = tokenOf();
    assert.equal(splicedGzip(answer(pageOf(20_000)), token), null);
    const small = `<p>a</p><input value="${token}">`;
    assert.equal(splicedGzip(answer(small, { token: token.toString() }), token), null);
    const noise = keptAnswer(
      {
        body: Buffer.concat([randomBytes(6_000), token, randomBytes(6_000)]),
        contentType: html,
        token: token.toString(),
        stamp: '0',
        scopes: [],
        route: '/a',
        renderedAt,
      },
      0,
      1_000,
    );
    assert.equal(noise.pieces.length, 2);
    assert.equal(splicedGzip(noise, token), null);
  });

  it('crcCombine folds two CRC-32s as zlib’s crc32_combine does', () => {
    for (const [a, b] of [
      [0, 0],
      [1, 0],
      [0, 1],
      [7, 13],
      [1_000, 65_539],
      [43, 300_001],
    ] as const) {
      const left = randomBytes(a);
      const right = randomBytes(b);
      assert.equal(
        crcCombine(crc32(left), crc32(right), b),
        crc32(Buffer.concat([left, right])),
        `${a} + ${b} bytes`,
      );
    }
  });
});
