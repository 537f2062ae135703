import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { decode, mainOf, summaryOf } from '../../../test/helpers/html.ts';
import { withEmailDelivery } from '../../../test/helpers/notification-delivery.ts';
import { buildTestApp } from '../../../test/helpers/test-app.ts';
import { waitUntil } from '../../../test/helpers/wait-until.ts';
import { systemActor } from '../../platform/auth/audit-log.ts';
import { aSignedInMember } from '../../platform/auth/auth-test-support.ts';
import { samplePdf, samplePng } from '../../platform/uploads/upload-test-support.ts';
import { cases, caseTimeline } from '../cases/index.ts';
import { definitionOfService, getService, publishServiceVersion } from '../catalogue/catalogue-service.ts';
import { anApplicant, anEmail } from './application-test-support.ts';

/**
 * The online application over HTTP, on a real database and a real SMTP server: /apply and the start pages,
 * the whole journey to a case of channel `web` in its unit's queue with its two documents and the receipt
 * e-mail, every problem of a page at once, check-your-answers with the fee, and a double submit.
 */

const { app: subject, smtp } = await withEmailDelivery((environment) => buildTestApp({ environment }));
const { db } = subject.database;
after(() => subject.app.close());

describe('online applications: the list and the start pages', () => {
  it('/apply lists the applications and petitions with the journey (not the field reports), in both languages', async () => {
    const page = await subject.app.inject({ method: 'GET', url: '/apply' });
    assert.equal(page.statusCode, 200);
    const main = mainOf(page.body);
    const listed = [...main.matchAll(/data-service="([^"]+)"/g)].map((match) => match[1]);
    assert.deepEqual(listed.toSorted(), [
      'building-construction-start',
      'construction-inspection-filing',
      'road-excavation-permit',
      'road-maintenance-petition',
      'utility-pipeline-works',
    ]);
    assert.match(main, /<a class="govuk-link" href="\/apply\/road-excavation-permit">道路挖掘許可<\/a>/);
    assert.match(main, /href="\/report"/);
    const english = await subject.app.inject({ method: 'GET', url: '/en/apply' });
    assert.match(
      mainOf(english.body),
      /<a class="govuk-link" href="\/en\/apply\/road-excavation-permit">Road excavation permit<\/a>/,
    );
  });

  it('a start page says what you need (not what is checked online), how long and what it costs; Start makes a draft', async () => {
    const page = await subject.app.inject({ method: 'GET', url: '/apply/building-construction-start' });
    assert.equal(page.statusCode, 200);
    const need =
      /<ul class="govuk-list govuk-list--bullet" id="what-you-need">([\s\S]*?)<\/ul>/.exec(page.body)?.[1] ??
      '';
    assert.deepEqual(
      [...need.matchAll(/data-item="([^"]+)"/g)].map((match) => match[1]),
      ['construction-plan', 'contractor-registration', 'neighbour-survey'],
    );
    assert.match(need, /鄰房現況鑑定報告 （可省略）/);
    assert.match(page.body, /id="checked-online">[\s\S]*?<li>建造執照<\/li>/);
    assert.match(page.body, /id="how-long"><strong>3 個工作天<\/strong>/);
    assert.match(page.body, /id="what-it-costs"><p class="govuk-body">免費。<\/p>/);

    const fees = await subject.app.inject({ method: 'GET', url: '/en/apply/road-excavation-permit' });
    const costs = decode(/id="what-it-costs">([\s\S]*?)<\/div>/.exec(fees.body)?.[1] ?? '');
    assert.match(costs, /Excavation review fee: NT\$1,000/);
    assert.match(
      costs,
      /Road reinstatement fee \(per square metre\): NT\$1,600 per unit of the “Area of the dig \(square metres\)” you give/,
    );

    const applicant = anApplicant(subject);
    await applicant.start('building-construction-start');
    const draft = await applicant.draft();
    assert.equal(draft.serviceCode, 'building-construction-start');
    assert.equal(draft.lang, 'zh-TW');
    assert.notEqual(draft.resumeTokenHash, applicant.token, 'only the hash of the secret is kept');
  });

  it('404 for an unknown service, a field report (those use /report) and one not online', async () => {
    for (const code of ['no-such-service', 'pothole-report', 'rooftop-solar']) {
      const response = await subject.app.inject({ method: 'GET', url: `/apply/${code}` });
      assert.equal(response.statusCode, 404, code);
    }
  });
});

describe('online applications: the journey', () => {
  it('applies with two documents: a case of channel web in the unit’s queue, the documents on it, the receipt e-mail', async () => {
    const applicant = anApplicant(subject);
    await applicant.start('building-construction-start');
    const email = await applicant.proveContact({ name: '陳大文' });
    assert.match(applicant.lastPage(), /./);
    const answers = await applicant.submit('answers-1', {
      'field.permit-number': '113高市工建築字第01234號',
      'field.start-date': '115/12/1',
      'field.builder-name': '四維營造有限公司',
      description: '',
    });
    assert.equal(answers.statusCode, 303);
    assert.equal(answers.headers.location, applicant.step('documents'));
    const uploaded = await applicant.upload([
      {
        field: 'file.construction-plan',
        name: '施工計畫書.pdf',
        type: 'application/pdf',
        content: samplePdf(),
      },
      {
        field: 'file.contractor-registration',
        name: 'registration.png',
        type: 'image/png',
        content: samplePng(),
      },
    ]);
    assert.equal(uploaded.statusCode, 303, uploaded.body.slice(0, 500));
    assert.equal(uploaded.headers.location, applicant.step('check'));

    const check = await applicant.open(applicant.step('check'));
    const main = decode(mainOf(check.body));
    assert.match(main, /陳大文/);
    assert.match(main, new RegExp(email));
    assert.match(main, /2026-12-01/);
    assert.match(main, /施工計畫書\.pdf/);
    assert.match(main, /id="fee-total">免費/);
    assert.match(check.body, new RegExp(`href="${applicant.step('answers-1')}">修改申請內容`));

    const sent = await applicant.submit('check', {});
    assert.equal(sent.statusCode, 303);
    assert.equal(sent.headers.location, applicant.step('done'));
    const draft = await applicant.draft();
    assert.ok(draft.caseId);
    assert.deepEqual(draft.answers, {}, 'the answers live on in the case only');
    const [row] = await db.select().from(cases).where(eq(cases.id, draft.caseId));
    assert.ok(row);
    assert.equal(row.channel, 'web');
    assert.equal(row.unitCode, 'building');
    assert.equal(row.state, 'received');
    assert.equal(row.applicantName, '陳大文');
    assert.equal(row.applicantEmail, email);
    assert.equal(row.applicantPhone, '0912345678');
    assert.equal(row.applicantLang, 'zh-TW');
    assert.equal(row.formData['start-date'], '2026-12-01');
    assert.equal(row.formData['applicant-name'], '陳大文');
    assert.deepEqual([...row.checklistReceived].toSorted(), [
      'building-permit',
      'construction-plan',
      'contractor-registration',
    ]);
    const attachments = await subject.database.pool.query(
      'select file_name, checklist_item_id, purpose, media_type from case_attachments where case_id = $1 order by file_name',
      [row.id],
    );
    assert.deepEqual(
      attachments.rows.map((one) => [one.file_name, one.checklist_item_id, one.purpose, one.media_type]),
      [
        ['registration.png', 'contractor-registration', 'document', 'image/png'],
        ['施工計畫書.pdf', 'construction-plan', 'document', 'application/pdf'],
      ],
    );
    const timeline = await db.select().from(caseTimeline).where(eq(caseTimeline.caseId, row.id));
    assert.deepEqual(
      timeline.map((entry) => [entry.kind, entry.actorLabel]),
      [['created', 'applicant']],
    );

    const done = await applicant.open(applicant.step('done'));
    assert.equal(done.statusCode, 200);
    assert.match(done.body, new RegExp(`<strong id="case-number">${row.caseNumber}</strong>`));
    assert.match(done.body, new RegExp(`<strong id="lookup-code">${row.lookupCode}</strong>`));
    assert.match(decode(done.body), /id="expected-date">您的申請已送到建築管理處?[^<]*預計在 /);
    assert.match(done.body, new RegExp(`href="/track\\?case=${row.caseNumber}&amp;code=${row.lookupCode}"`));

    const supervisor = await aSignedInMember(subject, { role: 'supervisor', unitCode: 'building' });
    const queue = await supervisor.get('/staff/cases/unit');
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, new RegExp(row.caseNumber));

    const mine = () => Promise.resolve(smtp.messages.filter((message) => message.envelopeTo.includes(email)));
    const arrived = (text: string) => (list: { text: string }[]) =>
      list.some((message) => message.text.includes(text));
    const messages = await waitUntil(mine, arrived(row.caseNumber), { what: 'the receipt e-mail' });
    const receipt = messages.find((message) => message.text.includes(row.caseNumber));
    assert.ok(receipt, 'the receipt e-mail');
    assert.match(receipt.subject, new RegExp(`已收到您的申請（案號 ${row.caseNumber}）`));
    assert.match(receipt.text, new RegExp(`查詢碼[：:]\\s*${row.lookupCode}`));
    assert.match(receipt.text, /預計完成日期/);
    const link = `/apply/d/${applicant.token}`;
    const resume = (await waitUntil(mine, arrived(link), { what: 'the resume link' })).find((message) =>
      message.text.includes(link),
    );
    assert.ok(resume, 'the resume link went to the proven address');
  });

  it('a page with problems lists every one at once, linked to its input, and keeps what was typed', async () => {
    const applicant = anApplicant(subject);
    await applicant.start('road-excavation-permit');
    const who = await applicant.submit('applicant', {
      applicantType: 'company',
      applicantName: '',
      applicantPhone: '12345',
    });
    assert.equal(who.statusCode, 400);
    assert.deepEqual(
      summaryOf(who.body).map(([target]) => target),
      ['applicantName', 'applicantCompany', 'applicantPhone', 'consent'],
    );
    assert.match(who.body, /name="applicantPhone"[^>]*value="12345"/);
    assert.equal((await applicant.draft()).completedSteps.length, 0, 'nothing saved');

    await applicant.proveContact();
    const answers = await applicant.submit('answers-1', {
      address: '',
      'field.length-metres': '十二',
      'field.area-square-metres': '25',
    });
    assert.equal(answers.statusCode, 400);
    const summary = summaryOf(answers.body);
    assert.deepEqual(
      summary.map(([target]) => target),
      ['address', 'field-length-metres'],
    );
    assert.match(answers.body, /value="十二"/);
    assert.match(answers.body, /value="25"/);
    const second = await applicant.submit('answers-1', {
      address: '苓雅區四維三路 2 號前',
      'field.length-metres': '12',
      'field.area-square-metres': '12.5',
    });
    assert.equal(second.statusCode, 303);
    const last = await applicant.submit('answers-2', {
      'field.start-date': '2026-02-30',
      'field.purpose': 'lava',
    });
    assert.equal(last.statusCode, 400);
    assert.deepEqual(summaryOf(last.body), [
      ['field-start-date', '預定施工日期：「預定施工日期」不是有效的日期，例如 2026-12-01'],
      ['field-purpose', summaryOf(last.body)[1]?.[1] ?? ''],
    ]);
    assert.match(summaryOf(last.body)[1]?.[1] ?? '', /挖掘目的/);
  });

  it('check your answers shows the fee once the number is known; a double submit opens one case', async () => {
    // A file question that is no checklist item (the demo services have none: each of their documents is a
    // checklist item): a new version of the service asks for one more, genuinely different, document.
    const current = await getService(db, { code: 'utility-pipeline-works' });
    assert.ok(current);
    const definition = definitionOfService(current);
    await publishServiceVersion(db, {
      definition: {
        ...definition,
        formFields: [
          ...definition.formFields,
          {
            type: 'file',
            id: 'road-photos',
            labelZh: '施工路段現況照片',
            labelEn: 'Photos of the road as it is now',
            isRequired: false,
          },
        ],
      },
      actor: systemActor,
      now: new Date(),
    });
    const applicant = anApplicant(subject);
    await applicant.start('utility-pipeline-works');
    await applicant.proveContact();
    const answers = await applicant.submit('answers-1', {
      'field.utility-type': 'telecom',
      address: '前鎮區中山二路 100 號至 200 號',
      description: '與台電管線同路段',
    });
    assert.equal(answers.statusCode, 303);
    const uploaded = await applicant.upload([
      {
        field: 'file.pipeline-drawings',
        name: 'drawings.pdf',
        type: 'application/pdf',
        content: samplePdf(),
      },
      { field: 'file.as-built-commitment', name: 'commitment.png', type: 'image/png', content: samplePng() },
      { field: 'file.road-photos', name: 'road.png', type: 'image/png', content: samplePng() },
    ]);
    assert.equal(uploaded.statusCode, 303, summaryOf(uploaded.body).join('\n'));
    const check = await applicant.open(applicant.step('check'));
    assert.match(decode(check.body), /id="fee-total"><strong>NT\$1,500<\/strong>/);

    const page = await applicant.open(applicant.step('check'));
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const [first, second] = await Promise.all([
      applicant.browser.post(applicant.step('check'), { _csrf: token }),
      applicant.browser.post(applicant.step('check'), { _csrf: token }),
    ]);
    assert.equal(first?.statusCode, 303);
    assert.equal(second?.statusCode, 303);
    const again = await applicant.browser.post(applicant.step('check'), { _csrf: token });
    assert.equal(again.statusCode, 303);
    assert.equal(again.headers.location, applicant.step('done'));
    const draft = await applicant.draft();
    const opened = await subject.database.pool.query(
      "select count(*)::int as n from cases where service_code = 'utility-pipeline-works' and description = '與台電管線同路段'",
    );
    assert.equal(opened.rows[0].n, 1);
    const attachments = await subject.database.pool.query(
      'select checklist_item_id from case_attachments where case_id = $1 order by checklist_item_id nulls last',
      [draft.caseId],
    );
    assert.deepEqual(
      attachments.rows.map((one) => one.checklist_item_id),
      ['as-built-commitment', 'pipeline-drawings', null],
      'a checklist item’s document names it; the file question that is no checklist item is attached without one',
    );
  });

  it('the English journey: pages, words and the case in English', async () => {
    const applicant = anApplicant(subject, 'en');
    await applicant.start('road-maintenance-petition');
    const first = await applicant.open(applicant.step('applicant'));
    assert.match(first.body, /<h1 class="govuk-heading-l">About you<\/h1>/);
    assert.match(first.body, /Personal Data Protection Act, Article 8/);
    assert.match(first.body, /Step 1 of 5/);
    await applicant.proveContact({ name: 'Mary Lin', email: anEmail() });
    const blank = await applicant.submit('answers-1', {
      address: '',
      'field.place-kind': '',
      description: '',
    });
    assert.equal(blank.statusCode, 400);
    assert.deepEqual(
      summaryOf(blank.body).map(([target]) => target),
      ['address', 'field-place-kind', 'description'],
    );
    const answers = await applicant.submit('answers-1', {
      address: 'Zhongzheng 3rd Rd 40–80',
      'field.place-kind': 'sidewalk',
      description: 'The sidewalk is uneven along the whole block.',
    });
    assert.equal(answers.statusCode, 303);
    assert.equal(answers.headers.location, applicant.step('documents'));
    const documents = await applicant.upload([]);
    assert.equal(documents.statusCode, 303, 'the photo is optional');
    const sent = await applicant.submit('check', {});
    assert.equal(sent.headers.location, applicant.step('done'));
    const draft = await applicant.draft();
    const [row] = await db
      .select()
      .from(cases)
      .where(eq(cases.id, draft.caseId ?? ''));
    assert.equal(row?.applicantLang, 'en');
    assert.equal(row?.kind, 'petition');
    assert.equal(row?.description, 'The sidewalk is uneven along the whole block.');
    assert.deepEqual(row?.checklistReceived, ['location']);
    const done = await applicant.open(applicant.step('done'));
    assert.match(done.body, /Application sent/);
    assert.match(done.body, /href="\/en\/track\?case=/);
  });
});
