/**
 * Merges of more than one level (cases/core/merge-chain.ts) as the photo reports live them: a chain
 * D → A → B → C, a merge asked into A that goes to C, the cycle and self refusals in the user's language
 * with nothing written, and — when C is fixed — one "fixed" e-mail per address, in its own language, to the
 * reporters and followers of every report of the chain (over the real SMTP test server).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { testCasesContext } from '../../../test/helpers/cases-context.ts';
import { decode, mainOf } from '../../../test/helpers/html.ts';
import { withEmailDelivery } from '../../../test/helpers/notification-delivery.ts';
import { buildTestApp } from '../../../test/helpers/test-app.ts';
import { waitUntil } from '../../../test/helpers/wait-until.ts';
import { aStaffMember, csrfTokenIn, signIn } from '../../platform/auth/auth-test-support.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { noisyJpeg } from '../../platform/images/photo-test-support.ts';
import { type CaseRow, cases, caseTimeline, type StaffCaseActor, transitionCase } from '../cases/index.ts';
import { markReportFixed } from './report-fix.ts';
import { submitReport } from './report-intake.ts';
import { followReport } from './report-queries.ts';
import { fieldReports } from './reports-schema.ts';

const { app: subject, smtp } = await withEmailDelivery((environment) => buildTestApp({ environment }));
const { db } = subject.database;
after(async () => {
  await subject.app.close();
});

let photoCount = 0;
async function aPhoto() {
  photoCount += 1;
  const stored = await subject.files.put(await noisyJpeg(500 + photoCount, 375));
  return { ...stored, mediaType: 'image/jpeg', fileName: `IMG_${photoCount}.jpg` };
}

/** A pothole report by `email`, who reads `lang`, published as its confirmation link would. */
async function aReport(email: string, lang: 'zh-TW' | 'en'): Promise<CaseRow> {
  const submitted = await submitReport(
    testCasesContext(subject, lang),
    subject.files,
    {
      serviceCode: 'pothole-report',
      latitude: 22.6203,
      longitude: 120.312,
      address: '四維三路 2 號前',
      description: '機車道有坑洞。',
      formData: { size: 'medium' },
      email,
      showName: false,
      lang,
      channel: 'web',
    },
    [await aPhoto()],
  );
  await db
    .update(fieldReports)
    .set({ publishedAt: subject.clock.now(), confirmTokenHash: null })
    .where(eq(fieldReports.caseId, submitted.row.id));
  return submitted.row;
}

const member = await aStaffMember(db, { role: 'handler', unitCode: 'road-maintenance' });
const crew: StaffCaseActor = {
  kind: 'staff',
  id: member.id,
  displayName: member.displayName,
  email: member.email,
  role: 'handler',
  unitCode: member.unitCode,
};

const rowOf = async (id: string) => {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  assert.ok(row);
  return row;
};

/** Merges `report` into the report numbered `into`, as the handler working in `lang`. */
async function merge(report: CaseRow, into: string, lang: 'zh-TW' | 'en' = 'zh-TW'): Promise<CaseRow> {
  const current = await rowOf(report.id);
  return transitionCase(
    testCasesContext(subject, lang),
    { caseId: report.id, expectedVersion: current.version, event: 'merge', input: { targetCase: into } },
    crew,
  );
}

/** The one problem a refused merge names. */
async function refusal(report: CaseRow, into: string, lang: 'zh-TW' | 'en') {
  const error = await merge(report, into, lang).then(
    () => assert.fail(`merging ${report.caseNumber} into ${into} was refused`),
    (thrown: unknown) => thrown,
  );
  assert.ok(error instanceof DomainError);
  assert.equal(error.code, 'VALIDATION_FAILED');
  assert.equal(error.problems.length, 1);
  return error.problems[0];
}

async function follow(report: CaseRow, email: string, lang: 'zh-TW' | 'en') {
  assert.ok(await followReport(db, report.caseNumber, { email, lang }, subject.clock.now()));
}

async function timelineOf(caseId: string) {
  return db.select().from(caseTimeline).where(eq(caseTimeline.caseId, caseId)).orderBy(caseTimeline.id);
}

/** The "fixed" e-mails the SMTP server received, by address, once `count` have arrived (up to 10 s). */
async function fixedMail(count: number): Promise<Map<string, string[]>> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = smtp.messages.filter((message) => /已修復|is fixed/.test(message.subject));
    if (found.length >= count) {
      const byAddress = new Map<string, string[]>();
      for (const message of found)
        for (const to of message.envelopeTo)
          byAddress.set(to, [...(byAddress.get(to) ?? []), message.subject]);
      return byAddress;
    }
    if (Date.now() > deadline) assert.fail(`expected ${count} "fixed" message(s), got ${found.length}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('merges of more than one level', () => {
  it('a chain D → A → B → C: /reports and /track of D point to C, a merge asked into A goes to C, and when C is fixed every reporter and follower is told once, in their own language', async () => {
    const c = await aReport('chain-c@example.tw', 'zh-TW');
    const b = await aReport('chain-b@example.tw', 'en');
    const a = await aReport('chain-a@example.tw', 'zh-TW');
    const d = await aReport('chain-d@example.tw', 'en');
    const e = await aReport('chain-e@example.tw', 'zh-TW');
    // Followers: one of D in English (who also follows C), one of B; A's reporter also follows B.
    await follow(d, 'chain-follower-1@example.tw', 'en');
    await follow(c, 'chain-follower-1@example.tw', 'en');
    await follow(b, 'chain-follower-2@example.tw', 'zh-TW');
    await follow(b, 'chain-a@example.tw', 'zh-TW');

    // Each merge into a report still open; then the chain grows from below: D → A → B → C.
    await merge(d, a.caseNumber);
    await merge(a, b.caseNumber);
    await merge(b, c.caseNumber);
    assert.deepEqual(
      [(await rowOf(d.id)).mergedIntoId, (await rowOf(a.id)).mergedIntoId, (await rowOf(b.id)).mergedIntoId],
      [a.id, b.id, c.id],
    );

    // Asked into A (merged, its chain ends in C): E goes into C, and both timelines say how.
    const merged = await merge(e, a.caseNumber);
    assert.equal(merged.state, 'merged');
    assert.equal(merged.mergedIntoId, c.id);
    const eMerge = (await timelineOf(e.id)).find((entry) => entry.kind === 'merge');
    assert.deepEqual(eMerge?.data, { mergedInto: c.caseNumber, mergedVia: a.caseNumber });
    const cNote = (await timelineOf(c.id)).at(-1);
    assert.deepEqual(cNote?.data, { mergedFrom: e.caseNumber, mergedVia: a.caseNumber });
    assert.equal(cNote?.internalNote, `併案：${e.caseNumber}（經 ${a.caseNumber}）`);

    // D's public page and its /track (page and API) name C, the report everyone follows.
    const page = await subject.app.inject({ method: 'GET', url: `/en/reports/${d.caseNumber}` });
    assert.equal(page.statusCode, 200);
    assert.match(
      decode(mainOf(page.body)),
      new RegExp(`href="/en/reports/${c.caseNumber}">This is the same problem as report ${c.caseNumber}`),
    );
    const track = await subject.app.inject({
      method: 'GET',
      url: `/en/track?case=${d.caseNumber}&code=${encodeURIComponent(d.lookupCode)}`,
    });
    assert.equal(track.statusCode, 200);
    assert.match(
      decode(mainOf(track.body)),
      new RegExp(
        `data-merged-into="${c.caseNumber}">This is the same problem as case ${c.caseNumber} and is handled with it; that case is now: Received.`,
      ),
    );
    const api = await subject.app.inject({
      method: 'POST',
      url: '/api/track',
      payload: { caseNumber: d.caseNumber, lookupCode: d.lookupCode, lang: 'zh-TW' },
    });
    assert.equal(api.statusCode, 200);
    assert.deepEqual((api.json() as { mergedInto: unknown }).mergedInto, {
      caseNumber: c.caseNumber,
      stateLabel: '已收件',
    });

    // C is fixed: everyone of the chain is told, each address once, in its own language.
    const dispatched = await transitionCase(
      testCasesContext(subject),
      { caseId: c.id, expectedVersion: (await rowOf(c.id)).version, event: 'dispatch', input: {} },
      crew,
    );
    await markReportFixed(testCasesContext(subject), subject.files, crew, {
      caseId: c.id,
      version: dispatched.version,
      resolution: '已修補。',
      photos: [await aPhoto()],
    });
    const expected: Record<string, 'zh-TW' | 'en'> = {
      'chain-c@example.tw': 'zh-TW',
      'chain-b@example.tw': 'en',
      'chain-a@example.tw': 'zh-TW',
      'chain-d@example.tw': 'en',
      'chain-e@example.tw': 'zh-TW',
      'chain-follower-1@example.tw': 'en',
      'chain-follower-2@example.tw': 'zh-TW',
    };
    // The outbox (notifications module's table, read-only here): one row per address.
    const deliveries = await db.execute<{ recipient: string; lang: string }>(
      sql`select recipient, lang from notification_deliveries where topic = 'report.fixed' and subject_id = ${c.id}`,
    );
    assert.deepEqual(
      deliveries.rows.map((delivery) => [delivery.recipient, delivery.lang]).toSorted(),
      Object.entries(expected).toSorted(),
    );
    const mail = await fixedMail(Object.keys(expected).length);
    for (const [address, lang] of Object.entries(expected)) {
      const subjects = mail.get(address) ?? [];
      assert.equal(subjects.length, 1, `${address} is told once`);
      assert.match(subjects[0] ?? '', lang === 'en' ? /is fixed/ : /已修復/, `${address} in ${lang}`);
    }
    // D's reporter (three levels down) is sent to their own case's tracking page.
    const toD = smtp.messages.find(
      (message) => message.envelopeTo.includes('chain-d@example.tw') && /is fixed/.test(message.subject),
    );
    assert.match(toD?.text ?? '', /was the same problem as another report/);
    assert.match(toD?.text ?? '', new RegExp(`case=${d.caseNumber}`));
  });

  it('refuses, in the user’s language and writing nothing: a merge into itself, into a report merged into it (at any depth), and into a chain that ends in a finished report', async () => {
    const top = await aReport('cycle-top@example.tw', 'zh-TW');
    const middle = await aReport('cycle-middle@example.tw', 'zh-TW');
    const bottom = await aReport('cycle-bottom@example.tw', 'zh-TW');
    await merge(bottom, middle.caseNumber);
    await merge(middle, top.caseNumber);
    const before = await rowOf(top.id);
    const timelineBefore = (await timelineOf(top.id)).length;

    assert.deepEqual(await refusal(top, bottom.caseNumber, 'zh-TW'), {
      field: 'targetCase',
      code: 'cycle',
      message: `案件 ${bottom.caseNumber} 已併入本案，本案不能再併入該案。`,
    });
    assert.deepEqual(await refusal(top, middle.caseNumber, 'en'), {
      field: 'targetCase',
      code: 'cycle',
      message: `Case ${middle.caseNumber} has been merged into this case, so this case cannot be merged into it.`,
    });
    assert.deepEqual(await refusal(top, top.caseNumber, 'en'), {
      field: 'targetCase',
      code: 'self',
      message: 'A case cannot be merged into itself.',
    });
    // Nothing written: the same state, version and timeline, no chain through it.
    const after = await rowOf(top.id);
    assert.deepEqual(
      [after.state, after.version, after.mergedIntoId, after.closedAt],
      [before.state, before.version, null, null],
    );
    assert.equal((await timelineOf(top.id)).length, timelineBefore);
    const cycles = await db.execute<{ count: number }>(
      sql`select count(*)::int as count from cases where merged_into_id = ${bottom.id}`,
    );
    assert.equal(cycles.rows[0]?.count, 0);

    // The chain ends in a report that is finished (withdrawn): refused, naming both numbers.
    const other = await aReport('cycle-other@example.tw', 'en');
    await transitionCase(
      testCasesContext(subject),
      { caseId: top.id, expectedVersion: before.version, event: 'reject', input: { reason: '非本局權管' } },
      crew,
    );
    assert.deepEqual(await refusal(other, bottom.caseNumber, 'en'), {
      field: 'targetCase',
      code: 'finished',
      message: `Case ${bottom.caseNumber} was merged into case ${top.caseNumber}, which is finished; choose a case that is still open.`,
    });
    assert.equal((await rowOf(other.id)).state, 'received');
  });

  it('two reports merged into each other at the same moment: one merge is made, the other refused in words, and no cycle', async () => {
    const left = await aReport('race-left@example.tw', 'zh-TW');
    const right = await aReport('race-right@example.tw', 'zh-TW');
    const outcomes = await Promise.allSettled([
      merge(left, right.caseNumber, 'en'),
      merge(right, left.caseNumber, 'en'),
    ]);
    assert.deepEqual(outcomes.map((outcome) => outcome.status).toSorted(), ['fulfilled', 'rejected']);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected');
    const error: unknown = refused?.status === 'rejected' ? refused.reason : null;
    assert.ok(error instanceof DomainError);
    // Waited for the other (then its chain ends here: a cycle), or ended by PostgreSQL as a deadlock.
    const words =
      error.code === 'CONFLICT'
        ? error.message
        : error.problems.map((problem) => `${problem.code}: ${problem.message}`).join();
    assert.match(
      words,
      /^(The case to merge into was being merged at the same moment; nothing was merged\. Reload the case and try again\.|cycle: Case \d{7}-\d{4} has been merged into this case, so this case cannot be merged into it\.)$/,
    );
    const [l, r] = [await rowOf(left.id), await rowOf(right.id)];
    assert.deepEqual(
      [l.mergedIntoId === right.id, r.mergedIntoId === left.id].toSorted(),
      [false, true],
      'exactly one went into the other',
    );
    assert.deepEqual([l.state, r.state].toSorted(), ['merged', 'received']);
  });

  it('on the staff case page a handler merges a duplicate into the first report; when the first is fixed, the duplicate’s reporter is told with its after-photo', async () => {
    const first = await aReport('merge-page-first@example.tw', 'zh-TW');
    const duplicate = await aReport('merge-page-second@example.tw', 'en');
    const handler = await signIn(subject.app, member, subject.clock);
    const page = await handler.get(`/staff/cases/${duplicate.caseNumber}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`action="/staff/cases/${duplicate.caseNumber}/events/merge"`));
    const merged = await handler.post(`/staff/cases/${duplicate.caseNumber}/events/merge`, {
      _csrf: csrfTokenIn(page.body),
      version: String(duplicate.version),
      targetCase: first.caseNumber,
      internalNote: '同一個坑洞，8 公尺內。',
    });
    assert.equal(merged.statusCode, 303, merged.body.slice(0, 300));
    assert.equal((await rowOf(duplicate.id)).state, 'merged');
    const [mergeEvent] = (await timelineOf(duplicate.id)).filter((event) => event.kind === 'merge');
    assert.equal(mergeEvent?.internalNote, '同一個坑洞，8 公尺內。');

    const dispatched = await transitionCase(
      testCasesContext(subject),
      { caseId: first.id, expectedVersion: (await rowOf(first.id)).version, event: 'dispatch', input: {} },
      crew,
    );
    await markReportFixed(testCasesContext(subject), subject.files, crew, {
      caseId: first.id,
      version: dispatched.version,
      resolution: '已以熱拌瀝青修補。',
      photos: [await aPhoto()],
    });
    const [told] = await waitUntil(
      async () =>
        smtp.messages.filter(
          (message) =>
            message.envelopeTo.includes('merge-page-second@example.tw') && /is fixed/.test(message.subject),
        ),
      (messages) => messages.length >= 1,
      { what: 'the duplicate’s reporter told', timeoutMs: 10_000 },
    );
    assert.ok(told);
    assert.match(told.subject, /^The problem you reported is fixed/);
    assert.equal(told.attachments.length, 1);
    assert.equal(told.attachments[0]?.mediaType, 'image/jpeg');
  });
});
