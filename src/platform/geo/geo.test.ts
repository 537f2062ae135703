import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeBoundingBox, type KaohsiungGeography, loadKaohsiungGeography } from './geo-data.ts';
import { createLocator, INVALID_COORDINATES, InvalidCoordinatesError, type LocateResult } from './locate.ts';

const geography = loadKaohsiungGeography();
const locator = createLocator(geography);

function assertInDistrict(result: LocateResult, districtName: string): void {
  assert.equal(result.inKaohsiung, true, `expected a point in ${districtName}`);
  if (!result.inKaohsiung) return;
  assert.equal(result.district.nameZh, districtName);
  assert.ok(result.village, `expected a village in ${districtName}`);
  const village = geography.villages.find((candidate) => candidate.code === result.village?.code);
  assert.ok(village, `village ${result.village.code} is not in the data`);
  assert.equal(village.districtCode, result.district.code, 'the village belongs to the district returned');
}

describe('Kaohsiung geography data', () => {
  it('has the 38 districts, coded 64000010 to 64000380', () => {
    assert.equal(geography.districts.length, 38);
    const expectedCodes = Array.from({ length: 38 }, (_, index) => String(64000010 + index * 10));
    assert.deepEqual(
      geography.districts.map((district) => district.code),
      expectedCodes,
    );
    for (const district of geography.districts) {
      assert.equal(district.countyCode, '64000');
      assert.ok(district.nameZh.endsWith('區'), district.nameZh);
      assert.ok(district.nameEn.endsWith('District'), district.nameEn);
    }
  });

  it('has the 886 villages, each in a known district and with a unique code', () => {
    assert.equal(geography.villages.length, 886);
    const districtCodes = new Set(geography.districts.map((district) => district.code));
    assert.equal(new Set(geography.villages.map((village) => village.code)).size, 886);
    for (const village of geography.villages) {
      assert.ok(districtCodes.has(village.districtCode), village.code);
      assert.ok(village.code.startsWith(village.districtCode), village.code);
      assert.ok(village.nameZh.length > 0 && village.nameEn.length > 0, village.code);
    }
  });

  it('gives every district at least one village', () => {
    for (const district of geography.districts) {
      assert.ok(
        geography.villages.some((village) => village.districtCode === district.code),
        district.nameZh,
      );
    }
  });

  it('gives each feature polygon geometry and a bounding box inside southern Taiwan', () => {
    for (const area of [...geography.districts, ...geography.villages]) {
      assert.ok(area.geometry.type === 'Polygon' || area.geometry.type === 'MultiPolygon', area.code);
      const { minLon, minLat, maxLon, maxLat } = area.bbox;
      assert.ok(minLon < maxLon && minLat < maxLat, area.code);
      assert.ok(minLon > 120 && maxLon < 121.2 && minLat > 22.4 && maxLat < 23.5, area.code);
    }
  });

  it('returns the same cached object on every call', () => {
    assert.equal(loadKaohsiungGeography(), geography);
  });

  it('computes a bounding box over every polygon of a MultiPolygon', () => {
    assert.deepEqual(
      computeBoundingBox({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
          [
            [
              [5, 5],
              [6, 5],
              [6, 7],
              [5, 5],
            ],
          ],
        ],
      }),
      { minLon: 0, minLat: 0, maxLon: 6, maxLat: 7 },
    );
  });
});

describe('locate', () => {
  it('puts Kaohsiung City Hall (四維行政中心) in 苓雅區', () => {
    assertInDistrict(locator.locate({ lon: 120.312, lat: 22.6208 }), '苓雅區');
  });

  it('puts the Kaohsiung Main Station area in 三民區', () => {
    assertInDistrict(locator.locate({ lon: 120.3025, lat: 22.6395 }), '三民區');
  });

  it('puts Fo Guang Shan in 大樹區', () => {
    assertInDistrict(locator.locate({ lon: 120.4419, lat: 22.7559 }), '大樹區');
  });

  it('puts the Yushan foothills at 120.95, 23.27 in 桃源區', () => {
    assertInDistrict(locator.locate({ lon: 120.95, lat: 23.27 }), '桃源區');
  });

  it('returns English names alongside the Chinese ones', () => {
    const result = locator.locate({ lon: 120.312, lat: 22.6208 });
    assert.ok(result.inKaohsiung);
    assert.equal(result.district.nameEn, 'Lingya District');
    assert.equal(result.district.code, '64000080');
  });

  it('answers outside-kaohsiung for Taipei 101, Tainan, Pingtung and the sea off the coast', () => {
    const outside = [
      { lon: 121.5645, lat: 25.0339 }, // Taipei 101
      { lon: 120.227, lat: 22.9997 }, // Tainan city centre
      { lon: 120.488, lat: 22.669 }, // Pingtung city, just across the Gaoping River
      { lon: 120.15, lat: 22.55 }, // Taiwan Strait, west of Qijin
      { lon: 0, lat: 0 },
    ];
    for (const point of outside) {
      assert.deepEqual(
        locator.locate(point),
        { inKaohsiung: false, reason: 'outside-kaohsiung' },
        `${point.lon}`,
      );
    }
  });

  it('never pairs a district with a village of another district', () => {
    // Probe the centre of every village's bounding box (not always inside that village, hence the
    // check is on consistency, not on which village comes back).
    for (const village of geography.villages) {
      const lon = (village.bbox.minLon + village.bbox.maxLon) / 2;
      const lat = (village.bbox.minLat + village.bbox.maxLat) / 2;
      const result = locator.locate({ lon, lat });
      if (result.inKaohsiung && result.village !== null) {
        assert.ok(result.village.code.startsWith(result.district.code), village.code);
      }
    }
  });

  it('gives a district but no village in Kaohsiung Harbour, whose waters belong to no village', () => {
    // The harbour basin by the Second Harbour Entrance: inside 旗津區's limits, outside all its villages.
    const result = locator.locate({ lon: 120.307, lat: 22.552 });
    assert.ok(result.inKaohsiung);
    assert.equal(result.district.nameZh, '旗津區');
    assert.equal(result.village, null);
  });

  it('throws a coded error for invalid coordinates', () => {
    const invalid = [
      { lon: Number.NaN, lat: 22.6 },
      { lon: 120.3, lat: Number.NaN },
      { lon: 181, lat: 22.6 },
      { lon: -180.5, lat: 22.6 },
      { lon: 120.3, lat: 91 },
      { lon: Number.POSITIVE_INFINITY, lat: 22.6 },
      { lon: '120.3', lat: 22.6 } as unknown as { lon: number; lat: number },
      // Latitude and longitude swapped: a frequent client bug, caught by the latitude range.
      { lon: 22.6208, lat: 120.312 },
    ];
    for (const point of invalid) {
      assert.throws(
        () => locator.locate(point),
        (error: unknown) => error instanceof InvalidCoordinatesError && error.code === INVALID_COORDINATES,
        JSON.stringify(point),
      );
    }
  });

  it('handles holes and MultiPolygons in the geometry', () => {
    const square = (minimum: number, maximum: number) => [
      [minimum, minimum],
      [maximum, minimum],
      [maximum, maximum],
      [minimum, maximum],
      [minimum, minimum],
    ];
    const ring = (points: number[][]) => points.map(([lon = 0, lat = 0]) => [lon, lat] as const);
    const bbox = { minLon: 0, minLat: 0, maxLon: 30, maxLat: 30 };
    const fixture: KaohsiungGeography = {
      districts: [
        {
          code: 'D1',
          nameZh: '甲區',
          nameEn: 'A District',
          countyCode: 'X',
          bbox,
          geometry: {
            type: 'MultiPolygon',
            coordinates: [[ring(square(0, 10)), ring(square(4, 6))], [ring(square(20, 30))]],
          },
        },
      ],
      villages: [
        {
          code: 'D1V1',
          nameZh: '甲里',
          nameEn: 'A Vil.',
          districtCode: 'D1',
          bbox,
          geometry: { type: 'Polygon', coordinates: [ring(square(0, 10)), ring(square(4, 6))] },
        },
      ],
    };
    const fixtureLocator = createLocator(fixture);
    const inDistrict = fixtureLocator.locate({ lon: 2, lat: 2 });
    assert.ok(inDistrict.inKaohsiung);
    assert.equal(inDistrict.village?.code, 'D1V1');
    // Inside the hole: in neither the district nor the village.
    assert.equal(fixtureLocator.locate({ lon: 5, lat: 5 }).inKaohsiung, false);
    // In the second polygon of the district, where no village lies.
    const secondPolygon = fixtureLocator.locate({ lon: 25, lat: 25 });
    assert.ok(secondPolygon.inKaohsiung);
    assert.equal(secondPolygon.district.code, 'D1');
    assert.equal(secondPolygon.village, null);
    // Inside the combined bounding box but between the polygons.
    assert.equal(fixtureLocator.locate({ lon: 15, lat: 15 }).inKaohsiung, false);
  });
});
