import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PostedBody } from '../../platform/web/components/read-form.ts';
import { formOfDefinition, readServiceForm, type ServiceForm } from './catalogue-admin-form.ts';
import { DEMO_SERVICES } from './catalogue-demo-data.ts';
import { isSameDefinition } from './service-definition.ts';
import { definitionOfForm } from './service-form-definition.ts';
import { editorProblemsOnPage, inputNameOf, problemsOnInputs } from './service-form-problems.ts';

/** A body read as the routes read it (creating: the code from the body). */
function formOfBody(body: PostedBody, lang: 'zh-TW' | 'en' = 'zh-TW'): ServiceForm {
  const reading = readServiceForm(body, { lang });
  assert.deepEqual(reading.problems, []);
  return reading.form;
}

/** What a browser sends for a form (unticked boxes send nothing), plus one blank row per part. */
function bodyOf(form: ServiceForm): Record<string, string> {
  const body: Record<string, string> = {};
  const put = (name: string, value: string | boolean) => {
    if (typeof value === 'boolean') {
      if (value) body[name] = 'yes';
    } else body[name] = value;
  };
  for (const [name, value] of Object.entries(form)) if (!Array.isArray(value)) put(name, value);
  for (const part of ['checklist', 'fees', 'sopSteps', 'formFields'] as const) {
    const rows: Record<string, string | boolean>[] = form[part].map((row) => ({ ...row }));
    // A blank row as the page shows it: "required" ticked, a type chosen, no text.
    rows.push(part === 'formFields' ? { type: 'text', isRequired: true, id: '  ' } : { isRequired: true });
    rows.forEach((row, index) => {
      for (const [name, value] of Object.entries(row)) put(`${part}.${index}.${name}`, value);
    });
  }
  return body;
}

describe('the service form', () => {
  it('every demo service survives definition → form → posted body → definition unchanged', () => {
    for (const service of DEMO_SERVICES) {
      const form = formOfBody(bodyOf(formOfDefinition(service)));
      const reading = definitionOfForm(form, 'zh-TW');
      assert.deepEqual(reading.problems, [], service.code);
      assert.ok(isSameDefinition(service, reading.definition), service.code);
    }
  });

  it('writes the sample in the order of the form fields, whatever order the stored object has', () => {
    const service = DEMO_SERVICES.find((candidate) => candidate.code === 'street-light-repair');
    assert.ok(service);
    const reversed = Object.fromEntries(Object.entries(service.sample).toReversed());
    const lines = formOfDefinition({ ...service, sample: reversed }).sample.split('\n');
    const order = service.formFields.map((field) => field.id).filter((id) => id in service.sample);
    assert.deepEqual(
      lines.map((line) => line.slice(0, line.indexOf('='))),
      order,
    );
  });

  it('reads full-width digits and thousands separators, drops blank rows and keeps row order', () => {
    const form = formOfBody({
      code: ' bench-repair ',
      kind: 'field_report',
      unitCode: 'parks',
      serviceClassificationCode: 'E00',
      'deadline.kind': 'working_days',
      'deadline.amount': '１０',
      'fees.3.labelZh': '材料費',
      'fees.3.amountTwd': '1,200',
      'fees.1.labelZh': '   ',
      'fees.1.amountTwd': '',
      'fees.0.labelZh': '規費',
      'fees.0.amountTwd': '０',
      'formFields.0.type': 'choice',
      'formFields.0.id': 'damage',
      'formFields.0.options': 'broken|斷裂|Broken\r\n\r\nloose ｜ 鬆動 ｜ Loose',
      sample: 'damage=loose\n\n',
    });
    assert.equal(form.code, 'bench-repair');
    assert.deepEqual(
      form.fees.map((fee) => fee.labelZh),
      ['規費', '材料費'],
    );
    const { definition, problems } = definitionOfForm(form, 'zh-TW');
    assert.deepEqual(problems, []);
    assert.deepEqual(definition.deadline, { kind: 'working_days', days: 10 });
    assert.deepEqual(
      definition.fees.map((fee) => fee.amountTwd),
      [0, 1200],
    );
    const field = definition.formFields[0];
    assert.equal(field?.type, 'choice');
    assert.deepEqual(field?.type === 'choice' ? field.options : null, [
      { value: 'broken', labelZh: '斷裂', labelEn: 'Broken' },
      { value: 'loose', labelZh: '鬆動', labelEn: 'Loose' },
    ]);
    assert.deepEqual(definition.sample, { damage: 'loose' });
    assert.equal(definition.themeClassificationCode, null);
  });

  it('lists every problem only the form can have, each on its input, with a placeholder so the rules still run', () => {
    const form = formOfBody({
      'deadline.amount': '三天',
      'fees.0.labelZh': '規費',
      'fees.0.amountTwd': '12.5',
      'formFields.0.type': 'text',
      'formFields.0.id': 'note',
      'formFields.0.unitZh': '公尺',
      'formFields.0.options': 'a|甲|A',
      'formFields.1.type': 'choice',
      'formFields.1.id': 'pick',
      'formFields.1.options': 'a|甲|A\nonly-two|乙',
      sample: 'note=hello\nnote=again\nno separator',
    });
    const { definition, problems } = definitionOfForm(form, 'zh-TW');
    assert.deepEqual(
      problems.map((problem) => [problem.field, problem.code]),
      [
        ['kind', 'required'],
        ['unitCode', 'required'],
        ['serviceClassificationCode', 'required'],
        ['deadline.kind', 'required'],
        ['deadline.days', 'not_a_whole_number'],
        ['fees.0.amountTwd', 'not_a_whole_number'],
        ['formFields.0.unitZh', 'unit_not_allowed'],
        ['formFields.0.options', 'options_not_allowed'],
        ['formFields.1.options', 'invalid_option_line'],
        ['sample', 'duplicate_sample'],
        ['sample', 'invalid_sample_line'],
      ],
    );
    assert.equal(definition.kind, 'application');
    assert.deepEqual(definition.deadline, { kind: 'working_days', days: 0 });
    assert.match(problems[8]?.message ?? '', /第 2 行應寫成「值\|中文標籤\|英文標籤」/);
    assert.match(problems[9]?.message ?? '', /第 2 行的欄位「note」前面已經寫過/);
  });

  it('names the input of each problem and says where it is in the summary, in the order of the page', () => {
    assert.equal(inputNameOf('deadline.hours'), 'deadline.amount');
    assert.equal(inputNameOf('formFields.2.options.1.labelEn'), 'formFields.2.options');
    assert.equal(inputNameOf('sample.ghost'), 'sample');
    assert.equal(inputNameOf('sopSteps'), 'sopSteps.0.titleZh');
    const form = formOfBody({
      'checklist.1.nameZh': '甲',
      'checklist.0.nameZh': '乙',
      'formFields.0.id': 'x',
    });
    const onInputs = problemsOnInputs(
      [
        { field: 'checklist.1.nameEn', code: 'required', message: '請填寫此欄位。' },
        { field: 'formFields.0.options.1.labelEn', code: 'required', message: '請填寫此欄位。' },
        { field: '', code: 'version_conflict', message: '已有新版本。' },
      ],
      { lang: 'zh-TW', optionLines: [[1, 3]], formProblems: [] },
    );
    const shown = editorProblemsOnPage(onInputs, { lang: 'zh-TW', form, formProblems: [] });
    // In the order of the page: the form as a whole first, then the checklist, then the form fields.
    assert.deepEqual(shown.list, [
      { target: 'version-history', message: '已有新版本。', summary: '已有新版本。' },
      {
        target: 'checklist-1-nameEn',
        message: '請填寫此欄位。',
        summary: '第 2 項文件的英文名稱：請填寫此欄位。',
      },
      {
        target: 'formFields-0-options',
        message: '選項第 3 行：請填寫此欄位。',
        summary: '第 1 個欄位的選項（只用於選擇欄位）：選項第 3 行：請填寫此欄位。',
      },
    ]);
    const english = editorProblemsOnPage(
      problemsOnInputs([{ field: 'deadline.days', code: 'x', message: 'Enter a whole number, e.g. 7.' }], {
        lang: 'en',
        optionLines: [],
        formProblems: [],
      }),
      { lang: 'en', form, formProblems: [] },
    );
    assert.equal(english.list[0]?.summary, 'Number of days or hours: Enter a whole number, e.g. 7.');
    assert.deepEqual(english.messagesFor('deadline-amount'), ['Enter a whole number, e.g. 7.']);
  });

  it('the forms kit refuses an over-long field or an unusable character, in its own words, and its refusal replaces the rules’ problems on that input', () => {
    const reading = readServiceForm(
      {
        nameZh: '路'.repeat(101),
        'deadline.amount': '9'.repeat(21),
        'checklist.0.nameEn': 'Photo\u0000',
        'checklist.0.id': 'photo',
      },
      { lang: 'zh-TW' },
    );
    assert.deepEqual(
      reading.problems.map((problem) => [problem.field, problem.message]),
      [
        ['nameZh', '中文名稱最多 100 個字（現為 101 個字）'],
        ['deadline.amount', '天數或時數最多 20 個字（現為 21 個字）'],
        ['checklist.0.nameEn', '第 1 項文件的英文名稱含有無法使用的字元'],
      ],
    );
    assert.equal(reading.form.nameZh, '路'.repeat(101), 'what was typed is kept to show again');
    const { problems: formReading } = definitionOfForm(reading.form, 'zh-TW');
    const onInputs = problemsOnInputs(
      [
        ...reading.problems,
        ...formReading,
        { field: 'nameZh', code: 'too_long', message: '不可超過 100 個字。' },
        { field: 'deadline.days', code: 'too_large', message: '期限不可超過 365。' },
        { field: 'nameEn', code: 'required', message: '請填寫此欄位。' },
      ],
      { lang: 'zh-TW', optionLines: [], formProblems: reading.problems },
    );
    const shown = editorProblemsOnPage(onInputs, {
      lang: 'zh-TW',
      form: reading.form,
      formProblems: reading.problems,
    });
    assert.deepEqual(
      shown.list.map((problem) => [problem.target, problem.summary]),
      [
        ['nameZh', '中文名稱最多 100 個字（現為 101 個字）'],
        ['nameEn', '英文名稱：請填寫此欄位。'],
        ['kind', '服務類型：請選擇服務類型。'],
        ['unitCode', '承辦單位：請選擇承辦單位。'],
        ['serviceClassificationCode', '服務分類：請選擇服務分類。'],
        ['deadline-kind', '期限的計算方式：請選擇期限的計算方式。'],
        ['deadline-amount', '天數或時數最多 20 個字（現為 21 個字）'],
        ['checklist-0-nameEn', '第 1 項文件的英文名稱含有無法使用的字元'],
      ],
    );
  });

  it('editing, the code comes from the address, whatever the body says', () => {
    const reading = readServiceForm(
      { code: 'x'.repeat(99), nameZh: '路燈' },
      { lang: 'en', code: 'street-light' },
    );
    assert.deepEqual(reading.problems, []);
    assert.equal(reading.form.code, 'street-light');
  });
});

describe('a fee per unit of an answer (issue 11 §3)', () => {
  it('names the number field its amount is per unit of; blank keeps a fixed fee', () => {
    const form = formOfBody({
      code: 'dig',
      kind: 'application',
      unitCode: 'planning',
      serviceClassificationCode: 'C00',
      'deadline.kind': 'working_days',
      'deadline.amount': '7',
      'fees.0.labelZh': '審查費',
      'fees.0.amountTwd': '1000',
      'fees.0.perFieldId': ' ',
      'fees.1.labelZh': '路面修復費（每平方公尺）',
      'fees.1.amountTwd': '1600',
      'fees.1.perFieldId': ' area-square-metres ',
    });
    const { definition } = definitionOfForm(form, 'zh-TW');
    assert.deepEqual(
      definition.fees.map((fee) => [fee.amountTwd, fee.perFieldId]),
      [
        [1000, undefined],
        [1600, 'area-square-metres'],
      ],
    );
    const excavation = DEMO_SERVICES.find((service) => service.code === 'road-excavation-permit');
    assert.ok(excavation);
    assert.deepEqual(
      formOfDefinition(excavation).fees.map((fee) => fee.perFieldId),
      ['', 'area-square-metres'],
    );
  });
});
