import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashPassword, passwordProblems, spendPasswordCheckTime, verifyPassword } from './password.ts';

describe('passwordProblems', () => {
  it('a 12-character password unlike the e-mail → no problems', () => {
    assert.deepEqual(passwordProblems('correct horse', 'wang@kcg.gov.tw'), []);
  });

  it('an empty password → only "required"', () => {
    assert.deepEqual(passwordProblems('', 'wang@kcg.gov.tw'), ['required']);
  });

  it('11 characters → too_short; 12 → fine', () => {
    assert.deepEqual(passwordProblems('abcdefghijk', 'wang@kcg.gov.tw'), ['too_short']);
    assert.deepEqual(passwordProblems('abcdefghijkl', 'wang@kcg.gov.tw'), []);
  });

  it('counts characters, not bytes: a 12-character Chinese passphrase is long enough', () => {
    assert.deepEqual(passwordProblems('高雄市政府工務局單一窗口服', 'wang@kcg.gov.tw'), []);
    assert.deepEqual(passwordProblems('高雄市政府工務局', 'wang@kcg.gov.tw'), ['too_short']);
  });

  it('the e-mail itself (any case, full-width) → same_as_email, listed with the other problems', () => {
    assert.deepEqual(passwordProblems('Wang.Long@KCG.gov.tw', 'wang.long@kcg.gov.tw'), ['same_as_email']);
    assert.deepEqual(passwordProblems('ｗａｎｇ．ｌｏｎｇ＠ｋｃｇ．ｇｏｖ．ｔｗ', 'wang.long@kcg.gov.tw'), [
      'same_as_email',
    ]);
    assert.deepEqual(passwordProblems('wang', 'wang@kcg.gov.tw'), ['too_short', 'same_as_email']);
  });

  it('the part before @ of a long address → same_as_email', () => {
    assert.deepEqual(passwordProblems('wang.longname', 'wang.longname@kcg.gov.tw'), ['same_as_email']);
  });

  it('more than 256 characters → too_long', () => {
    assert.deepEqual(passwordProblems('x'.repeat(257), 'wang@kcg.gov.tw'), ['too_long']);
  });
});

describe('hashPassword / verifyPassword', () => {
  it('hashes with argon2id and verifies only the same password', async () => {
    const hash = await hashPassword('correct horse battery');
    assert.match(hash, /^\$argon2id\$v=19\$m=65536,t=3,p=1\$/);
    assert.equal(await verifyPassword(hash, 'correct horse battery'), true);
    assert.equal(await verifyPassword(hash, 'correct horse batterx'), false);
  });

  it('a stored value that is not a hash → false, not an exception', async () => {
    assert.equal(await verifyPassword('not a hash', 'anything'), false);
  });

  it('the decoy check for unknown accounts resolves without signing anyone in', async () => {
    await spendPasswordCheckTime('whatever password');
  });
});
