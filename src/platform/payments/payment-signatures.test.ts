import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalOf, derivedKey, hasValidSignature, signatureOf, signed } from './signatures.ts';
import { simulatedProvider } from './simulated-provider.ts';

const secret = 'a-test-secret-of-at-least-thirty-two-characters';

describe('signed fields (HMAC-SHA256)', () => {
  const key = derivedKey(secret, 'notice');

  it('signs the fields in a canonical order, without the signature itself', () => {
    assert.equal(canonicalOf({ b: '2', a: 'x y&z', signature: 'ignored' }), 'a=x%20y%26z&b=2');
    assert.equal(signatureOf(key, { a: '1', b: '2' }), signatureOf(key, { b: '2', a: '1' }));
    assert.match(signatureOf(key, { a: '1' }), /^[0-9a-f]{64}$/);
  });

  it('accepts its own signature and refuses any change, a missing or malformed signature, and another key', () => {
    const fields = signed(key, { payment: 'p1', amount: '5000', currency: 'TWD' });
    assert.equal(hasValidSignature(key, fields), true);
    assert.equal(hasValidSignature(key, { ...fields, amount: '5001' }), false);
    assert.equal(hasValidSignature(key, { ...fields, extra: 'added' }), false);
    assert.equal(hasValidSignature(key, { ...fields, signature: '' }), false);
    assert.equal(hasValidSignature(key, { ...fields, signature: fields.signature.toUpperCase() }), false);
    assert.equal(hasValidSignature(key, { ...fields, signature: `${fields.signature}00` }), false);
    assert.equal(hasValidSignature(derivedKey(secret, 'other-purpose'), fields), false);
    assert.equal(
      hasValidSignature(derivedKey('another-secret-of-thirty-two-characters!', 'notice'), fields),
      false,
    );
  });
});

describe('the simulated provider', () => {
  const provider = simulatedProvider({ secret, publicBaseUrl: 'https://onewindow.example.tw/' });
  const at = new Date('2026-03-02T02:00:00Z');

  it('sends the browser to its page with a signed start the page can read back, and no other', async () => {
    const { redirectUrl } = await provider.startPayment({
      paymentId: 'p1',
      amountTwd: 5000,
      currency: 'TWD',
      returnUrl: 'https://onewindow.example.tw/payment/return',
      callbackUrl: 'https://onewindow.example.tw/payment/callback',
      description: '規費',
    });
    assert.match(redirectUrl, /^\/payment-simulator\?/, 'a page of this app, on the site the browser is on');
    const url = new URL(redirectUrl, 'https://onewindow.example.tw');
    const fields = Object.fromEntries(url.searchParams);
    assert.deepEqual(provider.readStart({ ...fields, _csrf: 'form token', outcome: 'paid' }), {
      paymentId: 'p1',
      amount: 5000,
      currency: 'TWD',
      returnUrl: 'https://onewindow.example.tw/payment/return',
      callbackUrl: 'https://onewindow.example.tw/payment/callback',
      description: '規費',
    });
    assert.equal(
      provider.readStart({ ...fields, amount: '1' }),
      null,
      'the browser cannot change the amount',
    );
  });

  it('a settled payment reads as a valid notice, and the provider confirms what it recorded', async () => {
    const notice = provider.settle({ paymentId: 'p1', amount: 5000, currency: 'TWD' }, 'paid', at);
    const read = provider.readNotice(notice);
    assert.equal(read.kind, 'valid');
    assert.ok(read.kind === 'valid');
    assert.deepEqual(
      { ...read.notice, providerReference: undefined },
      { paymentId: 'p1', providerReference: undefined, status: 'paid', amount: 5000, currency: 'TWD' },
    );
    assert.deepEqual(await provider.confirm(read.notice.providerReference), {
      paymentId: 'p1',
      providerReference: read.notice.providerReference,
      status: 'paid',
      amount: 5000,
      currency: 'TWD',
    });
  });

  it('a changed notice is a bad signature, naming what it claimed; a forged reference is unknown to the provider', async () => {
    const notice = provider.settle({ paymentId: 'p1', amount: 5000, currency: 'TWD' }, 'paid', at);
    assert.deepEqual(provider.readNotice({ ...notice, amount: '50' }), {
      kind: 'bad_signature',
      paymentId: 'p1',
      providerReference: notice.reference,
    });
    assert.equal(provider.readNotice({ ...notice, status: 'refunded' }).kind, 'bad_signature');
    const [prefix, payload, mac] = (notice.reference ?? '').split('.');
    const otherPayload = Buffer.from(
      JSON.stringify({ p: 'p1', s: 'paid', a: 1, c: 'TWD', t: at.getTime() }),
    ).toString('base64url');
    assert.equal(await provider.confirm(`${prefix}.${otherPayload}.${mac}`), null);
    assert.equal(await provider.confirm(`${prefix}.${payload}.${'0'.repeat(64)}`), null);
    assert.equal(await provider.confirm('not a reference'), null);
    // Another secret (another installation's simulator) is another provider.
    const other = simulatedProvider({ secret: `${secret}-other`, publicBaseUrl: 'https://x.example' });
    assert.equal(other.readNotice(notice).kind, 'bad_signature');
    assert.equal(await other.confirm(notice.reference ?? ''), null);
  });
});
