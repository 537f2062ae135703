import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isEmailFormatValid, maskEmail, normaliseEmail, signInFailureKey } from './staff-email.ts';

describe('normaliseEmail', () => {
  it('trims, lowers and folds full-width characters', () => {
    assert.equal(normaliseEmail('  Wang.Long@KCG.gov.TW '), 'wang.long@kcg.gov.tw');
    assert.equal(normaliseEmail('ｗａｎｇ＠ｋｃｇ．ｇｏｖ．ｔｗ'), 'wang@kcg.gov.tw');
  });
});

describe('isEmailFormatValid', () => {
  it('accepts ordinary addresses and refuses broken ones', () => {
    assert.equal(isEmailFormatValid('wang@kcg.gov.tw'), true);
    assert.equal(isEmailFormatValid('a.b+c@example.com'), true);
    for (const broken of [
      'not-an-email',
      'wang@',
      '@kcg.gov.tw',
      'wang@kcg',
      'wang wu@kcg.gov.tw',
      'a@b@c.tw',
      'wang@kcg..tw',
    ]) {
      assert.equal(isEmailFormatValid(broken), false, broken);
    }
  });

  it('refuses addresses over 254 characters', () => {
    assert.equal(isEmailFormatValid(`${'a'.repeat(250)}@kcg.tw`), false);
  });
});

describe('signInFailureKey', () => {
  it('is the same for every spelling of one address and differs between addresses', () => {
    assert.equal(signInFailureKey('Wang@KCG.gov.tw '), signInFailureKey('wang@kcg.gov.tw'));
    assert.notEqual(signInFailureKey('wang@kcg.gov.tw'), signInFailureKey('li@kcg.gov.tw'));
    assert.match(signInFailureKey('wang@kcg.gov.tw'), /^[0-9a-f]{64}$/);
  });

  it('does not contain the address', () => {
    assert.doesNotMatch(signInFailureKey('wang@kcg.gov.tw'), /wang/);
  });
});

describe('maskEmail', () => {
  it('keeps the first letter and the domain only', () => {
    assert.equal(maskEmail('Wang.Long@kcg.gov.tw'), 'w***@kcg.gov.tw');
    assert.equal(maskEmail('no-at-sign'), 'n***');
    assert.equal(maskEmail(''), '');
  });
});
