import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { needsTwoFactorEnrolment } from './principal.ts';
import { staffAreasFor } from './staff-areas.ts';

describe('staffAreasFor', () => {
  it('an admin sees the audit log (open) and staff accounts (coming)', () => {
    assert.deepEqual(staffAreasFor('admin'), [
      { key: 'areaStaffAccounts', path: null },
      { key: 'areaAuditLog', path: '/staff/audit' },
    ]);
  });

  it('a handler sees the case queue only, not the audit log', () => {
    assert.deepEqual(staffAreasFor('handler'), [{ key: 'areaCaseQueue', path: null }]);
  });

  it('every role has at least one area', () => {
    for (const role of [
      'admin',
      'secretariat',
      'supervisor',
      'handler',
      'counter_clerk',
      'web_editor',
    ] as const) {
      assert.ok(staffAreasFor(role).length > 0, role);
    }
  });
});

describe('needsTwoFactorEnrolment', () => {
  it('only an admin without two-factor must enrol first', () => {
    assert.equal(needsTwoFactorEnrolment({ role: 'admin', hasTotp: false }), true);
    assert.equal(needsTwoFactorEnrolment({ role: 'admin', hasTotp: true }), false);
    assert.equal(needsTwoFactorEnrolment({ role: 'handler', hasTotp: false }), false);
  });
});
