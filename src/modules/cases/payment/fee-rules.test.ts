import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeFee } from './fee-rules.ts';

const review = { labelZh: '審查費', labelEn: 'Review fee', amountTwd: 1000 };
const perArea = {
  labelZh: '路面修復費（每平方公尺）',
  labelEn: 'Reinstatement (per m²)',
  amountTwd: 1600,
  perFieldId: 'area',
};
const free = { labelZh: '免收費用', labelEn: 'No fee', amountTwd: 0 };

describe('computeFee', () => {
  it('adds a fixed fee once and a fee per unit times the answer, rounded up to whole dollars', () => {
    const fee = computeFee([review, perArea], { area: '2.5' });
    assert.equal(fee.amountTwd, 1000 + 4000);
    assert.deepEqual(
      fee.lines.map((line) => [line.labelEn, line.unitAmountTwd, line.quantity, line.amountTwd]),
      [
        ['Review fee', 1000, 1, 1000],
        ['Reinstatement (per m²)', 1600, 2.5, 4000],
      ],
    );
    assert.equal(computeFee([perArea], { area: '0.333' }).amountTwd, 533);
    assert.equal(computeFee([perArea], { area: '1,000' }).amountTwd, 1_600_000);
  });

  it('owes nothing for a free service, and counts a per-unit fee with no usable answer as nothing', () => {
    assert.deepEqual(computeFee([free], {}), { amountTwd: 0, lines: [] });
    assert.equal(computeFee([review, perArea], {}).amountTwd, 1000);
    assert.equal(computeFee([perArea], { area: 'abc' }).amountTwd, 0);
    assert.equal(computeFee([perArea], { area: '-3' }).amountTwd, 0);
  });
});
