import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { charsetOf, unusableFields } from './input-check.ts';

describe('the platform input check', () => {
  it('names every string and key holding an unusable character by its path', () => {
    const body = {
      applicantName: 'A\u0000B',
      description: 'fine\ttab\r\nlines',
      formData: { 'place-kind': 'x\ud800', ok: '王小明\u200f' },
      items: ['ok', 'bad\u202e'],
      count: 3,
      'key\u0001': 'value',
    };
    assert.deepEqual(unusableFields(body, 'body'), [
      'body.applicantName',
      'body.formData.place-kind',
      'body.items.1',
      'body.key�',
    ]);
    assert.deepEqual(unusableFields({ q: ['a', 'b\u007f'] }, 'query'), ['query.q.1']);
    assert.deepEqual(unusableFields({ ok: 'ٱلعربية עברית' }, 'body'), []);
  });

  it('stops at 50 problems', () => {
    const many = Array.from({ length: 500 }, () => '\u0000');
    assert.equal(unusableFields(many, 'body').length, 50);
  });

  it('reads the charset of a Content-Type', () => {
    assert.equal(charsetOf('application/json; charset=utf-16'), 'utf-16');
    assert.equal(charsetOf('application/json;charset="UTF-8"'), 'utf-8');
    assert.equal(charsetOf('application/json'), null);
    assert.equal(charsetOf(undefined), null);
  });
});
