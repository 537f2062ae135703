import { createHash } from 'node:crypto';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { type DemoFaqEntry, demoFaqEntries } from './faq-demo-data.ts';
import { indexFaqEntry } from './faq-index.ts';
import { faqEntries } from './faq-schema.ts';

/**
 * The demo FAQ (marked as demo on its pages): each entry of `faq-demo-data.ts` published, with its rows of
 * the search index. Idempotent and keyed by the entry's `key`: its id is made of the key (a UUID from its
 * SHA-1, as RFC 4122's name-based version 5), so a second run updates the same entries instead of adding
 * more, and an entry keeps its number.
 */

/** A stable UUID for a demo entry's key. */
export function demoEntryId(key: string): string {
  const hash = createHash('sha1').update(`onewindow:faq-demo:${key}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Demo publication date: fixed, so the pages of a fresh database are the same every time. */
const demoPublishedAt = new Date('2026-01-05T01:00:00Z');

export async function seedDemoFaq(
  db: DatabaseOrTransaction,
  entries: readonly DemoFaqEntry[] = demoFaqEntries,
): Promise<number> {
  let written = 0;
  for (const demo of entries) {
    const columns = {
      unitCode: demo.unitCode,
      state: 'published',
      questionZh: demo.questionZh,
      questionEn: demo.questionEn === '' ? null : demo.questionEn,
      variantsZh: [...demo.variantsZh],
      variantsEn: [...demo.variantsEn],
      answerZh: demo.answerZh,
      answerEn: demo.answerEn === '' ? null : demo.answerEn,
      relatedServiceCodes: [...demo.relatedServiceCodes],
      themeCodes: [...demo.themeCodes],
      cakeCodes: [...demo.cakeCodes],
      serviceCodes: [...demo.serviceCodes],
      isDemo: true,
      publishedAt: demoPublishedAt,
      updatedAt: demoPublishedAt,
    };
    const [entry] = await db
      .insert(faqEntries)
      .values({ id: demoEntryId(demo.key), createdAt: demoPublishedAt, ...columns })
      .onConflictDoUpdate({ target: faqEntries.id, set: columns })
      .returning();
    if (entry === undefined) continue;
    await indexFaqEntry(db, entry);
    written += 1;
  }
  return written;
}
