import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomToken } from './random-tokens.ts';

describe('randomToken', () => {
  it('gives tokens of the asked length, each different, across refills of the pool', () => {
    const seen = new Set<string>();
    // 2,000 tokens of 32 bytes: about eight refills of the 8 KiB pool.
    for (let index = 0; index < 2000; index++) {
      const token = randomToken(32);
      assert.match(token, /^[A-Za-z0-9_-]{43}$/);
      seen.add(token);
    }
    assert.equal(seen.size, 2000);
    assert.match(randomToken(16, 'base64'), /^[A-Za-z0-9+/]{22}==$/);
    assert.match(randomToken(4, 'hex'), /^[0-9a-f]{8}$/);
  });

  it('spreads its bits: about half of all bits set over many tokens', () => {
    let ones = 0;
    const count = 500;
    for (let index = 0; index < count; index++)
      for (const byte of Buffer.from(randomToken(32), 'base64url'))
        for (let bit = 0; bit < 8; bit++) ones += (byte >> bit) & 1;
    const share = ones / (count * 32 * 8);
    assert.ok(share > 0.48 && share < 0.52, `share of ones ${share}`);
  });

  it('refuses sizes it does not serve', () => {
    assert.throws(() => randomToken(0), RangeError);
    assert.throws(() => randomToken(257), RangeError);
    assert.throws(() => randomToken(1.5), RangeError);
  });
});
