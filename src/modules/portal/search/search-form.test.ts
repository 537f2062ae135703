import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  emptySearchValues,
  filterProblems,
  hasFilters,
  kindName,
  searchQueryString,
  usesAdvancedWords,
} from './search-form.ts';
import { cleanSynonym } from './synonym-rules.ts';

const known = {
  units: new Set(['parks']),
  themes: new Set(['310']),
  cakes: new Set(['650']),
  services: new Set(['A00']),
};

describe('the search form’s filters', () => {
  it('accepts real dates in order and codes from the lists', () => {
    const values = {
      ...emptySearchValues,
      from: '2026-01-01',
      to: '2026-12-31',
      unit: 'parks',
      theme: '310',
    };
    assert.deepEqual(filterProblems(values, known, 'zh-TW'), []);
  });

  it('lists every problem at once: a date that is not one, dates in the wrong order, unknown codes', () => {
    const problems = filterProblems(
      { ...emptySearchValues, from: '2026-02-30', to: 'tomorrow', unit: 'x', cake: 'y', service: 'A00' },
      known,
      'en',
    );
    assert.deepEqual(
      problems.map((problem) => [problem.field, problem.message]),
      [
        ['from', 'Enter Date from as year-month-day, for example 2026-01-31'],
        ['to', 'Enter Date to as year-month-day, for example 2026-01-31'],
        ['unit', 'Choose Unit from the list'],
        ['cake', 'Choose Administrative classification from the list'],
      ],
    );
    const order = filterProblems(
      { ...emptySearchValues, from: '2026-05-01', to: '2026-01-01' },
      known,
      'zh-TW',
    );
    assert.deepEqual(
      order.map((problem) => problem.message),
      ['日期起不能晚於日期迄'],
    );
  });

  it('knows when filters or the advanced words are used', () => {
    assert.equal(hasFilters(emptySearchValues), false);
    assert.equal(hasFilters({ ...emptySearchValues, kind: 'faq' }), true);
    assert.equal(usesAdvancedWords({ ...emptySearchValues, in: 'any' }), false);
    assert.equal(usesAdvancedWords({ ...emptySearchValues, in: 'title' }), true);
    assert.equal(usesAdvancedWords({ ...emptySearchValues, none: '公園' }), true);
  });

  it('writes the query string of a search, empty values left out', () => {
    assert.equal(
      searchQueryString({ ...emptySearchValues, q: '路燈 壞了', kind: 'faq', page: 2 }),
      '?q=%E8%B7%AF%E7%87%88+%E5%A3%9E%E4%BA%86&kind=faq&page=2',
    );
    assert.equal(searchQueryString({ q: '', advanced: true }), '?advanced=1');
    assert.equal(searchQueryString({ page: 1 }), '');
  });

  it('names each kind in both languages', () => {
    assert.equal(kindName('announcement', 'zh-TW'), '公告');
    assert.equal(kindName('faq', 'en'), 'FAQ');
    assert.equal(kindName('service', 'zh-TW'), '服務項目');
    assert.equal(kindName('page', 'en'), 'Page');
  });
});

describe('cleanSynonym', () => {
  it('stores the phrase without spaces and the terms once each', () => {
    assert.deepEqual(
      cleanSynonym({ phrase: ' 挖 馬路 ', expansion: '道路挖掘  管線挖埋 道路挖掘' }, 'zh-TW'),
      {
        synonym: { phrase: '挖馬路', expansion: '道路挖掘 管線挖埋' },
        problems: [],
      },
    );
  });

  it('refuses terms that only repeat the phrase, and too many terms', () => {
    assert.deepEqual(
      cleanSynonym({ phrase: '挖馬路', expansion: '挖馬路' }, 'en').problems.map((problem) => problem.code),
      ['same_as_phrase'],
    );
    assert.deepEqual(
      cleanSynonym({ phrase: '路', expansion: 'a b c d e f g h i' }, 'en').problems.map(
        (problem) => problem.code,
      ),
      ['too_many_terms'],
    );
  });
});
