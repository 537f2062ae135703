import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mainOf } from '../../../../test/helpers/html.ts';
import { buildTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { createDemoStaff } from '../../../platform/auth/staff-service.ts';
import { loadModuleDemoData } from '../../../platform/composition/compose.ts';
import { controlModule } from '../index.ts';
import { getWorkPlan } from './work-plan-reads.ts';

/** The demo work plan `npm start` loads (DEMO_DATA), through the manifest, on a database with the demo staff. */
describe('demo work plan', () => {
  let subject: TestApp;
  const load = () =>
    loadModuleDemoData([controlModule], {
      db: subject.database.db,
      jobs: subject.jobs,
      clock: subject.clock,
      config: subject.config,
      files: subject.files,
    });

  before(async () => {
    subject = await buildTestApp();
  });
  after(() => subject.app.close());

  it('writes nothing without the staff to take its steps', async () => {
    assert.deepEqual(await load(), { 'demo work plan': 0 });
    assert.equal(await getWorkPlan(subject.database.db, 2012, 'road-maintenance'), null);
  });

  it('publishes the road maintenance office’s 2012 plan through its steps, once, and the public pages link it', async () => {
    await createDemoStaff(subject.database.db, { clock: subject.clock });
    assert.deepEqual(await load(), { 'demo work plan': 1 });
    assert.deepEqual(await load(), { 'demo work plan': 0 }, 'a second start writes nothing');
    const plan = await getWorkPlan(subject.database.db, 2012, 'road-maintenance');
    assert.equal(plan?.state, 'published');
    assert.equal(plan?.rows.length, 2);
    const year = await subject.app.inject({ method: 'GET', url: '/work-plans/2012' });
    assert.match(mainOf(year.body), /href="\/work-plans\/2012\/road-maintenance"/);
    const page = await subject.app.inject({ method: 'GET', url: '/work-plans/2012/road-maintenance' });
    assert.equal(page.statusCode, 200);
    assert.match(mainOf(page.body), /道路坑洞通報後 24 小時內完成修補/);
    assert.match(mainOf(page.body), /電話禮貌測試平均分數/);
  });
});
