import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { multipartActionOf } from '../../../../test/helpers/form-action.ts';
import { mainOf, summaryOf } from '../../../../test/helpers/html.ts';
import { buildTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { systemActor } from '../../../platform/auth/audit-log.ts';
import { auditLog } from '../../../platform/auth/auth-schema.ts';
import { aSignedInMember, type TestBrowser } from '../../../platform/auth/auth-test-support.ts';
import { storedFiles } from '../../../platform/files/files-schema.ts';
import { multipartForm, sampleExe, samplePng } from '../../../platform/uploads/upload-test-support.ts';
import { formatPageDate } from '../../../platform/web/format-date.ts';
import { caseAttachments, cases, caseTimeline } from '../core/cases-schema.ts';
import { setRoutingRule } from '../core/routing-rules.ts';

/** A complete, valid walk-in application for 建築工程開工申報 (unit: building). */
const buildingStart = {
  channel: 'counter',
  applicantType: 'company',
  applicantName: '王大明',
  applicantCompany: '大明建設股份有限公司',
  applicantPhone: '0912-345-678',
  applicantEmail: 'daming@example.com',
  applicantAddress: '高雄市苓雅區四維三路 2 號',
  applicantLang: 'zh-TW',
  subject: '',
  description: '申報建築工程開工，施工計畫書已帶來。',
  'field.permit-number': '113高市工建築字第01234號',
  'field.start-date': '115/12/01',
  'field.builder-name': '四維營造有限公司',
  checklist: ['construction-plan'],
  consent: 'yes',
};

describe('counter intake (HTTP and database)', () => {
  let subject: TestApp;
  let clerk: TestBrowser;

  before(async () => {
    subject = await buildTestApp();
    clerk = await aSignedInMember(subject, { role: 'counter_clerk', displayName: '櫃台 林小姐' });
  });
  after(() => subject.app.close());

  const db = () => subject.database.db;
  const caseCount = async () => (await db().select({ n: count() }).from(cases))[0]?.n ?? 0;
  const attachmentCount = async () => (await db().select({ n: count() }).from(caseAttachments))[0]?.n ?? 0;
  const caseByNumber = async (caseNumber: string) => {
    const [row] = await db().select().from(cases).where(eq(cases.caseNumber, caseNumber));
    assert.ok(row, `case ${caseNumber} exists`);
    return row;
  };
  const receiptNumberOf = (location: string) => {
    const match = /\/staff\/counter\/receipt\/(\d{7}-\d{4})$/.exec(location);
    assert.ok(match?.[1], `a receipt location: ${location}`);
    return match[1];
  };

  it('the staff home links to counter intake, and the picker lists every service grouped by unit', async () => {
    const home = await clerk.get('/staff');
    assert.match(mainOf(home.body), /href="\/staff\/counter"/);

    const picker = await clerk.get('/staff/counter');
    assert.equal(picker.statusCode, 200);
    assert.equal(picker.headers['cache-control'], 'no-store');
    const main = mainOf(picker.body);
    assert.match(main, /<form method="get" action="\/staff\/counter\/new"/);
    assert.match(main, /<optgroup label="建築管理處">[\s\S]*?<option value="building-construction-start">/);
    assert.match(
      main,
      /<optgroup label="公園處">[\s\S]*?<option value="street-light-repair">路燈維修<\/option>/,
    );
    assert.ok((main.match(/<optgroup /g) ?? []).length >= 4, 'one group per unit with services');
  });

  it('the keyword search works without JavaScript and links each service to its intake form', async () => {
    const found = await clerk.get(`/staff/counter?q=${encodeURIComponent('路燈')}`);
    assert.equal(found.statusCode, 200);
    const main = mainOf(found.body);
    assert.match(main, /找到 \d+ 項符合「路燈」的申辦項目/);
    const codes = [...main.matchAll(/data-service-code="([^"]+)"/g)].map((match) => match[1]);
    assert.equal(codes[0], 'street-light-repair', 'the service named so comes first');
    assert.match(
      main,
      /<a class="govuk-link" href="\/staff\/counter\/new\?service=street-light-repair">路燈維修<\/a>/,
    );
    const none = await clerk.get('/en/staff/counter?q=zzzz');
    assert.match(mainOf(none.body), /No service matches “zzzz”/);
  });

  it('no service or an unknown one → 400 on the picker, naming the problem', async () => {
    const missing = await clerk.get('/staff/counter/new');
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(summaryOf(missing.body), [['service', '請選擇申辦項目。']]);
    const unknown = await clerk.get('/en/staff/counter/new?service=moon-base');
    assert.equal(unknown.statusCode, 400);
    assert.deepEqual(summaryOf(unknown.body), [['service', 'That service was not found; choose again.']]);
  });

  it('the form for a service shows its own fields, checklist (electronic items ticked), deadline, fees and the §8 notice', async () => {
    const page = await clerk.get('/staff/counter/new?service=building-construction-start');
    assert.equal(page.statusCode, 200);
    const main = mainOf(page.body);
    assert.match(main, /enctype="multipart\/form-data"/);
    // No token in the address (issue 14): it is the form's first field, read before any file.
    assert.equal(multipartActionOf(page.body), '/staff/counter/new?service=building-construction-start');
    assert.match(
      main,
      /enctype="multipart\/form-data" novalidate><input type="hidden" name="_csrf" value="[A-Za-z0-9_-]{43}"\/>/,
    );
    for (const channel of ['counter', 'phone', 'email', 'hotline_1999']) {
      assert.match(main, new RegExp(`name="channel" type="radio" value="${channel}"`));
    }
    assert.match(main, /value="counter" checked/);
    assert.match(main, /id="field-permit-number" name="field.permit-number"/);
    assert.match(main, /id="field-start-date" name="field.start-date"/);
    assert.doesNotMatch(main, /name="field.applicant-name"/, 'the applicant’s name is asked once');
    assert.match(main, /value="building-permit" checked disabled/);
    assert.match(main, /本局以電子方式查驗，申請人免附/);
    assert.match(main, /id="documents" name="documents" type="file" multiple/);
    assert.match(main, /id="service-deadline">3 個工作天/);
    assert.match(main, /id="service-fees">[\s\S]*免費/);
    assert.match(main, /蒐集機關：高雄市政府工務局/);
    assert.match(main, /不提供的影響/);
    assert.match(main, /id="consent" name="consent" type="checkbox" value="yes"/);

    const light = await clerk.get('/en/staff/counter/new?service=street-light-repair');
    assert.equal(light.statusCode, 200);
    const lightMain = mainOf(light.body);
    assert.match(lightMain, /<select class="govuk-select" id="districtCode" name="districtCode"/);
    assert.equal((lightMain.match(/<option value="640\d{5}"/g) ?? []).length, 38, 'Kaohsiung’s 38 districts');
    assert.match(lightMain, /id="file-photo" name="file.photo" type="file" multiple/);
    assert.match(lightMain, /name="field.problem" type="radio" value="out"/);
    assert.match(lightMain, /Who collects: the Public Works Bureau/);
  });

  it('a valid walk-in application with a scan → 303 to the receipt; the case is in the unit’s queue with the file, in one go', async () => {
    const casesBefore = await caseCount();
    const page = await clerk.get('/staff/counter/new?service=building-construction-start');
    const response = await clerk.postMultipart(
      multipartActionOf(page.body),
      multipartForm(buildingStart, [
        { field: 'documents', name: '施工計畫書.png', type: 'image/png', content: samplePng() },
      ]),
    );
    assert.equal(response.statusCode, 303, response.body);
    const location = String(response.headers.location);
    const caseNumber = receiptNumberOf(location);
    assert.equal(location, `/staff/counter/receipt/${caseNumber}`);
    assert.equal(await caseCount(), casesBefore + 1);

    const row = await caseByNumber(caseNumber);
    assert.equal(row.serviceCode, 'building-construction-start');
    assert.equal(row.unitCode, 'building');
    assert.equal(row.state, 'received');
    assert.equal(row.channel, 'counter');
    assert.equal(row.applicantType, 'company');
    assert.equal(row.applicantName, '王大明');
    assert.equal(row.applicantCompany, '大明建設股份有限公司');
    assert.equal(row.applicantPhone, '0912345678');
    assert.deepEqual(row.consentAt, subject.clock.now());
    assert.equal(row.subject, '建築工程開工申報');
    assert.equal(row.formData['start-date'], '2026-12-01', 'a 民國 date is stored as ISO');
    assert.equal(row.formData['permit-number'], '113高市工建築字第01234號');
    // Not asked twice: the service's own name and phone fields come from the applicant block.
    assert.equal(row.formData['applicant-name'], '大明建設股份有限公司');
    assert.equal(row.formData['contact-phone'], '0912-345-678');
    assert.deepEqual(row.checklistReceived.toSorted(), ['building-permit', 'construction-plan']);
    // Received Monday 2 March 2026 (Taipei): 3 working days from the day after.
    assert.equal(row.expectedCompletionDate, '2026-03-05');

    const files = await db().select().from(caseAttachments).where(eq(caseAttachments.caseId, row.id));
    assert.equal(files.length, 1);
    assert.equal(files[0]?.mediaType, 'image/png');
    assert.equal(files[0]?.fileName, '施工計畫書.png');
    // The row names the bytes; they are in the file store, listed in stored_files (ADR 0009).
    assert.equal(files[0]?.content, null);
    assert.ok((await subject.files.read(files[0]?.sha256 ?? '')).equals(samplePng()));
    const listed = await db()
      .select()
      .from(storedFiles)
      .where(eq(storedFiles.sha256, files[0]?.sha256 ?? ''));
    assert.deepEqual(
      listed.map((file) => [file.sizeBytes, file.mediaType]),
      [[samplePng().length, 'image/png']],
    );
    const timeline = await db().select().from(caseTimeline).where(eq(caseTimeline.caseId, row.id));
    assert.deepEqual(
      timeline.map((event) => [event.kind, event.toState, event.actorLabel]),
      [['created', 'received', '櫃台 林小姐']],
    );

    const receipt = await clerk.get(location);
    assert.equal(receipt.statusCode, 200);
    assert.equal(receipt.headers['cache-control'], 'no-store');
    const main = mainOf(receipt.body);
    assert.match(main, /高雄市政府工務局/);
    assert.match(main, new RegExp(`data-case-number="${caseNumber}"`));
    const visibleNumber = /id="case-number"[^>]*>([\s\S]*?)<\/dd>/.exec(main)?.[1]?.replace(/<[^>]+>/g, '');
    assert.equal(visibleNumber, caseNumber, 'the grouped number reads as the case number');
    assert.match(main, new RegExp(`data-lookup-code="${row.lookupCode}"`));
    assert.match(
      main,
      /<svg role="img" aria-label="掃描 QR Code 查詢案件 [^"]+" class="ow-receipt__qr-image"/,
    );
    assert.match(main, /<path [^>]*d="M/);
    assert.doesNotMatch(main, /style="/, 'no inline style (CSP)');
    assert.match(main, /建築工程開工申報（第 1 版）/);
    assert.match(main, /王大明（大明建設股份有限公司）/, 'the applicant’s name unmasked');
    assert.match(main, /民國115年3月2日 10:00/);
    assert.match(main, new RegExp(`data-expected-date="${row.expectedCompletionDate}"`));
    assert.match(main, new RegExp(formatPageDate('zh-TW', row.expectedCompletionDate ?? '')));
    const received = /id="receipt-received-items"[\s\S]*?<\/section>/.exec(main)?.[0] ?? '';
    assert.match(received, /data-checklist-item="building-permit"/);
    assert.match(received, /data-checklist-item="construction-plan"/);
    assert.match(received, /已掃描存檔 1 個檔案：施工計畫書.png/);
    const missing = /id="receipt-missing-items"[\s\S]*?<\/section>/.exec(main)?.[0] ?? '';
    assert.deepEqual(
      [...missing.matchAll(/data-checklist-item="([^"]+)"/g)].map((match) => match[1]),
      ['contractor-registration'],
      'every missing required item, once; optional ones not asked for',
    );
    assert.match(main, /建築管理處/);
    assert.match(main, /<a class="govuk-link" href="tel:/);
    assert.match(main, new RegExp(`${subject.config.publicBaseUrl}/track`));
    assert.match(main, /<script type="module" src="\/assets\/print.js"><\/script>/);

    const [audit] = await db().select().from(auditLog).where(eq(auditLog.targetId, row.id));
    assert.equal(audit?.action, 'case.receipt_view');
  });

  it('a phone request from an English speaker for another unit’s service: channel, place and language recorded, routed by rule', async () => {
    // A routing rule: street trees in 鼓山區 (64000020) go to the road maintenance office.
    // Through the rules' own service, as `onewindow routing:set` does: the intake keeps rules for a few
    // seconds, and a change made in this process applies at once.
    await setRoutingRule(
      db(),
      {
        serviceCode: 'street-tree-pruning',
        districtCode: '64000020',
        unitCode: 'road-maintenance',
        note: 'test',
      },
      systemActor,
      new Date(),
    );
    for (const [service, districtCode, expectedUnit] of [
      ['street-light-repair', '64000020', 'parks'],
      ['street-tree-pruning', '64000020', 'road-maintenance'],
    ] as const) {
      const page = await clerk.get(`/en/staff/counter/new?service=${service}`);
      const response = await clerk.postMultipart(
        multipartActionOf(page.body),
        multipartForm({
          channel: 'phone',
          applicantType: 'person',
          applicantName: 'Jane Smith',
          applicantEmail: 'jane@example.com',
          applicantLang: 'en',
          description: 'Called to report a problem near the art museum.',
          districtCode,
          address: 'Meishuguan Rd & Meishu E. 2nd Rd',
          'field.problem': service === 'street-light-repair' ? 'out' : 'blocks-signal',
          consent: 'yes',
        }),
      );
      assert.equal(response.statusCode, 303, response.body);
      const location = String(response.headers.location);
      assert.match(location, /^\/en\/staff\/counter\/receipt\//, 'the clerk’s (English) counter');
      const row = await caseByNumber(receiptNumberOf(location));
      assert.equal(row.channel, 'phone');
      assert.equal(row.unitCode, expectedUnit);
      assert.equal(row.districtCode, districtCode);
      assert.equal(row.address, 'Meishuguan Rd & Meishu E. 2nd Rd');
      assert.equal(row.applicantLang, 'en');
      assert.equal(row.applicantPhone, null);

      const receipt = mainOf((await clerk.get(location)).body);
      assert.match(receipt, /id="receipt-channel">Phone</);
      assert.match(receipt, /Received<\/dt><dd[^>]*>2 March 2026, 10:00/);
      assert.match(
        receipt,
        new RegExp(`<strong>${formatPageDate('en', row.expectedCompletionDate ?? '')}</strong>`),
      );
      assert.match(receipt, /id="receipt-missing-items"[\s\S]*All required documents have been received\./);
      assert.match(receipt, new RegExp(`${subject.config.publicBaseUrl}/en/track`));
      assert.match(receipt, /Jane Smith/);
    }
  });

  it('a company’s switchboard number with an extension, or +886, is accepted and kept with its extension (issue 14)', async () => {
    for (const [typed, stored, shown] of [
      ['07-3368333 分機 123', '073368333#123', '073368333 #123'],
      ['07-3368333#45', '073368333#45', '073368333 #45'],
      ['+886 912 345 678', '0912345678', '0912-345-678'],
    ] as const) {
      const page = await clerk.get('/staff/counter/new?service=building-construction-start');
      const response = await clerk.postMultipart(
        multipartActionOf(page.body),
        multipartForm({ ...buildingStart, applicantPhone: typed }),
      );
      assert.equal(response.statusCode, 303, `${typed}: ${summaryOf(response.body).join(' | ')}`);
      const row = await caseByNumber(receiptNumberOf(String(response.headers.location)));
      assert.equal(row.applicantPhone, stored, typed);
      const casePage = mainOf((await clerk.get(`/staff/cases/${row.caseNumber}`)).body);
      assert.ok(casePage.includes(shown), `${typed}: the case page shows ${shown}`);
    }
  });

  it('an hour-based service shows the due time on the receipt', async () => {
    const page = await clerk.get('/staff/counter/new?service=pothole-report');
    const response = await clerk.postMultipart(
      multipartActionOf(page.body),
      multipartForm({
        channel: 'hotline_1999',
        applicantType: 'person',
        applicantName: '陳先生',
        applicantPhone: '07-3368333',
        applicantLang: 'zh-TW',
        description: '1999 轉來：機車道上有坑洞。',
        address: '博愛二路與明誠二路口',
        'field.size': 'medium',
        consent: 'yes',
      }),
    );
    assert.equal(response.statusCode, 303, response.body);
    const row = await caseByNumber(receiptNumberOf(String(response.headers.location)));
    assert.equal(row.channel, 'hotline_1999');
    assert.equal(row.unitCode, 'road-maintenance');
    assert.deepEqual(row.dueAt, new Date('2026-03-02T06:00:00Z'));
    const receipt = mainOf((await clerk.get(String(response.headers.location))).body);
    assert.match(receipt, /4 小時內，於 民國115年3月2日 14:00 前/);
    assert.match(receipt, /1999 市民專線/);
  });

  it('a form with many mistakes → 400 listing every one, each linked to its field, values kept, and nothing written', async () => {
    const casesBefore = await caseCount();
    const filesBefore = await attachmentCount();
    const page = await clerk.get('/staff/counter/new?service=building-construction-start');
    const response = await clerk.postMultipart(
      multipartActionOf(page.body),
      multipartForm(
        {
          ...buildingStart,
          applicantName: '',
          applicantPhone: '',
          applicantEmail: 'not-an-e-mail',
          'field.permit-number': '',
          'field.start-date': '2026-02-30',
          consent: '',
        },
        [
          { field: 'documents', name: 'scan.png', type: 'image/png', content: samplePng() },
          { field: 'documents', name: 'virus.exe', type: 'application/octet-stream', content: sampleExe() },
        ],
      ),
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>錯誤：/);
    const links = summaryOf(response.body);
    assert.deepEqual(
      links.map(([target]) => target),
      [
        'applicantName',
        'applicantPhone',
        'applicantEmail',
        'field-permit-number',
        'field-start-date',
        'documents',
        'consent',
      ],
      'every problem, in the order of the form',
    );
    const messages = links.map(([, message]) => message).join('\n');
    assert.match(messages, /請填寫申請人姓名。/);
    assert.match(messages, /請填寫「聯絡電話」。/, 'the service asks for a phone number');
    assert.match(messages, /電子郵件格式不正確/);
    assert.match(messages, /請先告知申請人個人資料蒐集事項/);
    assert.match(messages, /請填寫「建造執照字號」。/);
    assert.match(messages, /「預定開工日期」必須是日期/);
    assert.match(messages, /「virus.exe」不是可接受的檔案類型/);
    for (const [target] of links)
      assert.match(response.body, new RegExp(`id="${target}"`), `#${target} exists`);
    const main = mainOf(response.body);
    assert.match(main, /govuk-form-group--error[\s\S]*?id="applicantName-error"/);
    assert.match(main, /value="not-an-e-mail"/);
    assert.match(main, /申報建築工程開工，施工計畫書已帶來。/, 'the description is kept');
    assert.match(main, /value="construction-plan" checked/);
    assert.match(main, /您先前選擇的檔案沒有保存/);
    assert.equal(await caseCount(), casesBefore, 'no case written');
    assert.equal(await attachmentCount(), filesBefore, 'no file written');

    // A petition needs a contact (a field report may come from anyone, so it is not the example here).
    const english = await clerk.get('/en/staff/counter/new?service=road-maintenance-petition');
    const noContact = await clerk.postMultipart(
      multipartActionOf(english.body),
      multipartForm({
        channel: 'web',
        applicantType: 'person',
        applicantName: 'A',
        applicantLang: 'en',
        description: 'x',
      }),
    );
    assert.equal(noContact.statusCode, 400);
    assert.deepEqual(
      summaryOf(noContact.body).map(([target]) => target),
      ['channel', 'applicantPhone', 'address', 'field-place-kind', 'consent'],
    );
    assert.match(noContact.body, /Enter at least one contact \(phone or e-mail\)/);
    assert.match(noContact.body, /Choose how the request came in: counter, phone, e-mail or 1999\./);
    assert.match(noContact.body, /Enter “Where it is”\./);
    assert.equal(await caseCount(), casesBefore);
  });

  it('a multipart post without the form’s token first, or with a wrong one, is refused (403) and writes nothing', async () => {
    const casesBefore = await caseCount();
    const page = await clerk.get('/staff/counter/new?service=building-construction-start');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const send = (form: FormData) =>
      subject.app.inject({
        method: 'POST',
        url: '/staff/counter/new?service=building-construction-start',
        headers: { cookie: clerk.cookieHeader() },
        payload: form,
      });
    const withoutToken = await send(multipartForm(buildingStart));
    assert.equal(withoutToken.statusCode, 403);
    const tokenLast = await send(multipartForm({ ...buildingStart, _csrf: token }));
    assert.equal(tokenLast.statusCode, 403, 'the token must come before anything else');
    const wrongToken = await send(multipartForm({ _csrf: 'A'.repeat(43), ...buildingStart }));
    assert.equal(wrongToken.statusCode, 403);
    assert.equal(await caseCount(), casesBefore);
    const rightToken = await send(multipartForm({ _csrf: token, ...buildingStart }));
    assert.equal(rightToken.statusCode, 303, 'the same post with the token first goes in');
    assert.equal(await caseCount(), casesBefore + 1);
  });

  it('handlers, supervisors and the secretariat may take requests; a web editor gets 403; anonymous goes to sign-in', async () => {
    for (const role of ['handler', 'supervisor', 'secretariat'] as const) {
      const browser = await aSignedInMember(subject, { role, unitCode: 'parks' });
      assert.equal((await browser.get('/staff/counter/new?service=pothole-report')).statusCode, 200, role);
    }
    const editor = await aSignedInMember(subject, { role: 'web_editor' });
    for (const url of [
      '/staff/counter',
      '/staff/counter/new?service=pothole-report',
      '/en/staff/counter/receipt/1150302-0001',
    ]) {
      assert.equal((await editor.get(url)).statusCode, 403, url);
    }
    const anonymous = await subject.app.inject({ method: 'GET', url: '/staff/counter' });
    assert.equal(anonymous.statusCode, 303);
    assert.equal(anonymous.headers.location, '/staff/sign-in?return=%2Fstaff%2Fcounter');
    const anonymousEnglish = await subject.app.inject({
      method: 'GET',
      url: '/en/staff/counter/receipt/1150302-0001',
    });
    assert.equal(anonymousEnglish.statusCode, 303);
    assert.match(String(anonymousEnglish.headers.location), /^\/en\/staff\/sign-in\?return=/);
  });

  it('an unknown case number has no receipt (404)', async () => {
    const response = await clerk.get('/staff/counter/receipt/1000101-9999');
    assert.equal(response.statusCode, 404);
  });
});
