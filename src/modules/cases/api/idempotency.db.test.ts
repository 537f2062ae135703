import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { multipartActionOf } from '../../../../test/helpers/form-action.ts';
import { buildTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { aSignedInMember, type TestBrowser } from '../../../platform/auth/auth-test-support.ts';
import { deleteExpiredIdempotencyKeys } from '../../../platform/http/idempotency.ts';
import { idempotencyKeys } from '../../../platform/http/idempotency-schema.ts';
import { multipartForm, samplePng } from '../../../platform/uploads/upload-test-support.ts';
import { caseAttachments, cases, caseTimeline } from '../core/cases-schema.ts';
import { potholeReport } from '../core/cases-test-support.ts';

/**
 * Issue 13: a case is created once per Idempotency-Key (the staff API) and per one-time token (the counter
 * form), however often the request is sent, also when the copies arrive together; the key and its case are
 * written together.
 */
describe('idempotent case creation', () => {
  let subject: TestApp;
  let clerk: TestBrowser & { member: { id: string } };
  let otherClerk: TestBrowser;
  let csrf: string;
  let otherCsrf: string;
  before(async () => {
    subject = await buildTestApp();
    clerk = await aSignedInMember(subject, { role: 'counter_clerk' });
    otherClerk = await aSignedInMember(subject, { role: 'counter_clerk' });
    csrf = (JSON.parse((await clerk.get('/api/staff/session')).body) as { csrfToken: string }).csrfToken;
    otherCsrf = (JSON.parse((await otherClerk.get('/api/staff/session')).body) as { csrfToken: string })
      .csrfToken;
  });
  after(() => subject.app.close());
  const db = () => subject.database.db;

  const openWith = (
    browser: TestBrowser,
    token: string,
    body: unknown,
    key: string | null,
  ): Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }> =>
    subject.app.inject({
      method: 'POST',
      url: '/api/staff/cases',
      headers: {
        cookie: browser.cookieHeader(),
        accept: 'application/json',
        'content-type': 'application/json',
        'x-csrf-token': token,
        ...(key === null ? {} : { 'idempotency-key': key }),
      },
      payload: JSON.stringify(body),
    });
  const casesOfEmail = async (email: string) =>
    (await db().select({ n: count() }).from(cases).where(eq(cases.applicantEmail, email)))[0]?.n ?? 0;

  it('the same key and body again → the first answer (201, same case number, marked replayed), one case', async () => {
    const email = `idem.${randomUUID()}@example.tw`;
    const body = potholeReport({ applicantEmail: email });
    const key = randomUUID();
    const first = await openWith(clerk, csrf, body, key);
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(first.headers['idempotent-replayed'], undefined);
    // The same body with its keys in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const second = await openWith(clerk, csrf, reordered, key);
    assert.equal(second.statusCode, 201, second.body);
    assert.equal(second.headers['idempotent-replayed'], 'true');
    const [a, b] = [JSON.parse(first.body), JSON.parse(second.body)] as {
      caseNumber: string;
      lookupCode: string;
    }[];
    assert.equal(b?.caseNumber, a?.caseNumber);
    assert.equal(b?.lookupCode, a?.lookupCode);
    assert.equal(await casesOfEmail(email), 1);
  });

  it('the same key with another body → 409 CONFLICT naming the header, nothing created', async () => {
    const email = `idem.${randomUUID()}@example.tw`;
    const key = randomUUID();
    assert.equal(
      (await openWith(clerk, csrf, potholeReport({ applicantEmail: email }), key)).statusCode,
      201,
    );
    const other = await openWith(
      clerk,
      csrf,
      potholeReport({ applicantEmail: email, description: '另一個坑洞。' }),
      key,
    );
    assert.equal(other.statusCode, 409, other.body);
    const error = JSON.parse(other.body) as { code: string; errors: { field: string; code: string }[] };
    assert.equal(error.code, 'CONFLICT');
    assert.deepEqual(
      error.errors.map((problem) => [problem.field, problem.code]),
      [['Idempotency-Key', 'idempotency_key_reused']],
    );
    assert.equal(await casesOfEmail(email), 1);
  });

  it('a key is the caller’s own: another member with the same key opens their own case', async () => {
    const email = `idem.${randomUUID()}@example.tw`;
    const key = randomUUID();
    const body = potholeReport({ applicantEmail: email });
    const mine = await openWith(clerk, csrf, body, key);
    const theirs = await openWith(otherClerk, otherCsrf, body, key);
    assert.equal(theirs.statusCode, 201);
    assert.equal(theirs.headers['idempotent-replayed'], undefined);
    assert.notEqual(JSON.parse(theirs.body).caseNumber, JSON.parse(mine.body).caseNumber);
    assert.equal(await casesOfEmail(email), 2);
  });

  it('eight copies sent at once → one case; every copy answers with its number', async () => {
    const email = `idem.${randomUUID()}@example.tw`;
    const key = randomUUID();
    const body = potholeReport({ applicantEmail: email });
    const answers = await Promise.all(Array.from({ length: 8 }, () => openWith(clerk, csrf, body, key)));
    assert.deepEqual(
      answers.map((answer) => answer.statusCode),
      Array(8).fill(201),
      answers.map((answer) => answer.body).join('\n'),
    );
    const numbers = new Set(
      answers.map((answer) => (JSON.parse(answer.body) as { caseNumber: string }).caseNumber),
    );
    assert.equal(numbers.size, 1);
    assert.equal(await casesOfEmail(email), 1);
    const [row] = await db()
      .select({ answer: idempotencyKeys.answer })
      .from(idempotencyKeys)
      .where(
        and(eq(idempotencyKeys.scope, `api.cases:staff:${clerk.member.id}`), eq(idempotencyKeys.key, key)),
      );
    assert.equal(row?.answer.caseNumber, [...numbers][0]);
  });

  it('a refused request stores no key: the corrected one with the same key opens the case', async () => {
    const email = `idem.${randomUUID()}@example.tw`;
    const key = randomUUID();
    const refused = await openWith(
      clerk,
      csrf,
      potholeReport({ applicantEmail: email, description: '' }),
      key,
    );
    assert.equal(refused.statusCode, 400);
    assert.equal(
      (await db().select({ n: count() }).from(idempotencyKeys).where(eq(idempotencyKeys.key, key)))[0]?.n,
      0,
    );
    const corrected = await openWith(clerk, csrf, potholeReport({ applicantEmail: email }), key);
    assert.equal(corrected.statusCode, 201, corrected.body);
    assert.equal(await casesOfEmail(email), 1);
  });

  it('an unusable key (control characters, too long) → 400, nothing created', async () => {
    const email = `idem.${randomUUID()}@example.tw`;
    for (const key of ['x'.repeat(256), 'with space']) {
      const answer = await openWith(clerk, csrf, potholeReport({ applicantEmail: email }), key);
      assert.equal(answer.statusCode, 400, key);
      assert.equal(JSON.parse(answer.body).code, 'VALIDATION_FAILED');
    }
    assert.equal(await casesOfEmail(email), 0);
  });

  it('keys older than 24 hours are swept and answer nothing; younger ones stay', async () => {
    const key = randomUUID();
    const email = `idem.${randomUUID()}@example.tw`;
    assert.equal(
      (await openWith(clerk, csrf, potholeReport({ applicantEmail: email }), key)).statusCode,
      201,
    );
    await db()
      .update(idempotencyKeys)
      .set({ createdAt: new Date(subject.clock.now().getTime() - 25 * 3_600_000) })
      .where(eq(idempotencyKeys.key, key));
    const young = randomUUID();
    assert.equal(
      (await openWith(clerk, csrf, potholeReport({ applicantEmail: email }), young)).statusCode,
      201,
    );
    assert.ok((await deleteExpiredIdempotencyKeys(db(), subject.clock.now())) >= 1);
    const left = await db().select({ key: idempotencyKeys.key }).from(idempotencyKeys);
    assert.ok(!left.some((row) => row.key === key));
    assert.ok(left.some((row) => row.key === young));
  });

  it('the OpenAPI document lists the Idempotency-Key header of POST /api/staff/cases', async () => {
    const document = JSON.parse((await subject.app.inject({ url: '/api/openapi.json' })).body) as {
      paths: Record<string, { post?: { parameters?: { in: string; name: string; required?: boolean }[] } }>;
    };
    const header = document.paths['/api/staff/cases']?.post?.parameters?.find(
      (parameter) => parameter.in === 'header' && parameter.name === 'idempotency-key',
    );
    assert.ok(header, 'the header is documented');
    assert.notEqual(header.required, true);
  });

  it('the counter form posted twice with its one-time token → one case with its file, the same receipt', async () => {
    const email = `idem.${randomUUID()}@example.tw`;
    const page = await clerk.get('/staff/counter/new?service=pothole-report');
    const token = /name="_once" value="([A-Za-z0-9_-]{43})"/.exec(page.body)?.[1];
    assert.ok(token, 'the form carries a one-time token');
    const post = () =>
      clerk.postMultipart(
        multipartActionOf(page.body),
        multipartForm(
          {
            _once: token,
            channel: 'counter',
            applicantType: 'person',
            applicantName: '陳先生',
            applicantEmail: email,
            applicantLang: 'zh-TW',
            description: '機車道上有坑洞。',
            address: '博愛二路與明誠二路口',
            'field.size': 'medium',
            consent: 'yes',
          },
          [{ field: 'documents', name: '現場.png', type: 'image/png', content: samplePng() }],
        ),
      );
    const [first, second] = await Promise.all([post(), post()]);
    const third = await post();
    assert.equal(first?.statusCode, 303, first?.body);
    assert.equal(second?.statusCode, 303, second?.body);
    assert.equal(third.statusCode, 303, third.body);
    assert.match(String(first?.headers.location), /^\/staff\/counter\/receipt\/\d{7}-\d{4}$/);
    assert.equal(second?.headers.location, first?.headers.location);
    assert.equal(third.headers.location, first?.headers.location);
    const rows = await db().select({ id: cases.id }).from(cases).where(eq(cases.applicantEmail, email));
    assert.equal(rows.length, 1);
    const caseId = rows[0]?.id ?? '';
    const files = await db().select().from(caseAttachments).where(eq(caseAttachments.caseId, caseId));
    assert.deepEqual(
      files.map((file) => file.fileName),
      ['現場.png'],
    );
    const created = await db()
      .select({ kind: caseTimeline.kind })
      .from(caseTimeline)
      .where(and(eq(caseTimeline.caseId, caseId), eq(caseTimeline.kind, 'created')));
    assert.equal(created.length, 1);
    // A new page is a new token: the same applicant may be taken in again on purpose.
    const again = await clerk.get('/staff/counter/new?service=pothole-report');
    assert.notEqual(/name="_once" value="([^"]+)"/.exec(again.body)?.[1], token);
  });

  it('a refused counter form is shown again with its own token', async () => {
    const page = await clerk.get('/staff/counter/new?service=pothole-report');
    const token = /name="_once" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const refused = await clerk.postMultipart(
      multipartActionOf(page.body),
      multipartForm({ _once: token, channel: 'counter', applicantLang: 'zh-TW' }),
    );
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, new RegExp(`name="_once" value="${token}"`));
  });
});
