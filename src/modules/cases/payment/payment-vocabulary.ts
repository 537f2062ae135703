/**
 * The payment vocabulary without the tables (pure: unit tests and views load it without drizzle). The same
 * lists as payment-schema.ts's checks.
 */
export const paymentMethods = ['cash', 'card', 'transfer', 'online'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];
export const counterMethods = ['cash', 'card', 'transfer'] as const;
export type CounterMethod = (typeof counterMethods)[number];
export const paymentStates = ['pending', 'paid', 'failed', 'refunded'] as const;
export type PaymentState = (typeof paymentStates)[number];

/** What became of a callback or return from the provider (payment_callbacks.outcome). */
export const callbackOutcomes = [
  'applied',
  'duplicate',
  'bad_signature',
  'wrong_amount',
  'wrong_currency',
  'unknown_payment',
  'already_paid',
  'not_awaiting',
  'failed',
] as const;
export type CallbackOutcome = (typeof callbackOutcomes)[number];
