import { doublePrecision, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { AreaGeometry } from './geo-data.ts';

/**
 * Kaohsiung's districts and villages as stored rows. The geometry is plain GeoJSON in jsonb (no PostGIS:
 * the locator works in memory) and the bounding box has its own columns so a map view can select the
 * areas in sight with ordinary comparisons.
 */

export const districts = pgTable('districts', {
  /** MOI town code (TOWNCODE), e.g. '64000080'. */
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  /** MOI county code; '64000' for Kaohsiung City. */
  countyCode: text('county_code').notNull(),
  minLon: doublePrecision('min_lon').notNull(),
  minLat: doublePrecision('min_lat').notNull(),
  maxLon: doublePrecision('max_lon').notNull(),
  maxLat: doublePrecision('max_lat').notNull(),
  geometry: jsonb('geometry').$type<AreaGeometry>().notNull(),
});

export const villages = pgTable(
  'villages',
  {
    /** MOI village code (VILLCODE), e.g. '64000080001'. */
    code: text('code').primaryKey(),
    districtCode: text('district_code')
      .notNull()
      .references(() => districts.code),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    minLon: doublePrecision('min_lon').notNull(),
    minLat: doublePrecision('min_lat').notNull(),
    maxLon: doublePrecision('max_lon').notNull(),
    maxLat: doublePrecision('max_lat').notNull(),
    geometry: jsonb('geometry').$type<AreaGeometry>().notNull(),
  },
  // Village lists are read per district (filters, forms); Postgres does not index foreign keys itself.
  (table) => [index('villages_district_code_idx').on(table.districtCode)],
);
