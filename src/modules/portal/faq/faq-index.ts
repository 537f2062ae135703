import { and, asc, eq, gt } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import {
  indexDocuments,
  type SearchDocument,
  type SearchSource,
} from '../../../platform/search/search-index.ts';
import { taipeiIsoDate } from '../../../platform/web/format-date.ts';
import { faqPaths } from '../shared/portal-paths.ts';
import { hasEnglish } from './faq-rules.ts';
import { faqEntries } from './faq-schema.ts';

/**
 * A published FAQ entry in the site's search index (issue 15): its question as the title, the other ways
 * to ask it as keywords (weighted as the title), the answer as the body; in Chinese, and in English when it
 * has both an English question and answer. Written when an entry is published, changed or withdrawn
 * (`indexFaqEntry`, in that transaction) and rebuilt from `faqSearchSource`.
 */

export type FaqEntryRow = typeof faqEntries.$inferSelect;

export function faqDocumentsOf(entry: FaqEntryRow): SearchDocument[] {
  if (entry.state !== 'published') return [];
  const common = {
    kind: 'faq',
    path: faqPaths.entry(entry.number),
    unitCode: entry.unitCode,
    publishedOn: entry.publishedAt === null ? null : taipeiIsoDate(entry.publishedAt),
    themeCodes: entry.themeCodes,
    cakeCodes: entry.cakeCodes,
    serviceCodes: entry.serviceCodes,
  };
  const documents: SearchDocument[] = [
    {
      ...common,
      lang: 'zh-TW',
      title: entry.questionZh,
      keywords: entry.variantsZh,
      body: entry.answerZh,
    },
  ];
  if (hasEnglish(entry)) {
    documents.push({
      ...common,
      lang: 'en',
      title: entry.questionEn ?? '',
      keywords: entry.variantsEn,
      body: entry.answerEn ?? '',
    });
  }
  return documents;
}

/** Writes one entry's rows of the index as it now is (published or not): call it in the changing transaction. */
export async function indexFaqEntry(tx: DatabaseOrTransaction, entry: FaqEntryRow): Promise<void> {
  await indexDocuments(tx, 'faq', String(entry.number), faqDocumentsOf(entry));
}

const batchSize = 500;

/** Every published entry, in batches by number (the seed and `search:reindex`). */
export const faqSearchSource: SearchSource = {
  source: 'faq',
  async *documents(db) {
    let after = 0;
    for (;;) {
      const entries = await db
        .select()
        .from(faqEntries)
        .where(and(eq(faqEntries.state, 'published'), gt(faqEntries.number, after)))
        .orderBy(asc(faqEntries.number))
        .limit(batchSize);
      if (entries.length === 0) return;
      yield entries.map((entry) => ({ sourceId: String(entry.number), documents: faqDocumentsOf(entry) }));
      after = entries[entries.length - 1]?.number ?? after;
    }
  },
};
