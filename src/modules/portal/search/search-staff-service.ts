import { and, asc, count, desc, eq, gte, ne, sql } from 'drizzle-orm';
import type { AuditActor, RequestOrigin } from '../../../platform/auth/audit-log.ts';
import { recordAudit } from '../../../platform/auth/audit-log.ts';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import type { PageWindow } from '../../../platform/db/paging.ts';
import { announcePublished } from '../../../platform/db/publications.ts';
import { DomainError, type FieldProblem, notFound } from '../../../platform/http/errors.ts';
import { forgetSynonyms } from '../../../platform/search/search-query.ts';
import { searchMisses, searchSynonyms } from '../../../platform/search/search-schema.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { searchText as text } from './search-messages.ts';
import { cleanSynonym } from './synonym-rules.ts';

/** The staff's search pages: what was searched and not found, and the synonym table (audited). */

export interface MissRow {
  readonly query: string;
  readonly total: number;
  readonly days: number;
  readonly lastAt: Date;
}

export const missDays = 30;

/** The day as seen in Taiwan (UTC+8). */
function taiwanDay(moment: Date): string {
  return new Date(moment.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The last 30 days' misses in one language, most frequent first, a page at a time (with the count). */
export async function listMisses(
  db: DatabaseOrTransaction,
  options: { lang: Lang; now: Date; window: PageWindow },
): Promise<{ rows: MissRow[]; total: number }> {
  const since = taiwanDay(new Date(options.now.getTime() - (missDays - 1) * 86_400_000));
  const where = and(eq(searchMisses.lang, options.lang), gte(searchMisses.day, since));
  const rows = await db
    .select({
      query: searchMisses.query,
      total: sql<number>`sum(${searchMisses.count})::int`,
      days: sql<number>`count(*)::int`,
      lastAt: sql<Date>`max(${searchMisses.lastAt})`,
    })
    .from(searchMisses)
    .where(where)
    .groupBy(searchMisses.query)
    .orderBy(desc(sql`sum(${searchMisses.count})`), asc(searchMisses.query))
    .limit(options.window.limit)
    .offset(options.window.offset);
  const [counted] = await db
    .select({ total: sql<number>`count(distinct ${searchMisses.query})::int` })
    .from(searchMisses)
    .where(where);
  return {
    rows: rows.map((row) => ({ ...row, lastAt: new Date(row.lastAt) })),
    total: counted?.total ?? 0,
  };
}

export type SynonymRow = typeof searchSynonyms.$inferSelect;

export async function listSynonyms(
  db: DatabaseOrTransaction,
  window: PageWindow,
): Promise<{ rows: SynonymRow[]; total: number }> {
  const rows = await db
    .select()
    .from(searchSynonyms)
    .orderBy(asc(searchSynonyms.phrase))
    .limit(window.limit)
    .offset(window.offset);
  const [counted] = await db.select({ total: count() }).from(searchSynonyms);
  return { rows, total: counted?.total ?? 0 };
}

export async function getSynonym(db: DatabaseOrTransaction, id: string): Promise<SynonymRow | null> {
  const [row] = await db.select().from(searchSynonyms).where(eq(searchSynonyms.id, id));
  return row ?? null;
}

export interface SynonymWrite {
  readonly values: { phrase: string; expansion: string };
  readonly actor: AuditActor;
  readonly origin?: RequestOrigin;
  readonly now: Date;
  readonly lang: Lang;
  /** The form's own problems (readForm), listed with the rules'. */
  readonly knownProblems?: readonly FieldProblem[];
}

function invalid(lang: Lang, problems: FieldProblem[]): DomainError {
  return new DomainError('VALIDATION_FAILED', text(lang, 'invalid'), { problems });
}

async function phraseTakenProblem(
  db: DatabaseOrTransaction,
  phrase: string,
  exceptId: string | null,
  lang: Lang,
): Promise<FieldProblem | null> {
  if (phrase === '') return null;
  const [taken] = await db
    .select({ id: searchSynonyms.id })
    .from(searchSynonyms)
    .where(
      exceptId
        ? and(eq(searchSynonyms.phrase, phrase), ne(searchSynonyms.id, exceptId))
        : eq(searchSynonyms.phrase, phrase),
    );
  return taken
    ? { field: 'phrase', code: 'phrase_taken', message: text(lang, 'phraseTaken', { phrase }) }
    : null;
}

/** Every problem at once: the form's, the rules', a phrase another synonym has. */
async function problemsOf(db: DatabaseOrTransaction, write: SynonymWrite, exceptId: string | null) {
  const { synonym, problems } = cleanSynonym(write.values, write.lang);
  const all = [...(write.knownProblems ?? [])];
  const reported = new Set(all.map((problem) => problem.field));
  for (const problem of problems) if (!reported.has(problem.field)) all.push(problem);
  const taken = reported.has('phrase')
    ? null
    : await phraseTakenProblem(db, synonym.phrase, exceptId, write.lang);
  if (taken) all.push(taken);
  return { synonym, problems: all };
}

/** Search results change with the table: kept search answers are rendered again, this process reads it anew. */
async function afterWrite(tx: DatabaseOrTransaction) {
  await announcePublished(tx, 'search');
  forgetSynonyms();
}

export async function addSynonym(db: DatabaseOrTransaction, write: SynonymWrite): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const { synonym, problems } = await problemsOf(tx, write, null);
    if (problems.length > 0) throw invalid(write.lang, problems);
    const [row] = await tx
      .insert(searchSynonyms)
      .values({ ...synonym, updatedByStaffId: write.actor.staffId, updatedAt: write.now })
      .returning({ id: searchSynonyms.id });
    if (!row) throw new Error('the synonym was not written');
    await recordAudit(tx, {
      occurredAt: write.now,
      actor: write.actor,
      action: 'portal.synonym_added',
      target: { type: 'search_synonym', id: row.id },
      ...(write.origin ? { origin: write.origin } : {}),
      details: { phrase: synonym.phrase, expansion: synonym.expansion },
    });
    await afterWrite(tx);
    return row;
  });
}

export async function changeSynonym(
  db: DatabaseOrTransaction,
  id: string,
  write: SynonymWrite,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(searchSynonyms).where(eq(searchSynonyms.id, id)).for('update');
    if (!existing) throw notFound(text(write.lang, 'synonymNotFound'));
    const { synonym, problems } = await problemsOf(tx, write, id);
    if (problems.length > 0) throw invalid(write.lang, problems);
    await tx
      .update(searchSynonyms)
      .set({ ...synonym, updatedByStaffId: write.actor.staffId, updatedAt: write.now })
      .where(eq(searchSynonyms.id, id));
    await recordAudit(tx, {
      occurredAt: write.now,
      actor: write.actor,
      action: 'portal.synonym_changed',
      target: { type: 'search_synonym', id },
      ...(write.origin ? { origin: write.origin } : {}),
      details: {
        from: { phrase: existing.phrase, expansion: existing.expansion },
        to: { phrase: synonym.phrase, expansion: synonym.expansion },
      },
    });
    await afterWrite(tx);
  });
}

export async function removeSynonym(
  db: DatabaseOrTransaction,
  id: string,
  options: { actor: AuditActor; origin?: RequestOrigin; now: Date; lang: Lang },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [removed] = await tx.delete(searchSynonyms).where(eq(searchSynonyms.id, id)).returning();
    if (!removed) throw notFound(text(options.lang, 'synonymNotFound'));
    await recordAudit(tx, {
      occurredAt: options.now,
      actor: options.actor,
      action: 'portal.synonym_removed',
      target: { type: 'search_synonym', id },
      ...(options.origin ? { origin: options.origin } : {}),
      details: { phrase: removed.phrase, expansion: removed.expansion },
    });
    await afterWrite(tx);
  });
}
