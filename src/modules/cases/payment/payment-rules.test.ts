import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { feeLineText, owesFee, twd } from './fee-words.ts';
import { counterPaymentProblems, refundProblems } from './payment-rules.ts';

describe('the counter payment and refund rules', () => {
  it('lists every problem at once, in the user’s language', () => {
    assert.deepEqual(
      counterPaymentProblems({ method: '', receiptNumber: '' }, 'zh-TW').map((p) => [p.field, p.code]),
      [
        ['method', 'required'],
        ['receiptNumber', 'required'],
      ],
    );
    assert.deepEqual(
      counterPaymentProblems({ method: 'online', receiptNumber: 'A 1' }, 'en').map((p) => p.message),
      [
        'Choose how the fee was paid.',
        'A receipt number has only letters, digits and hyphens, 3 to 40 of them, for example A1150302-0001.',
      ],
    );
    assert.deepEqual(
      counterPaymentProblems({ method: 'cash', receiptNumber: ' A1150302-0001 ' }, 'zh-TW'),
      [],
    );
    assert.deepEqual(
      refundProblems({ reason: '  ' }, 'zh-TW').map((p) => p.message),
      ['請說明退費原因。'],
    );
  });

  it('writes amounts and fee lines as the receipt shows them, and knows when a fee is owed', () => {
    assert.equal(twd(1_600_000), 'NT$1,600,000');
    const line = {
      labelZh: '路面修復費',
      labelEn: 'Reinstatement',
      unitAmountTwd: 1600,
      quantity: 2.5,
      amountTwd: 4000,
    };
    assert.equal(feeLineText('zh-TW', line), '路面修復費：NT$1,600 × 2.5 = NT$4,000');
    assert.equal(feeLineText('en', { ...line, quantity: 1, amountTwd: 1600 }), 'Reinstatement: NT$1,600');
    assert.equal(owesFee({ feeAmountTwd: 1000, feePaidAt: null }), true);
    assert.equal(owesFee({ feeAmountTwd: 1000, feePaidAt: new Date() }), false);
    assert.equal(owesFee({ feeAmountTwd: 0, feePaidAt: null }), false);
  });
});
