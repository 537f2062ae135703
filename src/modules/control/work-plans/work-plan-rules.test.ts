import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rowProblems } from './work-plan-rules.ts';

const practice = { id: 'p1', ref: '一(一)', text: '簡化流程' };
const target = { indicator: '辦結率', unitOfMeasure: '%', baseline: '80', target: '95', measurement: '統計' };

describe('a method’s problems name their fields (issue 14 §15)', () => {
  it('three empty texts give three different messages, each naming its field, in both languages', () => {
    const form = {
      itemText: '',
      focusText: '',
      methodText: '',
      remarks: '',
      practiceIds: ['p1'],
      targets: [target],
    };
    const practices = { carried: [practice], all: [practice] };
    assert.deepEqual(
      rowProblems(form, practices, 'zh-TW').map((problem) => [problem.field, problem.message]),
      [
        ['itemText', '請填寫實施要項。'],
        ['focusText', '請填寫工作重點。'],
        ['methodText', '請填寫工作(推動)方法。'],
      ],
    );
    assert.deepEqual(
      rowProblems(form, practices, 'en').map((problem) => problem.message),
      ['Enter the implementation item.', 'Enter the focus.', 'Enter the method.'],
    );
  });

  it('an over-long text and an over-long target part say which', () => {
    const form = {
      itemText: '要',
      focusText: '點',
      methodText: '法',
      remarks: '備'.repeat(5001),
      practiceIds: ['p1'],
      targets: [{ ...target, indicator: '指'.repeat(201) }],
    };
    const messages = rowProblems(form, { carried: [practice], all: [practice] }, 'zh-TW').map(
      (problem) => problem.message,
    );
    assert.equal(messages.length, 2, messages.join('\n'));
    assert.match(messages[0] ?? '', /^備註\(績效\)不可超過 \d+ 個字。$/);
    assert.match(messages[1] ?? '', /^量化目標 1 指標不可超過 \d+ 個字。$/);
  });
});
