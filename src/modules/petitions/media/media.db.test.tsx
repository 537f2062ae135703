import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { decode, mainOf, summaryOf } from '../../../../test/helpers/html.ts';
import { withEmailDelivery } from '../../../../test/helpers/notification-delivery.ts';
import { buildTestApp } from '../../../../test/helpers/test-app.ts';
import type { StaffActorContext } from '../../../platform/auth/actor-context.ts';
import { noRequestOrigin, staffActor } from '../../../platform/auth/audit-log.ts';
import {
  aSignedInMember,
  aStaffMember,
  auditEntries,
  type TestBrowser,
  type TestStaffMember,
} from '../../../platform/auth/auth-test-support.ts';
import { topicProblems } from '../../../platform/notify/template-kit.ts';
import { listDeliveries } from '../../notifications/index.ts';
import { mediaItems } from '../petitions-schema.ts';
import { blankMediaItem } from './media-form.ts';
import { scanMediaOverdue } from './media-overdue.ts';
import { recordMediaItem } from './media-service.ts';
import { mediaTopics } from './templates/index.ts';

/**
 * The media log (輿情, issue 16 §7): items recorded by the secretariat with every problem listed at once,
 * the unit asked to fact-check seeing and answering only its own items, the overdue e-mail (once per item
 * and person, over real SMTP) and the clarification that takes an item off the overdue list.
 */
const { app: subject, smtp } = await withEmailDelivery((environment) => buildTestApp({ environment }));
const { db } = subject.database;
after(() => subject.app.close());

type Browser = TestBrowser & { member: TestStaffMember };
let secretariat: Browser;
let roadHandler: Browser;
let parksHandler: Browser;
let roadSupervisor: TestStaffMember;
let parksSupervisor: TestStaffMember;

before(async () => {
  [secretariat, roadHandler, parksHandler, roadSupervisor, parksSupervisor] = await Promise.all([
    aSignedInMember(subject, { role: 'secretariat' }),
    aSignedInMember(subject, { role: 'handler', unitCode: 'road-maintenance' }),
    aSignedInMember(subject, { role: 'handler', unitCode: 'parks' }),
    aStaffMember(db, { role: 'supervisor', unitCode: 'road-maintenance' }),
    aStaffMember(db, { role: 'supervisor', unitCode: 'parks' }),
  ]);
});

const unique = () => randomBytes(3).toString('hex');

/** An item asked of road maintenance, recorded through the use case `recordedHoursAgo` hours ago. */
async function anItem(title: string, options: { hours: string; recordedHoursAgo: number }) {
  const now = new Date(subject.clock.now().getTime() - options.recordedHoursAgo * 3_600_000);
  const member = secretariat.member;
  const actor: StaffActorContext = {
    lang: 'zh-TW',
    now,
    origin: noRequestOrigin,
    staff: { ...member, sessionId: 'test', hasTotp: false },
    auditActor: staffActor(member),
  };
  const values = {
    ...blankMediaItem,
    title,
    outlet: '聯合報',
    publishedOn: '2026-03-01',
    summary: '民眾投書指道路修補後又破損。',
    tone: 'negative' as const,
    unitCodes: ['road-maintenance'],
    factCheckUnit: 'road-maintenance',
    factCheckHours: options.hours,
  };
  return recordMediaItem(db, { values, actor });
}

describe('the media log (輿情)', () => {
  it('a bad item lists every problem at once, keeps what was typed, and records nothing', async () => {
    const outlet = `PTT 高雄板 ${unique()}`;
    const response = await secretariat.submit('/staff/media/new', '/staff/media/new', {
      title: '',
      outlet,
      url: 'ftp://files.example.tw/a',
      publishedOn: '2099-01-01',
      summary: '',
      unitCodes: 'no-such-unit',
      factCheckUnit: 'road-maintenance',
      factCheckHours: '200',
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryOf(response.body), [
      ['title', '請填寫標題'],
      ['url', '連結須為以 http:// 或 https:// 開頭的網址'],
      ['publishedOn', '刊出日期不能晚於今天'],
      ['summary', '請填寫摘要'],
      ['tone', '請選擇報導傾向'],
      ['unitCodes', '相關單位中有本局沒有的單位'],
      ['factCheckHours', '查證時限須為 1 到 168 的整數（小時）'],
    ]);
    const main = mainOf(response.body);
    assert.match(main, new RegExp(`name="outlet" type="text" value="${outlet}"`));
    assert.match(main, /name="url" type="text" value="ftp:\/\/files\.example\.tw\/a"/);
    assert.match(main, /name="factCheckHours" type="text" value="200"/);
    assert.match(main, /<option value="road-maintenance" selected>/);
    const written = await db.select().from(mediaItems).where(eq(mediaItems.outlet, outlet));
    assert.equal(written.length, 0);
  });

  it('a good item is recorded once with its fact-check deadline, audited, and listed as being checked', async () => {
    const title = `苓雅區人行道破損 行人絆倒 ${unique()}`;
    const form = await secretariat.get('/staff/media/new');
    const once = /name="_once" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    assert.notEqual(once, '');
    const fields = new URLSearchParams({
      _csrf: /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '',
      _once: once,
      title,
      outlet: '自由時報',
      url: 'https://news.example.tw/story?id=1',
      publishedOn: '115/3/1',
      summary: '民眾投訴人行道破損。\n記者訪問里長。',
      tone: 'negative',
      factCheckUnit: 'road-maintenance',
      factCheckHours: '２４',
    });
    fields.append('unitCodes', 'road-maintenance');
    fields.append('unitCodes', 'parks');
    const post = () =>
      subject.app.inject({
        method: 'POST',
        url: '/staff/media/new',
        headers: { cookie: secretariat.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: fields.toString(),
      });
    const first = await post();
    assert.equal(first.statusCode, 303, first.body);
    const location = String(first.headers.location);
    const id = /^\/staff\/media\/([0-9a-f-]{36})\?done=recorded$/.exec(location)?.[1] ?? '';
    assert.notEqual(id, '', location);
    const again = await post();
    assert.equal(again.headers.location, location, 'the same form posted twice records one item');

    const rows = await db.select().from(mediaItems).where(eq(mediaItems.title, title));
    assert.equal(rows.length, 1);
    const [row] = rows;
    assert.equal(row?.publishedOn, '2026-03-01');
    assert.deepEqual(row?.unitCodes, ['road-maintenance', 'parks']);
    assert.equal(row?.factCheckUnit, 'road-maintenance');
    assert.equal(row?.factCheckDueAt?.toISOString(), '2026-03-03T02:00:00.000Z');
    assert.equal(row?.createdBy, secretariat.member.id);
    const audit = await auditEntries(db, 'petition.media_record', id);
    assert.deepEqual(audit, [
      {
        actorLabel: secretariat.member.email,
        actorStaffId: secretariat.member.id,
        details: { factCheckUnit: 'road-maintenance', hours: 24 },
      },
    ]);

    const page = await secretariat.get(location);
    assert.match(page.body, /已登錄這則輿情。/);
    assert.match(
      mainOf(page.body),
      /<dd class="govuk-summary-list__value" id="media-fact-check">道路養護工程處，民國115年3月3日 10:00 前<\/dd>/,
    );
    const list = await secretariat.get('/staff/media?show=open');
    const line =
      new RegExp(`<tr class="govuk-table__row" data-item="${id}">.*?</tr>`).exec(list.body)?.[0] ?? '';
    assert.match(line, new RegExp(title));
    assert.match(line, /<strong class="govuk-tag govuk-tag--yellow" data-state="checking">待查證<\/strong>/);
    const english = await secretariat.get('/en/staff/media?show=open');
    assert.match(english.body, /<h1 class="govuk-heading-l">Media log<\/h1>/);
    assert.match(english.body, /Road Maintenance Engineering Office, by 3 March 2026 10:00/);
  });

  it('least privilege: another unit’s handler sees nothing of the item and cannot answer it; the asked unit answers', async () => {
    const title = `三民區坑洞 機車摔車 ${unique()}`;
    const { id } = await anItem(title, { hours: '48', recordedHoursAgo: 0 });

    assert.equal((await parksHandler.get(`/staff/media/${id}`)).statusCode, 403);
    const refused = await parksHandler.submit('/staff/media', `/staff/media/${id}/fact-check`, {
      note: '不是本處的。',
    });
    assert.equal(refused.statusCode, 403);
    assert.doesNotMatch(refused.body, new RegExp(title));
    assert.doesNotMatch((await parksHandler.get('/staff/media?show=all')).body, new RegExp(title));
    assert.equal((await parksHandler.get('/staff/media/new')).statusCode, 403);

    assert.match((await roadHandler.get('/staff/media?show=open')).body, new RegExp(title));
    const answered = await roadHandler.submit(`/staff/media/${id}`, `/staff/media/${id}/fact-check`, {
      note: '已於 3 月 1 日修補完成，\n現場複查無坑洞。',
    });
    assert.equal(answered.statusCode, 303);
    assert.equal(answered.headers.location, `/staff/media/${id}?done=note`);
    const [row] = await db.select().from(mediaItems).where(eq(mediaItems.id, id));
    assert.equal(row?.factCheckNote, '已於 3 月 1 日修補完成，\n現場複查無坑洞。');
    const page = await roadHandler.get(`/staff/media/${id}?done=note`);
    assert.match(page.body, /已記錄查證說明。/);
    assert.match(page.body, /data-state="checked">已查證</);
    assert.equal((await auditEntries(db, 'petition.media_fact_check', id)).length, 1);
  });

  it('an overdue fact-check is e-mailed once to the unit’s supervisors and the secretariat, with its title', async () => {
    assert.deepEqual(topicProblems(mediaTopics.overdue), []);
    const title = `前鎮區路燈不亮 ${unique()}`;
    const { id } = await anItem(title, { hours: '1', recordedHoursAgo: 3 });

    const first = await scanMediaOverdue({
      db,
      jobs: subject.jobs,
      clock: subject.clock,
      publicBaseUrl: subject.config.publicBaseUrl,
    });
    assert.ok(first.items >= 1, JSON.stringify(first));
    const second = await scanMediaOverdue({
      db,
      jobs: subject.jobs,
      clock: subject.clock,
      publicBaseUrl: subject.config.publicBaseUrl,
    });
    assert.deepEqual(second, { items: 0, emails: 0 }, 'never twice');

    const deliveries = await listDeliveries(db, { type: 'media_item', id });
    assert.deepEqual(
      deliveries.map((delivery) => [delivery.topic, delivery.recipient]).sort(),
      [
        ['petition.media_overdue', roadSupervisor.email],
        ['petition.media_overdue', secretariat.member.email],
      ].sort(),
      'the asked unit’s supervisor and the secretariat, once each; not another unit’s supervisor',
    );
    assert.ok(deliveries.every((delivery) => delivery.recipient !== parksSupervisor.email));
    const [row] = await db.select().from(mediaItems).where(eq(mediaItems.id, id));
    assert.equal(row?.overdueAlertedAt?.toISOString(), subject.clock.now().toISOString());

    await smtp.waitForMessages(2);
    const toSupervisor = smtp.messages.filter((message) => message.envelopeTo.includes(roadSupervisor.email));
    assert.equal(toSupervisor.length, 1);
    assert.equal(toSupervisor[0]?.subject, `【輿情查證逾期】${title}`);
    assert.match(toSupervisor[0]?.text ?? '', new RegExp(`標題：${title}`));
    assert.match(toSupervisor[0]?.text ?? '', new RegExp(`/staff/media/${id}`));
  });

  it('a clarification (every problem at once first) takes the item off the overdue list', async () => {
    const title = `鳳山區排水溝未加蓋 ${unique()}`;
    const { id } = await anItem(title, { hours: '2', recordedHoursAgo: 5 });
    assert.match((await secretariat.get('/staff/media?show=overdue')).body, new RegExp(title));

    const bad = await secretariat.submit(`/staff/media/${id}`, `/staff/media/${id}/clarification`, {
      clarificationUrl: 'javascript:alert(1)',
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(summaryOf(bad.body), [
      ['clarificationKind', '請選擇澄清方式'],
      ['clarificationUrl', '澄清的連結須為以 http:// 或 https:// 開頭的網址'],
    ]);
    assert.match(bad.body, /name="clarificationUrl" type="text" value="javascript:alert\(1\)"/);

    const url = 'https://pwb.example.gov.tw/news/2026/0302';
    const good = await secretariat.submit(`/staff/media/${id}`, `/staff/media/${id}/clarification`, {
      clarificationKind: 'press_release',
      clarificationUrl: url,
    });
    assert.equal(good.statusCode, 303);
    const [row] = await db.select().from(mediaItems).where(eq(mediaItems.id, id));
    assert.equal(row?.clarificationKind, 'press_release');
    assert.equal(row?.clarificationUrl, url);
    assert.equal(row?.clarifiedAt?.toISOString(), subject.clock.now().toISOString());

    assert.doesNotMatch((await secretariat.get('/staff/media?show=overdue')).body, new RegExp(title));
    assert.match((await secretariat.get('/staff/media?show=clarified')).body, new RegExp(title));
    const page = decode((await secretariat.get(String(good.headers.location))).body);
    assert.match(page, /已記錄澄清。/);
    assert.match(page, /新聞稿（民國115年3月2日 10:00 記錄）/);
    assert.match(page, new RegExp(`<a class="govuk-link govuk-link--no-visited-state" href="${url}"`));
    assert.deepEqual(
      (await auditEntries(db, 'petition.media_clarify', id)).map((entry) => entry.details),
      [{ kind: 'press_release', isCorrection: false }],
    );
  });
});
