import { and, count, desc, eq, isNotNull } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { pageWindow } from '../../../platform/db/paging.ts';
import type { CasesContext, StaffCaseActor } from '../core/case-actor.ts';
import { recordCaseAudit } from '../core/case-audit.ts';
import { ensureMayReadCase } from '../core/case-reading.ts';
import { cases, caseTimeline } from '../core/cases-schema.ts';
import { caseFaqProposals } from './faq-proposal-schema.ts';

/**
 * "Propose as FAQ" (issue 15): a handler or supervisor who may read a case sends its question and answer,
 * rewritten for everyone, to the web editors; the portal module lists the open proposals
 * (`listFaqProposals`) and closes each when it made an entry of it or dismissed it (`closeFaqProposal`).
 */

export type FaqProposalState = 'open' | 'used' | 'dismissed';

export interface FaqProposal {
  id: string;
  question: string;
  answer: string;
  proposedAt: Date;
  state: FaqProposalState;
}

const proposalColumns = {
  id: caseFaqProposals.id,
  question: caseFaqProposals.question,
  answer: caseFaqProposals.answer,
  proposedAt: caseFaqProposals.proposedAt,
  state: caseFaqProposals.state,
};

/** What the proposal form starts from: the case's question and the answers it holds. */
export async function faqProposalFacts(
  context: Pick<CasesContext, 'db' | 'now' | 'lang' | 'origin'>,
  actor: StaffCaseActor,
  caseId: string,
): Promise<{
  caseNumber: string;
  subject: string;
  description: string;
  resolution: string | null;
  latestPublicNote: string | null;
}> {
  await ensureMayReadCase(context, actor, { caseId });
  const [row] = await context.db
    .select({
      caseNumber: cases.caseNumber,
      subject: cases.subject,
      description: cases.description,
      resolution: cases.resolution,
    })
    .from(cases)
    .where(eq(cases.id, caseId));
  const [note] = await context.db
    .select({ publicNote: caseTimeline.publicNote })
    .from(caseTimeline)
    .where(and(eq(caseTimeline.caseId, caseId), isNotNull(caseTimeline.publicNote)))
    .orderBy(desc(caseTimeline.occurredAt))
    .limit(1);
  if (row === undefined) throw new Error(`Case ${caseId} vanished after its read check.`);
  return { ...row, latestPublicNote: note?.publicNote ?? null };
}

/** Records an open proposal from a case the person may read (403 otherwise), audited. */
export async function proposeFaqFromCase(
  context: Pick<CasesContext, 'db' | 'now' | 'lang' | 'origin'>,
  actor: StaffCaseActor,
  options: { caseId: string; question: string; answer: string },
): Promise<{ id: string }> {
  await ensureMayReadCase(context, actor, { caseId: options.caseId });
  return context.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(caseFaqProposals)
      .values({
        caseId: options.caseId,
        question: options.question,
        answer: options.answer,
        proposedByStaffId: actor.id,
        proposedAt: context.now,
      })
      .returning({ id: caseFaqProposals.id });
    if (row === undefined) throw new Error('The proposal was not written.');
    // What happened, never what was typed.
    await recordCaseAudit(tx, context, actor, {
      action: 'case.faq_proposed',
      caseId: options.caseId,
      details: { proposalId: row.id },
    });
    return { id: row.id };
  });
}

/** The proposals in one state, newest first, a page at a time (the portal's /staff/faq/proposals). */
export async function listFaqProposals(
  db: DatabaseOrTransaction,
  options: { state: FaqProposalState; page: number; pageSize?: number },
): Promise<{ proposals: FaqProposal[]; total: number }> {
  const window = pageWindow(options.page, options.pageSize ?? 20);
  const where = eq(caseFaqProposals.state, options.state);
  const [rows, [total]] = await Promise.all([
    db
      .select(proposalColumns)
      .from(caseFaqProposals)
      .where(where)
      .orderBy(desc(caseFaqProposals.proposedAt), desc(caseFaqProposals.id))
      .limit(window.pageSize)
      .offset(window.offset),
    db.select({ value: count() }).from(caseFaqProposals).where(where),
  ]);
  return { proposals: rows as FaqProposal[], total: total?.value ?? 0 };
}

/** One proposal by id, or null. */
export async function getFaqProposal(db: DatabaseOrTransaction, id: string): Promise<FaqProposal | null> {
  const [row] = await db.select(proposalColumns).from(caseFaqProposals).where(eq(caseFaqProposals.id, id));
  return (row as FaqProposal | undefined) ?? null;
}

/**
 * Closes an open proposal in the caller's transaction: 'used' (an FAQ entry was made of it) or 'dismissed'.
 * False when it was not open (someone else closed it first): the caller says so.
 */
export async function closeFaqProposal(
  tx: DatabaseOrTransaction,
  options: {
    id: string;
    state: 'used' | 'dismissed';
    staffId: string;
    now: Date;
    faqEntryId?: string | undefined;
  },
): Promise<boolean> {
  const closed = await tx
    .update(caseFaqProposals)
    .set({
      state: options.state,
      closedByStaffId: options.staffId,
      closedAt: options.now,
      faqEntryId: options.faqEntryId ?? null,
    })
    .where(and(eq(caseFaqProposals.id, options.id), eq(caseFaqProposals.state, 'open')))
    .returning({ id: caseFaqProposals.id });
  return closed.length > 0;
}
