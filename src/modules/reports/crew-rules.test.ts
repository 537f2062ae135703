import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { topicProblems } from '../../platform/notify/template-kit.ts';
import { distanceText, notFixedWindow, positionOf } from './crew-rules.ts';
import { reportTopics } from './templates/index.ts';

const day = 86_400_000;
const fixedAt = new Date('2026-03-02T06:00:00Z');
const fixed = { kind: 'field_report', state: 'fixed', closedAt: fixedAt };

describe('the crews’ rules', () => {
  it('“not fixed” is open until the reopen days after the fix, to the millisecond, then past', () => {
    const until = new Date(fixedAt.getTime() + 7 * day);
    assert.deepEqual(notFixedWindow(fixed, new Date(fixedAt.getTime() + day), 7), { kind: 'open', until });
    assert.deepEqual(notFixedWindow(fixed, until, 7), { kind: 'open', until });
    assert.deepEqual(notFixedWindow(fixed, new Date(until.getTime() + 1), 7), { kind: 'past', until });
    assert.deepEqual(notFixedWindow({ ...fixed, state: 'closed' }, until, 7), { kind: 'open', until });
  });

  it('there is nothing to say “not fixed” about before the fix, after a merge, or for another kind of case', () => {
    const now = new Date(fixedAt.getTime() + day);
    for (const row of [
      { ...fixed, state: 'dispatched', closedAt: null },
      { ...fixed, state: 'reopened', closedAt: null },
      { ...fixed, state: 'merged' },
      { ...fixed, kind: 'application', state: 'closed' },
      { ...fixed, closedAt: null },
    ])
      assert.deepEqual(notFixedWindow(row, now, 7), { kind: 'not_fixed' }, JSON.stringify(row));
  });

  it('“my position” from the query string: two numbers on Earth, or none', () => {
    assert.deepEqual(positionOf('22.6203', '120.312'), { lat: 22.6203, lon: 120.312 });
    assert.deepEqual(positionOf(' -33.5 ', '151'), { lat: -33.5, lon: 151 });
    for (const [lat, lon] of [
      [undefined, '120'],
      ['22.6', undefined],
      ['', '120'],
      ['abc', '120'],
      ['91', '120'],
      ['22', '181'],
      ['Infinity', '120'],
    ] as const)
      assert.equal(positionOf(lat, lon), null, `${lat}, ${lon}`);
  });

  it('distances as a crew reads them: metres below a kilometre, then kilometres', () => {
    assert.equal(distanceText(0.4), '0 m');
    assert.equal(distanceText(299.6), '300 m');
    assert.equal(distanceText(999.4), '999 m');
    assert.equal(distanceText(1000), '1.0 km');
    assert.equal(distanceText(2345), '2.3 km');
    assert.equal(distanceText(12_600), '13 km');
  });

  it('the “fixed” e-mail renders in both languages with its greeting, sign-off and no missing data', () => {
    assert.deepEqual(topicProblems(reportTopics.fixed), []);
    const reporter = reportTopics.fixed.renderSample('zh-TW');
    assert.match(reporter.text, /請在民國115年3月17日以前告訴我們/);
    assert.match(reporter.text, /not-fixed\?code=ABCD2345/);
    const follower = reportTopics.fixed.renderSample('en');
    assert.match(follower.text, /report you followed has been fixed/);
    assert.doesNotMatch(follower.text, /not fixed/i);
  });
});
