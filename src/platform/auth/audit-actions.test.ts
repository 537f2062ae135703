import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { auditActionLabel, platformAuditActions } from './audit-actions.ts';

/** Every `action: '…'` the platform's code hands to recordAudit (this list's own file aside). */
function actionsRecordedByThePlatform(): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync('src/platform', { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) continue;
    if (entry.name === 'audit-actions.ts') continue;
    for (const match of readFileSync(file, 'utf8').matchAll(/\baction: '([a-z_.]+)'/g))
      if (match[1]) found.add(match[1]);
  }
  return found;
}

describe('the platform’s audit actions', () => {
  it('list every action the platform records, once each, with a label in both languages', () => {
    const listed = platformAuditActions.map((entry) => entry.action);
    assert.equal(new Set(listed).size, listed.length, 'no action twice');
    const recorded = actionsRecordedByThePlatform();
    assert.ok(recorded.has('staff.sign_in.succeeded'), 'the scan finds the sign-in service');
    assert.deepEqual(
      [...recorded].filter((action) => !listed.includes(action)),
      [],
      'recorded but not listed',
    );
    for (const entry of platformAuditActions) {
      assert.match(entry.label['zh-TW'], /\p{Script=Han}/u, entry.action);
      assert.match(entry.label.en, /^[A-Z]/, entry.action);
    }
  });

  it('label a known action in the reader’s language; an unknown one has none', () => {
    assert.equal(auditActionLabel(platformAuditActions, 'audit_log.viewed', 'zh-TW'), '查閱稽核紀錄');
    assert.equal(auditActionLabel(platformAuditActions, 'audit_log.viewed', 'en'), 'Audit log viewed');
    assert.equal(auditActionLabel(platformAuditActions, 'retired.action', 'en'), null);
  });
});
