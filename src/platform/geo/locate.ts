import type { AreaGeometry, BoundingBox, District, KaohsiungGeography, Village } from './geo-data.ts';

/**
 * Answers "which district and village of Kaohsiung is this point in?" without I/O: the caller hands in
 * the geography (from `loadKaohsiungGeography()` or a test fixture), so this module stays pure and cheap
 * to test. Lookups run on request paths (reports with a map pin), hence the prepared, flat rings and the
 * bounding-box pre-filters.
 */

export interface Coordinates {
  /** Longitude in degrees, WGS 84 (east positive). */
  readonly lon: number;
  /** Latitude in degrees, WGS 84 (north positive). */
  readonly lat: number;
}

export interface AreaName {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

export interface LocatedInKaohsiung {
  readonly inKaohsiung: true;
  readonly district: AreaName;
  /**
   * Null where no village covers the point although the district does: Kaohsiung Harbour's waters lie
   * inside district limits but in no village, and along borders the two separately simplified atlas
   * files disagree by a few metres. The district answer is still reliable there.
   */
  readonly village: AreaName | null;
}

export interface LocatedOutsideKaohsiung {
  readonly inKaohsiung: false;
  readonly reason: 'outside-kaohsiung';
}

export type LocateResult = LocatedInKaohsiung | LocatedOutsideKaohsiung;

export interface Locator {
  /** Throws InvalidCoordinatesError for values that are not a point on Earth. */
  locate(point: Coordinates): LocateResult;
}

export const INVALID_COORDINATES = 'GEO_INVALID_COORDINATES';

export class InvalidCoordinatesError extends Error {
  readonly code = INVALID_COORDINATES;
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCoordinatesError';
  }
}

/** Interleaved [lon0, lat0, lon1, lat1, …]: far faster to scan than nested arrays of tuples. */
type FlatRing = Float64Array;

interface PreparedPolygon {
  readonly bbox: BoundingBox;
  /** The outer ring and its holes; the even–odd rule over all of them handles holes. */
  readonly rings: readonly FlatRing[];
}

interface PreparedArea {
  readonly name: AreaName;
  readonly bbox: BoundingBox;
  readonly polygons: readonly PreparedPolygon[];
}

interface PreparedDistrict extends PreparedArea {
  readonly villages: readonly PreparedArea[];
}

const OUTSIDE_KAOHSIUNG: LocatedOutsideKaohsiung = Object.freeze({
  inKaohsiung: false,
  reason: 'outside-kaohsiung',
});

function flattenRing(ring: readonly (readonly [number, number])[]): FlatRing {
  const flat = new Float64Array(ring.length * 2);
  ring.forEach(([lon, lat], index) => {
    flat[index * 2] = lon;
    flat[index * 2 + 1] = lat;
  });
  return flat;
}

function ringBoundingBox(ring: FlatRing): BoundingBox {
  let minLon = Number.POSITIVE_INFINITY;
  let minLat = Number.POSITIVE_INFINITY;
  let maxLon = Number.NEGATIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < ring.length; index += 2) {
    const lon = ring[index] as number;
    const lat = ring[index + 1] as number;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  return { minLon, minLat, maxLon, maxLat };
}

function preparePolygons(geometry: AreaGeometry): PreparedPolygon[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const prepared: PreparedPolygon[] = [];
  for (const polygon of polygons) {
    const rings = polygon.map(flattenRing);
    const outerRing = rings[0];
    if (outerRing === undefined || outerRing.length === 0) continue;
    prepared.push({ bbox: ringBoundingBox(outerRing), rings });
  }
  return prepared;
}

function prepareArea(area: District | Village): PreparedArea {
  return {
    name: Object.freeze({ code: area.code, nameZh: area.nameZh, nameEn: area.nameEn }),
    bbox: area.bbox,
    polygons: preparePolygons(area.geometry),
  };
}

function boxContains(box: BoundingBox, lon: number, lat: number): boolean {
  return lon >= box.minLon && lon <= box.maxLon && lat >= box.minLat && lat <= box.maxLat;
}

/**
 * Ray casting: count the ring edges crossed by a ray going east from the point. Points exactly on an
 * edge fall on one side or the other depending on the edge's direction; any consistent answer is
 * acceptable on a shared border.
 */
function ringCrossingIsOdd(ring: FlatRing, lon: number, lat: number): boolean {
  let inside = false;
  const length = ring.length;
  let previousLon = ring[length - 2] as number;
  let previousLat = ring[length - 1] as number;
  for (let index = 0; index < length; index += 2) {
    const currentLon = ring[index] as number;
    const currentLat = ring[index + 1] as number;
    if (
      currentLat > lat !== previousLat > lat &&
      lon < ((previousLon - currentLon) * (lat - currentLat)) / (previousLat - currentLat) + currentLon
    ) {
      inside = !inside;
    }
    previousLon = currentLon;
    previousLat = currentLat;
  }
  return inside;
}

function areaContains(area: PreparedArea, lon: number, lat: number): boolean {
  if (!boxContains(area.bbox, lon, lat)) return false;
  for (const polygon of area.polygons) {
    if (!boxContains(polygon.bbox, lon, lat)) continue;
    let inside = false;
    for (const ring of polygon.rings) {
      if (ringCrossingIsOdd(ring, lon, lat)) inside = !inside;
    }
    if (inside) return true;
  }
  return false;
}

function assertValidCoordinates(point: Coordinates): void {
  const lon: unknown = point?.lon;
  const lat: unknown = point?.lat;
  if (typeof lon !== 'number' || !Number.isFinite(lon) || lon < -180 || lon > 180) {
    throw new InvalidCoordinatesError(
      `longitude must be a finite number from -180 to 180, got ${String(lon)}`,
    );
  }
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) {
    throw new InvalidCoordinatesError(`latitude must be a finite number from -90 to 90, got ${String(lat)}`);
  }
}

export function createLocator(geography: KaohsiungGeography): Locator {
  const villagesByDistrict = new Map<string, PreparedArea[]>();
  for (const village of geography.villages) {
    const list = villagesByDistrict.get(village.districtCode) ?? [];
    list.push(prepareArea(village));
    villagesByDistrict.set(village.districtCode, list);
  }
  const districts: PreparedDistrict[] = geography.districts.map((district) => ({
    ...prepareArea(district),
    villages: villagesByDistrict.get(district.code) ?? [],
  }));
  const districtByCode = new Map(districts.map((district) => [district.name.code, district]));
  const allVillages = [...villagesByDistrict.entries()].flatMap(([districtCode, villages]) =>
    villages.map((village) => ({ village, district: districtByCode.get(districtCode) })),
  );

  const cityBox: BoundingBox = {
    minLon: Math.min(...districts.map((district) => district.bbox.minLon)),
    minLat: Math.min(...districts.map((district) => district.bbox.minLat)),
    maxLon: Math.max(...districts.map((district) => district.bbox.maxLon)),
    maxLat: Math.max(...districts.map((district) => district.bbox.maxLat)),
  };

  return {
    locate(point: Coordinates): LocateResult {
      assertValidCoordinates(point);
      const { lon, lat } = point;
      // Most traffic outside the city (wrong pins, other counties) stops here.
      if (!boxContains(cityBox, lon, lat)) return OUTSIDE_KAOHSIUNG;
      // The village is searched only within the district found, so it always belongs to that district.
      for (const district of districts) {
        if (!areaContains(district, lon, lat)) continue;
        const village = district.villages.find((candidate) => areaContains(candidate, lon, lat));
        return { inKaohsiung: true, district: district.name, village: village?.name ?? null };
      }
      // Along the coast a village polygon sometimes reaches a few metres past the simplified district
      // outline; a pin there is still in Kaohsiung, in that village's district.
      for (const { village, district } of allVillages) {
        if (district !== undefined && areaContains(village, lon, lat)) {
          return { inKaohsiung: true, district: district.name, village: village.name };
        }
      }
      return OUTSIDE_KAOHSIUNG;
    },
  };
}
