import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { decode, mainOf } from '../../../../test/helpers/html.ts';
import { buildTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { aSignedInMember, auditEntries } from '../../../platform/auth/auth-test-support.ts';
import { units } from '../../../platform/reference/reference-schema.ts';
import { trackCases, Visitor } from '../../cases/track/track-test-support.ts';

/** The units' admin pages (issue 17 §2): a saved unit shows on the public page that shows it, audited. */
describe('units (admin)', () => {
  let subject: TestApp;
  before(async () => {
    subject = await buildTestApp();
  });
  after(() => subject.app.close());

  const form = (overrides: Record<string, string>) => ({
    nameZh: '工程企劃處',
    nameEn: 'Engineering Planning Office',
    addressZh: '802 高雄市苓雅區四維三路2號',
    addressEn: 'No. 2, Siwei 3rd Rd., Lingya District, Kaohsiung 802',
    phone: '07-3368333',
    fax: '07-3316401',
    email: 'pwb-planning@kcg.gov.tw',
    serviceHoursZh: '週一至週五 08:00–12:00、13:30–17:30',
    serviceHoursEn: 'Monday to Friday, 08:00–12:00 and 13:30–17:30',
    isActive: 'yes',
    ...overrides,
  });

  it('a saved unit shows at once on the service page that shows it, and the change is audited', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    // The kept public page is rendered before the change, so the test sees it re-rendered after.
    const beforePage = await subject.app.inject({ method: 'GET', url: '/services/road-excavation-permit' });
    assert.match(beforePage.body, /07-3368333/);
    const list = await admin.get('/staff/admin/units');
    assert.equal(list.statusCode, 200);
    assert.match(mainOf(list.body), /href="\/staff\/admin\/units\/planning">工程企劃處<\/a>/);
    const saved = await admin.submit(
      '/staff/admin/units/planning',
      '/staff/admin/units/planning',
      form({ phone: '(07) 799-1234 分機 56', isContactVerified: 'yes' }),
    );
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/staff/admin/units?saved=planning');
    const [row] = await subject.database.db.select().from(units).where(eq(units.code, 'planning'));
    assert.equal(row?.phone, '07-7991234#56');
    assert.equal(row?.isContactVerified, true);
    const publicPage = await subject.app.inject({ method: 'GET', url: '/services/road-excavation-permit' });
    assert.match(publicPage.body, /07-7991234#56/);
    const [entry] = await auditEntries(subject.database.db, 'unit.updated', 'planning');
    assert.deepEqual(entry?.details, {
      before: { phone: '07-3368333', isContactVerified: false },
      after: { phone: '07-7991234#56', isContactVerified: true },
    });
    // A contact changed without ticking the check again: no longer verified.
    await admin.submit(
      '/en/staff/admin/units/planning',
      '/en/staff/admin/units/planning',
      form({ phone: '07-7991234#56', email: 'planning@kcg.gov.tw' }),
    );
    const [again] = await subject.database.db.select().from(units).where(eq(units.code, 'planning'));
    assert.equal(again?.isContactVerified, false);
  });

  it('a renamed unit is named so on /track, in the timeline of a case it once held', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    // Received by road maintenance, then moved to parks: the timeline's first steps name road maintenance.
    const row = await (await trackCases(subject)).aCaseInProgressAtParks();
    const lookUp = () => new Visitor(subject.app).lookUp(row.caseNumber, row.lookupCode);
    assert.match(mainOf((await lookUp()).body), /辦理：道路養護工程處/);
    const saved = await admin.submit(
      '/staff/admin/units/road-maintenance',
      '/staff/admin/units/road-maintenance',
      form({
        nameZh: '道路維護工程處',
        nameEn: 'Road Upkeep Office',
        fax: '07-3316407',
        email: 'pwb-road-maintenance@kcg.gov.tw',
      }),
    );
    assert.equal(saved.statusCode, 303);
    const main = mainOf((await lookUp()).body);
    assert.match(main, /辦理：道路維護工程處/);
    assert.doesNotMatch(main, /道路養護工程處/);
    assert.match(main, /辦理：公園處/, 'the units not renamed keep their names');
  });

  it('a bad form lists every problem at once, keeps what was typed, and writes nothing', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    const response = await admin.submit(
      '/staff/admin/units/parks',
      '/staff/admin/units/parks',
      form({ nameZh: '', phone: '12', fax: 'abc', email: 'not-mail' }),
    );
    assert.equal(response.statusCode, 400);
    const summary = decode(response.body);
    for (const expected of [
      '請填寫中文名稱',
      '請輸入可撥打的電話號碼',
      '請輸入可撥打的傳真號碼',
      '請輸入正確的電子郵件地址',
    ])
      assert.ok(summary.includes(expected), expected);
    assert.match(response.body, /name="email"[^>]*value="not-mail"|value="not-mail"[^>]*name="email"/);
    const [row] = await subject.database.db.select().from(units).where(eq(units.code, 'parks'));
    assert.equal(row?.nameZh, '公園處');
    assert.equal((await admin.get('/staff/admin/units/no-such-unit')).statusCode, 404);
  });

  it('refuses every other role on every route', async () => {
    for (const role of ['secretariat', 'handler'] as const) {
      const member = await aSignedInMember(subject, { role, unitCode: 'secretariat' });
      assert.equal((await member.get('/staff/admin/units')).statusCode, 403, role);
      assert.equal((await member.get('/staff/admin/units/planning')).statusCode, 403, role);
      const home = await member.get('/staff');
      const posted = await member.post('/staff/admin/units/planning', {
        _csrf: /name="_csrf" value="([^"]+)"/.exec(home.body)?.[1] ?? '',
        ...form({}),
      });
      assert.equal(posted.statusCode, 403, role);
    }
  });
});
