import { desc, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { DomainError, notFound } from '../../../platform/http/errors.ts';
import { taipeiTimeOfDay } from '../../../platform/web/format-date.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import type { CaseRow } from './case-actor.ts';
import { caseText } from './case-messages.ts';
import { cases, caseTimeline } from './cases-schema.ts';
import { type CaseState, stateLabel } from './workflows.ts';

/**
 * Optimistic concurrency: every change bumps `cases.version`, and a change made on the version someone
 * saw before another person acted is refused with 409 naming who acted, when, and the state now.
 */

/** The case's row, locked for the rest of the transaction; NOT_FOUND when there is none. */
export async function lockCase(db: DatabaseOrTransaction, caseId: string, lang: Lang): Promise<CaseRow> {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId)).for('update');
  if (row === undefined) throw notFound(caseText(lang, 'caseNotFound'));
  return row;
}

async function lastChange(db: DatabaseOrTransaction, caseId: string) {
  const [event] = await db
    .select({ actorLabel: caseTimeline.actorLabel, occurredAt: caseTimeline.occurredAt })
    .from(caseTimeline)
    .where(eq(caseTimeline.caseId, caseId))
    .orderBy(desc(caseTimeline.id))
    .limit(1);
  return event;
}

const formatTaipeiTime = taipeiTimeOfDay;

/** The 409 for a change made on an older version: who changed the case last, when, and its state now. */
export async function staleVersionError(
  db: DatabaseOrTransaction,
  row: CaseRow,
  lang: Lang,
): Promise<DomainError> {
  const change = await lastChange(db, row.id);
  const state = stateLabel(row.state as CaseState);
  return new DomainError(
    'CONFLICT',
    caseText(lang, 'staleVersion', {
      actor: change?.actorLabel ?? '—',
      time: change === undefined ? '—' : formatTaipeiTime(change.occurredAt),
      state: lang === 'en' ? state.en : state.zh,
    }),
  );
}

/** Refuses (409) a change made on another version than the case's own. */
export async function checkVersion(
  db: DatabaseOrTransaction,
  row: CaseRow,
  expectedVersion: number,
  lang: Lang,
): Promise<void> {
  if (row.version !== expectedVersion) throw await staleVersionError(db, row, lang);
}
