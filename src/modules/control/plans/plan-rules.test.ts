import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  type PracticeForm,
  parseOrdinal,
  partsOf,
  publicationProblems,
  retitle,
  retitleEn,
  type Validation,
  validateCopy,
  validateItem,
  validatePractice,
  validateRemoval,
} from './plan-rules.ts';
import { chineseNumeral, practiceRef } from './plan-types.ts';

/** The problems of a validation that must have refused its form. */
function refused(result: Validation<unknown>) {
  assert.ok(!result.ok, 'the form is refused');
  return result.problems;
}

const draft2027 = { year: 2027, rocYear: 116, isPublished: false };
const published2027 = { ...draft2027, isPublished: true };
const units = new Map([
  ['building', true],
  ['parks', true],
  ['maintenance', false],
]);
const goodPractice: PracticeForm = {
  number: '3',
  text: '加強辦公室綠化。',
  parts: '',
  deadlineKind: 'month',
  deadlineRocYear: '116',
  deadlineMonth: '12',
  everyUnit: false,
  unitCodes: ['building'],
  reason: '',
};
const siblings = [
  { ordinal: 1, label: '1.' },
  { ordinal: 2, label: '2.' },
];

describe('numbers', () => {
  it('reads digits, full-width digits and Chinese numerals, bracketed or not', () => {
    for (const [input, expected] of [
      ['3', 3],
      ['３', 3],
      ['三', 3],
      ['(三)', 3],
      ['（三）', 3],
      ['三、', 3],
      ['十二', 12],
      ['二十', 20],
      ['3.', 3],
    ] as const)
      assert.equal(parseOrdinal(input), expected, input);
    for (const input of ['', 'x', '3a', '一百']) assert.equal(parseOrdinal(input), null, input);
    assert.deepEqual([1, 10, 11, 20, 99].map(chineseNumeral), ['一', '十', '十一', '二十', '九十九']);
    assert.equal(practiceRef(2, 4, { ordinal: 3, label: '3.' }), '二(四)3');
    assert.equal(practiceRef(1, 1, { ordinal: 1, label: '' }), '一(一)');
  });

  it('numbers sub-items (1), (2)… whether or not the editor typed the labels', () => {
    assert.deepEqual(partsOf('(1) 甲\n\n（2）乙\r\n丙'), [
      { ordinal: 1, label: '(1)', text: '甲' },
      { ordinal: 2, label: '(2)', text: '乙' },
      { ordinal: 3, label: '(3)', text: '丙' },
    ]);
  });
});

describe('validatePractice', () => {
  it('accepts a good practice and keeps a printed label while the number is the same', () => {
    const result = validatePractice(
      goodPractice,
      { plan: draft2027, siblings, current: { ordinal: 3, label: '3.' }, units },
      'zh-TW',
    );
    assert.ok(result.ok);
    assert.deepEqual(result.value.deadline, { kind: 'month', rocYear: 116, month: 12 });
    assert.deepEqual(result.value.unitCodes, ['building']);
    assert.equal(result.value.label, '3.');
  });

  it('lists every problem at once: duplicate number, empty text, unknown unit, month 13, no reason', () => {
    const result = validatePractice(
      {
        ...goodPractice,
        number: '2',
        text: '   ',
        deadlineMonth: '13',
        unitCodes: ['building', 'no-such-unit'],
      },
      { plan: published2027, siblings, current: null, units },
      'zh-TW',
    );
    assert.deepEqual(
      refused(result).map((problem) => [problem.field, problem.code]),
      [
        ['number', 'duplicate_number'],
        ['text', 'required'],
        ['deadlineMonth', 'invalid_month'],
        ['unitCodes', 'unknown_unit'],
        ['reason', 'reason_required'],
      ],
    );
    assert.equal(refused(result)[3]?.message, '沒有代碼為「no-such-unit」的單位。');
  });

  it('answers in English on English pages', () => {
    const result = validatePractice(
      { ...goodPractice, deadlineKind: 'sometime', everyUnit: true },
      { plan: draft2027, siblings, current: null, units },
      'en',
    );
    assert.deepEqual(
      refused(result).map((problem) => problem.message),
      [
        'Choose the kind of deadline.',
        '“Every unit” is ticked: do not tick single units as well. Choose one or the other.',
      ],
    );
  });

  it('refuses a reorganised unit after 2012 but not in the 2012 plan', () => {
    const form = { ...goodPractice, unitCodes: ['maintenance'] };
    const later = validatePractice(form, { plan: draft2027, siblings, current: null, units }, 'zh-TW');
    assert.equal(refused(later)[0]?.code, 'inactive_unit');
    const plan2012 = { year: 2012, rocYear: 101, isPublished: true };
    const earlier = validatePractice(
      { ...form, deadlineRocYear: '101', reason: '更正' },
      { plan: plan2012, siblings, current: null, units },
      'zh-TW',
    );
    assert.ok(earlier.ok);
  });

  it('allows a blank number only for a strategy’s single practice, and no deadline or unit as the seed has', () => {
    const single = validatePractice(
      { ...goodPractice, number: '', deadlineKind: 'none', unitCodes: [] },
      { plan: draft2027, siblings: [], current: null, units },
      'zh-TW',
    );
    assert.ok(single.ok);
    assert.deepEqual(
      [single.value.label, single.value.deadline, single.value.unitCodes],
      ['', { kind: 'none' }, []],
    );
    const withOthers = validatePractice(
      { ...goodPractice, number: '' },
      { plan: draft2027, siblings, current: null, units },
      'zh-TW',
    );
    assert.equal(refused(withOthers)[0]?.code, 'number_required');
  });

  it('keeps deadlines near the plan’s year', () => {
    const result = validatePractice(
      { ...goodPractice, deadlineRocYear: '101', deadlineMonth: '0' },
      { plan: draft2027, siblings, current: null, units },
      'zh-TW',
    );
    assert.deepEqual(
      refused(result).map((problem) => problem.field),
      ['deadlineRocYear', 'deadlineMonth'],
    );
  });
});

describe('other forms', () => {
  it('items: number and title, duplicates refused', () => {
    const result = validateItem(
      { number: '一', title: '', tableTitle: '', titleEn: '', reason: '' },
      { plan: draft2027, siblings: [{ ordinal: 1, label: '一、' }], current: null },
      'zh-TW',
    );
    assert.deepEqual(
      refused(result).map((problem) => problem.code),
      ['duplicate_number', 'required'],
    );
  });

  it('removal needs the box ticked, and a reason once published', () => {
    const result = validateRemoval({ confirm: false, reason: ' ' }, published2027, 'zh-TW');
    assert.deepEqual(
      refused(result).map((problem) => problem.field),
      ['confirm', 'reason'],
    );
    assert.ok(validateRemoval({ confirm: true, reason: '' }, draft2027, 'zh-TW').ok);
  });

  it('copying needs a published plan and a free year', () => {
    const known = { publishedYears: new Set([2012]), takenYears: new Set([2012, 2026]) };
    assert.deepEqual(validateCopy({ fromYear: '2012', toYear: '２０２７' }, known, 'zh-TW'), {
      ok: true,
      value: { fromYear: 2012, toYear: 2027 },
    });
    const result = validateCopy({ fromYear: '2026', toYear: '2012' }, known, 'zh-TW');
    assert.deepEqual(
      refused(result).map((problem) => problem.code),
      ['not_published', 'year_taken'],
    );
  });

  it('a copy’s title follows its year', () => {
    assert.equal(
      retitle('高雄市政府工務局 101 年度提升服務品質執行計畫', 101, 116),
      '高雄市政府工務局 116 年度提升服務品質執行計畫',
    );
    assert.equal(
      retitle('○○○○○○(機關全銜)101 年度提昇服務品質工作計畫', 101, 116),
      '○○○○○○(機關全銜)116 年度提昇服務品質工作計畫',
    );
    assert.equal(
      retitleEn('Execution Plan for Improving Service Quality, 2012 (ROC year 101)', 2012, 2027),
      'Execution Plan for Improving Service Quality, 2027 (ROC year 116)',
    );
  });
});

describe('publishing', () => {
  it('needs an item, a strategy in every item and a practice in every strategy, each problem naming its entry', () => {
    const emptyPlan = { items: [] } as unknown as Parameters<typeof publicationProblems>[0];
    assert.deepEqual(
      publicationProblems(emptyPlan, 'en').map((problem) => [problem.field, problem.code]),
      [['items', 'no_items']],
    );
    const plan = {
      items: [
        { id: 'a', ordinal: 1, label: '一、', title: '甲', strategies: [] },
        {
          id: 'b',
          ordinal: 2,
          label: '二、',
          title: '乙',
          strategies: [{ id: 'c', ordinal: 4, practices: [] }],
        },
      ],
    } as unknown as Parameters<typeof publicationProblems>[0];
    assert.deepEqual(
      publicationProblems(plan, 'zh-TW').map((problem) => [problem.field, problem.message]),
      [
        ['item-a', '實施要項「一、甲」還沒有執行策略。'],
        ['strategy-c', '執行策略 二(四) 還沒有推動作法。'],
      ],
    );
  });
});
