import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Type } from 'typebox';
import { FormProblems, inputIdOf, problemsOnPage } from './form-problems.ts';
import { defineForm, field, readForm } from './read-form.ts';

const form = defineForm(
  Type.Object({
    reason: field.text({ maxLength: 10, isRequired: true }),
    note: field.text({ maxLength: 20 }),
    amount: field.text({
      maxLength: 4,
      pattern: { source: '^[0-9]+$', message: { 'zh-TW': '天數請填數字', en: 'Enter the days as a number' } },
    }),
    decision: field.choice(['approve', 'refuse'], { isRequired: true }),
    channel: field.choice(['counter', 'phone']),
    confirm: field.tick({ isRequired: true }),
    units: field.ticks({ maxItems: 2 }),
  }),
  {
    reason: { 'zh-TW': '理由', en: 'Reason' },
    note: { 'zh-TW': '備註', en: 'Note' },
    amount: { 'zh-TW': '天數', en: 'Days' },
    decision: { 'zh-TW': '決定', en: 'Decision' },
    channel: { 'zh-TW': '管道', en: 'Channel' },
    confirm: { 'zh-TW': '確認', en: 'Confirmation' },
    units: { 'zh-TW': '單位', en: 'Units' },
  },
);

describe('readForm', () => {
  it('gives typed values: trimmed text, the first of a repeated name, ticks as a boolean and a list', () => {
    const { values, problems } = readForm(
      form,
      {
        reason: '  too late  ',
        note: ['first', 'second'],
        amount: '12',
        decision: 'approve',
        confirm: 'yes',
        units: ['parks', ' parks ', '', 'building'],
        _csrf: 'ignored',
      },
      'zh-TW',
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(values, {
      reason: 'too late',
      note: 'first',
      amount: '12',
      decision: 'approve',
      channel: '',
      confirm: true,
      units: ['parks', 'building'],
    });
  });

  it('lists every problem at once, one per field, in the form’s order and the user’s language', () => {
    const { values, problems } = readForm(
      form,
      {
        reason: ' ',
        note: 'x'.repeat(21),
        amount: '十二',
        decision: 'maybe',
        channel: 'post',
        units: ['a', 'b', 'c'],
      },
      'zh-TW',
    );
    assert.deepEqual(
      problems.map((problem) => [problem.field, problem.message]),
      [
        ['reason', '請填寫理由'],
        ['note', '備註最多 20 個字（現為 21 個字）'],
        ['amount', '天數請填數字'],
        ['decision', '請選擇決定'],
        ['channel', '請選擇管道'],
        ['confirm', '請填寫確認'],
        ['units', '單位最多選 2 項'],
      ],
    );
    // What was typed comes back to be shown again.
    assert.equal(values.note, 'x'.repeat(21));
    assert.equal(values.amount, '十二');
  });

  it('speaks English to English pages, naming the field in the sentence', () => {
    const { problems } = readForm(form, { decision: 'approve', confirm: 'on', reason: '' }, 'en');
    assert.deepEqual(
      problems.map((problem) => problem.message),
      ['Enter the reason'],
    );
    const tooLong = readForm(form, { reason: 'x'.repeat(11), decision: 'approve', confirm: 'on' }, 'en');
    assert.deepEqual(
      tooLong.problems.map((problem) => problem.message),
      ['The reason must be 10 characters or fewer (it has 11)'],
      'a sentence that starts with the field starts with a capital',
    );
  });

  it('refuses characters PostgreSQL or a person cannot use: NUL, control characters, lone surrogates', () => {
    for (const bad of ['a\u0000b', 'a\u0007b', 'a\uD800b', 'a\uDC00']) {
      const { problems } = readForm(form, { reason: bad, decision: 'refuse', confirm: 'on' }, 'en');
      assert.deepEqual(
        problems.map((problem) => [problem.field, problem.code]),
        [['reason', 'notAllowed']],
        JSON.stringify(bad),
      );
    }
    const emoji = readForm(form, { reason: '路燈🙂\n不亮', decision: 'refuse', confirm: 'on' }, 'en');
    assert.deepEqual(emoji.problems, []);
  });

  it('keeps a field marked untrimmed exactly as sent (a password), and still bounds it', () => {
    const secret = defineForm(Type.Object({ password: field.text({ maxLength: 8, isTrimmed: false }) }), {
      password: { 'zh-TW': '密碼', en: 'Password' },
    });
    assert.deepEqual(readForm(secret, { password: ' a b ' }, 'en'), {
      values: { password: ' a b ' },
      problems: [],
    });
    assert.deepEqual(
      readForm(secret, { password: ' '.repeat(9) }, 'zh-TW').problems.map((problem) => problem.message),
      ['密碼最多 8 個字（現為 9 個字）'],
    );
  });

  it('counts characters, not UTF-16 units, when saying how long the text is', () => {
    const within = readForm(form, { reason: '𠀋'.repeat(10), decision: 'refuse', confirm: 'on' }, 'zh-TW');
    assert.deepEqual(within.problems, []);
    const { problems } = readForm(
      form,
      { reason: '𠀋'.repeat(11), decision: 'refuse', confirm: 'on' },
      'zh-TW',
    );
    assert.equal(problems[0]?.message, '理由最多 10 個字（現為 11 個字）');
  });
});

describe('problemsOnPage', () => {
  it('points each problem at its input, names the field in the summary, and orders them as the page does', () => {
    const problems = problemsOnPage(
      [
        { field: 'targetUnit', code: 'unknown', message: '請選擇單位' },
        { field: 'formFields.0.label', code: 'required', message: '請填寫名稱' },
        { field: '', code: 'stale', message: '已有人先修改' },
      ],
      {
        lang: 'zh-TW',
        labels: { targetUnit: '改分單位' },
        order: ['', 'formFields.0.label', 'targetUnit'],
        wholeFormTarget: 'version-history',
      },
    );
    assert.deepEqual(problems.list, [
      { target: 'version-history', message: '已有人先修改', summary: '已有人先修改' },
      { target: 'formFields-0-label', message: '請填寫名稱', summary: '請填寫名稱' },
      { target: 'targetUnit', message: '請選擇單位', summary: '改分單位：請選擇單位' },
    ]);
    assert.deepEqual(problems.messagesFor('targetUnit'), ['請選擇單位']);
    assert.deepEqual(problems.messagesFor('nothing'), []);
    assert.equal(problems.hasAny, true);
    assert.equal(FormProblems.none.hasAny, false);
    assert.equal(inputIdOf('checklist.0.id'), 'checklist-0-id');
  });
});
