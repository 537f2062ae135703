import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { hash as argon2Hash } from '@node-rs/argon2';
import {
  hashPassword,
  passwordHashOptions,
  passwordProblems,
  spendPasswordCheckTime,
  verifyPassword,
} from './password.ts';

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
  // One hash for the tests below: each takes tens of milliseconds, on purpose.
  let hash = '';
  before(async () => {
    hash = await hashPassword('correct horse battery');
  });

  it('hashes with argon2id and the parameters of passwordHashOptions, with a fresh salt each time', async () => {
    const { memoryCost, timeCost, parallelism } = passwordHashOptions;
    assert.match(hash, new RegExp(`^\\$argon2id\\$v=19\\$m=${memoryCost},t=${timeCost},p=${parallelism}\\$`));
    // Never weaker than RFC 9106's second recommended setting, 64 MiB and 3 passes (ADR 0004).
    assert.ok(memoryCost >= 65_536 && timeCost >= 3, JSON.stringify(passwordHashOptions));
    const again = await hashPassword('correct horse battery');
    assert.notEqual(again, hash, 'a new salt, so equal passwords do not give equal hashes');
    assert.notEqual(saltOf(again), saltOf(hash));
  });

  it('verifies only the same password: another character, another case or a trailing space is refused', async () => {
    assert.equal(await verifyPassword(hash, 'correct horse battery'), true);
    assert.equal(await verifyPassword(hash, 'correct horse batterx'), false);
    assert.equal(await verifyPassword(hash, 'Correct horse battery'), false);
    assert.equal(await verifyPassword(hash, 'correct horse battery '), false);
    assert.equal(await verifyPassword(hash, ''), false);
  });

  it('a hash made with other parameters still verifies: each stored hash carries its own', async () => {
    // As a hash stored before the parameters were raised would look (argon2id, 19 MiB, 2 passes).
    const older = await argon2Hash('an older password', { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    assert.match(older, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await verifyPassword(older, 'an older password'), true);
    assert.equal(await verifyPassword(older, 'an older passwore'), false);
  });

  it('a stored value that is not a hash, or a damaged one, → false, not an exception', async () => {
    assert.equal(await verifyPassword('not a hash', 'anything'), false);
    assert.equal(await verifyPassword('', 'anything'), false);
    assert.equal(await verifyPassword(hash.slice(0, -8), 'correct horse battery'), false);
  });

  it('the decoy check for unknown accounts spends the time of a real check', async () => {
    // The first call also makes the decoy hash; the times compared are those after it.
    await spendPasswordCheckTime('whatever password');
    const timeOf = async (work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      return performance.now() - started;
    };
    // In turns, so that both see the same load; load only slows a run down, so the fastest runs compare
    // the work itself. An argon2 check with 64 MiB takes tens of milliseconds, skipping it a fraction of one.
    let real = Number.POSITIVE_INFINITY;
    let decoy = Number.POSITIVE_INFINITY;
    for (let turn = 0; turn < 3; turn += 1) {
      real = Math.min(real, await timeOf(() => verifyPassword(hash, 'a wrong password')));
      decoy = Math.min(decoy, await timeOf(() => spendPasswordCheckTime('a wrong password')));
    }
    assert.ok(decoy >= real / 4, `the decoy took ${decoy.toFixed(1)} ms, a real check ${real.toFixed(1)} ms`);
  });
});

/** The salt of an encoded argon2 hash ($argon2id$v=19$m=…,t=…,p=…$salt$hash). */
function saltOf(encoded: string): string {
  return encoded.split('$')[4] ?? '';
}
