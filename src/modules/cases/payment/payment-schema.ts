import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { staff } from '../../../platform/auth/auth-schema.ts';
import { timestamptz } from '../../../platform/db/columns.ts';
import { cases } from '../core/cases-schema.ts';

/**
 * Payments of a case's fee (規費, issue 11 §3): at the counter (a clerk records method and receipt number)
 * or online through a provider (platform/payments: the simulated provider for the demo and tests). An
 * online payment is `pending` from the redirect until the provider confirms it; a confirmation is applied
 * once (the provider's reference is unique). A refund is recorded on the payment it returns.
 */

export const paymentMethods = ['cash', 'card', 'transfer', 'online'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];
export const paymentStates = ['pending', 'paid', 'failed', 'refunded'] as const;
export type PaymentState = (typeof paymentStates)[number];

const quoted = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '));

export const casePayments = pgTable(
  'case_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    amountTwd: integer('amount_twd').notNull(),
    currency: text('currency').notNull().default('TWD'),
    method: text('method').notNull(),
    /** The online provider's name (`simulated` …); null at the counter. */
    provider: text('provider'),
    /** The provider's id of the payment (online), unique per provider. */
    providerReference: text('provider_reference'),
    state: text('state').notNull(),
    /** 收據號碼: the counter's, or ours for an online payment. */
    receiptNumber: text('receipt_number'),
    recordedBy: uuid('recorded_by').references(() => staff.id),
    createdAt: timestamptz('created_at').notNull(),
    paidAt: timestamptz('paid_at'),
    refundedAt: timestamptz('refunded_at'),
    refundedBy: uuid('refunded_by').references(() => staff.id),
    refundReason: text('refund_reason'),
  },
  (table) => [
    index('case_payments_case_idx').on(table.caseId),
    uniqueIndex('case_payments_provider_reference_unique').on(table.provider, table.providerReference),
    uniqueIndex('case_payments_receipt_unique').on(table.receiptNumber),
    // A case is paid once: at most one payment that is paid (a refunded one may be followed by another).
    uniqueIndex('case_payments_one_paid').on(table.caseId).where(sql`${table.state} = 'paid'`),
    check('case_payments_method_known', sql`${table.method} in (${quoted(paymentMethods)})`),
    check('case_payments_state_known', sql`${table.state} in (${quoted(paymentStates)})`),
    check('case_payments_amount_positive', sql`${table.amountTwd} > 0`),
  ],
);

/**
 * Every callback or return from a provider, whatever became of it: applied, a duplicate (no-op), or refused
 * (bad signature, wrong amount or currency, unknown payment, a case already paid). Kept for audit; no
 * personal data in `details`.
 */
export const paymentCallbacks = pgTable(
  'payment_callbacks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    provider: text('provider').notNull(),
    providerReference: text('provider_reference'),
    receivedAt: timestamptz('received_at').notNull(),
    outcome: text('outcome').notNull(),
    paymentId: uuid('payment_id').references(() => casePayments.id),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [
    index('payment_callbacks_reference_idx').on(table.provider, table.providerReference),
    check(
      'payment_callbacks_outcome_known',
      sql`${table.outcome} in ('applied', 'duplicate', 'bad_signature', 'wrong_amount', 'wrong_currency', 'unknown_payment', 'already_paid', 'not_awaiting', 'failed')`,
    ),
  ],
);
