import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildAppWithLog, buildTestApp, type TestApp } from '../test/helpers/test-app.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createDatabase } from './platform/db/database.ts';
import { systemClock } from './platform/http/clock.ts';

describe('the application shell (HTTP)', () => {
  let subject: TestApp;
  before(async () => {
    subject = await buildTestApp({ environment: { BODY_LIMIT_BYTES: '2048' } });
  });
  after(() => subject.app.close());

  /** A POST from a JSON client (accept: application/json) with this content type and body. */
  const postAsJsonClient = (url: string, contentType: string, payload: string) =>
    subject.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': contentType, accept: 'application/json' },
      payload,
    });

  it('GET /healthz → 200 { status: ok } with a request id header', async () => {
    const response = await subject.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().status, 'ok');
    assert.equal(typeof response.json().uptimeSeconds, 'number');
    assert.match(String(response.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });

  it('over the network, GET and HEAD /healthz are answered before Fastify: the route’s status and body, a JSON probe’s headers; POST is not', async () => {
    await subject.app.listen({ host: '127.0.0.1', port: 0 });
    const address = subject.app.server.address();
    assert.ok(address !== null && typeof address === 'object');
    const url = `http://127.0.0.1:${address.port}/healthz`;
    const routeAnswer = await subject.app.inject({ method: 'GET', url: '/healthz' });
    const probe = await fetch(url);
    assert.equal(probe.status, 200);
    const body = (await probe.json()) as { status: string; uptimeSeconds: number };
    assert.deepEqual(Object.keys(body), Object.keys(routeAnswer.json()));
    assert.equal(body.status, 'ok');
    assert.ok(
      Math.abs(body.uptimeSeconds - Math.round(process.uptime())) <= 1,
      `uptime ${body.uptimeSeconds}`,
    );
    assert.equal(probe.headers.get('content-type'), routeAnswer.headers['content-type']);
    assert.equal(probe.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(probe.headers.get('x-request-id'), null, 'the fast path, not the route (which sends an id)');
    const head = await fetch(url, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    assert.equal(head.headers.get('content-length'), probe.headers.get('content-length'));
    // Anything but a plain GET or HEAD of /healthz goes to Fastify: the one error shape, the route.
    const post = await fetch(url, { method: 'POST' });
    assert.equal(post.status, 404);
    assert.equal(((await post.json()) as { code: string }).code, 'NOT_FOUND');
    const withQuery = await fetch(`${url}?x=1`);
    assert.equal(withQuery.status, 200);
    assert.match(String(withQuery.headers.get('x-request-id')), /^[0-9a-f-]{36}$/, 'the route answered');
  });

  it('every route’s schema validators compile (they are compiled on first use, or all at once at start)', async () => {
    const compiled = await subject.app.compilePendingValidators();
    assert.ok(compiled > 100, `compiled ${compiled} validators`);
    assert.equal(await subject.app.compilePendingValidators(), 0, 'nothing left the second time');
    // A compiled validator still gives every problem at once, and coerces as the app's Ajv options say.
    const response = await subject.app.inject({
      method: 'GET',
      url: `/api/services?online=${'y'.repeat(11)}&q=${'x'.repeat(201)}`,
      headers: { accept: 'application/json' },
    });
    assert.equal(response.statusCode, 400);
    const fields = (response.json() as { errors: { field: string }[] }).errors.map((error) => error.field);
    assert.deepEqual(fields.sort(), ['querystring.online', 'querystring.q']);
    const version = await subject.app.inject({
      method: 'GET',
      url: '/api/services/road-excavation-permit?version=1',
    });
    assert.equal(version.statusCode, 200, 'version=1 coerced to an integer');
  });

  it('GET /readyz → 200 when the database answers', async () => {
    const response = await subject.app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ready', database: 'ok' });
  });

  it('GET /api/openapi.json → an OpenAPI 3.1 document listing the JSON endpoints and no HTML pages', async () => {
    const response = await subject.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(response.statusCode, 200);
    const document = response.json();
    assert.equal(document.openapi, '3.1.0');
    assert.ok(document.paths['/healthz']?.get, 'healthz documented');
    assert.ok(document.paths['/readyz']?.get, 'readyz documented');
    assert.equal(document.paths['/'], undefined, 'pages are not in the API document');
  });

  it('GET /api/docs and /en/api/docs → a readable page listing the endpoints', async () => {
    const chinese = await subject.app.inject({ method: 'GET', url: '/api/docs' });
    assert.equal(chinese.statusCode, 200);
    assert.match(chinese.body, /API 說明文件/);
    assert.match(chinese.body, /<code>\/readyz<\/code>/);
    const english = await subject.app.inject({ method: 'GET', url: '/en/api/docs' });
    assert.match(english.body, /API documentation/);
    assert.match(english.body, /lang="en"/);
  });

  it('unknown API route → 404 in the one JSON error shape', async () => {
    const response = await subject.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    assert.equal(response.statusCode, 404);
    const body = response.json();
    assert.equal(body.code, 'NOT_FOUND');
    assert.equal(typeof body.message, 'string');
    assert.deepEqual(body.errors, []);
    assert.equal(body.requestId, response.headers['x-request-id']);
  });

  it('malformed JSON → 400 MALFORMED_REQUEST with a clear message and no stack trace', async () => {
    const response = await postAsJsonClient('/staff/sign-in', 'application/json', '{"email": "x@y",');
    assert.equal(response.statusCode, 400);
    const body = response.json();
    assert.equal(body.code, 'MALFORMED_REQUEST');
    assert.match(body.message, /格式錯誤/);
    assert.doesNotMatch(response.body, /at .*\.ts:\d+/);
  });

  it('an oversized body → 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await postAsJsonClient(
      '/en/staff/sign-in',
      'application/x-www-form-urlencoded',
      `email=${'a'.repeat(5000)}`,
    );
    assert.equal(response.statusCode, 413);
    assert.equal(response.json().code, 'PAYLOAD_TOO_LARGE');
    assert.equal(response.json().message, 'What was sent is too large.');
  });

  it('an unsupported content type → 415 in the error shape', async () => {
    const response = await postAsJsonClient('/staff/sign-in', 'application/x-unknown', 'x');
    assert.equal(response.statusCode, 415);
    assert.equal(response.json().code, 'UNSUPPORTED_MEDIA_TYPE');
    assert.equal(response.json().requestId, response.headers['x-request-id']);
  });

  it('every response carries a strict Content-Security-Policy and the other security headers', async () => {
    const response = await subject.app.inject({ method: 'GET', url: '/' });
    const policy = String(response.headers['content-security-policy']);
    assert.match(policy, /default-src 'self'/);
    assert.match(policy, /script-src 'self'(;|$)/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
    assert.match(policy, /frame-ancestors 'none'/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['x-frame-options'], 'DENY');
    const json = await subject.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(json.headers['content-security-policy'], policy, 'API responses carry the policy too');
  });
});

describe('readiness when the database is gone', () => {
  it('GET /readyz → 503 { status: unavailable }, GET /healthz still 200', async () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://nobody:none@127.0.0.1:1/none' });
    const database = createDatabase({
      connectionString: 'postgres://nobody:none@127.0.0.1:1/none',
      maxConnections: 1,
      idleTimeoutMs: 100,
      connectionTimeoutMs: 500,
      statementTimeoutMs: 500,
    });
    const app = await buildApp({ config, db: database.db, pool: database.pool, clock: systemClock });
    try {
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      assert.equal(ready.statusCode, 503);
      assert.deepEqual(ready.json(), { status: 'unavailable', database: 'unreachable' });
      const health = await app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(health.statusCode, 200);
      assert.equal(health.json().status, 'ok');
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describe('the request log names route patterns, never the values in an address', () => {
  it('a confirmation token, a report number, a name typed into an address and a refused form leave no trace', async () => {
    const subject = await buildTestApp();
    const { app, log: readLog } = await buildAppWithLog(subject);
    try {
      const token = 'Zx8QmT3vN7pLk2Wc9RbYf4Hd';
      await app.inject({ method: 'GET', url: `/report/confirm/${token}` });
      await app.inject({ method: 'GET', url: '/reports/1150302-0042' });
      await app.inject({ method: 'GET', url: `/no-such-page/${encodeURIComponent('王小明')}/0912345678` });
      const refused = await app.inject({
        method: 'POST',
        url: '/report?email=wang%40example.tw',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'name=王小明&email=wang@example.tw&phone=0912345678&address=高雄市苓雅區四維三路2號',
      });
      assert.ok(refused.statusCode >= 400, `refused: ${refused.statusCode}`);
      const log = readLog();
      assert.match(log, /"path":"\/report\/confirm\/:token"/);
      assert.match(log, /"path":"\/reports\/:number"/);
      assert.match(log, /"path":"\/no-such-page\/… \(no route\)"/);
      assert.match(log, /"path":"\/report","statusCode":4\d\d/);
      for (const secret of [
        token,
        '1150302-0042',
        '王小明',
        '%E7%8E%8B',
        '0912345678',
        'wang@example',
        'wang%40',
        '四維三路',
      ])
        assert.ok(!log.includes(secret), `${secret} is not logged`);
    } finally {
      await app.close();
      await subject.app.close();
    }
  });
});
