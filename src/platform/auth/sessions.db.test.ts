import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { buildTestApp } from '../../../test/helpers/test-app.ts';
import { buildApp } from '../../app.ts';
import { createDatabase } from '../db/database.ts';
import { consumeRateLimit } from '../http/rate-limit.ts';
import { deleteStaleAuthState } from './auth-housekeeping.ts';
import { aStaffMember, csrfTokenIn, signIn, TestBrowser } from './auth-test-support.ts';
import { signInFailureKey } from './staff-email.ts';

// Top level: the test database helper's clean-up must be registered outside any hook. Defaults: idle
// timeout 30 minutes, absolute lifetime 12 hours.
const subject = await buildTestApp({ environment: { RATE_LIMIT_PER_MINUTE: '10000' } });
after(() => subject.app.close());

const minutes = (count: number) => count * 60_000;

async function lastSeenAt(staffId: string): Promise<Date | undefined> {
  const result = await subject.database.pool.query<{ last_seen_at: Date }>(
    'select last_seen_at from staff_sessions where staff_id = $1',
    [staffId],
  );
  return result.rows[0]?.last_seen_at;
}

describe('session lifetime', () => {
  it('idle past the timeout: a page → 303 to sign-in with the way back; the sign-in page says 閒置; the row is gone', async () => {
    const member = await aStaffMember(subject.database.db);
    const browser = await signIn(subject.app, member, subject.clock);
    assert.equal((await browser.get('/staff')).statusCode, 200);

    subject.clock.advance(minutes(31));
    const expired = await browser.get('/staff');
    assert.equal(expired.statusCode, 303);
    assert.equal(expired.headers.location, '/staff/sign-in?return=%2Fstaff&reason=expired');
    assert.equal(browser.cookies.has('ow_session'), false, 'the dead cookie is cleared');
    const signInPage = await browser.get(String(expired.headers.location));
    assert.equal(signInPage.statusCode, 200);
    assert.match(signInPage.body, /您已閒置過久，請重新登入。/);
    assert.match(signInPage.body, /name="return" value="\/staff"/);
    const rows = await subject.database.pool.query('select 1 from staff_sessions where staff_id = $1', [
      member.id,
    ]);
    assert.equal(rows.rowCount, 0);
  });

  it('idle past the timeout: the JSON API → 401 SESSION_EXPIRED in the error shape', async () => {
    const member = await aStaffMember(subject.database.db);
    const browser = await signIn(subject.app, member, subject.clock, 'en');
    subject.clock.advance(minutes(31));
    const response = await browser.get('/api/staff/session');
    assert.equal(response.statusCode, 401);
    const body = JSON.parse(response.body);
    assert.equal(body.code, 'SESSION_EXPIRED');
    assert.equal(body.message, '您已閒置過久，請重新登入。');
    assert.deepEqual(body.errors, []);
  });

  it('no session: the JSON API → 401 UNAUTHENTICATED; an English page → /en/staff/sign-in', async () => {
    const api = await subject.app.inject({ method: 'GET', url: '/api/staff/session' });
    assert.equal(api.statusCode, 401);
    assert.equal(api.json().code, 'UNAUTHENTICATED');
    const page = await subject.app.inject({ method: 'GET', url: '/en/staff' });
    assert.equal(page.statusCode, 303);
    assert.equal(page.headers.location, '/en/staff/sign-in?return=%2Fen%2Fstaff');
  });

  it('activity keeps a session alive; last_seen_at is written at most once a minute', async () => {
    const member = await aStaffMember(subject.database.db);
    const browser = await signIn(subject.app, member, subject.clock);
    const signedInAt = await lastSeenAt(member.id);

    subject.clock.advance(30_000);
    await browser.get('/staff');
    assert.deepEqual(await lastSeenAt(member.id), signedInAt, 'no write within the minute');

    subject.clock.advance(31_000);
    await browser.get('/staff');
    assert.deepEqual(await lastSeenAt(member.id), subject.clock.now(), 'written after a minute');

    subject.clock.advance(minutes(29));
    assert.equal(
      (await browser.get('/staff')).statusCode,
      200,
      '29 minutes after the last activity: still in',
    );
  });

  it('the absolute lifetime ends even a busy session', async () => {
    const member = await aStaffMember(subject.database.db);
    const browser = await signIn(subject.app, member, subject.clock);
    for (let elapsed = 0; elapsed < 11 * 60 + 40; elapsed += 20) {
      subject.clock.advance(minutes(20));
      assert.equal((await browser.get('/staff')).statusCode, 200);
    }
    subject.clock.advance(minutes(20));
    const response = await browser.get('/staff');
    assert.equal(response.statusCode, 303);
    assert.match(String(response.headers.location), /reason=expired/);
  });

  it('a made-up session cookie signs nobody in and costs no error', async () => {
    const response = await subject.app.inject({
      method: 'GET',
      url: '/staff',
      headers: { cookie: 'ow_session=not-a-real-token' },
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/staff/sign-in?return=%2Fstaff');
  });

  it('a deactivated account is signed out at its next request', async () => {
    const member = await aStaffMember(subject.database.db);
    const browser = await signIn(subject.app, member, subject.clock);
    await subject.database.pool.query('update staff set is_active = false where id = $1', [member.id]);
    const next = await browser.get('/staff');
    assert.equal(next.statusCode, 303);
    assert.equal(next.headers.location, '/staff/sign-in?return=%2Fstaff');
    const sessions = await subject.database.pool.query('select 1 from staff_sessions where staff_id = $1', [
      member.id,
    ]);
    assert.equal(sessions.rowCount, 0, 'the session is ended, not only refused');
    const again = await new TestBrowser(subject.app).submitSignIn({
      email: member.email,
      password: member.password,
    });
    assert.equal(again.statusCode, 401);
    assert.match(again.body, /電子郵件或密碼不正確。/, 'an inactive account gets the generic message');
  });
});

describe('deleteStaleAuthState', () => {
  it('removes ended sessions, old rate-limit windows and forgotten failures; keeps what still counts', async () => {
    const live = await aStaffMember(subject.database.db);
    const idle = await aStaffMember(subject.database.db);
    await signIn(subject.app, idle, subject.clock);
    subject.clock.advance(minutes(31));
    const liveBrowser = await signIn(subject.app, live, subject.clock);
    await new TestBrowser(subject.app).submitSignIn({
      email: live.email,
      password: 'one wrong guess',
    });
    const oldKey = `test:old:${live.id}`;
    await consumeRateLimit(subject.database.db, {
      key: oldKey,
      limit: 1,
      windowSeconds: 60,
      now: new Date(subject.clock.now().getTime() - minutes(61)),
    });

    const removed = await deleteStaleAuthState(subject.database.db, {
      now: subject.clock.now(),
      config: subject.config,
    });
    assert.ok(removed.sessions >= 1);
    assert.ok(removed.rateLimitHits >= 1);
    const sessions = await subject.database.pool.query<{ staff_id: string }>(
      'select staff_id from staff_sessions where staff_id = any($1)',
      [[live.id, idle.id]],
    );
    assert.deepEqual(
      sessions.rows.map((row) => row.staff_id),
      [live.id],
    );
    assert.equal((await liveBrowser.get('/staff')).statusCode, 200);
    const oldWindow = await subject.database.pool.query('select 1 from rate_limit_hits where key = $1', [
      oldKey,
    ]);
    assert.equal(oldWindow.rowCount, 0);
    const liveFailures = () =>
      subject.database.pool.query('select 1 from sign_in_failures where email_hash = $1', [
        signInFailureKey(live.email),
      ]);
    assert.equal((await liveFailures()).rowCount, 1, 'a fresh failure still counts');

    subject.clock.advance(minutes(16));
    const later = await deleteStaleAuthState(subject.database.db, {
      now: subject.clock.now(),
      config: subject.config,
    });
    assert.ok(later.signInFailures >= 1);
    assert.equal((await liveFailures()).rowCount, 0, 'forgotten after the lockout period');
  });
});

describe('several app processes', () => {
  it('share sessions through PostgreSQL: signed in on one, recognised on the other; signed out on one, gone on both', async () => {
    const secondHandle = createDatabase({
      connectionString: subject.database.connectionString,
      maxConnections: 2,
      idleTimeoutMs: 1000,
      connectionTimeoutMs: 5000,
      statementTimeoutMs: 15_000,
    });
    const second = await buildApp({
      config: subject.config,
      db: secondHandle.db,
      pool: secondHandle.pool,
      clock: subject.clock,
    });
    try {
      const member = await aStaffMember(subject.database.db, { displayName: '林志明' });
      const onFirst = await signIn(subject.app, member, subject.clock);
      const onSecond = new TestBrowser(second);
      for (const [name, value] of onFirst.cookies) onSecond.cookies.set(name, value);

      const home = await onSecond.get('/staff');
      assert.equal(home.statusCode, 200);
      assert.match(home.body, /您以 林志明 的身分登入/);

      const signedOut = await onSecond.post('/staff/sign-out', { _csrf: csrfTokenIn(home.body) });
      assert.equal(signedOut.statusCode, 303);
      assert.equal(
        (await onFirst.get('/staff')).headers.location,
        '/staff/sign-in?return=%2Fstaff',
        'the first process sees the sign-out',
      );
    } finally {
      await second.close();
      await secondHandle.close();
    }
  });
});
