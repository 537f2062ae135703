import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { createDemoStaff } from '../../platform/auth/staff-service.ts';
import type { AppModule } from '../../platform/composition/app-module.ts';
import { loadModuleDemoData } from '../../platform/composition/compose.ts';
import { controlModule } from '../control/index.ts';
import { reportsModule } from './index.ts';
import { demoPlaces, demoReports } from './report-demo-data.ts';
import { locateReport } from './report-place.ts';

/**
 * The demo content `npm start` loads (DEMO_DATA), run here on a test database through the manifests: the
 * photo reports, and the control module's unit work plan (one file: each new DB test file costs CI seconds).
 */
describe('demo photo reports', () => {
  let subject: TestApp;
  let firstRun: Record<string, number>;
  let workPlanWithoutStaff: Record<string, number>;
  const loadOf = (modules: readonly AppModule[]) => () =>
    loadModuleDemoData(modules, {
      db: subject.database.db,
      jobs: subject.jobs,
      clock: subject.clock,
      config: subject.config,
      files: subject.files,
    });
  const load = loadOf([reportsModule]);
  const loadWorkPlan = loadOf([controlModule]);
  const rows = async <Row>(query: ReturnType<typeof sql>) =>
    (await subject.database.db.execute(query)).rows as Row[];

  before(async () => {
    subject = await buildTestApp();
    workPlanWithoutStaff = await loadWorkPlan();
    await createDemoStaff(subject.database.db, { clock: subject.clock });
    firstRun = await load();
  });
  after(() => subject.app.close());

  it('publishes the road maintenance office’s 2012 work plan through its steps, once, and the public pages link it (none without the staff to take them)', async () => {
    assert.deepEqual(workPlanWithoutStaff, { 'demo work plan': 0 });
    assert.deepEqual(await loadWorkPlan(), { 'demo work plan': 1 });
    assert.deepEqual(await loadWorkPlan(), { 'demo work plan': 0 }, 'a second start writes nothing');
    const [plan] = await rows<{ state: string; methods: number }>(
      sql`select state, (select count(*)::int from control_work_plan_rows r where r.work_plan_id = p.id) as methods
            from control_work_plans p where year = 2012 and unit_code = 'road-maintenance'`,
    );
    assert.deepEqual(plan, { state: 'published', methods: 2 });
    const year = await subject.app.inject({ method: 'GET', url: '/work-plans/2012' });
    assert.match(year.body, /href="\/work-plans\/2012\/road-maintenance"/);
    const page = await subject.app.inject({ method: 'GET', url: '/work-plans/2012/road-maintenance' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /道路坑洞通報後 24 小時內完成修補/);
    assert.match(page.body, /電話禮貌測試平均分數/);
  });

  it('places every demo point in the district the table names', () => {
    for (const place of demoPlaces) {
      const located = locateReport(place.lat, place.lon);
      assert.equal(located.inKaohsiung && located.district.nameZh, place.district, place.street);
    }
  });

  it('writes forty reports through the workflow: each state as planned, every one published in Kaohsiung', async () => {
    assert.deepEqual(firstRun, { 'demo photo reports': 40 });
    const byState = await rows<{ state: string; n: number }>(
      sql`select state, count(*)::int as n from cases where kind = 'field_report' group by state order by state`,
    );
    assert.deepEqual(Object.fromEntries(byState.map((row) => [row.state, row.n])), {
      closed: 14,
      dispatched: 8,
      fixed: 10,
      received: 7,
      reopened: 1,
    });
    const reports = await rows<{
      latitude: number;
      longitude: number;
      district_code: string;
      service_code: string;
      published_at: Date | null;
      received_at: Date;
      handler_id: string | null;
      state: string;
    }>(sql`select c.latitude, c.longitude, c.district_code, c.service_code, r.published_at, c.received_at,
                  c.handler_id, c.state
             from cases c join field_reports r on r.case_id = c.id`);
    assert.equal(reports.length, 40);
    const now = subject.clock.now().getTime();
    for (const report of reports) {
      assert.notEqual(report.published_at, null);
      const located = locateReport(report.latitude, report.longitude);
      assert.ok(located.inKaohsiung, `${report.latitude},${report.longitude}`);
      assert.equal(located.district.code, report.district_code);
      assert.ok(new Date(report.received_at).getTime() < now);
      // Taken by a crew at every step past "received".
      assert.equal(report.handler_id === null, report.state === 'received', report.state);
    }
    assert.equal(new Set(reports.map((report) => report.district_code)).size, 11);
    assert.equal(new Set(reports.map((report) => report.service_code)).size, 5);
    const times = reports.map((report) => new Date(report.received_at).getTime());
    const weeks = (Math.max(...times) - Math.min(...times)) / (7 * 24 * 3_600_000);
    assert.ok(weeks > 4 && weeks < 6, `spread over ${weeks} weeks`);
  });

  it('leaves each report a timeline in order, its steps at their own times', async () => {
    const steps = await rows<{ state: string; kinds: string }>(
      sql`select c.state, string_agg(e.kind, ',' order by e.occurred_at, e.id) as kinds
            from cases c join case_events e on e.case_id = c.id
           where e.to_state is not null or e.kind = 'created'
           group by c.id, c.state`,
    );
    const walked = new Set(steps.map((step) => `${step.state}: ${step.kinds}`));
    assert.deepEqual([...walked].sort(), [
      'closed: created,dispatch,mark_fixed,close',
      'dispatched: created,dispatch',
      'fixed: created,dispatch,mark_fixed',
      'received: created',
      'reopened: created,dispatch,mark_fixed,reopen',
    ]);
    const [order] = await rows<{ out_of_order: number }>(
      sql`select count(*)::int as out_of_order from case_events e join cases c on c.id = e.case_id
           where e.occurred_at < c.received_at or e.occurred_at > ${subject.clock.now().toISOString()}::timestamptz`,
    );
    assert.equal(order?.out_of_order, 0);
  });

  it('gives every report a readable photo, and the fixed ones an after-photo', async () => {
    const photos = await rows<{ state: string; role: string; public_sha256: string; thumb_sha256: string }>(
      sql`select c.state, p.role, p.public_sha256, p.thumb_sha256
            from report_photos p join cases c on c.id = p.case_id order by c.case_number, p.role`,
    );
    assert.equal(photos.filter((photo) => photo.role === 'report').length, 40);
    assert.equal(photos.filter((photo) => photo.role === 'fix').length, 25);
    for (const photo of photos) {
      const image = await sharp(await subject.files.read(photo.public_sha256)).metadata();
      assert.equal(image.format, 'jpeg');
      assert.equal(image.width, 640);
      assert.equal((await sharp(await subject.files.read(photo.thumb_sha256)).metadata()).format, 'jpeg');
    }
  });

  it('shows them on the public map, in the GeoJSON and in the Open311 list', async () => {
    const geojson = await subject.app.inject({ url: '/api/reports.geojson?bbox=120.1,22.4,120.9,23.5' });
    assert.equal(geojson.statusCode, 200);
    assert.equal(geojson.json().features.length, 40);
    const open311 = await subject.app.inject({ url: '/open311/v2/requests.json' });
    assert.equal(open311.statusCode, 200);
    assert.ok(open311.json().length >= 20, `Open311 lists ${open311.json().length}`);
    const list = await subject.app.inject({ url: '/reports' });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /路面坑洞/);
  });

  it('writes nothing the second time', async () => {
    assert.deepEqual(await load(), { 'demo photo reports': 0 });
    const [count] = await rows<{ n: number }>(sql`select count(*)::int as n from field_reports`);
    assert.equal(count?.n, 40);
  });

  it('spreads the same table each time it is asked', () => {
    const now = new Date('2026-12-05T09:00:00Z');
    assert.deepEqual(demoReports(now), demoReports(now));
    assert.ok(demoReports(now).every((report) => report.receivedAt < now));
  });
});
