import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { generate } from 'otplib';
import { buildTestApp } from '../../../test/helpers/test-app.ts';
import { recordAudit, systemActor } from './audit-log.ts';
import {
  afterPasswordStep,
  aStaffMember,
  auditEntries,
  csrfTokenIn,
  currentCode,
  signIn,
  TestBrowser,
} from './auth-test-support.ts';

// Top level: the test database helper's clean-up must be registered outside any hook.
const subject = await buildTestApp({ environment: { RATE_LIMIT_PER_MINUTE: '10000' } });
after(() => subject.app.close());

/** The clock moves half a minute per test, so each test's codes belong to their own time step. */
const nextStep = () => subject.clock.advance(30_000);

/** An administrator with two-factor on, signed in. */
async function aSignedInAdmin() {
  const admin = await aStaffMember(subject.database.db, {
    role: 'admin',
    withTotp: true,
    clock: subject.clock,
  });
  return { admin, browser: await signIn(subject.app, admin, subject.clock) };
}

describe('the authenticator code step', () => {
  it('with two-factor on, the password alone does not sign in: it leads to the code page', async () => {
    nextStep();
    const member = await aStaffMember(subject.database.db, { role: 'handler', withTotp: true });
    const browser = new TestBrowser(subject.app);
    const response = await browser.submit('/staff/sign-in?return=%2Fstaff%3Ffrom%3Dmail', '/staff/sign-in', {
      email: member.email,
      password: member.password,
      return: '/staff?from=mail',
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/staff/sign-in/verify?return=%2Fstaff%3Ffrom%3Dmail');
    const home = await browser.get('/staff');
    assert.equal(home.statusCode, 303, 'not signed in before the code');
    const api = await browser.get('/api/staff/session');
    assert.equal(api.statusCode, 401);
    const page = await browser.get('/staff/sign-in/verify?return=%2Fstaff%3Ffrom%3Dmail');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /輸入驗證碼/);
    assert.match(page.body, /autocomplete="one-time-code"/);
    assert.match(page.body, /inputmode="numeric"/);
    assert.match(page.body, /name="return" value="\/staff\?from=mail"/);
  });

  it('a right code signs in with a new session id and goes back to the return path', async () => {
    nextStep();
    const member = await aStaffMember(subject.database.db, {
      role: 'handler',
      withTotp: true,
      displayName: '陳雅婷',
    });
    const browser = await afterPasswordStep(subject.app, member);
    const pendingToken = browser.cookies.get('ow_session');
    const response = await browser.submitCode(await currentCode(member.totpSecret ?? '', subject.clock), {
      return: '/staff?from=mail',
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/staff?from=mail');
    assert.notEqual(
      browser.cookies.get('ow_session'),
      pendingToken,
      'the session id changes at the code step',
    );
    const home = await browser.get('/staff');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /您以 陳雅婷 的身分登入/);
    const audit = await subject.database.pool.query<{ action: string; details: unknown }>(
      'select action, details from audit_log where actor_staff_id = $1 order by id',
      [member.id],
    );
    assert.deepEqual(audit.rows, [
      { action: 'staff.sign_in.password_accepted', details: { next: 'authenticator_code' } },
      { action: 'staff.sign_in.succeeded', details: { method: 'password_and_authenticator' } },
    ]);
  });

  it('a code from one step ago is accepted (clock drift), two steps ago is not', async () => {
    nextStep();
    const member = await aStaffMember(subject.database.db, { withTotp: true });
    const secret = member.totpSecret ?? '';
    const browser = await afterPasswordStep(subject.app, member);
    const tooOld = await browser.submitCode(await currentCode(secret, subject.clock, -2));
    assert.equal(tooOld.statusCode, 401);
    assert.match(tooOld.body, /<a href="#code">驗證碼不正確/);
    assert.equal((await browser.get('/staff')).headers.location, '/staff/sign-in?return=%2Fstaff');
    const slightlyOld = await browser.submitCode(await currentCode(secret, subject.clock, -1));
    assert.equal(slightlyOld.statusCode, 303);
    assert.equal(slightlyOld.headers.location, '/staff');
    const home = await browser.get('/staff');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, new RegExp(`您以 ${member.displayName} 的身分登入`));
  });

  it('a wrong code → 401 with the error summary linked to the code field; still not signed in', async () => {
    nextStep();
    const member = await aStaffMember(subject.database.db, { withTotp: true });
    const browser = await afterPasswordStep(subject.app, member);
    const right = await currentCode(member.totpSecret ?? '', subject.clock);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    const response = await browser.submitCode(wrong);
    assert.equal(response.statusCode, 401);
    assert.match(response.body, /<title>錯誤：輸入驗證碼/);
    assert.match(response.body, /<a href="#code">驗證碼不正確/);
    assert.equal((await browser.get('/staff')).statusCode, 303);
    const empty = await browser.submitCode(' ');
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /<a href="#code">請輸入 6 位數驗證碼<\/a>/);
    const failures = await subject.database.pool.query(
      `select details->>'reason' as reason from audit_log where actor_staff_id = $1 and action = 'staff.sign_in.two_factor_failed'`,
      [member.id],
    );
    assert.deepEqual(failures.rows, [{ reason: 'wrong_code' }]);
  });

  it('the same code again in the same period (replay) is refused, even after signing out and in', async () => {
    nextStep();
    const member = await aStaffMember(subject.database.db, { withTotp: true });
    const code = await currentCode(member.totpSecret ?? '', subject.clock);
    const first = await afterPasswordStep(subject.app, member);
    assert.equal((await first.submitCode(code)).statusCode, 303);

    const second = await afterPasswordStep(subject.app, member);
    const replay = await second.submitCode(code);
    assert.equal(replay.statusCode, 401);
    assert.match(replay.body, /這組驗證碼已經用過，請等待下一組驗證碼。/);

    subject.clock.advance(30_000);
    const next = await second.submitCode(await currentCode(member.totpSecret ?? '', subject.clock));
    assert.equal(next.statusCode, 303);
  });

  it('more than 5 codes a minute for one account → 429 with Retry-After', async () => {
    nextStep();
    const member = await aStaffMember(subject.database.db, { withTotp: true });
    const browser = await afterPasswordStep(subject.app, member);
    const statuses: number[] = [];
    let last = { headers: {} as Record<string, unknown>, body: '' };
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const response = await browser.submitCode('000000');
      statuses.push(response.statusCode);
      last = response;
    }
    assert.deepEqual(
      statuses.slice(0, 5).every((status) => status === 401),
      true,
    );
    assert.equal(statuses[5], 429);
    assert.match(String(last.headers['retry-after']), /^\d+$/);
    assert.ok(Number(last.headers['retry-after']) <= 60);
    assert.match(last.body, /請求次數過多/);
  });

  it('the code page without a half-finished sign-in → back to the sign-in page', async () => {
    const response = await subject.app.inject({ method: 'GET', url: '/en/staff/sign-in/verify' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/en/staff/sign-in');
  });
});

describe('two-factor for administrators', () => {
  it('an admin without two-factor is sent to enrol and can reach nothing else until done', async () => {
    nextStep();
    const admin = await aStaffMember(subject.database.db, { role: 'admin' });
    const browser = new TestBrowser(subject.app);
    const signedIn = await browser.submitSignIn({ email: admin.email, password: admin.password });
    assert.equal(signedIn.headers.location, '/staff/account/two-factor');
    for (const path of ['/staff', '/staff/audit', '/en/staff']) {
      const response = await browser.get(path);
      assert.equal(response.statusCode, 303, path);
      assert.match(String(response.headers.location), /\/staff\/account\/two-factor$/, path);
    }
    const api = await browser.get('/api/staff/session');
    assert.equal(api.statusCode, 403);
    assert.equal(JSON.parse(api.body).code, 'FORBIDDEN');
  });

  it('enrolment shows an inline QR code and the key in groups of four; reloading keeps the key; the right code turns it on', async () => {
    nextStep();
    const admin = await aStaffMember(subject.database.db, { role: 'admin' });
    const browser = await signIn(subject.app, admin, subject.clock);
    const page = await browser.get('/staff/account/two-factor');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /系統管理員必須先設定兩步驟驗證/);
    assert.match(page.body, /<svg role="img" aria-label="兩步驟驗證設定用 QR Code"/);
    assert.doesNotMatch(page.body, /<svg[^>]*style=/);
    const grouped = /class="app-setup-key"[^>]*>([A-Z2-7 ]+)</.exec(page.body)?.[1];
    assert.ok(grouped, 'the key is shown');
    assert.match(grouped, /^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    const secret = grouped.replaceAll(' ', '');

    const reload = await browser.get('/staff/account/two-factor');
    assert.match(reload.body, new RegExp(grouped), 'the same key after a reload');

    const wrong = await browser.post('/staff/account/two-factor', {
      _csrf: csrfTokenIn(page.body),
      code: '12345',
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /<a href="#code">驗證碼不正確/);

    const code = await generate({ secret, epoch: Math.floor(subject.clock.now().getTime() / 1000) });
    const confirmed = await browser.post('/staff/account/two-factor', {
      _csrf: csrfTokenIn(page.body),
      code,
    });
    assert.equal(confirmed.statusCode, 303);
    assert.equal(confirmed.headers.location, '/staff/account/two-factor?done=1');
    const done = await browser.get('/staff/account/two-factor?done=1');
    assert.match(done.body, /兩步驟驗證已啟用/);

    const audit = await browser.get('/staff/audit');
    assert.equal(audit.statusCode, 200, 'everything else opens once two-factor is on');
    const rows = await subject.database.pool.query<{ totp_enabled_at: Date | null }>(
      'select totp_enabled_at from staff where id = $1',
      [admin.id],
    );
    assert.deepEqual(rows.rows[0]?.totp_enabled_at, subject.clock.now());
    assert.equal((await auditEntries(subject.database.db, 'staff.two_factor.enabled', admin.id)).length, 1);
  });
});

describe('the audit log page', () => {
  it('a handler → 403 FORBIDDEN on /staff/audit (page and JSON)', async () => {
    nextStep();
    const handler = await aStaffMember(subject.database.db, { role: 'handler' });
    const browser = await signIn(subject.app, handler, subject.clock);
    const page = await browser.get('/staff/audit');
    assert.equal(page.statusCode, 403);
    assert.match(page.body, /您沒有權限執行此操作。/);
    const json = await browser.get('/staff/audit', { accept: 'application/json' });
    assert.equal(json.statusCode, 403);
    assert.equal(JSON.parse(json.body).code, 'FORBIDDEN');
  });

  it('an admin sees entries newest first, filters by action and actor in the URL, pages, and the viewing is audited', async () => {
    nextStep();
    const { admin, browser } = await aSignedInAdmin();
    const marker = `test.marker.${Date.now()}`;
    const base = subject.clock.now().getTime();
    for (let index = 0; index < 55; index += 1) {
      await recordAudit(subject.database.db, {
        occurredAt: new Date(base + index * 1000),
        actor: systemActor,
        action: marker,
        details: { index },
      });
    }
    const first = await browser.get(`/staff/audit?action=${marker}&actor=system`);
    assert.equal(first.statusCode, 200);
    const indexes = [...first.body.matchAll(/{&quot;index&quot;:(\d+)}/g)].map((match) => Number(match[1]));
    assert.equal(indexes.length, 50);
    assert.equal(indexes[0], 54, 'newest first');
    assert.equal(indexes[49], 5);
    assert.match(
      first.body,
      new RegExp(`href="/staff/audit\\?action=${marker.replaceAll('.', '\\.')}&amp;actor=system&amp;page=2"`),
    );
    assert.match(
      first.body,
      new RegExp(`value="${marker.replaceAll('.', '\\.')}"`),
      'the filter is kept in the form',
    );

    const second = await browser.get(`/staff/audit?action=${marker}&actor=system&page=2`);
    const secondIndexes = [...second.body.matchAll(/{&quot;index&quot;:(\d+)}/g)].map((match) =>
      Number(match[1]),
    );
    assert.deepEqual(secondIndexes, [4, 3, 2, 1, 0]);
    assert.match(second.body, /rel="prev"/);
    assert.doesNotMatch(second.body, /rel="next"/);

    const otherActor = await browser.get(`/staff/audit?action=${marker}&actor=cli`);
    assert.match(otherActor.body, /沒有符合條件的紀錄。/);

    const views = await subject.database.pool.query<{ details: unknown; actor_label: string }>(
      `select details, actor_label from audit_log where action = 'audit_log.viewed' and actor_staff_id = $1 order by id`,
      [admin.id],
    );
    assert.deepEqual(
      views.rows.map((row) => row.details),
      [
        { page: 1, action: marker, actorLabel: 'system' },
        { page: 2, action: marker, actorLabel: 'system' },
        { page: 1, action: marker, actorLabel: 'cli' },
      ],
    );
    assert.equal(views.rows[0]?.actor_label, admin.email);
  });

  it('each row shows its action’s label from the registry beside its code; the filter offers every known action by its label, and filters by it', async () => {
    nextStep();
    const { admin, browser } = await aSignedInAdmin();
    await recordAudit(subject.database.db, {
      occurredAt: subject.clock.now(),
      actor: systemActor,
      action: 'catalogue.service_published',
      target: { type: 'service', id: 'label-test' },
      details: { version: 7 },
    });
    // The admin's own sign-in, labelled by the platform's list.
    const page = await browser.get(`/staff/audit?actor=${encodeURIComponent(admin.email)}`);
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /<td class="govuk-table__cell" data-action="staff\.sign_in\.succeeded">員工登入<br\/><code>staff\.sign_in\.succeeded<\/code><\/td>/,
    );
    const filter = page.body.slice(page.body.indexOf('<select'), page.body.indexOf('</select>'));
    assert.match(filter, /<select class="govuk-select" id="action" name="action"/);
    assert.match(filter, /<option value selected>所有動作<\/option>/);
    for (const [action, label] of [
      ['staff.sign_in.failed', '登入失敗'],
      ['audit_log.viewed', '查閱稽核紀錄'],
      ['catalogue.service_published', '發布服務項目的新版本'],
      ['notification_delivery.viewed', '查閱通知的收件人與全文'],
    ] as const)
      assert.match(
        filter,
        new RegExp(`<option value="${action.replaceAll('.', '\\.')}">${label}（${action}）</option>`),
      );

    const filtered = await browser.get('/staff/audit?action=catalogue.service_published&actor=system');
    assert.match(filtered.body, /<option value="catalogue\.service_published" selected>/);
    const actions = [...filtered.body.matchAll(/<td class="govuk-table__cell" data-action="([^"]+)"/g)].map(
      (match) => match[1],
    );
    assert.ok(actions.length >= 1);
    assert.ok(
      actions.every((action) => action === 'catalogue.service_published'),
      actions.join(', '),
    );
    assert.match(filtered.body, /label-test/);
    // The catalogue's action is labelled by the catalogue's manifest.
    assert.match(
      filtered.body,
      /data-action="catalogue\.service_published">發布服務項目的新版本<br\/><code>catalogue\.service_published<\/code>/,
    );

    const english = await browser.get('/en/staff/audit?action=catalogue.service_published');
    assert.match(english.body, /<option value>Any action<\/option>/);
    assert.match(
      english.body,
      /<option value="catalogue\.service_published" selected>Service version published \(catalogue\.service_published\)<\/option>/,
    );
    assert.match(english.body, /data-action="catalogue\.service_published">Service version published<br\/>/);
  });
});
