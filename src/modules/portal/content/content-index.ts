import { and, asc, eq, gt, isNotNull } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import {
  type IndexedThing,
  indexDocuments,
  type SearchDocument,
  type SearchSource,
} from '../../../platform/search/search-index.ts';
import { contentPaths } from '../shared/portal-paths.ts';
import { contentAttachments, contentItems, contentVersions } from './content-schema.ts';

/**
 * A content item in the search index (issue 15): its published version, in Chinese and — when it has an
 * English title — in English, with its attachments' text. Written when a version is approved or the item
 * withdrawn (`indexContentItem`, in that transaction) and rebuilt from `contentSearchSource`.
 */

type ItemRow = typeof contentItems.$inferSelect;
type VersionRow = typeof contentVersions.$inferSelect;
type AttachmentRow = Pick<typeof contentAttachments.$inferSelect, 'titleZh' | 'titleEn' | 'extractedText'>;

function dayOf(moment: Date | null): string | null {
  if (!moment) return null;
  // The date as seen in Taiwan (UTC+8, no daylight saving).
  return new Date(moment.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The documents of one item's published version; none when it is not public (no approved version). */
export function contentDocumentsOf(
  item: ItemRow,
  version: VersionRow | null,
  attachments: readonly AttachmentRow[],
): SearchDocument[] {
  if (!version || item.publishedVersion === null || item.state === 'withdrawn') return [];
  const common = {
    kind: item.kind,
    path: contentPaths.item(item.number),
    unitCode: item.unitCode,
    publishedOn: dayOf(item.visibleFrom),
    visibleFrom: item.visibleFrom,
    visibleUntil: item.visibleUntil,
    themeCodes: version.themeCodes,
    cakeCodes: version.cakeCodes,
    serviceCodes: version.serviceCodes,
  };
  const documents: SearchDocument[] = [
    {
      ...common,
      lang: 'zh-TW',
      title: version.titleZh,
      keywords: version.subjectsZh,
      summary: version.summaryZh,
      body: version.bodyZh,
      fileText: attachments.map((file) => `${file.titleZh}\n${file.extractedText}`).join('\n'),
    },
  ];
  if (version.titleEn) {
    documents.push({
      ...common,
      lang: 'en',
      title: version.titleEn,
      keywords: version.subjectsEn,
      summary: version.summaryEn ?? '',
      body: version.bodyEn ?? '',
      fileText: attachments
        .map((file) => `${file.titleEn ?? file.titleZh}\n${file.extractedText}`)
        .join('\n'),
    });
  }
  return documents;
}

async function documentsOfItem(db: DatabaseOrTransaction, item: ItemRow): Promise<SearchDocument[]> {
  if (item.publishedVersion === null) return [];
  const [version] = await db
    .select()
    .from(contentVersions)
    .where(and(eq(contentVersions.itemId, item.id), eq(contentVersions.version, item.publishedVersion)));
  const attachments = await db
    .select({
      titleZh: contentAttachments.titleZh,
      titleEn: contentAttachments.titleEn,
      extractedText: contentAttachments.extractedText,
    })
    .from(contentAttachments)
    .where(and(eq(contentAttachments.itemId, item.id), eq(contentAttachments.version, item.publishedVersion)))
    .orderBy(asc(contentAttachments.sortOrder));
  return contentDocumentsOf(item, version ?? null, attachments);
}

/**
 * Writes one item's rows of the search index as it now is (public or not): call it in the transaction that
 * approves, schedules or withdraws it.
 */
export async function indexContentItem(tx: DatabaseOrTransaction, itemId: string): Promise<void> {
  const [item] = await tx.select().from(contentItems).where(eq(contentItems.id, itemId));
  if (!item) return;
  await indexDocuments(tx, 'content', String(item.number), await documentsOfItem(tx, item));
}

const batchSize = 200;

/**
 * Every published item, read one by one: the reference the batched read (content-search-batches.ts, the
 * module's search source) is tested against, and the bench's per-item baseline.
 */
export const contentSearchSource: SearchSource = {
  source: 'content',
  async *documents(db) {
    let after = 0;
    for (;;) {
      const items = await db
        .select()
        .from(contentItems)
        .where(and(isNotNull(contentItems.publishedVersion), gt(contentItems.number, after)))
        .orderBy(asc(contentItems.number))
        .limit(batchSize);
      if (items.length === 0) return;
      const batch: IndexedThing[] = [];
      for (const item of items) {
        batch.push({ sourceId: String(item.number), documents: await documentsOfItem(db, item) });
      }
      yield batch;
      after = items[items.length - 1]?.number ?? after;
    }
  },
};
