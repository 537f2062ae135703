import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { decode, summaryOf } from '../../../../test/helpers/html.ts';
import { buildTestApp, TestClock } from '../../../../test/helpers/test-app.ts';
import {
  aSignedInMember,
  aStaffMember,
  auditEntries,
  csrfTokenIn,
} from '../../../platform/auth/auth-test-support.ts';
import { upsertCalendarOverride } from '../../../platform/calendar/calendar-repo.ts';
import { calendarOverrides, calendarYears } from '../../../platform/calendar/calendar-schema.ts';
import { loadWorkingCalendar } from '../../../platform/calendar/calendar-service.ts';
import { localDate } from '../../../platform/calendar/working-days.ts';
import { multipartForm, samplePng } from '../../../platform/uploads/upload-test-support.ts';
import { caseActorOf, sidewalkPetition, testCasesContext } from '../../cases/core/cases-test-support.ts';
import { cases, caseTimeline, openCase } from '../../cases/index.ts';

/**
 * The calendar pages (issue 17 §3): the year's page, a typhoon day declared after a preview of the open
 * deadlines it moves (by unit), declared twice, reopened, a year file loaded after a preview of its
 * differences, and every route refused to anyone but an admin or the secretariat.
 */

// Monday 6 July 2026, 09:00 in Taipei: a 5-working-day petition opened now is due Monday 13 July.
const clock = new TestClock(new Date('2026-07-06T01:00:00Z'));
const subject = await buildTestApp({ clock });
after(() => subject.app.close());
const db = subject.database.db;

const dayPath = '/staff/admin/calendar/day';
const loadPath = '/staff/admin/calendar/load';
const official2026 = readFileSync(
  new URL('../../../platform/calendar/data/2026.json', import.meta.url),
  'utf8',
);

let admin: Awaited<ReturnType<typeof aSignedInMember>>;
let openIds: string[] = [];

async function expectedDates(): Promise<string[]> {
  const rows = await db
    .select({ date: cases.expectedCompletionDate })
    .from(cases)
    .where(inArray(cases.id, openIds));
  return rows.map((row) => row.date ?? '').sort();
}

before(async () => {
  admin = await aSignedInMember(subject, { role: 'admin' });
  const clerk = await aStaffMember(db, { role: 'counter_clerk' });
  for (let index = 0; index < 3; index += 1) {
    const row = await openCase(testCasesContext(subject), sidewalkPetition(), caseActorOf(clerk));
    openIds.push(row.id);
  }
  // One of the three is the parks office's: the preview counts by unit.
  await db
    .update(cases)
    .set({ unitCode: 'parks' })
    .where(eq(cases.id, openIds[2] as string));
  openIds = [...openIds];
});

describe('the calendar page', () => {
  it('shows the year’s months with a known holiday, a declared day, today, and the declarations with who and when', async () => {
    await upsertCalendarOverride(db, {
      date: '2026-09-16',
      region: '64000',
      isHoliday: true,
      reason: '測試颱風日',
      source: 'test',
      createdBy: 'secretariat@example.tw',
    });
    const page = await admin.get('/staff/admin/calendar?year=2026');
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /<caption class="govuk-table__caption govuk-table__caption--s">2026 年 6 月<\/caption>/,
    );
    assert.match(
      page.body,
      /data-date="2026-06-19"><strong>19<\/strong> <span class="govuk-body-s" aria-hidden="true">休<\/span>/,
    );
    assert.match(page.body, /民國115年6月19日（放假）：端午節/);
    assert.match(page.body, /民國115年9月16日（放假）：測試颱風日（僅本市（64000））/);
    assert.match(
      page.body,
      /aria-current="date" data-date="2026-07-06">6 <span class="govuk-tag govuk-tag--blue">今天/,
    );
    assert.match(
      page.body,
      /<td class="govuk-table__cell">測試颱風日<\/td>\s*<td class="govuk-table__cell">secretariat@example.tw /,
    );
    const english = await admin.get('/en/staff/admin/calendar?year=2026');
    assert.match(english.body, /<h1 class="govuk-heading-l">Calendar 2026<\/h1>/);
    assert.match(english.body, /19 June 2026 \(closed\): 端午節/);
    const missing = await admin.get('/staff/admin/calendar?year=2031');
    assert.match(missing.body, /2031 年尚無辦公日曆表/);
  });
});

describe('declaring a typhoon day', () => {
  it('lists every problem of the form at once, keeps what was typed, and writes nothing', async () => {
    const response = await admin.submit(dayPath, dayPath, {
      date: '2026-02-30',
      state: 'closed',
      scope: 'region',
      reason: '',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<a href="#reason">/);
    const missingYear = await admin.submit(dayPath, dayPath, {
      date: '2031/1/6',
      state: 'closed',
      scope: 'region',
      reason: '颱風',
    });
    assert.equal(missingYear.statusCode, 400);
    assert.match(missingYear.body, /2031 年尚無政府行政機關辦公日曆表/);
    assert.match(missingYear.body, /value="2031\/1\/6"/);
  });

  it('shows the deadlines it moves by unit before anything changes, then declares it, moves them and audits it', async () => {
    const fields = {
      date: '115/7/8',
      state: 'closed',
      scope: 'region',
      reason: '颱風停止上班',
      step: 'preview',
    };
    const preview = await admin.submit(dayPath, dayPath, fields);
    assert.equal(preview.statusCode, 200, preview.body);
    assert.match(preview.body, /3 件未結案件的期限會改變/);
    assert.match(
      preview.body,
      /data-unit="road-maintenance"><td class="govuk-table__cell">[^<]+<\/td><td class="govuk-table__cell govuk-table__cell--numeric">2</,
    );
    assert.match(
      preview.body,
      /data-unit="parks"><td class="govuk-table__cell">[^<]+<\/td><td class="govuk-table__cell govuk-table__cell--numeric">1</,
    );
    assert.match(preview.body, /民國115年7月13日<\/td><td class="govuk-table__cell">民國115年7月14日/);
    assert.match(preview.body, /<input type="hidden" name="step" value="confirm"\/>/);
    assert.deepEqual(await expectedDates(), ['2026-07-13', '2026-07-13', '2026-07-13']);
    assert.equal(
      (await db.select().from(calendarOverrides).where(eq(calendarOverrides.date, '2026-07-08'))).length,
      0,
    );

    const confirmed = await admin.post(dayPath, {
      _csrf: csrfTokenIn(preview.body),
      date: '2026-07-08',
      state: 'closed',
      scope: 'region',
      reason: '颱風停止上班',
      step: 'confirm',
    });
    assert.equal(confirmed.statusCode, 303);
    assert.equal(
      confirmed.headers.location,
      '/staff/admin/calendar?year=2026&declared=2026-07-08&state=closed&scope=region&moved=3',
    );
    const banner = await admin.get(String(confirmed.headers.location));
    assert.match(banner.body, /民國115年7月8日已宣布停止上班（僅本市（64000））。3 件未結案件/);
    const [row] = await db.select().from(calendarOverrides).where(eq(calendarOverrides.date, '2026-07-08'));
    assert.deepEqual(
      { region: row?.region, isHoliday: row?.isHoliday, reason: row?.reason, createdBy: row?.createdBy },
      { region: '64000', isHoliday: true, reason: '颱風停止上班', createdBy: admin.member.email },
    );
    assert.deepEqual(await expectedDates(), ['2026-07-14', '2026-07-14', '2026-07-14']);
    const notes = await db
      .select()
      .from(caseTimeline)
      .where(and(inArray(caseTimeline.caseId, openIds), eq(caseTimeline.kind, 'note')));
    assert.equal(notes.filter((note) => note.data.calendarChange === '2026-07-08').length, 3);
    assert.match(notes[0]?.publicNote ?? '', /預計完成日期調整為 2026-07-14/);
    const [audit] = await auditEntries(db, 'calendar.day_closed', '2026-07-08@64000');
    assert.equal(audit?.actorLabel, admin.member.email);
    assert.deepEqual(audit?.details.before, { isClosed: false, override: null });
    assert.deepEqual(audit?.details.after, {
      isClosed: true,
      override: { isHoliday: true, reason: '颱風停止上班', source: 'admin' },
    });
    assert.deepEqual(audit?.details.effect, {
      openCasesMoving: 3,
      byUnit: [
        { unit: 'road-maintenance', moved: 2 },
        { unit: 'parks', moved: 1 },
      ],
    });
  });

  it('refuses the same typhoon day declared twice with a clear message (409), writing nothing', async () => {
    const secretariat = await aSignedInMember(subject, { role: 'secretariat' });
    for (const step of ['preview', 'confirm']) {
      const twice = await secretariat.submit(dayPath, dayPath, {
        date: '2026-07-08',
        state: 'closed',
        scope: 'region',
        reason: '颱風停止上班（再次）',
        step,
      });
      assert.equal(twice.statusCode, 409);
      assert.match(twice.body, /2026-07-08（僅本市）已宣布停止上班（颱風停止上班），不必再宣布一次。/);
      assert.match(twice.body, /颱風停止上班（再次）/);
    }
    const sunday = await secretariat.submit(dayPath, dayPath, {
      date: '2026-07-12',
      state: 'closed',
      scope: 'everywhere',
      reason: '颱風',
      step: 'confirm',
    });
    assert.equal(sunday.statusCode, 409);
    assert.match(sunday.body, /本來就是放假日/);
    assert.equal((await auditEntries(db, 'calendar.day_closed', '2026-07-08@64000')).length, 1);
    const rows = await db.select().from(calendarOverrides).where(eq(calendarOverrides.date, '2026-07-08'));
    assert.equal(rows[0]?.reason, '颱風停止上班');
  });

  it('reopens the day (the closure cancelled): the deadlines move back and the change is audited', async () => {
    const fields = { date: '2026-07-08', state: 'open', scope: 'region', reason: '颱風轉向，照常上班' };
    const preview = await admin.submit(dayPath, dayPath, { ...fields, step: 'preview' });
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /id="state-before"[^>]*>停止上班</);
    assert.match(preview.body, /民國115年7月14日<\/td><td class="govuk-table__cell">民國115年7月13日/);
    const confirmed = await admin.post(dayPath, {
      _csrf: csrfTokenIn(preview.body),
      ...fields,
      step: 'confirm',
    });
    assert.equal(confirmed.statusCode, 303);
    assert.deepEqual(await expectedDates(), ['2026-07-13', '2026-07-13', '2026-07-13']);
    const [audit] = await auditEntries(db, 'calendar.day_opened', '2026-07-08@64000');
    assert.deepEqual(audit?.details.before, {
      isClosed: true,
      override: { isHoliday: true, reason: '颱風停止上班', source: 'admin' },
    });
  });
});

describe('loading a year’s official calendar', () => {
  it('lists every problem of a bad file at once and stores nothing', async () => {
    const days = JSON.parse(official2026) as { date: string }[];
    const broken = [
      ...days.slice(0, 100),
      days[5],
      { date: '20260230', week: '一', isHoliday: false, description: '' },
    ];
    const response = await admin.submit(loadPath, loadPath, {
      year: '2026',
      calendarFile: JSON.stringify(broken),
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /第 102 筆的日期不是 YYYYMMDD 格式的真實日期/);
    assert.match(response.body, /下列日期出現不只一次：2026-01-06/);
    assert.match(response.body, /缺少 265 天：2026-04-11/);
    const wrongYear = await admin.submit(loadPath, loadPath, { year: '2027', calendarFile: official2026 });
    assert.match(wrongYear.body, /有 365 筆不屬於 2027 年/);
    assert.equal((await db.select().from(calendarYears)).length, 0);
  });

  it('shows the differences and the deadlines they move, then stores the year, which the calendar uses at once', async () => {
    const days = JSON.parse(official2026) as { date: string; isHoliday: boolean; description: string }[];
    const thursday = days.find((day) => day.date === '20260709');
    if (thursday) Object.assign(thursday, { isHoliday: true, description: '測試補假' });
    const newYear = days.find((day) => day.date === '20260101');
    if (newYear) newYear.description = '中華民國開國紀念日';
    const fields = {
      year: '2026',
      source: '人事行政總處 115 年修正版',
      calendarFile: JSON.stringify(days, null, 2),
    };
    const preview = await admin.submit(loadPath, loadPath, { ...fields, step: 'preview' });
    assert.equal(preview.statusCode, 200, preview.body);
    assert.match(preview.body, /1 天的上班或放假改變/);
    assert.match(
      preview.body,
      /data-date="2026-07-09"><td class="govuk-table__cell">民國115年7月9日<\/td><td class="govuk-table__cell">上班<\/td><td class="govuk-table__cell">放假<\/td><td class="govuk-table__cell">測試補假/,
    );
    assert.match(preview.body, /1 天的說明改變/);
    assert.match(preview.body, /3 件未結案件的期限會改變/);
    assert.match(preview.body, /name="inForce" value="bundled"/);
    assert.equal((await db.select().from(calendarYears)).length, 0);

    const confirmed = await admin.post(loadPath, {
      _csrf: csrfTokenIn(preview.body),
      ...fields,
      inForce: 'bundled',
      step: 'confirm',
    });
    assert.equal(confirmed.statusCode, 303, confirmed.body);
    assert.equal(confirmed.headers.location, '/staff/admin/calendar?year=2026&loaded=2026&moved=3');
    const [stored] = await db.select().from(calendarYears);
    assert.equal(stored?.year, 2026);
    assert.equal(stored?.loadedBy, admin.member.email);
    assert.equal(stored?.source, '人事行政總處 115 年修正版');
    const calendar = await loadWorkingCalendar(db, { region: '64000' });
    assert.equal(calendar.isWorkingDay(localDate('2026-07-09')), false);
    assert.deepEqual(await expectedDates(), ['2026-07-14', '2026-07-14', '2026-07-14']);
    const [audit] = await auditEntries(db, 'calendar.year_loaded', '2026');
    assert.deepEqual(audit?.details.before, { kind: 'bundled' });
    assert.deepEqual(audit?.details.statusChanges, [{ date: '2026-07-09', isHoliday: true }]);
    const page = await admin.get('/staff/admin/calendar?year=2026');
    assert.match(page.body, /本年度使用 [^ ]+ 於 .+ 載入的檔案（人事行政總處 115 年修正版）/);

    const again = await admin.post(loadPath, {
      _csrf: csrfTokenIn(page.body),
      ...fields,
      inForce: 'bundled',
      step: 'confirm',
    });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /完全相同，不必載入/);
  });
});

/** The hidden fields of the page's first form whose `step` is `confirm`, as the browser would post them. */
function confirmFields(html: string): Record<string, string> {
  const form = [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)]
    .map((match) => match[1] ?? '')
    .find((inner) => inner.includes('name="step" value="confirm"'));
  const fields: Record<string, string> = {};
  for (const input of (form ?? '').matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    fields[input[1] as string] = decode(input[2] ?? '');
  return fields;
}

describe('uploading a year’s official calendar file', () => {
  const yearFile = (name: string, content: Buffer, type = 'application/json') => ({
    field: 'calendarFileUpload',
    name,
    type,
    content,
  });

  it('lists the file’s problems with the other fields’ at once, in both languages, and stores nothing', async () => {
    const before = await db.select().from(calendarYears);
    await admin.get(loadPath);
    const wrongType = await admin.postMultipart(
      loadPath,
      multipartForm({ step: 'preview', year: '', source: '' }, [
        yearFile('115年.csv', Buffer.from('date,isHoliday\n20260101,true\n'), 'text/csv'),
      ]),
    );
    assert.equal(wrongType.statusCode, 400);
    assert.deepEqual(
      summaryOf(wrongType.body).map(([target]) => target),
      ['year', 'calendarFileUpload'],
    );
    assert.match(decode(wrongType.body), /「115年\.csv」不是可接受的檔案類型，請改用 JSON 檔。/);
    const binary = await admin.postMultipart(
      loadPath,
      multipartForm({ step: 'preview', year: '2026' }, [yearFile('calendar.json', samplePng())]),
    );
    assert.equal(binary.statusCode, 400);
    assert.match(decode(binary.body), /「calendar\.json」不是 UTF-8 文字檔/);
    const missing = await admin.postMultipart(loadPath, multipartForm({ step: 'preview', year: '2026' }));
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(summaryOf(missing.body), [
      ['calendarFileUpload', '請選擇辦公日曆表檔案，或貼上檔案內容'],
    ]);
    await admin.get(`/en${loadPath}`);
    const broken = await admin.postMultipart(
      `/en${loadPath}`,
      multipartForm({ step: 'preview', year: '2026' }, [yearFile('2026.json', Buffer.from('[{"date": '))]),
    );
    assert.equal(broken.statusCode, 400);
    assert.match(decode(broken.body), /“2026\.json” is not valid JSON: /);
    const wrongYear = await admin.postMultipart(
      `/en${loadPath}`,
      multipartForm({ step: 'preview', year: '2027' }, [yearFile('2026.json', Buffer.from(official2026))]),
    );
    assert.equal(wrongYear.statusCode, 400);
    // The content's problems are the file input's when the file was uploaded.
    assert.equal(summaryOf(wrongYear.body)[0]?.[0], 'calendarFileUpload');
    assert.deepEqual(await db.select().from(calendarYears), before);
  });

  it('takes the official file (a byte-order mark, Windows line endings) to the preview, then loads it on confirmation', async () => {
    await admin.get(loadPath);
    const content = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(official2026.replace(/\n/g, '\r\n'), 'utf8'),
    ]);
    const preview = await admin.postMultipart(
      loadPath,
      multipartForm({ step: 'preview', year: '115', source: '' }, [
        yearFile('115年中華民國政府行政機關辦公日曆表.json', content),
      ]),
    );
    assert.equal(preview.statusCode, 200, preview.body);
    // The year in force is the one loaded above (7/9 closed, 1/1 described otherwise): the file undoes both.
    assert.match(
      preview.body,
      /data-date="2026-07-09"><td class="govuk-table__cell">民國115年7月9日<\/td><td class="govuk-table__cell">放假<\/td><td class="govuk-table__cell">上班</,
    );
    assert.match(preview.body, /1 天的說明改變/);
    assert.match(preview.body, /3 件未結案件的期限會改變/);
    assert.match(preview.body, /管理頁面上傳：115年中華民國政府行政機關辦公日曆表\.json/);
    const fields = confirmFields(preview.body);
    assert.equal(fields.step, 'confirm');
    assert.equal((JSON.parse(fields.calendarFile ?? '[]') as unknown[]).length, 365);
    assert.notEqual(fields.inForce, 'bundled');
    const [kept] = await db.select().from(calendarYears);
    assert.equal(kept?.source, '人事行政總處 115 年修正版', 'nothing loaded by the preview');

    const confirmed = await admin.post(loadPath, fields);
    assert.equal(confirmed.statusCode, 303, confirmed.body);
    const [stored] = await db.select().from(calendarYears);
    assert.equal(stored?.source, '管理頁面上傳：115年中華民國政府行政機關辦公日曆表.json');
    const calendar = await loadWorkingCalendar(db, { region: '64000' });
    assert.equal(calendar.isWorkingDay(localDate('2026-07-09')), true);
    assert.deepEqual(await expectedDates(), ['2026-07-13', '2026-07-13', '2026-07-13']);
    assert.equal((await auditEntries(db, 'calendar.year_loaded', '2026')).length, 2);
  });
});

describe('who may use the calendar pages', () => {
  it('refuses a handler and a supervisor on every route, GET and POST (403)', async () => {
    for (const role of ['handler', 'supervisor'] as const) {
      const browser = await aSignedInMember(subject, { role });
      const home = await browser.get('/staff');
      const token = csrfTokenIn(home.body);
      for (const path of ['/staff/admin/calendar', dayPath, loadPath, '/en/staff/admin/calendar']) {
        const page = await browser.get(path);
        assert.equal(page.statusCode, 403, `${role} GET ${path}`);
      }
      for (const path of [dayPath, loadPath, `/en${dayPath}`, `/en${loadPath}`]) {
        const posted = await browser.post(path, {
          _csrf: token,
          date: '2026-07-10',
          state: 'closed',
          scope: 'region',
          reason: 'x',
          step: 'confirm',
        });
        assert.equal(posted.statusCode, 403, `${role} POST ${path}`);
        assert.match(posted.body, /您沒有權限執行此操作|You do not have permission/);
      }
    }
    assert.equal(
      (await db.select().from(calendarOverrides).where(eq(calendarOverrides.date, '2026-07-10'))).length,
      0,
    );
  });
});
