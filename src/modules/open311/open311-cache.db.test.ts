import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { anApiKey } from './open311-test-support.ts';

describe('Open311: the answer cache of the request list (PUBLIC_API_CACHE_SECONDS)', () => {
  let subject: TestApp;
  let key: string;
  before(async () => {
    subject = await buildTestApp({ environment: { PUBLIC_API_CACHE_SECONDS: '5' } });
    key = await anApiKey(subject, 'cache-test');
  });
  after(() => subject.app.close());

  const file = async (description: string) => {
    const response = await subject.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      payload: new URLSearchParams({
        api_key: key,
        service_code: 'pothole-report',
        lat: '22.620345',
        long: '120.312012',
        description,
        'attribute[size]': 'large',
      }).toString(),
    });
    assert.equal(response.statusCode, 200, response.body);
    return (response.json() as { service_request_id: string }[])[0]?.service_request_id;
  };
  const list = (url = '/open311/v2/requests.json?service_code=pothole-report') =>
    subject.app.inject({ method: 'GET', url });
  const numbersOf = (body: string) =>
    (JSON.parse(body) as { service_request_id: string }[]).map((entry) => entry.service_request_id);

  it('answers the same address with the same bytes for 5 seconds, then reads again', async () => {
    const first = await file('第一個坑洞');
    const miss = await list();
    assert.equal(miss.headers['x-cache'], 'miss');
    assert.deepEqual(numbersOf(miss.body), [first]);

    const second = await file('第二個坑洞');
    const hit = await list();
    assert.equal(hit.headers['x-cache'], 'hit');
    assert.equal(hit.body, miss.body, 'the same bytes, without the report filed a moment ago');
    assert.equal(hit.headers['content-type'], miss.headers['content-type']);
    assert.equal(hit.headers['access-control-allow-origin'], '*');

    const other = await list('/open311/v2/requests.xml?service_code=pothole-report');
    assert.equal(other.headers['x-cache'], 'miss', 'another address (format) is another answer');
    assert.match(other.body, new RegExp(second ?? 'none'));

    subject.clock.advance(5_001);
    const fresh = await list();
    assert.equal(fresh.headers['x-cache'], 'miss');
    assert.deepEqual(numbersOf(fresh.body), [second, first]);
  });

  it('never keeps an error', async () => {
    const bad = await list('/open311/v2/requests.json?start_date=yesterday');
    assert.equal(bad.statusCode, 400);
    const again = await list('/open311/v2/requests.json?start_date=yesterday');
    assert.equal(again.statusCode, 400);
    assert.equal(again.headers['x-cache'], undefined);
  });
});
