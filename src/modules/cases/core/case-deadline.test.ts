import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answeredInTime, deadlineStatus, deadlineStatusLabels } from './case-deadline.ts';

const now = new Date('2026-03-10T02:00:00Z');
const later = new Date('2026-03-20T15:59:59Z');

describe('deadlineStatus (issue 14: a resolved case is not awaiting a supplement)', () => {
  it('says answered for a resolved case, whose clock holds the pause resolving opened (no due time)', () => {
    const status = deadlineStatus({ kind: 'petition', state: 'resolved', dueAt: null, atRiskAt: null }, now);
    assert.equal(status, 'answered');
    assert.equal(deadlineStatusLabels[status].zh, '已辦結（待結案）');
    assert.doesNotMatch(deadlineStatusLabels[status].zh, /補正/);
  });

  it('says finished for every finished state, whatever its clock says', () => {
    for (const state of ['closed', 'rejected', 'withdrawn', 'merged', 'forwarded']) {
      assert.equal(
        deadlineStatus({ kind: 'petition', state, dueAt: null, atRiskAt: null }, now),
        'finished',
        state,
      );
      // A stale due time left on a finished row does not make it overdue either.
      assert.equal(
        deadlineStatus({ kind: 'application', state, dueAt: new Date(0), atRiskAt: new Date(0) }, now),
        'finished',
        state,
      );
    }
    assert.equal(deadlineStatusLabels.finished.zh, '已結案');
  });

  it('says paused only for an open case whose clock is stopped (awaiting the applicant)', () => {
    assert.equal(
      deadlineStatus({ kind: 'petition', state: 'awaiting_supplement', dueAt: null, atRiskAt: null }, now),
      'paused',
    );
    assert.equal(
      deadlineStatus({ kind: 'petition', state: 'in_progress', dueAt: later, atRiskAt: later }, now),
      'on_track',
    );
    assert.equal(
      deadlineStatus({ kind: 'petition', state: 'in_progress', dueAt: later, atRiskAt: now }, now),
      'at_risk',
    );
    assert.equal(
      deadlineStatus({ kind: 'petition', state: 'accepted', dueAt: new Date(0), atRiskAt: null }, now),
      'overdue',
    );
  });
});

describe('answeredInTime', () => {
  it('compares the Taipei day of the answer with the expected completion date', () => {
    const expectedCompletionDate = '2026-03-10';
    // 23:30 Taipei on the expected day: in time.
    assert.equal(
      answeredInTime({
        resolvedAt: new Date('2026-03-10T15:30:00Z'),
        closedAt: null,
        expectedCompletionDate,
      }),
      true,
    );
    // 00:30 Taipei the day after: late.
    assert.equal(
      answeredInTime({
        resolvedAt: new Date('2026-03-10T16:30:00Z'),
        closedAt: null,
        expectedCompletionDate,
      }),
      false,
    );
    // Closed without a resolution on record: the closing day counts.
    assert.equal(
      answeredInTime({
        resolvedAt: null,
        closedAt: new Date('2026-03-09T01:00:00Z'),
        expectedCompletionDate,
      }),
      true,
    );
    assert.equal(answeredInTime({ resolvedAt: null, closedAt: null, expectedCompletionDate }), null);
  });
});
