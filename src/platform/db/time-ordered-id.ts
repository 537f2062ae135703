import { randomFillSync } from 'node:crypto';

/**
 * A UUID version 7 (RFC 9562 §5.7): the Unix time in milliseconds in its first 48 bits, then 74 random
 * bits. Rows written one after another get neighbouring keys, so a big table's primary key and the indexes
 * on ids that point at it (a case's timeline by `case_id`) grow at their right edge instead of at a random
 * page each time: on 1,000,000 cases, a random id cost each new case and its first timeline entry about one
 * full-page image in the WAL each (docs/benchmarks.md, ADR 0022). Still unguessable (74 random bits); it
 * does tell when the row was made, which the case's number says anyway.
 */
export function newTimeOrderedId(now: number = Date.now()): string {
  const bytes = Buffer.alloc(16);
  randomFillSync(bytes, 6, 10);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | ((bytes[6] as number) & 0x0f); // version 7
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f); // variant 10
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
