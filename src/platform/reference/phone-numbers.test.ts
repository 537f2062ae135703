import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPhone, isPhoneNumber, normalisePhone, phoneParts } from './phone-numbers.ts';

const stored = (typed: string) => {
  const value = normalisePhone(typed);
  assert.ok(isPhoneNumber(value), `${typed} → ${value} is a number`);
  return value;
};

test('a number with an extension is accepted and keeps its extension, whatever the marker (issue 14)', () => {
  assert.equal(stored('07-3368333#123'), '073368333#123');
  assert.equal(stored('07-3368333 分機 123'), '073368333#123');
  assert.equal(stored('(07)336-8333 分機：123'), '073368333#123');
  assert.equal(stored('07 3368333 轉123'), '073368333#123');
  assert.equal(stored('07-3368333 ext. 123'), '073368333#123');
  assert.equal(stored('07-3368333 EXT 123'), '073368333#123');
  assert.equal(stored('07-3368333 x123'), '073368333#123');
  assert.equal(stored('０７－３３６８３３３＃１２３'), '073368333#123', 'full-width');
});

test('+886 and 00886 become the national number; other countries keep + and their digits', () => {
  assert.equal(stored('+886 912 345 678'), '0912345678');
  assert.equal(stored('+886-912-345-678'), '0912345678');
  assert.equal(stored('+886 (0)7 3368333'), '073368333');
  assert.equal(stored('00886 7 336 8333 #55'), '073368333#55');
  assert.equal(stored('+1 (415) 555-0100'), '+14155550100');
  assert.equal(stored('0912 345 678'), '0912345678');
  assert.equal(stored('0912-345-678'), '0912345678');
});

test('what is not a phone number is refused; nothing typed is empty', () => {
  assert.equal(normalisePhone(''), '');
  assert.equal(normalisePhone('   '), '');
  assert.equal(normalisePhone(undefined), '');
  for (const typed of [
    '12345',
    'abc',
    '0912',
    '07-3368333-123',
    '+0912345678',
    '07-3368333#1234567',
    '分機 123',
  ])
    assert.equal(isPhoneNumber(normalisePhone(typed)), false, typed);
});

test('parts and the form for reading', () => {
  assert.deepEqual(phoneParts('073368333#123'), { number: '073368333', extension: '123' });
  assert.deepEqual(phoneParts('0912345678'), { number: '0912345678', extension: null });
  assert.equal(formatPhone('0912345678'), '0912-345-678');
  assert.equal(formatPhone('073368333#123'), '073368333 #123');
  assert.equal(formatPhone('0912345678#5'), '0912-345-678 #5');
});
