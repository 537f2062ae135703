import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp } from '../../../../test/helpers/test-app.ts';
import { aStaffMember, type TestStaffMember } from '../../../platform/auth/auth-test-support.ts';
import type { StaffRole } from '../../../platform/auth/principal.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import { actionTable, type CaseAction, type CaseRelation } from './case-actions.ts';
import {
  caseActorOf,
  potholeReport,
  type StaffApi,
  sidewalkPetition,
  staffApi,
  testCasesContext,
} from './cases-test-support.ts';
import { openCase } from './open-case.ts';
import { transitionCase } from './transition-case.ts';
import { type CaseActorRole, caseActorRoles } from './workflow-definition.ts';
import { type CaseWorkflow, caseWorkflows, workflowOf, workflowStaffRoles } from './workflows.ts';

/**
 * The permission matrix, generated from the tables. For every workflow, state, actor role and event the
 * answer is the transition (the table allows that role), 403 (the table has the event in that state but not
 * for that role; or, at the route, a staff role no workflow names), or 409 INVALID_TRANSITION (the state
 * does not allow the event). Then every action of the actions table, for every staff role and every relation
 * a case can stand in to them, through the staff pages and the JSON API. Staff go through HTTP; the applicant
 * through the service (the /track pages have their own tests). A rule added to a table is tested here
 * without writing a test.
 */

const subject = await buildTestApp();
after(() => subject.app.close());

const staffRoles = caseActorRoles.filter((role): role is StaffRole => role !== 'applicant');
const members = new Map<StaffRole, TestStaffMember>();
const apis = new Map<StaffRole, StaffApi>();
let mergeTarget = '';
/** Road-maintenance case officers: someone else's cases are the colleague's; assignments go to the assignee. */
let colleague: TestStaffMember;
let assignee: TestStaffMember;

const memberOf = (role: StaffRole) => members.get(role) as TestStaffMember;
const apiOf = (role: StaffRole) => apis.get(role) as StaffApi;
const supervisorActor = () => caseActorOf(memberOf('supervisor'));
const query = (text: string, values: unknown[]) => subject.database.pool.query(text, values);

before(async () => {
  const db = subject.database.db;
  for (const role of staffRoles) {
    const member = await aStaffMember(db, { role, withTotp: role === 'admin', clock: subject.clock });
    members.set(role, member);
    apis.set(role, await staffApi(subject.app, member, subject.clock));
  }
  colleague = await aStaffMember(db, { role: 'handler', displayName: '同單位承辦' });
  assignee = await aStaffMember(db, { role: 'handler', displayName: '受指派承辦' });
  mergeTarget = (await openCase(testCasesContext(subject), sidewalkPetition(), supervisorActor())).caseNumber;
});

// ---------------------------------------------------------------------------------------------------------
// The workflows: every (state, role, event)

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

/**
 * A fresh case of a service whose kind follows the workflow (a pothole report for the field-report
 * workflow, a petition for the petition one and, made an inquiry, the default one), put straight into a
 * state (as the workflow would leave it).
 */
async function caseIn(
  workflow: CaseWorkflow,
  state: string,
  event?: string,
): Promise<{ id: string; caseNumber: string; version: number }> {
  const context = testCasesContext(subject);
  const input = workflow === workflowOf('field_report') ? potholeReport() : sidewalkPetition();
  const opened = await openCase(context, input, supervisorActor());
  const now = subject.clock.now();
  const row =
    workflow === workflowOf('application')
      ? { ...opened, kind: await asApplication(opened.id, state, event, now) }
      : workflow === workflowOf('inquiry')
        ? { ...opened, kind: await asKind(opened.id, 'inquiry') }
        : opened;
  assert.equal(workflowOf(row.kind), workflow, `${input.serviceCode} follows the ${workflow.name} workflow`);
  const isPaused = workflow.isPaused(state) || workflow.isAnswered(state);
  await query(
    `update cases set state = $2,
       closed_at = case when $3 then $5::timestamptz end,
       resolution = case when $4 then '已修復' end,
       pauses = case when $6 then jsonb_build_array(jsonb_build_object('from', $7::text, 'to', null)) else '[]'::jsonb end,
       due_at = case when $3 or $6 then null else due_at end
     where id = $1`,
    [row.id, state, workflow.isFinished(state), workflow.isAnswered(state), now, isPaused, now.toISOString()],
  );
  return { id: row.id, caseNumber: row.caseNumber, version: row.version };
}

/** The sidewalk petition made another kind's case (the demo catalogue has no inquiry service). */
async function asKind(id: string, kind: string) {
  const result = await query('update cases set kind = $2 where id = $1 returning kind', [id, kind]);
  return String(result.rows[0]?.kind);
}

/**
 * The application workflow's case: the sidewalk petition made an application of the road maintenance office
 * (the office has no application service in the demo catalogue), owing a fee of NT$1,000 — paid, so that it
 * may be decided, except for the event that asks for it — and, waiting for a supplement, with an issued
 * deficiency notice whose date has passed (so that it may be closed as not supplemented).
 */
async function asApplication(id: string, state: string, event: string | undefined, now: Date) {
  const isPaid = event !== 'request_payment';
  const result = await query(
    `update cases set kind = 'application', fee_amount_twd = 1000,
       fee_paid_at = case when $2 then $3::timestamptz end
     where id = $1 returning kind`,
    [id, isPaid, now],
  );
  if (state === 'awaiting_supplement')
    await query(
      `insert into deficiency_notices (case_id, sequence, state, items, supplement_by, unit_code, service_code,
         drafted_by, drafted_at, issued_at)
       values ($1, 1, 'issued', '[]'::jsonb, (($2::timestamptz at time zone 'Asia/Taipei')::date - 1), 'road-maintenance',
         'road-maintenance-petition', $3, $2, $2)`,
      [id, now, memberOf('supervisor').id],
    );
  // "Fee paid" is taken once the payment is recorded (cases/payment): a counter payment, as the clerk's form makes.
  if (event === 'payment_received')
    await query(
      `insert into case_payments (case_id, amount_twd, method, state, receipt_number, created_at, paid_at)
       values ($1, 1000, 'cash', 'paid', $2, $3, $3)`,
      [id, `M${id.replaceAll('-', '')}`, now],
    );
  return String(result.rows[0]?.kind);
}

function expectedOutcome(workflow: CaseWorkflow, state: string, role: CaseActorRole, event: string) {
  // The API admits only the staff roles some workflow names; the others are refused at the route.
  if (role !== 'applicant' && !workflowStaffRoles.includes(role)) return 403;
  const transition = workflow.findTransition(state, event);
  if (transition === undefined) return 409;
  if (!transition.roles.includes(role)) return 403;
  // Taken only through its own service (an application's notice): the bare event is refused, 400.
  return transition.through === undefined ? 'ok' : 400;
}

for (const workflow of caseWorkflows) {
  describe(`permission matrix of the ${workflow.name} workflow: every (role, state, event)`, () => {
    for (const state of workflow.states) {
      it(`from ${state}`, async () => {
        // One case per state for the refusals (a refusal changes nothing, so it can be reused).
        const refused = await caseIn(workflow, state);
        let allowedCount = 0;
        for (const role of caseActorRoles) {
          for (const event of workflow.events) {
            const expected = expectedOutcome(workflow, state, role, event);
            const target = expected === 'ok' ? await caseIn(workflow, state, event) : refused;
            const label = `${role} ${event} on ${state}`;
            const to = workflow.findTransition(state, event)?.to;
            if (role === 'applicant') {
              const attempt = transitionCase(
                testCasesContext(subject),
                { caseId: target.id, expectedVersion: target.version, event, input: inputsFor() },
                { kind: 'applicant' },
              );
              if (expected === 'ok') {
                assert.equal((await attempt).state, to, label);
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
            const response = await apiOf(role).post(`/api/staff/cases/${target.caseNumber}/events`, {
              event,
              expectedVersion: target.version,
              ...inputsFor(),
            });
            const body = response.json() as {
              code?: string;
              state?: string;
              version?: number;
              errors?: { code: string }[];
            };
            if (expected === 'ok') {
              assert.equal(response.statusCode, 200, `${label}: ${response.body}`);
              assert.equal(body.state, to, label);
              assert.equal(body.version, target.version + 1, label);
              allowedCount += 1;
            } else if (expected === 400) {
              assert.equal(response.statusCode, 400, `${label}: ${response.body}`);
              assert.deepEqual(
                body.errors?.map((problem) => problem.code),
                ['notice_required'],
                label,
              );
            } else {
              assert.equal(response.statusCode, expected, `${label}: ${response.body}`);
              assert.equal(body.code, expected === 403 ? 'FORBIDDEN' : 'INVALID_TRANSITION', label);
            }
          }
        }
        // The refusals left the shared case untouched.
        const [row] = (await query('select state, version from cases where id = $1', [refused.id])).rows;
        assert.deepEqual(row, { state, version: refused.version });
        const expectedAllowed = caseActorRoles.reduce(
          (sum, role) =>
            sum +
            workflow.events.filter((event) => expectedOutcome(workflow, state, role, event) === 'ok').length,
          0,
        );
        assert.equal(allowedCount, expectedAllowed);
        // A finished case stays finished, except what the table reopens.
        if (workflow.isFinished(state) && workflow.transitions[state].length === 0)
          assert.equal(allowedCount, 0);
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------------------
// The other actions: every (action, role, relation)

/** How a case stands to the person acting, as the test builds it. */
interface Situation {
  name: string;
  unitCode: 'road-maintenance' | 'parks';
  handler: 'self' | 'colleague' | null;
  /** The unit it was transferred away from, on its timeline. */
  passedFrom: string | null;
}

const situations: readonly Situation[] = [
  {
    name: 'in the unit, assigned to the person',
    unitCode: 'road-maintenance',
    handler: 'self',
    passedFrom: null,
  },
  {
    name: 'in the unit, assigned to a colleague',
    unitCode: 'road-maintenance',
    handler: 'colleague',
    passedFrom: null,
  },
  { name: 'in the unit, unassigned', unitCode: 'road-maintenance', handler: null, passedFrom: null },
  { name: 'in another unit', unitCode: 'parks', handler: null, passedFrom: null },
  {
    name: 'in another unit, transferred from the person’s unit',
    unitCode: 'parks',
    handler: null,
    passedFrom: 'road-maintenance',
  },
];

/** The relations that hold, from how the case was built (not from the code under test). */
function relationsHeld(member: TestStaffMember, situation: Situation): Set<CaseRelation> {
  const held = new Set<CaseRelation>(['any']);
  const isOwnUnit = member.unitCode === situation.unitCode;
  if (isOwnUnit) held.add('own_unit');
  if (situation.handler === 'self') held.add('assigned_to_me');
  if (isOwnUnit && situation.handler === null) held.add('unassigned_in_own_unit');
  if (situation.passedFrom !== null && situation.passedFrom === member.unitCode) held.add('passed_through');
  return held;
}

/** What the table says: allowed, refused for the role or the case (403), or the case listed as a problem (400). */
function expectedFor(action: CaseAction, role: StaffRole, held: ReadonlySet<CaseRelation>): 'ok' | 400 | 403 {
  const rule = actionTable[action];
  const grants = rule.grants.filter((grant) => grant.roles.includes(role));
  if (grants.length === 0) return 403;
  if (grants.some((grant) => grant.relations.every((relation) => held.has(relation)))) return 'ok';
  return rule.perCaseRefusal === null ? 403 : 400;
}

interface BuiltCase {
  id: string;
  caseNumber: string;
  extensionId: string | null;
}

/** A fresh open case standing to the member as the situation says (with a pending extension when asked). */
async function caseStanding(
  member: TestStaffMember,
  situation: Situation,
  options: { hasPendingExtension?: boolean } = {},
): Promise<BuiltCase> {
  const row = await openCase(testCasesContext(subject), potholeReport(), supervisorActor());
  const handlerId =
    situation.handler === 'self' ? member.id : situation.handler === 'colleague' ? colleague.id : null;
  await query('update cases set unit_code = $2, handler_id = $3 where id = $1', [
    row.id,
    situation.unitCode,
    handlerId,
  ]);
  if (situation.passedFrom !== null)
    await query(
      `insert into case_events (case_id, occurred_at, kind, from_state, to_state, actor_label, data)
       values ($1, now(), 'transfer', 'received', 'received', 'system', $2)`,
      [row.id, JSON.stringify({ fromUnit: situation.passedFrom, toUnit: situation.unitCode })],
    );
  let extensionId: string | null = null;
  if (options.hasPendingExtension) {
    const inserted = await query(
      `insert into case_extensions (case_id, amount, reason, requested_by, requested_at)
       values ($1, 2, '等材料', $2, now()) returning id`,
      [row.id, colleague.id],
    );
    extensionId = (inserted.rows[0] as { id: string }).id;
  }
  return { id: row.id, caseNumber: row.caseNumber, extensionId };
}

interface CaseAttempt {
  surface: string;
  /** A form of the case page: the page is shown again on a refusal, so a person who may not read gets 403. */
  isOnCasePage?: boolean;
  okStatus: number;
  needsPendingExtension: boolean;
  run(role: StaffRole, target: BuiltCase): Promise<{ statusCode: number; body: string }>;
  /** What an allowed attempt changed, read back. */
  changed(target: BuiltCase): Promise<boolean>;
}

const handlerOf = async (target: BuiltCase) =>
  (
    (await query('select handler_id from cases where id = $1', [target.id])).rows[0] as {
      handler_id: string | null;
    }
  ).handler_id;
const extensionsOf = async (target: BuiltCase) =>
  (await query('select state from case_extensions where case_id = $1', [target.id])).rows as {
    state: string;
  }[];
const isAssigned = async (target: BuiltCase) => (await handlerOf(target)) === assignee.id;
const hasNewExtension = async (target: BuiltCase) => (await extensionsOf(target)).length === 1;
const isDecided = async (target: BuiltCase) => (await extensionsOf(target))[0]?.state === 'approved';

/** Each action on one case, through each place that offers it. */
const caseAttempts: Readonly<Partial<Record<CaseAction, readonly CaseAttempt[]>>> = {
  read: [
    {
      surface: 'the case page',
      okStatus: 200,
      needsPendingExtension: false,
      run: (role, target) => apiOf(role).page(`/staff/cases/${target.caseNumber}`),
      changed: async () => true,
    },
    {
      surface: 'GET /api/staff/cases/:number',
      okStatus: 200,
      needsPendingExtension: false,
      run: (role, target) => apiOf(role).get(`/api/staff/cases/${target.caseNumber}`),
      changed: async () => true,
    },
  ],
  assign: [
    {
      surface: 'the case page’s assignment',
      isOnCasePage: true,
      okStatus: 303,
      needsPendingExtension: false,
      run: (role, target) =>
        apiOf(role).submit(`/staff/cases/${target.caseNumber}/assign`, { handlerId: assignee.id }),
      changed: isAssigned,
    },
  ],
  bulk_assign: [
    {
      surface: 'the unit queue’s assignment',
      okStatus: 303,
      needsPendingExtension: false,
      run: (role, target) =>
        apiOf(role).submit('/staff/cases/unit/assign', {
          caseIds: [target.id],
          handlerId: assignee.id,
          returnQuery: '',
        }),
      changed: isAssigned,
    },
    {
      surface: 'POST /api/staff/case-assignments',
      okStatus: 200,
      needsPendingExtension: false,
      run: (role, target) =>
        apiOf(role).post('/api/staff/case-assignments', {
          caseNumbers: [target.caseNumber],
          handlerId: assignee.id,
        }),
      changed: isAssigned,
    },
  ],
  request_extension: [
    {
      surface: 'the case page’s extension form',
      isOnCasePage: true,
      okStatus: 303,
      needsPendingExtension: false,
      run: (role, target) =>
        apiOf(role).submit(`/staff/cases/${target.caseNumber}/extensions`, {
          version: '1',
          amount: '2',
          reason: '等材料',
        }),
      changed: hasNewExtension,
    },
    {
      surface: 'POST /api/staff/cases/:number/extensions',
      okStatus: 201,
      needsPendingExtension: false,
      run: (role, target) =>
        apiOf(role).post(`/api/staff/cases/${target.caseNumber}/extensions`, {
          expectedVersion: 1,
          amount: 2,
          reason: '等材料',
        }),
      changed: hasNewExtension,
    },
  ],
  decide_extension: [
    {
      surface: 'the case page’s decision',
      isOnCasePage: true,
      okStatus: 303,
      needsPendingExtension: true,
      run: (role, target) =>
        apiOf(role).submit(`/staff/cases/${target.caseNumber}/extensions/${target.extensionId}`, {
          version: '1',
          decision: 'approve',
          note: '',
        }),
      changed: isDecided,
    },
    {
      surface: 'POST /api/staff/cases/:number/extensions/:id/decision',
      okStatus: 200,
      needsPendingExtension: true,
      run: (role, target) =>
        apiOf(role).post(`/api/staff/cases/${target.caseNumber}/extensions/${target.extensionId}/decision`, {
          approve: true,
          expectedVersion: 1,
        }),
      changed: isDecided,
    },
  ],
};

describe('permission matrix of the actions table: every (action, role, relation)', () => {
  // First, while the road maintenance queue is short enough to fit one page.
  it('work_queue and supervise: a list holds a case when the role’s grant holds for it', async () => {
    for (const role of staffRoles) {
      const member = memberOf(role);
      const built = await Promise.all(situations.map((situation) => caseStanding(member, situation)));
      const queue = await apiOf(role).get('/api/staff/cases?service=pothole-report');
      const page = await apiOf(role).page('/staff/cases/unit?service=pothole-report');
      const supervision = await apiOf(role).page('/staff/supervision');
      const mayQueue = actionTable.work_queue.grants.some((grant) => grant.roles.includes(role));
      const maySupervise = actionTable.supervise.grants.some((grant) => grant.roles.includes(role));
      assert.equal(queue.statusCode, mayQueue ? 200 : 403, `${role} API queue`);
      assert.equal(page.statusCode, mayQueue ? 200 : 403, `${role} unit queue`);
      assert.equal(supervision.statusCode, maySupervise ? 200 : 403, `${role} supervision`);
      const listed = mayQueue
        ? new Set((queue.json() as { items: { caseNumber: string }[] }).items.map((item) => item.caseNumber))
        : new Set<string>();
      for (const [index, situation] of situations.entries()) {
        const held = relationsHeld(member, situation);
        const caseNumber = built[index]?.caseNumber ?? '';
        if (mayQueue) {
          const isExpected = expectedFor('work_queue', role, held) === 'ok';
          assert.equal(listed.has(caseNumber), isExpected, `${role} API queue, ${situation.name}`);
          assert.equal(
            page.body.includes(`data-case-number="${caseNumber}"`),
            isExpected,
            `${role} page, ${situation.name}`,
          );
        }
        if (maySupervise)
          assert.equal(
            supervision.body.includes(`data-unit="${situation.unitCode}"`),
            expectedFor('supervise', role, held) === 'ok',
            `${role} supervision, ${situation.name}`,
          );
      }
    }
  });
  it('open, look_up: the roles the table names, and no one else', async () => {
    for (const role of staffRoles) {
      const mayOpen = expectedFor('open', role, new Set(['any'])) === 'ok';
      const opened = await apiOf(role).post('/api/staff/cases', sidewalkPetition());
      assert.equal(opened.statusCode, mayOpen ? 201 : 403, `${role} opens: ${opened.body.slice(0, 200)}`);
      assert.equal((await apiOf(role).page('/staff/counter')).statusCode, mayOpen ? 200 : 403, role);
      const mayLookUp = expectedFor('look_up', role, new Set(['any'])) === 'ok';
      const found = await apiOf(role).get(`/api/staff/case-lookup?caseNumber=${mergeTarget}`);
      assert.equal(found.statusCode, mayLookUp ? 200 : 403, `${role} looks up`);
      assert.equal(
        (await apiOf(role).page(`/staff/lookup?caseNumber=${mergeTarget}`)).statusCode,
        mayLookUp ? 200 : 403,
      );
    }
  });

  it('look_up lists only the cases the role may read; every refused read is in the audit log', async () => {
    for (const role of staffRoles) {
      if (expectedFor('look_up', role, new Set(['any'])) !== 'ok') continue;
      const member = memberOf(role);
      for (const situation of situations) {
        const target = await caseStanding(member, situation);
        const mayRead = expectedFor('read', role, relationsHeld(member, situation)) === 'ok';
        const found = await apiOf(role).get(`/api/staff/case-lookup?caseNumber=${target.caseNumber}`);
        assert.equal(found.statusCode, 200, `${role}, ${situation.name}`);
        const listed = (found.json() as { items: { caseNumber: string }[] }).items.map(
          (item) => item.caseNumber,
        );
        assert.deepEqual(listed, mayRead ? [target.caseNumber] : [], `${role} looks up, ${situation.name}`);
        const page = await apiOf(role).page(`/staff/lookup?caseNumber=${target.caseNumber}`);
        assert.equal(
          page.body.includes(`data-case-number="${target.caseNumber}"`),
          mayRead,
          `${role} lookup page, ${situation.name}`,
        );

        const before = await query(
          `select count(*)::int as n from audit_log where action = 'case.read_refused' and target_id = $1`,
          [target.id],
        );
        const read = await apiOf(role).get(`/api/staff/cases/${target.caseNumber}`);
        const after = await query(
          `select count(*)::int as n, max(actor_staff_id::text) as who from audit_log
            where action = 'case.read_refused' and target_id = $1`,
          [target.id],
        );
        const refusedRows = (after.rows[0] as { n: number }).n - (before.rows[0] as { n: number }).n;
        assert.equal(read.statusCode, mayRead ? 200 : 403, `${role} reads, ${situation.name}`);
        assert.equal(refusedRows, mayRead ? 0 : 1, `${role}: refused read audited, ${situation.name}`);
        if (!mayRead) {
          assert.equal((after.rows[0] as { who: string }).who, member.id);
          assert.equal((read.json() as { code: string }).code, 'FORBIDDEN');
        }
      }
    }
  });

  for (const [action, attempts] of Object.entries(caseAttempts) as [CaseAction, CaseAttempt[]][]) {
    for (const attempt of attempts) {
      it(`${action} through ${attempt.surface}`, async () => {
        for (const role of staffRoles) {
          for (const situation of situations) {
            const member = memberOf(role);
            const held = relationsHeld(member, situation);
            const expected =
              attempt.isOnCasePage === true && expectedFor('read', role, held) !== 'ok'
                ? 403
                : expectedFor(action, role, held);
            const target = await caseStanding(member, situation, {
              hasPendingExtension: attempt.needsPendingExtension,
            });
            const label = `${role}, ${situation.name}`;
            const response = await attempt.run(role, target);
            if (expected === 'ok') {
              assert.equal(response.statusCode, attempt.okStatus, `${label}: ${response.body.slice(0, 300)}`);
              assert.ok(await attempt.changed(target), `${label}: done`);
              continue;
            }
            assert.equal(response.statusCode, expected, `${label}: ${response.body.slice(0, 300)}`);
            if (action !== 'read')
              assert.equal(await attempt.changed(target), false, `${label}: nothing changed`);
          }
        }
      });
    }
  }
});
