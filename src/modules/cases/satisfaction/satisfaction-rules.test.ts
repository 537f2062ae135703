import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  rangeBounds,
  readDateRange,
  satisfactionOffer,
  summarise,
  summariseCounts,
} from './satisfaction-rules.ts';

describe('satisfaction rules', () => {
  it('asks only on a closed case, thanks once answered, nothing otherwise', () => {
    assert.equal(satisfactionOffer('closed', false), 'ask');
    assert.equal(satisfactionOffer('closed', true), 'thanks');
    for (const state of ['received', 'in_progress', 'resolved', 'rejected', 'withdrawn', 'merged'])
      assert.equal(satisfactionOffer(state, false), 'none', state);
  });

  it('count, average to one decimal and the 1–5 distribution; nothing answered has no average', () => {
    assert.deepEqual(summarise([5, 4, 4, 1]), { count: 4, average: 3.5, distribution: [1, 0, 0, 2, 1] });
    assert.deepEqual(summarise([5, 5, 4]), { count: 3, average: 4.7, distribution: [0, 0, 0, 1, 2] });
    assert.deepEqual(summarise([]), { count: 0, average: null, distribution: [0, 0, 0, 0, 0] });
    assert.deepEqual(summarise([0, 6, 2.5, 3]).distribution, [0, 0, 1, 0, 0], 'only whole scores 1–5');
    assert.deepEqual(
      summariseCounts([
        { score: 4, count: 2 },
        { score: 1, count: 1 },
        { score: 4, count: 1 },
      ]),
      { count: 4, average: 3.3, distribution: [1, 0, 0, 3, 0] },
    );
  });

  it('reads the period: empty is open-ended, bad dates and a reversed range are every problem at once', () => {
    assert.deepEqual(readDateRange({ from: '', to: '' }, 'zh-TW'), {
      range: { from: null, to: null },
      problems: [],
    });
    assert.deepEqual(readDateRange({ from: ' 2026-03-01 ', to: '2026-03-31' }, 'en').range, {
      from: '2026-03-01',
      to: '2026-03-31',
    });
    const bad = readDateRange({ from: '2026-02-30', to: 'soon' }, 'en');
    assert.deepEqual(
      bad.problems.map((problem) => [problem.field, problem.code]),
      [
        ['from', 'invalid_date'],
        ['to', 'invalid_date'],
      ],
    );
    assert.match(bad.problems[0]?.message ?? '', /real date/);
    const reversed = readDateRange({ from: '2026-04-01', to: '2026-03-01' }, 'zh-TW');
    assert.deepEqual(
      reversed.problems.map((problem) => problem.code),
      ['before_from'],
    );
    assert.match(reversed.problems[0]?.message ?? '', /結束日期不能早於開始日期/);
  });

  it('a range of Taipei days is bounded in UTC, the last day included', () => {
    const { start, end } = rangeBounds({ from: '2026-03-01', to: '2026-03-31' });
    assert.equal(start?.toISOString(), '2026-02-28T16:00:00.000Z');
    assert.equal(end?.toISOString(), '2026-03-31T16:00:00.000Z');
    assert.deepEqual(rangeBounds({ from: null, to: null }), { start: null, end: null });
  });
});
