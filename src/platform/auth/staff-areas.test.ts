import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { needsTwoFactorEnrolment } from './principal.ts';
import { staffAreasFor } from './staff-areas.ts';

describe('staffAreasFor', () => {
  it('an admin sees the plans, the catalogue, the audit log, the outbox and the templates (open) and staff accounts (coming)', () => {
    assert.deepEqual(staffAreasFor('admin'), [
      { key: 'areaPerformance', path: '/staff/plans' },
      { key: 'areaProgress', path: '/staff/progress' },
      { key: 'areaContent', path: '/staff/catalogue' },
      { key: 'areaStaffAccounts', path: null },
      { key: 'areaAuditLog', path: '/staff/audit' },
      { key: 'areaOutbox', path: '/staff/outbox' },
      { key: 'areaNotificationTemplates', path: '/staff/notification-templates' },
    ]);
  });

  it('a handler sees the case queue and the case look-up, not the audit log', () => {
    assert.deepEqual(staffAreasFor('handler'), [
      { key: 'areaCaseQueue', path: '/staff/cases' },
      { key: 'areaCaseLookup', path: '/staff/lookup' },
    ]);
  });

  it('a supervisor reaches the queue, supervision and the look-up', () => {
    const paths = staffAreasFor('supervisor').map((area) => area.path);
    for (const path of ['/staff/cases', '/staff/supervision', '/staff/lookup'])
      assert.ok(paths.includes(path), path);
  });

  it('a web editor sees website content, which leads to the service catalogue', () => {
    assert.deepEqual(staffAreasFor('web_editor'), [{ key: 'areaContent', path: '/staff/catalogue' }]);
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
