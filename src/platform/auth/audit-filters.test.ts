import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { areaOf, auditAreas, detailParts, readAuditFilters } from './audit-filters.ts';

describe('the audit log’s filters', () => {
  it('reads areas, Taipei dates (from and to included) and lists every problem at once', () => {
    assert.equal(areaOf('staff.sign_in.failed'), 'staff');
    assert.deepEqual(
      auditAreas([
        { action: 'staff.created', label: { 'zh-TW': '甲', en: 'A' } },
        { action: 'unit.updated', label: { 'zh-TW': '乙', en: 'B' } },
        { action: 'staff.signed_out', label: { 'zh-TW': '丙', en: 'C' } },
      ]),
      ['staff', 'unit'],
    );
    const read = readAuditFilters({ area: 'unit', from: '115/3/2', to: '2026-03-02' }, 'en');
    assert.deepEqual(read.problems, []);
    assert.equal(read.filters.since?.toISOString(), '2026-03-01T16:00:00.000Z');
    assert.equal(read.filters.before?.toISOString(), '2026-03-02T16:00:00.000Z');
    const bad = readAuditFilters({ area: 'a b', from: '2026-02-30', to: 'x' }, 'en');
    assert.deepEqual(
      bad.problems.map((problem) => problem.field),
      ['area', 'from', 'to'],
    );
    assert.equal(bad.filters.area, '');
    const reversed = readAuditFilters({ from: '2026-03-05', to: '2026-03-01' }, 'zh-TW');
    assert.deepEqual(
      reversed.problems.map((problem) => problem.field),
      ['to'],
    );
  });

  it('shows a change field by field, before and after', () => {
    assert.deepEqual(detailParts({ before: { phone: '07-1' }, after: { phone: '07-2' }, note: 'x' }), {
      changes: [{ key: 'phone', before: '07-1', after: '07-2' }],
      rest: '{"note":"x"}',
    });
    assert.deepEqual(detailParts({ page: 2 }), { changes: [], rest: '{"page":2}' });
    assert.deepEqual(detailParts({}), { changes: [], rest: '' });
  });
});
