import { createHmac, timingSafeEqual } from 'node:crypto';
import type {
  PaymentProvider,
  PaymentStart,
  ProviderConfirmation,
  ProviderNotice,
  ReadNotice,
} from './payment-provider.ts';
import { derivedKey, hasValidSignature, signed } from './signatures.ts';

/**
 * The built-in simulated payment provider (PAYMENT_PROVIDER=simulated, the default): THE ONE MOCK the
 * platform allows — a payment provider is outside our control, so the demo and the tests pay through this
 * stand-in, which behaves as a real one does: the app sends the browser to its page (/payment-simulator,
 * clearly labelled 模擬付款), the person pays or cancels, and the "provider" then posts a signed callback to
 * the app and sends the browser back with signed fields; the app confirms with the provider before it
 * applies anything.
 *
 * Stateless, so it works across app processes sharing PAYMENT_SIGNING_SECRET: the start is signed (the
 * browser cannot change the amount on the way), and the provider's record of a payment — what `confirm`
 * reads — is its reference itself: `SIM.<payload>.<mac>`, the payload (payment, status, amount, currency,
 * time) sealed with the provider's own ledger key. Three keys, each derived from the secret for one
 * purpose: the start, the notices (callback and return), the ledger.
 */

export interface SimulatedStart {
  paymentId: string;
  amount: number;
  currency: string;
  returnUrl: string;
  callbackUrl: string;
  description: string;
}

export interface SimulatedProvider extends PaymentProvider {
  /** The simulator page's fields, when they are a start this provider signed; null otherwise. */
  readStart(fields: Readonly<Record<string, string>>): SimulatedStart | null;
  /** The person paid or cancelled on the simulator: the signed fields of the notice the provider sends. */
  settle(
    start: Pick<SimulatedStart, 'paymentId' | 'amount' | 'currency'>,
    status: 'paid' | 'cancelled',
    at: Date,
  ): Record<string, string>;
}

export const simulatorPath = '/payment-simulator';

const referencePattern = /^SIM\.([A-Za-z0-9_-]{1,400})\.([0-9a-f]{64})$/;

export function simulatedProvider(options: { secret: string; publicBaseUrl: string }): SimulatedProvider {
  const startKey = derivedKey(options.secret, 'simulated-start');
  const noticeKey = derivedKey(options.secret, 'notice');
  const ledgerKey = derivedKey(options.secret, 'simulated-ledger');

  const seal = (payload: string) => createHmac('sha256', ledgerKey).update(payload).digest('hex');

  function referenceFor(record: Omit<ProviderConfirmation, 'providerReference'>, at: Date): string {
    const payload = Buffer.from(
      JSON.stringify({
        p: record.paymentId,
        s: record.status,
        a: record.amount,
        c: record.currency,
        t: at.getTime(),
      }),
    ).toString('base64url');
    return `SIM.${payload}.${seal(payload)}`;
  }

  return {
    name: 'simulated',

    async startPayment(start: PaymentStart) {
      const fields = signed(startKey, {
        payment: start.paymentId,
        amount: String(start.amountTwd),
        currency: start.currency,
        return: start.returnUrl,
        callback: start.callbackUrl,
        description: start.description,
      });
      // The simulator is a page of this app: a path on the site the browser is on (a real provider's is absolute),
      // in the language of the page the person comes back to.
      const isEnglish = URL.canParse(start.returnUrl) && new URL(start.returnUrl).pathname.startsWith('/en/');
      return {
        redirectUrl: `${isEnglish ? '/en' : ''}${simulatorPath}?${new URLSearchParams(fields).toString()}`,
      };
    },

    readStart(fields) {
      if (!hasValidSignature(startKey, pick(fields, startFieldNames))) return null;
      const amount = Number(fields.amount);
      if (!Number.isSafeInteger(amount) || amount <= 0) return null;
      return {
        paymentId: fields.payment ?? '',
        amount,
        currency: fields.currency ?? '',
        returnUrl: fields.return ?? '',
        callbackUrl: fields.callback ?? '',
        description: fields.description ?? '',
      };
    },

    settle(start, status, at) {
      const providerReference = referenceFor(
        { paymentId: start.paymentId, status, amount: start.amount, currency: start.currency },
        at,
      );
      return signed(noticeKey, {
        payment: start.paymentId,
        reference: providerReference,
        status,
        amount: String(start.amount),
        currency: start.currency,
      });
    },

    readNotice(fields): ReadNotice {
      const known = pick(fields, noticeFieldNames);
      const claimed = {
        paymentId: fields.payment?.slice(0, 100) ?? null,
        providerReference: fields.reference?.slice(0, 600) ?? null,
      };
      if (!hasValidSignature(noticeKey, known)) return { kind: 'bad_signature', ...claimed };
      const amount = Number(known.amount);
      const status = known.status;
      if (
        (status !== 'paid' && status !== 'cancelled') ||
        !Number.isSafeInteger(amount) ||
        known.payment === undefined ||
        known.reference === undefined
      )
        return { kind: 'bad_signature', ...claimed };
      const notice: ProviderNotice = {
        paymentId: known.payment,
        providerReference: known.reference,
        status,
        amount,
        currency: known.currency ?? '',
      };
      return { kind: 'valid', notice };
    },

    async confirm(providerReference) {
      const match = referencePattern.exec(providerReference);
      if (match === null) return null;
      const [, payload = '', mac = ''] = match;
      if (!timingSafeEqual(Buffer.from(seal(payload), 'hex'), Buffer.from(mac, 'hex'))) return null;
      try {
        const record = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
          p: string;
          s: 'paid' | 'cancelled';
          a: number;
          c: string;
        };
        return {
          paymentId: record.p,
          providerReference,
          status: record.s,
          amount: record.a,
          currency: record.c,
        };
      } catch {
        return null;
      }
    },
  };
}

const startFieldNames = ['payment', 'amount', 'currency', 'return', 'callback', 'description', 'signature'];
const noticeFieldNames = ['payment', 'reference', 'status', 'amount', 'currency', 'signature'];

/** Only the fields a message is made of (a form adds its CSRF token and the button's value). */
function pick(fields: Readonly<Record<string, string>>, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = fields[name];
    if (typeof value === 'string') picked[name] = value;
  }
  return picked;
}
