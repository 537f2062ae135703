import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bigramsOf, searchTextOf } from './bigrams.ts';

describe('bigramsOf', () => {
  it('turns a run of Han characters into overlapping 2-grams', () => {
    assert.deepEqual(bigramsOf('路燈維修'), ['路燈', '燈維', '維修']);
  });

  it('keeps a one-character word as itself, beside the bigrams of its run', () => {
    const terms = bigramsOf('路燈不亮');
    assert.ok(terms.includes('路燈'));
    assert.ok(terms.includes('不亮'));
    assert.ok(terms.includes('不'), `one-character word kept: ${terms.join(' ')}`);
  });

  it('does not join characters across punctuation or sentences', () => {
    const terms = bigramsOf('道路。挖掘，許可');
    assert.ok(terms.includes('道路'));
    assert.ok(!terms.includes('路挖'));
    assert.ok(!terms.includes('掘許'));
  });

  it('keeps Latin words and numbers lower-cased, as they are', () => {
    assert.deepEqual(bigramsOf('Street Light repair, call 1999'), [
      'street',
      'light',
      'repair',
      'call',
      '1999',
    ]);
  });

  it('folds full-width letters and digits', () => {
    assert.deepEqual(bigramsOf('ＬＥＤ　１９９９'), ['led', '1999']);
  });

  it('mixes Chinese and English in one text, each term once', () => {
    const terms = bigramsOf('路燈 LED 路燈');
    assert.deepEqual(terms, ['路燈', 'led']);
  });

  it('gives nothing for punctuation or an empty string', () => {
    assert.deepEqual(bigramsOf(''), []);
    assert.deepEqual(bigramsOf('，。！ - ?'), []);
  });

  it('handles a long text (segmented in chunks)', () => {
    const long = '道路挖掘'.repeat(500);
    const terms = bigramsOf(long);
    assert.deepEqual(terms.toSorted(), ['挖掘', '掘道', '路挖', '道路'].toSorted());
  });

  it('searchTextOf joins the terms of several texts with spaces', () => {
    assert.equal(searchTextOf('路燈', 'Street light'), '路燈 street light');
  });
});
