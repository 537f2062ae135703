import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp } from '../../../../test/helpers/test-app.ts';
import { aStaffMember, type TestStaffMember } from '../../../platform/auth/auth-test-support.ts';
import type { StaffRole } from '../../../platform/auth/principal.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import {
  type CaseActorRole,
  type CaseEvent,
  type CaseState,
  caseActorRoles,
  caseEvents,
  caseStates,
  findTransition,
  finishedStates,
} from './case-workflow.ts';
import { openCase, transitionCase } from './cases-service.ts';
import {
  caseActorOf,
  type StaffApi,
  sidewalkReport,
  staffApi,
  testCasesContext,
} from './cases-test-support.ts';

/**
 * The permission matrix, generated from the transition table: for every state, every actor role and
 * every event, the answer is the transition (when the table allows that role), 403 (when the table has
 * the event in that state but not for that role), or 409 INVALID_TRANSITION (when the state does not
 * allow the event at all). Staff go through the HTTP API; the applicant through the service (the /track
 * pages have their own HTTP tests). A rule added to the table is tested here without writing a test.
 */

const subject = await buildTestApp();
after(() => subject.app.close());

const staffRoles = caseActorRoles.filter((role): role is StaffRole => role !== 'applicant');
const members = new Map<StaffRole, TestStaffMember>();
const apis = new Map<StaffRole, StaffApi>();
let mergeTarget = '';

/** Everything any event may require, valid for a road-maintenance case. */
function inputsFor(): Record<string, string> {
  return {
    publicNote: '說明給申請人',
    internalNote: '內部備註',
    resolution: '已派員修復完成。',
    reason: '原因說明',
    targetUnit: 'parks',
    targetAgency: '經濟部水利署第六河川分署',
    targetCase: mergeTarget,
  };
}

const supervisorActor = () => caseActorOf(members.get('supervisor') as TestStaffMember);

/** A fresh road-maintenance case put straight into a state (as the workflow would leave it). */
async function caseIn(state: CaseState): Promise<{ id: string; caseNumber: string; version: number }> {
  const context = testCasesContext(subject);
  const row = await openCase(context, sidewalkReport(), supervisorActor());
  const now = subject.clock.now();
  await subject.database.pool.query(
    `update cases set state = $2,
       closed_at = case when $2 in ('closed', 'forwarded', 'rejected', 'withdrawn', 'merged') then $3::timestamptz end,
       resolution = case when $2 in ('resolved', 'closed') then '已修復' end,
       pauses = case when $2 in ('awaiting_supplement', 'resolved') then jsonb_build_array(jsonb_build_object('from', $4::text, 'to', null)) else '[]'::jsonb end,
       due_at = case when $2 in ('received', 'accepted', 'in_progress') then due_at end
     where id = $1`,
    [row.id, state, now, now.toISOString()],
  );
  return { id: row.id, caseNumber: row.caseNumber, version: row.version };
}

function expectedOutcome(state: CaseState, role: CaseActorRole, event: CaseEvent): 'ok' | 403 | 409 {
  const transition = findTransition(state, event);
  if (transition === undefined) return 409;
  return transition.roles.includes(role) ? 'ok' : 403;
}

before(async () => {
  for (const role of staffRoles) {
    const member = await aStaffMember(subject.database.db, {
      role,
      withTotp: role === 'admin',
      clock: subject.clock,
    });
    members.set(role, member);
    apis.set(role, await staffApi(subject.app, member, subject.clock));
  }
  mergeTarget = (await openCase(testCasesContext(subject), sidewalkReport(), supervisorActor())).caseNumber;
});

describe('permission matrix: every (role, state, event)', () => {
  for (const state of caseStates) {
    it(`from ${state}`, async () => {
      // One case per state for the refusals (a refusal changes nothing, so it can be reused).
      const refused = await caseIn(state);
      let allowedCount = 0;
      for (const role of caseActorRoles) {
        for (const event of caseEvents) {
          const expected = expectedOutcome(state, role, event);
          const target = expected === 'ok' ? await caseIn(state) : refused;
          const label = `${role} ${event} on ${state}`;
          if (role === 'applicant') {
            const attempt = transitionCase(
              testCasesContext(subject),
              { caseId: target.id, expectedVersion: target.version, event, input: inputsFor() },
              { kind: 'applicant' },
            );
            if (expected === 'ok') {
              const row = await attempt;
              assert.equal(row.state, findTransition(state, event)?.to, label);
              allowedCount += 1;
            } else {
              await assert.rejects(attempt, (error: unknown) => {
                assert.ok(error instanceof DomainError, label);
                assert.equal(error.code, expected === 403 ? 'FORBIDDEN' : 'INVALID_TRANSITION', label);
                return true;
              });
            }
            continue;
          }
          const api = apis.get(role) as StaffApi;
          const response = await api.post(`/api/staff/cases/${target.caseNumber}/events`, {
            event,
            expectedVersion: target.version,
            ...inputsFor(),
          });
          const body = response.json() as { code?: string; state?: string; version?: number };
          if (expected === 'ok') {
            assert.equal(response.statusCode, 200, `${label}: ${response.body}`);
            assert.equal(body.state, findTransition(state, event)?.to, label);
            assert.equal(body.version, target.version + 1, label);
            allowedCount += 1;
          } else {
            assert.equal(response.statusCode, expected, `${label}: ${response.body}`);
            assert.equal(body.code, expected === 403 ? 'FORBIDDEN' : 'INVALID_TRANSITION', label);
          }
        }
      }
      // The refusals left the shared case untouched.
      const [row] = (
        await subject.database.pool.query<{ state: string; version: number }>(
          'select state, version from cases where id = $1',
          [refused.id],
        )
      ).rows;
      assert.deepEqual(row, { state, version: refused.version });
      const expectedAllowed = caseActorRoles.reduce(
        (sum, role) =>
          sum + caseEvents.filter((event) => expectedOutcome(state, role, event) === 'ok').length,
        0,
      );
      assert.equal(allowedCount, expectedAllowed);
      if (finishedStates.has(state) && state !== 'closed') assert.equal(allowedCount, 0);
    });
  }
});
