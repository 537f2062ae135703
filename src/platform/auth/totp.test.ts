import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generate } from 'otplib';
import {
  checkTotpCode,
  groupSecretForReading,
  newTotpSecret,
  normaliseTotpCode,
  totpQrCodeSvg,
  totpUri,
} from './totp.ts';

const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const now = new Date('2026-03-02T02:00:10Z');
const epoch = Math.floor(now.getTime() / 1000);
const codeAt = (offsetSeconds: number) => generate({ secret, epoch: epoch + offsetSeconds });

/** What checkTotpCode says of `code` at `now`, the step `lastTimeStep` having been used already. */
async function outcomeOf(code: string, lastTimeStep: number | null = null): Promise<string> {
  return (await checkTotpCode({ secret, code, now, lastTimeStep })).outcome;
}

describe('checkTotpCode', () => {
  it('accepts the current code and returns its time step', async () => {
    const result = await checkTotpCode({ secret, code: await codeAt(0), now, lastTimeStep: null });
    assert.deepEqual(result, { outcome: 'accepted', timeStep: Math.floor(epoch / 30) });
  });

  it('accepts the codes of one step before and after (clock drift), not two', async () => {
    assert.equal(await outcomeOf(await codeAt(-30)), 'accepted');
    assert.equal(await outcomeOf(await codeAt(30)), 'accepted');
    assert.equal(await outcomeOf(await codeAt(-60)), 'wrong');
    assert.equal(await outcomeOf(await codeAt(60)), 'wrong');
  });

  it('refuses a code of a step already used (replay), even inside the window', async () => {
    const step = Math.floor(epoch / 30);
    assert.equal(await outcomeOf(await codeAt(0), step), 'replayed');
    assert.equal(await outcomeOf(await codeAt(-30), step), 'replayed');
    assert.equal(await outcomeOf(await codeAt(30), step), 'accepted');
  });

  it('refuses a wrong code and anything that is not six digits', async () => {
    const right = await codeAt(0);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    assert.equal(await outcomeOf(wrong), 'wrong');
    assert.equal(await outcomeOf('12345'), 'wrong');
    assert.equal(await outcomeOf('abcdef'), 'wrong');
  });

  it('accepts the code typed with a space, a dash or full-width digits', async () => {
    const right = await codeAt(0);
    const fullWidth = [...right].map((digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0)).join('');
    assert.equal(await outcomeOf(`${right.slice(0, 3)} ${right.slice(3)}`), 'accepted');
    assert.equal(await outcomeOf(`${right.slice(0, 3)}-${right.slice(3)}`), 'accepted');
    assert.equal(await outcomeOf(fullWidth), 'accepted');
  });
});

describe('normaliseTotpCode', () => {
  it('keeps six digits, refuses the rest', () => {
    assert.equal(normaliseTotpCode(' 123-456 '), '123456');
    assert.equal(normaliseTotpCode('１２３４５６'), '123456');
    assert.equal(normaliseTotpCode('1234567'), null);
    assert.equal(normaliseTotpCode(''), null);
  });
});

describe('enrolment helpers', () => {
  it('a new secret is base32 of at least 160 bits', () => {
    assert.match(newTotpSecret(), /^[A-Z2-7]{32,}$/);
  });

  it('groups the secret by four for typing it in', () => {
    assert.equal(groupSecretForReading('ABCDEFGHIJKLMN'), 'ABCD EFGH IJKL MN');
  });

  it('the URI names the issuer and the account; the QR SVG has a text alternative and no style attribute', async () => {
    const uri = totpUri({ issuer: 'OneWindow 高雄市政府工務局', email: 'wang@kcg.gov.tw', secret });
    assert.match(uri, /^otpauth:\/\/totp\//);
    assert.match(uri, new RegExp(`secret=${secret}`));
    assert.match(uri, /wang%40kcg\.gov\.tw/);
    const svg = await totpQrCodeSvg(uri, 'QR "code" <label>');
    assert.match(svg, /^<svg role="img" aria-label="QR &quot;code&quot; &lt;label>"/);
    assert.doesNotMatch(svg, /style=/);
    assert.doesNotMatch(svg, /<script/);
  });
});
