import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  parseBoundingBox,
  parseDateInput,
  rawRangesForPublicBox,
  resolvePublicReportFilters,
  selectionQuery,
  startOfNextTaipeiDay,
  startOfTaipeiDay,
  stateGroupOf,
} from './public-report-filters.ts';
import { publicPoint } from './report-place.ts';

describe('the public report filters', () => {
  it('reads dates as people type them: 西元, 民國, full-width digits; refuses dates that are none', () => {
    for (const typed of [
      '2026-03-02',
      '2026/3/2',
      '2026.3.2',
      '115/3/2',
      '115-03-02',
      '民國115年3月2日',
      '115年3月2日',
      '１１５／３／２',
      ' 2026 - 03 - 02 ',
    ])
      assert.equal(parseDateInput(typed), '2026-03-02', typed);
    assert.equal(parseDateInput('99/12/31'), '2010-12-31');
    for (const typed of ['2026-02-30', '115/13/1', 'yesterday', '3/2', '2026-03', '0/1/1', '20260302'])
      assert.equal(parseDateInput(typed), null, typed);
  });

  it('counts days in Taipei time: a day starts at 16:00 UTC the evening before', () => {
    assert.equal(startOfTaipeiDay('2026-03-02').toISOString(), '2026-03-01T16:00:00.000Z');
    assert.equal(startOfNextTaipeiDay('2026-03-02').toISOString(), '2026-03-02T16:00:00.000Z');
  });

  it('applies known filters, and ignores the rest with one notice each', () => {
    const known = { serviceCodes: new Set(['pothole-report']), districtCodes: new Set(['64000080']) };
    const applied = resolvePublicReportFilters(
      { category: 'pothole-report', state: 'Fixed', district: '64000080', from: '115/3/1', to: '2026-03-02' },
      'en',
      known,
    );
    assert.deepEqual(applied.notices, []);
    assert.deepEqual(applied.filters, {
      serviceCode: 'pothole-report',
      stateGroup: 'fixed',
      districtCode: '64000080',
      receivedFrom: new Date('2026-02-28T16:00:00Z'),
      receivedBefore: new Date('2026-03-02T16:00:00Z'),
    });
    assert.equal(
      selectionQuery(applied.selection),
      '?category=pothole-report&state=fixed&district=64000080&from=115%2F3%2F1&to=2026-03-02',
    );

    const ignored = resolvePublicReportFilters(
      { category: 'x', state: 'soon', district: '1', from: '2026-03-05', to: '2026-03-01' },
      'zh-TW',
      known,
    );
    assert.deepEqual(
      ignored.notices.map((notice) => `${notice.field}:${notice.code}`),
      ['category:ignored', 'state:ignored', 'district:ignored', 'to:before_from'],
    );
    assert.deepEqual(ignored.filters, {});
    // Dates are shown again as typed, so the reader can correct them.
    assert.equal(ignored.selection.from, '2026-03-05');
  });

  it('puts each field-report state in one of three groups', () => {
    assert.deepEqual(
      ['received', 'dispatched', 'reopened', 'fixed', 'closed', 'merged', 'withdrawn'].map(stateGroupOf),
      ['open', 'open', 'open', 'fixed', 'closed', 'closed', 'closed'],
    );
  });

  it('reads a bbox as minLon,minLat,maxLon,maxLat and says why it cannot', () => {
    assert.deepEqual(parseBoundingBox('120.25,22.55,120.4,22.7'), {
      minLon: 120.25,
      minLat: 22.55,
      maxLon: 120.4,
      maxLat: 22.7,
    });
    assert.equal(parseBoundingBox('120.25,22.55,120.4'), 'malformed');
    assert.equal(parseBoundingBox('a,b,c,d'), 'malformed');
    assert.equal(parseBoundingBox('1e2,2,3,4'), 'malformed');
    assert.equal(parseBoundingBox('120.4,22.55,120.25,22.7'), 'out_of_range');
    assert.equal(parseBoundingBox('-181,0,0,0'), 'out_of_range');
  });

  it('selects by the rounded point exactly: for any point and box, in range ⇔ its public point is in the box', () => {
    // A deterministic walk over points and boxes around the public grid's edges.
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let index = 0; index < 20_000; index += 1) {
      const lat = 22.6 + random() * 0.002;
      const lon = 120.3 + random() * 0.002;
      // Every other box has its edges on the public grid, as a box around a shown point does.
      const edge = (from: number) => {
        const value = from + random() * 0.002;
        return index % 2 === 0 ? Math.round(value * 1e4) / 1e4 : value;
      };
      const a = edge(22.6);
      const b = edge(22.6);
      const c = edge(120.3);
      const d = edge(120.3);
      const box = {
        minLat: Math.min(a, b),
        maxLat: Math.max(a, b),
        minLon: Math.min(c, d),
        maxLon: Math.max(c, d),
      };
      const ranges = rawRangesForPublicBox(box);
      const inRanges =
        lat >= ranges.latFrom && lat < ranges.latBelow && lon >= ranges.lonFrom && lon < ranges.lonBelow;
      const shown = publicPoint(lat, lon);
      const inBox =
        shown.lat >= box.minLat &&
        shown.lat <= box.maxLat &&
        shown.lon >= box.minLon &&
        shown.lon <= box.maxLon;
      assert.equal(inRanges, inBox, JSON.stringify({ lat, lon, box, shown }));
    }
  });
});
