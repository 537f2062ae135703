import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  atLeastOf,
  bigramCoverage,
  bigramOverlap,
  combinationsOf,
  conceptTsquery,
  isBooleanQuery,
  mainConcepts,
  normalisedPhrase,
  parseQuery,
  type Synonym,
} from './query-parsing.ts';

const synonyms: Synonym[] = [
  { phrase: '挖馬路', expansion: '道路挖掘 管線挖埋' },
  { phrase: '路燈壞了', expansion: '路燈故障 路燈維修' },
  { phrase: '壞了', expansion: '損壞 故障' },
  { phrase: '違建', expansion: '違章建築' },
];

const typedOf = (query: string) => parseQuery(query, synonyms).concepts.map((concept) => concept.typed);

describe('parseQuery: plain questions', () => {
  it('strips the question words and keeps what is asked about', () => {
    assert.deepEqual(typedOf('挖馬路要申請什麼'), ['挖馬路', '申請']);
    assert.deepEqual(typedOf('違建怎麼檢舉'), ['違建', '檢舉']);
  });

  it('turns a synonym phrase into one concept with the bureau’s terms as alternatives', () => {
    const [concept] = parseQuery('挖馬路要申請什麼', synonyms).concepts;
    assert.deepEqual(concept?.alternatives, ['挖馬路', '道路挖掘', '管線挖埋']);
    assert.equal(concept?.isFromSynonym, true);
  });

  it('prefers the longer synonym phrase where two overlap', () => {
    const parsed = parseQuery('路燈壞了找誰', synonyms);
    assert.deepEqual(
      parsed.concepts.map((concept) => concept.typed),
      ['路燈壞了'],
    );
    assert.equal(parsed.isStrict, false);
  });

  it('finds a synonym phrase across the spaces someone typed between words, and in other words', () => {
    assert.deepEqual(typedOf('公園溜滑梯 壞了'), ['壞了', '公園', '溜滑梯']);
  });

  it('normalises full-width letters and case, and reads English words without stop words', () => {
    assert.deepEqual(typedOf('How do I report a Street Light?'), ['report', 'street', 'light']);
    assert.equal(parseQuery('ＬＥＤ 路燈', synonyms).text, 'led 路燈');
  });

  it('reads a one-character suffix the segmenter cut off as a compound, tried first and never relaxed', () => {
    const parsed = parseQuery('什麼是高雄厝', []);
    const compound = parsed.concepts.find((concept) => concept.isCompound);
    assert.equal(compound?.typed, '高雄厝');
    assert.deepEqual(compound?.alternatives, ['高雄厝']);
    // Not among the main concepts (which are relaxed): the word before it still is.
    assert.deepEqual(
      mainConcepts(parsed.concepts).map((concept) => concept.typed),
      ['高雄', '厝'],
    );
    // A one-character word followed by another word is not a suffix; nor one after a question word.
    assert.equal(
      parseQuery('路燈一直閃', []).concepts.some((concept) => concept.isCompound),
      false,
    );
  });

  it('gives a lone Han character a small weight, a synonym the most', () => {
    const concepts = parseQuery('家門口的路有坑洞', []).concepts;
    const weights = new Map(concepts.map((concept) => [concept.typed, concept.weight]));
    assert.equal(weights.get('路'), 0.4);
    assert.equal(weights.get('坑洞'), 1);
    assert.equal(weights.get('門口'), 1);
    assert.equal(weights.get('家'), undefined, 'a function word');
    assert.equal(parseQuery('違建', synonyms).concepts[0]?.weight, 1.5);
  });

  it('is empty for question words only', () => {
    assert.deepEqual(typedOf('要怎麼辦呢？'), []);
  });
});

describe('parseQuery: boolean queries and the advanced words', () => {
  it('recognises the operators', () => {
    assert.equal(isBooleanQuery('路燈 OR 路樹'), true);
    assert.equal(isBooleanQuery('路燈 -公園'), true);
    assert.equal(isBooleanQuery('"道路挖掘"'), true);
    assert.equal(isBooleanQuery('路燈 or 路樹'), false);
  });

  it('reads AND, OR and NOT: OR joins its two sides into one concept', () => {
    const parsed = parseQuery('道路 AND 挖掘 OR 管線 NOT 公園 -路燈', []);
    assert.equal(parsed.isStrict, true);
    assert.deepEqual(
      parsed.concepts.map((concept) => concept.alternatives),
      [['道路'], ['挖掘', '管線']],
    );
    assert.deepEqual(
      parsed.excluded.map((concept) => concept.typed),
      ['公園', '路燈'],
    );
  });

  it('expands a synonym inside a strict word', () => {
    const parsed = parseQuery('違建查報', synonyms, { none: '頂樓' });
    assert.deepEqual(parsed.concepts[0]?.alternatives, ['違建查報', '違章建築查報']);
    assert.deepEqual(
      parsed.excluded.map((concept) => concept.typed),
      ['頂樓'],
    );
  });

  it('takes the advanced form’s every / any / none words', () => {
    const parsed = parseQuery('', [], { all: '道路 挖掘', any: '許可 申請', none: '公園' });
    assert.equal(parsed.isStrict, true);
    assert.deepEqual(
      parsed.concepts.map((concept) => concept.alternatives),
      [['道路'], ['挖掘'], ['許可', '申請']],
    );
    assert.deepEqual(
      parsed.excluded.map((concept) => concept.typed),
      ['公園'],
    );
    assert.equal(parsed.text, '道路 挖掘 許可 申請 公園');
  });

  it('keeps a quoted phrase as one concept', () => {
    const parsed = parseQuery('"路燈 維修" 公園', []);
    assert.deepEqual(
      parsed.concepts.map((concept) => concept.typed),
      ['路燈 維修', '公園'],
    );
  });
});

describe('tsqueries', () => {
  it('makes an OR of alternatives, each an AND of bigrams, without lone characters beside bigrams', () => {
    const [concept] = parseQuery('挖馬路', synonyms).concepts;
    assert.ok(concept);
    assert.equal(
      conceptTsquery(concept),
      "('挖馬' & '馬路') | ('道路' & '路挖' & '挖掘') | ('管線' & '線挖' & '挖埋')",
    );
  });

  it('restricts lexemes to the title (A) or the texts (B, C, D)', () => {
    const [concept] = parseQuery('路燈', []).concepts;
    assert.ok(concept);
    assert.equal(conceptTsquery(concept, 'title'), "('路燈':A)");
    assert.equal(conceptTsquery(concept, 'body'), "('路燈':BCD)");
  });

  it('builds "at least k of n" from combinations', () => {
    assert.deepEqual(combinationsOf(4, 2), [
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
    assert.equal(atLeastOf(['a', 'b', 'c'], 3), '(a) & (b) & (c)');
    assert.equal(atLeastOf(['a', 'b', 'c'], 2), '((a) & (b)) | ((a) & (c)) | ((b) & (c))');
    assert.equal(atLeastOf(['a', 'b', 'c'], 1), '(a) | (b) | (c)');
  });

  it('keeps at most six concepts, the heaviest', () => {
    const concepts = parseQuery('公園 路燈 道路 騎樓 人行道 排水 側溝 家', []).concepts;
    const kept = mainConcepts(concepts).map((concept) => concept.typed);
    assert.equal(kept.length, 6);
    assert.ok(kept.includes('人行道'));
    assert.ok(!kept.includes('家'));
  });
});

describe('bigram similarity (Chinese near misses)', () => {
  it('scores a one-character typo close, an unrelated title far', () => {
    assert.equal(bigramOverlap('道路挖據', '道路挖掘許可'), 0.5);
    assert.equal(bigramOverlap('道路挖據', '公園認養'), 0);
    assert.equal(bigramCoverage('路燈維修', '路燈維修申請'), 1);
  });

  it('normalises a synonym phrase', () => {
    assert.equal(normalisedPhrase(' 挖 馬路 '), '挖馬路');
    assert.equal(normalisedPhrase('ＬＥＤ燈'), 'led燈');
  });
});
