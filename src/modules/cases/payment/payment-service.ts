import { and, desc, eq, ne } from 'drizzle-orm';
import { type AuditActor, recordAudit } from '../../../platform/auth/audit-log.ts';
import { type Database, type Transaction, withTransaction } from '../../../platform/db/database.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import { isUuid } from '../../../platform/http/ids.ts';
import type { PaymentProvider } from '../../../platform/payments/payment-provider.ts';
import { localePath } from '../../../platform/web/i18n.ts';
import type { CaseRow, CasesContext, StaffCaseActor } from '../core/case-actor.ts';
import { recordCaseAudit } from '../core/case-audit.ts';
import { queueCaseNotices } from '../core/case-notices.ts';
import { addToTimeline } from '../core/case-timeline.ts';
import { checkVersion, lockCase } from '../core/case-versions.ts';
import { cases } from '../core/cases-schema.ts';
import { transitionCase } from '../core/transition-case.ts';
import { owesFee, twd } from './fee-words.ts';
import { paymentText } from './payment-messages.ts';
import { paymentPaths } from './payment-paths.ts';
import { counterPaymentProblems, refundProblems } from './payment-rules.ts';
import { casePayments, paymentCallbacks } from './payment-schema.ts';
import type { CallbackOutcome, CounterMethod } from './payment-vocabulary.ts';

/**
 * The fee's use cases (issue 11 §3): start an online payment, receive the provider's callback or return,
 * record a counter payment, record a refund. Each in one transaction, audited. A payment is applied once:
 * under the case's row lock and the payment's (FOR UPDATE, in that order everywhere), the payment is set
 * paid with its receipt number and the case moves by `payment_received` through transitionCase (which sets
 * fee_paid_at and queues the receipt e-mail) — in the same transaction, so a duplicated or replayed notice
 * (the callback and the return racing, or the same callback twice) finds the payment paid and changes
 * nothing. Every notice is recorded in payment_callbacks with what became of it.
 */

export type PaymentRow = typeof casePayments.$inferSelect;

export interface PaymentsContext extends CasesContext {
  provider: PaymentProvider;
}

/** The payment provider, as the audit log names it (no staff member acts). */
const providerActor = (provider: string): AuditActor => ({ staffId: null, label: `payment:${provider}` });

/**
 * transitionCase in the payment's own transaction (a savepoint of it): the payment row and the case change
 * commit together or not at all. Drizzle's transaction handle has the database's query surface and opens a
 * savepoint for a nested transaction.
 */
function inTransaction<C extends CasesContext>(context: C, tx: Transaction): C {
  return { ...context, db: tx as unknown as Database };
}

export async function listPayments(db: Database, caseId: string): Promise<PaymentRow[]> {
  return db
    .select()
    .from(casePayments)
    .where(eq(casePayments.caseId, caseId))
    .orderBy(desc(casePayments.createdAt));
}

/** The payment a receipt is about: the one paid (or later refunded), newest first. */
export function receiptPaymentOf(payments: readonly PaymentRow[]): PaymentRow | null {
  return payments.find((payment) => payment.state === 'paid' || payment.state === 'refunded') ?? null;
}

// ---------------------------------------------------------------------------------------------- online

/**
 * The applicant pressed Pay on /track: a `pending` payment of the case's fee, and where the provider's page
 * is. Refused (a problem in their language) unless the case waits for its fee.
 */
export async function startOnlinePayment(
  context: PaymentsContext,
  options: { caseId: string },
): Promise<{ redirectUrl: string } | { problem: FieldProblem }> {
  const { lang, now, provider } = context;
  const created = await withTransaction(context.db, async (tx) => {
    const row = await lockCase(tx, options.caseId, lang);
    if (row.state !== 'awaiting_payment' || !owesFee(row)) return null;
    const [payment] = await tx
      .insert(casePayments)
      .values({
        caseId: row.id,
        amountTwd: row.feeAmountTwd,
        currency: 'TWD',
        method: 'online',
        provider: provider.name,
        state: 'pending',
        createdAt: now,
      })
      .returning();
    if (payment === undefined) throw new Error('insert returned no payment');
    return { payment, row };
  });
  if (created === null)
    return { problem: { field: '', code: 'not_awaiting', message: paymentText(lang, 'notAwaitingPayment') } };
  const base = context.publicBaseUrl.replace(/\/+$/, '');
  const { redirectUrl } = await provider.startPayment({
    paymentId: created.payment.id,
    amountTwd: created.payment.amountTwd,
    currency: 'TWD',
    returnUrl: `${base}${localePath(lang, paymentPaths.providerReturn)}`,
    callbackUrl: `${base}${paymentPaths.providerCallback}`,
    description: paymentText(lang, 'providerDescription', { caseNumber: created.row.caseNumber }),
  });
  return { redirectUrl };
}

export interface NoticeResult {
  outcome: CallbackOutcome;
  /** The case the payment is for, when it is known (the return page links to its look-up). */
  caseNumber: string | null;
  /** The receipt number once paid (applied, or a duplicate of an applied one). */
  receiptNumber: string | null;
}

/** Outcomes that refuse the notice; each is audited. */
const refusals: ReadonlySet<CallbackOutcome> = new Set([
  'bad_signature',
  'wrong_amount',
  'wrong_currency',
  'unknown_payment',
  'already_paid',
  'not_awaiting',
]);

/**
 * A callback or a return from the provider: the signature checked, then the provider asked to confirm, then —
 * under the case's and the payment's locks — applied once, or refused, or recognised as a duplicate.
 */
export async function receiveProviderNotice(
  context: PaymentsContext,
  options: { fields: Readonly<Record<string, string>>; via: 'callback' | 'return' },
): Promise<NoticeResult> {
  const { provider, now } = context;
  const read = provider.readNotice(options.fields);
  const record = async (
    db: Database | Transaction,
    outcome: CallbackOutcome,
    facts: { paymentId: string | null; reference: string | null; details?: Record<string, unknown> },
  ) => {
    await db.insert(paymentCallbacks).values({
      provider: provider.name,
      providerReference: facts.reference,
      receivedAt: now,
      outcome,
      paymentId: facts.paymentId,
      details: { via: options.via, ...facts.details },
    });
    if (refusals.has(outcome))
      await recordAudit(db, {
        occurredAt: now,
        actor: providerActor(provider.name),
        action: 'payment.callback_refused',
        target: facts.paymentId === null ? undefined : { type: 'case_payment', id: facts.paymentId },
        origin: context.origin,
        details: { outcome, via: options.via, provider: provider.name },
      });
  };

  if (read.kind === 'bad_signature') {
    const known =
      read.paymentId !== null && isUuid(read.paymentId)
        ? await paymentById(context.db, read.paymentId)
        : null;
    await record(context.db, 'bad_signature', {
      paymentId: known?.id ?? null,
      reference: read.providerReference,
    });
    return { outcome: 'bad_signature', caseNumber: null, receiptNumber: null };
  }
  const notice = read.notice;
  const confirmed = await provider.confirm(notice.providerReference);
  const payment = isUuid(notice.paymentId) ? await paymentById(context.db, notice.paymentId) : null;
  if (payment === null || confirmed === null || confirmed.paymentId !== notice.paymentId) {
    await record(context.db, 'unknown_payment', {
      paymentId: payment?.id ?? null,
      reference: notice.providerReference,
    });
    return { outcome: 'unknown_payment', caseNumber: null, receiptNumber: null };
  }

  try {
    return await withTransaction(context.db, async (tx) => {
      // The case first, then its payment: the order every payment use case locks in.
      const row = await lockCase(tx, payment.caseId, context.lang);
      const [locked] = await tx
        .select()
        .from(casePayments)
        .where(eq(casePayments.id, payment.id))
        .for('update');
      if (locked === undefined) throw new Error('payment vanished');
      const facts = { paymentId: locked.id, reference: notice.providerReference };
      const result = (outcome: CallbackOutcome, receiptNumber: string | null = null): NoticeResult => ({
        outcome,
        caseNumber: row.caseNumber,
        receiptNumber,
      });
      if (locked.state === 'paid' && locked.providerReference === confirmed.providerReference) {
        await record(tx, 'duplicate', facts);
        return result('duplicate', locked.receiptNumber);
      }
      if (confirmed.status !== 'paid') {
        if (locked.state === 'pending')
          await tx.update(casePayments).set({ state: 'failed' }).where(eq(casePayments.id, locked.id));
        await record(tx, 'failed', { ...facts, details: { status: confirmed.status } });
        return result('failed');
      }
      const otherPaid = await tx
        .select({ id: casePayments.id })
        .from(casePayments)
        .where(
          and(
            eq(casePayments.caseId, row.id),
            eq(casePayments.state, 'paid'),
            ne(casePayments.id, locked.id),
          ),
        );
      if (
        locked.state === 'paid' ||
        locked.state === 'refunded' ||
        otherPaid.length > 0 ||
        row.feePaidAt !== null
      ) {
        await record(tx, 'already_paid', facts);
        return result('already_paid');
      }
      if (
        confirmed.currency !== 'TWD' ||
        notice.currency !== confirmed.currency ||
        locked.currency !== 'TWD'
      ) {
        await record(tx, 'wrong_currency', {
          ...facts,
          details: { currency: confirmed.currency.slice(0, 10) },
        });
        return result('wrong_currency');
      }
      if (
        confirmed.amount !== locked.amountTwd ||
        notice.amount !== confirmed.amount ||
        locked.amountTwd !== row.feeAmountTwd
      ) {
        await record(tx, 'wrong_amount', {
          ...facts,
          details: { amount: confirmed.amount, owed: row.feeAmountTwd },
        });
        return result('wrong_amount');
      }
      if (row.state !== 'awaiting_payment') {
        // The case ended (rejected, withdrawn) while the applicant was paying: the money was taken, so the
        // payment is kept as paid and the case counted as paid — its page then says "refund due" — but the
        // case does not move, and the notice is refused as not awaiting.
        if (isRefundDue({ state: row.state, feePaidAt: now, feeRefundedAt: null })) {
          await tx
            .update(casePayments)
            .set({
              state: 'paid',
              providerReference: confirmed.providerReference,
              receiptNumber: onlineReceiptNumber(row, locked.id),
              paidAt: now,
            })
            .where(eq(casePayments.id, locked.id));
          await tx
            .update(cases)
            .set({ feePaidAt: now, version: row.version + 1, updatedAt: now })
            .where(eq(cases.id, row.id));
          await addToTimeline(tx, {
            caseId: row.id,
            at: now,
            kind: 'note',
            actor: { kind: 'system' },
            internalNote: `案件結束後收到線上繳費 ${twd(locked.amountTwd)}，應退費。`,
            data: { latePayment: { paymentId: locked.id, amountTwd: locked.amountTwd } },
          });
        }
        await record(tx, 'not_awaiting', facts);
        return result('not_awaiting');
      }
      const receiptNumber = onlineReceiptNumber(row, locked.id);
      await tx
        .update(casePayments)
        .set({ state: 'paid', providerReference: confirmed.providerReference, receiptNumber, paidAt: now })
        .where(eq(casePayments.id, locked.id));
      await transitionCase(
        inTransaction(context, tx),
        { caseId: row.id, expectedVersion: row.version, event: 'payment_received', input: {} },
        { kind: 'applicant' },
      );
      await record(tx, 'applied', facts);
      await recordAudit(tx, {
        occurredAt: now,
        actor: providerActor(provider.name),
        action: 'payment.received',
        target: { type: 'case', id: row.id },
        origin: context.origin,
        details: { method: 'online', amountTwd: locked.amountTwd, provider: provider.name },
      });
      return result('applied', receiptNumber);
    });
  } catch (error) {
    // The change could not be made (the case changed meanwhile …): nothing was written; say so once.
    if (!(error instanceof DomainError)) throw error;
    await record(context.db, 'failed', {
      paymentId: payment.id,
      reference: notice.providerReference,
      details: { error: error.code },
    });
    return { outcome: 'failed', caseNumber: null, receiptNumber: null };
  }
}

async function paymentById(db: Database, id: string): Promise<PaymentRow | null> {
  const [payment] = await db.select().from(casePayments).where(eq(casePayments.id, id));
  return payment ?? null;
}

/** Ours for an online payment: W + the case number + the payment's first 8 hex digits (unique enough, readable). */
function onlineReceiptNumber(row: CaseRow, paymentId: string): string {
  return `W${row.caseNumber}-${paymentId.replaceAll('-', '').slice(0, 8).toUpperCase()}`;
}

// --------------------------------------------------------------------------------------------- counter

export interface CounterPaymentInput {
  caseId: string;
  version: number;
  method: CounterMethod | '';
  receiptNumber: string;
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return (error as { code?: string }).code === '23505' || cause?.code === '23505';
}

/**
 * A counter clerk took the fee (cash, card, transfer) and wrote its receipt number: the payment is paid and
 * the case moves by `payment_received`. Every problem at once (the form's, the receipt number already used,
 * the case not waiting for its fee).
 */
export async function recordCounterPayment(
  context: CasesContext,
  actor: StaffCaseActor,
  input: CounterPaymentInput,
): Promise<PaymentRow> {
  const { lang, now } = context;
  const receiptProblem = (): FieldProblem => ({
    field: 'receiptNumber',
    code: 'taken',
    message: paymentText(lang, 'receiptNumberTaken'),
  });
  try {
    return await withTransaction(context.db, async (tx) => {
      const row = await lockCase(tx, input.caseId, lang);
      await checkVersion(tx, row, input.version, lang);
      const problems = counterPaymentProblems(input, lang);
      if (row.state !== 'awaiting_payment' || !owesFee(row))
        problems.push({
          field: '',
          code: 'not_awaiting',
          message: paymentText(lang, 'notAwaitingPaymentStaff'),
        });
      const receiptNumber = input.receiptNumber.trim();
      if (receiptNumber !== '') {
        const [used] = await tx
          .select({ id: casePayments.id })
          .from(casePayments)
          .where(eq(casePayments.receiptNumber, receiptNumber));
        if (used !== undefined) problems.push(receiptProblem());
      }
      if (problems.length > 0)
        throw new DomainError('VALIDATION_FAILED', paymentText(lang, 'invalidForm'), { problems });
      const [payment] = await tx
        .insert(casePayments)
        .values({
          caseId: row.id,
          amountTwd: row.feeAmountTwd,
          currency: 'TWD',
          method: input.method,
          state: 'paid',
          receiptNumber,
          recordedBy: actor.id,
          createdAt: now,
          paidAt: now,
        })
        .returning();
      if (payment === undefined) throw new Error('insert returned no payment');
      await transitionCase(
        inTransaction(context, tx),
        { caseId: row.id, expectedVersion: row.version, event: 'payment_received', input: {} },
        actor,
      );
      await recordCaseAudit(tx, context, actor, {
        action: 'payment.recorded',
        caseId: row.id,
        details: { method: input.method, amountTwd: row.feeAmountTwd },
      });
      return payment;
    });
  } catch (error) {
    // Two clerks typing the same number at once: the unique index decides; the loser is told like any other.
    if (isUniqueViolation(error))
      throw new DomainError('VALIDATION_FAILED', paymentText(lang, 'invalidForm'), {
        problems: [receiptProblem()],
      });
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------- refund

/** A paid case that ended rejected or withdrawn owes the applicant their fee back. */
export function isRefundDue(row: Pick<CaseRow, 'state' | 'feePaidAt' | 'feeRefundedAt'>): boolean {
  return (
    row.feePaidAt !== null &&
    row.feeRefundedAt === null &&
    (row.state === 'rejected' || row.state === 'withdrawn')
  );
}

/** Who may record a refund: a counter clerk, or a supervisor of the case's unit. */
export function mayRecordRefund(actor: StaffCaseActor, row: Pick<CaseRow, 'unitCode'>): boolean {
  return actor.role === 'counter_clerk' || (actor.role === 'supervisor' && actor.unitCode === row.unitCode);
}

/**
 * The fee of a rejected or withdrawn case returned: the payment `refunded` (when, by whom, why), the case
 * marked refunded (fee_refunded_at; it stays paid on fee_paid_at, version bumped), a note on its timeline,
 * the applicant told.
 */
export async function recordRefund(
  context: CasesContext,
  actor: StaffCaseActor,
  input: { caseId: string; version: number; reason: string },
): Promise<void> {
  const { lang, now } = context;
  await withTransaction(context.db, async (tx) => {
    const row = await lockCase(tx, input.caseId, lang);
    await checkVersion(tx, row, input.version, lang);
    if (!mayRecordRefund(actor, row))
      throw new DomainError('FORBIDDEN', paymentText(lang, 'refundNotAllowed'));
    const [paid] = await tx
      .select()
      .from(casePayments)
      .where(and(eq(casePayments.caseId, row.id), eq(casePayments.state, 'paid')))
      .for('update');
    const problems = refundProblems(input, lang);
    if (!isRefundDue(row) || paid === undefined)
      problems.push({ field: '', code: 'not_due', message: paymentText(lang, 'refundNotDue') });
    if (problems.length > 0 || paid === undefined)
      throw new DomainError('VALIDATION_FAILED', paymentText(lang, 'invalidForm'), { problems });
    const reason = input.reason.trim();
    await tx
      .update(casePayments)
      .set({ state: 'refunded', refundedAt: now, refundedBy: actor.id, refundReason: reason })
      .where(eq(casePayments.id, paid.id));
    const [updated] = await tx
      .update(cases)
      .set({ feeRefundedAt: now, version: row.version + 1, updatedAt: now })
      .where(eq(cases.id, row.id))
      .returning();
    if (updated === undefined) throw new Error('case vanished');
    await addToTimeline(tx, {
      caseId: row.id,
      at: now,
      kind: 'note',
      actor,
      internalNote: `退費 ${twd(paid.amountTwd)}（收據 ${paid.receiptNumber ?? '—'}）：${reason}`,
      data: { refund: { paymentId: paid.id, amountTwd: paid.amountTwd } },
    });
    await recordCaseAudit(tx, context, actor, {
      action: 'payment.refunded',
      caseId: row.id,
      details: { amountTwd: paid.amountTwd, method: paid.method },
    });
    await queueCaseNotices(tx, context, updated, [{ topic: 'case.payment_refunded', detail: reason }]);
  });
}
