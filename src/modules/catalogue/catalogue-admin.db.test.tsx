import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { decode, mainOf, summaryOf } from '../../../test/helpers/html.ts';
import { buildTestApp } from '../../../test/helpers/test-app.ts';
import { cliActor } from '../../platform/auth/audit-log.ts';
import {
  aSignedInMember,
  auditEntries,
  csrfTokenIn,
  type TestBrowser,
} from '../../platform/auth/auth-test-support.ts';
import type { StaffRole } from '../../platform/auth/principal.ts';
import { DEMO_SERVICES } from './catalogue-demo-data.ts';
import type { ServiceDefinition } from './catalogue-schemas.ts';
import { getService, publishServiceVersion } from './catalogue-service.ts';

// Top level: the test database helper registers its clean-up with node:test's after().
const subject = await buildTestApp({ environment: { RATE_LIMIT_PER_MINUTE: '10000' } });
after(() => subject.app.close());
const db = subject.database.db;

function uniqueCode(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString('hex')}`;
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) {
    if (match[1]) found.set(match[1], decode(match[2] ?? ''));
  }
  return found;
}

/** What a browser would send for the editor form as the page shows it (unticked boxes send nothing). */
function fieldsOfForm(html: string): Record<string, string> {
  const main = mainOf(html);
  const start = main.indexOf('<form method="post"');
  const form = main.slice(start, main.indexOf('</form>', start));
  const fields: Record<string, string> = {};
  for (const [, tag = ''] of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = attributes(tag);
    const name = attrs.get('name');
    if (!name) continue;
    const type = attrs.get('type') ?? 'text';
    if ((type === 'checkbox' || type === 'radio') && !attrs.has('checked')) continue;
    fields[name] = attrs.get('value') ?? '';
  }
  for (const [, tag = '', content = ''] of form.matchAll(/<textarea([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attributes(tag).get('name');
    if (name) fields[name] = decode(content);
  }
  for (const [, tag = '', options = ''] of form.matchAll(/<select([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attributes(tag).get('name');
    const selected = [...options.matchAll(/<option([^>]*)>/g)]
      .map(([, option = '']) => attributes(option))
      .find((option) => option.has('selected'));
    if (name) fields[name] = selected?.get('value') ?? '';
  }
  return fields;
}

const signedIn = (role: StaffRole, lang: 'zh-TW' | 'en' = 'zh-TW') =>
  aSignedInMember(subject, { role, lang });

/** The edit page's form as it comes, sent with `changes` to publish. */
async function publishEdited(
  browser: TestBrowser,
  code: string,
  changes: Record<string, string>,
  lang: 'zh-TW' | 'en' = 'zh-TW',
) {
  const path = `${lang === 'en' ? '/en' : ''}/staff/catalogue/${code}/edit`;
  const fields = fieldsOfForm((await browser.get(path)).body);
  return browser.post(path, { ...fields, action: 'publish', ...changes });
}

/** A service of its own for one test, published as version 1 by the command line. */
async function aService(code: string): Promise<ServiceDefinition> {
  const template = demoService('street-light-repair');
  const definition: ServiceDefinition = { ...template, code, isDemo: false, nameZh: `測試服務 ${code}` };
  await publishServiceVersion(db, { definition, actor: cliActor, now: subject.clock.now() });
  return definition;
}

async function postJson(browser: TestBrowser | null, payload: unknown, headers: Record<string, string> = {}) {
  return subject.app.inject({
    method: 'POST',
    url: '/api/staff/services',
    headers: { 'content-type': 'application/json', cookie: browser?.cookieHeader() ?? '', ...headers },
    payload: JSON.stringify(payload),
  });
}

async function sessionToken(browser: TestBrowser): Promise<string> {
  const response = await browser.get('/api/staff/session');
  assert.equal(response.statusCode, 200);
  return JSON.parse(response.body).csrfToken;
}

/** A web editor signed in for the JSON API: their client and the session's CSRF token as the API wants it. */
async function apiEditor(): Promise<{ browser: TestBrowser; tokenHeader: Record<string, string> }> {
  const browser = await signedIn('web_editor');
  return { browser, tokenHeader: { 'x-csrf-token': await sessionToken(browser) } };
}

/** The demo catalogue's service `code`, to start a definition from. */
function demoService(code: string): ServiceDefinition {
  const found = DEMO_SERVICES.find((service) => service.code === code);
  assert.ok(found, `the demo catalogue has ${code}`);
  return found;
}

const newServiceFields = (code: string): Record<string, string> => ({
  action: 'publish',
  baseVersion: '0',
  blankRows: '2',
  code,
  nameZh: '公園座椅修繕',
  nameEn: 'Park bench repair',
  summaryZh: '公園座椅損壞時通報修繕。',
  summaryEn: 'Report a broken bench in a park.',
  descriptionZh: '座椅斷裂、鬆動或有尖銳突出物時，請通報本處派員修繕。',
  descriptionEn: 'When a park bench is broken, loose or has sharp edges, tell us and we send a crew.',
  kind: 'field_report',
  unitCode: 'parks',
  serviceClassificationCode: 'E00',
  themeClassificationCode: '',
  administrativeClassificationCode: '',
  isOnline: 'yes',
  'deadline.kind': 'working_days',
  'deadline.amount': '５',
  'checklist.0.id': 'site-photo',
  'checklist.0.nameZh': '現場照片',
  'checklist.0.nameEn': 'Photo of the bench',
  'checklist.0.explanationZh': '可看出損壞位置的照片。',
  'checklist.0.explanationEn': 'A photo showing the damage.',
  'checklist.0.isElectronicallyVerifiable': 'yes',
  // A blank row as the page sends it: "required" ticked, no text. It is not saved.
  'checklist.1.isRequired': 'yes',
  'checklist.1.id': '',
  'fees.0.labelZh': '材料費',
  'fees.0.labelEn': 'Materials',
  'fees.0.amountTwd': '1,200',
  'fees.0.noteZh': '示範金額。',
  'fees.0.noteEn': 'An illustrative amount.',
  'sopSteps.0.titleZh': '受理通報',
  'sopSteps.0.titleEn': 'We receive the report',
  'sopSteps.0.detailZh': '確認地點與損壞情形。',
  'sopSteps.0.detailEn': 'We check the place and the damage.',
  'sopSteps.1.titleZh': '派員修繕',
  'sopSteps.1.titleEn': 'A crew repairs it',
  'sopSteps.1.detailZh': '修繕完成後回覆。',
  'sopSteps.1.detailEn': 'We tell you when it is done.',
  'formFields.0.type': 'location',
  'formFields.0.id': 'location',
  'formFields.0.labelZh': '地點',
  'formFields.0.labelEn': 'Where it is',
  'formFields.0.isRequired': 'yes',
  'formFields.1.type': 'choice',
  'formFields.1.id': 'damage',
  'formFields.1.labelZh': '損壞情形',
  'formFields.1.labelEn': 'What is wrong',
  'formFields.1.hintZh': '選最接近的一項',
  'formFields.1.isRequired': 'yes',
  'formFields.1.options': 'broken|斷裂|Broken\nloose|鬆動|Loose',
  'formFields.2.type': 'number',
  'formFields.2.id': 'count',
  'formFields.2.labelZh': '損壞張數',
  'formFields.2.labelEn': 'How many benches',
  'formFields.2.unitZh': '張',
  'formFields.3.type': 'text',
  'formFields.3.isRequired': 'yes',
  sample: 'location=高雄市苓雅區四維三路2號\ndamage=loose\ncount=2',
});

describe('catalogue editors: who may use the pages and the API', () => {
  it('anonymous: every page redirects to sign-in (and back); the API answers 401 in JSON, after CSRF (403 without a token)', async () => {
    for (const url of [
      '/staff/catalogue',
      '/staff/catalogue/new',
      '/staff/catalogue/street-light-repair/edit',
    ]) {
      const response = await subject.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 303, url);
      assert.equal(response.headers.location, `/staff/sign-in?return=${encodeURIComponent(url)}`);
    }
    const english = await subject.app.inject({ method: 'GET', url: '/en/staff/catalogue' });
    assert.equal(
      english.headers.location,
      `/en/staff/sign-in?return=${encodeURIComponent('/en/staff/catalogue')}`,
    );

    const noToken = await postJson(null, DEMO_SERVICES[0]);
    assert.equal(noToken.statusCode, 403);
    assert.equal(noToken.json().code, 'CSRF_INVALID');
    // An anonymous client with a valid double-submit token gets as far as the sign-in check.
    const signInPage = await subject.app.inject({ method: 'GET', url: '/staff/sign-in' });
    const token = csrfTokenIn(signInPage.body);
    const anonymous = await subject.app.inject({
      method: 'POST',
      url: '/api/staff/services',
      headers: { 'content-type': 'application/json', cookie: `ow_csrf=${token}`, 'x-csrf-token': token },
      payload: JSON.stringify(DEMO_SERVICES[0]),
    });
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().code, 'UNAUTHENTICATED');
    assert.equal(anonymous.json().message, '請先登入。');
  });

  it('a handler gets 403 on the pages, the form post and the API; nothing is published', async () => {
    const code = uniqueCode('handler-tries');
    await aService(code);
    const browser = await signedIn('handler');
    const list = await browser.get('/staff/catalogue');
    assert.equal(list.statusCode, 403);
    assert.match(list.body, /您沒有權限執行此操作/);
    assert.equal((await browser.get(`/staff/catalogue/${code}/edit`)).statusCode, 403);
    const token = await sessionToken(browser);
    const form = await browser.post(`/staff/catalogue/${code}/edit`, { _csrf: token, nameZh: '改名' });
    assert.equal(form.statusCode, 403);
    const api = await postJson(browser, { ...DEMO_SERVICES[0], code }, { 'x-csrf-token': token });
    assert.equal(api.statusCode, 403);
    assert.equal(api.json().code, 'FORBIDDEN');
    assert.equal((await getService(db, { code }))?.version, 1);
  });

  it('a web editor finds the catalogue on the staff home; the list shows every service with version, date and demo flag', async () => {
    const code = uniqueCode('listed');
    await aService(code);
    const browser = await signedIn('web_editor');
    const home = mainOf((await browser.get('/staff')).body);
    assert.match(home, /<a class="govuk-link" href="\/staff\/catalogue">/);
    const response = await browser.get('/staff/catalogue');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['cache-control']), /no-store/);
    const main = mainOf(response.body);
    assert.match(main, /<h1 class="govuk-heading-l">服務項目管理<\/h1>/);
    assert.match(main, /href="\/staff\/catalogue\/new"/);
    for (const service of DEMO_SERVICES)
      assert.match(main, new RegExp(`data-service-code="${service.code}"`));
    const row = main.slice(
      main.indexOf(`data-service-code="${code}"`),
      main.indexOf('</tr>', main.indexOf(code)),
    );
    assert.match(row, new RegExp(`href="/staff/catalogue/${code}/edit"`));
    assert.match(row, /測試服務/);
    assert.match(row, /公園處/);
    assert.match(row, /第 1 版/);
    // The test clock: 2026-03-02T02:00Z is 10:00 in Taipei.
    assert.match(row, /民國115年3月2日 10:00/);
    assert.match(row, /<td class="govuk-table__cell">否<\/td>/);
    const demoRow = main.slice(main.indexOf('data-service-code="street-light-repair"'));
    assert.match(demoRow.slice(0, demoRow.indexOf('</tr>')), /govuk-tag--yellow">示範</);
    const englishList = mainOf((await browser.get('/en/staff/catalogue')).body);
    assert.match(englishList, /Manage services/);
    assert.match(englishList, /Version 1/);
    assert.match(englishList, /2 March 2026 10:00/);
  });
});

describe('catalogue editors: creating and editing through the form', () => {
  it('a web editor creates a service without JavaScript; the public API shows every value; the audit log names them', async () => {
    const code = uniqueCode('bench-repair');
    const browser = await signedIn('web_editor');
    const page = await browser.get('/staff/catalogue/new');
    assert.equal(page.statusCode, 200);
    assert.match(mainOf(page.body), /<form method="post" action="\/staff\/catalogue\/new" novalidate>/);
    const response = await browser.post('/staff/catalogue/new', {
      _csrf: csrfTokenIn(page.body),
      ...newServiceFields(code),
    });
    assert.equal(response.statusCode, 303, summaryOf(response.body).join('\n'));
    assert.equal(response.headers.location, `/staff/catalogue/${code}/edit?published=1`);
    const edit = await browser.get(String(response.headers.location));
    assert.match(mainOf(edit.body), /govuk-notification-banner--success/);
    assert.match(mainOf(edit.body), /已發布第 1 版。/);

    const api = await subject.app.inject({ method: 'GET', url: `/api/services/${code}` });
    assert.equal(api.statusCode, 200);
    const service = api.json();
    assert.equal(service.version, 1);
    assert.equal(service.nameZh, '公園座椅修繕');
    assert.equal(service.nameEn, 'Park bench repair');
    assert.equal(service.kind, 'field_report');
    assert.equal(service.unit.code, 'parks');
    assert.equal(service.isOnline, true);
    assert.equal(service.isDemo, false);
    assert.deepEqual(service.deadline, { kind: 'working_days', days: 5 });
    assert.equal(service.themeClassificationCode, null);
    assert.deepEqual(service.checklist, [
      {
        id: 'site-photo',
        nameZh: '現場照片',
        nameEn: 'Photo of the bench',
        explanationZh: '可看出損壞位置的照片。',
        explanationEn: 'A photo showing the damage.',
        isElectronicallyVerifiable: true,
        isRequired: false,
      },
    ]);
    assert.deepEqual(service.fees, [
      {
        labelZh: '材料費',
        labelEn: 'Materials',
        amountTwd: 1200,
        noteZh: '示範金額。',
        noteEn: 'An illustrative amount.',
      },
    ]);
    assert.deepEqual(
      service.sopSteps.map((step: { titleEn: string }) => step.titleEn),
      ['We receive the report', 'A crew repairs it'],
    );
    assert.deepEqual(service.formFields, [
      { type: 'location', id: 'location', labelZh: '地點', labelEn: 'Where it is', isRequired: true },
      {
        type: 'choice',
        id: 'damage',
        labelZh: '損壞情形',
        labelEn: 'What is wrong',
        hintZh: '選最接近的一項',
        isRequired: true,
        options: [
          { value: 'broken', labelZh: '斷裂', labelEn: 'Broken' },
          { value: 'loose', labelZh: '鬆動', labelEn: 'Loose' },
        ],
      },
      {
        type: 'number',
        id: 'count',
        labelZh: '損壞張數',
        labelEn: 'How many benches',
        isRequired: false,
        unitZh: '張',
      },
    ]);
    assert.deepEqual(service.sample, { location: '高雄市苓雅區四維三路2號', damage: 'loose', count: '2' });
    const publicPage = await subject.app.inject({ method: 'GET', url: `/services/${code}` });
    assert.equal(publicPage.statusCode, 200);
    assert.match(mainOf(publicPage.body), /公園座椅修繕/);

    const audit = await auditEntries(subject.database.db, 'catalogue.service_published', code);
    assert.equal(audit.length, 1);
    assert.match(audit[0]?.actorLabel ?? '', /^web-editor\..+@test\.onewindow\.tw$/);
    assert.deepEqual(audit[0]?.details, { version: 1 });
  });

  it('creating with a code already in use lists that with the other problems and publishes nothing', async () => {
    const code = uniqueCode('taken');
    await aService(code);
    const browser = await signedIn('web_editor');
    const response = await browser.submit('/staff/catalogue/new', '/staff/catalogue/new', {
      ...newServiceFields(code),
      nameEn: '',
    });
    assert.equal(response.statusCode, 400);
    const problems = summaryOf(response.body);
    assert.deepEqual(
      problems.map(([href]) => href),
      ['code', 'nameEn'],
    );
    assert.match(problems[0]?.[1] ?? '', /^代碼：「taken-[0-9a-f]+」已有服務項目使用/);
    assert.equal((await getService(db, { code }))?.version, 1);
  });

  it('editing: the page holds every value; an unchanged form publishes nothing; a change is version 2 and version 1 stays as it was', async () => {
    const code = uniqueCode('edited');
    const original = await aService(code);
    const browser = await signedIn('web_editor');
    const page = await browser.get(`/staff/catalogue/${code}/edit`);
    assert.equal(page.statusCode, 200);
    const fields = fieldsOfForm(page.body);
    assert.equal(fields.nameZh, original.nameZh);
    assert.equal(fields['deadline.amount'], '3');
    assert.equal(fields['formFields.2.type'], 'choice');
    assert.match(fields['formFields.2.options'] ?? '', /^out\|不亮\|Out$/m);
    assert.equal(fields.baseVersion, '1');

    const unchanged = await browser.post(`/staff/catalogue/${code}/edit`, { ...fields, action: 'publish' });
    assert.equal(unchanged.statusCode, 303, summaryOf(unchanged.body).join('\n'));
    assert.equal(unchanged.headers.location, `/staff/catalogue/${code}/edit?unchanged=1`);
    assert.equal((await getService(db, { code }))?.version, 1);

    const changed = await browser.post(`/staff/catalogue/${code}/edit`, {
      ...fields,
      action: 'publish',
      nameZh: '路燈維修（新版）',
      'deadline.amount': '2',
      // Codes in the URL win: a posted code cannot rename a service.
      code: 'another-code',
    });
    assert.equal(changed.statusCode, 303, summaryOf(changed.body).join('\n'));
    assert.equal(changed.headers.location, `/staff/catalogue/${code}/edit?published=2`);

    const current = (await subject.app.inject({ method: 'GET', url: `/api/services/${code}` })).json();
    assert.equal(current.version, 2);
    assert.equal(current.nameZh, '路燈維修（新版）');
    assert.deepEqual(current.deadline, { kind: 'working_days', days: 2 });
    assert.deepEqual(current.checklist, original.checklist);
    const first = (
      await subject.app.inject({ method: 'GET', url: `/api/services/${code}?version=1` })
    ).json();
    assert.equal(first.version, 1);
    assert.equal(first.currentVersion, 2);
    assert.equal(first.nameZh, original.nameZh);
    assert.deepEqual(first.deadline, { kind: 'working_days', days: 3 });
    assert.equal(await getService(db, { code: 'another-code' }), null);

    const history = mainOf((await browser.get(`/staff/catalogue/${code}/edit`)).body);
    assert.match(history, /id="version-history"/);
    assert.match(history, /data-version="2"[\s\S]*目前版本/);
    assert.match(history, new RegExp(`href="/staff/catalogue/${code}/edit\\?version=1"`));
    assert.match(history, /<td class="govuk-table__cell">cli<\/td>/);
    assert.match(history, /<td class="govuk-table__cell">web-editor\.[^<]+@test\.onewindow\.tw<\/td>/);

    const old = await browser.get(`/staff/catalogue/${code}/edit?version=1`);
    assert.equal(old.statusCode, 200);
    const oldMain = mainOf(old.body);
    assert.match(oldMain, /這是第 1 版，已由第 2 版取代。舊版本不能修改/);
    assert.match(oldMain, new RegExp(`測試服務 ${code}`));
    assert.match(oldMain, /3 個工作天/);
    assert.doesNotMatch(oldMain, /<form method="post"/, 'an old version is read-only');
    assert.equal((await browser.get(`/staff/catalogue/${code}/edit?version=9`)).statusCode, 404);
    assert.equal((await browser.get('/staff/catalogue/no-such-service/edit')).statusCode, 404);
  });

  it('an invalid form → 400, the form again with what was typed and EVERY problem listed, linked and shown at its field', async () => {
    const code = uniqueCode('invalid');
    await aService(code);
    const browser = await signedIn('web_editor');
    const fields = fieldsOfForm((await browser.get(`/staff/catalogue/${code}/edit`)).body);
    const response = await browser.post(`/staff/catalogue/${code}/edit`, {
      ...fields,
      action: 'publish',
      nameEn: '   ',
      'deadline.amount': '三天',
      'fees.0.amountTwd': '12.5',
      'checklist.0.id': 'Bad Id',
      'formFields.2.options': `${fields['formFields.2.options']}\nbroken only`,
      sample: `${fields.sample}\nghost=1`,
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>錯誤：編輯服務項目：/);
    const problems = summaryOf(response.body);
    // In the order of the form, so the summary reads like the page.
    assert.deepEqual(
      problems.map(([href]) => href),
      ['nameEn', 'deadline-amount', 'checklist-0-id', 'fees-0-amountTwd', 'formFields-2-options', 'sample'],
    );
    const texts = problems.map(([, label]) => label);
    assert.ok(texts.includes('英文名稱：請填寫此欄位。'), texts.join('\n'));
    assert.ok(texts.includes('天數或時數：請填寫整數，例如 7。'), texts.join('\n'));
    assert.ok(texts.includes('第 1 項費用的金額（新臺幣元）：請填寫整數，例如 7。'), texts.join('\n'));
    assert.ok(
      texts.some((label) => /^第 1 項文件的識別碼：識別碼只能用小寫英文字母/.test(label)),
      texts.join('\n'),
    );
    assert.ok(
      texts.some((label) =>
        /^第 3 個欄位的選項（只用於選擇欄位）：第 5 行應寫成「值\|中文標籤\|英文標籤」。$/.test(label),
      ),
      texts.join('\n'),
    );
    assert.ok(texts.includes('範例內容：範例填寫了不存在的欄位「ghost」。'), texts.join('\n'));
    const main = mainOf(response.body);
    // Each input shows its own problem and keeps what was typed.
    assert.match(main, /id="deadline-amount-error"[^>]*>[\s\S]*?請填寫整數/);
    assert.match(main, /aria-describedby="deadline-amount-error"/);
    assert.match(main, /name="deadline.amount" type="text" value="三天"/);
    assert.match(main, /name="checklist.0.id" type="text" value="Bad Id"/);
    assert.match(main, /govuk-form-group--error/);
    assert.equal((await getService(db, { code }))?.version, 1, 'nothing is published');

    const englishResponse = await publishEdited(
      await signedIn('web_editor', 'en'),
      code,
      { 'deadline.amount': 'x', 'checklist.0.nameZh': '' },
      'en',
    );
    assert.equal(englishResponse.statusCode, 400);
    assert.deepEqual(
      summaryOf(englishResponse.body).map(([, label]) => label),
      [
        'Number of days or hours: Enter a whole number, e.g. 7.',
        'Document 1, Name in Chinese: Enter a value.',
      ],
    );
  });

  it('an over-long field is answered on the form page (400) in the forms kit’s words, listed with every other problem, what was typed kept', async () => {
    const code = uniqueCode('too-long');
    await aService(code);
    const longName = '路燈'.repeat(51);
    const response = await publishEdited(await signedIn('web_editor'), code, {
      nameZh: longName,
      nameEn: '',
      'checklist.0.nameZh': 'x\u0000',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>錯誤：編輯服務項目：/);
    assert.deepEqual(summaryOf(response.body), [
      ['nameZh', '中文名稱最多 100 個字（現為 102 個字）'],
      ['nameEn', '英文名稱：請填寫此欄位。'],
      ['checklist-0-nameZh', '第 1 項文件的中文名稱含有無法使用的字元'],
    ]);
    const main = mainOf(response.body);
    assert.match(
      main,
      /id="nameZh-error"[^>]*><span class="govuk-visually-hidden">錯誤：<\/span>中文名稱最多 100 個字/,
    );
    assert.equal(fieldsOfForm(response.body).nameZh, longName);
    assert.equal((await getService(db, { code }))?.version, 1, 'nothing is published');

    const englishResponse = await publishEdited(
      await signedIn('web_editor', 'en'),
      code,
      { summaryEn: 'x'.repeat(601) },
      'en',
    );
    assert.equal(englishResponse.statusCode, 400);
    assert.deepEqual(summaryOf(englishResponse.body), [
      ['summaryEn', 'The summary in English must be 600 characters or fewer (it has 601)'],
    ]);
  });

  it('a form without its CSRF token, or with a wrong one, is refused with 403 and publishes nothing', async () => {
    const code = uniqueCode('csrf');
    await aService(code);
    const browser = await signedIn('web_editor');
    const fields = fieldsOfForm((await browser.get(`/staff/catalogue/${code}/edit`)).body);
    const { _csrf: _token, ...withoutToken } = fields;
    const missing = await browser.post(`/staff/catalogue/${code}/edit`, {
      ...withoutToken,
      nameZh: '被竄改',
    });
    assert.equal(missing.statusCode, 403);
    assert.match(missing.body, /表單已過期或來源不明/);
    const wrong = await browser.post(`/staff/catalogue/${code}/edit`, {
      ...fields,
      _csrf: 'A'.repeat(43),
      nameZh: '被竄改',
    });
    assert.equal(wrong.statusCode, 403);
    const created = await browser.post('/staff/catalogue/new', newServiceFields(uniqueCode('no-token')));
    assert.equal(created.statusCode, 403);
    assert.equal((await getService(db, { code }))?.version, 1);
  });

  it('two editors at once: the second is told about the newer version (409), keeps their text, and can then replace it', async () => {
    const code = uniqueCode('race');
    await aService(code);
    const first = await signedIn('web_editor');
    const second = await signedIn('web_editor');
    const firstFields = fieldsOfForm((await first.get(`/staff/catalogue/${code}/edit`)).body);
    const secondFields = fieldsOfForm((await second.get(`/staff/catalogue/${code}/edit`)).body);
    const won = await first.post(`/staff/catalogue/${code}/edit`, { ...firstFields, nameZh: '甲的版本' });
    assert.equal(won.statusCode, 303);
    const lost = await second.post(`/staff/catalogue/${code}/edit`, { ...secondFields, nameZh: '乙的版本' });
    assert.equal(lost.statusCode, 409);
    const problems = summaryOf(lost.body);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.[0], 'version-history');
    assert.match(problems[0]?.[1] ?? '', /已有人發布了第 2 版（您是從第 1 版開始編輯的）/);
    const again = fieldsOfForm(lost.body);
    assert.equal(again.nameZh, '乙的版本');
    assert.equal(again.baseVersion, '2');
    assert.equal((await getService(db, { code }))?.nameZh, '甲的版本');
    const replaced = await second.post(`/staff/catalogue/${code}/edit`, again);
    assert.equal(replaced.statusCode, 303);
    const current = await getService(db, { code });
    assert.equal(current?.version, 3);
    assert.equal(current?.nameZh, '乙的版本');
  });

  it('"add empty rows" shows the form again with more blank rows and publishes nothing', async () => {
    const code = uniqueCode('rows');
    const definition = await aService(code);
    const browser = await signedIn('web_editor');
    const fields = fieldsOfForm((await browser.get(`/staff/catalogue/${code}/edit`)).body);
    const blankIndex = definition.checklist.length;
    assert.ok(`checklist.${blankIndex + 1}.id` in fields, 'two blank rows at first');
    assert.ok(!(`checklist.${blankIndex + 2}.id` in fields));
    const response = await browser.post(`/staff/catalogue/${code}/edit`, {
      ...fields,
      action: 'add-rows',
      nameZh: '還沒寫完',
    });
    assert.equal(response.statusCode, 200);
    const again = fieldsOfForm(response.body);
    assert.equal(again.nameZh, '還沒寫完');
    assert.equal(again.blankRows, '5');
    assert.ok(`checklist.${blankIndex + 4}.id` in again, 'five blank rows now');
    assert.ok(`formFields.${definition.formFields.length + 4}.id` in again);
    // A tampered count cannot make the page endless.
    const tampered = await browser.post(`/staff/catalogue/${code}/edit`, {
      ...fields,
      action: 'add-rows',
      blankRows: '999999',
    });
    assert.equal(fieldsOfForm(tampered.body).blankRows, '20');
    assert.equal((await getService(db, { code }))?.version, 1);
  });
});

describe('catalogue editors: the JSON API', () => {
  it('POST /api/staff/services: 201 with the new version, then version 2; the OpenAPI document describes it', async () => {
    const code = uniqueCode('api');
    const { browser, tokenHeader } = await apiEditor();
    const template = demoService('park-adoption');
    const created = await postJson(
      browser,
      { ...template, code, isDemo: false, extra: 'ignored' },
      tokenHeader,
    );
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.headers.location, `/api/services/${code}?version=1`);
    const body = created.json();
    assert.equal(body.code, code);
    assert.equal(body.version, 1);
    assert.equal(body.nameZh, template.nameZh);
    assert.equal(body.deadlineText, '14 個工作天');
    assert.equal(body.extra, undefined);

    const changed = await postJson(
      browser,
      {
        ...template,
        code,
        isDemo: false,
        fees: [{ labelZh: '免費', labelEn: 'Free', amountTwd: 0, hidden: 1 }],
      },
      tokenHeader,
    );
    assert.equal(changed.statusCode, 201);
    assert.equal(changed.json().version, 2);
    const stored = await getService(db, { code });
    assert.deepEqual(
      stored?.fees,
      [{ labelZh: '免費', labelEn: 'Free', amountTwd: 0 }],
      'unknown properties are not stored',
    );
    assert.deepEqual((await getService(db, { code, version: 1 }))?.fees, template.fees);

    const openApi = (await subject.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operation = openApi.paths['/api/staff/services']?.post;
    assert.ok(operation, 'the route is in the document');
    assert.deepEqual(operation.tags, ['catalogue', 'staff']);
    assert.ok(operation.requestBody.content['application/json'].schema.properties.checklist);
    assert.ok(operation.responses['201']);
    assert.equal(openApi.paths['/staff/catalogue'], undefined, 'pages stay out of the API document');
  });

  it('an invalid definition → 400 VALIDATION_FAILED listing every problem; a missing header token → 403', async () => {
    const code = uniqueCode('api-invalid');
    const { browser, tokenHeader } = await apiEditor();
    const template = demoService('pothole-report');
    const response = await postJson(
      browser,
      {
        ...template,
        code,
        nameEn: '',
        unitCode: 'nowhere',
        deadline: { kind: 'hours', hours: 0 },
        sopSteps: [],
        sample: { ghost: '1' },
      },
      tokenHeader,
    );
    assert.equal(response.statusCode, 400);
    const body = response.json();
    assert.equal(body.code, 'VALIDATION_FAILED');
    assert.deepEqual(body.errors.map((problem: { field: string }) => problem.field).toSorted(), [
      'deadline.hours',
      'nameEn',
      'sample.ghost',
      'sopSteps',
      'unitCode',
    ]);
    assert.ok(body.errors.every((problem: { message: string }) => /[\u4e00-\u9fff]/.test(problem.message)));
    assert.equal(await getService(db, { code }), null);

    const shapeless = await postJson(browser, { code }, tokenHeader);
    assert.equal(shapeless.statusCode, 400);
    assert.ok(shapeless.json().errors.length >= 10, 'every missing property is listed');

    const noHeader = await postJson(browser, { ...template, code });
    assert.equal(noHeader.statusCode, 403);
    assert.equal(noHeader.json().code, 'CSRF_INVALID');
    assert.equal(await getService(db, { code }), null);
  });
});
