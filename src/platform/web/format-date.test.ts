import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatPageDate } from './format-date.ts';

describe('formatPageDate', () => {
  it('writes 民國 years on Chinese pages and words on English ones', () => {
    assert.equal(formatPageDate('zh-TW', '2026-11-26'), '民國115年11月26日');
    assert.equal(formatPageDate('zh-TW', '2027-01-05'), '民國116年1月5日');
    assert.equal(formatPageDate('en', '2026-11-26'), '26 November 2026');
    assert.equal(formatPageDate('en', '2027-01-05'), '5 January 2027');
  });

  it('refuses anything but an ISO date', () => {
    assert.throws(() => formatPageDate('en', '26/11/2026'));
  });
});
