import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messageIdDomain } from './transports.ts';

describe('an e-mail’s Message-ID domain (the delivery id @ the From address’s domain)', () => {
  it('is the From address’s domain, in lower case, with or without a display name', () => {
    assert.equal(messageIdDomain('高雄市政府工務局 <no-reply@PWB.kcg.gov.tw>'), 'pwb.kcg.gov.tw');
    assert.equal(messageIdDomain('no-reply@onewindow.tw'), 'onewindow.tw');
  });

  it('falls back to a reserved name when the address has none', () => {
    assert.equal(messageIdDomain('OneWindow'), 'onewindow.invalid');
  });
});
