import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { buildTestApp } from '../../../test/helpers/test-app.ts';

const { app } = await buildTestApp();
after(() => app.close());

describe('GET /api/geo/locate', () => {
  it('names the district and village of a point in Kaohsiung (四維行政中心 → 苓雅區)', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/geo/locate?lon=120.312&lat=22.6208' });
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.inKaohsiung, true);
    assert.equal(body.district.nameZh, '苓雅區');
    assert.equal(body.district.code, '64000080');
    assert.ok(body.village === null || body.village.code.startsWith(body.district.code));
  });

  it('says clearly, in the page language, when a point is outside Kaohsiung (Taipei 101)', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/geo/locate?lon=121.5645&lat=25.0339' });
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.inKaohsiung, false);
    assert.equal(body.reason, 'outside-kaohsiung');
    assert.match(body.message, /不在高雄市轄區內/);
  });

  it('lists every bad or missing coordinate at once → 400 VALIDATION_FAILED', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/geo/locate?lon=abc' });
    assert.equal(response.statusCode, 400);
    const body = response.json();
    assert.equal(body.code, 'VALIDATION_FAILED');
    const fields = body.errors.map((problem: { field: string }) => problem.field).sort();
    assert.deepEqual(fields, ['querystring.lat', 'querystring.lon']);
  });

  it('is in the OpenAPI document', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    assert.ok(document.paths['/api/geo/locate']?.get);
  });
});
