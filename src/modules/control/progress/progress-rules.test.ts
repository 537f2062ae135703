import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dueDateOf, entryStateOf } from './progress-rules.ts';

describe('where a practice stands for a period (the unit’s list)', () => {
  const due = dueDateOf('2026-02', { cadence: 'monthly', dueDay: 10 });
  it('is due until its due date, overdue after, entered once there is an entry (late or not)', () => {
    assert.equal(due, '2026-03-10');
    assert.equal(entryStateOf(false, due, '2026-03-10'), 'due');
    assert.equal(entryStateOf(false, due, '2026-03-11'), 'overdue');
    assert.equal(entryStateOf(true, due, '2026-03-11'), 'entered');
    assert.equal(entryStateOf(true, due, '2026-03-01'), 'entered');
  });
});
