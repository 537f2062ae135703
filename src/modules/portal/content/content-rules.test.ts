import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  changedFields,
  editTargetOf,
  isoDateOf,
  linesOf,
  publicationProblems,
  publicStateOf,
  reviewRefusal,
  taipeiMomentOf,
  typedMomentOf,
  type VersionFields,
  versionProblems,
  visibleFromOf,
} from './content-rules.ts';

const blank: VersionFields = {
  titleZh: '道路挖掘公告',
  titleEn: null,
  summaryZh: '',
  summaryEn: null,
  bodyZh: '',
  bodyEn: null,
  subjectsZh: [],
  subjectsEn: [],
  creators: [],
  contributors: [],
  sources: [],
  relations: [],
  rights: null,
  coverageStart: null,
  coverageEnd: null,
  themeCodes: [],
  cakeCodes: [],
  serviceCodes: [],
  publishAt: null,
  expireAt: null,
};

const known = { theme: new Set(['T1']), cake: new Set(['C1']), service: new Set(['A00']) };
const noTyping = { coverageStart: '', coverageEnd: '', publishAt: '', expireAt: '' };

describe('content rules', () => {
  it('reads one value a line: trimmed, blank lines and repeats dropped', () => {
    assert.deepEqual(linesOf(' 道路挖掘 \n\n路燈\r\n道路挖掘\n  '), ['道路挖掘', '路燈']);
    assert.deepEqual(linesOf(''), []);
  });

  it('reads dates and Taiwan times as people type them', () => {
    assert.equal(isoDateOf('２０２６/１２/２４'), '2026-12-24');
    assert.equal(isoDateOf(''), '');
    assert.equal(isoDateOf('2026-02-30'), null);
    assert.equal(isoDateOf('next week'), null);
    assert.equal((taipeiMomentOf('2026-12-24 09:30') as Date).toISOString(), '2026-12-24T01:30:00.000Z');
    assert.equal((taipeiMomentOf('2026-12-24') as Date).toISOString(), '2026-12-23T16:00:00.000Z');
    assert.equal(taipeiMomentOf(' '), 'empty');
    assert.equal(taipeiMomentOf('2026-12-24 25:00'), null);
    assert.equal(typedMomentOf(new Date('2026-12-24T01:30:00Z')), '2026-12-24 09:30');
  });

  it('lists every problem between the fields at once', () => {
    const problems = versionProblems(
      { coverageStart: '2026-13-01', coverageEnd: '', publishAt: 'soon', expireAt: '2026-12-01 08:00' },
      {
        ...blank,
        summaryEn: 'Summary without a title',
        themeCodes: ['T1', 'T9'],
        cakeCodes: ['C1'],
        serviceCodes: ['Z99'],
      },
      { lang: 'en', known },
    );
    assert.deepEqual(
      problems.map((problem) => [problem.field, problem.code]),
      [
        ['coverageStart', 'badDate'],
        ['publishAt', 'badMoment'],
        ['titleEn', 'englishNeedsTitle'],
        ['themeCodes', 'unknownCode'],
        ['serviceCodes', 'unknownCode'],
      ],
    );
    const ordered = versionProblems(
      noTyping,
      {
        ...blank,
        coverageStart: '2026-12-31',
        coverageEnd: '2026-01-01',
        publishAt: new Date('2026-12-10T00:00:00Z'),
        expireAt: new Date('2026-12-09T00:00:00Z'),
      },
      { lang: 'zh-TW', known },
    );
    assert.deepEqual(
      ordered.map((problem) => problem.message),
      ['涵蓋期間的迄日不能早於起日', '下架時間必須晚於上架時間'],
    );
    assert.deepEqual(versionProblems(noTyping, { ...blank, themeCodes: ['T1'] }, { lang: 'en', known }), []);
  });

  it('an item without a theme classification cannot be published, and an expiry must be ahead', () => {
    const now = new Date('2026-12-06T00:00:00Z');
    assert.deepEqual(
      publicationProblems(
        { ...blank, expireAt: new Date('2026-12-01T00:00:00Z') },
        { lang: 'zh-TW', now },
      ).map((problem) => problem.message),
      ['沒有主題分類的資訊不能上架，請至少勾選一項主題分類', '下架時間已過'],
    );
    assert.deepEqual(publicationProblems({ ...blank, themeCodes: ['T1'] }, { lang: 'en', now }), []);
  });

  it('shows an approved version at its publication time if still ahead, or now', () => {
    const now = new Date('2026-12-06T00:00:00Z');
    const later = new Date('2026-12-24T01:30:00Z');
    assert.equal(visibleFromOf(later, now), later);
    assert.equal(visibleFromOf(new Date('2026-01-01T00:00:00Z'), now), now);
    assert.equal(visibleFromOf(null, now), now);
  });

  it('the one who submitted or last edited a version never approves it', () => {
    assert.equal(reviewRefusal({ submittedByStaffId: 'a', editedByStaffId: 'b' }, 'a'), 'ownSubmission');
    assert.equal(reviewRefusal({ submittedByStaffId: 'a', editedByStaffId: 'b' }, 'b'), 'ownEdit');
    assert.equal(reviewRefusal({ submittedByStaffId: 'a', editedByStaffId: 'a' }, 'c'), null);
  });

  it('an edit of an approved, withdrawn or returned version makes a new version; a draft is edited in place', () => {
    assert.deepEqual(editTargetOf({ state: 'approved', currentVersion: 1 }, 'approved'), {
      version: 2,
      isNew: true,
    });
    assert.deepEqual(editTargetOf({ state: 'withdrawn', currentVersion: 3 }, 'approved'), {
      version: 4,
      isNew: true,
    });
    assert.deepEqual(editTargetOf({ state: 'draft', currentVersion: 2 }, 'returned'), {
      version: 3,
      isNew: true,
    });
    assert.deepEqual(editTargetOf({ state: 'draft', currentVersion: 2 }, null), { version: 2, isNew: false });
    assert.deepEqual(editTargetOf({ state: 'in_review', currentVersion: 2 }, null), {
      version: 2,
      isNew: false,
    });
  });

  it('tells scheduled, published and expired apart', () => {
    const now = new Date('2026-12-06T00:00:00Z');
    const item = {
      state: 'approved',
      publishedVersion: 1,
      visibleFrom: new Date('2026-12-01T00:00:00Z'),
      visibleUntil: null,
    };
    assert.equal(publicStateOf(item, now), 'published');
    assert.equal(publicStateOf({ ...item, visibleFrom: new Date('2026-12-24T00:00:00Z') }, now), 'scheduled');
    assert.equal(publicStateOf({ ...item, visibleUntil: new Date('2026-12-05T00:00:00Z') }, now), 'expired');
    assert.equal(publicStateOf({ ...item, state: 'withdrawn' }, now), null);
    assert.equal(publicStateOf({ ...item, publishedVersion: null }, now), null);
  });

  it('says what changed between two versions, field by field', () => {
    const before = { ...blank, subjectsZh: ['道路挖掘'], themeCodes: ['T1'] };
    const after = {
      ...before,
      titleZh: '道路挖掘公告（修正）',
      subjectsZh: ['道路挖掘', '路平'],
      publishAt: new Date('2026-12-24T01:30:00Z'),
    };
    assert.deepEqual(changedFields(before, after), [
      { field: 'titleZh', before: '道路挖掘公告', after: '道路挖掘公告（修正）' },
      { field: 'subjectsZh', before: '道路挖掘', after: '道路挖掘\n路平' },
      { field: 'publishAt', before: '', after: '2026-12-24 09:30' },
    ]);
    assert.deepEqual(changedFields(after, after), []);
    assert.deepEqual(
      changedFields(null, blank).map((change) => change.field),
      ['titleZh'],
    );
  });
});
