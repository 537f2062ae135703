import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { decode, mainOf } from '../../../../test/helpers/html.ts';
import { buildTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { aSignedInMember } from '../../../platform/auth/auth-test-support.ts';
import type { Database } from '../../../platform/db/database.ts';
import { cases, caseTimeline } from '../../cases/index.ts';
import { services } from '../../catalogue/catalogue-schema.ts';
import { listPetitionTypes, type PetitionType } from '../petition-types.ts';
import { type PetitionSource, petitionLinks, petitions } from '../petitions-schema.ts';
import { refreshPetitionStats } from './analysis-refresh.ts';

const DAY = 86_400_000;
const lingya = '64000080';
const fengshan = '64000120';

/** A petition written straight into `cases` and `petitions`, with the times the analysis reads. */
async function aPetition(
  db: Database,
  type: PetitionType,
  options: {
    received: string;
    /** Days from receipt to the answer; absent: still open. */
    days?: number;
    /** The deadline in force, days from receipt. */
    dueDays?: number;
    district: string;
    source: PetitionSource;
    placeKey?: string;
    isDeclined?: boolean;
  },
): Promise<string> {
  const [service] = await db.select().from(services).where(eq(services.code, type.serviceCode));
  const received = new Date(options.received);
  const finished = options.days === undefined ? null : new Date(received.getTime() + options.days * DAY);
  const [row] = await db
    .insert(cases)
    .values({
      caseNumber: `T${randomBytes(5).toString('hex')}`,
      lookupCode: randomBytes(4).toString('hex').toUpperCase(),
      kind: 'petition',
      channel: 'web',
      serviceCode: type.serviceCode,
      serviceVersion: service?.currentVersion ?? 1,
      unitCode: type.unitCode,
      state: finished === null ? 'in_progress' : 'resolved',
      applicantType: 'person',
      applicantName: '分析測試陳情人',
      applicantLang: 'zh-TW',
      consentAt: received,
      subject: '分析測試',
      description: '分析測試的陳情內容',
      districtCode: options.district,
      latitude: options.district === lingya ? 22.62 : 22.63,
      longitude: options.district === lingya ? 120.31 : 120.36,
      receivedAt: received,
      deadlineRule: { kind: 'working_days', days: 6 },
      dueAtAnswer:
        finished === null || options.dueDays === undefined
          ? null
          : new Date(received.getTime() + options.dueDays * DAY),
      resolvedAt: finished,
      closedAt: finished,
      createdAt: received,
      updatedAt: finished ?? received,
    })
    .returning({ id: cases.id });
  const caseId = row?.id as string;
  await db.insert(petitions).values({
    caseId,
    source: options.source,
    isConfidential: type.isConfidential,
    placeKey: options.placeKey ?? null,
    textPairs: [1, 2, 3],
    declineGround: options.isDeclined ? 'no_content' : null,
    receivedAt: received,
  });
  return caseId;
}

/**
 * The case-type analysis (issue 16 §6): figures from the roll-ups on the page and in the exports, the unit a
 * supervisor is limited to, the monthly report after an incremental refresh, and who may not see it.
 */
describe('the petition case-type analysis', () => {
  let subject: TestApp;
  let road: PetitionType;
  let illegal: PetitionType;
  let stillOpen = '';
  before(async () => {
    subject = await buildTestApp();
    const db = subject.database.db;
    const types = await listPetitionTypes(db);
    road = types.find((type) => type.serviceCode === 'road-maintenance-petition') as PetitionType;
    illegal = types.find((type) => type.serviceCode === 'illegal-building-report') as PetitionType;
    assert.ok(road && illegal && road.unitCode !== illegal.unitCode && illegal.isConfidential);
    // January 2026, road: six petitions, three at one place (a hotspot), one declined, one a repeat.
    const place = '64000080|苓雅區四維三路2號';
    const january = { district: lingya, source: 'hotline_1999' as const };
    const first = await aPetition(db, road, {
      ...january,
      received: '2026-01-05T02:00:00Z',
      days: 2.5,
      dueDays: 6,
      placeKey: place,
    });
    await aPetition(db, road, {
      ...january,
      received: '2026-01-06T02:00:00Z',
      days: 4.2,
      dueDays: 6,
      placeKey: place,
    });
    await aPetition(db, road, {
      ...january,
      received: '2026-01-07T02:00:00Z',
      days: 9.5,
      dueDays: 6,
      placeKey: place,
    });
    stillOpen = await aPetition(db, road, {
      ...january,
      received: '2026-01-08T02:00:00Z',
      placeKey: '64000080|苓雅區和平一路9號',
    });
    await aPetition(db, road, {
      ...january,
      received: '2026-01-09T02:00:00Z',
      days: 1,
      dueDays: 6,
      isDeclined: true,
    });
    const repeat = await aPetition(db, road, {
      ...january,
      received: '2026-01-12T02:00:00Z',
      days: 20.3,
      dueDays: 6,
    });
    await db.insert(petitionLinks).values({
      caseId: repeat,
      earlierCaseId: first,
      reasons: ['same_place'],
      similarity: 0.6,
      linkedAt: new Date('2026-01-12T02:00:00Z'),
    });
    // February: one more road petition by letter (late), three confidential reports at one place.
    await aPetition(db, road, {
      district: lingya,
      source: 'letter',
      received: '2026-02-03T02:00:00Z',
      days: 29.5,
      dueDays: 10,
    });
    const secret = '64000120|鳳山區光遠路100號';
    const february = { district: fengshan, source: 'director_mailbox' as const, placeKey: secret };
    await aPetition(db, illegal, { ...february, received: '2026-02-04T02:00:00Z', days: 3, dueDays: 6 });
    await aPetition(db, illegal, { ...february, received: '2026-02-05T02:00:00Z', days: 5, dueDays: 6 });
    await aPetition(db, illegal, { ...february, received: '2026-02-06T02:00:00Z' });
    const outcome = await refreshPetitionStats(db, { now: subject.clock.now() });
    assert.deepEqual(outcome, { kind: 'rebuilt', months: 2, places: 1 });
  });
  after(() => subject.app.close());

  const rowOf = (html: string, table: string, code: string) => {
    const section = html.slice(html.indexOf(`data-table="${table}"`));
    const row = section.slice(
      section.indexOf(`data-code="${code}"`),
      section.indexOf('</tr>', section.indexOf(`data-code="${code}"`)),
    );
    return [...row.matchAll(/data-figure="(\w+)">([^<]*)</g)].map((match) => decode(match[2] ?? ''));
  };

  it('shows the period’s figures by type, unit, district, channel and month, and the hotspots but no confidential place', async () => {
    const browser = await aSignedInMember(subject, { role: 'secretariat' });
    const page = await browser.get('/staff/petitions/analysis?from=2026-01&to=2026-02');
    assert.equal(page.statusCode, 200);
    const main = mainOf(page.body);
    // received, finished, open, on time %, average days, 90 % within, declined, repeats
    assert.deepEqual(rowOf(main, 'total', 'all'), ['10', '8', '2', '62.5', '9.4', '30', '1', '1']);
    assert.deepEqual(rowOf(main, 'type', road.serviceCode), ['7', '6', '1', '50', '11.2', '30', '1', '1']);
    assert.deepEqual(rowOf(main, 'unit', illegal.unitCode), ['3', '2', '1', '100', '4', '6', '0', '0']);
    assert.deepEqual(rowOf(main, 'district', fengshan), ['3', '2', '1', '100', '4', '6', '0', '0']);
    assert.deepEqual(rowOf(main, 'source', 'hotline_1999'), ['6', '5', '1', '60', '7.5', '21', '1', '1']);
    assert.deepEqual(rowOf(main, 'month', '2026-01'), ['6', '5', '1', '60', '7.5', '21', '1', '1']);
    assert.match(main, /<th scope="row" class="govuk-table__header">1999 專線<\/th>/);
    assert.match(main, /data-place="64000080\|苓雅區四維三路2號"/);
    assert.match(
      main,
      /苓雅區四維三路2號<\/th>\s*<td class="govuk-table__cell">苓雅區<\/td>\s*<td[^>]*>3<\/td>/,
    );
    assert.doesNotMatch(main, /光遠路/);
    assert.doesNotMatch(main, /分析測試陳情人/);
    assert.match(main, /<svg[^>]*data-map="city"/);
    // A filter narrows every table; the English page reads the same.
    const filtered = await browser.get('/en/staff/petitions/analysis?from=2026-01&to=2026-02&source=letter');
    assert.deepEqual(rowOf(mainOf(filtered.body), 'total', 'all'), [
      '1',
      '1',
      '0',
      '0',
      '29.5',
      '30',
      '0',
      '0',
    ]);
    assert.match(filtered.body, /<h1 class="govuk-heading-l">Petitions: case-type analysis<\/h1>/);
    const wrong = await browser.get('/staff/petitions/analysis?from=2026-13&type=nothing');
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /<a href="#from">起始月份請以年-月填寫，例如 2026-03<\/a>/);
    assert.match(wrong.body, /<a href="#type">請從清單選擇陳情類型<\/a>/);
  });

  it('exports the same tables as CSV (UTF-8 with a BOM) and as an ODS spreadsheet', async () => {
    const browser = await aSignedInMember(subject, { role: 'admin' });
    const csv = await browser.get('/staff/petitions/analysis.csv?from=2026-01&to=2026-02');
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(String(csv.headers['content-disposition']), /petitions-analysis-2026-01-2026-02\.csv/);
    assert.equal(Buffer.from(csv.body, 'utf8').subarray(0, 3).toString('hex'), 'efbbbf');
    const lines = csv.body.replace(/^\ufeff/, '').split('\r\n');
    assert.equal(
      lines[0],
      '分組,代碼,名稱,收件,辦結,未結,如期率（%）,平均處理天數,90% 於幾日內辦結,不予處理（第 173 條）,重複陳情',
    );
    assert.equal(lines[1], '總計,,全部陳情,10,8,2,62.5,9.4,30,1,1');
    assert.ok(lines.includes('依收件月份,2026-02,民國115年2月,4,3,1,66.7,12.5,30,0,0'), lines.join('\n'));
    assert.ok(lines.includes('陳情熱點,64000080,苓雅區 苓雅區四維三路2號,3'), lines.join('\n'));
    const ods = await browser.get('/en/staff/petitions/analysis.ods?from=2026-01&to=2026-02');
    assert.equal(ods.statusCode, 200);
    assert.equal(ods.headers['content-type'], 'application/vnd.oasis.opendocument.spreadsheet');
    assert.equal(ods.body.slice(0, 2), 'PK');
  });

  it('limits a supervisor to their own unit, whatever the address asks for', async () => {
    const browser = await aSignedInMember(subject, { role: 'supervisor', unitCode: illegal.unitCode });
    const page = await browser.get(`/staff/petitions/analysis?from=2026-01&to=2026-02&unit=${road.unitCode}`);
    assert.equal(page.statusCode, 200);
    const main = mainOf(page.body);
    assert.deepEqual(rowOf(main, 'total', 'all'), ['3', '2', '1', '100', '4', '6', '0', '0']);
    assert.doesNotMatch(main, new RegExp(`data-code="${road.serviceCode}"`));
    assert.doesNotMatch(main, /name="unit"/);
    const csv = await browser.get(
      `/staff/petitions/analysis.csv?from=2026-01&to=2026-02&unit=${road.unitCode}`,
    );
    assert.match(csv.body, /\r\n總計,,全部陳情,3,2,1,100,4,6,0,0\r\n/);
  });

  it('the monthly report shows the month and the year to date, brought up to date by the next scan', async () => {
    const db = subject.database.db;
    // The open January petition is answered on time: the case core writes its timeline, the scan finds it.
    await db
      .update(cases)
      .set({
        state: 'resolved',
        resolvedAt: new Date('2026-01-11T02:00:00Z'),
        dueAtAnswer: new Date('2026-01-14T02:00:00Z'),
      })
      .where(eq(cases.id, stillOpen));
    await db.insert(caseTimeline).values({
      caseId: stillOpen,
      occurredAt: new Date('2026-01-11T02:00:00Z'),
      kind: 'resolve',
      actorLabel: 'test',
    });
    assert.deepEqual(await refreshPetitionStats(db, { now: subject.clock.now() }), {
      kind: 'refreshed',
      months: 1,
      places: 1,
    });
    const browser = await aSignedInMember(subject, { role: 'secretariat' });
    const january = mainOf((await browser.get('/staff/petitions/analysis/monthly?month=2026-01')).body);
    assert.match(january, /<h2 class="govuk-heading-m" data-month="2026-01">民國115年1月<\/h2>/);
    assert.deepEqual(rowOf(january, 'month-total', 'month'), ['6', '6', '0', '66.7', '6.8', '21', '1', '1']);
    const february = await browser.get('/en/staff/petitions/analysis/monthly?month=2026-02');
    const main = mainOf(february.body);
    assert.deepEqual(rowOf(main, 'month-total', 'month'), ['4', '3', '1', '66.7', '12.5', '30', '0', '0']);
    assert.deepEqual(rowOf(main, 'month-total', 'year'), ['10', '9', '1', '66.7', '8.7', '30', '1', '1']);
    assert.match(main, /How this feeds the annual performance report/);
    assert.match(main, /href="\/en\/staff\/reports"/);
  });

  it('refuses an anonymous visitor and a role that does not read it', async () => {
    const anonymous = await subject.app.inject({ method: 'GET', url: '/staff/petitions/analysis.csv' });
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/staff\/sign-in/);
    const page = await subject.app.inject({ method: 'GET', url: '/staff/petitions/analysis' });
    assert.equal(page.statusCode, 303);
    const handler = await aSignedInMember(subject, { role: 'handler', unitCode: road.unitCode });
    assert.equal((await handler.get('/staff/petitions/analysis')).statusCode, 403);
    assert.equal((await handler.get('/staff/petitions/analysis/monthly')).statusCode, 403);
  });
});
