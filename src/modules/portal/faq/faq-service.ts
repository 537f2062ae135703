import { eq } from 'drizzle-orm';
import { type AuditActor, type RequestOrigin, recordAudit } from '../../../platform/auth/audit-log.ts';
import type { Database, Transaction } from '../../../platform/db/database.ts';
import { announcePublished } from '../../../platform/db/publications.ts';
import { DomainError, type FieldProblem, notFound } from '../../../platform/http/errors.ts';
import { isUuid } from '../../../platform/http/ids.ts';
import { consumeRateLimit } from '../../../platform/http/rate-limit.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { closeFaqProposal, getFaqProposal } from '../../cases/index.ts';
import type { EntryFormValues } from './faq-form.ts';
import { type FaqEntryRow, indexFaqEntry } from './faq-index.ts';
import { faqText as text } from './faq-messages.ts';
import { editorChoices, entryByNumber, knownCodesOf } from './faq-queries.ts';
import { entryProblems, faqLimits, mayPublish, mayWithdraw, variantsOf } from './faq-rules.ts';
import { faqEntries, faqFeedback } from './faq-schema.ts';

/**
 * The FAQ's use cases: a reader's "was this useful?", and the editors' writing, publishing and withdrawing
 * of entries (each in one transaction, audited, the search index and the kept public pages told), and
 * dismissing an answer proposed from a case.
 */

export type FeedbackOutcome = { kind: 'thanks' } | { kind: 'limited'; retryAfterSeconds: number };

/**
 * One answer to "was this useful?" on a published entry. Limited per client (its IP) to a few an hour:
 * the limit counts votes only, so nobody can use it to keep anyone else out of anything.
 */
export async function recordFeedback(
  db: Database,
  options: {
    number: number;
    useful: 'yes' | 'no';
    comment: string;
    lang: Lang;
    clientIp: string;
    now: Date;
  },
): Promise<FeedbackOutcome> {
  const entry = await entryByNumber(db, options.number);
  if (entry === null || entry.state !== 'published') throw notFound(text(options.lang, 'entryNotFound'));
  const limit = await consumeRateLimit(db, {
    key: `faq:feedback-ip:${options.clientIp}`,
    limit: faqLimits.feedbackPerClientPerHour,
    windowSeconds: 3600,
    now: options.now,
  });
  if (!limit.allowed) return { kind: 'limited', retryAfterSeconds: limit.retryAfterSeconds };
  await db.insert(faqFeedback).values({
    faqId: entry.id,
    isUseful: options.useful === 'yes',
    comment: options.comment === '' ? null : options.comment,
    lang: options.lang,
    createdAt: options.now,
  });
  return { kind: 'thanks' };
}

/** Who acts on the editors' pages, as the routes hand it on (platform/auth/actor-context.ts). */
export interface EditorActor {
  staffId: string;
  auditActor: AuditActor;
  origin: RequestOrigin;
  now: Date;
  lang: Lang;
}

function invalid(lang: Lang, problems: FieldProblem[]): DomainError {
  return new DomainError('VALIDATION_FAILED', text(lang, 'invalid'), { problems });
}

/**
 * Tells the kept pages and the index what changed: the FAQ pages, the search, and the service pages when
 * the entry is (or was) about a service and is (or was) public.
 */
async function announceChange(tx: Transaction, before: FaqEntryRow | null, after: FaqEntryRow) {
  await indexFaqEntry(tx, after);
  const wasPublic = before?.state === 'published';
  const isPublic = after.state === 'published';
  if (!wasPublic && !isPublic) return;
  await announcePublished(tx, 'faq');
  await announcePublished(tx, 'search');
  const services = new Set([
    ...(wasPublic ? (before?.relatedServiceCodes ?? []) : []),
    ...(isPublic ? after.relatedServiceCodes : []),
  ]);
  if (services.size > 0) await announcePublished(tx, 'catalogue');
}

function columnsOf(values: EntryFormValues) {
  const orNull = (typed: string) => (typed.trim() === '' ? null : typed);
  return {
    unitCode: values.unitCode,
    questionZh: values.questionZh,
    questionEn: orNull(values.questionEn),
    variantsZh: variantsOf(values.variantsZh),
    variantsEn: variantsOf(values.variantsEn),
    answerZh: values.answerZh,
    answerEn: orNull(values.answerEn),
    relatedServiceCodes: [...new Set(values.relatedServiceCodes)],
    themeCodes: [...new Set(values.themeCodes)],
    cakeCodes: [...new Set(values.cakeCodes)],
    serviceCodes: [...new Set(values.serviceCodes)],
  };
}

/**
 * Creates an entry (a draft) or changes one (`number`); a published entry changes in public at once. An
 * entry made of a case's proposal marks the proposal used in the same transaction. Every problem at once.
 */
export async function saveEntry(
  db: Database,
  options: { number: number | null; values: EntryFormValues; actor: EditorActor },
): Promise<{ number: number }> {
  const { values, actor } = options;
  const lang = actor.lang;
  const before = options.number === null ? null : await entryByNumber(db, options.number);
  if (options.number !== null && before === null) throw notFound(text(lang, 'entryNotFound'));
  const problems = entryProblems(values, knownCodesOf(await editorChoices(db, lang)), lang);
  const proposalId = options.number === null && values.proposalId !== '' ? values.proposalId : null;
  if (proposalId !== null) {
    const proposal = isUuid(proposalId) ? await getFaqProposal(db, proposalId) : null;
    if (proposal === null || proposal.state !== 'open')
      problems.push({ field: 'proposalId', code: 'closed', message: text(lang, 'proposalGone') });
  }
  if (problems.length > 0) throw invalid(lang, problems);
  return db.transaction(async (tx) => {
    const columns = { ...columnsOf(values), updatedByStaffId: actor.staffId, updatedAt: actor.now };
    let after: FaqEntryRow | undefined;
    if (before === null) {
      [after] = await tx
        .insert(faqEntries)
        .values({
          ...columns,
          state: 'draft',
          sourceProposalId: proposalId,
          createdByStaffId: actor.staffId,
          createdAt: actor.now,
        })
        .returning();
    } else {
      [after] = await tx.update(faqEntries).set(columns).where(eq(faqEntries.id, before.id)).returning();
    }
    if (after === undefined) throw new Error('The FAQ entry was not written.');
    if (proposalId !== null) {
      const isClosed = await closeFaqProposal(tx, {
        id: proposalId,
        state: 'used',
        staffId: actor.staffId,
        now: actor.now,
        faqEntryId: after.id,
      });
      // Closed by someone else between the check and now: nothing is written.
      if (!isClosed)
        throw invalid(lang, [{ field: 'proposalId', code: 'closed', message: text(lang, 'proposalGone') }]);
    }
    await announceChange(tx, before, after);
    const audit = {
      occurredAt: actor.now,
      actor: actor.auditActor,
      target: { type: 'faq_entry', id: after.id },
      origin: actor.origin,
      details: { number: after.number, ...(proposalId === null ? {} : { proposalId }) },
    };
    await recordAudit(
      tx,
      before === null ? { ...audit, action: 'faq.create' } : { ...audit, action: 'faq.update' },
    );
    return { number: after.number };
  });
}

/** Publishes a draft or a withdrawn entry, or withdraws a published one: indexed, announced, audited. */
export async function changeEntryState(
  db: Database,
  options: { number: number; to: 'published' | 'withdrawn'; actor: EditorActor },
): Promise<{ number: number }> {
  const { actor } = options;
  const before = await entryByNumber(db, options.number);
  if (before === null) throw notFound(text(actor.lang, 'entryNotFound'));
  const isAllowed = options.to === 'published' ? mayPublish(before.state) : mayWithdraw(before.state);
  if (!isAllowed)
    throw new DomainError(
      'INVALID_TRANSITION',
      text(actor.lang, options.to === 'published' ? 'cannotPublish' : 'cannotWithdraw'),
    );
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(faqEntries)
      .set({
        state: options.to,
        updatedByStaffId: actor.staffId,
        updatedAt: actor.now,
        ...(options.to === 'published' ? { publishedAt: actor.now } : {}),
      })
      .where(eq(faqEntries.id, before.id))
      .returning();
    if (after === undefined) throw new Error('The FAQ entry vanished.');
    await announceChange(tx, before, after);
    const audit = {
      occurredAt: actor.now,
      actor: actor.auditActor,
      target: { type: 'faq_entry', id: after.id },
      origin: actor.origin,
      details: { number: after.number },
    };
    await recordAudit(
      tx,
      options.to === 'published' ? { ...audit, action: 'faq.publish' } : { ...audit, action: 'faq.withdraw' },
    );
    return { number: after.number };
  });
}

/** Dismisses an open proposal from a case (CONFLICT when it was already handled), audited. */
export async function dismissProposal(
  db: Database,
  options: { id: string; actor: EditorActor },
): Promise<void> {
  const { actor } = options;
  if (!isUuid(options.id)) throw notFound(text(actor.lang, 'proposalGone'));
  await db.transaction(async (tx) => {
    const isClosed = await closeFaqProposal(tx, {
      id: options.id,
      state: 'dismissed',
      staffId: actor.staffId,
      now: actor.now,
    });
    if (!isClosed) throw new DomainError('CONFLICT', text(actor.lang, 'proposalGone'));
    await recordAudit(tx, {
      occurredAt: actor.now,
      actor: actor.auditActor,
      action: 'faq.proposal_dismiss',
      target: { type: 'case_faq_proposal', id: options.id },
      origin: actor.origin,
      details: {},
    });
  });
}
