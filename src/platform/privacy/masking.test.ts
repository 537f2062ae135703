import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskName, maskPhone } from './masking.ts';

test('Chinese names keep the first and last character', () => {
  assert.equal(maskName('王小明'), '王○明');
  assert.equal(maskName('王明'), '王○');
  assert.equal(maskName('歐陽小明'), '歐○○明');
  assert.equal(maskName('林'), '○');
  assert.equal(maskName('  '), '');
});

test('Latin names keep initials only', () => {
  assert.equal(maskName('John Smith'), 'J*** S***');
});

test('phones keep the prefix and the last three digits', () => {
  assert.equal(maskPhone('0912345678'), '0912-***-678');
  assert.equal(maskPhone('0912-345-678'), '0912-***-678');
  assert.equal(maskPhone('07-3312345'), '07-***-345');
  assert.equal(maskPhone('123'), '***');
  assert.equal(maskPhone('+886 912 345 678'), '0912-***-678', 'the international form is the same number');
});

test('an extension is masked too, and the number keeps its own last three digits (issue 14)', () => {
  assert.equal(maskPhone('073368333#123'), '07-***-333 #***');
  assert.equal(maskPhone('07-3368333 分機 123'), '07-***-333 #***');
  assert.equal(maskPhone('0912345678#9'), '0912-***-678 #***');
});
