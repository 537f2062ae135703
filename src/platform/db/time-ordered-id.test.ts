import assert from 'node:assert/strict';
import { it } from 'node:test';
import { newTimeOrderedId } from './time-ordered-id.ts';

it('is a version 7 UUID whose first 48 bits are the time in milliseconds', () => {
  const at = Date.UTC(2026, 11, 7, 4, 30, 0, 123);
  const id = newTimeOrderedId(at);
  assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16), at);
});

it('sorts by time as text (what a btree on uuid compares) and differs within one millisecond', () => {
  const earlier = newTimeOrderedId(1_800_000_000_000);
  const later = newTimeOrderedId(1_800_000_000_001);
  assert.ok(earlier < later, `${earlier} < ${later}`);
  const sameMoment = new Set(Array.from({ length: 1000 }, () => newTimeOrderedId(1_800_000_000_000)));
  assert.equal(sameMoment.size, 1000, 'the 74 random bits make each one different');
});
