import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, TestClock } from '../../../../test/helpers/test-app.ts';
import { systemActor } from '../../../platform/auth/audit-log.ts';
import { aStaffMember, type TestStaffMember } from '../../../platform/auth/auth-test-support.ts';
import { upsertCalendarOverride } from '../../../platform/calendar/calendar-repo.ts';
import { definitionOfService, getService, publishServiceVersion } from '../../catalogue/catalogue-service.ts';
import { getCaseDetail } from './case-queries.ts';
import {
  caseActorOf,
  potholeReport,
  type StaffApi,
  sidewalkPetition,
  staffApi,
  testCasesContext,
} from './cases-test-support.ts';
import type { OpenCaseInput } from './intake-rules.ts';
import { openCase } from './open-case.ts';
import { recomputeOpenDeadlines } from './recompute-deadlines.ts';
import { setRoutingRule } from './routing-rules.ts';

/**
 * Whole cases through the HTTP API: every transition's effects (unit, handler, pauses, dates, timeline),
 * optimistic concurrency, and the deadline from receipt to closing across holidays, a pause and an
 * extension. The clock is the only fake (TestClock).
 */

// Friday 13 February 2026, 10:00 in Taipei: the Lunar New Year holidays run from the 14th to the 22nd.
const clock = new TestClock(new Date('2026-02-13T02:00:00Z'));
const subject = await buildTestApp({ clock });
after(() => subject.app.close());

const taipei = (text: string) => new Date(`${text}+08:00`);

let handler: TestStaffMember;
let supervisor: TestStaffMember;
let parksHandler: TestStaffMember;
let clerk: TestStaffMember;
let handlerApi: StaffApi;
let supervisorApi: StaffApi;
let parksApi: StaffApi;
let clerkApi: StaffApi;

before(async () => {
  const db = subject.database.db;
  handler = await aStaffMember(db, { role: 'handler', displayName: '陳承辦' });
  supervisor = await aStaffMember(db, { role: 'supervisor', displayName: '林主管' });
  parksHandler = await aStaffMember(db, { role: 'handler', unitCode: 'parks', displayName: '公園承辦' });
  clerk = await aStaffMember(db, { role: 'counter_clerk' });
  handlerApi = await staffApi(subject.app, handler, clock);
  supervisorApi = await staffApi(subject.app, supervisor, clock);
  parksApi = await staffApi(subject.app, parksHandler, clock);
  clerkApi = await staffApi(subject.app, clerk, clock);
});

interface CaseJson {
  caseNumber: string;
  lookupCode: string;
  state: string;
  version: number;
  unitCode: string;
  handlerId: string | null;
  dueAt: string | null;
  expectedCompletionDate: string | null;
  deadlineStatus: string;
  availableEvents: string[];
  timeline: {
    kind: string;
    fromState: string | null;
    toState: string | null;
    actorLabel: string;
    publicNote: string | null;
    internalNote: string | null;
    data: Record<string, unknown>;
  }[];
  extensions: { id: string; state: string; amount: number }[];
  forwardedTo: string | null;
  resolution: string | null;
}

async function openByApi(
  api: StaffApi,
  overrides: Partial<OpenCaseInput> | Record<string, unknown> = {},
): Promise<CaseJson> {
  const response = await api.post('/api/staff/cases', { ...sidewalkPetition(), ...overrides });
  assert.equal(response.statusCode, 201, response.body);
  return response.json() as CaseJson;
}

async function read(api: StaffApi, caseNumber: string): Promise<CaseJson> {
  const response = await api.get(`/api/staff/cases/${caseNumber}`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as CaseJson;
}

async function act(api: StaffApi, current: CaseJson, event: string, input: Record<string, string> = {}) {
  return api.post(`/api/staff/cases/${current.caseNumber}/events`, {
    event,
    expectedVersion: current.version,
    ...input,
  });
}

async function actOk(api: StaffApi, current: CaseJson, event: string, input: Record<string, string> = {}) {
  const response = await act(api, current, event, input);
  assert.equal(response.statusCode, 200, `${event}: ${response.body}`);
  return read(api, current.caseNumber);
}

/** The fields a refused (400) answer names, in its order. */
function problemFields(response: { json(): unknown }): string[] {
  return (response.json() as { errors: { field: string }[] }).errors.map((problem) => problem.field);
}

/** Sends `event` without its required input: the API refuses it (400); returns the fields it names. */
async function refusedFields(api: StaffApi, current: CaseJson, event: string): Promise<string[]> {
  const response = await act(api, current, event);
  assert.equal(response.statusCode, 400, `${event}: ${response.body}`);
  return problemFields(response);
}

describe('the deadline through a whole case', () => {
  it('Friday before the New Year holidays → pause → resume → extension → close', async () => {
    clock.current = taipei('2026-02-13T10:00:00');
    const opened = await openByApi(clerkApi);
    assert.match(opened.caseNumber, /^1150213-\d{4}$/);
    assert.match(opened.lookupCode, /^[A-HJ-NP-Z2-9]{8}$/);
    // 5 working days from the day after receipt: 23, 24, 25, 26 Feb (27th is a bridge holiday, 28th
    // Peace Memorial Day), then Monday 2 March.
    assert.equal(opened.expectedCompletionDate, '2026-03-02');
    assert.equal(opened.dueAt, taipei('2026-03-02T23:59:59.999').toISOString());
    assert.equal(opened.deadlineStatus, 'on_track');
    assert.equal(opened.unitCode, 'road-maintenance');

    clock.current = taipei('2026-02-23T09:00:00');
    let current = await actOk(handlerApi, await read(handlerApi, opened.caseNumber), 'accept');
    assert.equal(current.state, 'accepted');
    assert.equal(current.handlerId, handler.id, 'accepting an unassigned case takes it');

    // At risk from the start of the 4th counted working day (80 % of 5): 26 February.
    clock.current = taipei('2026-02-26T08:00:00');
    assert.equal((await read(handlerApi, opened.caseNumber)).deadlineStatus, 'at_risk');

    // Asked for a supplement on the 24th… (go back: the at-risk check above only read)
    clock.current = taipei('2026-02-26T10:00:00');
    current = await actOk(handlerApi, current, 'request_supplement', {
      reason: '請補附破損處照片及確切門牌。',
    });
    assert.equal(current.state, 'awaiting_supplement');
    assert.equal(current.dueAt, null, 'no due time while paused');
    assert.equal(current.deadlineStatus, 'paused');
    assert.equal(
      current.expectedCompletionDate,
      '2026-03-02',
      'the promised date stays visible while paused',
    );

    // Paused over the date: never overdue while waiting for the applicant.
    clock.current = taipei('2026-03-04T15:00:00');
    assert.equal((await read(handlerApi, opened.caseNumber)).deadlineStatus, 'paused');

    // The applicant brings the photo on Wednesday 4 March; the clerk records it.
    current = await actOk(clerkApi, await read(clerkApi, opened.caseNumber), 'supplement_received');
    assert.equal(current.state, 'in_progress');
    // Counted before the pause: 23, 24, 25 Feb (26 Feb is touched by the pause and does not count).
    // After it: 5 March (4 March is touched) and 6 March → due Friday 6 March.
    assert.equal(current.expectedCompletionDate, '2026-03-06');
    // At risk from the start of the 4th counted day, now 5 March.
    assert.equal(current.deadlineStatus, 'on_track');

    // An extension: the handler asks, the supervisor approves, the applicant is told date and reason.
    const asked = await handlerApi.post(`/api/staff/cases/${opened.caseNumber}/extensions`, {
      expectedVersion: current.version,
      amount: 3,
      reason: '需會同管線單位確認地下管線位置。',
    });
    assert.equal(asked.statusCode, 201, asked.body);
    const { extensionId, approved } = asked.json() as { extensionId: string; approved: boolean };
    assert.equal(approved, false, 'a handler’s request waits for a supervisor');
    current = await read(supervisorApi, opened.caseNumber);
    assert.equal(current.expectedCompletionDate, '2026-03-06', 'nothing changes before approval');
    const refusedByHandler = await handlerApi.post(
      `/api/staff/cases/${opened.caseNumber}/extensions/${extensionId}/decision`,
      { expectedVersion: current.version, approve: true },
    );
    assert.equal(refusedByHandler.statusCode, 403);
    const decided = await supervisorApi.post(
      `/api/staff/cases/${opened.caseNumber}/extensions/${extensionId}/decision`,
      { expectedVersion: current.version, approve: true, note: '同意' },
    );
    assert.equal(decided.statusCode, 200, decided.body);
    current = await read(handlerApi, opened.caseNumber);
    assert.equal(current.expectedCompletionDate, '2026-03-11', '3 more working days: 9, 10, 11 March');
    const approvedEvent = current.timeline.find((event) => event.kind === 'extension_approved');
    assert.equal(approvedEvent?.publicNote, '需會同管線單位確認地下管線位置。');
    assert.equal(approvedEvent?.data.expectedCompletionDate, '2026-03-11');
    assert.deepEqual(
      current.extensions.map((extension) => [extension.state, extension.amount]),
      [['approved', 3]],
    );

    // Overdue after the end of the 11th.
    clock.current = taipei('2026-03-12T00:00:01');
    assert.equal((await read(handlerApi, opened.caseNumber)).deadlineStatus, 'overdue');

    // Resolve needs the answer; close sends it.
    assert.deepEqual(await refusedFields(handlerApi, current, 'resolve'), ['resolution']);
    current = await actOk(handlerApi, current, 'resolve', { resolution: '已於 3 月 11 日完成地磚修復。' });
    current = await actOk(handlerApi, current, 'close');
    assert.equal(current.state, 'closed');
    assert.equal(current.resolution, '已於 3 月 11 日完成地磚修復。');
    assert.equal(current.deadlineStatus, 'finished');
    assert.deepEqual(
      current.timeline.map((event) => event.kind),
      [
        'created',
        'accept',
        'request_supplement',
        'supplement_received',
        'extension_requested',
        'extension_approved',
        'resolve',
        'close',
      ],
    );
  });

  it('hour-based hazards run on a 24-hour clock through holidays', async () => {
    clock.current = taipei('2026-02-14T22:00:00'); // Saturday night, a holiday
    const response = await clerkApi.post('/api/staff/cases', {
      ...potholeReport(),
    });
    assert.equal(response.statusCode, 201, response.body);
    const opened = response.json() as CaseJson;
    assert.equal(opened.dueAt, taipei('2026-02-15T02:00:00').toISOString());
    const detail = await getCaseDetail(
      subject.database.db,
      (opened as unknown as { id: string }).id,
      clock.now(),
    );
    assert.equal(detail?.row.atRiskAt?.toISOString(), taipei('2026-02-15T01:12:00').toISOString());
  });
});

describe('a typhoon day declared after receipt', () => {
  it('moves the deadline of open cases that run over it, and says so on the timeline', async () => {
    clock.current = taipei('2026-07-06T09:00:00'); // Monday; due Monday 13 July (5 working days)
    const opened = await openByApi(clerkApi);
    assert.equal(opened.expectedCompletionDate, '2026-07-13');
    await upsertCalendarOverride(subject.database.db, {
      date: '2026-07-08',
      isHoliday: true,
      region: '64000',
      reason: '颱風停止上班',
      source: 'cli',
      createdBy: 'test',
    });
    const result = await recomputeOpenDeadlines(subject.database.db, {
      changedDay: '2026-07-08',
      calendarRegion: '64000',
      now: clock.now(),
    });
    assert.ok(result.moved >= 1, JSON.stringify(result));
    const after = await read(handlerApi, opened.caseNumber);
    assert.equal(after.expectedCompletionDate, '2026-07-14');
    const note = after.timeline.at(-1);
    assert.equal(note?.kind, 'note');
    assert.match(note?.publicNote ?? '', /2026-07-14/);
    assert.equal(after.version, opened.version, 'nobody’s open page is made stale by it');
  });
});

describe('transitions and their effects', () => {
  before(() => {
    clock.current = taipei('2026-04-07T09:30:00');
  });

  it('transfer moves the case to the other unit’s queue and onto the timeline; only that unit may act next', async () => {
    let current = await openByApi(clerkApi);
    current = await actOk(handlerApi, await read(handlerApi, current.caseNumber), 'accept');
    current = await actOk(handlerApi, current, 'transfer', {
      targetUnit: 'parks',
      reason: '位於公園內步道，屬公園處管養。',
      internalNote: '已電話告知公園處',
    });
    assert.equal(current.state, 'received');
    assert.equal(current.unitCode, 'parks');
    assert.equal(current.handlerId, null);
    const transfer = current.timeline.at(-1);
    assert.deepEqual(transfer?.data, { fromUnit: 'road-maintenance', toUnit: 'parks' });
    assert.equal(transfer?.internalNote, '已電話告知公園處');
    assert.equal(transfer?.actorLabel, '陳承辦');
    const parksQueue = (await parksApi.get('/api/staff/cases')).json() as { items: { caseNumber: string }[] };
    assert.ok(parksQueue.items.some((item) => item.caseNumber === current.caseNumber));

    const byOldUnit = await act(handlerApi, current, 'accept');
    assert.equal(byOldUnit.statusCode, 403);
    assert.equal((byOldUnit.json() as { errors: { code: string }[] }).errors[0]?.code, 'own_unit');
    current = await actOk(parksApi, current, 'accept');
    assert.equal(current.handlerId, parksHandler.id);
  });

  it('transfer to the same or an unknown unit lists the problem; nothing changes', async () => {
    const current = await openByApi(clerkApi);
    const same = await act(handlerApi, current, 'transfer', { targetUnit: 'road-maintenance', reason: 'x' });
    assert.equal(same.statusCode, 400);
    const unknown = await act(handlerApi, current, 'transfer', { targetUnit: 'no-such-unit' });
    assert.equal(unknown.statusCode, 400);
    assert.deepEqual(
      (unknown.json() as { errors: { field: string; code: string }[] }).errors.map((e) => [e.field, e.code]),
      [
        ['reason', 'required'],
        ['targetUnit', 'unknown'],
      ],
    );
    assert.equal((await read(handlerApi, current.caseNumber)).version, current.version);
  });

  it('forward (移文) closes the case here and records the agency', async () => {
    const current = await openByApi(clerkApi);
    const after = await actOk(handlerApi, current, 'forward', {
      targetAgency: '台灣電力公司高雄區營業處',
      publicNote: '電桿傾斜屬台電管轄，已移請台電處理，聯絡電話 1911。',
    });
    assert.equal(after.state, 'forwarded');
    assert.equal(after.forwardedTo, '台灣電力公司高雄區營業處');
    assert.equal(after.deadlineStatus, 'finished');
    assert.deepEqual(after.availableEvents, []);
  });

  it('reject needs a reason; merge needs an open case to merge into', async () => {
    const first = await openByApi(clerkApi);
    const duplicate = await openByApi(clerkApi);
    const noReason = await act(handlerApi, first, 'reject');
    assert.equal(noReason.statusCode, 400);
    const intoSelf = await act(handlerApi, duplicate, 'merge', { targetCase: duplicate.caseNumber });
    assert.equal(intoSelf.statusCode, 400);
    const intoUnknown = await act(handlerApi, duplicate, 'merge', { targetCase: '1150101-9999' });
    assert.equal((intoUnknown.json() as { errors: { code: string }[] }).errors[0]?.code, 'unknown');
    const merged = await actOk(handlerApi, duplicate, 'merge', { targetCase: first.caseNumber });
    assert.equal(merged.state, 'merged');
    const target = await read(handlerApi, first.caseNumber);
    assert.equal(target.timeline.at(-1)?.data.mergedFrom, duplicate.caseNumber);
    const rejected = await actOk(handlerApi, first, 'reject', { reason: '非本局權管' });
    assert.equal(rejected.state, 'rejected');
    // Into the duplicate: its chain ends in `first`, which is finished now.
    const intoFinished = await act(handlerApi, await openByApi(clerkApi), 'merge', {
      targetCase: duplicate.caseNumber,
    });
    const [problem] = (intoFinished.json() as { errors: { code: string; message: string }[] }).errors;
    assert.equal(problem?.code, 'finished');
    assert.equal(
      problem?.message,
      `案件 ${duplicate.caseNumber} 已併入案件 ${first.caseNumber}，而該案已結束；請選擇仍在處理中的案件。`,
    );
  });

  /**
   * Reopens a finished case: the handler may not (403), the supervisor may; reopening clears the answer and
   * starts the clock again. Returns the reopened case.
   */
  async function reopenedBySupervisor(current: CaseJson, reason: string): Promise<CaseJson> {
    const byHandler = await act(handlerApi, current, 'reopen', { reason });
    assert.equal(byHandler.statusCode, 403);
    const reopened = await actOk(supervisorApi, current, 'reopen', { reason });
    assert.equal(reopened.resolution, null);
    assert.notEqual(reopened.dueAt, null, 'the clock runs again');
    return reopened;
  }

  /** What a handler may do with a field report that waits for a crew (received, or reopened). */
  const fieldReportOpenEvents = ['dispatch', 'forward', 'merge', 'reject', 'transfer'];

  it('withdraw by the counter on the applicant’s behalf; reopen by the supervisor after closing', async () => {
    const withdrawn = await actOk(clerkApi, await openByApi(clerkApi), 'withdraw', {
      publicNote: '申請人臨櫃撤回',
    });
    assert.equal(withdrawn.state, 'withdrawn');

    let current = await openByApi(clerkApi);
    current = await actOk(handlerApi, current, 'accept');
    current = await actOk(handlerApi, current, 'start');
    current = await actOk(handlerApi, current, 'resolve', { resolution: '已修復' });
    current = await actOk(handlerApi, current, 'close');
    current = await reopenedBySupervisor(current, '申請人反映仍有破損');
    assert.equal(current.state, 'in_progress');
  });

  it('a field report: dispatched to a crew, fixed with a note (finished at once), reopened, fixed again and closed', async () => {
    const opened = await openByApi(clerkApi, potholeReport());
    let current = await read(handlerApi, opened.caseNumber);
    assert.equal(current.state, 'received');
    assert.deepEqual(current.availableEvents.toSorted(), fieldReportOpenEvents);
    const accept = await act(handlerApi, current, 'accept');
    assert.equal(accept.statusCode, 409, 'the default workflow’s events do not apply to a field report');
    assert.equal((accept.json() as { code: string }).code, 'INVALID_TRANSITION');

    current = await actOk(handlerApi, current, 'dispatch', { internalNote: '第三維修班' });
    assert.equal(current.state, 'dispatched');
    assert.equal(current.handlerId, handler.id, 'dispatching an unassigned report takes it');
    assert.deepEqual(await refusedFields(handlerApi, current, 'mark_fixed'), ['resolution']);
    current = await actOk(handlerApi, current, 'mark_fixed', { resolution: '已以冷料填補坑洞。' });
    assert.equal(current.state, 'fixed');
    assert.equal(current.resolution, '已以冷料填補坑洞。');
    assert.equal(current.deadlineStatus, 'finished', 'the clock stops when the crew fixes it');
    assert.equal(current.dueAt, null);

    current = await reopenedBySupervisor(current, '通報人反映坑洞仍在');
    assert.equal(current.state, 'reopened');
    assert.deepEqual(current.availableEvents.toSorted(), fieldReportOpenEvents);

    current = await actOk(handlerApi, current, 'dispatch');
    current = await actOk(handlerApi, current, 'mark_fixed', { resolution: '已刨除重鋪。' });
    current = await actOk(handlerApi, current, 'close');
    assert.equal(current.state, 'closed');
    assert.equal(current.resolution, '已刨除重鋪。');
    assert.deepEqual(
      current.timeline.map((event) => event.kind),
      ['created', 'dispatch', 'mark_fixed', 'reopen', 'dispatch', 'mark_fixed', 'close'],
    );
  });

  it('two staff acting at once: one wins, the other gets a conflict naming who acted, nothing is lost', async () => {
    const opened = await openByApi(clerkApi);
    const seen = await read(handlerApi, opened.caseNumber);
    const [first, second] = await Promise.all([
      act(handlerApi, seen, 'accept', { internalNote: 'A' }),
      act(supervisorApi, seen, 'reject', { reason: '重複' }),
    ]);
    const statuses = [first.statusCode, second.statusCode].sort();
    assert.deepEqual(statuses, [200, 409]);
    const loser = first.statusCode === 409 ? first : second;
    const winnerName = first.statusCode === 409 ? '林主管' : '陳承辦';
    const message = (loser.json() as { code: string; message: string }).message;
    assert.equal((loser.json() as { code: string }).code, 'CONFLICT');
    assert.ok(message.includes(winnerName), message);
    const after = await read(handlerApi, opened.caseNumber);
    assert.equal(after.version, seen.version + 1);
    assert.equal(after.timeline.length, 2, 'exactly one event was written');

    // Acting on an old version later is refused the same way.
    const stale = await act(handlerApi, seen, 'accept');
    assert.equal(stale.statusCode, 409);
  });

  it('supervisors assign in bulk within their unit; handlers cannot', async () => {
    const a = await openByApi(clerkApi);
    const b = await openByApi(clerkApi);
    const denied = await handlerApi.post('/api/staff/case-assignments', {
      caseNumbers: [a.caseNumber],
      handlerId: handler.id,
    });
    assert.equal(denied.statusCode, 403);
    const otherUnit = await supervisorApi.post('/api/staff/case-assignments', {
      caseNumbers: [a.caseNumber],
      handlerId: parksHandler.id,
    });
    assert.equal(otherUnit.statusCode, 400);
    const assigned = await supervisorApi.post('/api/staff/case-assignments', {
      caseNumbers: [a.caseNumber, b.caseNumber],
      handlerId: handler.id,
    });
    assert.equal(assigned.statusCode, 200, assigned.body);
    assert.deepEqual(assigned.json(), { assigned: 2 });
    const mine = (await handlerApi.get('/api/staff/cases?scope=mine')).json() as {
      items: { caseNumber: string }[];
    };
    const numbers = mine.items.map((item) => item.caseNumber);
    assert.ok(numbers.includes(a.caseNumber) && numbers.includes(b.caseNumber));
    assert.equal((await read(handlerApi, a.caseNumber)).timeline.at(-1)?.kind, 'assigned');
  });

  it('routing rules send a service in a district to another unit', async () => {
    const district = (
      await subject.database.pool.query<{ code: string }>(
        `select code from districts where name_zh = '旗山區'`,
      )
    ).rows[0]?.code;
    assert.ok(district);
    await setRoutingRule(
      subject.database.db,
      { serviceCode: 'road-maintenance-petition', districtCode: district, unitCode: 'parks', note: 'test' },
      systemActor,
      clock.now(),
    );
    const routed = await openByApi(clerkApi, { districtCode: district });
    assert.equal(routed.unitCode, 'parks');
    const elsewhere = await openByApi(clerkApi);
    assert.equal(elsewhere.unitCode, 'road-maintenance');
  });

  it('a case keeps the service version it was opened under; a new version applies to new cases only', async () => {
    const before = await openByApi(clerkApi);
    const current = await getService(subject.database.db, { code: 'road-maintenance-petition' });
    assert.ok(current);
    const published = await publishServiceVersion(subject.database.db, {
      definition: { ...definitionOfService(current), deadline: { kind: 'working_days', days: 10 } },
      actor: systemActor,
      now: clock.now(),
    });
    const after = await openByApi(clerkApi);
    const first = await getCaseDetail(
      subject.database.db,
      (before as unknown as { id: string }).id,
      clock.now(),
    );
    const second = await getCaseDetail(
      subject.database.db,
      (after as unknown as { id: string }).id,
      clock.now(),
    );
    assert.equal(first?.row.serviceVersion, published.version - 1);
    assert.deepEqual(first?.row.deadlineRule, { kind: 'working_days', days: 5 });
    assert.equal(second?.row.serviceVersion, published.version);
    assert.deepEqual(second?.row.deadlineRule, { kind: 'working_days', days: 10 });
    assert.notEqual(before.expectedCompletionDate, after.expectedCompletionDate);
  });

  it('an intake with many mistakes lists them all and writes nothing', async () => {
    const before = (await subject.database.pool.query<{ n: number }>('select count(*)::int as n from cases'))
      .rows[0]?.n;
    const response = await clerkApi.post('/api/staff/cases', {
      ...sidewalkPetition(),
      applicantName: '  ',
      applicantPhone: '12',
      applicantEmail: 'not-an-email',
      consent: false,
      description: '',
      formData: { 'place-kind': 'moon' },
      address: '',
      districtCode: '99999',
    });
    assert.equal(response.statusCode, 400);
    const fields = problemFields(response);
    for (const field of [
      'applicantName',
      'applicantPhone',
      'applicantEmail',
      'consent',
      'description',
      'districtCode',
      'formData.place-kind',
    ]) {
      assert.ok(fields.includes(field), `${field} in ${fields.join(', ')}`);
    }
    const afterCount = (
      await subject.database.pool.query<{ n: number }>('select count(*)::int as n from cases')
    ).rows[0]?.n;
    assert.equal(afterCount, before);
  });

  it('staff look-up by phone is audited; a web editor cannot read cases', async () => {
    const opened = await openByApi(clerkApi, { applicantPhone: '0933-111-222' });
    const found = await clerkApi.get('/api/staff/case-lookup?phone=0933111222');
    assert.equal(found.statusCode, 200);
    assert.ok(
      (found.json() as { items: { caseNumber: string }[] }).items.some(
        (i) => i.caseNumber === opened.caseNumber,
      ),
    );
    const audit = await subject.database.pool.query<{ details: { by: string[]; matched: string[] } }>(
      `select details from audit_log where action = 'case.lookup' and actor_staff_id = $1 order by id desc limit 1`,
      [clerk.id],
    );
    assert.deepEqual(audit.rows[0]?.details.by, ['phone']);
    assert.ok(
      !JSON.stringify(audit.rows[0]?.details).includes('0933111222'),
      'no phone number in the audit details',
    );
    const editor = await aStaffMember(subject.database.db, { role: 'web_editor' });
    const editorApi = await staffApi(subject.app, editor, clock);
    assert.equal((await editorApi.get(`/api/staff/cases/${opened.caseNumber}`)).statusCode, 403);
    const anonymous = await subject.app.inject({
      method: 'GET',
      url: `/api/staff/cases/${opened.caseNumber}`,
    });
    assert.equal(anonymous.statusCode, 401);
  });

  it('the opening staff member is only a service detail: a case opened via the service has the same shape', async () => {
    const row = await openCase(testCasesContext(subject), sidewalkPetition(), caseActorOf(clerk));
    assert.equal(row.state, 'received');
    assert.equal(row.consentAt.toISOString(), clock.now().toISOString());
  });
});

describe('the staff case API in the OpenAPI document', () => {
  it('lists every case endpoint under the cases tag', async () => {
    const document = (await subject.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    const expected: [string, string][] = [
      ['/api/staff/cases', 'post'],
      ['/api/staff/cases', 'get'],
      ['/api/staff/cases/{caseNumber}', 'get'],
      ['/api/staff/cases/{caseNumber}/events', 'post'],
      ['/api/staff/case-assignments', 'post'],
      ['/api/staff/cases/{caseNumber}/extensions', 'post'],
      ['/api/staff/cases/{caseNumber}/extensions/{extensionId}/decision', 'post'],
      ['/api/staff/case-lookup', 'get'],
    ];
    for (const [path, method] of expected) {
      assert.deepEqual(document.paths[path]?.[method]?.tags, ['cases'], `${method.toUpperCase()} ${path}`);
    }
  });
});
