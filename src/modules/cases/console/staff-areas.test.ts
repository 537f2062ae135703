import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rolesFor } from '../core/case-actions.ts';
import { caseStaffAreas } from './staff-areas.ts';

describe('the cases pages on the staff home', () => {
  it('are offered only to roles the actions table lets in, so no link leads to a 403', () => {
    for (const area of caseStaffAreas) {
      const allowed = rolesFor(area.action);
      assert.ok(area.roles.length > 0, area.id);
      for (const role of area.roles)
        assert.ok(allowed.includes(role), `${area.id}: ${role} may not ${area.action}`);
    }
  });

  it('offers the look-up to everyone who may look cases up', () => {
    const lookUp = caseStaffAreas.find((area) => area.id === 'cases.lookup');
    assert.deepEqual([...(lookUp?.roles ?? [])].sort(), rolesFor('look_up').sort());
  });
});
