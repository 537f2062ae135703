import { eq, type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction, Transaction } from '../../../platform/db/database.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import type { CaseRow } from './case-actor.ts';
import { caseText } from './case-messages.ts';
import { cases } from './cases-schema.ts';
import { type CaseState, finishedStates } from './workflows.ts';

/**
 * Merges of more than one level (併案). A merged case names the case it went into (`merged_into_id`), and
 * that one may later be merged in turn: A → B → C. The rules:
 *
 * - Merging into a case that was itself merged follows the chain to the case everyone now follows (the
 *   last of the chain, still open): asked for B, A goes into C. A handler who typed B's number means "the
 *   same problem as B", and B's problem is now handled as C; refusing would only send them to look C up.
 * - A case cannot go into itself, nor into a case whose chain ends in it (a cycle): both refused, with the
 *   case number named, and nothing written.
 * - When C is fixed or closed, everyone of every case merged into it at any depth is told (A via B too),
 *   and A's public page and /track point to C, not to B.
 *
 * Chains are read with a recursive query; `maxChainDepth` only guards against a loop in damaged data.
 */

/** Far more levels than any real chain; a loop in the data stops here instead of running forever. */
export const maxChainDepth = 32;

/** The ids of every case merged into `caseId` at any depth (A via B when B went into C), as a subquery. */
export function mergedAtAnyDepth(caseId: string): SQL {
  return sql`(with recursive merged(id, depth) as (
      select id, 1 from cases where merged_into_id = ${caseId}
      union all
      select c.id, merged.depth + 1 from cases c join merged on c.merged_into_id = merged.id
      where merged.depth < ${maxChainDepth}
    ) select id from merged)`;
}

/** The case at the end of `caseId`'s chain of merges (the case itself when it was not merged). */
export async function endOfMergeChain(
  db: DatabaseOrTransaction,
  caseId: string,
): Promise<{ id: string; caseNumber: string; state: string } | null> {
  const result = await db.execute<{ id: string; case_number: string; state: string }>(sql`
    with recursive chain(id, merged_into_id, depth) as (
      select id, merged_into_id, 0 from cases where id = ${caseId}
      union all
      select c.id, c.merged_into_id, chain.depth + 1 from cases c join chain on c.id = chain.merged_into_id
      where chain.depth < ${maxChainDepth}
    )
    select cases.id, cases.case_number, cases.state
    from chain join cases on cases.id = chain.id
    order by chain.depth desc limit 1`);
  const row = result.rows[0];
  return row === undefined ? null : { id: row.id, caseNumber: row.case_number, state: row.state };
}

/**
 * The case a merge of `row` into the case numbered `caseNumber` goes into, locked (FOR SHARE) until the
 * merge commits: nobody can fix it (and tell its followers) or merge it elsewhere meanwhile, so the
 * reporters of `row` are never missed and two merges at once cannot make a cycle. `asked` is the case
 * named (B when the merge goes into C). Or the one problem that refuses the merge.
 */
export async function mergeTargetOf(
  tx: Transaction,
  row: Pick<CaseRow, 'id'>,
  caseNumber: string,
  lang: Lang,
): Promise<{ target: CaseRow; asked: CaseRow } | { problem: FieldProblem }> {
  const problem = (code: string, message: string) => ({ problem: { field: 'targetCase', code, message } });
  const [asked] = await tx.select().from(cases).where(eq(cases.caseNumber, caseNumber));
  if (asked === undefined) return problem('unknown', caseText(lang, 'targetCaseUnknown'));
  if (asked.id === row.id) return problem('self', caseText(lang, 'targetCaseSelf'));
  for (let attempt = 0; attempt < maxChainDepth; attempt += 1) {
    const end = await endOfMergeChain(tx, asked.id);
    if (end === null) return problem('unknown', caseText(lang, 'targetCaseUnknown'));
    // `row` is open, so it can only be the end of a chain: then the chain runs through it.
    if (end.id === row.id)
      return problem('cycle', caseText(lang, 'targetCaseCycle', { caseNumber: asked.caseNumber }));
    const target = await lockedForShare(tx, end.id, lang);
    // Merged elsewhere between the read and the lock: follow the chain again from where it now ends.
    if (target === undefined || target.mergedIntoId !== null) continue;
    if (finishedStates.has(target.state as CaseState))
      return target.id === asked.id
        ? problem('finished', caseText(lang, 'targetCaseFinished'))
        : problem(
            'finished',
            caseText(lang, 'targetCaseChainFinished', {
              caseNumber: asked.caseNumber,
              finalNumber: target.caseNumber,
            }),
          );
    return { target, asked };
  }
  throw busy(lang);
}

async function lockedForShare(tx: Transaction, caseId: string, lang: Lang): Promise<CaseRow | undefined> {
  try {
    const [locked] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('share');
    return locked;
  } catch (error) {
    // Two cases merged into each other at the same moment: PostgreSQL ends one of the two transactions
    // (a deadlock). Say so in words, nothing was written.
    if (isDeadlock(error)) throw busy(lang);
    throw error;
  }
}

function isDeadlock(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause)
    if ((current as { code?: string }).code === '40P01') return true;
  return false;
}

function busy(lang: Lang): DomainError {
  return new DomainError('CONFLICT', caseText(lang, 'targetCaseBusy'));
}
