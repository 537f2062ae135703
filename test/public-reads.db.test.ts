import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import pg from 'pg';
import { DEMO_SERVICES } from '../src/modules/catalogue/catalogue-demo-data.ts';
import { publishServiceVersion } from '../src/modules/catalogue/catalogue-service.ts';
import { modules } from '../src/modules/index.ts';
import { reportAs } from '../src/modules/reports/public-reports-test-support.ts';
import { platformAuditActions } from '../src/platform/auth/audit-actions.ts';
import { cliActor } from '../src/platform/auth/audit-log.ts';
import { aSignedInMember, csrfTokenIn } from '../src/platform/auth/auth-test-support.ts';
import { platformStaffAreas } from '../src/platform/auth/staff-areas.ts';
import { buildRegistry } from '../src/platform/composition/compose.ts';
import {
  announcePublished,
  listenForPublications,
  processContentVersions,
  publicationChannel,
} from '../src/platform/db/publications.ts';
import type { AppInstance } from '../src/platform/http/app-types.ts';
import { messageFor } from '../src/platform/http/error-messages.ts';
import { localePath } from '../src/platform/web/i18n.ts';
import { platformPublicReads } from '../src/platform/web/public-pages-routes.tsx';
import { multipartActionOf } from './helpers/form-action.ts';
import { mainOf } from './helpers/html.ts';
import { buildAppWithLog, buildTestApp, type TestApp } from './helpers/test-app.ts';
import { waitUntil } from './helpers/wait-until.ts';

/**
 * The public reads layer through HTTP (issue 12): answers kept as bytes with their validators and
 * compressed copies, form pages kept around each visitor's token, what is never kept, a publication
 * (announced through PostgreSQL from any process) rendering pages again, and the render gate's 503.
 */

type Answer = Awaited<ReturnType<AppInstance['inject']>>;

const get = (app: AppInstance, url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

/** A request sent now, answered later (inject's answer is lazy: it is sent when first awaited). */
const sent = (app: AppInstance, url: string): Promise<Answer> => Promise.resolve(get(app, url));

function csrfCookieOf(response: Answer): string | undefined {
  return response.cookies.find((cookie) => cookie.name === 'ow_csrf')?.value;
}

/** The page's CSRF token: its hidden field, or (a multipart form) the `_csrf` in its action. */
function formTokenIn(html: string): string {
  if (html.includes('name="_csrf"')) return csrfTokenIn(html);
  return new URL(multipartActionOf(html), 'http://localhost').searchParams.get('_csrf') ?? '';
}

function setCookies(response: Answer): string[] {
  const header = response.headers['set-cookie'];
  if (header === undefined) return [];
  return Array.isArray(header) ? header : [String(header)];
}

/** The strong validator the layer gives these identity bytes. */
function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

function serviceNamed(code: string): { nameZh: string; nameEn: string } {
  const service = DEMO_SERVICES.find((candidate) => candidate.code === code);
  assert.ok(service, code);
  return service;
}

/** The `LISTEN` connections of this database (each app has one), by backend pid. */
async function listenerPids(client: pg.Client): Promise<number[]> {
  const result = await client.query<{ pid: number }>(
    `select pid from pg_stat_activity where datname = current_database() and query = $1 order by pid`,
    [`LISTEN ${publicationChannel}`],
  );
  return result.rows.map((row) => row.pid);
}

/** What the other sessions of this database are doing (a render held up by a test's table lock waits on 'Lock'). */
async function sessions(client: pg.Client): Promise<{ waiting: string | null; query: string }[]> {
  const result = await client.query<{ waiting: string | null; query: string }>(
    `select wait_event_type as waiting, left(query, 60) as query from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()`,
  );
  return result.rows;
}
const someoneWaitsOnALock = (rows: { waiting: string | null }[]) =>
  rows.some((row) => row.waiting === 'Lock');

/**
 * How many publications of `scope` this process has counted (its part of a page's stamp): each app's
 * listener counts every notification once, and a publisher in this process once more at once.
 */
function countOf(scope: string): number {
  return Number(processContentVersions.stamp([scope]).split('.')[1]);
}

async function connect(connectionString: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  return client;
}

describe('public reads: kept answers (HTTP)', () => {
  let subject: TestApp;
  let app: AppInstance;
  before(async () => {
    subject = await buildTestApp();
    app = subject.app;
  });
  after(() => subject.app.close());

  it('GET /services twice: the same bytes, kept (same Last-Modified a second later), a strong ETag of those bytes, no-cache', async () => {
    const first = await get(app, '/services');
    assert.equal(first.statusCode, 200);
    assert.match(mainOf(first.body), /路燈維修/);
    const etag = String(first.headers.etag);
    assert.equal(etag, etagOf(first.rawPayload));
    assert.equal(first.headers['cache-control'], 'no-cache');
    assert.equal(first.headers.vary, 'Accept-Encoding');
    const lastModified = String(first.headers['last-modified']);
    assert.ok(Date.parse(lastModified) > 0, lastModified);
    assert.equal(first.headers['content-encoding'], undefined, 'no Accept-Encoding: the bytes as they are');
    // A render a second later would say so in Last-Modified (its render time): the kept bytes keep theirs.
    await sleep(1100);
    const second = await get(app, '/services');
    assert.equal(second.statusCode, 200);
    assert.equal(second.body, first.body);
    assert.equal(second.headers.etag, etag);
    assert.equal(second.headers['last-modified'], lastModified);
    assert.equal(second.headers['content-type'], first.headers['content-type']);
    assert.equal(second.headers['cache-control'], 'no-cache');
    assert.equal(second.headers.vary, 'Accept-Encoding');
    assert.equal(second.headers['content-length'], String(first.rawPayload.length));
    // The kept answer goes out with the same security headers as a rendered one, and its own request id.
    for (const name of [
      'content-security-policy',
      'x-content-type-options',
      'referrer-policy',
      'x-frame-options',
    ])
      assert.equal(second.headers[name], first.headers[name], name);
    assert.notEqual(second.headers['x-request-id'], first.headers['x-request-id']);
    assert.match(String(second.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    // Another language and another query string are other addresses, kept apart.
    const english = await get(app, '/en/services');
    assert.equal(english.statusCode, 200);
    assert.notEqual(english.headers.etag, etag);
    assert.match(mainOf(english.body), /Street light repair/i);
    const keyword = await get(app, `/services?q=${encodeURIComponent('路燈')}`);
    assert.notEqual(keyword.headers.etag, etag);
    assert.ok(keyword.body.length < first.body.length, 'a filtered list, not the kept full one');
  });

  it('over a real socket too: the second visitor gets the kept bytes (a socket’s close does not drop the answer)', async () => {
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const url = `${address}/en/services?online=1`;
    const first = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    const firstBody = await first.text();
    assert.equal(first.status, 200);
    await sleep(1100);
    const second = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(await second.text(), firstBody);
    assert.equal(second.headers.get('etag'), first.headers.get('etag'));
    assert.equal(
      second.headers.get('last-modified'),
      first.headers.get('last-modified'),
      'kept, not rendered again',
    );
    const notModified = await fetch(url, { headers: { 'if-none-match': String(first.headers.get('etag')) } });
    assert.equal(notModified.status, 304);
    const br = await fetch(url, { headers: { 'accept-encoding': 'br' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(await br.text(), firstBody, 'fetch decompresses it to the same page');
  });

  it('kept apart per text size: the large text cookie gets its own page', async () => {
    const medium = await get(app, '/sitemap');
    const large = await get(app, '/sitemap', { cookie: 'ow_font_size=large' });
    const largeAgain = await get(app, '/sitemap', { cookie: 'ow_font_size=large' });
    const mediumAgain = await get(app, '/sitemap');
    assert.match(medium.body, /ow-font-size--medium/);
    assert.match(large.body, /ow-font-size--large/);
    assert.match(largeAgain.body, /ow-font-size--large/);
    assert.match(mediumAgain.body, /ow-font-size--medium/);
    assert.equal(largeAgain.headers.etag, large.headers.etag);
    assert.notEqual(large.headers.etag, medium.headers.etag);
  });

  it('If-None-Match with the ETag → 304 with no body; another tag → 200; If-Modified-Since → 304', async () => {
    const kept = await get(app, '/services');
    const etag = String(kept.headers.etag);
    const notModified = await get(app, '/services', { 'if-none-match': etag });
    assert.equal(notModified.statusCode, 304);
    assert.equal(notModified.body, '');
    assert.equal(notModified.rawPayload.length, 0);
    assert.equal(notModified.headers.etag, etag);
    assert.equal(notModified.headers['cache-control'], 'no-cache');
    assert.equal((await get(app, '/services', { 'if-none-match': `"older", ${etag}` })).statusCode, 304);
    assert.equal((await get(app, '/services', { 'if-none-match': `W/${etag}` })).statusCode, 304);
    assert.equal((await get(app, '/services', { 'if-none-match': '*' })).statusCode, 304);
    const changed = await get(app, '/services', { 'if-none-match': '"not-this-one"' });
    assert.equal(changed.statusCode, 200);
    assert.equal(changed.body, kept.body);
    const lastModified = String(kept.headers['last-modified']);
    const since = await get(app, '/services', { 'if-modified-since': lastModified });
    assert.equal(since.statusCode, 304);
    assert.equal(since.body, '');
    const earlier = new Date(Date.parse(lastModified) - 60_000).toUTCString();
    const modified = await get(app, '/services', { 'if-modified-since': earlier });
    assert.equal(modified.statusCode, 200);
    assert.equal(modified.body, kept.body);
    // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
    const both = await get(app, '/services', {
      'if-none-match': '"not-this-one"',
      'if-modified-since': lastModified,
    });
    assert.equal(both.statusCode, 200);
  });

  it('Accept-Encoding br or gzip: the compressed copy, which decompresses to the identity bytes, with its own ETag', async () => {
    const identity = await get(app, '/services');
    const etag = String(identity.headers.etag);
    const br = await get(app, '/services', { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.statusCode, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers.vary, 'Accept-Encoding');
    assert.deepEqual(brotliDecompressSync(br.rawPayload), identity.rawPayload);
    assert.ok(br.rawPayload.length < identity.rawPayload.length / 3, `${br.rawPayload.length} bytes`);
    assert.equal(br.headers.etag, `${etag.slice(0, -1)}-br"`);
    assert.equal(br.headers['content-length'], String(br.rawPayload.length));
    const gzip = await get(app, '/services', { 'accept-encoding': 'gzip' });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(gzip.headers.vary, 'Accept-Encoding');
    assert.deepEqual(gunzipSync(gzip.rawPayload), identity.rawPayload);
    assert.equal(gzip.headers.etag, `${etag.slice(0, -1)}-gzip"`);
    const refused = await get(app, '/services', { 'accept-encoding': 'br;q=0, gzip' });
    assert.equal(refused.headers['content-encoding'], 'gzip');
    const none = await get(app, '/services', { 'accept-encoding': 'identity' });
    assert.equal(none.headers['content-encoding'], undefined);
    assert.equal(none.body, identity.body);
    // The compressed representation's own tag is recognised too.
    const notModified = await get(app, '/services', {
      'accept-encoding': 'br',
      'if-none-match': String(br.headers.etag),
    });
    assert.equal(notModified.statusCode, 304);
    assert.equal(notModified.rawPayload.length, 0);
    assert.equal(notModified.headers['content-encoding'], undefined, 'a 304 has no body to encode');
    // JSON read APIs are kept and compressed the same way.
    const api = await get(app, '/api/services');
    const apiBr = await get(app, '/api/services', { 'accept-encoding': 'br' });
    assert.match(String(api.headers['content-type']), /^application\/json/);
    assert.deepEqual(JSON.parse(brotliDecompressSync(apiBr.rawPayload).toString()), api.json());
  });

  it('a kept answer keeps the headers its route gave it: the open-data feed stays readable by other sites', async () => {
    const rendered = await get(app, '/reports/feed.atom');
    assert.equal(rendered.statusCode, 200);
    assert.match(String(rendered.headers['content-type']), /^application\/atom\+xml/);
    assert.equal(rendered.headers['access-control-allow-origin'], '*');
    assert.match(String(rendered.headers.link), /rel="license"/);
    const kept = await get(app, '/reports/feed.atom');
    assert.equal(kept.headers.etag, rendered.headers.etag, 'kept');
    assert.equal(kept.body, rendered.body);
    assert.equal(kept.headers['content-type'], rendered.headers['content-type']);
    assert.equal(kept.headers['access-control-allow-origin'], '*', 'CORS on the kept copy too');
    assert.equal(kept.headers.link, rendered.headers.link);
  });

  it('a kept page keeps its own Content-Security-Policy: the map pages still load the tile server’s images', async () => {
    const tiles = await buildTestApp({
      environment: { MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png' },
    });
    try {
      for (const url of ['/reports', '/en/reports']) {
        const rendered = await get(tiles.app, url);
        assert.equal(rendered.statusCode, 200, url);
        const policy = String(rendered.headers['content-security-policy']);
        assert.match(policy, /img-src 'self' data: https:\/\/tiles\.example\.org;/, url);
        const kept = await get(tiles.app, url);
        assert.equal(kept.headers.etag, rendered.headers.etag, `${url} kept`);
        assert.equal(kept.headers['content-security-policy'], policy, `${url}: the kept copy's policy`);
      }
      // Pages that did not widen it keep the strict one.
      await get(tiles.app, '/services');
      const kept = await get(tiles.app, '/services');
      assert.match(String(kept.headers['content-security-policy']), /img-src 'self' data:;/);
    } finally {
      await tiles.app.close();
    }
  });

  it('HEAD: GET’s headers without a body, and a HEAD first does not keep an empty page for GET', async () => {
    const head = await app.inject({ method: 'HEAD', url: '/en/services?online=yes' });
    assert.equal(head.statusCode, 200);
    assert.equal(head.rawPayload.length, 0);
    const page = await get(app, '/en/services?online=yes');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<\/html>\s*$/);
    assert.equal(head.headers['content-length'], String(page.rawPayload.length));
    assert.equal(page.headers.etag, etagOf(page.rawPayload));
    const keptHead = await app.inject({ method: 'HEAD', url: '/en/services?online=yes' });
    assert.equal(keptHead.statusCode, 200);
    assert.equal(keptHead.rawPayload.length, 0);
    assert.equal(keptHead.headers.etag, page.headers.etag);
    assert.equal(keptHead.headers['content-length'], String(page.rawPayload.length));
    assert.equal(keptHead.headers['last-modified'], page.headers['last-modified']);
    const conditional = await app.inject({
      method: 'HEAD',
      url: '/en/services?online=yes',
      headers: { 'if-none-match': String(page.headers.etag) },
    });
    assert.equal(conditional.statusCode, 304);
  });
});

describe('public reads: form pages kept around each visitor’s token (HTTP)', () => {
  let subject: TestApp;
  let app: AppInstance;
  before(async () => {
    subject = await buildTestApp();
    app = subject.app;
  });
  after(() => subject.app.close());

  for (const path of ['/track', '/report', '/en/report']) {
    it(`${path}: visitors without a cookie each get their own token, in the cookie and in the page`, async () => {
      const answers: Answer[] = [];
      for (let visitor = 0; visitor < 3; visitor += 1) {
        answers.push(await get(app, path));
        if (visitor === 0) await sleep(1100);
      }
      const tokens = answers.map((answer) => csrfCookieOf(answer) ?? '');
      for (const [index, answer] of answers.entries()) {
        assert.equal(answer.statusCode, 200);
        const token = tokens[index] ?? '';
        assert.match(token, /^[A-Za-z0-9_-]{43}$/);
        assert.equal(formTokenIn(answer.body), token, 'the page’s form carries the cookie’s token');
        assert.equal(answer.headers.etag, undefined, 'the bytes differ per visitor: no ETag');
        assert.equal(answer.headers['content-encoding'], undefined);
        const [cookie] = setCookies(answer);
        assert.equal(setCookies(answer).length, 1);
        assert.match(cookie ?? '', new RegExp(`^ow_csrf=${token}; Path=/; HttpOnly; SameSite=Strict`));
        // The module's own headers for these pages go out with the kept copies too.
        assert.equal(answer.headers['cache-control'], 'no-store', 'never in any cache');
        assert.equal(answer.headers['referrer-policy'], 'no-referrer');
        for (const other of tokens) if (other !== token) assert.ok(!answer.body.includes(other));
      }
      assert.equal(new Set(tokens).size, 3);
      // Kept: the later visitors' pages were not rendered again (the first render's time, a second later).
      assert.equal(answers[1]?.headers['last-modified'], answers[0]?.headers['last-modified']);
      assert.equal(answers[2]?.headers['last-modified'], answers[0]?.headers['last-modified']);
      // ... and are the same bytes but for the token.
      const shapes = answers.map((answer, index) => answer.body.replaceAll(tokens[index] ?? '', '<token>'));
      assert.equal(shapes[1], shapes[0]);
      assert.equal(shapes[2], shapes[0]);
    });

    it(`${path}: a visitor with a valid ow_csrf cookie gets the page with that token and no new cookie`, async () => {
      await get(app, path);
      const own = randomBytes(32).toString('base64url');
      const answer = await get(app, path, { cookie: `ow_csrf=${own}` });
      assert.equal(answer.statusCode, 200);
      assert.equal(formTokenIn(answer.body), own);
      assert.deepEqual(setCookies(answer), []);
      // A cookie that is not a token of ours is replaced.
      const forged = await get(app, path, { cookie: 'ow_csrf=not-a-token' });
      const replaced = csrfCookieOf(forged) ?? '';
      assert.match(replaced, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(formTokenIn(forged.body), replaced);
      assert.ok(!forged.body.includes('not-a-token'));
    });
  }

  it('the look-up form posts with the token from a kept page (CSRF accepted); another token is refused', async () => {
    await get(app, '/track');
    const page = await get(app, '/track');
    const token = csrfCookieOf(page) ?? '';
    assert.equal(csrfTokenIn(page.body), token);
    const post = (formToken: string) =>
      app.inject({
        method: 'POST',
        url: '/track',
        headers: { cookie: `ow_csrf=${token}`, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          _csrf: formToken,
          caseNumber: 'KH-2026-000000',
          lookupCode: 'ABCDEFGH',
        }).toString(),
      });
    const accepted = await post(token);
    assert.notEqual(accepted.statusCode, 403);
    assert.ok(!accepted.body.includes(messageFor('CSRF_INVALID', 'zh-TW')));
    assert.match(accepted.body, /KH-2026-000000/, 'the look-up ran and answered for that number');
    const refused = await post(randomBytes(32).toString('base64url'));
    assert.equal(refused.statusCode, 403);
    assert.ok(refused.body.includes(messageFor('CSRF_INVALID', 'zh-TW')));
  });

  it('the report form (multipart) posts with the kept page’s token as its first field: CSRF accepted', async () => {
    await get(app, '/report');
    const page = await get(app, '/report');
    const token = csrfCookieOf(page) ?? '';
    const action = multipartActionOf(page.body);
    assert.doesNotMatch(action, /_csrf/, 'no token in the address (issue 14)');
    assert.equal(csrfTokenIn(page.body), token, 'the kept page carries this visitor’s own token');
    const post = (sent: string) => {
      const form = new FormData();
      form.append('_csrf', sent);
      return app.inject({
        method: 'POST',
        url: action,
        headers: { cookie: `ow_csrf=${token}` },
        payload: form,
      });
    };
    const accepted = await post(token);
    assert.notEqual(accepted.statusCode, 403, accepted.body.slice(0, 300));
    const refused = await post(randomBytes(32).toString('base64url'));
    assert.equal(refused.statusCode, 403);
  });
});

describe('public reads: what is never kept (HTTP)', () => {
  let subject: TestApp;
  let app: AppInstance;
  before(async () => {
    subject = await buildTestApp();
    app = subject.app;
  });
  after(() => subject.app.close());

  it('/track?case=…&code=… (one person’s look-up): no validators, never kept, the form at /track unchanged', async () => {
    const form = await get(app, '/track');
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const lookUp = await get(app, '/track?case=KH-2026-000001&code=WRONGCODE');
      assert.equal(lookUp.headers['last-modified'], undefined, 'not made into a kept answer');
      assert.equal(lookUp.headers.etag, undefined);
      assert.equal(lookUp.headers['cache-control'], 'no-store');
      assert.match(lookUp.body, /KH-2026-000001/);
    }
    const formAgain = await get(app, '/track');
    assert.doesNotMatch(formAgain.body, /KH-2026-000001/);
    assert.equal(
      formAgain.body.replaceAll(csrfCookieOf(formAgain) ?? '', '<token>'),
      form.body.replaceAll(csrfCookieOf(form) ?? '', '<token>'),
    );
    // A number alone (no code) is a query string too: rendered, not kept.
    const prefilled = await get(app, '/track?case=KH-2026-000002');
    assert.equal(prefilled.headers['last-modified'], undefined);
    assert.match(prefilled.body, /value="KH-2026-000002"/);
  });

  it('a signed-in staff member’s page is never kept, and never given to anyone else; nor is the kept page given to staff', async () => {
    const anonymous = await get(app, '/services');
    assert.ok(anonymous.headers.etag);
    const editor = await aSignedInMember(subject, {
      role: 'web_editor',
      displayName: `編輯 ${randomBytes(3).toString('hex')}`,
    });
    assert.ok(editor.cookies.has('ow_session'));
    const staffPage = await editor.get('/services');
    assert.equal(staffPage.statusCode, 200);
    assert.match(staffPage.body, /ow-staff-bar/);
    assert.ok(staffPage.body.includes(editor.member.displayName), 'the staff header names the member');
    assert.equal(staffPage.headers.etag, undefined);
    assert.equal(staffPage.headers['last-modified'], undefined);
    const afterStaff = await get(app, '/services');
    assert.doesNotMatch(afterStaff.body, /ow-staff-bar/);
    assert.ok(!afterStaff.body.includes(editor.member.displayName));
    assert.equal(afterStaff.headers.etag, anonymous.headers.etag);
    // A staff member's first visit to an address nobody kept yet is not kept for the next visitor either.
    const staffFirst = await editor.get('/en/services?q=road');
    assert.match(staffFirst.body, /ow-staff-bar/);
    const next = await get(app, '/en/services?q=road');
    assert.doesNotMatch(next.body, /ow-staff-bar/);
    assert.ok(!next.body.includes(editor.member.displayName));
  });

  it('a citizen’s session cookie: rendered for them, not kept', async () => {
    await get(app, '/sitemap');
    const citizen = await get(app, '/sitemap', { cookie: `ow_citizen=${randomBytes(16).toString('hex')}` });
    assert.equal(citizen.statusCode, 200);
    assert.equal(citizen.headers.etag, undefined);
    assert.equal(citizen.headers['last-modified'], undefined);
  });

  it('a 404 is not kept: the same unknown address answers 404 each time, with no validators', async () => {
    for (const url of [
      '/services/no-such-service',
      '/services/no-such-service',
      '/en/services/no-such-service',
    ]) {
      const answer = await get(app, url);
      assert.equal(answer.statusCode, 404, url);
      assert.equal(answer.headers.etag, undefined);
      assert.equal(answer.headers['last-modified'], undefined);
    }
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const api = await get(app, '/api/services/no-such-service');
      assert.equal(api.statusCode, 404);
      assert.equal(api.json().code, 'NOT_FOUND');
    }
  });
});

describe('public reads: a publication renders pages again in every process (HTTP, two apps, one database)', () => {
  let subject: TestApp;
  let other: AppInstance;
  let plain: pg.Client;
  before(async () => {
    subject = await buildTestApp();
    other = (await buildAppWithLog(subject)).app;
    await other.ready();
    plain = await connect(subject.database.connectionString);
    await waitUntil(
      () => listenerPids(plain),
      (pids) => pids.length >= 2,
      { timeoutMs: 5000, what: 'both apps listening' },
    );
  });
  after(async () => {
    await plain.end();
    await other.close();
    await subject.app.close();
  });

  it('a page kept by app B stays as it was when the data changes unannounced; a NOTIFY from a plain connection renders it again', async () => {
    const code = 'street-tree-pruning';
    const url = `/services/${code}`;
    const { nameZh } = serviceNamed(code);
    const renamed = `${nameZh}（${randomBytes(3).toString('hex')}）`;
    const first = await get(other, url);
    assert.equal(first.statusCode, 200);
    assert.match(mainOf(first.body), new RegExp(nameZh));
    await sleep(1100);
    const second = await get(other, url);
    assert.equal(second.headers.etag, first.headers.etag);
    assert.equal(second.headers['last-modified'], first.headers['last-modified'], 'kept, not rendered again');
    // Another process changes the content without announcing it: app B keeps sending what it kept.
    await plain.query(
      `update service_versions set name_zh = $1
        where service_code = $2 and version = (select current_version from services where code = $2)`,
      [renamed, code],
    );
    assert.match(mainOf((await get(subject.app, url)).body), new RegExp(renamed), 'app A renders it afresh');
    const stale = await get(other, url);
    assert.equal(stale.headers.etag, first.headers.etag);
    assert.ok(!stale.body.includes(renamed), 'app B sends its kept bytes');
    // The announcement alone, from a plain connection (nothing in this process moves a version): each
    // app's listener hears it.
    const counted = countOf('catalogue');
    await plain.query('select pg_notify($1, $2)', [publicationChannel, 'catalogue']);
    await waitUntil(
      async () => countOf('catalogue'),
      (count) => count === counted + 2,
      { timeoutMs: 5000, what: 'both apps’ listeners to hear the notification' },
    );
    const fresh = await get(other, url);
    assert.notEqual(fresh.headers.etag, first.headers.etag);
    assert.equal(fresh.statusCode, 200);
    assert.match(mainOf(fresh.body), new RegExp(renamed));
    assert.equal(fresh.headers.etag, etagOf(fresh.rawPayload));
    const again = await get(other, url);
    assert.equal(again.headers.etag, fresh.headers.etag, 'and keeps the new one');
  });

  it('a notification of another scope leaves the page kept', async () => {
    const url = '/services/road-excavation-permit';
    const kept = await get(other, url);
    assert.equal((await get(other, url)).headers.etag, kept.headers.etag);
    await plain.query(
      `update service_versions set summary_zh = summary_zh || '（未公告）'
        where service_code = 'road-excavation-permit'
          and version = (select current_version from services where code = 'road-excavation-permit')`,
    );
    const catalogue = countOf('catalogue');
    const workPlans = countOf('work-plans');
    await plain.query('select pg_notify($1, $2)', [publicationChannel, 'work-plans']);
    await waitUntil(
      async () => countOf('work-plans'),
      (count) => count === workPlans + 2,
      { timeoutMs: 5000, what: 'both apps’ listeners to hear the notification' },
    );
    assert.equal(countOf('catalogue'), catalogue);
    const still = await get(other, url);
    assert.equal(still.headers.etag, kept.headers.etag);
    assert.doesNotMatch(still.body, /（未公告）/);
  });

  it('a new version published through the catalogue service on app A shows on app B (page, list, English, API)', async () => {
    const code = 'utility-pipeline-works';
    const service = DEMO_SERVICES.find((candidate) => candidate.code === code);
    assert.ok(service);
    const marker = randomBytes(3).toString('hex');
    const urls = [`/services/${code}`, `/en/services/${code}`, '/services', `/api/services/${code}`];
    const before: Answer[] = [];
    for (const url of urls) {
      const answer = await get(other, url);
      assert.equal(answer.statusCode, 200, url);
      assert.equal((await get(other, url)).headers.etag, answer.headers.etag, `${url} kept`);
      assert.ok(!answer.body.includes(marker));
      before.push(answer);
    }
    const counted = countOf('catalogue');
    await publishServiceVersion(subject.database.db, {
      definition: {
        ...service,
        nameZh: `${service.nameZh} ${marker}`,
        nameEn: `${service.nameEn} ${marker}`,
      },
      actor: cliActor,
      now: subject.clock.now(),
    });
    for (const [index, url] of urls.entries()) {
      const fresh = await waitUntil(
        () => get(other, url),
        (answer) => answer.body.includes(marker),
        { timeoutMs: 5000, what: `${url} on app B showing the new version` },
      );
      assert.notEqual(fresh.headers.etag, before[index]?.headers.etag, url);
    }
    // Counted at once by the publisher, then once by each app's listener when the commit is announced.
    assert.ok(countOf('catalogue') >= counted + 1);
    await waitUntil(
      async () => countOf('catalogue'),
      (count) => count === counted + 3,
      { timeoutMs: 5000, what: 'the publication counted by the publisher and both listeners' },
    );
  });

  it('listenForPublications: told after the commit, never of a rolled-back publication; after its connection breaks it says * and listens again', async () => {
    const db = subject.database.db;
    const existing = new Set(await listenerPids(plain));
    const seen: string[] = [];
    const warnings: string[] = [];
    const listener = listenForPublications(subject.database.pool, (scope) => seen.push(scope), {
      warn: (_details, message) => warnings.push(message),
    });
    try {
      const ownPid = async () => (await listenerPids(plain)).find((pid) => !existing.has(pid));
      await waitUntil(ownPid, (pid) => pid !== undefined, { timeoutMs: 5000, what: 'the listener' });

      await assert.rejects(
        db.transaction(async (tx) => {
          await announcePublished(tx, 'plans');
          throw new Error('rolled back');
        }),
        /rolled back/,
      );
      await db.transaction(async (tx) => {
        await announcePublished(tx, 'work-plans');
        await sleep(300);
        assert.deepEqual(seen, [], 'nothing is told before the commit');
      });
      await waitUntil(
        async () => [...seen],
        (scopes) => scopes.length > 0,
        { timeoutMs: 5000, what: 'the notification' },
      );
      // Notifications arrive in commit order: the rolled-back one would have come first.
      assert.deepEqual(seen, ['work-plans']);

      const pid = await ownPid();
      await plain.query('select pg_terminate_backend($1)', [pid]);
      await waitUntil(
        async () => [...seen],
        (scopes) => scopes.includes('*'),
        { timeoutMs: 5000, what: "'*' after the connection broke" },
      );
      assert.ok(warnings.includes('publication listener lost'), warnings.join('; '));
      const newPid = await waitUntil(ownPid, (found) => found !== undefined && found !== pid, {
        timeoutMs: 5000,
        what: 'the listener connected again',
      });
      assert.notEqual(newPid, pid);
      await plain.query('select pg_notify($1, $2)', [publicationChannel, 'reports']);
      await waitUntil(
        async () => [...seen],
        (scopes) => scopes.includes('reports'),
        { timeoutMs: 5000, what: 'a notification after reconnecting' },
      );
    } finally {
      await listener.close();
    }
    await waitUntil(
      () => listenerPids(plain),
      (pids) => pids.every((pid) => existing.has(pid)),
      { timeoutMs: 5000, what: 'the closed listener’s connection gone' },
    );
  });
});

/**
 * Sends a request whose render waits on the test's lock of the catalogue's table, once it is waiting (the
 * render gate's place held until the lock goes).
 */
async function heldUp(
  app: AppInstance,
  watcher: pg.Client,
  url: string,
): Promise<{ answer: Promise<Answer> }> {
  const answer = sent(app, url);
  let early: number | undefined;
  void answer.then((done) => {
    early = done.statusCode;
  });
  await waitUntil(
    async () => ({ early, sessions: await sessions(watcher) }),
    (value) => someoneWaitsOnALock(value.sessions),
    { timeoutMs: 5000, what: `the render of ${url} waiting on the lock` },
  );
  // Wrapped: an async function returning a promise would wait for it.
  return { answer };
}

describe('public reads: the render gate (HTTP, RENDER_CONCURRENCY=1, RENDER_QUEUE=0)', () => {
  let subject: TestApp;
  let app: AppInstance;
  let locker: pg.Client;
  // Another connection to watch the sessions (in the locker's transaction, pg_stat_activity is a snapshot).
  let watcher: pg.Client;
  before(async () => {
    subject = await buildTestApp({ environment: { RENDER_CONCURRENCY: '1', RENDER_QUEUE: '0' } });
    app = subject.app;
    locker = await connect(subject.database.connectionString);
    watcher = await connect(subject.database.connectionString);
  });
  after(async () => {
    await locker.query('rollback').catch(() => undefined);
    await locker.end();
    await watcher.end();
    await subject.app.close();
  });

  it('one render held up: the same address waits for it, another gets 503 with Retry-After in its language; then all succeed', async () => {
    assert.equal(subject.config.renderConcurrency, 1);
    assert.equal(subject.config.renderQueue, 0);
    // A render held up deterministically: the catalogue's table locked until the test lets go.
    await locker.query('begin');
    await locker.query('lock table services in access exclusive mode');
    let released = false;
    try {
      const held = (await heldUp(app, watcher, '/services?q=road')).answer;
      const sameAddress = sent(app, '/services?q=road');

      const refused = await get(app, '/services?q=lamp');
      assert.equal(refused.statusCode, 503);
      assert.equal(refused.headers['retry-after'], '2');
      assert.match(String(refused.headers['content-type']), /^text\/html/);
      assert.match(refused.body, /^<!doctype html><html lang="zh-Hant-TW"/);
      assert.match(refused.body, /<title>服務暫時無法使用 - /);
      assert.match(
        refused.body,
        /目前瀏覽人數眾多，請於幾秒後再試一次。/,
        'the gate says why, not the generic text',
      );
      assert.doesNotMatch(refused.body, /可能沒有儲存/);
      assert.match(refused.body, /class="ow-request-id">[0-9a-f-]{36}</);
      assert.equal(refused.headers.etag, undefined);

      const english = await get(app, '/en/services?q=lamp');
      assert.equal(english.statusCode, 503);
      assert.equal(english.headers['retry-after'], '2');
      assert.match(english.body, /^<!doctype html><html lang="en"/);
      assert.match(english.body, /<title>Sorry, the service is unavailable - /);
      assert.match(english.body, /Many people are reading this page right now/);

      const api = await get(app, '/api/services?q=lamp');
      assert.equal(api.statusCode, 503);
      assert.equal(api.headers['retry-after'], '2');
      assert.match(String(api.headers['content-type']), /^application\/json/);
      assert.equal(api.json().code, 'SERVICE_UNAVAILABLE');
      assert.match(api.json().message, /目前瀏覽人數眾多/);
      assert.equal(typeof api.json().requestId, 'string');

      // What is not a public read is not held back by the gate.
      const health = await get(app, '/healthz');
      assert.equal(health.statusCode, 200);

      await locker.query('commit');
      released = true;
      const [first, second] = await Promise.all([held, sameAddress]);
      assert.equal(first.statusCode, 200);
      assert.equal(second.statusCode, 200, 'the same address waited for the render instead of a 503');
      assert.equal(second.body, first.body);
      assert.equal(second.headers.etag, first.headers.etag);
    } finally {
      if (!released) await locker.query('rollback');
    }
    for (const url of ['/services?q=lamp', '/en/services?q=lamp', '/api/services?q=lamp']) {
      const answer = await get(app, url);
      assert.equal(answer.statusCode, 200, url);
      assert.equal(answer.headers['retry-after'], undefined);
    }
    // A kept answer needs no render: sent even while the gate is full.
    await locker.query('begin');
    await locker.query('lock table services in access exclusive mode');
    try {
      const held = (await heldUp(app, watcher, '/services?q=bridge')).answer;
      const kept = await get(app, '/services?q=lamp');
      assert.equal(kept.statusCode, 200);
      assert.equal((await get(app, '/services?q=tree')).statusCode, 503);
      await locker.query('commit');
      assert.equal((await held).statusCode, 200);
    } finally {
      await locker.query('rollback').catch(() => undefined);
    }
  });
});

describe('public reads: visitors who leave while waiting for a render (real sockets, RENDER_CONCURRENCY=1)', () => {
  let subject: TestApp;
  let locker: pg.Client;
  let watcher: pg.Client;
  let origin: string;
  before(async () => {
    subject = await buildTestApp({ environment: { RENDER_CONCURRENCY: '1', RENDER_QUEUE: '4' } });
    await subject.app.listen({ host: '127.0.0.1', port: 0 });
    const address = subject.app.server.address();
    assert.ok(address !== null && typeof address === 'object');
    origin = `http://127.0.0.1:${address.port}`;
    locker = await connect(subject.database.connectionString);
    watcher = await connect(subject.database.connectionString);
  });
  after(async () => {
    await locker.query('rollback').catch(() => undefined);
    await locker.end();
    await watcher.end();
    await subject.app.close();
  });

  it('their places go to the next at once: the gate is not left full after a crowd stops', async () => {
    await locker.query('begin');
    await locker.query('lock table services in access exclusive mode');
    const held = (await heldUp(subject.app, watcher, '/services?q=road')).answer;
    // Three visitors queue behind it, then give up (a load tool stopping, a phone losing signal).
    const leaving = ['/services?q=lamp', '/services?q=tree', '/en/services?q=lamp'].map((url) => {
      const controller = new AbortController();
      const request = fetch(`${origin}${url}`, { signal: controller.signal }).then(
        () => 'answered',
        () => 'gone',
      );
      return { controller, request };
    });
    await sleep(300);
    for (const visitor of leaving) visitor.controller.abort();
    assert.deepEqual(await Promise.all(leaving.map((visitor) => visitor.request)), ['gone', 'gone', 'gone']);
    await locker.query('commit');
    assert.equal((await held).statusCode, 200);
    // Before the fix each of the three kept a place for good: the next render waited for ever.
    for (const url of ['/services?q=bridge', '/services?q=drain', '/en/services?q=bridge']) {
      const answer = await fetch(`${origin}${url}`, { signal: AbortSignal.timeout(5000) });
      assert.equal(answer.status, 200, url);
      assert.match(await answer.text(), /<main/);
    }
  });

  it('an Open311 list refused by the full gate is a 503 with Retry-After in the Open311 error format', async () => {
    await locker.query('begin');
    await locker.query('lock table services in access exclusive mode');
    try {
      const held = (await heldUp(subject.app, watcher, '/services?q=culvert')).answer;
      const queued = ['/services?q=a', '/services?q=b', '/services?q=c', '/services?q=d'].map((url) =>
        fetch(`${origin}${url}`).then((answer) => answer.status),
      );
      await sleep(300);
      const refused = await fetch(`${origin}/open311/v2/requests.json`);
      assert.equal(refused.status, 503);
      assert.equal(refused.headers.get('retry-after'), '2');
      const body = (await refused.json()) as Array<{ code: number; description: string }>;
      assert.equal(body[0]?.code, 503);
      assert.equal(body[0]?.description, messageFor('SERVICE_UNAVAILABLE', 'en'));
      await locker.query('commit');
      assert.equal((await held).statusCode, 200);
      assert.deepEqual(await Promise.all(queued), [200, 200, 200, 200]);
    } finally {
      await locker.query('rollback').catch(() => undefined);
    }
  });
});

describe('public reads: kept answers sent before Fastify (ADR 0023, real sockets)', () => {
  let subject: TestApp;
  let app: AppInstance;
  let log: () => string;
  let base: string;
  before(async () => {
    subject = await buildTestApp();
    ({ app, log } = await buildAppWithLog(subject));
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  after(async () => {
    await app.close();
    await subject.app.close();
  });

  const over = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    overSocket(base, path, headers, method);

  /** Asks until the answer comes from the fast path (the first asks render it and keep it). */
  async function sentFirst(path: string, headers: Record<string, string> = {}, method = 'GET') {
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const before = app.keptAnswersSentFirst();
      const answer = await over(path, headers, method);
      if (app.keptAnswersSentFirst() === before + 1) return answer;
    }
    assert.fail(`${method} ${path}: never answered before Fastify`);
  }

  const token = randomBytes(32).toString('base64url');
  const visitor = { cookie: `ow_csrf=${token}` };

  it('every listed address: the kept answer sent before Fastify is the one Fastify sends, bytes and headers', async () => {
    const reads = buildRegistry(modules, {
      staffAreas: platformStaffAreas,
      auditActions: platformAuditActions,
      publicReads: platformPublicReads,
    }).publicReads;
    const addresses = reads
      .filter((read) => read.keepsOwnAnswers !== true)
      .flatMap((read) =>
        (read.examples ?? (read.route.includes(':') ? [] : [read.route]))
          .filter((example) => !(read.query === 'none' && example.includes('?')))
          .flatMap((example) =>
            read.oneLanguage === true ? [example] : [example, localePath('en', example)],
          ),
      );
    assert.ok(addresses.length >= 40, `${addresses.length} addresses`);
    const compared: string[] = [];
    for (const address of addresses) {
      const rendered = await over(address, visitor);
      if (rendered.status !== 200) continue; // (an example the test database lacks: nothing to keep)
      const first = await sentFirst(address, visitor);
      const throughFastify = await app.inject({ method: 'GET', url: address, headers: visitor });
      assert.equal(first.status, throughFastify.statusCode, address);
      assert.ok(first.body.equals(throughFastify.rawPayload), `${address}: the same bytes`);
      assert.deepEqual(comparable(first.headers), comparable(throughFastify.headers), address);
      assert.match(
        String(first.headers['x-request-id']),
        /^[0-9a-f-]{36}$/,
        `${address}: its own request id`,
      );
      assert.notEqual(first.headers['x-request-id'], throughFastify.headers['x-request-id']);
      compared.push(address);
    }
    assert.ok(
      compared.length >= 40,
      `compared ${compared.length} of ${addresses.length}: ${compared.join(' ')}`,
    );
    for (const address of ['/', '/services', '/en/services', '/track', '/report', '/sitemap'])
      assert.ok(compared.includes(address), `${address} compared`);
  });

  it('HEAD, If-None-Match (304) and Brotli: as Fastify answers them', async () => {
    const path = '/en/services';
    await over(path);
    const get = await sentFirst(path);
    const head = await sentFirst(path, {}, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.deepEqual(comparable(head.headers), comparable(get.headers), 'HEAD: the GET’s headers');
    assert.equal(Number(head.headers['content-length']), get.body.length);
    const etag = String(get.headers.etag);
    const notModified = await sentFirst(path, { 'if-none-match': etag });
    assert.equal(notModified.status, 304);
    assert.equal(notModified.body.length, 0);
    const notModifiedThroughFastify = await app.inject({ url: path, headers: { 'if-none-match': etag } });
    assert.equal(notModifiedThroughFastify.statusCode, 304);
    assert.deepEqual(comparable(notModified.headers), comparable(notModifiedThroughFastify.headers));
    const br = await sentFirst(path, { 'accept-encoding': 'br, gzip' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.ok(brotliDecompressSync(br.body).equals(get.body), 'the same page, compressed');
    const brThroughFastify = await app.inject({ url: path, headers: { 'accept-encoding': 'br, gzip' } });
    assert.deepEqual(comparable(br.headers), comparable(brThroughFastify.headers));
  });

  it('a form page: each visitor without a cookie gets a token of their own, in the cookie and the page', async () => {
    await over('/track');
    const one = await sentFirst('/track');
    const two = await sentFirst('/track');
    const tokenOf = (answer: { headers: http.IncomingHttpHeaders }) =>
      /ow_csrf=([A-Za-z0-9_-]{43});/.exec(String(answer.headers['set-cookie']))?.[1] ?? '';
    assert.notEqual(tokenOf(one), '');
    assert.notEqual(tokenOf(one), tokenOf(two));
    assert.equal(csrfTokenIn(one.body.toString()), tokenOf(one));
    assert.equal(csrfTokenIn(two.body.toString()), tokenOf(two));
    assert.equal(one.headers['cache-control'], 'no-store', 'the private scope’s header, kept');
    assert.equal(one.headers['referrer-policy'], 'no-referrer');
    assert.match(String(one.headers['content-security-policy']), /default-src 'self'/);
  });

  it('a form page as browsers ask (gzip, br): gzip spliced around each visitor’s own token, as Fastify sends it', async () => {
    const browser = { 'accept-encoding': 'gzip, deflate, br, zstd' };
    for (const path of ['/report', '/en/report', '/track']) {
      await over(path);
      const plain = await sentFirst(path, visitor);
      const zipped = await sentFirst(path, { ...visitor, ...browser });
      assert.equal(zipped.status, 200);
      assert.equal(zipped.headers['content-encoding'], 'gzip', `${path}: Brotli asked first, gzip sent`);
      assert.equal(zipped.headers.vary, 'Accept-Encoding');
      assert.equal(Number(zipped.headers['content-length']), zipped.body.length);
      assert.ok(
        gunzipSync(zipped.body).equals(plain.body),
        `${path}: the same page, the visitor’s token in it`,
      );
      assert.ok(
        zipped.body.length < plain.body.length / 2,
        `${path}: ${zipped.body.length} of ${plain.body.length}`,
      );
      assert.equal(csrfTokenIn(gunzipSync(zipped.body).toString()), token);
      // A new visitor: a token of their own, in the cookie and in the compressed page.
      const stranger = await sentFirst(path, browser);
      const own = /ow_csrf=([A-Za-z0-9_-]{43});/.exec(String(stranger.headers['set-cookie']))?.[1] ?? '';
      assert.notEqual(own, '');
      assert.notEqual(own, token);
      assert.equal(csrfTokenIn(gunzipSync(stranger.body).toString()), own);
      const throughFastify = await app.inject({ url: path, headers: { ...visitor, ...browser } });
      assert.ok(throughFastify.rawPayload.equals(zipped.body), `${path}: Fastify sends the same bytes`);
      assert.deepEqual(comparable(zipped.headers), comparable(throughFastify.headers), path);
      // Only Brotli taken: the bytes as they are.
      const brOnly = await sentFirst(path, { ...visitor, 'accept-encoding': 'br' });
      assert.equal(brOnly.headers['content-encoding'], undefined);
      assert.ok(brOnly.body.equals(plain.body));
    }
  });

  it('what the fast path leaves to Fastify: session cookies, a query on a `none` route, other methods, addresses not kept', async () => {
    await over('/services');
    await sentFirst('/services');
    const before = app.keptAnswersSentFirst();
    const withSession = await over('/services', { cookie: 'ow_session=not-a-session' });
    assert.equal(withSession.status, 200);
    const lookUp = await over('/track?case=KH-2026-000001&code=WRONGCODE');
    assert.equal(lookUp.headers['cache-control'], 'no-store');
    const post = await over('/services', {}, 'POST');
    assert.equal(post.status, 404);
    const unknown = await over(`/services/${randomBytes(4).toString('hex')}`);
    assert.equal(unknown.status, 404);
    assert.equal(app.keptAnswersSentFirst(), before, 'none of these went out before Fastify');
    // The large text is an address of its own: rendered once, then sent first too.
    await over('/services', { cookie: 'ow_font_size=large' });
    const large = await sentFirst('/services', { cookie: 'ow_font_size=large' });
    assert.match(large.body.toString(), /ow-font-size--large/);
  });

  it('its log line: the route, never the address asked (a query string can hold a phone number)', async () => {
    const phone = `09${randomBytes(4).readUInt32BE(0).toString().padStart(8, '0').slice(0, 8)}`;
    const path = `/services?q=${phone}`;
    await over(path);
    const answer = await sentFirst(path);
    const requestId = String(answer.headers['x-request-id']);
    const line = log()
      .split('\n')
      .filter((entry) => entry.includes(requestId))
      .map((entry) => JSON.parse(entry) as Record<string, unknown>);
    assert.equal(line.length, 1, 'one line for the request');
    assert.deepEqual(
      { method: line[0]?.method, path: line[0]?.path, statusCode: line[0]?.statusCode, msg: line[0]?.msg },
      { method: 'GET', path: '/services', statusCode: 200, msg: 'request' },
    );
    assert.equal(typeof line[0]?.durationMs, 'number');
    assert.ok(!log().includes(phone), 'the query string is not logged');
  });
});

describe('public reads: the answers polled lists keep for themselves, sent before Fastify (real sockets)', () => {
  let subject: TestApp;
  let app: AppInstance;
  let base: string;
  before(async () => {
    subject = await buildTestApp({ environment: { PUBLIC_API_CACHE_SECONDS: '5' } });
    for (let index = 0; index < 6; index += 1)
      await reportAs(subject, { latitude: 22.62 + index / 1000, longitude: 120.31 + index / 1000 });
    ({ app } = await buildAppWithLog(subject));
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  after(async () => {
    await app.close();
    await subject.app.close();
  });

  const over = (path: string, headers: Record<string, string> = {}) => overSocket(base, path, headers);

  for (const address of [
    '/open311/v2/requests.json',
    '/open311/v2/requests.xml?service_code=pothole-report',
    '/open311/v2/servicerequestupdates.json',
    '/open311/v2/servicerequestupdates.xml',
    '/api/reports.geojson?bbox=120.2,22.5,120.4,22.7',
  ]) {
    it(`${address}: once kept, sent before Fastify, plain and compressed, as Fastify sends it`, async () => {
      const first = await over(address);
      assert.equal(first.status, 200);
      assert.equal(first.headers['x-cache'], 'miss');
      const before = app.keptAnswersSentFirst();
      const second = await over(address); // asked again: computed and kept
      assert.equal(second.headers['x-cache'], 'miss');
      assert.equal(app.keptAnswersSentFirst(), before, 'not kept yet: Fastify answered');
      let sentFirst = before;
      for (const headers of <Record<string, string>[]>[
        {},
        { 'accept-encoding': 'gzip, deflate, br, zstd' },
        { 'accept-encoding': 'gzip' },
      ]) {
        const early = await over(address, headers);
        sentFirst += 1;
        assert.equal(
          app.keptAnswersSentFirst(),
          sentFirst,
          `${address} ${JSON.stringify(headers)}: before Fastify`,
        );
        const throughFastify = await app.inject({ method: 'GET', url: address, headers });
        assert.equal(early.status, 200);
        assert.equal(early.headers['x-cache'], 'hit');
        assert.ok(early.body.equals(throughFastify.rawPayload), `${address}: the same bytes`);
        assert.deepEqual(comparable(early.headers), comparable(throughFastify.headers), address);
        const encoding = early.headers['content-encoding'];
        const plain =
          encoding === 'br'
            ? brotliDecompressSync(early.body)
            : encoding === 'gzip'
              ? gunzipSync(early.body)
              : early.body;
        assert.ok(plain.equals(second.body), `${address}: the kept list itself`);
        // Compressed when asked for and worth it (from 1 KiB: the updates of six new reports are less).
        if ('accept-encoding' in headers && second.body.length >= 1024)
          assert.ok(encoding === 'br' || encoding === 'gzip', `${address}: compressed`);
        else assert.equal(encoding, undefined);
      }
    });
  }

  it('an address not kept, a session cookie, another method: left to Fastify', async () => {
    const before = app.keptAnswersSentFirst();
    const fresh = await over('/open311/v2/requests.json?page_size=7');
    assert.equal(fresh.headers['x-cache'], 'miss');
    await over('/open311/v2/requests.json');
    await over('/open311/v2/requests.json');
    const counted = app.keptAnswersSentFirst();
    const withSession = await over('/open311/v2/requests.json', { cookie: 'ow_session=not-a-session' });
    assert.equal(withSession.headers['x-cache'], 'hit');
    assert.equal(app.keptAnswersSentFirst(), counted, 'a session cookie: Fastify answers');
    assert.ok(counted >= before);
  });
});

/** A request over a real socket to `base`, as a browser sends it, with the answer's raw headers and bytes. */
function overSocket(base: string, path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const request = http.request(`${base}${path}`, { method, headers, agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end();
    },
  );
}

/** The headers that belong to the answer, not to the connection or the request (date, request id). */
function comparable(headers: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(headers)
      .filter(([name]) => !['date', 'connection', 'keep-alive', 'x-request-id'].includes(name))
      .map(([name, value]) => [name, String(value)])
      .sort(([left = ''], [right = '']) => left.localeCompare(right)),
  );
}
