import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { typedYear } from './calendar-forms.ts';
import { daysInMonth, isoDay, monthWeeks } from './calendar-grid.ts';

describe('the calendar page’s month grids', () => {
  it('starts each week on Sunday and pads the first and last weeks', () => {
    // 1 July 2026 is a Wednesday; 31 July a Friday.
    const weeks = monthWeeks(2026, 7);
    assert.deepEqual(weeks[0], [null, null, null, 1, 2, 3, 4]);
    assert.deepEqual(weeks.at(-1), [26, 27, 28, 29, 30, 31, null]);
    assert.equal(weeks.length, 5);
    assert.ok(weeks.every((week) => week.length === 7));
  });

  it('knows leap years and writes ISO days', () => {
    assert.equal(daysInMonth(2028, 2), 29);
    assert.equal(daysInMonth(2026, 2), 28);
    // February 2026 starts on a Sunday and fills exactly four weeks.
    assert.equal(monthWeeks(2026, 2).length, 4);
    assert.equal(isoDay(2026, 7, 5), '2026-07-05');
  });

  it('reads a year as typed: 西元, full-width or 民國', () => {
    assert.equal(typedYear('2027'), 2027);
    assert.equal(typedYear('２０２７'), 2027);
    assert.equal(typedYear('116'), 2027);
    assert.equal(typedYear('116年'), 2027);
    assert.ok(Number.isNaN(typedYear('next year')));
  });
});
