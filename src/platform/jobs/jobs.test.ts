import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineQueue, minimumRetryDelaySeconds } from './queues.ts';

describe('minimumRetryDelaySeconds (pg-boss back-off without its jitter)', () => {
  it('without back-off: the fixed delay', () => {
    assert.equal(minimumRetryDelaySeconds({ retryCount: 3, retryDelay: 30, retryBackoff: false }), 30);
  });

  it('with back-off: doubles per retry, from at least 1 s, capped by retryDelayMax', () => {
    const delays = [0, 1, 2, 3, 4].map((retryCount) =>
      minimumRetryDelaySeconds({ retryCount, retryDelay: 30, retryBackoff: true, retryDelayMax: 3600 }),
    );
    assert.deepEqual(delays, [30, 60, 120, 240, 480]);
    assert.equal(
      minimumRetryDelaySeconds({ retryCount: 10, retryDelay: 30, retryBackoff: true, retryDelayMax: 3600 }),
      3600,
    );
    assert.equal(minimumRetryDelaySeconds({ retryCount: 2, retryDelay: 0, retryBackoff: true }), 4);
  });
});

describe('defineQueue', () => {
  it('refuses a name pg-boss would refuse', () => {
    assert.throws(() =>
      defineQueue({ name: 'Bad Name', retryLimit: 0, retryDelaySeconds: 0, retryBackoff: false }),
    );
    assert.equal(
      defineQueue({ name: 'notification.deliver', retryLimit: 0, retryDelaySeconds: 0, retryBackoff: false })
        .name,
      'notification.deliver',
    );
  });
});
