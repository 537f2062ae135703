import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { buildTestApp } from '../../../test/helpers/test-app.ts';
import { aStaffMember, csrfTokenIn, signIn, TestBrowser, uniqueEmail } from './auth-test-support.ts';
import { signInFailureKey } from './staff-email.ts';

interface AuditRow {
  action: string;
  actor_label: string;
  actor_staff_id: string | null;
  target_id: string | null;
  ip: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
}

// Built at the top level: the test database helper registers its clean-up with node:test's after(),
// which must be called outside any hook to run at the end of the file.
// Many sign-ins come from one test address: the per-IP limit has its own app (and test) below.
const subject = await buildTestApp({ environment: { RATE_LIMIT_PER_MINUTE: '10000' } });
const limited = await buildTestApp({ environment: { RATE_LIMIT_PER_MINUTE: '3' } });
after(async () => {
  await subject.app.close();
  await limited.app.close();
});

describe('staff sign-in', () => {
  const auditRows = async (where: string, values: unknown[]) =>
    (
      await subject.database.pool.query<AuditRow>(
        `select action, actor_label, actor_staff_id, target_id, ip, request_id, details from audit_log where ${where} order by id`,
        values,
      )
    ).rows;

  it('GET /staff/sign-in → the form with a hidden CSRF field and an HttpOnly, SameSite=Strict ow_csrf cookie', async () => {
    const response = await subject.app.inject({ method: 'GET', url: '/staff/sign-in' });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<h1[^>]*>員工登入<\/h1>/);
    const token = csrfTokenIn(response.body);
    const cookie = response.cookies.find((candidate) => candidate.name === 'ow_csrf');
    assert.equal(cookie?.value, token);
    assert.equal(cookie?.httpOnly, true);
    assert.equal(cookie?.sameSite, 'Strict');
    assert.equal(cookie?.path, '/');
    assert.match(String(response.headers['cache-control']), /no-store/);
    assert.match(response.body, /autocomplete="username"/);
    assert.match(response.body, /autocomplete="current-password"/);
  });

  it('a public page without a session cookie sets no cookie and does not use the database', async () => {
    // The home page lists the units from their table: its first render reads them, and it is then kept as
    // bytes (ADR 0013) until a unit changes. What is checked here is the visit after that: no session, no query.
    assert.equal((await subject.app.inject({ method: 'GET', url: '/' })).statusCode, 200);
    let checkouts = 0;
    const count = () => {
      checkouts += 1;
    };
    subject.database.pool.on('acquire', count);
    try {
      const response = await subject.app.inject({ method: 'GET', url: '/' });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.cookies, []);
      assert.equal(checkouts, 0);
    } finally {
      subject.database.pool.off('acquire', count);
    }
  });

  it('the right password → 303 to /staff with an HttpOnly SameSite=Lax session cookie; /staff shows the name', async () => {
    const member = await aStaffMember(subject.database.db, { role: 'handler', displayName: '王小明' });
    const browser = new TestBrowser(subject.app);
    const response = await browser.submitSignIn({
      email: member.email.toUpperCase(),
      password: member.password,
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/staff');
    const cookie = response.cookies.find((candidate) => candidate.name === 'ow_session');
    assert.ok(cookie, 'a session cookie is set');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/');
    assert.equal(cookie.secure, undefined, 'not Secure over plain http (COOKIE_SECURE off)');
    assert.match(cookie.value, /^[A-Za-z0-9_-]{43}$/);

    // The table holds the token's SHA-256, never the token itself.
    const rows = await subject.database.pool.query<{ id: string; is_mfa_complete: boolean }>(
      'select id, is_mfa_complete from staff_sessions where staff_id = $1',
      [member.id],
    );
    assert.equal(rows.rows.length, 1);
    assert.equal(rows.rows[0]?.id, createHash('sha256').update(cookie.value).digest('hex'));
    assert.equal(rows.rows[0]?.is_mfa_complete, true);

    const home = await browser.get('/staff');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /您以 王小明 的身分登入/);
    assert.match(home.body, /承辦人/);
    assert.match(home.body, /道路養護工程處/);
  });

  it('the English sign-in page signs in to /en/staff', async () => {
    const member = await aStaffMember(subject.database.db, { role: 'counter_clerk', displayName: 'Lin Mei' });
    const browser = new TestBrowser(subject.app);
    const page = await browser.get('/en/staff/sign-in');
    assert.match(page.body, /Staff sign-in/);
    const response = await browser.post('/en/staff/sign-in', {
      _csrf: csrfTokenIn(page.body),
      email: member.email,
      password: member.password,
    });
    assert.equal(response.headers.location, '/en/staff');
    const home = await browser.get('/en/staff');
    assert.match(home.body, /You are signed in as Lin Mei/);
    assert.match(home.body, /Counter clerk/);
  });

  it('a wrong password and an unknown e-mail → the same 401 page and generic message; e-mail kept, password not', async () => {
    const member = await aStaffMember(subject.database.db);
    const wrongPassword = await new TestBrowser(subject.app).submitSignIn({
      email: member.email,
      password: 'not the password at all',
    });
    const unknownEmail = await new TestBrowser(subject.app).submitSignIn({
      email: 'nobody.here@test.onewindow.tw',
      password: 'not the password at all',
    });
    for (const response of [wrongPassword, unknownEmail]) {
      assert.equal(response.statusCode, 401);
      assert.match(response.body, /<title>錯誤：員工登入/);
      assert.match(response.body, /class="govuk-error-summary"[^>]*role="alert"[^>]*tabindex="-1"/);
      assert.match(response.body, /<a href="#email">電子郵件或密碼不正確。<\/a>/);
      assert.doesNotMatch(response.body, /not the password at all/);
      assert.doesNotMatch(response.body, /no such|不存在|找不到/);
    }
    assert.match(wrongPassword.body, new RegExp(`value="${member.email}"`));
    assert.match(unknownEmail.body, /value="nobody\.here@test\.onewindow\.tw"/);
    const strip = (html: string) =>
      html
        .replace(/value="[^"]*"/g, '')
        .replace(/nonce="[^"]*"/g, '')
        .replace(/nonce-[^']*'/g, '');
    assert.equal(
      strip(wrongPassword.body),
      strip(unknownEmail.body),
      'the two pages are identical but for the typed e-mail',
    );
  });

  it('empty fields → 400 listing both at once, each linked to its field', async () => {
    const response = await new TestBrowser(subject.app).submitSignIn({
      email: '  ',
      password: '',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<a href="#email">請輸入電子郵件<\/a>/);
    assert.match(response.body, /<a href="#password">請輸入密碼<\/a>/);
    assert.match(response.body, /id="email-error"/);
    assert.match(response.body, /aria-describedby="password-error"/);
  });

  it('an over-long address is answered on the page (400, the forms kit’s message), and no attempt is counted', async () => {
    const member = await aStaffMember(subject.database.db);
    const browser = new TestBrowser(subject.app);
    const response = await browser.submitSignIn({
      email: `${'x'.repeat(320)}@`,
      password: member.password,
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<a href="#email">電子郵件最多 320 個字（現為 321 個字）<\/a>/);
    // The field's limit is its hint (issue 14: field-limits.ts), then the error.
    assert.match(response.body, /aria-describedby="email-hint email-error"/);
    assert.match(response.body, /<div id="email-hint" class="govuk-hint">最多 320 個字<\/div>/);
    const signedIn = await browser.submitSignIn({
      email: member.email,
      password: member.password,
    });
    assert.equal(signedIn.statusCode, 303);
  });

  it('after 5 wrong passwords unknown browsers are locked out (the 5th answered like the others), even with the right password; the person’s usual browser still signs in; it ends by itself', async () => {
    const member = await aStaffMember(subject.database.db);
    // The person signed in before on their own computer: that browser is trusted for the account.
    const before = await signIn(subject.app, member, subject.clock);
    const deviceId = before.cookies.get('ow_device') ?? '';
    assert.match(deviceId, /^[A-Za-z0-9_-]{22}$/, 'a full sign-in gives the browser a device cookie');
    const usualBrowser = () => {
      const browser = new TestBrowser(subject.app);
      browser.cookies.set('ow_device', deviceId);
      return browser;
    };

    const stranger = new TestBrowser(subject.app);
    const attempt = (password: string) => stranger.submitSignIn({ email: member.email, password });
    const statuses: number[] = [];
    for (let failure = 1; failure <= 5; failure += 1)
      statuses.push((await attempt(`wrong password ${failure}`)).statusCode);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401], 'the 5th like the others');
    const locked = await attempt(member.password);
    assert.equal(locked.statusCode, 429);
    assert.match(locked.body, /從這個瀏覽器登入失敗的次數過多，請約 15 分鐘後再試/);
    assert.equal(locked.headers['retry-after'], String(15 * 60));
    const lockAudit = await auditRows(`action = 'staff.sign_in.locked' and target_id = $1`, [member.id]);
    assert.equal(lockAudit.length, 1, 'the lockout is audited once, for the owner’s e-mail');

    // The rightful person, from their usual browser, during the lockout.
    const usual = await usualBrowser().submitSignIn({ email: member.email, password: member.password });
    assert.equal(usual.statusCode, 303, 'the usual browser signs in');
    // Its own wrong passwords have their own budget and leave the stranger's count alone.
    const ownTypos = usualBrowser();
    for (let typo = 1; typo <= 5; typo += 1)
      assert.equal(
        (await ownTypos.submitSignIn({ email: member.email, password: `typo ${typo}` })).statusCode,
        401,
      );
    const overBudget = await ownTypos.submitSignIn({ email: member.email, password: member.password });
    assert.equal(overBudget.statusCode, 429, 'a copied device cookie gets 5 tries, then is a stranger');

    subject.clock.advance(14 * 60_000);
    const stillLocked = await attempt(member.password);
    assert.equal(stillLocked.statusCode, 429);
    assert.equal(stillLocked.headers['retry-after'], '60');
    assert.match(stillLocked.body, /請約 1 分鐘後再試/);

    subject.clock.advance(60_000 + 1000);
    const afterLockout = await attempt(member.password);
    assert.equal(afterLockout.statusCode, 303);
    const counter = await subject.database.pool.query(
      'select 1 from sign_in_failures where email_hash = $1',
      [signInFailureKey(member.email)],
    );
    assert.equal(counter.rowCount, 0, 'a successful sign-in from a stranger’s browser clears the failures');
  });

  it('an unknown address locks exactly like a known one (lockout tells nothing about accounts)', async () => {
    const email = uniqueEmail('nobody');
    const browser = new TestBrowser(subject.app);
    const statuses: number[] = [];
    for (let failure = 1; failure <= 5; failure += 1) {
      statuses.push((await browser.submitSignIn({ email, password: `wrong ${failure}` })).statusCode);
    }
    assert.deepEqual(statuses, [401, 401, 401, 401, 401]);
    const sixth = await browser.submitSignIn({
      email,
      password: 'anything else',
    });
    assert.equal(sixth.statusCode, 429);
    assert.match(sixth.body, /從這個瀏覽器登入失敗的次數過多，請約 15 分鐘後再試/);
    subject.clock.advance(15 * 60_000 + 1000);
  });

  it('failures are audited with a masked e-mail and its hash, never the password or the full address', async () => {
    const email = uniqueEmail('audit-failure');
    const response = await new TestBrowser(subject.app).submitSignIn({
      email,
      password: 'secret attempt 123',
    });
    const rows = await auditRows(`action = 'staff.sign_in.failed' and details->>'emailHash' = $1`, [
      signInFailureKey(email),
    ]);
    assert.equal(rows.length, 1);
    const row = rows[0];
    assert.equal(row?.actor_label, 'anonymous');
    assert.equal(row?.details.email, 'a***@test.onewindow.tw');
    assert.equal(row?.details.reason, 'unknown_email');
    assert.equal(row?.ip, '127.0.0.1');
    assert.equal(row?.request_id, response.headers['x-request-id']);
    assert.doesNotMatch(JSON.stringify(row), /secret attempt/);
    assert.doesNotMatch(JSON.stringify(row), new RegExp(email.split('@')[0] ?? email));
  });

  it('POST without a CSRF token → 403 CSRF_INVALID with the clear message and no stack trace', async () => {
    const member = await aStaffMember(subject.database.db);
    const html = await subject.app.inject({
      method: 'POST',
      url: '/staff/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email: member.email, password: member.password }).toString(),
    });
    assert.equal(html.statusCode, 403);
    assert.match(html.body, /表單已過期或來源不明，請重新整理頁面後再送出。/);
    assert.doesNotMatch(html.body, /\n\s+at |\.ts:\d+/);
    assert.equal(
      html.cookies.find((cookie) => cookie.name === 'ow_session'),
      undefined,
    );

    const json = await subject.app.inject({
      method: 'POST',
      url: '/en/staff/sign-in',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      payload: { email: member.email, password: member.password },
    });
    assert.equal(json.statusCode, 403);
    assert.deepEqual(json.json(), {
      code: 'CSRF_INVALID',
      message: 'The form has expired or did not come from this site; reload the page and send it again.',
      errors: [],
      requestId: json.headers['x-request-id'],
    });
  });

  it('a CSRF field that does not match the cookie → 403, and nobody is signed in', async () => {
    const member = await aStaffMember(subject.database.db);
    const browser = new TestBrowser(subject.app);
    await browser.get('/staff/sign-in');
    const response = await browser.post('/staff/sign-in', {
      _csrf: 'A'.repeat(43),
      email: member.email,
      password: member.password,
    });
    assert.equal(response.statusCode, 403);
    assert.equal(browser.cookies.has('ow_session'), false);
  });

  it('a safe return path is followed after sign-in; another site is ignored', async () => {
    const member = await aStaffMember(subject.database.db, { role: 'secretariat' });
    const safe = await new TestBrowser(subject.app).submit(
      '/staff/sign-in?return=%2Fstaff%3Fx%3D1',
      '/staff/sign-in',
      { email: member.email, password: member.password, return: '/staff?x=1' },
    );
    assert.equal(safe.headers.location, '/staff?x=1');
    const page = await new TestBrowser(subject.app).get('/staff/sign-in?return=%2Fstaff%3Fx%3D1');
    assert.match(page.body, /name="return" value="\/staff\?x=1"/);
    const unsafe = await new TestBrowser(subject.app).submitSignIn({
      email: member.email,
      password: member.password,
      return: '//evil.example/steal',
    });
    assert.equal(unsafe.headers.location, '/staff');
  });

  it('signing in again replaces the session id (no fixation): the earlier cookie stops working', async () => {
    const member = await aStaffMember(subject.database.db);
    const browser = await signIn(subject.app, member, subject.clock);
    const firstToken = browser.cookies.get('ow_session');
    // Signed in, the sign-in page redirects home; post the form with the session's token from any page.
    const home = await browser.get('/staff');
    const again = await browser.post('/staff/sign-in', {
      _csrf: csrfTokenIn(home.body),
      email: member.email,
      password: member.password,
    });
    assert.equal(again.statusCode, 303);
    const secondToken = browser.cookies.get('ow_session');
    assert.ok(firstToken && secondToken);
    assert.notEqual(secondToken, firstToken);
    const old = await subject.app.inject({
      method: 'GET',
      url: '/staff',
      headers: { cookie: `ow_session=${firstToken}` },
    });
    assert.equal(old.statusCode, 303);
    const sessions = await subject.database.pool.query('select 1 from staff_sessions where staff_id = $1', [
      member.id,
    ]);
    assert.equal(sessions.rowCount, 1);
  });

  it('sign-out ends the session on the server: the old cookie no longer works; both are audited', async () => {
    const member = await aStaffMember(subject.database.db, { role: 'web_editor' });
    const browser = await signIn(subject.app, member, subject.clock);
    const token = browser.cookies.get('ow_session');
    const home = await browser.get('/staff');
    const signOut = await browser.post('/staff/sign-out', { _csrf: csrfTokenIn(home.body) });
    assert.equal(signOut.statusCode, 303);
    assert.equal(signOut.headers.location, '/staff/sign-in?reason=signed-out');
    assert.equal(browser.cookies.has('ow_session'), false, 'the cookie is cleared');
    const signedOutPage = await browser.get('/staff/sign-in?reason=signed-out');
    assert.match(signedOutPage.body, /您已登出。/);

    const reused = await subject.app.inject({
      method: 'GET',
      url: '/staff',
      headers: { cookie: `ow_session=${token}` },
    });
    assert.equal(reused.statusCode, 303);
    assert.equal(reused.headers.location, '/staff/sign-in?return=%2Fstaff');
    const sessions = await subject.database.pool.query('select 1 from staff_sessions where staff_id = $1', [
      member.id,
    ]);
    assert.equal(sessions.rowCount, 0);

    const rows = await auditRows('actor_staff_id = $1', [member.id]);
    assert.deepEqual(
      rows.map((row) => row.action),
      ['staff.sign_in.succeeded', 'staff.signed_out'],
    );
    assert.equal(rows[0]?.actor_label, member.email);
    assert.equal(rows[0]?.target_id, member.id);
    assert.equal(rows[0]?.ip, '127.0.0.1');
    assert.deepEqual(rows[0]?.details, { method: 'password' });
  });

  it('a JSON client sends the token as x-csrf-token (from GET /api/staff/session)', async () => {
    const member = await aStaffMember(subject.database.db, { role: 'supervisor' });
    const browser = await signIn(subject.app, member, subject.clock);
    const session = await browser.get('/api/staff/session');
    assert.equal(session.statusCode, 200);
    const body = JSON.parse(session.body) as { staff: Record<string, unknown>; csrfToken: string };
    assert.deepEqual(body.staff, {
      id: member.id,
      email: member.email,
      displayName: member.displayName,
      role: 'supervisor',
      unitCode: 'road-maintenance',
      hasTotp: false,
    });
    const withoutHeader = await browser.post('/staff/sign-out', {});
    assert.equal(withoutHeader.statusCode, 403);
    const withHeader = await browser.post('/staff/sign-out', {}, { 'x-csrf-token': body.csrfToken });
    assert.equal(withHeader.statusCode, 303);
  });
});

describe('sign-in rate limit per address', () => {
  const subject = limited;

  it('more sign-in posts than the limit in a minute → 429 RATE_LIMITED with Retry-After; the next minute is open', async () => {
    const browser = new TestBrowser(subject.app);
    const page = await browser.get('/staff/sign-in');
    const post = () =>
      browser.post('/staff/sign-in', {
        _csrf: csrfTokenIn(page.body),
        email: uniqueEmail('rate'),
        password: 'whatever password',
      });
    // The test clock starts on a whole minute; move 20 s into it.
    subject.clock.advance(20_000);
    for (let attempt = 1; attempt <= 3; attempt += 1) assert.equal((await post()).statusCode, 401);
    const limited = await post();
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.headers['retry-after'], '40');
    assert.match(limited.body, /請求次數過多，請稍後再試。/);
    const json = await subject.app.inject({
      method: 'POST',
      url: '/staff/sign-in',
      headers: {
        cookie: browser.cookieHeader(),
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      payload: new URLSearchParams({
        _csrf: csrfTokenIn(page.body),
        email: 'x@y.tw',
        password: 'p',
      }).toString(),
    });
    assert.equal(json.statusCode, 429);
    assert.equal(json.json().code, 'RATE_LIMITED');

    subject.clock.advance(40_000);
    assert.equal((await post()).statusCode, 401);
  });
});
