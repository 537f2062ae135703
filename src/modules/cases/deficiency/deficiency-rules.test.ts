import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type DeficiencyCandidate,
  defaultSupplementBy,
  hasLapsed,
  itemsAsText,
  readDraft,
  type SupplementAnswer,
  supplementByProblems,
  supplementProblems,
  supplementRecord,
} from './deficiency-rules.ts';
import type { DeficiencyItem } from './deficiency-schema.ts';

const candidates: DeficiencyCandidate[] = [
  {
    key: 'checklist:plan',
    kind: 'checklist',
    refId: 'plan',
    labelZh: '施工計畫書',
    labelEn: 'Construction plan',
    currentAnswer: null,
  },
  {
    key: 'field:permit',
    kind: 'field',
    refId: 'permit',
    labelZh: '建造執照字號',
    labelEn: 'Permit number',
    currentAnswer: '113-01',
  },
];

const posted =
  (fields: Record<string, string>) =>
  (name: string): string =>
    fields[name] ?? '';

describe('the issuing form', () => {
  it('keeps each ticked item with its note, free-text items, and the date', () => {
    const draft = readDraft(
      posted({
        'tick.checklist.plan': 'yes',
        'note.checklist.plan': '缺監造人\n簽章',
        'other.2': '請附委任書',
        supplementBy: '115/3/17',
      }),
      { candidates, today: '2026-03-02', isSecond: false, lang: 'zh-TW' },
    );
    assert.deepEqual(draft.problems, []);
    assert.equal(draft.supplementBy, '2026-03-17');
    assert.deepEqual(
      draft.items.map((item) => [item.key, item.kind, item.note]),
      [
        ['checklist:plan', 'checklist', '缺監造人 簽章'],
        ['other:2', 'other', '請附委任書'],
      ],
    );
    assert.equal(itemsAsText(draft.items, 'zh-TW'), '施工計畫書：缺監造人 簽章\n請附委任書');
    assert.equal(itemsAsText(draft.items, 'en'), 'Construction plan: 缺監造人 簽章\n請附委任書');
  });

  it('lists every problem at once: a ticked item without a note, a note without a tick, a past date, no reason for a second notice', () => {
    const draft = readDraft(
      posted({ 'tick.checklist.plan': 'yes', 'note.field.permit': '字號錯誤', supplementBy: '2026-03-02' }),
      { candidates, today: '2026-03-02', isSecond: true, lang: 'zh-TW' },
    );
    assert.deepEqual(
      draft.problems.map((problem) => [problem.field, problem.code]),
      [
        ['note.checklist.plan', 'required'],
        ['tick.field.permit', 'not_ticked'],
        ['supplementBy', 'past'],
        ['approvalReason', 'required'],
      ],
    );
  });

  it('asks for at least one item', () => {
    const draft = readDraft(posted({ supplementBy: '2026-03-10' }), {
      candidates,
      today: '2026-03-02',
      isSecond: false,
      lang: 'en',
    });
    assert.deepEqual(
      draft.problems.map((problem) => problem.message),
      ['Tick at least one item to be supplemented, or write another item.'],
    );
  });
});

describe('the date to supplement by', () => {
  it('is proposed 15 days on, must be after today and at most 60 days away', () => {
    assert.equal(defaultSupplementBy('2026-03-02'), '2026-03-17');
    assert.deepEqual(supplementByProblems('2026-05-01', '2026-03-02', 'zh-TW').problems, []);
    assert.equal(supplementByProblems('2026-05-02', '2026-03-02', 'zh-TW').problems[0]?.code, 'too_late');
    assert.equal(supplementByProblems('2026-03-02', '2026-03-02', 'zh-TW').problems[0]?.code, 'past');
    assert.equal(supplementByProblems('2026-02-30', '2026-03-02', 'zh-TW').problems[0]?.code, 'invalid');
    assert.equal(supplementByProblems('', '2026-03-02', 'zh-TW').problems[0]?.code, 'required');
  });

  it('lapses the day after it', () => {
    assert.equal(hasLapsed('2026-03-17', '2026-03-17'), false);
    assert.equal(hasLapsed('2026-03-17', '2026-03-18'), true);
  });
});

describe('a supplement', () => {
  const items: DeficiencyItem[] = [
    {
      key: 'checklist:plan',
      kind: 'checklist',
      refId: 'plan',
      labelZh: '施工計畫書',
      labelEn: 'Plan',
      note: 'x',
    },
    {
      key: 'field:permit',
      kind: 'field',
      refId: 'permit',
      labelZh: '建造執照字號',
      labelEn: 'Permit',
      note: 'y',
    },
    { key: 'other:1', kind: 'other', refId: null, labelZh: '其他事項 1', labelEn: 'Other item 1', note: 'z' },
  ];
  const none: SupplementAnswer = { answer: '', reply: '', fileCount: 0, isBroughtIn: false };
  const fieldRules = new Map();

  it('online must answer every item: a file, a corrected answer, a reply (each missing one named)', () => {
    const problems = supplementProblems(items, new Map([['field:permit', { ...none, answer: '113-02' }]]), {
      via: 'online',
      lang: 'zh-TW',
      fieldRules,
    });
    assert.deepEqual(
      problems.map((problem) => [problem.field, problem.message]),
      [
        ['file.checklist.plan', '「施工計畫書」請上傳補正的文件。'],
        ['reply.other.1', '其他事項 1：請回覆這一項。'],
      ],
    );
    const complete = new Map([
      ['checklist:plan', { ...none, fileCount: 1 }],
      ['field:permit', { ...none, answer: '113-02' }],
      ['other:1', { ...none, reply: '已附' }],
    ]);
    assert.deepEqual(supplementProblems(items, complete, { via: 'online', lang: 'zh-TW', fieldRules }), []);
    assert.deepEqual(
      supplementRecord(items, complete, { permit: '113-01' }, new Map([['checklist:plan', ['a1']]])),
      [
        { key: 'checklist:plan', attachmentIds: ['a1'] },
        { key: 'field:permit', attachmentIds: [], previousAnswer: '113-01', answer: '113-02' },
        { key: 'other:1', attachmentIds: [], reply: '已附' },
      ],
    );
  });

  it('at the counter needs every item ticked as brought in, files and answers optional', () => {
    const ticked = new Map(items.map((item) => [item.key, { ...none, isBroughtIn: true }]));
    assert.deepEqual(supplementProblems(items, ticked, { via: 'counter', lang: 'en', fieldRules }), []);
    ticked.delete('other:1');
    assert.deepEqual(
      supplementProblems(items, ticked, { via: 'counter', lang: 'en', fieldRules }).map(
        (problem) => problem.message,
      ),
      ['“Other item 1” is not ticked as brought in.'],
    );
  });

  it('checks a corrected choice against its options', () => {
    const rules = new Map([['permit', { choices: ['a', 'b'] }]]);
    const problems = supplementProblems(
      [items[1] as DeficiencyItem],
      new Map([['field:permit', { ...none, answer: 'c' }]]),
      { via: 'online', lang: 'en', fieldRules: rules },
    );
    assert.deepEqual(
      problems.map((problem) => problem.message),
      ['Permit: Choose one of the options.'],
    );
  });
});
