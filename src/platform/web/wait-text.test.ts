import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { waitText } from './wait-text.ts';

describe('waitText: how long to wait, as people say it', () => {
  it('rounds to the nearest minute: 907 s is about 15 minutes, not 16', () => {
    assert.equal(waitText('zh-TW', 907), '15 分鐘');
    assert.equal(waitText('en', 907), '15 minutes');
    assert.equal(waitText('en', 931), '16 minutes');
  });
  it('never says 0, and says one minute in the singular', () => {
    assert.equal(waitText('zh-TW', 1), '1 分鐘');
    assert.equal(waitText('en', 20), '1 minute');
  });
  it('speaks in hours from 90 minutes on', () => {
    assert.equal(waitText('zh-TW', 89 * 60), '89 分鐘');
    assert.equal(waitText('zh-TW', 90 * 60), '2 小時');
    assert.equal(waitText('en', 23.6 * 3600), '24 hours');
  });
});
