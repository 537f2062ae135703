import { and, eq } from 'drizzle-orm';
import type { DemoDataContext } from '../../../platform/composition/app-module.ts';
import { withTransaction } from '../../../platform/db/database.ts';
import { announcePublished } from '../../../platform/db/publications.ts';
import { ODT_MEDIA_TYPE, writeOdt } from '../../../platform/documents/odt.ts';
import { recordStoredFile, type StoredContent } from '../../../platform/files/file-store.ts';
import { type DemoContentFile, demoContentItems } from './content-demo-items.ts';
import { indexContentItem } from './content-index.ts';
import { contentAttachments, contentItems, contentVersions } from './content-schema.ts';

/**
 * The demo forms' files (issue 15 §1: forms with their attachments and filled-in samples): small ODT
 * documents generated here, put in the file store and attached to the published version of each demo form
 * the seed wrote, their text kept for search. demoData (`DEMO_DATA`), not the seed: it needs the file store.
 * Idempotent: a file already attached (by its name) is not attached again.
 */

/** Fixed, so the same document gives the same bytes (and the same stored file) at every run. */
const documentDate = new Date('2025-12-01T00:00:00Z');

export async function seedDemoContentFiles(context: DemoDataContext): Promise<number> {
  const { db, files } = context;
  let attached = 0;
  for (const demo of demoContentItems) {
    if (!demo.files || demo.files.length === 0) continue;
    const [item] = await db
      .select({ id: contentItems.id, publishedVersion: contentItems.publishedVersion })
      .from(contentItems)
      .innerJoin(
        contentVersions,
        and(eq(contentVersions.itemId, contentItems.id), eq(contentVersions.version, 1)),
      )
      .where(and(eq(contentItems.isDemo, true), eq(contentVersions.titleZh, demo.titleZh)));
    if (!item || item.publishedVersion === null) continue;
    const version = item.publishedVersion;
    const present = new Set(
      (
        await db
          .select({ fileName: contentAttachments.fileName })
          .from(contentAttachments)
          .where(and(eq(contentAttachments.itemId, item.id), eq(contentAttachments.version, version)))
      ).map((row) => row.fileName),
    );
    const wanted = demo.files.filter((file) => !present.has(`${file.key}.odt`));
    if (wanted.length === 0) continue;
    const stored: { file: DemoContentFile; bytes: StoredContent }[] = [];
    for (const file of wanted) {
      const [heading = file.titleZh, ...rest] = file.lines;
      const bytes = writeOdt({
        title: file.titleZh,
        lang: 'zh-TW',
        created: documentDate,
        blocks: [
          { type: 'heading', level: 1, text: heading },
          ...rest.map((line) => ({ type: 'paragraph' as const, text: line })),
          { type: 'paragraph', text: '（示範文件 / Demo document）' },
        ],
      });
      stored.push({ file, bytes: await files.put(bytes) });
    }
    const now = context.clock.now();
    await withTransaction(db, async (tx) => {
      for (const [index, { file, bytes }] of stored.entries()) {
        await recordStoredFile(tx, { ...bytes, mediaType: ODT_MEDIA_TYPE }, now);
        await tx.insert(contentAttachments).values({
          itemId: item.id,
          version,
          fileName: `${file.key}.odt`,
          mediaType: ODT_MEDIA_TYPE,
          sizeBytes: bytes.sizeBytes,
          sha256: bytes.sha256,
          titleZh: file.titleZh,
          titleEn: file.titleEn,
          role: file.role,
          extractedText: file.lines.join('\n'),
          sortOrder: demo.files?.indexOf(file) ?? index,
          addedAt: now,
        });
      }
      await indexContentItem(tx, item.id);
      await announcePublished(tx, 'content');
      await announcePublished(tx, 'search');
    });
    attached += stored.length;
  }
  return attached;
}
