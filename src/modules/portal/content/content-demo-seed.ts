import { and, eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import {
  administrativeClassifications,
  themeClassifications,
} from '../../../platform/reference/reference-schema.ts';
import type { Classification } from '../../../platform/reference/service-classification.ts';
import { contentPaths } from '../shared/portal-paths.ts';
import { demoCakeClassifications, demoThemeClassifications } from './content-demo-classifications.ts';
import { type DemoContentItem, demoContentItems } from './content-demo-items.ts';
import { indexContentItem } from './content-index.ts';
import { contentItems, contentVersions } from './content-schema.ts';

/**
 * The portal's demo content (issue 15 §1), in the seed's transaction: the DEMO theme and administrative
 * classification lists when those tables are empty, then each demo item not loaded yet (found by its
 * Chinese title among the demo items), published as an approved version 1 and written to the search index.
 * Idempotent: a second run writes nothing. The forms' files come later, from `content-demo-files.ts`
 * (demoData: they need the file store).
 */

async function seedClassifications(
  db: DatabaseOrTransaction,
  table: typeof themeClassifications | typeof administrativeClassifications,
  rows: readonly Classification[],
): Promise<number> {
  const [existing] = await db.select({ count: sql<number>`count(*)::int` }).from(table);
  if ((existing?.count ?? 0) > 0) return 0;
  // Parents come first in the data, so one statement satisfies the self-reference.
  await db
    .insert(table)
    .values(rows.map(({ code, nameZh, nameEn, parentCode }) => ({ code, nameZh, nameEn, parentCode })));
  return rows.length;
}

const paragraphs = (lines: readonly string[] | undefined): string | null =>
  lines === undefined ? null : lines.join('\n\n');

/** The demo items already loaded: Chinese title → number. */
async function loadedDemoItems(db: DatabaseOrTransaction): Promise<Map<string, number>> {
  const rows = await db
    .select({ number: contentItems.number, titleZh: contentVersions.titleZh })
    .from(contentItems)
    .innerJoin(
      contentVersions,
      and(eq(contentVersions.itemId, contentItems.id), eq(contentVersions.version, 1)),
    )
    .where(eq(contentItems.isDemo, true));
  return new Map(rows.map((row) => [row.titleZh, row.number]));
}

async function insertDemoItem(
  db: DatabaseOrTransaction,
  demo: DemoContentItem,
  relations: readonly string[],
): Promise<{ id: string; number: number }> {
  const visibleFrom = new Date(demo.visibleFrom);
  const visibleUntil = demo.visibleUntil === undefined ? null : new Date(demo.visibleUntil);
  // Written and approved the working day before it shows.
  const approvedAt = new Date(visibleFrom.getTime() - 24 * 3_600_000);
  const [item] = await db
    .insert(contentItems)
    .values({
      kind: demo.kind,
      unitCode: demo.unitCode,
      state: 'approved',
      currentVersion: 1,
      publishedVersion: 1,
      visibleFrom,
      visibleUntil,
      foiKinds: [...(demo.foiKinds ?? [])],
      isDemo: true,
      createdAt: approvedAt,
      updatedAt: approvedAt,
    })
    .returning({ id: contentItems.id, number: contentItems.number });
  if (!item) throw new Error(`the demo item ${demo.key} was not written`);
  await db.insert(contentVersions).values({
    itemId: item.id,
    version: 1,
    titleZh: demo.titleZh,
    titleEn: demo.titleEn ?? null,
    summaryZh: demo.summaryZh,
    summaryEn: demo.summaryEn ?? null,
    bodyZh: paragraphs(demo.bodyZh) ?? '',
    bodyEn: paragraphs(demo.bodyEn),
    subjectsZh: [...demo.subjectsZh],
    subjectsEn: [...(demo.subjectsEn ?? [])],
    relations: [...relations],
    coverageStart: demo.coverageStart ?? null,
    coverageEnd: demo.coverageEnd ?? null,
    themeCodes: [...demo.themeCodes],
    cakeCodes: [...demo.cakeCodes],
    serviceCodes: [...demo.serviceCodes],
    publishAt: visibleFrom,
    expireAt: visibleUntil,
    editedAt: approvedAt,
    changeNote: '示範內容 / Demo content',
    submittedAt: approvedAt,
    reviewedAt: approvedAt,
    reviewDecision: 'approved',
  });
  return item;
}

/** Loads what is missing; returns the rows written (classifications and items). */
export async function seedDemoContent(db: DatabaseOrTransaction): Promise<number> {
  let written = 0;
  written += await seedClassifications(db, themeClassifications, demoThemeClassifications);
  written += await seedClassifications(db, administrativeClassifications, demoCakeClassifications);
  const loaded = await loadedDemoItems(db);
  const titleOfKey = new Map(demoContentItems.map((demo) => [demo.key, demo.titleZh]));
  for (const demo of demoContentItems) {
    if (loaded.has(demo.titleZh)) continue;
    const relations = (demo.relatedKeys ?? []).flatMap((key) => {
      const number = loaded.get(titleOfKey.get(key) ?? '');
      return number === undefined ? [] : [contentPaths.item(number)];
    });
    const item = await insertDemoItem(db, demo, relations);
    loaded.set(demo.titleZh, item.number);
    await indexContentItem(db, item.id);
    written += 1;
  }
  return written;
}
