import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { systemActor } from '../../../platform/auth/audit-log.ts';
import { auditLog } from '../../../platform/auth/auth-schema.ts';
import { aSignedInMember, auditEntries, csrfTokenIn } from '../../../platform/auth/auth-test-support.ts';
import { cases, routingRules } from '../../cases/core/cases-schema.ts';
import { sidewalkPetition, testCasesContext } from '../../cases/core/cases-test-support.ts';
import { RoutingRuleError, removeRoutingRule, setRoutingRule } from '../../cases/core/routing-rules.ts';
import { openCase } from '../../cases/index.ts';

/**
 * Routing rules without a terminal (issue 17 §4): the preview of the open cases a rule concerns, the rule
 * saved and audited with before and after, the conflicts refused (409, nothing written), a supervisor kept to
 * their unit's services, the roles that may not refused on every route; and the CLI's use cases.
 */
describe('routing rules (administration pages and CLI use cases)', () => {
  let subject: TestApp;
  let qishan: string;
  let meinong: string;
  const service = 'road-maintenance-petition'; // road-maintenance's service
  const db = () => subject.database.db;
  const districtCode = async (name: string) => {
    const { rows } = await subject.database.pool.query<{ code: string }>(
      'select code from districts where name_zh = $1',
      [name],
    );
    assert.ok(rows[0]);
    return rows[0].code;
  };
  const openIn = (district: string) =>
    openCase(testCasesContext(subject), sidewalkPetition({ districtCode: district }), { kind: 'system' });
  const rulesOf = (district: string) =>
    db()
      .select()
      .from(routingRules)
      .where(and(eq(routingRules.serviceCode, service), eq(routingRules.districtCode, district)));

  before(async () => {
    subject = await buildTestApp();
    qishan = await districtCode('旗山區');
    meinong = await districtCode('美濃區');
  });
  after(() => subject.app.close());

  it('an admin previews the open cases a rule would have routed differently, confirms, and new cases follow it', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    const [first, second, elsewhere] = [await openIn(qishan), await openIn(qishan), await openIn(meinong)];
    const form = await admin.get('/staff/admin/routing/new');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<option value="\*"[^>]*>全區（所有行政區）<\/option>/);
    assert.match(form.body, new RegExp(`<option value="${qishan}"[^>]*>旗山區</option>`));
    assert.doesNotMatch(form.body, /<option value="maintenance"/, 'an inactive unit is not offered');

    const fields = { service, district: qishan, unit: 'parks', note: '旗山區由公園處就近處理' };
    const preview = await admin.post('/staff/admin/routing/new', {
      _csrf: csrfTokenIn(form.body),
      ...fields,
      step: 'preview',
    });
    assert.equal(preview.statusCode, 200, preview.body);
    assert.match(preview.body, /id="preview-cases" data-total="2"/);
    assert.match(preview.body, new RegExp(`data-case="${first?.caseNumber}"`));
    assert.match(preview.body, new RegExp(`data-case="${second?.caseNumber}"`));
    assert.doesNotMatch(preview.body, new RegExp(`data-case="${elsewhere?.caseNumber}"`));
    assert.match(preview.body, /id="preview-unit-before" data-state="road-maintenance">道路養護工程處/);
    assert.match(preview.body, /id="preview-unit-after" data-state="parks">公園處/);
    assert.match(preview.body, /規則只適用於之後收件的新案件。下列未結案件不會自動移轉/);
    assert.equal((await rulesOf(qishan)).length, 0, 'the preview writes nothing');

    const confirmed = await admin.post('/staff/admin/routing/new', {
      _csrf: csrfTokenIn(preview.body),
      ...fields,
      step: 'confirm',
    });
    assert.equal(confirmed.statusCode, 303, confirmed.body);
    assert.equal(confirmed.headers.location, '/staff/admin/routing?done=created');
    const [rule] = await rulesOf(qishan);
    assert.equal(rule?.unitCode, 'parks');
    assert.equal(rule?.note, '旗山區由公園處就近處理');
    const [entry] = await auditEntries(db(), 'routing.set', `${service}/${qishan}`);
    assert.equal(entry?.actorLabel, admin.member.email);
    assert.deepEqual(entry?.details, {
      before: null,
      after: { serviceCode: service, districtCode: qishan, unitCode: 'parks', note: fields.note },
    });

    const list = await admin.get('/staff/admin/routing?done=created');
    assert.match(list.body, /已新增分文規則/);
    assert.match(list.body, new RegExp(`data-rule="${rule?.id}"`));
    const english = await admin.get(`/en/staff/admin/routing?service=${service}&unit=nowhere`);
    assert.match(english.body, /There is no “nowhere”: that filter was left out\./);
    assert.match(english.body, /data-district="[0-9]+">Qishan District/);

    assert.equal((await openIn(qishan)).unitCode, 'parks', 'a new case follows the rule');
    assert.equal((await openIn(meinong)).unitCode, 'road-maintenance');
    const [stayed] = await db()
      .select()
      .from(cases)
      .where(eq(cases.id, first?.id ?? ''));
    assert.equal(stayed?.unitCode, 'road-maintenance', 'open cases do not move');
  });

  it('refuses conflicts with a clear message (409) and mistakes all at once (400), writing nothing', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    const writes = async () =>
      (await db().select().from(auditLog).where(eq(auditLog.action, 'routing.set'))).length;
    const before = await writes();
    const form = await admin.get('/staff/admin/routing/new');
    const post = (fields: Record<string, string>) =>
      admin.post('/staff/admin/routing/new', { _csrf: csrfTokenIn(form.body), step: 'confirm', ...fields });

    const existing = await post({ service, district: qishan, unit: 'new-works', note: 'again' });
    assert.equal(existing.statusCode, 409);
    assert.match(
      existing.body,
      /<a href="#district">行政區：「道路養護陳情」在旗山區已有分文規則（分往公園處），請修改那條規則<\/a>/,
    );
    const [rule] = await rulesOf(qishan);
    assert.match(existing.body, new RegExp(`href="/staff/admin/routing/${rule?.id}"`));
    assert.match(existing.body, /<textarea[^>]*name="note"[^>]*>again<\/textarea>/);

    const sameUnit = await post({ service, district: meinong, unit: 'road-maintenance', note: '' });
    assert.equal(sameUnit.statusCode, 409);
    assert.match(sameUnit.body, /在美濃區的新案件原本就分往道路養護工程處（該項目的承辦單位）/);
    const inactive = await post({ service, district: meinong, unit: 'maintenance', note: '' });
    assert.equal(inactive.statusCode, 409);
    assert.match(inactive.body, /養護工程處已停止收案/);

    const mistakes = await admin.post('/en/staff/admin/routing/new', {
      _csrf: csrfTokenIn(form.body),
      step: 'preview',
      service: '',
      district: '99999999',
      unit: 'nowhere',
    });
    assert.equal(mistakes.statusCode, 400);
    assert.match(mistakes.body, /<a href="#service">Service: Choose a service<\/a>/);
    assert.match(mistakes.body, /&quot;99999999&quot; is not a district of Kaohsiung City/);
    assert.match(mistakes.body, /There is no unit &quot;nowhere&quot;/);
    const unusable = await admin.post('/staff/admin/routing/new', {
      _csrf: csrfTokenIn(form.body),
      step: 'preview',
      service,
      district: meinong,
      unit: 'parks',
      note: 'A\u0000B',
    });
    assert.equal(unusable.statusCode, 400);
    assert.match(unusable.body, /<a href="#note">說明：/);
    assert.match(unusable.body, new RegExp(`<option value="${meinong}" selected>`), 'the choices are kept');
    assert.equal(await writes(), before, 'nothing written');
    assert.equal((await rulesOf(meinong)).length, 0);
  });

  it('an admin changes a rule (audited before and after) and removes it; a stale page is refused', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    const [rule] = await rulesOf(qishan);
    assert.ok(rule);
    const path = `/staff/admin/routing/${rule.id}`;
    const page = await admin.get(path);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /分文規則：道路養護陳情（旗山區）/);
    const token = csrfTokenIn(page.body);
    const change = { unit: 'new-works', note: '改由新建工程處', previousUnit: 'parks' };
    const preview = await admin.post(path, { _csrf: token, ...change, step: 'preview' });
    assert.equal(preview.statusCode, 200, preview.body);
    assert.match(preview.body, /id="preview-unit-before" data-state="parks"/);
    const stale = await admin.post(path, {
      _csrf: token,
      ...change,
      previousUnit: 'building',
      step: 'confirm',
    });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /這條規則剛被其他人改為分往公園處/);
    const saved = await admin.post(path, { _csrf: token, ...change, step: 'confirm' });
    assert.equal(saved.statusCode, 303, saved.body);
    const [changed] = await auditEntries(db(), 'routing.set', `${service}/${qishan}`).then((rows) =>
      rows.slice(-1),
    );
    assert.deepEqual(changed?.details, {
      before: {
        serviceCode: service,
        districtCode: qishan,
        unitCode: 'parks',
        note: '旗山區由公園處就近處理',
      },
      after: { serviceCode: service, districtCode: qishan, unitCode: 'new-works', note: '改由新建工程處' },
    });

    const removal = await admin.post(path, {
      _csrf: token,
      previousUnit: 'new-works',
      step: 'remove-preview',
    });
    assert.equal(removal.statusCode, 200, removal.body);
    assert.match(removal.body, /刪除後新案件分往/);
    assert.match(removal.body, /id="preview-unit-after" data-state="road-maintenance"/);
    assert.equal((await rulesOf(qishan)).length, 1, 'the removal preview writes nothing');
    const removed = await admin.post(path, { _csrf: token, previousUnit: 'new-works', step: 'remove' });
    assert.equal(removed.statusCode, 303, removed.body);
    assert.equal(removed.headers.location, '/staff/admin/routing?done=removed');
    assert.equal((await rulesOf(qishan)).length, 0);
    const [entry] = await auditEntries(db(), 'routing.remove', `${service}/${qishan}`);
    assert.deepEqual(entry?.details, {
      before: { serviceCode: service, districtCode: qishan, unitCode: 'new-works', note: '改由新建工程處' },
      after: null,
    });
    assert.equal((await admin.get(path)).statusCode, 404);
    assert.equal((await admin.get('/staff/admin/routing/not-a-uuid')).statusCode, 404);
  });

  it('a supervisor manages only their unit’s services’ rules, and may route them to another unit', async () => {
    await setRoutingRule(
      db(),
      { serviceCode: service, districtCode: meinong, unitCode: 'new-works', note: 'road' },
      systemActor,
      subject.clock.now(),
    );
    const [roadRule] = await rulesOf(meinong);
    const supervisor = await aSignedInMember(subject, { role: 'supervisor', unitCode: 'parks' });
    const list = await supervisor.get('/staff/admin/routing');
    assert.equal(list.statusCode, 200);
    assert.doesNotMatch(
      list.body,
      new RegExp(`data-rule="${roadRule?.id}"`),
      'another unit’s service’s rule',
    );
    assert.match(list.body, /data-service="street-tree-pruning"/, 'their own service’s (demo) rules');
    const form = await supervisor.get('/staff/admin/routing/new');
    assert.match(form.body, /<option value="street-tree-pruning"/);
    assert.doesNotMatch(form.body, new RegExp(`<option value="${service}"`));
    assert.equal((await supervisor.get(`/staff/admin/routing/${roadRule?.id}`)).statusCode, 403);
    const token = csrfTokenIn(form.body);
    const other = await supervisor.post(`/staff/admin/routing/${roadRule?.id}`, {
      _csrf: token,
      previousUnit: 'new-works',
      step: 'remove',
    });
    assert.equal(other.statusCode, 403);
    const foreign = await supervisor.post('/staff/admin/routing/new', {
      _csrf: token,
      service,
      district: qishan,
      unit: 'parks',
      step: 'confirm',
    });
    assert.equal(foreign.statusCode, 403);
    assert.equal((await rulesOf(qishan)).length, 0);

    const own = await supervisor.post('/staff/admin/routing/new', {
      _csrf: token,
      service: 'street-tree-pruning',
      district: qishan,
      unit: 'road-maintenance',
      note: '',
      step: 'confirm',
    });
    assert.equal(own.statusCode, 303, own.body);
    const [entry] = await auditEntries(db(), 'routing.set', `street-tree-pruning/${qishan}`);
    assert.equal(entry?.actorLabel, supervisor.member.email);
  });

  it('refuses a handler, a counter clerk and the secretariat on every route (GET and POST)', async () => {
    const [rule] = await rulesOf(meinong);
    const paths = ['/staff/admin/routing', '/staff/admin/routing/new', `/staff/admin/routing/${rule?.id}`];
    for (const role of ['handler', 'counter_clerk', 'secretariat'] as const) {
      const browser = await aSignedInMember(subject, { role });
      const token = csrfTokenIn((await browser.get('/staff')).body);
      for (const path of paths) {
        assert.equal((await browser.get(path)).statusCode, 403, `${role} GET ${path}`);
        assert.equal((await browser.get(`/en${path}`)).statusCode, 403, `${role} GET /en${path}`);
        if (path === '/staff/admin/routing') continue; // the list has no POST
        const post = await browser.post(path, { _csrf: token, step: 'remove', previousUnit: 'new-works' });
        assert.equal(post.statusCode, 403, `${role} POST ${path}`);
      }
    }
    assert.equal((await rulesOf(meinong)).length, 1);
  });

  it('the CLI’s use cases: set replaces (audited before and after), a no-op is refused, remove says whether it did', async () => {
    const now = subject.clock.now();
    await setRoutingRule(
      db(),
      { serviceCode: service, districtCode: meinong, unitCode: 'parks', note: 'cli' },
      systemActor,
      now,
    );
    const [replaced] = await rulesOf(meinong);
    assert.equal(replaced?.unitCode, 'parks');
    const [entry] = await auditEntries(db(), 'routing.set', `${service}/${meinong}`).then((rows) =>
      rows.slice(-1),
    );
    assert.deepEqual(entry?.details, {
      before: { serviceCode: service, districtCode: meinong, unitCode: 'new-works', note: 'road' },
      after: { serviceCode: service, districtCode: meinong, unitCode: 'parks', note: 'cli' },
    });
    await assert.rejects(
      setRoutingRule(
        db(),
        { serviceCode: service, districtCode: null, unitCode: 'road-maintenance', note: '' },
        systemActor,
        now,
      ),
      (error: unknown) =>
        error instanceof RoutingRuleError &&
        /already go to Road Maintenance Engineering Office/.test(String(error.problems)),
    );
    assert.equal(
      await removeRoutingRule(db(), { serviceCode: service, districtCode: meinong }, systemActor, now),
      true,
    );
    assert.equal(
      await removeRoutingRule(db(), { serviceCode: service, districtCode: meinong }, systemActor, now),
      false,
    );
  });
});
