import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type EntryValues,
  entryProblems,
  faqOrderOf,
  hasEnglish,
  type KnownCodes,
  mayPublish,
  mayWithdraw,
  usefulShare,
  variantsOf,
  wordsIn,
} from './faq-rules.ts';

const known: KnownCodes = {
  units: new Set(['road-maintenance', 'building']),
  services: new Set(['road-excavation-permit']),
  theme: new Set(['T1']),
  cake: new Set(['C1']),
  service: new Set(['A00']),
};

const good: EntryValues = {
  questionZh: '挖馬路要申請什麼？',
  questionEn: '',
  variantsZh: '',
  variantsEn: '',
  answerZh: '請申請道路挖掘許可。',
  answerEn: '',
  unitCode: 'road-maintenance',
  relatedServiceCodes: ['road-excavation-permit'],
  themeCodes: ['T1'],
  cakeCodes: [],
  serviceCodes: ['A00'],
};

describe('FAQ rules', () => {
  it('reads variants one per line: trimmed, blank lines dropped, each once, in the order typed', () => {
    assert.deepEqual(variantsOf('  路燈壞了 \n\n路燈不亮\n路燈壞了\n  路燈   故障 '), [
      '路燈壞了',
      '路燈不亮',
      '路燈 故障',
    ]);
    assert.deepEqual(variantsOf(''), []);
  });

  it('accepts a good entry, and lists every problem of a bad one at once', () => {
    assert.deepEqual(entryProblems(good, known, 'zh-TW'), []);
    const problems = entryProblems(
      {
        ...good,
        variantsZh: `${'長'.repeat(201)}`,
        variantsEn: Array.from({ length: 21 }, (_, index) => `way ${index}`).join('\n'),
        questionEn: 'What do I need to dig up a road?',
        unitCode: 'nowhere',
        relatedServiceCodes: ['no-such-service'],
        themeCodes: ['T9'],
        cakeCodes: ['C9'],
        serviceCodes: ['Z99'],
      },
      known,
      'en',
    );
    assert.deepEqual(
      problems.map((problem) => [problem.field, problem.code]),
      [
        ['variantsZh', 'too_long'],
        ['variantsEn', 'too_many'],
        ['answerEn', 'english_pair'],
        ['unitCode', 'unknown'],
        ['relatedServiceCodes', 'unknown'],
        ['themeCodes', 'unknown'],
        ['cakeCodes', 'unknown'],
        ['serviceCodes', 'unknown'],
      ],
    );
    assert.equal(
      problems.find((problem) => problem.field === 'variantsZh')?.message,
      'The other way to ask on line 1 is too long (at most 200 characters)',
    );
    assert.equal(
      problems.find((problem) => problem.field === 'themeCodes')?.message,
      '“T9” is not in the Theme table; choose one from the list',
    );
  });

  it('asks for the English answer when only the English question is given, and the other way round', () => {
    const noQuestion = entryProblems({ ...good, answerEn: 'Apply for a permit.' }, known, 'zh-TW');
    assert.deepEqual(
      noQuestion.map((problem) => [problem.field, problem.message]),
      [['questionEn', '英文問題與英文回答須一併填寫，或都不填']],
    );
  });

  it('publishes drafts and withdrawn entries, withdraws published ones', () => {
    assert.deepEqual(
      ['draft', 'published', 'withdrawn'].map((state) => [mayPublish(state), mayWithdraw(state)]),
      [
        [true, false],
        [false, true],
        [true, false],
      ],
    );
  });

  it('gives the share found useful in whole per cent, none before anyone answered', () => {
    assert.equal(usefulShare(0, 0), null);
    assert.equal(usefulShare(2, 1), 67);
    assert.equal(usefulShare(0, 3), 0);
    assert.equal(usefulShare(5, 0), 100);
  });

  it('orders by usefulness only when asked, newest otherwise', () => {
    assert.equal(faqOrderOf('useful'), 'useful');
    assert.equal(faqOrderOf('newest'), 'newest');
    assert.equal(faqOrderOf('anything'), 'newest');
    assert.equal(faqOrderOf(undefined), 'newest');
  });

  it('shows English words only when the entry has both, else the Chinese marked as shown', () => {
    const chinese = { questionZh: '問', questionEn: null, answerZh: '答', answerEn: null };
    const english = { ...chinese, questionEn: 'Q', answerEn: 'A' };
    assert.equal(hasEnglish(chinese), false);
    assert.equal(hasEnglish({ ...chinese, questionEn: 'Q', answerEn: '  ' }), false);
    assert.deepEqual(wordsIn('en', chinese), { question: '問', answer: '答', isChineseShown: true });
    assert.deepEqual(wordsIn('en', english), { question: 'Q', answer: 'A', isChineseShown: false });
    assert.deepEqual(wordsIn('zh-TW', english), { question: '問', answer: '答', isChineseShown: false });
  });
});
