import { eq, sql } from 'drizzle-orm';
import { modules as allModules } from './modules/index.ts';
import { seedCalendarOverrides } from './platform/calendar/calendar-repo.ts';
import type { AppModule } from './platform/composition/app-module.ts';
import { seedModules } from './platform/composition/compose.ts';
import { type Database, withTransaction } from './platform/db/database.ts';
import { appMeta } from './platform/db/meta-schema.ts';
import { announcePublished } from './platform/db/publications.ts';
import { seedGeography } from './platform/geo/geo-repo.ts';
import { seedServiceClassifications, seedUnits } from './platform/reference/reference-repo.ts';
import { rebuildSearchIndex } from './platform/search/search-index.ts';

/**
 * Bump when the bundled reference data changes, so existing installations reload it at their next
 * start. Loading is idempotent either way; the version only spares every start the work.
 */
export const referenceDataVersion = '2026-12-06.1';

export interface SeedResult {
  skipped: boolean;
  units: number;
  districts: number;
  villages: number;
  serviceClassifications: number;
  calendarOverrides: number;
  /** Rows each module's seeds wrote, by seed name ('demo service versions', 'routing rules', 'plans' …). */
  modules: Record<string, number>;
}

/**
 * Loads units, districts and villages, classifications and calendar overrides, then each module's seeds in
 * module order (the demo service catalogue, demo routing rules, the 101 (2012) service-quality plan …); safe
 * to run again.
 */
export async function seedReferenceData(
  db: Database,
  options: { force?: boolean; modules?: readonly AppModule[] } = {},
): Promise<SeedResult> {
  return withTransaction(db, async (tx) => {
    // One seeder at a time across processes; the others wait and then find the version current.
    await tx.execute(sql`select pg_advisory_xact_lock(4242002)`);
    const [current] = await tx.select().from(appMeta).where(eq(appMeta.key, 'reference_data_version'));
    if (!options.force && current?.value === referenceDataVersion) {
      return {
        skipped: true,
        units: 0,
        districts: 0,
        villages: 0,
        serviceClassifications: 0,
        calendarOverrides: 0,
        modules: {},
      };
    }
    const units = await seedUnits(tx);
    const geography = await seedGeography(tx);
    const serviceClassifications = await seedServiceClassifications(tx);
    const calendarOverrides = await seedCalendarOverrides(tx);
    // The modules' data needs the units and classifications just written.
    const moduleCounts = await seedModules(tx, options.modules ?? allModules);
    // The search index from what the seeds wrote (services, plans, demo content and FAQ): issue 15.
    const indexed = await rebuildSearchIndex(
      tx,
      (options.modules ?? allModules).flatMap((module) => module.searchSources ?? []),
    );
    for (const [source, rows] of Object.entries(indexed)) moduleCounts[`search index: ${source}`] = rows;
    // Units, services and plans may all have changed: every running process renders its pages again.
    await announcePublished(tx, '*');
    await tx
      .insert(appMeta)
      .values({ key: 'reference_data_version', value: referenceDataVersion })
      .onConflictDoUpdate({
        target: appMeta.key,
        set: { value: referenceDataVersion, updatedAt: sql`now()` },
      });
    return {
      skipped: false,
      units,
      districts: geography.districts,
      villages: geography.villages,
      serviceClassifications,
      calendarOverrides,
      modules: moduleCounts,
    };
  });
}
