import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { controlAuditActions } from './audit-actions.ts';

const moduleFolder = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Every action a use case of the module names as a plain string (`action: 'control.…'`, in both branches). */
function actionsInTheCode(): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(moduleFolder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) continue;
    const source = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    for (const statement of source.matchAll(/action:\s*([^,\n]+(?:\n\s*[?:][^,\n]+)*)/g))
      for (const literal of (statement[1] ?? '').matchAll(/'(control\.[a-z_.]+)'/g))
        found.add(literal[1] ?? '');
  }
  return found;
}

describe('the audit actions the manifest lists', () => {
  it('name every action the module records, once, with a label in both languages', () => {
    const listed = controlAuditActions.map((entry) => entry.action);
    assert.equal(new Set(listed).size, listed.length, 'no action twice');
    const inTheCode = actionsInTheCode();
    assert.ok(inTheCode.size >= 15, `the scan finds the actions (${inTheCode.size})`);
    for (const action of inTheCode) assert.ok(listed.includes(action), `${action} is not in the manifest`);
    for (const entry of controlAuditActions) {
      assert.match(entry.action, /^control\./);
      assert.ok(entry.label['zh-TW'].trim() !== '' && entry.label.en.trim() !== '', entry.action);
    }
    // The ones built from a typed list: a plan's changes and a work plan's steps.
    assert.ok(listed.includes('control.practice_saved'));
    assert.ok(listed.includes('control.work_plan.send_back'));
  });
});
