import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maxMissLength, scrubMissQuery } from './miss-scrub.ts';

describe('scrubMissQuery', () => {
  it('replaces e-mail addresses, ID numbers and phone numbers', () => {
    assert.equal(scrubMissQuery('王小明 wang.xm@example.com.tw 路燈'), '王小明 〔e-mail〕 路燈');
    assert.equal(scrubMissQuery('A123456789 違建'), '〔ID〕 違建');
    assert.equal(scrubMissQuery('居留證 ab12345678'), '居留證 〔ID〕');
    assert.equal(scrubMissQuery('0912-345-678 坑洞'), '〔phone〕 坑洞');
    assert.equal(scrubMissQuery('(07)336-8333 分機 12'), '〔phone〕');
  });

  it('replaces every other run of digits, full-width ones too', () => {
    assert.equal(scrubMissQuery('中正路１２３號5樓'), '中正路#號#樓');
    assert.doesNotMatch(scrubMissQuery('案件 20261206-0001 地號 1234'), /\d/u);
  });

  it('normalises, lower-cases and bounds the length', () => {
    assert.equal(scrubMissQuery('  Street   LIGHT '), 'street light');
    assert.equal([...scrubMissQuery('路'.repeat(300))].length, maxMissLength);
  });
});
