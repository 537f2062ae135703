import { and, eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction, Transaction } from '../db/database.ts';
import type { Lang } from '../web/i18n.ts';
import { searchTextOf } from './bigrams.ts';
import { searchDocuments } from './search-schema.ts';

/**
 * Writing the site's search index (issue 15, ADR 0016). The module that publishes a thing writes its rows in
 * the publishing transaction (`indexDocuments`), and takes them out when it is withdrawn
 * (`removeFromIndex`); `rebuildSearchIndex` (the seed, `npx onewindow search:reindex`) rewrites every
 * source from the manifests' `searchSources`. Reading is `search-query.ts`.
 */

/** One public thing in one language, as the search index keeps it. */
export interface SearchDocument {
  readonly lang: Lang;
  /** 'announcement' … (content types), 'faq', 'service', 'plan'. */
  readonly kind: string;
  /** Bare (zh-TW) path of its page. */
  readonly path: string;
  readonly title: string;
  /** Other ways to name it, weighted as the title: an FAQ's question variants, DC.Subject keywords. */
  readonly keywords?: readonly string[];
  readonly summary?: string;
  readonly body?: string;
  /** Text extracted from its attachments. */
  readonly fileText?: string;
  readonly unitCode?: string | null;
  /** YYYY-MM-DD. */
  readonly publishedOn?: string | null;
  readonly visibleFrom?: Date | null;
  readonly visibleUntil?: Date | null;
  readonly themeCodes?: readonly string[];
  readonly cakeCodes?: readonly string[];
  readonly serviceCodes?: readonly string[];
}

/** A module's whole contribution to the index, for rebuilding it (AppModule.searchSources). */
export interface SearchSource {
  /** 'content', 'faq', 'service', 'plan': the `source` of its rows. */
  readonly source: string;
  /** Every public thing of the source, by its id, in batches (a generator keeps memory flat). */
  documents(db: DatabaseOrTransaction): AsyncIterable<readonly IndexedThing[]>;
}

export interface IndexedThing {
  readonly sourceId: string;
  readonly documents: readonly SearchDocument[];
}

/** Kept for snippets; the bigram terms are made of the whole text up to `maxIndexedLength`. */
const maxShownLength = 20_000;
/** Beyond this, text adds little to ranking and much to the index (an attachment of 300 pages). */
const maxIndexedLength = 60_000;

function clip(text: string | undefined, length: number): string {
  if (!text) return '';
  return text.length > length ? text.slice(0, length) : text;
}

export function rowOf(source: string, sourceId: string, document: SearchDocument) {
  const keywords = (document.keywords ?? []).join('\n');
  return {
    source,
    sourceId,
    lang: document.lang,
    kind: document.kind,
    path: document.path,
    title: document.title,
    summary: clip(document.summary, maxShownLength),
    body: clip(document.body, maxShownLength),
    fileText: clip(document.fileText, maxShownLength),
    unitCode: document.unitCode ?? null,
    publishedOn: document.publishedOn ?? null,
    visibleFrom: document.visibleFrom ?? null,
    visibleUntil: document.visibleUntil ?? null,
    themeCodes: [...(document.themeCodes ?? [])],
    cakeCodes: [...(document.cakeCodes ?? [])],
    serviceCodes: [...(document.serviceCodes ?? [])],
    titleTerms: searchTextOf(document.title, keywords),
    summaryTerms: searchTextOf(clip(document.summary, maxIndexedLength)),
    bodyTerms: searchTextOf(clip(document.body, maxIndexedLength)),
    fileTerms: searchTextOf(clip(document.fileText, maxIndexedLength)),
    updatedAt: new Date(),
  };
}

/**
 * Replaces the rows of one thing (all its languages) with `documents`: call it in the transaction that
 * publishes the thing. An empty list takes the thing out of the index.
 */
export async function indexDocuments(
  tx: DatabaseOrTransaction,
  source: string,
  sourceId: string,
  documents: readonly SearchDocument[],
): Promise<void> {
  await removeFromIndex(tx, source, sourceId);
  if (documents.length === 0) return;
  await tx.insert(searchDocuments).values(documents.map((document) => rowOf(source, sourceId, document)));
}

/** Takes one thing (all its languages) out of the index: withdrawn, deleted, no longer public. */
export async function removeFromIndex(tx: DatabaseOrTransaction, source: string, sourceId: string) {
  await tx
    .delete(searchDocuments)
    .where(and(eq(searchDocuments.source, source), eq(searchDocuments.sourceId, sourceId)));
}

/**
 * Rewrites every row of each source from its `documents()`: what the seed runs after the modules' seeds and
 * `npx onewindow search:reindex` runs on demand. One transaction: a reader sees the old index or the new.
 * Returns the rows written per source.
 */
export async function rebuildSearchIndex(
  tx: Transaction,
  sources: readonly SearchSource[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const source of sources) {
    await tx.delete(searchDocuments).where(eq(searchDocuments.source, source.source));
    let written = 0;
    for await (const batch of source.documents(tx)) {
      const rows = batch.flatMap((thing) =>
        thing.documents.map((document) => rowOf(source.source, thing.sourceId, document)),
      );
      // A few hundred rows per statement keeps each under PostgreSQL's 65,535 parameters.
      for (let start = 0; start < rows.length; start += 500) {
        await tx.insert(searchDocuments).values(rows.slice(start, start + 500));
      }
      written += rows.length;
    }
    counts[source.source] = written;
  }
  await tx.execute(sql`analyze search_documents`);
  return counts;
}
