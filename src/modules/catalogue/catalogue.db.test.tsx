import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mainOf } from '../../../test/helpers/html.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { cliActor } from '../../platform/auth/audit-log.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { DEMO_SERVICES } from './catalogue-demo-data.ts';
import { seedDemoCatalogue } from './catalogue-demo-seed.ts';
import type { ServiceDefinition } from './catalogue-schemas.ts';
import { getService, listServices, publishServiceVersion } from './catalogue-service.ts';

/** The codes of the services a list page shows, in order. */
function codesOn(html: string): string[] {
  return [...html.matchAll(/data-service-code="([^"]+)"/g)].map((match) => match[1] ?? '');
}

describe('service catalogue (HTTP and database)', () => {
  let subject: TestApp;
  before(async () => {
    subject = await buildTestApp();
  });
  after(() => subject.app.close());

  const get = (url: string) => subject.app.inject({ method: 'GET', url });

  it('GET /services lists every demo service (≥ 12) with its unit, deadline in words and a count', async () => {
    const response = await get('/services');
    assert.equal(response.statusCode, 200);
    const codes = codesOn(response.body);
    assert.ok(codes.length >= 12, `${codes.length} services`);
    assert.deepEqual(codes.toSorted(), DEMO_SERVICES.map((service) => service.code).toSorted());
    const main = mainOf(response.body);
    assert.match(main, new RegExp(`共 ${codes.length} 項服務`));
    assert.match(main, /路燈維修/);
    assert.match(main, /3 個工作天/);
    assert.match(main, /4 小時內/);
    assert.match(main, /可線上辦理/);
    assert.match(main, /<form method="get" action="\/services"/);
  });

  it('GET /en/services is in English with the same services', async () => {
    const response = await get('/en/services');
    assert.equal(response.statusCode, 200);
    const main = mainOf(response.body);
    assert.match(main, new RegExp(`${DEMO_SERVICES.length} services`));
    assert.match(main, /Street light repair/);
    assert.match(main, /3 working days/);
    assert.match(main, /within 4 hours/);
    assert.match(main, /action="\/en\/services"/);
  });

  it('filters by unit, by classification and by online, each alone and together', async () => {
    assert.deepEqual(codesOn((await get('/services?unit=road-maintenance')).body).toSorted(), [
      'pothole-report',
      'road-maintenance-petition',
      'sidewalk-arcade-damage',
    ]);
    assert.deepEqual(codesOn((await get('/services?classification=C00')).body).toSorted(), [
      'building-construction-start',
      'construction-inspection-filing',
      'rooftop-solar',
    ]);
    const offline = [
      'director-mailbox',
      'illegal-building-report',
      'park-adoption',
      'rooftop-solar',
      'vacant-lot-greening',
    ];
    const online = DEMO_SERVICES.map((service) => service.code).filter((code) => !offline.includes(code));
    assert.deepEqual(codesOn((await get('/services?online=yes')).body).toSorted(), online.toSorted());
    assert.deepEqual(codesOn((await get('/services?unit=building&online=yes')).body).toSorted(), [
      'building-construction-start',
      'construction-inspection-filing',
    ]);
    assert.deepEqual(codesOn((await get('/services?unit=parks&classification=900')).body), ['park-adoption']);
  });

  it('an unknown unit is ignored with a message; a known filter with no match shows an honest empty state', async () => {
    const unknown = await get('/services?unit=moon-base');
    assert.equal(unknown.statusCode, 200);
    assert.match(mainOf(unknown.body), /沒有代碼為「moon-base」的單位，已忽略這個條件。/);
    assert.equal(codesOn(unknown.body).length, DEMO_SERVICES.length);
    const empty = await get('/services?classification=100');
    assert.equal(empty.statusCode, 200);
    assert.deepEqual(codesOn(empty.body), []);
    assert.match(mainOf(empty.body), /共 0 項服務/);
    assert.match(mainOf(empty.body), /沒有符合條件的服務項目/);
    assert.match(mainOf(empty.body), /清除所有篩選條件/);
  });

  it('searches Chinese and English keywords: 路燈, 挖掘, "street light"; nonsense finds nothing', async () => {
    assert.deepEqual(
      codesOn((await get(`/services?q=${encodeURIComponent('路燈')}`)).body)[0],
      'street-light-repair',
    );
    const digging = codesOn((await get(`/services?q=${encodeURIComponent('挖掘')}`)).body);
    assert.ok(digging.includes('road-excavation-permit'), digging.join(', '));
    assert.equal(digging[0], 'road-excavation-permit', 'a name match ranks first');
    const english = codesOn((await get('/en/services?q=street+light')).body);
    assert.equal(english[0], 'street-light-repair');
    assert.deepEqual(codesOn((await get(`/services?q=${encodeURIComponent('量子糖葫蘆')}`)).body), []);
    assert.deepEqual(codesOn((await get('/services?q=%E3%80%82%EF%BC%81')).body), [], 'punctuation only');
    const combined = codesOn(
      (await get(`/services?q=${encodeURIComponent('路燈')}&unit=road-maintenance`)).body,
    );
    assert.deepEqual(combined, []);
  });

  it('GET /services/street-light-repair is the start page: checklist, fee, deadline, unit phone, sample, demo notice', async () => {
    const response = await get('/services/street-light-repair');
    assert.equal(response.statusCode, 200);
    const html = response.body;
    const main = mainOf(html);
    assert.match(html, /<title>路燈維修 - 高雄市政府工務局<\/title>/);
    assert.match(main, /這是示範資料/);
    assert.match(main, /公園處/);
    assert.match(main, /href="tel:\+88673368333"/);
    assert.match(main, /路燈位置或燈桿編號/);
    assert.match(main, /燈桿編號通常貼在離地約 1.5 公尺處/);
    assert.match(main, /現場照片<\/strong> （選填）/);
    assert.match(main, /免費/);
    assert.match(main, /3 個工作天/);
    assert.match(main, /自收件之次日起以工作天計算/);
    assert.match(main, /KS-12345/);
    assert.match(main, /不亮/, 'a choice sample shows its label');
    assert.match(main, /可以。按「線上通報」標示地點/);
    // A field report starts on the report form with its kind chosen.
    assert.match(
      main,
      /<a href="\/report\?service=street-light-repair" class="govuk-button govuk-button--start" id="start">線上通報<svg/,
    );
    const reportForm = await get('/report?service=street-light-repair');
    assert.equal(reportForm.statusCode, 200, 'the button goes to a page that exists');
    assert.match(main, /1999/);
    assert.match(html, /<meta name="Category.Service" content="E00"/);
    assert.match(html, /<meta name="DC.Identifier" content="397030000H-service-street-light-repair"/);
  });

  it('the English start page; electronically verifiable items and illustrative fees are marked', async () => {
    const response = await get('/en/services/road-excavation-permit');
    assert.equal(response.statusCode, 200);
    const main = mainOf(response.body);
    assert.match(main, /Road excavation permit/);
    assert.match(main, /This is demonstration data/);
    assert.match(main, /Engineering Planning Office/);
    assert.match(main, /We check this online: no paper needed/);
    assert.match(main, /NT\$ 1,000/);
    assert.match(main, /An illustrative amount/);
    assert.match(main, /7 working days/);
    assert.match(main, /Water connection/);
    assert.match(main, /Yes\. Use “Start now” to fill in the application/);
    // An online application starts on the online application's start page, in English.
    assert.match(
      main,
      /<a href="\/en\/apply\/road-excavation-permit" class="govuk-button govuk-button--start" id="start">Start now<svg/,
    );
    assert.match(main, /<a class="govuk-link" href="\/en\/apply\/road-excavation-permit">Start now<\/a>/);
    const start = await get('/en/apply/road-excavation-permit');
    assert.equal(start.statusCode, 200, 'the button goes to a page that exists');
    assert.match(mainOf(start.body), /Road excavation permit/);
    // A petition with the online journey starts there too; a service not online has no button.
    const petition = mainOf((await get('/services/road-maintenance-petition')).body);
    assert.match(
      petition,
      /<a href="\/apply\/road-maintenance-petition" class="govuk-button govuk-button--start" id="start">開始申辦<svg/,
    );
    const offline = mainOf((await get('/en/services/rooftop-solar')).body);
    assert.doesNotMatch(offline, /id="start"|\/apply\//);
    assert.match(offline, /Not online for now/);
    const pothole = mainOf((await get('/en/services/pothole-report')).body);
    assert.match(pothole, /within 4 hours/);
    assert.match(pothole, /around the clock/);
  });

  it('an unknown service is a 404 page in each language, and a JSON 404 from the API', async () => {
    const chinese = await get('/services/no-such-service');
    assert.equal(chinese.statusCode, 404);
    // The shared 404 page (the existing error shape), in the language of the URL.
    assert.match(chinese.body, /<html lang="zh-Hant-TW"/);
    assert.match(chinese.body, /<title>找不到這個頁面 - 高雄市政府工務局<\/title>/);
    const english = await get('/en/services/no-such-service');
    assert.equal(english.statusCode, 404);
    assert.match(english.body, /<html lang="en"/);
    const api = await get('/api/services/no-such-service');
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().code, 'NOT_FOUND');
    assert.equal(api.json().message, '找不到這個服務項目。');
    assert.equal((await get('/api/services/no-such-service?version=1')).statusCode, 404);
    assert.equal((await get('/api/services/street-light-repair?version=99')).statusCode, 404);
  });

  it('GET /api/services answers the same filters with the allowed fields only', async () => {
    const response = await get('/api/services?unit=road-maintenance&unit2=x');
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.count, 3);
    assert.deepEqual(body.services.map((service: { code: string }) => service.code).toSorted(), [
      'pothole-report',
      'road-maintenance-petition',
      'sidewalk-arcade-damage',
    ]);
    const pothole = body.services.find((service: { code: string }) => service.code === 'pothole-report');
    assert.deepEqual(pothole.deadline, { kind: 'hours', hours: 4 });
    assert.equal(pothole.deadlineText, '4 小時內');
    assert.equal(pothole.unit.code, 'road-maintenance');
    assert.equal(pothole.searchText, undefined, 'internal columns never leave');
    const notices = (await get('/api/services?classification=ZZZ')).json().notices;
    assert.deepEqual(
      notices.map((notice: { code: string }) => notice.code),
      ['unknown_classification'],
    );
    const search = (await get('/api/services?q=street%20light')).json();
    assert.equal(search.services[0].code, 'street-light-repair');
  });

  it('GET /api/services/:code gives the whole current version; both routes are in the OpenAPI document', async () => {
    const detail = (await get('/en/services/park-adoption')).statusCode;
    assert.equal(detail, 200);
    const body = (await get('/api/services/park-adoption')).json();
    assert.equal(body.code, 'park-adoption');
    assert.equal(body.nameZh, '公園認養');
    assert.equal(body.isDemo, true);
    assert.ok(body.checklist.length >= 2);
    assert.ok(body.formFields.length >= 3);
    assert.equal(body.sample.scope, 'both');
    assert.equal(body.deadlineText, '14 個工作天');
    const openApi = (await get('/api/openapi.json')).json();
    assert.ok(openApi.paths['/api/services']);
    assert.ok(openApi.paths['/api/services/{code}']);
    assert.equal(openApi.paths['/services'], undefined, 'pages stay out of the API document');
  });

  it('publishing a new version moves the current one and keeps the old one readable; the seed is idempotent', async () => {
    const db = subject.database.db;
    const before = await getService(db, { code: 'street-tree-pruning' });
    assert.ok(before);
    const original = DEMO_SERVICES.find(
      (service) => service.code === 'street-tree-pruning',
    ) as ServiceDefinition;
    const changed: ServiceDefinition = { ...original, deadline: { kind: 'working_days', days: 5 } };
    const result = await publishServiceVersion(db, {
      definition: changed,
      actor: cliActor,
      now: subject.clock.now(),
    });
    assert.equal(result.version, before.version + 1);
    const current = await getService(db, { code: 'street-tree-pruning' });
    assert.equal(current?.version, before.version + 1);
    assert.equal(current?.currentVersion, before.version + 1);
    assert.deepEqual(current?.deadline, { kind: 'working_days', days: 5 });
    const old = await getService(db, { code: 'street-tree-pruning', version: before.version });
    assert.deepEqual(old?.deadline, { kind: 'working_days', days: 7 });
    assert.equal(old?.currentVersion, before.version + 1);
    const oldJson = (await get(`/api/services/street-tree-pruning?version=${before.version}`)).json();
    assert.equal(oldJson.deadlineText, '7 個工作天');
    assert.match(mainOf((await get('/services/street-tree-pruning')).body), /5 個工作天/);
    const listed = await listServices(db, { lang: 'zh-TW', unitCode: 'parks' });
    assert.equal(
      listed.find((service) => service.code === 'street-tree-pruning')?.version,
      before.version + 1,
    );
    // The seed sees the demo content differs from the current version and restores it as a newer version;
    // a second run writes nothing.
    assert.equal(await seedDemoCatalogue(db, subject.clock.now()), 1);
    assert.equal(await seedDemoCatalogue(db, subject.clock.now()), 0);
    assert.equal((await getService(db, { code: 'street-tree-pruning' }))?.version, before.version + 2);
  });

  it('publishing an invalid definition throws VALIDATION_FAILED listing every problem, and writes nothing', async () => {
    const db = subject.database.db;
    const original = DEMO_SERVICES.find((service) => service.code === 'pothole-report') as ServiceDefinition;
    const broken = {
      ...original,
      unitCode: 'nowhere',
      deadline: { kind: 'hours', hours: 0 },
      serviceClassificationCode: 'Q00',
      sample: { ...original.sample, ghost: '1' },
    };
    await assert.rejects(
      publishServiceVersion(db, {
        definition: broken,
        actor: cliActor,
        now: subject.clock.now(),
        lang: 'en',
      }),
      (error: unknown) => {
        assert.ok(error instanceof DomainError);
        assert.equal(error.code, 'VALIDATION_FAILED');
        assert.deepEqual(error.problems.map((problem) => problem.field).toSorted(), [
          'deadline.hours',
          'sample.ghost',
          'serviceClassificationCode',
          'unitCode',
        ]);
        assert.match(error.problems[0]?.message ?? '', /[A-Za-z]/);
        return true;
      },
    );
    assert.equal((await getService(db, { code: 'pothole-report' }))?.version, 1);
  });
});
