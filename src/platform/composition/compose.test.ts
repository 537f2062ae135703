import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { staffAreasFor } from '../auth/staff-areas.ts';
import { defineTopic } from '../notify/template-kit.ts';
import type { AppModule, StaffArea } from './app-module.ts';
import { buildRegistry } from './compose.ts';

const area = (id: string, group: StaffArea['group'], roles: StaffArea['roles']): StaffArea => ({
  id,
  group,
  label: { 'zh-TW': id, en: id },
  path: `/staff/${id}`,
  roles,
});

const topic = (name: string) =>
  defineTopic(name, {
    audience: 'staff',
    purpose: { 'zh-TW': name, en: name },
    sample: { 'zh-TW': {}, en: {} },
    render: {
      'zh-TW': () => ({ subject: name, text: name, sms: name }),
      en: () => ({ subject: name, text: name, sms: name }),
    },
  });

describe('buildRegistry', () => {
  it('lists staff areas by group (case work first, administration last), in module order within a group', () => {
    const modules: AppModule[] = [
      {
        name: 'first',
        staffAreas: [
          area('first.admin', 'administration', ['admin']),
          area('first.work', 'casework', ['handler']),
        ],
      },
      {
        name: 'second',
        staffAreas: [
          area('second.content', 'content', ['admin']),
          area('second.work', 'casework', ['admin']),
        ],
      },
    ];
    const registry = buildRegistry(modules, {
      staffAreas: [area('platform.audit', 'administration', ['admin'])],
    });
    assert.deepEqual(
      registry.staffAreas.map((entry) => entry.id),
      ['first.work', 'second.work', 'second.content', 'platform.audit', 'first.admin'],
    );
    assert.deepEqual(
      staffAreasFor(registry.staffAreas, 'admin').map((entry) => entry.id),
      ['second.work', 'second.content', 'platform.audit', 'first.admin'],
    );
    assert.deepEqual(staffAreasFor(registry.staffAreas, 'unit_head'), []);
  });

  it('gathers every module’s notification topics and audit actions', () => {
    const registry = buildRegistry([
      {
        name: 'a',
        notificationTopics: [topic('a.sent')],
        auditActions: [{ action: 'a.done', label: { 'zh-TW': '甲', en: 'A' } }],
      },
      { name: 'b', notificationTopics: [topic('b.sent'), topic('b.other')] },
    ]);
    assert.deepEqual(
      registry.notificationTopics.map((entry) => entry.topic),
      ['a.sent', 'b.sent', 'b.other'],
    );
    assert.deepEqual(
      registry.auditActions.map((entry) => entry.action),
      ['a.done'],
    );
  });

  it('refuses two modules with the same name, area id, topic, audit action or command', () => {
    const label = { 'zh-TW': 'x', en: 'x' };
    const command = { summary: '', usage: '', options: {}, run: async () => {} };
    const cases: [string, AppModule[]][] = [
      ['module "a"', [{ name: 'a' }, { name: 'a' }]],
      [
        'staff area "x.area"',
        [
          { name: 'a', staffAreas: [area('x.area', 'content', [])] },
          { name: 'b', staffAreas: [area('x.area', 'content', [])] },
        ],
      ],
      [
        'notification topic "x.sent"',
        [
          { name: 'a', notificationTopics: [topic('x.sent')] },
          { name: 'b', notificationTopics: [topic('x.sent')] },
        ],
      ],
      [
        'audit action "x.done"',
        [
          { name: 'a', auditActions: [{ action: 'x.done', label }] },
          { name: 'b', auditActions: [{ action: 'x.done', label }] },
        ],
      ],
      [
        'command "x:run"',
        [
          { name: 'a', commands: { 'x:run': command } },
          { name: 'b', commands: { 'x:run': command } },
        ],
      ],
    ];
    for (const [what, modules] of cases) {
      assert.throws(() => buildRegistry(modules), new RegExp(`define the ${what.replace('"', '"')}`), what);
    }
  });
});
