import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseDateInput } from './date-input.ts';

describe('normaliseDateInput', () => {
  it('reads 西元 and 民國 dates with any separator and full-width digits as ISO dates', () => {
    assert.equal(normaliseDateInput('2026-12-01'), '2026-12-01');
    assert.equal(normaliseDateInput('2026/12/1'), '2026-12-01');
    assert.equal(normaliseDateInput('115/12/01'), '2026-12-01');
    assert.equal(normaliseDateInput('115.12.1'), '2026-12-01');
    assert.equal(normaliseDateInput('民國115年12月1日'), '2026-12-01');
    assert.equal(normaliseDateInput('１１５／１２／０１'), '2026-12-01');
  });

  it('leaves what is not a real date as typed, for validation to refuse', () => {
    assert.equal(normaliseDateInput('2026-02-30'), '2026-02-30');
    assert.equal(normaliseDateInput('next Tuesday'), 'next Tuesday');
    assert.equal(normaliseDateInput(' 115/13/01 '), '115/13/01');
  });
});
