import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOverdue, narrativeProblems, reportDueDate, targetResult } from './report-rules.ts';

describe('the annual report’s rules', () => {
  it('is due on 1 February of the following year, overdue after it unless issued', () => {
    assert.equal(reportDueDate(2012), '2013-02-01');
    assert.equal(isOverdue('draft', '2013-02-01', '2013-02-01'), false);
    assert.equal(isOverdue('draft', '2013-02-01', '2013-02-02'), true);
    assert.equal(isOverdue('none', '2013-02-01', '2013-02-02'), true);
    assert.equal(isOverdue('issued', '2013-02-01', '2013-02-02'), false);
  });

  it('a target is met in the direction from its baseline', () => {
    assert.equal(targetResult(80, 90, 90), 'met');
    assert.equal(targetResult(80, 90, 89.9), 'short');
    assert.equal(targetResult(40, 20, 18), 'met', 'lower is better when the target is below the baseline');
    assert.equal(targetResult(40, 20, 25), 'short');
    assert.equal(targetResult(40, 20, null), 'none');
  });

  it('the narrative form lists every problem', () => {
    const titles = new Map([['a', '一、提升服務品質']]);
    const problems = narrativeProblems(
      {
        narrative: ' ',
        items: new Map([
          ['a', 'x'.repeat(5001)],
          ['zz', 'y'],
        ]),
      },
      titles,
      'en',
    );
    assert.deepEqual(
      problems.map((problem) => [problem.field, problem.code]),
      [
        ['narrative', 'required'],
        ['item-a', 'too_long'],
        ['item-zz', 'unknown_item'],
      ],
    );
  });
});
