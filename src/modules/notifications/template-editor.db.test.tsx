import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import { decode, mainOf } from '../../../test/helpers/html.ts';
import { withEmailDelivery } from '../../../test/helpers/notification-delivery.ts';
import { buildTestApp } from '../../../test/helpers/test-app.ts';
import { waitUntil } from '../../../test/helpers/wait-until.ts';
import { auditLog } from '../../platform/auth/auth-schema.ts';
import {
  aSignedInMember,
  aStaffMember,
  csrfTokenIn,
  type TestBrowser,
} from '../../platform/auth/auth-test-support.ts';
import { caseActorOf, sidewalkPetition, testCasesContext } from '../cases/core/cases-test-support.ts';
import { caseTopics, openCase } from '../cases/index.ts';
import { notificationDeliveries, notificationTemplateVersions } from './notifications-schema.ts';
import { builtInAsTemplate } from './template-text.ts';

/**
 * Issue 17 §5: the case-received notice edited by the secretariat; the next case's e-mail (over real SMTP)
 * carries the new sentence with its variables filled and names the version; checks refuse an unknown or a
 * missing required variable; back to the built-in wording; the preview masks the applicant; handlers 403.
 */

const { app: subject, smtp } = await withEmailDelivery((environment) => buildTestApp({ environment }));
const db = subject.database.db;
after(async () => {
  await subject.app.close();
});

const editor = '/staff/notification-templates/case.received';
const handler = caseActorOf(await aStaffMember(db, { role: 'handler', unitCode: 'road-maintenance' }));
const secretariat = await aSignedInMember(subject, { role: 'secretariat' });

/** The editor's fields as the page starts them (the built-in wording with variables), changed by `changes`. */
function fields(changes: Record<string, string> = {}): Record<string, string> {
  const zh = builtInAsTemplate(caseTopics.received, 'zh-TW');
  const en = builtInAsTemplate(caseTopics.received, 'en');
  return {
    subjectZh: zh.subject,
    textZh: zh.text,
    smsZh: zh.sms,
    subjectEn: en.subject,
    textEn: en.text,
    smsEn: en.sms,
    note: '',
    previewCase: '',
    baseVersion: '0',
    intent: 'save',
    ...changes,
  };
}

/** Posts as a browser does: with the CSRF token of a page the member opened (the staff home). */
async function post(browser: TestBrowser, url: string, form: Record<string, string>) {
  const home = await browser.get('/staff');
  return browser.post(url, { _csrf: csrfTokenIn(home.body), ...form });
}

const versionsOfTopic = () =>
  db
    .select()
    .from(notificationTemplateVersions)
    .where(eq(notificationTemplateVersions.topic, 'case.received'))
    .orderBy(desc(notificationTemplateVersions.version));

async function deliveryTo(email: string) {
  const row = await waitUntil(
    async () =>
      (
        await db
          .select()
          .from(notificationDeliveries)
          .where(
            and(eq(notificationDeliveries.recipient, email), eq(notificationDeliveries.channel, 'email')),
          )
      )[0],
    (row) => row !== undefined && row.state === 'sent',
    { what: `the receipt to ${email}`, timeoutMs: 20_000 },
  );
  assert.ok(row);
  return row;
}

describe('editing a notification’s wording (issue 17 §5)', () => {
  it('an unknown variable or a missing required one is refused, every problem listed, values kept, nothing saved', async () => {
    await secretariat.get(editor);
    const zh = builtInAsTemplate(caseTopics.received, 'zh-TW');
    const response = await post(
      secretariat,
      editor,
      fields({
        textZh: `${zh.text.replace('{{lookupCode}}', '')}\n請帶{{nope}}來。`,
        note: '試試看',
      }),
    );
    assert.equal(response.statusCode, 400);
    const main = decode(mainOf(response.body));
    assert.match(main, /沒有這個變數：\{\{nope\}\}/);
    assert.match(main, /缺少必填的變數：\{\{lookupCode\}\}/);
    assert.match(main, /中文 · 電子郵件內文/);
    assert.match(main, /請帶\{\{nope\}\}來。/, 'what was typed is kept');
    assert.deepEqual(await versionsOfTopic(), []);
  });

  it('a saved wording is version 1, audited before and after; the next case’s e-mail carries it, filled', async () => {
    const page = await secretariat.get(editor);
    assert.equal(page.statusCode, 200);
    assert.match(decode(mainOf(page.body)), /案號：\{\{caseNumber\}\}/, 'starts from the built-in wording');
    const zh = builtInAsTemplate(caseTopics.received, 'zh-TW');
    const saved = await post(
      secretariat,
      editor,
      fields({
        textZh: zh.text.replace(
          '您好：',
          '您好：\n\n感謝您使用{{bureauName}}線上服務，案號 {{caseNumber}} 將於{{expectedCompletionDate}}前完成。',
        ),
        note: '加一句感謝',
      }),
    );
    assert.equal(saved.statusCode, 303, saved.body);
    assert.equal(saved.headers.location, `${editor}?saved=1`);
    const [version] = await versionsOfTopic();
    assert.equal(version?.version, 1);
    assert.equal(version?.note, '加一句感謝');
    assert.match(version?.texts?.['zh-TW'].text ?? '', /感謝您使用\{\{bureauName\}\}線上服務/);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'notification_template.saved'))
      .orderBy(desc(auditLog.occurredAt));
    const details = audit?.details as {
      before: { version: null };
      after: { version: number; texts: unknown };
    };
    assert.equal(audit?.targetId, 'case.received');
    assert.deepEqual(details.before, { version: null, texts: null });
    assert.equal(details.after.version, 1);
    assert.deepEqual(details.after.texts, version?.texts);

    const email = 'edited.receipt@example.tw';
    const row = await openCase(
      testCasesContext(subject),
      sidewalkPetition({ applicantEmail: email, applicantPhone: '' }),
      handler,
    );
    const delivery = await deliveryTo(email);
    assert.equal(delivery.templateVersion, 1);
    const mail = smtp.messages.find((message) => message.envelopeTo.includes(email));
    assert.ok(mail);
    assert.match(
      mail.text,
      new RegExp(
        `感謝您使用高雄市政府工務局線上服務，案號 ${row.caseNumber} 將於民國\\d+年\\d+月\\d+日前完成。`,
      ),
    );
    assert.match(mail.text, new RegExp(`查詢碼：${row.lookupCode}`));
    assert.doesNotMatch(mail.text, /\{\{|\}\}/);
    // The templates page shows the wording sent now; the outbox entry names the version.
    const list = await secretariat.get('/staff/notification-templates');
    assert.match(decode(mainOf(list.body)), /已修改（第 1 版）/);
  });

  it('the preview fills a real case, the applicant’s name masked; a second editor on an old page is told', async () => {
    const name = '歐陽明華';
    const row = await openCase(
      testCasesContext(subject),
      sidewalkPetition({
        applicantName: name,
        applicantEmail: 'preview.case@example.tw',
        applicantPhone: '',
      }),
      handler,
    );
    const preview = await post(
      secretariat,
      editor,
      fields({ intent: 'preview', previewCase: row.caseNumber, baseVersion: '1' }),
    );
    assert.equal(preview.statusCode, 200);
    const main = decode(mainOf(preview.body));
    assert.match(main, new RegExp(`資料來自案號 ${row.caseNumber}（申請人 歐○○華）`));
    assert.match(main, new RegExp(`已收到您的申請（案號 ${row.caseNumber}）`));
    assert.ok(!main.includes(name), 'the full name is never shown');
    assert.ok(!main.includes(`查詢碼：${row.lookupCode}`), 'the lookup code is masked');
    assert.deepEqual(
      (await versionsOfTopic()).map((version) => version.version),
      [1],
      'a preview saves nothing',
    );
    const stale = await post(secretariat, editor, fields({ baseVersion: '0' }));
    assert.equal(stale.statusCode, 409);
    assert.match(decode(mainOf(stale.body)), /已有人儲存了新的版本/);
  });

  it('back to the built-in wording: a version with no texts, and the next e-mail is the built-in one', async () => {
    await secretariat.get(editor);
    const back = await post(secretariat, `${editor}/restore`, { version: 'built-in', baseVersion: '1' });
    assert.equal(back.statusCode, 303, back.body);
    const [version] = await versionsOfTopic();
    assert.equal(version?.version, 2);
    assert.equal(version?.texts, null);
    const email = 'builtin.receipt@example.tw';
    await openCase(
      testCasesContext(subject),
      sidewalkPetition({ applicantEmail: email, applicantPhone: '' }),
      handler,
    );
    const delivery = await deliveryTo(email);
    assert.equal(delivery.templateVersion, null);
    assert.doesNotMatch(delivery.bodyText, /感謝您使用/);
    assert.match(delivery.bodyText, /我們已收到您的「.+」申請/);
    // Restoring version 1 is a new version 3 with its texts.
    await secretariat.get(editor);
    const restored = await post(secretariat, `${editor}/restore`, { version: '1', baseVersion: '2' });
    assert.equal(restored.statusCode, 303, restored.body);
    const [third] = await versionsOfTopic();
    assert.equal(third?.version, 3);
    assert.match(third?.texts?.['zh-TW'].text ?? '', /感謝您使用/);
  });

  it('a handler gets 403 on the editor, its save and its restore; a supervisor still reads the list', async () => {
    const unitHandler = await aSignedInMember(subject, { role: 'handler', unitCode: 'road-maintenance' });
    assert.equal((await unitHandler.get(editor)).statusCode, 403);
    await unitHandler.get('/staff');
    assert.equal((await post(unitHandler, editor, fields())).statusCode, 403);
    assert.equal(
      (await post(unitHandler, `${editor}/restore`, { version: 'built-in', baseVersion: '3' })).statusCode,
      403,
    );
    const supervisor = await aSignedInMember(subject, { role: 'supervisor', unitCode: 'road-maintenance' });
    const list = await supervisor.get('/staff/notification-templates');
    assert.equal(list.statusCode, 200);
    assert.doesNotMatch(list.body, /data-edit-link/);
    assert.equal((await supervisor.get(editor)).statusCode, 403);
    assert.equal((await versionsOfTopic()).length, 3);
  });
});
