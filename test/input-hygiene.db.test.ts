import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { type StaffApi, sidewalkPetition, staffApi } from '../src/modules/cases/core/cases-test-support.ts';
import { aStaffMember, csrfTokenIn, signIn, TestBrowser } from '../src/platform/auth/auth-test-support.ts';
import { rememberPersonalValue } from './helpers/log-capture.ts';
import { buildAppWithLog, buildTestApp } from './helpers/test-app.ts';

/**
 * Issue 13, input hygiene and the log: unusable characters anywhere in a request are a 400 naming each
 * field (never a 500 from PostgreSQL), the staff API authenticates before it reads a body, other charsets
 * are 415, and a failed query's personal data never reaches the log.
 */

const subject = await buildTestApp();
const logged = await buildAppWithLog(subject);
// A route of this test only: a query that fails with personal data in its parameters and in PostgreSQL's
// `detail` (a unique key), as a bug would.
const secretName = '錢秘密';
const secretEmail = 'hidden-person-13@example.tw';
const secretPhone = '0987654313';
for (const value of [secretName, secretEmail, secretPhone]) rememberPersonalValue(value, 'input-hygiene');
logged.app.get('/test-failing-query/:kind', async (request) => {
  const { kind } = request.params as { kind: string };
  const db = subject.database.db;
  if (kind === 'nul')
    await db.execute(
      sql`select ${`${secretName}\u0000`}::text as name, ${secretPhone}::text, ${secretEmail}::text`,
    );
  await db.execute(sql`create temporary table if not exists t13 (email text primary key)`);
  await db.execute(sql`insert into t13 (email) values (${secretEmail}) on conflict do nothing`);
  await db.execute(sql`insert into t13 (email) values (${secretEmail})`);
  return {};
});
after(async () => {
  await logged.app.close();
  await subject.app.close();
});

let api: StaffApi;
before(async () => {
  const clerk = await aStaffMember(subject.database.db, { role: 'counter_clerk' });
  api = await staffApi(logged.app, clerk, subject.clock);
});

interface ErrorJson {
  code: string;
  message: string;
  errors: { field: string; code: string; message: string }[];
}

describe('unusable characters', () => {
  it('a case posted to the API with NUL in the name is 400 naming each field', async () => {
    const response = await api.post(
      '/api/staff/cases',
      sidewalkPetition({ applicantName: 'A\u0000B', description: 'x\ud800y' }),
    );
    assert.equal(response.statusCode, 400);
    const body = response.json() as ErrorJson;
    assert.equal(body.code, 'VALIDATION_FAILED');
    assert.deepEqual(
      body.errors.map((problem) => [problem.field, problem.code]),
      [
        ['body.applicantName', 'notAllowed'],
        ['body.description', 'notAllowed'],
      ],
    );
    assert.match(body.errors[0]?.message ?? '', /「body\.applicantName」含有無法使用的字元/);
  });

  it('a bidirectional override in a name is refused; the marks are not', async () => {
    const override = await api.post('/api/staff/cases', sidewalkPetition({ applicantName: '王\u202e小明' }));
    assert.equal(override.statusCode, 400);
    assert.deepEqual(
      (override.json() as ErrorJson).errors.map((problem) => problem.field),
      ['body.applicantName'],
    );
    const mark = await api.post('/api/staff/cases', sidewalkPetition({ applicantName: '王\u200f小明' }));
    assert.equal(mark.statusCode, 201);
  });

  it('NUL in a path parameter or a query is 400, anonymously too, as JSON or as a page', async () => {
    const apiAnswer = await logged.app.inject({ method: 'GET', url: '/api/services/a%00b' });
    assert.equal(apiAnswer.statusCode, 400);
    assert.deepEqual(
      (apiAnswer.json() as ErrorJson).errors.map((problem) => [problem.field, problem.code]),
      [['params.code', 'notAllowed']],
    );
    const page = await logged.app.inject({ method: 'GET', url: '/en/services/a%00b' });
    assert.equal(page.statusCode, 400);
    assert.match(page.headers['content-type'] as string, /text\/html/);
    assert.match(page.body, /contains characters that cannot be used/);
    const lookup = await api.get('/api/staff/case-lookup?name=A%00B');
    assert.equal(lookup.statusCode, 400);
    assert.deepEqual(
      (lookup.json() as ErrorJson).errors.map((problem) => problem.field),
      ['query.name'],
    );
  });

  it('the sign-in form answers NUL in the e-mail on the page', async () => {
    const browser = new TestBrowser(logged.app);
    const page = await browser.get('/staff/sign-in');
    const response = await browser.post('/staff/sign-in', {
      _csrf: csrfTokenIn(page.body),
      email: `typed\u0000${secretEmail}`,
      password: 'whatever',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /含有無法使用的字元/);
  });
});

describe('the staff API before the body', () => {
  const anonymous = async (contentType: string, payload: string) => {
    const browser = new TestBrowser(logged.app);
    const page = await browser.get('/staff/sign-in');
    return logged.app.inject({
      method: 'POST',
      url: '/api/staff/cases',
      headers: {
        cookie: browser.cookieHeader(),
        'x-csrf-token': csrfTokenIn(page.body),
        'content-type': contentType,
      },
      payload,
    });
  };

  it('anonymous with a valid anonymous CSRF token: 401 whatever the body holds; without a token 403 first', async () => {
    for (const payload of [
      '{}',
      JSON.stringify({ applicantName: 'A\u0000B' }),
      JSON.stringify({ extra: 1 }),
    ]) {
      const response = await anonymous('application/json', payload);
      assert.equal(response.statusCode, 401, payload);
      assert.equal((response.json() as ErrorJson).code, 'UNAUTHENTICATED');
    }
    const noToken = await logged.app.inject({
      method: 'POST',
      url: '/api/staff/cases',
      headers: { 'content-type': 'application/json' },
      payload: '{}',
    });
    assert.equal(noToken.statusCode, 403);
    // A body that cannot be read at all is refused while it is read, before anyone is asked who they are.
    const utf16 = await anonymous('application/json; charset=utf-16', '{}');
    assert.equal(utf16.statusCode, 415);
  });

  it('a JSON body in another charset is 415; UTF-8 said outright is read', async () => {
    const clerk = await aStaffMember(subject.database.db, { role: 'counter_clerk' });
    const browser = await signIn(logged.app, clerk, subject.clock);
    const session = JSON.parse((await browser.get('/api/staff/session')).body) as { csrfToken: string };
    const post = (contentType: string) =>
      logged.app.inject({
        method: 'POST',
        url: '/api/staff/cases',
        headers: {
          cookie: browser.cookieHeader(),
          'x-csrf-token': session.csrfToken,
          'content-type': contentType,
        },
        payload: JSON.stringify(sidewalkPetition()),
      });
    const utf16 = await post('application/json; charset=utf-16');
    assert.equal(utf16.statusCode, 415);
    assert.equal((utf16.json() as ErrorJson).code, 'UNSUPPORTED_MEDIA_TYPE');
    const latin1 = await post('application/json; charset="ISO-8859-1"');
    assert.equal(latin1.statusCode, 415);
    const utf8 = await post('application/json; charset=UTF-8');
    assert.equal(utf8.statusCode, 201);
  });
});

describe('the log', () => {
  it('a failed query is logged with its class, SQLSTATE and frames but none of its data', async () => {
    const nul = await logged.app.inject({ method: 'GET', url: '/test-failing-query/nul' });
    assert.equal(nul.statusCode, 500);
    const duplicate = await logged.app.inject({ method: 'GET', url: '/test-failing-query/duplicate' });
    assert.equal(duplicate.statusCode, 500);
    const lines = logged
      .log()
      .split('\n')
      .filter((line) => line.includes('"request failed"'));
    assert.equal(lines.length, 2, logged.log());
    const [nulLine, duplicateLine] = lines.map(
      (line) => (JSON.parse(line) as { err: Record<string, unknown> }).err,
    );
    assert.ok(nulLine !== undefined && duplicateLine !== undefined);
    for (const line of lines) {
      for (const secret of [secretName, secretEmail, secretPhone, 'hidden-person-13'])
        assert.ok(!line.includes(secret), `${secret} in ${line}`);
      assert.ok(!line.includes('params:'), line);
    }
    assert.equal(nulLine.type, 'DrizzleQueryError');
    assert.match(String(nulLine.message), /^Failed query: select \$1::text as name/);
    assert.match(String(nulLine.stack), /\n\s+at /);
    assert.equal((nulLine.cause as { code?: string }).code, '22021');
    const cause = duplicateLine.cause as Record<string, unknown>;
    assert.equal(cause.code, '23505');
    assert.equal(cause.constraint, 't13_pkey');
    assert.equal(cause.detail, undefined);
  });
});
