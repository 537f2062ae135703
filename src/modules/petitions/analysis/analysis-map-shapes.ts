import { type BoundingBox, loadKaohsiungGeography, polygonsOf } from '../../../platform/geo/geo-data.ts';

/**
 * The analysis map's shapes: each district's outline as an SVG path in a frame (the whole city, or the city
 * centre enlarged), simplified to what the frame can show. Made once per process from the boundaries the geo
 * module ships (about half a second, at the first map), then kept: about 30 KB of paths per frame.
 */

export interface MapFrame {
  id: 'city' | 'centre';
  box: BoundingBox;
  width: number;
  /** A point closer than this (SVG units) to the last one kept is dropped. */
  step: number;
}

/** The whole city, and its centre (the old city and Fengshan, where most petitions are). */
export const mapFrames: readonly MapFrame[] = [
  { id: 'city', box: { minLon: 120.16, minLat: 22.46, maxLon: 121.06, maxLat: 23.48 }, width: 480, step: 3 },
  {
    id: 'centre',
    box: { minLon: 120.25, minLat: 22.55, maxLon: 120.43, maxLat: 22.73 },
    width: 480,
    step: 3,
  },
];

/** A frame's projection: longitude and latitude to SVG units (equirectangular, scaled at the frame's middle). */
export function projection(frame: MapFrame) {
  const middle = ((frame.box.minLat + frame.box.maxLat) / 2) * (Math.PI / 180);
  const scale = frame.width / ((frame.box.maxLon - frame.box.minLon) * Math.cos(middle));
  const height = Math.round((frame.box.maxLat - frame.box.minLat) * scale);
  return {
    height,
    x: (longitude: number) => (longitude - frame.box.minLon) * Math.cos(middle) * scale,
    y: (latitude: number) => (frame.box.maxLat - latitude) * scale,
  };
}

export interface DistrictShape {
  code: string;
  path: string;
}

const cache = new Map<MapFrame['id'], DistrictShape[]>();

/** The outline of every district in sight in the frame, in whole SVG units, points closer than `step` dropped. */
export function districtShapes(frame: MapFrame): DistrictShape[] {
  const kept = cache.get(frame.id);
  if (kept !== undefined) return kept;
  const { x, y } = projection(frame);
  const inSight = (box: BoundingBox) =>
    box.maxLon >= frame.box.minLon &&
    box.minLon <= frame.box.maxLon &&
    box.maxLat >= frame.box.minLat &&
    box.minLat <= frame.box.maxLat;
  const shapes = loadKaohsiungGeography()
    .districts.filter((district) => inSight(district.bbox))
    .map((district) => {
      const parts: string[] = [];
      for (const polygon of polygonsOf(district.geometry))
        for (const ring of polygon) {
          const points: string[] = [];
          let last: [number, number] | null = null;
          for (const [longitude, latitude] of ring) {
            const point: [number, number] = [x(longitude), y(latitude)];
            if (last !== null && Math.hypot(point[0] - last[0], point[1] - last[1]) < frame.step) continue;
            points.push(`${Math.round(point[0])} ${Math.round(point[1])}`);
            last = point;
          }
          if (points.length >= 3) parts.push(`M${points.join('L')}Z`);
        }
      return { code: district.code, path: parts.join('') };
    });
  cache.set(frame.id, shapes);
  return shapes;
}
