import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { getPlan } from '../../src/modules/control/plans/plan-reads.ts';
import {
  requestProgressReminderScan,
  startProgressReminderWorker,
} from '../../src/modules/control/progress/progress-reminders.ts';
import { carriedPractices, getWorkPlan } from '../../src/modules/control/work-plans/work-plan-reads.ts';
import { aStaffMember, type TestStaffMember } from '../../src/platform/auth/auth-test-support.ts';
import { element, odfText, readOdfPackage } from '../../src/platform/documents/documents-test-support.ts';
import { ODT_MEDIA_TYPE } from '../../src/platform/documents/odt.ts';
import { samplePng } from '../../src/platform/uploads/upload-test-support.ts';
import { browserOrSkip, expectNoAxeViolations } from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';
import { withEmailDelivery } from '../helpers/notification-delivery.ts';
import type { ReceivedMessage } from '../helpers/smtp-server.ts';
import { waitUntil } from '../helpers/wait-until.ts';

/**
 * The journey of issue 4 §7 (管制查考), end to end through the real pages in Chromium: the secretariat
 * copies the 2012 plan to 2026 and publishes it; a road-maintenance editor drafts the unit's work plan
 * with two quantified methods and submits it; the unit head approves; the secretariat returns it with two
 * comments, the editor reads them, fixes a target and submits again, the head approves and the
 * secretariat accepts; the editor reports progress with a photo and a measured value; the reminder scan
 * (the job the app's housekeeping requests) e-mails the unit about the missing January report through an
 * in-process SMTP server; the secretariat writes the unit's annual report and downloads the .odt, a valid
 * ODF package holding the unit's practices and methods.
 *
 * Every step runs under the Content-Security-Policy (no violation may show in the console). axe-core is
 * injected as an inline script, which the policy rightly blocks, so each person has a second context that
 * bypasses it, signed in with the same session: every page state of the journey (each is a GET after a
 * redirect) is opened there again and checked for WCAG 2.1 A/AA violations.
 *
 * The steps share the state: each `it` is one step, in order.
 */

// The default test clock: Monday 2 March 2026, 10:00 in Taipei.
const { app: server, smtp } = await withEmailDelivery((environment) =>
  startBrowserTestServer({ environment: { ...environment, RATE_LIMIT_PER_MINUTE: '10000' } }),
);
const db = server.database.db;

const year = 2026;
const unit = 'road-maintenance';
const unitName = '道路養護工程處';
const workPlanPath = `/staff/work-plans/${year}/${unit}`;
const reportPath = `/staff/reports/${year}/${unit}`;

const methods = [
  {
    focus: '縮短道路坑洞修補時間',
    method: '坑洞通報後由巡查班即時派工修補，每週檢討未結案件',
    target: {
      indicator: '坑洞修補平均完成天數',
      unitOfMeasure: '天',
      baseline: '5',
      target: '3',
      measurement: '派工系統每月統計通報至完工日數',
    },
  },
  {
    focus: '提高道路巡查涵蓋率',
    method: '依路段分級排定巡查路線，巡查紀錄上傳行動巡查系統',
    target: {
      indicator: '道路巡查里程達成率',
      unitOfMeasure: '%',
      baseline: '80',
      target: '95',
      measurement: '行動巡查系統每月里程報表',
    },
  },
] as const;
/** The first method's target after the secretariat's comment. */
const raisedTarget = '2';
const planComment = '請在備註說明兩項指標的基準值來源。';
const methodComment = '平均完成天數的目標可再提高，請改為 2 天。';
const progressNarrative = '2 月份坑洞通報 412 件，平均 2.5 天完成修補。';
const measuredValue = '2.5';
const photoName = 'pothole-repair.png';
const reportNarrative = '本年度坑洞修補平均天數由 5 天降為 2.5 天，已達成目標。';

/** What the steps pass on. */
const journey: {
  practices: { id: string; ref: string; text: string }[];
  secretariat?: Person;
  editor?: Person;
  head?: Person;
} = { practices: [] };
/** Every Content-Security-Policy message seen on the journey's pages (which do not bypass it). */
const policyViolations: string[] = [];

interface Person {
  member: TestStaffMember;
  /** The journey's page, under the Content-Security-Policy. */
  page: Page;
  /** The same session in a context that bypasses the policy, for axe. */
  audit: Page;
}

/** A URL of the test server, matched exactly (query included). */
function exactly(path: string): RegExp {
  return new RegExp(`^${`${server.baseUrl}${path}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** Signs `member` in with the sign-in form (under the policy) and opens the axe context with the session. */
async function signIn(browser: Browser, member: TestStaffMember, path: string): Promise<Person> {
  const page = await server.staffPage(browser, member, path, { policyViolations });
  const audit = await server.newAxePage(browser);
  await audit.context().addCookies(await page.context().cookies());
  return { member, page, audit };
}

/** axe on the page the person is looking at, opened again in the context that bypasses the policy. */
async function checkAxe(person: Person, what: string): Promise<void> {
  const response = await person.audit.goto(person.page.url());
  assert.equal(response?.status(), 200, `${what}: ${person.page.url()}`);
  assert.equal(
    await person.audit.locator('h1').textContent(),
    await person.page.locator('h1').textContent(),
    `${what}: the same page`,
  );
  await expectNoAxeViolations(person.audit, what);
}

function person(key: 'secretariat' | 'editor' | 'head'): Person {
  const found = journey[key];
  assert.ok(found, `an earlier step signed the ${key} in`);
  return found;
}

async function mainText(page: Page): Promise<string> {
  return ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
}

async function workPlanState(page: Page): Promise<string | null> {
  return page.locator('#work-plan-state').getAttribute('data-state');
}

/** Clicks one of the work plan's action buttons (submit, approve, accept, return…) and waits for the result. */
async function workPlanAction(page: Page, action: string): Promise<void> {
  await page.click(`main form[action="${workPlanPath}/${action}"] button[type="submit"]`);
  await page.waitForURL(exactly(`${workPlanPath}?done=${action}`));
  await page.waitForSelector('#work-plan-state');
}

/** Fills the method form (`/rows/new` or `/rows/:id`) with one method and its one quantified target. */
interface MethodInput {
  focus: string;
  method: string;
  target: Record<'indicator' | 'unitOfMeasure' | 'baseline' | 'target' | 'measurement', string>;
}

async function fillMethod(page: Page, method: MethodInput, practiceId: string): Promise<void> {
  await page.fill('#itemText', '一、提升服務品質，深化服務績效');
  await page.fill('#focusText', method.focus);
  await page.fill('#methodText', method.method);
  await page.check(`input[name="practiceIds"][value="${practiceId}"]`);
  for (const [part, value] of Object.entries(method.target)) await page.fill(`#target-1-${part}`, value);
}

describe('the management-control journey in a browser (issue 4 §7)', () => {
  it('1. the secretariat copies the 2012 plan to 2026 and publishes it', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    // The sign-in page, the first page of the journey.
    const signInPage = await server.newAxePage(browser);
    await signInPage.goto(`${server.baseUrl}/staff/sign-in?return=${encodeURIComponent('/staff/plans')}`);
    await expectNoAxeViolations(signInPage, 'the staff sign-in page');

    const secretariat = await signIn(
      browser,
      await aStaffMember(db, { role: 'secretariat', displayName: '秘書室 林管考' }),
      '/staff/plans',
    );
    journey.secretariat = secretariat;
    const { page } = secretariat;
    assert.equal(
      await page.locator('tr[data-plan-year="2012"] .govuk-tag').textContent(),
      '已發布',
      'the seeded 2012 plan is published',
    );
    assert.equal(await page.locator('tr[data-plan-year="2026"]').count(), 0);
    await checkAxe(secretariat, 'the list of plans');

    await page.selectOption('#fromYear', '2012');
    await page.fill('#toYear', String(year));
    await page.click('main form[action="/staff/plans/copy"] button[type="submit"]');
    await page.waitForURL(exactly(`/staff/plans/${year}?copied=1`));
    const draft = await getPlan(db, year);
    assert.equal(draft?.status, 'draft');
    assert.ok(draft.title.includes('115'), `the title's year moved to 民國115年: ${draft.title}`);
    assert.equal(await page.locator('h1').textContent(), draft.title);
    assert.equal(await page.locator('main .govuk-summary-list .govuk-tag').textContent(), '草稿');
    assert.match(await mainText(page), /已建立 2026 年（民國 115 年）的計畫草稿。/);
    assert.match(await mainText(page), /推動作法的完成期限已順延 14 年/);
    await checkAxe(secretariat, 'the copied draft’s overview');

    await page.click(`main form[action="/staff/plans/${year}/publish"] button[type="submit"]`);
    await page.waitForURL(exactly(`/staff/plans/${year}?published=1`));
    assert.equal(await page.locator('main .govuk-summary-list .govuk-tag').textContent(), '已發布');
    assert.match(await mainText(page), /計畫已發布（第 1 版）。/);
    assert.equal((await getPlan(db, year))?.publishedVersion, 1);
    await checkAxe(secretariat, 'the published plan’s overview');

    // The public page it now has.
    await page.click(`main a[href="/plans/${year}"]`);
    await page.waitForURL(exactly(`/plans/${year}`));
    assert.equal(await page.locator('h1').textContent(), draft.title);
    await checkAxe(secretariat, 'the public page of the 2026 plan');
    assert.deepEqual(policyViolations, []);
  });

  it('2. a road-maintenance editor drafts the work plan with two quantified methods and submits it', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const carried = await carriedPractices(db, year, unit);
    assert.ok(carried && carried.carried.length >= 2, 'the unit carries practices of the 2026 plan');
    journey.practices = carried.carried.slice(0, 2);
    const [first, second] = journey.practices;
    assert.ok(first && second);

    const editor = await signIn(
      browser,
      await aStaffMember(db, { role: 'unit_editor', unitCode: unit, displayName: '道養 陳填報' }),
      `/staff/work-plans?year=${year}`,
    );
    journey.editor = editor;
    const { page } = editor;
    await checkAxe(editor, 'the work plans of 2026, before the unit starts one');
    await page.click(`main form[action="/staff/work-plans/${year}"] button[type="submit"]`);
    await page.waitForURL(exactly(workPlanPath));
    assert.equal(await workPlanState(page), 'draft');
    assert.equal(await page.locator('#work-plan-state').textContent(), '草稿');
    assert.equal(await page.locator('main .ow-workplan-row').count(), 0);
    await checkAxe(editor, 'the new, empty draft');

    for (const [index, method] of methods.entries()) {
      const practice = journey.practices[index];
      assert.ok(practice);
      await page.click(`main a[href="${workPlanPath}/rows/new"]`);
      await page.waitForURL(exactly(`${workPlanPath}/rows/new`));
      // The practices the unit carries are offered, labelled with their number and text.
      const label = await page
        .locator(
          `label[for="${await page
            .locator(`input[name="practiceIds"][value="${practice.id}"]`)
            .getAttribute('id')}"]`,
        )
        .textContent();
      assert.equal(label?.trim(), `${practice.ref} ${practice.text}`);
      if (index === 0) {
        await checkAxe(editor, 'the new method form');
        // First without an indicator and with a target in words: both problems are listed at once. The
        // refused form is a POST's answer, so the axe context sends the same form to see it.
        const refused = async (on: Page) => {
          await fillMethod(
            on,
            { ...method, target: { ...method.target, indicator: '', target: '三天' } },
            practice.id,
          );
          await on.click(`main form[action="${workPlanPath}/rows/new"] button[type="submit"]`);
          await on.waitForSelector('.govuk-error-summary');
        };
        await refused(page);
        assert.deepEqual(await page.locator('.govuk-error-summary__list a').allTextContents(), [
          '目標 1：請填寫指標。',
          '目標 1：目標值請填數字，例如 95。',
        ]);
        assert.match(await page.title(), /^錯誤：/);
        assert.equal(await page.inputValue('#methodText'), method.method, 'what was typed is kept');
        await editor.audit.goto(page.url());
        await refused(editor.audit);
        await expectNoAxeViolations(editor.audit, 'the method form with its problems');
        assert.equal((await getWorkPlan(db, year, unit))?.rows.length, 0, 'nothing was saved');
      }
      await fillMethod(page, method, practice.id);
      await page.click(`main form[action="${workPlanPath}/rows/new"] button[type="submit"]`);
      await page.waitForURL(exactly(`${workPlanPath}?done=saved`));
      assert.equal(await page.locator('main .ow-workplan-row').count(), index + 1);
      await checkAxe(editor, `the draft with ${index + 1} method(s)`);
    }
    const rows = page.locator('main .ow-workplan-row');
    for (const [index, method] of methods.entries()) {
      const row = (await rows.nth(index).textContent()) ?? '';
      assert.ok(row.includes(method.method), `row ${index + 1} shows its method`);
      assert.ok(row.includes(method.target.indicator), `row ${index + 1} shows its indicator`);
      assert.ok(row.includes(journey.practices[index]?.ref ?? '?'), `row ${index + 1} names its practice`);
    }
    assert.equal(await page.locator('main .ow-workplan-target').count(), 2);

    await workPlanAction(page, 'submit');
    assert.equal(await workPlanState(page), 'submitted');
    assert.equal(await page.locator('#work-plan-state').textContent(), '已送單位主管');
    assert.equal(await page.locator(`main a[href="${workPlanPath}/rows/new"]`).count(), 0, 'no more edits');
    await checkAxe(editor, 'the submitted work plan, as its editor sees it');

    const saved = await getWorkPlan(db, year, unit);
    assert.deepEqual(
      saved?.rows.map((row) => [
        row.methodText,
        row.practiceIds,
        row.targets.map((target) => [
          target.indicator,
          target.unitOfMeasure,
          target.baseline,
          target.target,
          target.measurement,
        ]),
      ]),
      methods.map((method, index) => [
        method.method,
        [journey.practices[index]?.id],
        [
          [
            method.target.indicator,
            method.target.unitOfMeasure,
            Number(method.target.baseline),
            Number(method.target.target),
            method.target.measurement,
          ],
        ],
      ]),
    );
    assert.deepEqual(policyViolations, []);
  });

  it('3. the unit head approves it', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const head = await signIn(
      browser,
      await aStaffMember(db, { role: 'unit_head', unitCode: unit, displayName: '道養 黃處長' }),
      workPlanPath,
    );
    journey.head = head;
    const { page } = head;
    assert.equal(await workPlanState(page), 'submitted');
    assert.equal(await page.locator('main .ow-workplan-row').count(), 2);
    await checkAxe(head, 'the head’s review page');
    await workPlanAction(page, 'approve');
    assert.equal(await workPlanState(page), 'approved_by_head');
    assert.equal(await page.locator('#work-plan-state').textContent(), '主管已核定，待秘書室審查');
    await checkAxe(head, 'the work plan the head approved');
    assert.deepEqual(policyViolations, []);
  });

  it('4. the secretariat returns it with two comments; the editor sees both, fixes it, the head approves again and the secretariat accepts', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const secretariat = person('secretariat');
    const editor = person('editor');
    const head = person('head');
    const { page } = secretariat;

    await page.goto(`${server.baseUrl}/staff/work-plans?year=${year}`);
    const unitRow = page.locator(`main tr[data-unit="${unit}"]`);
    assert.equal(await unitRow.locator('td[data-state]').getAttribute('data-state'), 'approved_by_head');
    await checkAxe(secretariat, 'the secretariat’s overview of the 2026 work plans');
    await unitRow.locator(`a[href="${workPlanPath}"]`).click();
    await page.waitForURL(exactly(workPlanPath));
    await checkAxe(secretariat, 'the secretariat’s review page');

    const plan = await getWorkPlan(db, year, unit);
    const firstRow = plan?.rows[0];
    assert.ok(firstRow);
    await page.fill('#comment-plan', planComment);
    await page.fill(`#comment-${firstRow.id}`, methodComment);
    await workPlanAction(page, 'return');
    assert.equal(await workPlanState(page), 'returned');
    await checkAxe(secretariat, 'the returned work plan, as the secretariat sees it');

    // The editor reads both comments: one on the whole plan, one on the first method.
    await editor.page.goto(`${server.baseUrl}${workPlanPath}`);
    assert.equal(await workPlanState(editor.page), 'returned');
    assert.equal(await editor.page.locator('#work-plan-state').textContent(), '退回修正');
    const comments = editor.page.locator('main .ow-workplan-comment');
    assert.equal(await comments.count(), 2);
    const shown = (await comments.allTextContents()).map((comment) => comment.replace(/\s+/g, ' '));
    const onPlan = shown.find((comment) => comment.includes(planComment));
    const onMethod = shown.find((comment) => comment.includes(methodComment));
    assert.ok(onPlan, `the comment on the plan is shown: ${shown.join(' / ')}`);
    assert.ok(onMethod, `the comment on the method is shown: ${shown.join(' / ')}`);
    assert.ok(onMethod.includes(methods[0].method), 'the method comment names its method');
    assert.ok(onPlan.includes(secretariat.member.displayName), 'who wrote it');
    await checkAxe(editor, 'the returned work plan with its two comments');

    await editor.page.click(`main a[href="${workPlanPath}/rows/${firstRow.id}"]`);
    await editor.page.waitForURL(exactly(`${workPlanPath}/rows/${firstRow.id}`));
    assert.equal(await editor.page.inputValue('#target-1-target'), methods[0].target.target);
    assert.equal(await editor.page.inputValue('#methodText'), methods[0].method);
    await checkAxe(editor, 'the method edit form');
    await editor.page.fill('#target-1-target', raisedTarget);
    await editor.page.click(`main form[action="${workPlanPath}/rows/${firstRow.id}"] button[type="submit"]`);
    await editor.page.waitForURL(exactly(`${workPlanPath}?done=saved`));
    await workPlanAction(editor.page, 'submit');
    assert.equal(await workPlanState(editor.page), 'submitted');

    await head.page.goto(`${server.baseUrl}${workPlanPath}`);
    await workPlanAction(head.page, 'approve');
    assert.equal(await workPlanState(head.page), 'approved_by_head');

    await page.goto(`${server.baseUrl}${workPlanPath}`);
    await workPlanAction(page, 'accept');
    assert.equal(await workPlanState(page), 'accepted');
    assert.equal(await page.locator('#work-plan-state').textContent(), '秘書室已同意');
    await checkAxe(secretariat, 'the accepted work plan');
    const accepted = await getWorkPlan(db, year, unit);
    assert.equal(accepted?.state, 'accepted');
    assert.deepEqual(
      accepted.rows.map((row) => row.targets.map((target) => target.target)),
      [[Number(raisedTarget)], [Number(methods[1].target.target)]],
    );
    assert.deepEqual(policyViolations, []);
  });

  it('5. the editor reports February’s progress on a practice with a photo and the measured value', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const editor = person('editor');
    const { page } = editor;
    const practice = journey.practices[0];
    assert.ok(practice);

    // The staff home's link: the unit's page of the latest published year.
    await page.goto(`${server.baseUrl}/staff/progress`);
    await page.waitForURL(new RegExp(`/staff/progress/${year}/${unit}(\\?.*)?$`));
    await page.selectOption('#period', `${year}-02`);
    await page.click(`main form[method="get"] button[type="submit"]`);
    await page.waitForURL(exactly(`/staff/progress/${year}/${unit}?period=${year}-02`));
    assert.equal(await page.locator('h1').textContent(), `${unitName} ${year}-02 執行進度`);
    assert.match(await mainText(page), /民國115年3月10日/, 'February is due on 10 March');
    // The list: the practice is due (February 2026 is due on 10 March), a link to its own page.
    const listed = page.locator(`main tr[data-practice="${practice.ref}"]`);
    assert.equal(await listed.count(), 1);
    assert.equal(await listed.getAttribute('data-state'), 'due');
    assert.ok(((await listed.locator('a').textContent()) ?? '').includes(practice.text));
    await checkAxe(editor, 'the unit’s list of practices for February, nothing entered');
    await listed.locator('a').click();
    await page.waitForURL(new RegExp(`/staff/progress/${year}/${unit}/${year}-02/practices/[0-9a-f-]{36}$`));
    const practiceUrl = page.url();
    const section = page.locator('main form[method="post"]');
    assert.equal(await section.count(), 1, 'one form on the practice’s page');
    assert.ok(((await page.locator('main').textContent()) ?? '').includes(practice.text));
    // The one target of the method that carries out this practice.
    const valueInput = section.locator('input[name^="value-"]');
    assert.equal(await valueInput.count(), 1);
    assert.match(
      (await section.locator(`label[for="${await valueInput.getAttribute('id')}"]`).textContent()) ?? '',
      new RegExp(methods[0].target.indicator),
    );
    await checkAxe(editor, 'the practice’s progress page for February, nothing entered');

    await section.locator('input[name="status"][value="on_track"]').check();
    await section.locator('textarea[name="narrative"]').fill(progressNarrative);
    await valueInput.fill(measuredValue);
    await section
      .locator('input[name="evidence"]')
      .setInputFiles({ name: photoName, mimeType: 'image/png', buffer: samplePng() });
    await section.locator('button[type="submit"]').click();
    await page.waitForURL(/[?&]done=saved$/);
    assert.ok(page.url().includes(`period=${year}-02`), page.url());
    assert.equal(await listed.getAttribute('data-state'), 'entered');
    assert.equal(await listed.getAttribute('data-status'), 'on_track');

    await page.goto(practiceUrl);
    const saved = page.locator('main');
    const entry = saved.locator('[data-entry]');
    assert.equal(await entry.count(), 1);
    assert.match((await entry.textContent()) ?? '', /依進度辦理/);
    assert.ok(((await entry.textContent()) ?? '').includes(editor.member.displayName), 'who entered it');
    assert.equal(await entry.locator('[data-late="true"]').count(), 0, 'entered before its due date');
    const photo = entry.getByRole('link', { name: photoName, exact: true });
    assert.equal(await photo.count(), 1, 'the photo is listed as evidence');
    assert.equal(await saved.locator('textarea[name="narrative"]').inputValue(), progressNarrative);
    assert.equal(await saved.locator('input[name^="value-"]').inputValue(), measuredValue);
    await checkAxe(editor, 'the unit’s progress page after saving');

    // The photo comes back as the PNG that was sent.
    const href = await photo.getAttribute('href');
    assert.ok(href);
    const download = await page.request.get(`${server.baseUrl}${href}`);
    assert.equal(download.status(), 200);
    assert.match(download.headers()['content-type'] ?? '', /^image\/png/);
    assert.deepEqual(await download.body(), samplePng());
    assert.deepEqual(policyViolations, []);
  });

  it('6. the reminder scan e-mails the unit’s editor and head that January’s report is missing', async () => {
    const editor = person('editor');
    const head = person('head');
    // What the app's housekeeping does: start the scan worker and request the slot's scan job.
    await startProgressReminderWorker({
      db,
      jobs: server.jobs,
      clock: server.clock,
      publicBaseUrl: server.config.publicBaseUrl,
    });
    await requestProgressReminderScan({ db, jobs: server.jobs, clock: server.clock });

    const subject = `【執行進度逾期未填報】${unitName} ${year}-01`;
    const reminders = await waitUntil(
      async () => smtp.messages.filter((message) => message.subject.startsWith('【執行進度')),
      (messages: ReceivedMessage[]) => messages.length >= 2,
      { what: 'the two reminders of the missing report', timeoutMs: 30_000 },
    );
    assert.deepEqual(
      reminders.map((message) => message.subject),
      [subject, subject],
      'only January is missing: February is not due until 10 March',
    );
    assert.deepEqual(
      reminders.flatMap((message) => message.envelopeTo).sort(),
      [editor.member.email, head.member.email].sort(),
    );
    const carried = (await carriedPractices(db, year, unit))?.carried.length;
    for (const message of reminders) {
      assert.equal(message.envelopeFrom, 'no-reply@test.onewindow.tw');
      assert.match(message.from, /<no-reply@test\.onewindow\.tw>$/);
      assert.ok(message.text.includes(unitName), 'the body names the unit');
      assert.ok(message.text.includes(`${year}-01`), 'the body names the period');
      assert.ok(
        message.text.includes(`有 ${carried} 項推動作法的 ${year}-01 執行進度已逾填報期限`),
        message.text,
      );
      assert.ok(message.text.includes('民國115年2月10日'), 'the due date');
      assert.ok(
        message.text.includes(`/staff/progress/${year}/${unit}?period=${year}-01`),
        'the link to the unit’s page for the period',
      );
    }
  });

  it('7. the secretariat writes the unit’s 2026 report and downloads it as a valid ODF text holding the practices and methods', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const secretariat = person('secretariat');
    const { page } = secretariat;
    const [first, second] = journey.practices;
    assert.ok(first && second);

    // The year's overview first: its charts are SVG, drawn under the policy (no inline styles).
    await page.goto(`${server.baseUrl}/staff/progress/${year}`);
    assert.equal(await page.locator('main figure svg[role="img"]').count(), 4);
    await checkAxe(secretariat, 'the secretariat’s overview of 2026');

    await page.goto(`${server.baseUrl}/staff/reports?year=${year}`);
    const link = page.locator(`main table a[href="${reportPath}"]`);
    assert.equal(await link.count(), 1);
    await checkAxe(secretariat, 'the list of 2026 reports');
    await link.click();
    await page.waitForURL(exactly(reportPath));
    assert.equal(await page.locator('h1').textContent(), `115 年度績效成果報告：${unitName}`);
    const main = await mainText(page);
    for (const text of [first.text, second.text, methods[0].method, methods[1].method]) {
      assert.ok(main.includes(text.replace(/\s+/g, ' ')), `the report page holds ${text}`);
    }
    assert.ok(main.includes(photoName), 'the evidence is listed');
    const indicators = page.locator('main table tr', { hasText: methods[0].target.indicator });
    assert.ok((await indicators.count()) >= 1);
    const indicatorRow = ((await indicators.first().textContent()) ?? '').replace(/\s+/g, ' ');
    assert.ok(indicatorRow.includes(measuredValue), `the measured value: ${indicatorRow}`);
    // Lower is better (baseline 5 days): 2.5 days is short of the raised target of 2.
    assert.ok(indicatorRow.includes('未達成'), `short of the target: ${indicatorRow}`);
    await checkAxe(secretariat, 'the unit’s report, no narrative yet');

    await page.fill('#narrative', reportNarrative);
    await page.click('main form[action$="/narrative"] button[type="submit"]');
    await page.waitForURL(exactly(`${reportPath}?done=saved`));
    assert.match(await mainText(page), /說明已儲存。/);
    assert.ok((await mainText(page)).includes(reportNarrative));
    await checkAxe(secretariat, 'the unit’s report with its narrative');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click(`main a[href="${reportPath}/report.odt"]`),
    ]);
    assert.equal(download.suggestedFilename(), `${year}-${unitName}-績效成果.odt`);
    const bytes = await readFile(await download.path());
    // Stored mimetype first, META-INF/manifest.xml listing every file, every XML part well-formed.
    const pkg = readOdfPackage(bytes, ODT_MEDIA_TYPE);
    assert.equal(pkg.entries[0]?.name, 'mimetype');
    assert.equal(pkg.entries[0]?.method, 0);
    assert.ok(pkg.xml['META-INF/manifest.xml']);
    const content = pkg.xml['content.xml'];
    assert.ok(content, 'content.xml');
    const text = odfText(element(content, 'office:body'));
    for (const expected of [
      `115 年度績效成果報告：${unitName}`,
      first.text,
      second.text,
      methods[0].method,
      methods[1].method,
      methods[0].target.indicator,
      methods[1].target.indicator,
      reportNarrative,
      photoName,
    ]) {
      assert.ok(text.includes(expected), `content.xml holds ${expected}`);
    }
    assert.deepEqual(policyViolations, []);
  });
});
