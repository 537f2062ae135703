import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requiredMetaNames } from '../../../../test/helpers/government-metadata.ts';
import { buildMetadata, metadataTags } from '../../../platform/web/page-metadata.ts';
import {
  contentIdentifier,
  contentMetadataOf,
  type ItemFacts,
  type VersionFacts,
} from './content-metadata.ts';

const item: ItemFacts = {
  number: 12,
  kind: 'announcement',
  shownOn: '2026-02-24',
  hiddenOn: null,
  unitName: '道路養護工程處',
};

const version: VersionFacts = {
  titleZh: '中正一路道路挖掘施工交通管制公告',
  titleEn: 'Traffic control for road excavation',
  summaryZh: '夜間封閉外側車道。',
  summaryEn: 'The outer lane is closed at night.',
  subjectsZh: ['道路挖掘', '交通管制'],
  subjectsEn: ['road excavation'],
  creators: [],
  contributors: [],
  sources: [],
  relations: ['/info/items/3', '/info/items/4'],
  rights: null,
  coverageStart: '2026-03-02',
  coverageEnd: null,
  themeCodes: ['311', '313'],
  cakeCodes: ['650'],
  serviceCodes: ['A00'],
};

function tagsOf(lang: 'zh-TW' | 'en', facts: ItemFacts, words: VersionFacts): [string, string][] {
  const { metadata, repeated } = contentMetadataOf(lang, facts, words);
  return metadataTags(
    buildMetadata(
      { lang, path: `/info/items/${facts.number}`, title: 'x', updatedAt: '2026-02-25' },
      metadata,
    ),
    repeated,
  );
}

const valuesOf = (tags: [string, string][], name: string) =>
  tags.filter(([tagName]) => tagName === name).map(([, content]) => content);

describe('a content item’s metadata', () => {
  it('gives every element, repeating those with several values in the standard’s order', () => {
    const tags = tagsOf('zh-TW', item, version);
    assert.deepEqual([...new Set(tags.map(([name]) => name))], requiredMetaNames);
    assert.deepEqual(valuesOf(tags, 'DC.Subject'), ['道路挖掘', '交通管制']);
    assert.deepEqual(valuesOf(tags, 'DC.Relation'), ['/info/items/3', '/info/items/4']);
    assert.deepEqual(valuesOf(tags, 'Category.Theme'), ['311', '313']);
    assert.deepEqual(valuesOf(tags, 'Category.Cake'), ['650']);
    assert.deepEqual(valuesOf(tags, 'Category.Service'), ['A00']);
    assert.deepEqual(valuesOf(tags, 'DC.Title'), ['中正一路道路挖掘施工交通管制公告']);
    assert.deepEqual(valuesOf(tags, 'DC.Identifier'), [contentIdentifier(12)]);
    assert.equal(contentIdentifier(12), '397030000H-info-12');
    assert.deepEqual(valuesOf(tags, 'DC.Date'), ['2026-02-24']);
    assert.deepEqual(valuesOf(tags, 'DC.Type'), ['公告']);
    assert.deepEqual(valuesOf(tags, 'DC.Format'), ['text/html']);
    assert.deepEqual(valuesOf(tags, 'DC.Language'), ['zh-TW']);
    assert.deepEqual(valuesOf(tags, 'DC.coverage.t.min'), ['2026-03-02']);
    assert.deepEqual(valuesOf(tags, 'DC.coverage.t.max'), ['2099-12-31']);
    assert.deepEqual(valuesOf(tags, 'DC.Creator'), ['道路養護工程處']);
    for (const [name, content] of tags) assert.ok(content.trim() !== '', `${name} is empty`);
  });

  it('is in English on an English page when the item has an English version', () => {
    const tags = tagsOf('en', { ...item, unitName: 'Road Maintenance Engineering Office' }, version);
    assert.deepEqual(valuesOf(tags, 'DC.Title'), ['Traffic control for road excavation']);
    assert.deepEqual(valuesOf(tags, 'DC.Language'), ['en']);
    assert.deepEqual(valuesOf(tags, 'DC.Subject'), ['road excavation']);
    assert.deepEqual(valuesOf(tags, 'DC.Type'), ['announcement']);
  });

  it('says the words are Chinese on an English page when there is no English version', () => {
    const chineseOnly = { ...version, titleEn: null, summaryEn: null, subjectsEn: [] };
    const tags = tagsOf('en', item, chineseOnly);
    assert.deepEqual(valuesOf(tags, 'DC.Language'), ['zh-TW']);
    assert.deepEqual(valuesOf(tags, 'DC.Title'), ['中正一路道路挖掘施工交通管制公告']);
  });

  it('keeps the page defaults where the version is empty, and ends coverage when the item stops showing', () => {
    const bare = { ...version, subjectsZh: [], relations: [], themeCodes: [], coverageStart: null };
    const tags = tagsOf('zh-TW', { ...item, hiddenOn: '2026-04-30' }, bare);
    assert.deepEqual(valuesOf(tags, 'DC.Subject'), ['中正一路道路挖掘施工交通管制公告']);
    assert.deepEqual(valuesOf(tags, 'DC.Relation'), ['/en/info/items/12']);
    assert.deepEqual(valuesOf(tags, 'Category.Theme'), ['300']);
    assert.deepEqual(valuesOf(tags, 'DC.coverage.t.min'), ['2026-02-24']);
    assert.deepEqual(valuesOf(tags, 'DC.coverage.t.max'), ['2026-04-30']);
  });
});
