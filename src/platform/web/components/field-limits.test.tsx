import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { Type } from 'typebox';
import { fieldLimits, transportLength } from './field-limits.ts';
import { TextArea, TextInput } from './form-controls.tsx';
import { textControls, textLimitOf } from './form-page.tsx';
import { FormProblems, problemsOnPage } from './form-problems.ts';
import { defineForm, field, readForm } from './read-form.ts';

const form = defineForm(
  Type.Object({
    name: field.text({ maxLength: fieldLimits.personName }),
    reason: field.text({ maxLength: fieldLimits.longText }),
    decision: field.choice(['approve', 'refuse']),
  }),
  {
    name: { 'zh-TW': '姓名', en: 'Name' },
    reason: { 'zh-TW': '理由', en: 'Reason' },
    decision: { 'zh-TW': '決定', en: 'Decision' },
  },
);

describe('field limits (issue 14)', () => {
  it('one limit per kind of field; a route’s transport bound is well above it', () => {
    assert.equal(fieldLimits.longText, 4000);
    assert.equal(fieldLimits.address, 300);
    for (const limit of Object.values(fieldLimits)) assert.ok(transportLength(limit) >= limit * 5);
  });

  it('readForm says an over-long text in the user’s language, with its length, and keeps the value', () => {
    const typed = '理'.repeat(fieldLimits.longText + 1);
    const zh = readForm(form, { name: '王小明', reason: typed }, 'zh-TW');
    assert.equal(zh.values.reason, typed);
    assert.deepEqual(zh.problems, [
      { field: 'reason', code: 'tooLong', message: '理由最多 4000 個字（現為 4001 個字）' },
    ]);
    const en = readForm(form, { name: 'n'.repeat(101), reason: '' }, 'en');
    assert.deepEqual(
      en.problems.map((problem) => problem.message),
      ['The name must be 100 characters or fewer (it has 101)'],
    );
  });

  it('line breaks count once, as the browser’s maxlength counts them', () => {
    const typed = `${'a'.repeat(1999)}\r\n${'b'.repeat(2000)}`;
    const read = readForm(form, { reason: typed }, 'zh-TW');
    assert.deepEqual(read.problems, []);
    assert.equal(read.values.reason, `${'a'.repeat(1999)}\n${'b'.repeat(2000)}`);
  });

  it('the controls show the form’s limit: maxlength, and a hint saying it, tied by aria-describedby', () => {
    assert.equal(textLimitOf(form, 'reason'), 4000);
    assert.equal(textLimitOf(form, 'decision'), undefined, 'a choice has no typed limit');
    const control = textControls(form, {
      lang: 'zh-TW',
      values: { reason: '太長' },
      problems: FormProblems.none,
    });
    const area = renderToString(<TextArea {...control('reason')} hint="請說明原因。" />);
    assert.match(area, /<textarea[^>]* maxlength="4000"[^>]*aria-describedby="reason-hint"/);
    assert.match(area, /<div id="reason-hint" class="govuk-hint">請說明原因。（最多 4000 個字）<\/div>/);
    assert.match(area, />太長<\/textarea>/);
    const englishControl = textControls(form, { lang: 'en', values: {}, problems: FormProblems.none });
    const input = renderToString(<TextInput {...englishControl('name')} />);
    assert.match(input, /maxlength="100"/);
    assert.match(input, /<div id="name-hint" class="govuk-hint">Up to 100 characters<\/div>/);
  });

  it('an over-long value comes back in its control with the problem beside it', () => {
    const typed = 'x'.repeat(101);
    const read = readForm(form, { name: typed }, 'en');
    const problems = problemsOnPage(read.problems, { lang: 'en' });
    const control = textControls(form, { lang: 'en', values: read.values, problems });
    const html = renderToString(<TextInput {...control('name')} />);
    assert.match(html, new RegExp(`value="${typed}"`));
    assert.match(html, /aria-describedby="name-hint name-error"/);
    assert.match(html, /The name must be 100 characters or fewer \(it has 101\)/);
  });
});
