import { and, asc, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import type { IndexedThing, SearchSource } from '../../../platform/search/search-index.ts';
import { contentDocumentsOf } from './content-index.ts';
import { contentAttachments, contentItems, contentVersions } from './content-schema.ts';

/**
 * The content items' search documents read a batch at a time: three statements per 500 items (the items,
 * their published versions, their attachments) instead of two per item, with the same documents as
 * `contentSearchSource` (`contentDocumentsOf`): the portal's search source (the seed and `search:reindex`; issue 15's
 * indexing target, ≥ 500 items/s: at 200,000 items the per-item reads alone took longer than the rest of the
 * rebuild); bench/portal-bench.ts measures both.
 */

const batchSize = 500;

export const batchedContentSearchSource: SearchSource = {
  source: 'content',
  documents: (db) => contentDocumentBatches(db),
};

export async function* contentDocumentBatches(
  db: DatabaseOrTransaction,
  options: { limit?: number } = {},
): AsyncGenerator<IndexedThing[]> {
  let after = 0;
  let left = options.limit ?? Number.POSITIVE_INFINITY;
  while (left > 0) {
    const items = await db
      .select()
      .from(contentItems)
      .where(and(isNotNull(contentItems.publishedVersion), gt(contentItems.number, after)))
      .orderBy(asc(contentItems.number))
      .limit(Math.min(batchSize, left));
    if (items.length === 0) return;
    const ids = items.map((item) => item.id);
    const versions = await db
      .select()
      .from(contentVersions)
      .innerJoin(contentItems, sql`${contentItems.id} = ${contentVersions.itemId}`)
      .where(
        and(
          inArray(contentVersions.itemId, ids),
          sql`${contentVersions.version} = ${contentItems.publishedVersion}`,
        ),
      );
    const attachments = await db
      .select({
        itemId: contentAttachments.itemId,
        titleZh: contentAttachments.titleZh,
        titleEn: contentAttachments.titleEn,
        extractedText: contentAttachments.extractedText,
      })
      .from(contentAttachments)
      .innerJoin(contentItems, sql`${contentItems.id} = ${contentAttachments.itemId}`)
      .where(
        and(
          inArray(contentAttachments.itemId, ids),
          sql`${contentAttachments.version} = ${contentItems.publishedVersion}`,
        ),
      )
      .orderBy(asc(contentAttachments.itemId), asc(contentAttachments.sortOrder));
    const versionOf = new Map(versions.map((row) => [row.content_versions.itemId, row.content_versions]));
    const filesOf = new Map<string, (typeof attachments)[number][]>();
    for (const file of attachments) filesOf.set(file.itemId, [...(filesOf.get(file.itemId) ?? []), file]);
    yield items.map((item) => ({
      sourceId: String(item.number),
      documents: contentDocumentsOf(item, versionOf.get(item.id) ?? null, filesOf.get(item.id) ?? []),
    }));
    left -= items.length;
    after = items[items.length - 1]?.number ?? after;
  }
}
