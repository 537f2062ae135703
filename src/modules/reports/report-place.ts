import { loadKaohsiungGeography } from '../../platform/geo/geo-data.ts';
import { createLocator, type LocateResult, type Locator } from '../../platform/geo/locate.ts';

/**
 * Where a report is: the Kaohsiung district and village of its point (the same locator as
 * `/api/geo/locate`, loaded on first use), distances between points, and the rounded point the public sees.
 */

let locator: Locator | null = null;

/** The district and village of a point, or that it is outside Kaohsiung. Throws for a point not on Earth. */
export function locateReport(lat: number, lon: number): LocateResult {
  locator ??= createLocator(loadKaohsiungGeography());
  return locator.locate({ lat, lon });
}

const earthRadiusMetres = 6_371_008.8;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres (haversine): exact enough for tens of metres. */
export function distanceMetres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLon = toRadians(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusMetres * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The box of latitudes and longitudes around a point that holds every point within `metres` of it: the
 * index narrows to the box, then the exact distance decides.
 */
export function boxAround(point: { lat: number; lon: number }, metres: number) {
  const dLat = (metres / earthRadiusMetres) * (180 / Math.PI);
  const dLon = dLat / Math.cos(toRadians(point.lat));
  return {
    minLat: point.lat - dLat,
    maxLat: point.lat + dLat,
    minLon: point.lon - dLon,
    maxLon: point.lon + dLon,
  };
}

/**
 * The point as the public sees it: 4 decimals (about 11 m in Kaohsiung), enough to find a pothole, not
 * enough to point at a doorway.
 */
export function publicPoint(lat: number, lon: number): { lat: number; lon: number } {
  return { lat: Math.round(lat * 1e4) / 1e4, lon: Math.round(lon * 1e4) / 1e4 };
}
