import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daysOf, skeletonProblems } from './skeleton-form.ts';

describe('the skeleton’s rule', () => {
  it('takes 1 to 30 days, typed with full-width digits too', () => {
    assert.equal(daysOf('１２'), 12);
    assert.deepEqual(skeletonProblems({ days: '30' }, 'en'), []);
    assert.deepEqual(skeletonProblems({ days: ' 1 ' }, 'en'), []);
  });

  it('refuses anything else, saying why in the user’s language', () => {
    for (const days of ['0', '31', '2.5', 'ten', '']) {
      const problems = skeletonProblems({ days }, 'zh-TW');
      assert.deepEqual(
        problems.map((problem) => [problem.field, problem.message]),
        [['days', '天數須為 1 到 30 的整數']],
        days,
      );
    }
  });
});
