import type { Fee } from '../../catalogue/index.ts';
import type { StoredFeeLine } from '../core/case-vocabulary.ts';

/**
 * The fee a case owes (規費, issue 11 §3), from the service's fees and the applicant's answers: pure, so the
 * online application's "what it costs", the counter intake and openCase agree, and it is unit-tested
 * without a database. A fixed fee counts once; a fee per unit (`perFieldId`, 每平方公尺) is multiplied by
 * that number field's answer and rounded up to whole dollars. A blank or unreadable answer counts 0 here:
 * the form's own check reports it.
 */
export interface ComputedFee {
  amountTwd: number;
  lines: StoredFeeLine[];
}

export function computeFee(fees: readonly Fee[], answers: Readonly<Record<string, string>>): ComputedFee {
  const lines: StoredFeeLine[] = [];
  for (const fee of fees) {
    if (fee.amountTwd <= 0) continue;
    const quantity = fee.perFieldId === undefined ? 1 : quantityOf(answers[fee.perFieldId]);
    if (quantity <= 0) continue;
    lines.push({
      labelZh: fee.labelZh,
      labelEn: fee.labelEn,
      unitAmountTwd: fee.amountTwd,
      quantity,
      amountTwd: Math.ceil(fee.amountTwd * quantity),
    });
  }
  return { amountTwd: lines.reduce((sum, line) => sum + line.amountTwd, 0), lines };
}

function quantityOf(answer: string | undefined): number {
  if (answer === undefined) return 0;
  const value = Number(answer.trim().replaceAll(',', ''));
  return Number.isFinite(value) && value > 0 ? value : 0;
}
