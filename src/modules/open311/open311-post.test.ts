import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadKaohsiungGeography } from '../../platform/geo/geo-data.ts';
import {
  apiKeyHash,
  apiKeyNameProblem,
  apiKeyPrefixOf,
  hashesMatch,
  isLastUseStale,
  looksLikeApiKey,
  newApiKey,
  ratePerMinuteOf,
} from './api-key-rules.ts';
import { postErrors } from './open311-post-errors.ts';
import {
  coordinate,
  districtOfAddress,
  postedAttributes,
  postedValue,
  reporterName,
} from './open311-post-input.ts';

const context = { serviceCode: 'pothole-report', hasAddressId: false, hasAddressString: false, maxMedia: 3 };

describe('a posted GeoReport v2 request', () => {
  it('reads parameters sent once or repeated, and attribute[CODE] answers', () => {
    const fields = {
      api_key: [' ow_x ', 'ignored'],
      'attribute[size]': 'large',
      'attribute[pole][]': ['A-12', 'A-12'],
      'attribute[kind][]': ['a', 'b'],
      'attribute[]': 'no code',
    };
    assert.equal(postedValue(fields, 'api_key'), 'ow_x');
    assert.equal(postedValue(fields, 'missing'), '');
    const { answers, problems } = postedAttributes(fields);
    assert.deepEqual(answers, { size: 'large', pole: 'A-12', kind: 'a' });
    assert.deepEqual(
      problems.map((problem) => problem.field),
      ['formData.kind'],
    );
  });

  it('writes names as people do, and reads coordinates as numbers or not-a-point', () => {
    assert.equal(reporterName('小明', '王'), '王小明');
    assert.equal(reporterName('John', 'Smith'), 'John Smith');
    assert.equal(reporterName('', 'Smith'), 'Smith');
    assert.equal(coordinate('22.62'), 22.62);
    assert.equal(coordinate('-120.3'), -120.3);
    assert.equal(coordinate(''), undefined);
    assert.ok(Number.isNaN(coordinate('22,62')));
    assert.ok(Number.isNaN(coordinate('0x10')));
  });

  it('finds the district an address names, in Chinese or English', () => {
    const districts = loadKaohsiungGeography().districts;
    const code = (address: string) => districtOfAddress(address, districts);
    assert.equal(code('高雄市苓雅區四維三路2號'), '64000080');
    assert.equal(code('No. 2, Siwei 3rd Rd., Lingya District, Kaohsiung'), '64000080');
    assert.equal(code('Zhongshan Rd, Fengshan Dist., Kaohsiung'), '64000120');
    assert.equal(code('鳳山區光復路，近苓雅區界'), '64000120', 'the first one named');
    assert.equal(code('中山路與五福路口'), null);
  });

  it('maps every intake problem to an error naming the Open311 parameter, an unknown service first as 404', () => {
    const errors = postErrors(
      [
        { field: 'latitude', code: 'outside_kaohsiung', message: '…' },
        { field: 'serviceCode', code: 'unknown', message: '…' },
        { field: 'formData.size', code: 'not_choice', message: '…' },
        { field: 'formData.colour', code: 'unknown', message: '…' },
        { field: 'applicantEmail', code: 'invalid', message: '…' },
        { field: 'photos', code: 'photo_heic', message: '…' },
        { field: 'media', code: 'file_too_large', message: '“big.jpg” is larger than the 10 MB limit.' },
        {
          field: 'open311',
          code: 'parameter',
          message: 'This server answers only for the jurisdiction pwb.kcg.gov.tw.',
        },
        { field: 'serviceCode', code: 'unknown', message: 'again, from the case core' },
      ],
      context,
    );
    assert.deepEqual(errors, [
      { code: 404, description: 'There is no service with the code "pothole-report".' },
      {
        code: 400,
        description:
          'lat/long: the point is outside Kaohsiung City; this server takes reports in Kaohsiung only.',
      },
      { code: 400, description: 'attribute[size] must be one of the keys the service definition lists.' },
      {
        code: 400,
        description: '"colour" is not an attribute of this service (see services/pothole-report.json).',
      },
      { code: 400, description: 'email is not a valid e-mail address.' },
      { code: 400, description: 'media: HEIC photos are not accepted; send JPEG.' },
      { code: 400, description: '“big.jpg” is larger than the 10 MB limit.' },
      { code: 400, description: 'This server answers only for the jurisdiction pwb.kcg.gov.tw.' },
    ]);
  });

  it('says which location is missing: none, an address without its district, or only an address_id', () => {
    const place = [{ field: 'address', code: 'required', message: '…' }];
    assert.match(postErrors(place, context)[0]?.description ?? '', /^A location is required: lat and long/);
    assert.match(
      postErrors(place, { ...context, hasAddressString: true })[0]?.description ?? '',
      /^address_string must name the district/,
    );
    assert.match(
      postErrors(place, { ...context, hasAddressId: true })[0]?.description ?? '',
      /^address_id cannot be used/,
    );
    assert.deepEqual(postErrors([{ field: 'serviceCode', code: 'required', message: '…' }], context), [
      { code: 400, description: 'service_code is required (see services.json).' },
    ]);
  });
});

describe('Open311 API keys', () => {
  it('look like ow_ and 32 base64url characters; only the hash and the first characters are kept', () => {
    const key = newApiKey();
    assert.match(key, /^ow_[A-Za-z0-9_-]{32}$/);
    assert.ok(looksLikeApiKey(key));
    assert.notEqual(newApiKey(), key);
    assert.equal(apiKeyPrefixOf(key), key.slice(0, 7));
    assert.match(apiKeyHash(key), /^[0-9a-f]{64}$/);
    assert.ok(hashesMatch(apiKeyHash(key), key));
    assert.ok(!hashesMatch(apiKeyHash(key), newApiKey()));
    assert.ok(!looksLikeApiKey(`${key}x`));
    assert.ok(!looksLikeApiKey('ow_short'));
  });

  it('have a name of letters, digits, dots, hyphens and underscores, and a rate from 1 to 10000', () => {
    assert.equal(apiKeyNameProblem('kaohsiung-1999', 'en'), null);
    assert.equal(apiKeyNameProblem('app.v2_test', 'en'), null);
    for (const bad of ['a', '-lead', 'has space', '高雄1999', 'x'.repeat(65)])
      assert.match(apiKeyNameProblem(bad, 'en') ?? '', /^Use letters, digits/, bad);
    assert.equal(ratePerMinuteOf(''), 60);
    assert.equal(ratePerMinuteOf('１２０'), 120);
    assert.equal(ratePerMinuteOf('10000'), 10_000);
    for (const bad of ['0', '10001', '1.5', '-3', 'many']) assert.ok(Number.isNaN(ratePerMinuteOf(bad)), bad);
  });

  it('are marked used at most once a minute', () => {
    const now = new Date('2026-03-02T02:00:00Z');
    assert.ok(isLastUseStale(null, now));
    assert.ok(!isLastUseStale(new Date(now.getTime() - 59_000), now));
    assert.ok(isLastUseStale(new Date(now.getTime() - 60_000), now));
  });
});
