import { asc } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../db/database.ts';
import { excluded, inBatches } from '../db/sql-helpers.ts';
import { type BoundingBox, type KaohsiungGeography, loadKaohsiungGeography } from './geo-data.ts';
import { districts, villages } from './geo-schema.ts';

/**
 * Rows per INSERT: a village row carries its whole polygon, so 200 rows keep each statement to a few
 * hundred kilobytes and far below Postgres' 65,535 bind-parameter limit.
 */

export interface GeographySeedCounts {
  districts: number;
  villages: number;
}

export interface DistrictSummary {
  code: string;
  nameZh: string;
  nameEn: string;
  countyCode: string;
  bbox: BoundingBox;
}

/**
 * Inserts or refreshes all districts, then all villages (they reference districts), in one transaction
 * (a savepoint when `db` is already a transaction) so a failed seed leaves nothing half-written.
 * Running it again changes nothing unless the atlas did. Areas no longer in the atlas are kept: cases
 * may still point at them.
 */
export async function seedGeography(
  db: DatabaseOrTransaction,
  geography: KaohsiungGeography = loadKaohsiungGeography(),
): Promise<GeographySeedCounts> {
  const districtRows = geography.districts.map((district) => ({
    code: district.code,
    nameZh: district.nameZh,
    nameEn: district.nameEn,
    countyCode: district.countyCode,
    ...district.bbox,
    geometry: district.geometry,
  }));
  const villageRows = geography.villages.map((village) => ({
    code: village.code,
    districtCode: village.districtCode,
    nameZh: village.nameZh,
    nameEn: village.nameEn,
    ...village.bbox,
    geometry: village.geometry,
  }));

  await db.transaction(async (tx) => {
    for (const batch of inBatches(districtRows)) {
      await tx
        .insert(districts)
        .values(batch)
        .onConflictDoUpdate({
          target: districts.code,
          set: {
            nameZh: excluded(districts.nameZh),
            nameEn: excluded(districts.nameEn),
            countyCode: excluded(districts.countyCode),
            minLon: excluded(districts.minLon),
            minLat: excluded(districts.minLat),
            maxLon: excluded(districts.maxLon),
            maxLat: excluded(districts.maxLat),
            geometry: excluded(districts.geometry),
          },
        });
    }
    for (const batch of inBatches(villageRows)) {
      await tx
        .insert(villages)
        .values(batch)
        .onConflictDoUpdate({
          target: villages.code,
          set: {
            districtCode: excluded(villages.districtCode),
            nameZh: excluded(villages.nameZh),
            nameEn: excluded(villages.nameEn),
            minLon: excluded(villages.minLon),
            minLat: excluded(villages.minLat),
            maxLon: excluded(villages.maxLon),
            maxLat: excluded(villages.maxLat),
            geometry: excluded(villages.geometry),
          },
        });
    }
  });

  return { districts: districtRows.length, villages: villageRows.length };
}

/**
 * All districts in code order, without geometry: lists and filters need names, and the polygons
 * (hundreds of kilobytes) are served from memory by the geo module when a map needs them.
 */
export async function listDistricts(db: DatabaseOrTransaction): Promise<DistrictSummary[]> {
  const rows = await db
    .select({
      code: districts.code,
      nameZh: districts.nameZh,
      nameEn: districts.nameEn,
      countyCode: districts.countyCode,
      minLon: districts.minLon,
      minLat: districts.minLat,
      maxLon: districts.maxLon,
      maxLat: districts.maxLat,
    })
    .from(districts)
    .orderBy(asc(districts.code));
  return rows.map(({ minLon, minLat, maxLon, maxLat, ...names }) => ({
    ...names,
    bbox: { minLon, minLat, maxLon, maxLat },
  }));
}
