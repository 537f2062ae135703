import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  englishMonthName,
  formatPageDate,
  formatPageDateTime,
  formatTaipeiDateTime,
  taipeiIsoDate,
  taipeiTimeOfDay,
} from './format-date.ts';

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

describe('formatTaipeiDateTime and formatPageDateTime', () => {
  it('write a moment in Taipei time, past midnight there while still the day before in UTC', () => {
    const moment = new Date('2026-03-01T16:05:09Z');
    assert.equal(formatTaipeiDateTime(moment), '2026-03-02 00:05:09');
    assert.equal(formatPageDateTime('zh-TW', moment), '民國115年3月2日 00:05');
    assert.equal(formatPageDateTime('en', moment), '2 March 2026 00:05');
  });
});

describe('taipeiIsoDate, taipeiTimeOfDay and englishMonthName', () => {
  it('give the Taipei date and time of day of a moment, and every month its English name', () => {
    const moment = new Date('2026-03-01T16:05:09Z');
    assert.equal(taipeiIsoDate(moment), '2026-03-02');
    assert.equal(taipeiTimeOfDay(moment), '00:05');
    assert.equal(taipeiTimeOfDay(new Date('2026-03-02T05:30:00Z')), '13:30');
    const names = Array.from({ length: 12 }, (_, index) => englishMonthName(index + 1));
    const fromIntl = Array.from({ length: 12 }, (_, index) =>
      new Date(Date.UTC(2000, index, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' }),
    );
    assert.deepEqual(names, fromIntl);
    assert.throws(() => englishMonthName(13));
  });
});
