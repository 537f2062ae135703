import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { placeKeyOf, prefixSize, similarity, similarThreshold, textPairs } from './petition-text.ts';

describe('petition text: pairs, similarity, place', () => {
  it('finds two wordings of one complaint similar and an unrelated one not', () => {
    const first = textPairs('同一條路一直修不好，中正路的坑洞');
    const second = textPairs('這條路一直修不好！中正路坑洞');
    const other = textPairs('公園的路燈晚上不亮');
    assert.ok(similarity(first, second) >= similarThreshold, String(similarity(first, second)));
    assert.ok(similarity(first, other) < 0.1, String(similarity(first, other)));
    assert.equal(similarity(first, first), 1);
    assert.equal(similarity([], first), 0);
  });

  it('folds width and case, and pairs Latin words', () => {
    assert.deepEqual(textPairs('ＡＢＣ Road'), textPairs('abc road'));
    assert.equal(textPairs('The sidewalk on Zhongzheng Road is broken').length, 6);
    assert.equal(textPairs('路').length, 1);
    assert.deepEqual(textPairs('。，'), []);
  });

  it('looks up enough rare pairs to find every text over the threshold', () => {
    assert.equal(prefixSize(10), 10 - 4 + 1);
    assert.equal(prefixSize(1), 1);
    assert.equal(prefixSize(500), 24);
  });

  it('folds a place to district, road and house number', () => {
    assert.equal(placeKeyOf('64001', '高雄市新興區中正三路 40 號 3 樓'), '64001|新興區中正三路40號');
    assert.equal(placeKeyOf('64001', '新興區 中正三路40號'), '64001|新興區中正三路40號');
    assert.equal(placeKeyOf(null, '  '), null);
  });
});
