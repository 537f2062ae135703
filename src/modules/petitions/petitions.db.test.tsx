import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { decode, mainOf } from '../../../test/helpers/html.ts';
import { rememberPersonalValue } from '../../../test/helpers/log-capture.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { staff } from '../../platform/auth/auth-schema.ts';
import {
  aSignedInMember,
  aStaffMember,
  auditEntries,
  csrfTokenIn,
  TestBrowser,
} from '../../platform/auth/auth-test-support.ts';
import { type FileToSend, multipartForm, samplePdf } from '../../platform/uploads/upload-test-support.ts';
import { petitionCommands } from './petition-commands.ts';

/**
 * Petitions (issue 16) over HTTP, on the real app and database: each rule of 行政程序法 §168–173 the issue
 * names — a decline that stays registered, a repeat answered by citing the earlier reply, a transfer letter,
 * an English answer, the extension's reason in writing and the outer limit — and a confidential reporter's
 * name looked for in every response, e-mail, timeline and export written during the test.
 */
describe('petitions', () => {
  let subject: TestApp;
  const responses: string[] = [];
  const reporterName = '檢舉人秘密姓名甲';
  rememberPersonalValue(reporterName, 'petition reporter');

  before(async () => {
    subject = await buildTestApp();
  });
  after(() => subject.app.close());

  const record = <T extends { body: string }>(response: T): T => {
    responses.push(response.body);
    return response;
  };
  const blank = {
    source: 'letter',
    typeCode: 'director-mailbox',
    subject: '',
    text: '',
    place: '',
    districtCode: '',
    name: '',
    email: '',
    phone: '',
    address: '',
  };
  /** The staff registration form (multipart: scans go with it), as the browser posts it. */
  const postRegistration = async (
    browser: TestBrowser,
    fields: Record<string, string>,
    files: FileToSend[] = [],
  ) => {
    await browser.get('/staff/petitions/new');
    return record(
      await browser.postMultipart('/staff/petitions/new', multipartForm({ ...blank, ...fields }, files)),
    );
  };
  const register = async (
    browser: TestBrowser,
    fields: Record<string, string>,
    files: FileToSend[] = [],
  ): Promise<string> => {
    const response = await postRegistration(browser, fields, files);
    assert.equal(
      response.statusCode,
      303,
      (response.body.match(/<a href="#[^"]*">[^<]*<\/a>/g) ?? []).join(' ') + response.body.slice(0, 100),
    );
    const number = /\/staff\/petitions\/([0-9-]+)\?done=registered/.exec(
      String(response.headers.location ?? ''),
    )?.[1];
    assert.ok(number);
    return String(number);
  };
  const pageOf = async (browser: TestBrowser, number: string) =>
    record(await browser.get(`/staff/petitions/${number}`));
  const versionOn = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1] ?? '';
  const caseRow = async (number: string) =>
    (
      await subject.database.db.execute<Record<string, unknown>>(
        sql`select c.*, p.decline_ground, p.cited_case_id from cases c join petitions p on p.case_id = c.id where c.case_number = ${number}`,
      )
    ).rows[0] as Record<string, unknown>;
  const deliveriesTo = async (email: string) =>
    (
      await subject.database.db.execute<{ topic: string; body_text: string }>(
        sql`select topic, body_text from notification_deliveries where recipient = ${email} order by created_at`,
      )
    ).rows;

  it('registers every channel’s petition, refuses a bad one with every problem at once, and declines under §173 while still counting it', async () => {
    const clerk = await aSignedInMember(subject, { role: 'secretariat' });
    const bad = await postRegistration(clerk, {
      source: 'oral',
      typeCode: 'nope',
      text: '',
      email: 'not-an-address',
      name: '',
    });
    assert.equal(bad.statusCode, 400);
    for (const problem of [
      '請選擇陳情類別',
      '請寫下陳情內容',
      '電子郵件格式不正確',
      '言詞陳情須當場向陳情人朗讀紀錄',
    ])
      assert.ok(bad.body.includes(problem), problem);
    const before = await subject.database.db.execute(sql`select count(*)::int as n from petitions`);

    // An unsigned letter with no concrete content: registered, then declined on §173 (1).
    const number = await register(clerk, { text: '。。。' });
    const row = await caseRow(number);
    assert.equal(row.applicant_name, '（未具名）');
    assert.equal(row.kind, 'petition');
    assert.equal(row.outer_limit_working_days, 30);
    assert.equal(row.needs_answer_approval, true);
    const handler = await aSignedInMember(subject, { role: 'supervisor', unitCode: 'secretariat' });
    const page = await pageOf(handler, number);
    assert.match(page.body, /無具體內容/);
    const declined = record(
      await handler.submit(`/staff/petitions/${number}`, `/staff/petitions/${number}/decline`, {
        version: versionOn(page.body),
        ground: 'no_content',
        cited: '',
        reply: '因未載明具體陳情事項，依行政程序法第 173 條第 1 款規定，本案不予處理。',
      }),
    );
    assert.equal(declined.statusCode, 303, declined.body.slice(0, 300));
    const after = await caseRow(number);
    assert.equal(after.state, 'rejected');
    assert.equal(after.decline_ground, 'no_content');
    const counted = await subject.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from petitions`,
    );
    assert.equal(counted.rows[0]?.n, Number((before.rows[0] as { n: number }).n) + 1);
  });

  it('links a repeat on the same matter, shows the earlier answer, and declines it citing that reply’s date and number', async () => {
    const clerk = await aSignedInMember(subject, { role: 'secretariat' });
    const supervisor = await aSignedInMember(subject, { role: 'supervisor', unitCode: 'secretariat' });
    const first = await register(clerk, {
      name: '林小明',
      email: 'lin.repeat@example.tw',
      subject: '中正路人行道破損',
      text: '中正三路 40 號前的人行道地磚破損，已經好幾個月都沒有修，老人家經過很危險。',
      place: '中正三路 40 號',
      districtCode: '64000080',
    });
    // The first is answered (the supervisor approves the answer, then closes: the answer is sent).
    let page = await pageOf(supervisor, first);
    const accept = record(
      await supervisor.submit(`/staff/cases/${first}`, `/staff/cases/${first}/events/accept`, {
        version: versionOn(page.body),
      }),
    );
    assert.equal(accept.statusCode, 303, accept.body.slice(0, 300));
    page = await pageOf(supervisor, first);
    const answered = record(
      await supervisor.submit(`/staff/petitions/${first}`, `/staff/petitions/${first}/answer`, {
        version: versionOn(page.body),
        answer: '林先生您好：人行道地磚已於本週修復完成，謝謝您的通報。',
      }),
    );
    assert.equal(answered.statusCode, 303, answered.body.slice(0, 300));
    assert.equal((await caseRow(first)).state, 'answer_pending');

    const second = await register(clerk, {
      name: '林小明',
      email: 'lin.repeat@example.tw',
      subject: '中正路人行道還是破損',
      text: '中正三路 40 號前的人行道地磚破損，好幾個月都沒修，很危險！',
      place: '中正三路40號',
      districtCode: '64000080',
    });
    const links = await subject.database.db.execute<{ reasons: string[]; similarity: number }>(
      sql`select l.reasons, l.similarity from petition_links l join cases c on c.id = l.case_id where c.case_number = ${second}`,
    );
    assert.deepEqual([...(links.rows[0]?.reasons ?? [])].sort(), [
      'same_petitioner',
      'same_place',
      'similar_text',
    ]);
    assert.ok((links.rows[0]?.similarity ?? 0) >= 0.4);
    let secondPage = await pageOf(supervisor, second);
    assert.match(secondPage.body, new RegExp(`data-repeat="${first}"`));
    assert.match(secondPage.body, /尚未答復/);

    // A repeat of a matter not yet answered cannot be declined by citing it.
    const early = record(
      await supervisor.submit(`/staff/petitions/${second}`, `/staff/petitions/${second}/decline`, {
        version: versionOn(secondPage.body),
        ground: 'repeat_answered',
        cited: first,
        reply: '同一事由。',
      }),
    );
    assert.equal(early.statusCode, 400);
    assert.match(early.body, new RegExp(`案件 ${first} 尚未答復，不能引述`));

    // Approved: now the earlier answer is shown and cited.
    const approve = record(
      await supervisor.submit(`/staff/cases/${first}`, `/staff/cases/${first}/events/approve_answer`, {
        version: versionOn(record(await supervisor.get(`/staff/cases/${first}`)).body),
      }),
    );
    assert.equal(approve.statusCode, 303, approve.body.slice(0, 300));
    secondPage = await pageOf(supervisor, second);
    assert.match(secondPage.body, /人行道地磚已於本週修復完成/);
    // The case page shows the same repeats with the earlier answer, and the way to cite it.
    const secondCasePage = record(await supervisor.get(`/staff/cases/${second}`));
    assert.equal(secondCasePage.statusCode, 200);
    assert.match(secondCasePage.body, new RegExp(`data-repeat="${first}"`));
    assert.match(secondCasePage.body, /人行道地磚已於本週修復完成/);
    assert.match(
      secondCasePage.body,
      new RegExp(`href="/staff/petitions/${second}"[^>]*>在陳情案件頁引用先前的答復`),
    );
    // The first petition's case page lists the second the same way (repeats are found both ways).
    const firstCasePage = record(await supervisor.get(`/staff/cases/${first}`)).body;
    assert.deepEqual(firstCasePage.match(/data-repeat="[^"]+"/g), [`data-repeat="${second}"`]);
    assert.match(secondPage.body, /本局已於 民國115年3月2日 以案件/);
    const cited = record(
      await supervisor.submit(`/staff/petitions/${second}`, `/staff/petitions/${second}/decline`, {
        version: versionOn(secondPage.body),
        ground: 'repeat_answered',
        cited: first,
        reply: /<textarea[^>]*name="reply"[^>]*>([^<]*)<\/textarea>/.exec(secondPage.body)?.[1] ?? '',
      }),
    );
    assert.equal(cited.statusCode, 303, cited.body.slice(0, 300));
    const row = await caseRow(second);
    assert.equal(row.state, 'rejected');
    assert.equal(row.decline_ground, 'repeat_answered');
    assert.equal(row.cited_case_id, (await caseRow(first)).id);
    const letters = await deliveriesTo('lin.repeat@example.tw');
    const rejection = letters.find((letter) => letter.topic === 'case.rejected');
    assert.ok(rejection, JSON.stringify(letters.map((letter) => letter.topic)));
    assert.match(rejection.body_text, new RegExp(`以案件 ${first} 明確答復在案`));
    assert.match(rejection.body_text, /人行道地磚已於本週修復完成/);
  });

  it('the director’s mailbox in English: every problem at once, a code to the address given, wrong then right, registered once', async () => {
    const visitor = new TestBrowser(subject.app);
    const form = record(await visitor.get('/en/mailbox'));
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1 class="govuk-heading-l">Director’s mailbox<\/h1>/);
    assert.match(form.body, /How we use your personal data/);
    const fields = {
      typeCode: 'director-mailbox',
      subject: 'Street lights on Bo’ai Road',
      text: '',
      place: '',
      districtCode: '',
      name: 'Sam Lee',
      email: '',
      phone: '',
      address: '',
    };
    const bad = record(await visitor.submit('/en/mailbox', '/en/mailbox', fields));
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<a href="#text">Write your petition\.<\/a>/);
    assert.match(bad.body, /<a href="#email">Give an e-mail address or a mobile number/);
    assert.match(bad.body, /value="Sam Lee"/);
    const sent = record(
      await visitor.submit('/en/mailbox', '/en/mailbox', {
        ...fields,
        text: 'The street lights on Bo’ai Road have been dark for a week.',
        email: 'sam.lee@example.com',
      }),
    );
    assert.equal(sent.statusCode, 303);
    const confirm = String(sent.headers.location);
    assert.match(confirm, /^\/en\/mailbox\/confirm\/[A-Za-z0-9_-]{43}$/);
    const codeMail = (await deliveriesTo('sam.lee@example.com')).find(
      (item) => item.topic === 'petition.code',
    );
    const code = /Your code is: (\d{6})/.exec(codeMail?.body_text ?? '')?.[1];
    assert.ok(code, codeMail?.body_text);
    const codePage = record(await visitor.get(confirm));
    assert.match(codePage.body, /s\*\*\*@example\.com/);
    const wrong = record(
      await visitor.submit(confirm, confirm, { code: code === '000000' ? '111111' : '000000' }),
    );
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /4 tries left/);
    // Two tabs with the code page open send the right code at once: one petition, the other tab told it is gone.
    const token = csrfTokenIn(record(await visitor.get(confirm)).body);
    const [right, other] = (
      await Promise.all([
        visitor.post(confirm, { _csrf: token, code }),
        visitor.post(confirm, { _csrf: token, code }),
      ])
    )
      .map(record)
      .sort((a, b) => a.statusCode - b.statusCode);
    assert.ok(right && other);
    assert.deepEqual([right.statusCode, other.statusCode], [200, 410]);
    const registeredForSam = await subject.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from cases where applicant_email = 'sam.lee@example.com'`,
    );
    assert.equal(registeredForSam.rows[0]?.n, 1);
    const number = /Case number (\d{7}-\d{4})/.exec(right.body)?.[1];
    assert.ok(number, right.body.slice(0, 300));
    const row = await caseRow(number);
    assert.equal(row.applicant_lang, 'en');
    assert.equal(row.channel, 'web');
    const petition = await subject.database.db.execute<{ source: string; is_english: boolean }>(
      sql`select source, is_english from petitions where case_id = ${row.id as string}`,
    );
    assert.deepEqual(petition.rows[0], { source: 'director_mailbox', is_english: true });
    const gone = record(await visitor.get(confirm));
    assert.equal(gone.statusCode, 410);
    assert.match(gone.body, /We cannot find this petition/);
  });

  it('transfers to another agency with a letter, and answers an English petition only in English, within the outer limit', async () => {
    const clerk = await aSignedInMember(subject, { role: 'secretariat' });
    const supervisor = await aSignedInMember(subject, { role: 'supervisor', unitCode: 'secretariat' });
    const water = await register(clerk, {
      name: '陳大華',
      email: 'chen.water@example.tw',
      text: '自來水管漏水，請處理。',
    });
    const waterPage = await pageOf(supervisor, water);
    assert.match(waterPage.body, /移請 {agency} 處理|依行政程序法第 17 條規定移請/);
    const moved = record(
      await supervisor.submit(`/staff/petitions/${water}`, `/staff/petitions/${water}/transfer`, {
        version: versionOn(waterPage.body),
        agency: '台灣自來水公司第七區管理處',
        letter: '您陳情自來水管漏水一事，非屬本局權責，已移請台灣自來水公司第七區管理處處理。',
      }),
    );
    assert.equal(moved.statusCode, 303, moved.body.slice(0, 300));
    const movedRow = await caseRow(water);
    assert.equal(movedRow.state, 'forwarded');
    assert.equal(movedRow.forwarded_to, '台灣自來水公司第七區管理處');
    const letter = (await deliveriesTo('chen.water@example.tw')).find(
      (item) => item.topic === 'case.forwarded',
    );
    assert.match(letter?.body_text ?? '', /已移請台灣自來水公司第七區管理處處理/);

    // A petitioner who wrote a letter with only a postal address: the reply reaches them as a letter to print.
    const byPost = await register(clerk, {
      name: '黃美玲',
      address: '高雄市苓雅區四維三路2號',
      subject: '水溝蓋鬆動',
      text: '自來水公司施工後水溝蓋鬆動，請轉請處理。',
    });
    const notYet = record(await supervisor.get(`/staff/petitions/${byPost}/letter`));
    assert.equal(notYet.statusCode, 404);
    assert.match(notYet.body, new RegExp(`陳情 ${byPost} 還沒有答復、不予處理或移文`));
    const byPostPage = await pageOf(supervisor, byPost);
    assert.doesNotMatch(byPostPage.body, /列印答復函/);
    const movedByPost = record(
      await supervisor.submit(`/staff/petitions/${byPost}`, `/staff/petitions/${byPost}/transfer`, {
        version: versionOn(byPostPage.body),
        agency: '台灣自來水公司第七區管理處',
        letter:
          '您陳情水溝蓋鬆動一事，非屬本局權責，已移請台灣自來水公司第七區管理處處理。\n\n如有疑問，請洽本局。',
      }),
    );
    assert.equal(movedByPost.statusCode, 303, movedByPost.body.slice(0, 300));
    const afterTransfer = await pageOf(supervisor, byPost);
    assert.match(afterTransfer.body, /陳情人沒有留電子郵件，答復不會以電子郵件寄達/);
    assert.match(afterTransfer.body, new RegExp(`href="/staff/petitions/${byPost}/letter"`));
    const printed = record(await supervisor.get(`/staff/petitions/${byPost}/letter`));
    assert.equal(printed.statusCode, 200);
    const article = /<article[^>]*id="letter"[\s\S]*?<\/article>/.exec(printed.body)?.[0] ?? '';
    assert.match(article, /data-letter-kind="transfer"/);
    assert.match(article, /lang="zh-Hant-TW"/);
    assert.match(article, /黃美玲/);
    assert.match(article, /高雄市苓雅區四維三路2號/);
    assert.match(article, new RegExp(`發文字號[\\s\\S]*?${byPost}`));
    assert.match(article, /本局已移請台灣自來水公司第七區管理處處理，復如說明/);
    assert.deepEqual(
      [...article.matchAll(/<p class="govuk-body ow-letter__paragraph">([^<]*)<\/p>/g)].map(
        (match) => match[1],
      ),
      ['您陳情水溝蓋鬆動一事，非屬本局權責，已移請台灣自來水公司第七區管理處處理。', '如有疑問，請洽本局。'],
    );
    // The letter holds the name and address: reading it is recorded as reading the case.
    const views = await subject.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'case.view' and details->>'caseNumber' = ${byPost}`,
    );
    assert.equal(views.rows[0]?.n, 1);

    const english = await register(clerk, {
      source: 'email',
      isEnglish: 'true',
      name: 'Jane Doe',
      email: 'jane.doe@example.com',
      subject: 'Broken sidewalk',
      text: 'The sidewalk outside the MRT exit on Zhongzheng Road is broken.',
    });
    let page = await pageOf(supervisor, english);
    assert.match(page.body, /Dear Jane Doe,/);
    record(
      await supervisor.submit(`/staff/cases/${english}`, `/staff/cases/${english}/events/accept`, {
        version: versionOn(page.body),
      }),
    );
    // An extension past the 30 working days is refused; one within it is told to the petitioner with its reason.
    page = record(await supervisor.get(`/staff/cases/${english}`));
    const tooLong = record(
      await supervisor.submit(`/staff/cases/${english}`, `/staff/cases/${english}/extensions`, {
        version: versionOn(page.body),
        amount: '30',
        reason: 'Site survey with the MRT company.',
      }),
    );
    assert.equal(
      tooLong.statusCode,
      400,
      (
        tooLong.body.match(/<a href="#[^"]*">[^<]*<\/a>|govuk-notification-banner__heading[^<]*<[^<]*/g) ?? []
      ).join(' '),
    );
    assert.match(tooLong.body, /超過本案的處理上限/);
    const extended = record(
      await supervisor.submit(`/staff/cases/${english}`, `/staff/cases/${english}/extensions`, {
        version: versionOn(page.body),
        amount: '5',
        reason: 'We need a joint site survey with the MRT company.',
      }),
    );
    assert.equal(extended.statusCode, 303, extended.body.slice(0, 300));
    const extensionLetter = (await deliveriesTo('jane.doe@example.com')).find(
      (item) => item.topic === 'case.extended',
    );
    assert.match(extensionLetter?.body_text ?? '', /We need a joint site survey with the MRT company\./);

    page = await pageOf(supervisor, english);
    const chinese = record(
      await supervisor.submit(`/staff/petitions/${english}`, `/staff/petitions/${english}/answer`, {
        version: versionOn(page.body),
        answer: '您好，人行道已修復完成，謝謝。',
      }),
    );
    assert.equal(chinese.statusCode, 400);
    assert.match(chinese.body, /答復須以英文撰寫/);
    const inEnglish = record(
      await supervisor.submit(`/staff/petitions/${english}`, `/staff/petitions/${english}/answer`, {
        version: versionOn(page.body),
        answer: 'Dear Jane Doe, the sidewalk on 中正路 was repaired this week. Thank you for telling us.',
      }),
    );
    assert.equal(inEnglish.statusCode, 303, inEnglish.body.slice(0, 300));
    assert.equal((await caseRow(english)).state, 'answer_pending');
    // Approved: the reply letter is in English, whatever the staff page's language.
    const approved = record(
      await supervisor.submit(`/staff/cases/${english}`, `/staff/cases/${english}/events/approve_answer`, {
        version: versionOn(record(await supervisor.get(`/staff/cases/${english}`)).body),
      }),
    );
    assert.equal(approved.statusCode, 303, approved.body.slice(0, 300));
    const englishLetter = record(await supervisor.get(`/staff/petitions/${english}/letter`));
    assert.equal(englishLetter.statusCode, 200);
    assert.doesNotMatch(englishLetter.body, /letter-no-email/, 'she has an e-mail address');
    const englishArticle = /<article[^>]*id="letter"[\s\S]*?<\/article>/.exec(englishLetter.body)?.[0] ?? '';
    assert.match(englishArticle, /lang="en"/);
    assert.match(englishArticle, /data-letter-kind="answer"/);
    assert.match(englishArticle, /Our reference/);
    assert.match(englishArticle, /Your petition “Broken sidewalk”: our reply is set out below\./);
    assert.match(englishArticle, /the sidewalk on 中正路 was repaired this week/);
  });

  it('keeps a confidential reporter’s name off the case, its pages, timeline and e-mails; only a designated officer sees it, audited', async () => {
    const clerk = await aSignedInMember(subject, { role: 'counter_clerk' });
    const number = await register(
      clerk,
      {
        typeCode: 'illegal-building-report',
        source: 'oral',
        isReadBack: 'true',
        name: reporterName,
        email: 'secret.reporter@example.tw',
        phone: '0912-000-111',
        text: '鳳山區光復路二段 120 號頂樓加蓋鐵皮屋。',
        place: '光復路二段 120 號',
      },
      [{ field: 'scan', name: '言詞紀錄.pdf', type: 'application/pdf', content: samplePdf('signed record') }],
    );
    const row = await caseRow(number);
    assert.equal(row.applicant_name, '檢舉人（身分保密）');
    const scans = await subject.database.db.execute<{ file_name: string; media_type: string }>(
      sql`select file_name, media_type from case_attachments where case_id = ${row.id as string}`,
    );
    assert.deepEqual(scans.rows, [{ file_name: '言詞紀錄.pdf', media_type: 'application/pdf' }]);
    assert.equal(row.applicant_email, null);
    assert.equal(row.applicant_phone, null);
    const receipt = await deliveriesTo('secret.reporter@example.tw');
    assert.deepEqual(
      receipt.map((item) => item.topic),
      ['case.received'],
    );
    const unit = await aSignedInMember(subject, { role: 'supervisor', unitCode: 'illegal-building' });
    record(await unit.get(`/staff/cases/${number}`));
    record(await pageOf(unit, number));
    const refused = record(await unit.get(`/staff/petitions/${number}/identity`));
    assert.equal(refused.statusCode, 403);
    const printed: string[] = [];
    const command = (name: string, values: Record<string, string | boolean>) =>
      petitionCommands[name]?.run(values, {
        db: subject.database.db,
        connectionString: subject.database.connectionString,
        print: (line) => printed.push(line),
      });
    await command('petitions:officer', { email: unit.member.email });
    assert.match(printed.join('\n'), /may see confidential reporters’ identities/);
    const shown = await unit.get(`/staff/petitions/${number}/identity`);
    assert.equal(shown.statusCode, 200);
    assert.ok(shown.body.includes(reporterName));
    const audits = await subject.database.db.execute<{ action: string }>(
      sql`select action from audit_log where action like 'petition.identity%' order by id`,
    );
    assert.deepEqual(
      audits.rows.map((audit) => audit.action),
      ['petition.identity_refused', 'petition.identity_view'],
    );
    // The analysis's export (aggregates only) is among the answers searched below.
    const secretariat = await aSignedInMember(subject, { role: 'secretariat' });
    const exported = record(await secretariat.get('/staff/petitions/analysis.csv'));
    assert.equal(exported.statusCode, 200);
    // The type's rules are the operators' (npx onewindow petitions:type): a wrong value changes nothing.
    await assert.rejects(
      async () => command('petitions:type', { service: 'illegal-building-report', approval: 'maybe' }),
      /--approval must be yes or no/,
    );
    await command('petitions:type', { service: 'illegal-building-report', 'outer-limit': '20' });
    assert.match(
      printed.at(-1) ?? '',
      /illegal-building-report: outer limit 20 working days, approval yes, confidential yes/,
    );
    // Everywhere else: every page this test file read, every e-mail not to the reporter, the timeline.
    for (const body of responses) assert.ok(!body.includes(reporterName));
    const elsewhere = await subject.database.db.execute<{ n: number }>(sql`
      select (select count(*) from notification_deliveries where body_text like ${`%${reporterName}%`})
           + (select count(*) from case_events where coalesce(public_note, '') || coalesce(internal_note, '') || data::text like ${`%${reporterName}%`})
           + (select count(*) from cases where applicant_name = ${reporterName} or description like ${`%${reporterName}%`}) as n`);
    assert.equal(Number(elsewhere.rows[0]?.n), 0);
  });

  it('an admin sets a type’s rules on its page: every problem at once, then saved and audited, and new petitions follow them', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    const list = await admin.get('/staff/petitions/types');
    assert.equal(list.statusCode, 200);
    assert.match(
      mainOf(list.body),
      /data-service="road-maintenance-petition" data-type="yes"[\s\S]*?處理上限 30 個工作天[\s\S]*?答復不須核定/,
    );
    assert.match(list.body, /href="\/staff\/petitions\/types\/road-maintenance-petition"/);
    const page = '/staff/petitions/types/road-maintenance-petition';
    const form = await admin.get(page);
    assert.match(form.body, /name="outerLimit"[^>]*value="30"/);
    const bad = await admin.submit(page, page, {
      outerLimit: '61',
      isConfidential: 'maybe',
      isOnMailbox: 'no',
    });
    assert.equal(bad.statusCode, 400);
    const summary = decode(bad.body);
    for (const expected of [
      '處理上限請填 1 至 60 之間的整數工作天',
      '請選擇答復核定',
      '請選擇檢舉（身分保密）',
    ])
      assert.ok(summary.includes(expected), expected);
    assert.match(bad.body, /name="outerLimit"[^>]*value="61"/);
    assert.match(bad.body, /value="no" checked[^>]*>|checked[^>]*value="no"/);
    const unchanged = await subject.database.db.execute<{ outer_limit_working_days: number }>(
      sql`select outer_limit_working_days from petition_types where service_code = 'road-maintenance-petition'`,
    );
    assert.equal(unchanged.rows[0]?.outer_limit_working_days, 30);

    const saved = await admin.submit(`/en${page}`, `/en${page}`, {
      outerLimit: '４５',
      needsAnswerApproval: 'yes',
      isConfidential: 'no',
      isOnMailbox: 'no',
    });
    assert.equal(saved.statusCode, 303, decode(saved.body).slice(0, 300));
    assert.equal(saved.headers.location, '/en/staff/petitions/types?saved=road-maintenance-petition');
    const shown = await admin.get(String(saved.headers.location));
    assert.match(decode(shown.body), /New petitions follow them; petitions already open keep theirs/);
    const row = await subject.database.db.execute(
      sql`select outer_limit_working_days, needs_answer_approval, is_confidential, is_on_mailbox from petition_types where service_code = 'road-maintenance-petition'`,
    );
    assert.deepEqual(row.rows[0], {
      outer_limit_working_days: 45,
      needs_answer_approval: true,
      is_confidential: false,
      is_on_mailbox: false,
    });
    const [entry] = await auditEntries(subject.database.db, 'petition.type_set', 'road-maintenance-petition');
    assert.equal(entry?.actorStaffId, admin.member.id);
    assert.deepEqual(entry?.details, {
      before: { outerLimitWorkingDays: 30, needsAnswerApproval: false, isOnMailbox: true },
      after: { outerLimitWorkingDays: 45, needsAnswerApproval: true, isOnMailbox: false },
    });
    // A petition registered now follows the new rules; the mailbox no longer offers the type.
    const clerk = await aSignedInMember(subject, { role: 'secretariat' });
    const number = await register(clerk, { typeCode: 'road-maintenance-petition', text: '建國路路面坑洞。' });
    const petition = await caseRow(number);
    assert.equal(petition.outer_limit_working_days, 45);
    assert.equal(petition.needs_answer_approval, true);
    const mailbox = await new TestBrowser(subject.app).get('/mailbox');
    assert.doesNotMatch(mailbox.body, /value="road-maintenance-petition"/);
    assert.match(mailbox.body, /value="director-mailbox"/);
    // Only catalogue services of kind petition have a page.
    assert.equal((await admin.get('/staff/petitions/types/road-excavation-permit')).statusCode, 404);
    assert.equal((await admin.get('/staff/petitions/types/No_Such')).statusCode, 404);
  });

  it('an admin designates an officer by e-mail and ends it, audited; refusals listed, already designated is 409; other roles get 403', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    const officer = await aStaffMember(subject.database.db, {
      role: 'supervisor',
      unitCode: 'illegal-building',
      displayName: '指定人員乙',
    });
    const gone = await aStaffMember(subject.database.db, { role: 'handler', displayName: '離職同仁丙' });
    await subject.database.db.update(staff).set({ isActive: false }).where(eq(staff.id, gone.id));
    const page = '/staff/petitions/officers';
    for (const [email, expected] of [
      ['not-an-address', '請輸入正確的電子郵件地址'],
      ['nobody.here@example.tw', '找不到使用這個電子郵件的同仁帳號'],
      [gone.email, '這個同仁帳號已停用，不能指定'],
    ] as const) {
      const refused = await admin.submit(page, page, { email });
      assert.equal(refused.statusCode, 400, email);
      assert.ok(decode(refused.body).includes(expected), expected);
      assert.match(refused.body, new RegExp(`name="email"[^>]*value="${email.replace('.', '\\.')}"`));
    }
    const designated = await admin.submit(page, page, { email: officer.email.toUpperCase() });
    assert.equal(designated.statusCode, 303, decode(designated.body).slice(0, 300));
    const listed = await admin.get(String(designated.headers.location));
    const main = decode(mainOf(listed.body));
    assert.match(main, /已指定 指定人員乙/);
    const officerRow =
      new RegExp(`<tr[^>]*data-officer="${officer.id}"[\\s\\S]*?</tr>`).exec(main)?.[0] ?? '';
    for (const expected of ['指定人員乙', officer.email, '違章建築處理大隊', '取消指定 指定人員乙'])
      assert.ok(officerRow.includes(expected), expected);
    assert.match(officerRow, /民國\d+年\d+月\d+日/);
    const again = await admin.submit(page, page, { email: officer.email });
    assert.equal(again.statusCode, 409);
    assert.ok(decode(again.body).includes('這位同仁已經是指定人員'));
    const rows = async () =>
      (
        await subject.database.db.execute<{ staff_id: string }>(
          sql`select staff_id from petition_officers where staff_id = ${officer.id}`,
        )
      ).rows.length;
    assert.equal(await rows(), 1);
    const ended = await admin.submit(page, `${page}/${officer.id}/end`, {});
    assert.equal(ended.statusCode, 303);
    assert.equal(await rows(), 0);
    assert.equal((await admin.submit(page, `${page}/${officer.id}/end`, {})).statusCode, 404);
    const designations = await auditEntries(subject.database.db, 'petition.officer_designated', officer.id);
    const endings = await auditEntries(subject.database.db, 'petition.officer_removed', officer.id);
    assert.deepEqual(
      [...designations, ...endings].map((audit) => audit.actorStaffId),
      [admin.member.id, admin.member.id],
    );

    for (const role of ['handler', 'secretariat'] as const) {
      const member = await aSignedInMember(subject, { role, unitCode: 'secretariat' });
      for (const url of [
        '/staff/petitions/types',
        '/staff/petitions/types/director-mailbox',
        '/en/staff/petitions/officers',
      ])
        assert.equal((await member.get(url)).statusCode, 403, `${role} GET ${url}`);
      const token = csrfTokenIn((await member.get('/staff')).body);
      for (const [url, fields] of [
        [
          '/staff/petitions/types/director-mailbox',
          { outerLimit: '10', needsAnswerApproval: 'no', isConfidential: 'no', isOnMailbox: 'no' },
        ],
        ['/staff/petitions/officers', { email: member.member.email }],
        [`/staff/petitions/officers/${officer.id}/end`, {}],
      ] as const)
        assert.equal(
          (await member.post(url, { _csrf: token, ...fields })).statusCode,
          403,
          `${role} POST ${url}`,
        );
    }
    const untouched = await subject.database.db.execute<{ outer_limit_working_days: number }>(
      sql`select outer_limit_working_days from petition_types where service_code = 'director-mailbox'`,
    );
    assert.equal(untouched.rows[0]?.outer_limit_working_days, 30);
  });
});
