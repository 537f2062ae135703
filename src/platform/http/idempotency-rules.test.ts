import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isUsableIdempotencyKey,
  newOnceToken,
  onceTokenOf,
  requestFingerprint,
} from './idempotency-rules.ts';

describe('idempotency rules', () => {
  it('a fingerprint ignores key order and undefined members, and tells any other value apart', () => {
    const body = { a: 1, b: { c: [1, 2], d: 'x' } };
    assert.equal(
      requestFingerprint(body),
      requestFingerprint({ b: { d: 'x', c: [1, 2] }, a: 1, e: undefined }),
    );
    assert.notEqual(requestFingerprint(body), requestFingerprint({ a: 1, b: { c: [2, 1], d: 'x' } }));
    assert.notEqual(requestFingerprint(body), requestFingerprint({ a: '1', b: { c: [1, 2], d: 'x' } }));
    assert.match(requestFingerprint(null), /^[0-9a-f]{64}$/);
  });

  it('keys: 1–255 visible ASCII characters', () => {
    assert.ok(isUsableIdempotencyKey('0b7e5c2a-9f1d-4d6e-8a51-3c2f3b0d9e11'));
    assert.ok(isUsableIdempotencyKey('x'.repeat(255)));
    for (const bad of ['', 'x'.repeat(256), 'with space', 'tab\t', '中文'])
      assert.ok(!isUsableIdempotencyKey(bad), bad);
  });

  it('a form token is 43 base64url characters; anything else posted is no token', () => {
    const token = newOnceToken();
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(newOnceToken(), token);
    assert.equal(onceTokenOf(token), token);
    assert.equal(onceTokenOf([token, 'other']), token);
    for (const bad of [undefined, '', 'short', `${token}x`, 42]) assert.equal(onceTokenOf(bad), null);
  });
});
