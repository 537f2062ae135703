import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addressLimitKey,
  hashOfSecret,
  linkExpiryOf,
  linkStateOf,
  newSecret,
  sessionExpiryOf,
  sessionStateOf,
} from './citizen-rules.ts';

const now = new Date('2026-03-02T02:00:00Z');
const minutes = (count: number) => new Date(now.getTime() + count * 60_000);

describe('the citizen account’s rules', () => {
  it('a link works for 15 minutes, once', () => {
    assert.equal(linkExpiryOf(now).toISOString(), '2026-03-02T02:15:00.000Z');
    const link = { expiresAt: linkExpiryOf(now), usedAt: null };
    assert.equal(linkStateOf(link, minutes(14)), 'usable');
    assert.equal(linkStateOf(link, minutes(15)), 'expired');
    assert.equal(linkStateOf({ ...link, usedAt: minutes(1) }, minutes(2)), 'used');
    assert.equal(linkStateOf({ ...link, usedAt: minutes(1) }, minutes(20)), 'used');
    assert.equal(linkStateOf(null, now), 'unknown');
  });

  it('a session ends after 30 minutes idle, or 12 hours after signing in', () => {
    const session = { lastSeenAt: now, expiresAt: sessionExpiryOf(now) };
    assert.equal(session.expiresAt.toISOString(), '2026-03-02T14:00:00.000Z');
    assert.equal(sessionStateOf(session, minutes(30)), 'active');
    assert.equal(sessionStateOf(session, minutes(31)), 'idle');
    assert.equal(sessionStateOf({ ...session, lastSeenAt: minutes(715) }, minutes(719)), 'active');
    assert.equal(sessionStateOf({ ...session, lastSeenAt: minutes(715) }, minutes(720)), 'expired');
  });

  it('secrets are 43 base64url characters, stored as their SHA-256; anything else is not ours', () => {
    const secret = newSecret();
    assert.match(secret, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(newSecret(), secret);
    assert.match(hashOfSecret(secret) ?? '', /^[0-9a-f]{64}$/);
    assert.equal(hashOfSecret(secret), hashOfSecret(secret));
    for (const wrong of [undefined, '', 'short', `${secret}x`, `${secret.slice(0, 42)}!`])
      assert.equal(hashOfSecret(wrong), null, String(wrong));
  });

  it('the address’s counter key holds no address', () => {
    const key = addressLimitKey('wang@example.tw');
    assert.match(key, /^citizen:link:[0-9a-f]{64}$/);
    assert.doesNotMatch(key, /wang|example/);
    assert.notEqual(addressLimitKey('lee@example.tw'), key);
  });
});
