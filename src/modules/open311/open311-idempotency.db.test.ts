import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { cases } from '../cases/index.ts';
import { anApiKey } from './open311-test-support.ts';

/**
 * Issue 13: GeoReport v2 POST with an Idempotency-Key files one report per key, however often a client sends
 * it (a retry after a timeout, copies at once); a key reused for another request is 409 in Open311's format.
 */
describe('Open311 POST with an Idempotency-Key', () => {
  let subject: TestApp;
  let key: string;
  let otherKey: string;
  before(async () => {
    subject = await buildTestApp();
    key = await anApiKey(subject, 'idempotent-client');
    otherKey = await anApiKey(subject, 'another-client');
  });
  after(() => subject.app.close());

  const post = (format: 'json' | 'xml', fields: Record<string, string>, idempotencyKey?: string) =>
    subject.app.inject({
      method: 'POST',
      url: `/open311/v2/requests.${format}`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }),
      },
      payload: new URLSearchParams(fields).toString(),
    });
  const pothole = (email: string, overrides: Record<string, string> = {}) => ({
    api_key: key,
    service_code: 'pothole-report',
    lat: '22.620345',
    long: '120.312012',
    description: '機車道有一個約 50 公分的坑洞',
    'attribute[size]': 'large',
    email,
    ...overrides,
  });
  const reportsOf = async (email: string) =>
    (await subject.database.db.select({ n: count() }).from(cases).where(eq(cases.applicantEmail, email)))[0]
      ?.n ?? 0;
  const numberOf = (body: string) =>
    (JSON.parse(body) as { service_request_id: string }[])[0]?.service_request_id;

  it('the same key and request again → the first report’s number, marked replayed; one report', async () => {
    const email = `open311.${randomUUID()}@example.tw`;
    const idempotencyKey = randomUUID();
    const first = await post('json', pothole(email), idempotencyKey);
    assert.equal(first.statusCode, 200, first.body);
    const again = await post('json', pothole(email), idempotencyKey);
    assert.equal(again.statusCode, 200, again.body);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.match(numberOf(first.body) ?? '', /^\d{7}-\d{4}$/);
    assert.equal(numberOf(again.body), numberOf(first.body));
    assert.equal(await reportsOf(email), 1);
  });

  it('copies sent at once → one report', async () => {
    const email = `open311.${randomUUID()}@example.tw`;
    const idempotencyKey = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => post('json', pothole(email), idempotencyKey)),
    );
    assert.deepEqual(
      answers.map((answer) => answer.statusCode),
      [200, 200, 200, 200, 200],
    );
    assert.equal(new Set(answers.map((answer) => numberOf(answer.body))).size, 1);
    assert.equal(await reportsOf(email), 1);
  });

  it('the key with another request → 409 in Open311’s error format; another client’s same key is its own', async () => {
    const email = `open311.${randomUUID()}@example.tw`;
    const idempotencyKey = randomUUID();
    assert.equal((await post('json', pothole(email), idempotencyKey)).statusCode, 200);
    const reused = await post('json', pothole(email, { description: '另一個坑洞' }), idempotencyKey);
    assert.equal(reused.statusCode, 409, reused.body);
    const [error] = JSON.parse(reused.body) as { code: number; description: string }[];
    assert.equal(error?.code, 409);
    assert.match(error?.description ?? '', /Idempotency-Key was already used/);
    const asXml = await post('xml', pothole(email), idempotencyKey);
    assert.equal(asXml.statusCode, 409, 'the same parameters as XML are another request');
    assert.equal(await reportsOf(email), 1);
    const theirs = await post('json', pothole(email, { api_key: otherKey }), idempotencyKey);
    assert.equal(theirs.statusCode, 200, theirs.body);
    assert.equal(await reportsOf(email), 2);
  });

  it('an unusable key → 400, nothing filed; no key → filed each time as before', async () => {
    const email = `open311.${randomUUID()}@example.tw`;
    const bad = await post('json', pothole(email), 'has space');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Idempotency-Key must be 1 to 255 visible ASCII characters/);
    assert.equal(await reportsOf(email), 0);
    assert.equal((await post('json', pothole(email))).statusCode, 200);
    assert.equal((await post('json', pothole(email))).statusCode, 200);
    assert.equal(await reportsOf(email), 2);
  });
});
