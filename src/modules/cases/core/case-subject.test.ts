import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { subjectIn } from './case-subject.ts';

describe('subjectIn (issue 14: the automatic subject on English pages)', () => {
  const names = { serviceNameZh: '人行道/騎樓破損', serviceNameEn: 'Broken sidewalk or arcade' };

  it('shows the service’s English name on an English page when the subject is the automatic one', () => {
    assert.equal(subjectIn('en', { subject: '人行道/騎樓破損', ...names }), 'Broken sidewalk or arcade');
    assert.equal(subjectIn('zh-TW', { subject: '人行道/騎樓破損', ...names }), '人行道/騎樓破損');
  });

  it('keeps a subject the applicant wrote, in either language', () => {
    assert.equal(subjectIn('en', { subject: '中正三路人行道破損', ...names }), '中正三路人行道破損');
    assert.equal(subjectIn('en', { subject: 'Loose tiles', ...names }), 'Loose tiles');
  });
});
