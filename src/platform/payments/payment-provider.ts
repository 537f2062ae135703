/**
 * The payment provider adapter (issue 11 §3): what the app asks of any online payment provider. The app
 * (1) starts a payment and sends the browser to the provider; the provider then tells the app the outcome
 * twice — a server-to-server callback and the browser's return — each a set of signed fields that
 * (2) `readNotice` checks (the signature, in constant time) and reads; then (3) the app asks the provider
 * itself, `confirm`, whether the payment is paid, for what amount and currency, and applies only what the
 * provider confirms. A real provider (a bank's or a payment company's API) is one more implementation of
 * this interface, chosen by PAYMENT_PROVIDER; `simulated` (simulated-provider.ts) is the built-in one for the
 * demo and the tests — the one mock the platform allows, since a payment provider is outside our control.
 */

export type PaymentCurrency = 'TWD';

export interface PaymentStart {
  /** Our payment's id (case_payments.id): the provider hands it back in its notices. */
  paymentId: string;
  amountTwd: number;
  currency: PaymentCurrency;
  /** Where the provider sends the browser back (absolute URL). */
  returnUrl: string;
  /** Where the provider posts its server-to-server callback (absolute URL). */
  callbackUrl: string;
  /** What is paid for, shown on the provider's page (no personal data). */
  description: string;
}

/** What a notice (callback or return) claims, once its signature checked out. */
export interface ProviderNotice {
  paymentId: string;
  providerReference: string;
  status: 'paid' | 'cancelled';
  amount: number;
  currency: string;
}

export type ReadNotice =
  | { kind: 'valid'; notice: ProviderNotice }
  | { kind: 'bad_signature'; paymentId: string | null; providerReference: string | null };

/** The provider's own answer to "is this payment paid, for what amount and currency". */
export interface ProviderConfirmation {
  paymentId: string;
  providerReference: string;
  status: 'paid' | 'cancelled';
  amount: number;
  currency: string;
}

export interface PaymentProvider {
  /** case_payments.provider. */
  readonly name: string;
  /** Where to send the browser to pay. */
  startPayment(start: PaymentStart): Promise<{ redirectUrl: string }>;
  /** A callback's or return's fields: the signature checked, then what they claim. */
  readNotice(fields: Readonly<Record<string, string>>): ReadNotice;
  /** The provider's record of the payment; null when it has none. */
  confirm(providerReference: string): Promise<ProviderConfirmation | null>;
}
