import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { caseTopics } from '../cases/core/templates/index.ts';
import {
  builtInAsTemplate,
  fillTexts,
  templateTextProblems,
  variablesOf,
  variableValues,
} from './template-text.ts';

const topic = caseTopics.received;
const builtIn = () => ({ 'zh-TW': builtInAsTemplate(topic, 'zh-TW'), en: builtInAsTemplate(topic, 'en') });

describe('edited notification wording (issue 17 §5)', () => {
  it('variables come from the sample; dates are written for the reader, required ones marked', () => {
    const variables = variablesOf(topic);
    const names = variables.map((variable) => variable.name);
    assert.deepEqual(names, [
      'caseNumber',
      'lookupCode',
      'serviceName',
      'unitName',
      'unitPhone',
      'expectedCompletionDate',
      'trackingUrl',
      'bureauName',
    ]);
    const required = variables.filter((variable) => variable.isRequired).map((variable) => variable.name);
    assert.deepEqual(required, ['caseNumber', 'lookupCode', 'trackingUrl']);
    const values = variableValues(topic, 'zh-TW', topic.template.sample['zh-TW']);
    assert.equal(values.get('expectedCompletionDate'), '民國115年3月5日');
    assert.equal(values.get('bureauName'), '高雄市政府工務局');
    // A declared list replaces the default rule: the closing notice's satisfaction link is not required.
    const closed = variablesOf(caseTopics.closed).filter((variable) => variable.isRequired);
    assert.deepEqual(
      closed.map((variable) => variable.name),
      ['caseNumber', 'trackingUrl'],
    );
  });

  it('the built-in wording written with variables fills back to exactly the built-in message', () => {
    for (const each of Object.values(caseTopics)) {
      for (const lang of ['zh-TW', 'en'] as const) {
        const texts = builtInAsTemplate(each, lang);
        const filled = fillTexts(texts, variableValues(each, lang, each.template.sample[lang]));
        assert.deepEqual(filled, each.renderSample(lang), `${each.topic} ${lang}`);
      }
    }
    assert.match(builtIn()['zh-TW'].text, /案號：\{\{caseNumber\}\}\n查詢碼：\{\{lookupCode\}\}/);
    assert.deepEqual(templateTextProblems(topic, builtIn(), 'zh-TW'), []);
  });

  it('an unknown variable, unpaired braces, a missing required one, an empty SMS: every problem at once, on its field', () => {
    const texts = builtIn();
    texts['zh-TW'].text = `${texts['zh-TW'].text.replace('{{lookupCode}}', '')}\n{{nope}} {{caseNumber}`;
    texts.en.sms = '';
    texts.en.subject = 'Case {{ caseNumber }} {{alsoNope}}';
    const problems = templateTextProblems(topic, texts, 'en');
    assert.deepEqual(
      problems.map((problem) => `${problem.field}:${problem.code}`),
      [
        'textZh:unknown_variable',
        'textZh:unbalanced_braces',
        'textZh:missing_variable',
        'subjectEn:unknown_variable',
        'smsEn:required',
      ],
    );
    assert.match(problems[0]?.message ?? '', /\{\{nope\}\}/);
    assert.match(problems[2]?.message ?? '', /\{\{lookupCode\}\}/);
    // In Chinese for a Chinese editor.
    assert.match(templateTextProblems(topic, texts, 'zh-TW')[0]?.message ?? '', /沒有這個變數：\{\{nope\}\}/);
  });

  it('the SMS keeps the link the built-in SMS carries, and stays short', () => {
    const texts = builtIn();
    texts['zh-TW'].sms = '案號{{caseNumber}}已收件。';
    texts.en.sms = `${'x'.repeat(340)} {{caseNumber}} {{trackingUrl}}`;
    const problems = templateTextProblems(topic, texts, 'en');
    assert.deepEqual(
      problems.map((problem) => `${problem.field}:${problem.code}`),
      ['smsZh:missing_variable', 'smsEn:sms_too_long'],
    );
    assert.match(problems[0]?.message ?? '', /\{\{trackingUrl\}\}/);
  });

  it('a list is filled one item a line; missing data is nothing', () => {
    const values = variableValues(caseTopics.supplementRequested, 'en', {
      caseNumber: '1150302-0042',
      items: ['Photo', 'Plan'],
    });
    const filled = fillTexts(
      { subject: 'S {{caseNumber}}', text: '{{items}}|{{dueDate}}|', sms: 'x' },
      values,
    );
    assert.equal(filled.text, 'Photo\nPlan||');
  });
});
