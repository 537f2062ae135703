import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskRecipient } from './masking.ts';

describe('masking recipients', () => {
  it('phones keep the first four and last three digits; e-mail the first letter and the domain', () => {
    assert.equal(maskRecipient('sms', '0912345678'), '0912-***-678');
    assert.equal(maskRecipient('email', 'Wang.XiaoMing@Example.com'), 'w***@example.com');
    assert.equal(maskRecipient('sms', '+886 912 345 678'), '0912-***-678');
  });
});
