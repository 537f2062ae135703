import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { testCasesContext } from '../../../test/helpers/cases-context.ts';
import { decode, mainOf } from '../../../test/helpers/html.ts';
import { withEmailDelivery } from '../../../test/helpers/notification-delivery.ts';
import { buildTestApp, TestClock } from '../../../test/helpers/test-app.ts';
import { waitUntil } from '../../../test/helpers/wait-until.ts';
import { auditLog } from '../../platform/auth/auth-schema.ts';
import { aStaffMember, csrfTokenIn } from '../../platform/auth/auth-test-support.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { citizenAccountPath, citizenSignOutPath } from '../../platform/web/site-pages.ts';
import { hashSecret } from '../applications/index.ts';
import { type CaseRow, openCase, stateLabel, trackLinkTokenOf } from '../cases/index.ts';
import { hashOfSecret, linksPerAddressPerHour, linksPerIpPerHour } from './citizen-rules.ts';
import { sweepCitizenSignIns } from './citizen-sign-in-service.ts';
import { citizenPaths } from './citizens-paths.ts';
import { citizenSessions, citizenSignInLinks } from './citizens-schema.ts';

/**
 * The optional citizen account (issue 11 §1) through the real app, database and SMTP server: the link
 * arrives by e-mail, its page only shows a button (a mail scanner's GET signs nobody in), the POST signs in
 * once; used, expired and unknown links answered with a clear page; the same answer for any address; "My
 * cases" lists exactly the address's cases (any letter case) with their flags, and its drafts; sign-out,
 * idle and absolute expiry; the limits on sending, which never stop a link already sent from working.
 */

// Monday 2 March 2026, 10:00 in Taipei.
const clock = new TestClock(new Date('2026-03-02T02:00:00Z'));
const { app: subject, smtp } = await withEmailDelivery((environment) => buildTestApp({ environment, clock }));
const db = subject.database.db;
after(() => subject.app.close());
const clerk = await aStaffMember(db, { role: 'counter_clerk', displayName: '櫃台 林小姐' });
const clerkActor = {
  kind: 'staff' as const,
  id: clerk.id,
  displayName: clerk.displayName,
  email: clerk.email,
  role: clerk.role,
  unitCode: clerk.unitCode,
};

let addresses = 0;
const anAddress = (name = 'citizen') => `${name}-${++addresses}-${Date.now()}@example.tw`;

/** A walk-in petition made with `email`. */
function aCase(email: string): Promise<CaseRow> {
  return openCase(
    testCasesContext(subject),
    {
      serviceCode: 'road-maintenance-petition',
      channel: 'counter',
      applicantType: 'person',
      applicantName: '王小明',
      applicantPhone: '0912345678',
      applicantEmail: email,
      applicantLang: 'zh-TW',
      consent: true,
      description: '中正三路 50 號前人行道地磚鬆動。',
      formData: { 'place-kind': 'sidewalk' },
      address: '高雄市新興區中正三路 50 號前',
    },
    clerkActor,
  );
}

type Response = Awaited<ReturnType<typeof subject.app.inject>>;

let lastIp = 0;
/** A person in a browser of their own: their own IP (the per-IP limit), cookies kept as a browser keeps them. */
class Citizen {
  readonly cookies = new Map<string, string>();
  constructor(readonly ip = `203.0.113.${++lastIp}`) {}

  private keep(response: Response): Response {
    for (const cookie of response.cookies) {
      const isCleared = cookie.value === '' || cookie.maxAge === 0;
      if (isCleared) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async get(url: string): Promise<Response> {
    return this.keep(
      await subject.app.inject({
        method: 'GET',
        url,
        remoteAddress: this.ip,
        headers: { cookie: this.cookieHeader(), accept: 'text/html,application/xhtml+xml' },
      }),
    );
  }

  async post(url: string, fields: Record<string, string>): Promise<Response> {
    return this.keep(
      await subject.app.inject({
        method: 'POST',
        url,
        remoteAddress: this.ip,
        headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
      }),
    );
  }

  /** The sign-in page, then its form with `email`. */
  async askForLink(email: string, lang: Lang = 'zh-TW'): Promise<Response> {
    const path = lang === 'en' ? '/en/account/sign-in' : '/account/sign-in';
    const page = await this.get(path);
    assert.equal(page.statusCode, 200);
    return this.post(path, { _csrf: csrfTokenIn(page.body), email });
  }

  /** The link's page, then its button. */
  async useLink(linkPath: string): Promise<Response> {
    const page = await this.get(linkPath);
    if (page.statusCode !== 200) return page;
    return this.post(linkPath, { _csrf: csrfTokenIn(page.body) });
  }

  async signIn(email: string): Promise<void> {
    const seen = signInMails(email).length;
    const asked = await this.askForLink(email);
    assert.equal(asked.statusCode, 303);
    const signedIn = await this.useLink(await linkInMail(email, seen + 1));
    assert.equal(signedIn.statusCode, 303);
    assert.equal(signedIn.headers.location, '/account');
  }
}

const signInMails = (email: string) =>
  smtp.messages.filter(
    (message) =>
      message.envelopeTo.includes(email.toLowerCase()) && /登入連結|sign-in link/.test(message.subject),
  );

/** The path of the `count`-th sign-in link e-mailed to `email` (waiting for it to arrive). */
async function linkInMail(email: string, count: number): Promise<string> {
  const mails = await waitUntil(
    async () => signInMails(email),
    (found) => found.length >= count,
    { what: `sign-in e-mail ${count} to ${email}` },
  );
  const match = /https?:\/\/[^\s/]+(\/(?:en\/)?account\/sign-in\/[A-Za-z0-9_-]{43})/.exec(
    mails[count - 1]?.text ?? '',
  );
  assert.ok(match?.[1], mails[count - 1]?.text);
  return match[1];
}

const sessionRows = () => db.select().from(citizenSessions);

describe('the citizen account: sign-in by e-mail link', () => {
  it('e-mails a link whose page shows a button (opening it signs nobody in); pressing it signs in, once', async () => {
    const email = anAddress();
    await aCase(email);
    const citizen = new Citizen();
    const asked = await citizen.askForLink(`  ${email.toUpperCase()} `);
    assert.equal(asked.statusCode, 303);
    assert.equal(asked.headers.location, '/account/sign-in?sent=1');
    const check = await citizen.get('/account/sign-in?sent=1');
    assert.match(mainOf(check.body), /<h1 class="govuk-heading-l">請到電子郵件信箱收信<\/h1>/);
    assert.match(mainOf(check.body), /15 分鐘內有效，只能使用一次/);

    const linkPath = await linkInMail(email, 1);
    const mail = signInMails(email)[0];
    assert.match(mail?.subject ?? '', /您的「我的案件」登入連結/);
    const token = linkPath.split('/').pop() ?? '';
    const [stored] = await db
      .select()
      .from(citizenSignInLinks)
      .where(eq(citizenSignInLinks.tokenHash, hashOfSecret(token) ?? ''));
    assert.equal(stored?.email, email, 'the address is stored normalised (trimmed, lower case)');
    assert.equal(stored?.usedAt, null);
    assert.equal(
      stored?.expiresAt.toISOString(),
      new Date(clock.now().getTime() + 15 * 60_000).toISOString(),
    );

    // Opened by a person or a mail scanner: a page with a button, nothing used, no session.
    const reader = new Citizen();
    const page = await reader.get(linkPath);
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.equal(page.headers['referrer-policy'], 'no-referrer');
    assert.match(page.body, new RegExp(`<form method="post" action="${linkPath}"`));
    assert.match(mainOf(page.body), /<button[^>]*>\s*登入\s*<\/button>/);
    assert.equal(reader.cookies.has('ow_citizen'), false);
    assert.equal((await sessionRows()).length, 0);

    const signedIn = await reader.post(linkPath, { _csrf: csrfTokenIn(page.body) });
    assert.equal(signedIn.statusCode, 303);
    assert.equal(signedIn.headers.location, '/account');
    const cookie = signedIn.cookies.find((each) => each.name === 'ow_citizen');
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/');
    assert.equal(cookie.maxAge, 12 * 3600);
    const [session] = await db
      .select()
      .from(citizenSessions)
      .where(eq(citizenSessions.idHash, hashOfSecret(cookie.value) ?? ''));
    assert.equal(session?.email, email, 'the session row holds the hash of the cookie, not the cookie');
    const account = await reader.get('/account');
    assert.equal(account.statusCode, 200);
    const signInAgain = await reader.get('/en/account/sign-in');
    assert.equal(
      signInAgain.headers.location,
      '/en/account',
      'signed in, the sign-in page leads to the cases',
    );
    assert.match(mainOf(account.body), /<h1 class="govuk-heading-l">我的案件<\/h1>/);

    // The same link again, even from the same browser: used.
    const again = await new Citizen().useLink(linkPath);
    assert.equal(again.statusCode, 410);
    assert.match(mainOf(again.body), /這個登入連結已經用過了/);
    assert.match(mainOf(again.body), /href="\/account\/sign-in">寄一個新的登入連結/);
    const pressedAgain = await reader.post(linkPath, { _csrf: csrfTokenIn(page.body) });
    assert.equal(pressedAgain.statusCode, 410);
    assert.equal((await sessionRows()).filter((row) => row.email === email).length, 1);

    // The audit log records the sign-in without the address.
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'citizen.sign_in'));
    assert.equal(entry?.actorLabel, 'citizen');
    assert.deepEqual(entry?.details, {});
    assert.doesNotMatch(
      JSON.stringify(await db.select().from(auditLog)),
      new RegExp(email.replace('.', '\\.')),
    );
  });

  it('refuses an expired link and an unknown one with a page offering a new link; in English too', async () => {
    const email = anAddress();
    const citizen = new Citizen();
    assert.equal((await citizen.askForLink(email, 'en')).statusCode, 303);
    const linkPath = await linkInMail(email, 1);
    assert.match(linkPath, /^\/en\/account\/sign-in\//);
    clock.advance(15 * 60_000 + 1000);
    const expired = await citizen.get(linkPath);
    assert.equal(expired.statusCode, 410);
    assert.match(mainOf(expired.body), /<h1 class="govuk-heading-l">This sign-in link has expired<\/h1>/);
    assert.match(mainOf(expired.body), /href="\/en\/account\/sign-in">Send me a new sign-in link/);
    const page = await citizen.get('/en/account/sign-in');
    const pressed = await citizen.post(linkPath, { _csrf: csrfTokenIn(page.body) });
    assert.equal(pressed.statusCode, 410);
    assert.equal(citizen.cookies.has('ow_citizen'), false);

    const unknown = await citizen.get(`/account/sign-in/${'x'.repeat(43)}`);
    assert.equal(unknown.statusCode, 404);
    assert.match(mainOf(unknown.body), /這個登入連結無法使用/);
    const malformed = await citizen.get('/account/sign-in/short');
    assert.equal(malformed.statusCode, 404);
  });

  it('answers the same for an address with cases and one without', async () => {
    const withCases = anAddress('known');
    await aCase(withCases);
    const without = anAddress('unknown');
    const first = new Citizen();
    const second = new Citizen();
    const a = await first.askForLink(withCases);
    const b = await second.askForLink(without);
    assert.deepEqual([a.statusCode, a.headers.location], [b.statusCode, b.headers.location]);
    const pageA = await first.get(String(a.headers.location));
    const pageB = await second.get(String(b.headers.location));
    assert.equal(mainOf(pageA.body), mainOf(pageB.body));
    // Both addresses get a link (an account with no case is simply empty).
    await linkInMail(withCases, 1);
    await linkInMail(without, 1);
  });

  it('lists every problem of the form on the page, keeping what was typed', async () => {
    const citizen = new Citizen();
    const blank = await citizen.askForLink('');
    assert.equal(blank.statusCode, 400);
    assert.match(blank.body, /<title>錯誤：/);
    assert.match(blank.body, /<a href="#email">請填寫電子郵件<\/a>/);
    const wrong = await citizen.askForLink('not an address');
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /<a href="#email">請填寫正確的電子郵件，例如 name@example.tw<\/a>/);
    assert.match(wrong.body, /value="not an address"/);
    const forged = await citizen.post('/account/sign-in', { email: anAddress() });
    assert.equal(forged.statusCode, 403);
  });
});

describe('the citizen account: my cases', () => {
  it('lists exactly the cases of the address (in any letter case) with their state, flags and track links, and the drafts', async () => {
    const email = anAddress('owner');
    const mine = await aCase(email);
    const mineUpper = await aCase(email.toUpperCase());
    const awaitingFee = await aCase(email);
    const someoneElses = await aCase(anAddress('other'));
    // The states the flags are for, set directly: the workflow's own tests walk there.
    await db.execute(sql`update cases set state = 'awaiting_supplement' where id = ${mineUpper.id}`);
    await db.execute(sql`
      insert into deficiency_notices (case_id, sequence, state, items, supplement_by, unit_code, service_code, drafted_by, drafted_at, issued_at)
      values (${mineUpper.id}, 1, 'issued', '[]'::jsonb, '2026-03-20', ${mineUpper.unitCode}, ${mineUpper.serviceCode}, ${clerk.id}, ${clock.now()}, ${clock.now()})`);
    await db.execute(sql`update cases set state = 'awaiting_payment' where id = ${awaitingFee.id}`);
    // A draft with this address (any case), one sent, one expired, one whose address was never proven (anyone
    // may type another's address), and another address's.
    const now = clock.now();
    const later = new Date(now.getTime() + 30 * 86_400_000);
    const earlier = new Date(now.getTime() - 1000);
    for (const [contact, expiresAt, submittedAt, token, verifiedAt] of [
      [email.toUpperCase(), later, null, 'a', now],
      [email, later, now, 'b', now],
      [email, earlier, null, 'c', now],
      [email, later, null, 'e', null],
      [anAddress('other'), later, null, 'd', now],
    ] as const) {
      await db.execute(sql`
        insert into application_drafts (service_code, service_version, lang, resume_token_hash, contact_kind, contact, contact_verified_at, created_at, updated_at, expires_at, submitted_at)
        values ('road-maintenance-petition', ${mine.serviceVersion}, 'zh-TW', ${`${token}-${email}`}, 'email', ${contact}, ${verifiedAt}, ${now}, ${now}, ${expiresAt}, ${submittedAt})`);
    }

    const citizen = new Citizen();
    await citizen.signIn(email);
    const page = await citizen.get('/account');
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    const main = mainOf(page.body);
    const shown = [...main.matchAll(/data-case="([^"]+)"/g)].map((match) => match[1]);
    assert.deepEqual(
      shown.sort(),
      [mine.caseNumber, mineUpper.caseNumber, awaitingFee.caseNumber].sort(),
      'the address’s three cases, not another’s',
    );
    assert.doesNotMatch(main, new RegExp(someoneElses.caseNumber));
    const card = (caseNumber: string) => {
      const start = main.indexOf(`data-case="${caseNumber}"`);
      return decode(main.slice(start, main.indexOf('</li>', start)));
    };
    assert.match(
      card(mine.caseNumber),
      new RegExp(
        `href="/track\\?case=${mine.caseNumber}&code=${mine.lookupCode}&t=${trackLinkTokenOf(mine.id, mine.lookupCode)}"`,
      ),
    );
    assert.match(
      card(mine.caseNumber),
      new RegExp(`>${stateLabel('received').zh}</strong>\\s*<p[^>]*>${stateLabel('received').explainZh}</p>`),
    );
    assert.match(card(mine.caseNumber), /道路/);
    assert.match(card(mineUpper.caseNumber), /需要補正：請於 民國115年3月20日 前補正/);
    assert.doesNotMatch(card(mine.caseNumber), /需要補正|尚待繳費/);
    assert.match(card(awaitingFee.caseNumber), /尚待繳費/);
    if (mine.expectedCompletionDate !== null) assert.match(card(mine.caseNumber), /民國115年/);

    const drafts = [...main.matchAll(/data-draft="([^"]+)"/g)].map((match) => match[1]);
    assert.deepEqual(drafts, ['road-maintenance-petition'], 'the unsent, unexpired draft only');
    assert.match(main, /href="\/apply\/road-maintenance-petition"/);

    const english = await citizen.get('/en/account');
    assert.match(mainOf(english.body), /<h1 class="govuk-heading-l">My cases<\/h1>/);
    assert.match(mainOf(english.body), /Fee to pay/);
    assert.match(decode(mainOf(english.body)), /Supplement requested: respond by 20 March 2026/);
  });

  it('pages a long list', async () => {
    const email = anAddress('company');
    const opened: string[] = [];
    for (let index = 0; index < 21; index += 1) opened.push((await aCase(email)).caseNumber);
    const citizen = new Citizen();
    await citizen.signIn(email);
    const first = mainOf((await citizen.get('/account')).body);
    const second = mainOf((await citizen.get('/account?page=2')).body);
    const numbers = (html: string) => [...html.matchAll(/data-case="([^"]+)"/g)].map((match) => match[1]);
    assert.equal(numbers(first).length, 20);
    assert.equal(numbers(second).length, 1);
    assert.deepEqual([...numbers(first), ...numbers(second)].sort(), opened.sort());
    assert.match(first, /href="\/account\?page=2"/);
  });

  it('“Continue” on a draft opens it with the account’s own link, and the e-mailed link keeps working; another’s draft is not continued', async () => {
    const email = anAddress('drafter');
    const now = clock.now();
    const later = new Date(now.getTime() + 30 * 86_400_000);
    const version = (await aCase(anAddress('version'))).serviceVersion;
    const draftOf = async (contact: string, oldToken: string) => {
      const inserted = await db.execute<{ id: string }>(sql`
        insert into application_drafts (service_code, service_version, lang, resume_token_hash, contact_kind, contact, contact_verified_at, created_at, updated_at, expires_at, completed_steps)
        values ('road-maintenance-petition', ${version}, 'zh-TW', ${hashSecret(oldToken)}, 'email', ${contact}, ${now}, ${now}, ${now}, ${later}, '["contact"]'::jsonb)
        returning id`);
      return inserted.rows[0]?.id ?? '';
    };
    const oldToken = 'o'.repeat(43);
    const mine = await draftOf(email, oldToken);
    const someoneElses = await draftOf(anAddress('other'), 'p'.repeat(43));
    assert.equal((await subject.app.inject({ method: 'GET', url: `/apply/d/${oldToken}` })).statusCode, 303);

    const citizen = new Citizen();
    await citizen.signIn(email);
    const page = await citizen.get('/account');
    const action = `/account/drafts/${mine}/continue`;
    assert.match(mainOf(page.body), new RegExp(`<form method="post" action="${action}"`));
    const continueOnce = async () => {
      const continued = await citizen.post(action, { _csrf: csrfTokenIn(page.body) });
      assert.equal(continued.statusCode, 303);
      return String(continued.headers.location);
    };
    const newPath = await continueOnce();
    assert.match(newPath, /^\/apply\/d\/[A-Za-z0-9_-]{43}$/);
    // The account's link opens the draft (it leads on to its first page not completed), and so does the
    // e-mailed one still: a draft begun on a phone opens from its e-mail after "Continue" on a computer.
    const opened = await subject.app.inject({ method: 'GET', url: newPath });
    assert.equal(opened.statusCode, 303);
    assert.match(String(opened.headers.location), new RegExp(`^${newPath}/`));
    const old = await subject.app.inject({ method: 'GET', url: `/apply/d/${oldToken}` });
    assert.equal(old.statusCode, 303);
    assert.match(String(old.headers.location), new RegExp(`^/apply/d/${oldToken}/`));
    // "Continue" again: a new account link; the account's previous one stops, the e-mailed one stays.
    const newerPath = await continueOnce();
    assert.notEqual(newerPath, newPath);
    assert.equal((await subject.app.inject({ method: 'GET', url: newerPath })).statusCode, 303);
    assert.notEqual((await subject.app.inject({ method: 'GET', url: newPath })).statusCode, 303);
    assert.equal((await subject.app.inject({ method: 'GET', url: `/apply/d/${oldToken}` })).statusCode, 303);
    // Nothing to e-mail: no link was taken away.
    const queued = await db.execute<{ count: number }>(sql`
      select count(*)::int as count from notification_deliveries
      where subject_type = 'application_draft' and subject_id = ${mine}`);
    assert.equal(queued.rows[0]?.count, 0, 'no e-mail about the draft was queued');

    // Another address's draft: nothing changes, and the list says so.
    const refused = await citizen.post(`/account/drafts/${someoneElses}/continue`, {
      _csrf: csrfTokenIn(page.body),
    });
    assert.equal(refused.headers.location, '/account?draft=gone');
    assert.equal(
      (await subject.app.inject({ method: 'GET', url: `/apply/d/${'p'.repeat(43)}` })).statusCode,
      303,
    );
    assert.match(decode(mainOf((await citizen.get('/account?draft=gone')).body)), /無法繼續填寫/);
    // Without a session: to the sign-in page.
    const stranger = new Citizen();
    const strangerPage = await stranger.get('/account/sign-in');
    const anonymous = await stranger.post(action, { _csrf: csrfTokenIn(strangerPage.body) });
    assert.equal(anonymous.headers.location, '/account/sign-in');
  });

  it('without a session, /account leads to the sign-in page', async () => {
    const visitor = new Citizen();
    const page = await visitor.get('/account');
    assert.equal(page.statusCode, 303);
    assert.equal(page.headers.location, '/account/sign-in');
    visitor.cookies.set('ow_citizen', 'y'.repeat(43));
    assert.equal((await visitor.get('/en/account')).headers.location, '/en/account/sign-in');
  });

  it('every page’s header, and /apply, lead to “my cases” in the page’s language', async () => {
    assert.equal(citizenAccountPath, citizenPaths.account, 'the platform names the account page rightly');
    const links = (html: string) =>
      [...html.matchAll(/<a [^>]*href="([^"]*\/account)"[^>]*>([^<]*)<\/a>/g)].map((match) => [
        match[1],
        decode(match[2] ?? ''),
      ]);
    for (const [path, expected] of [
      ['/', [['/account', '我的案件']]],
      ['/en/privacy', [['/en/account', 'My cases']]],
      [
        '/apply',
        [
          ['/account', '我的案件'],
          ['/account', '前往「我的案件」'],
        ],
      ],
      [
        '/en/apply',
        [
          ['/en/account', 'My cases'],
          ['/en/account', 'Go to “My cases”'],
        ],
      ],
    ] as const) {
      const page = await subject.app.inject({ method: 'GET', url: path });
      assert.equal(page.statusCode, 200, path);
      assert.deepEqual(links(page.body), expected, path);
    }
  });
});

describe('the citizen account: sessions', () => {
  it('every page a signed-in citizen opens says so in the header, with a sign-out button that works', async () => {
    assert.equal(citizenSignOutPath, citizenPaths.signOut, 'the platform names the sign-out rightly');
    const email = anAddress();
    const masked = `${email[0]}***${email.slice(email.indexOf('@'))}`;
    const citizen = new Citizen();
    await citizen.signIn(email);
    for (const [path, words] of [
      ['/', `已登入「我的案件」：${masked}`],
      ['/apply', `已登入「我的案件」：${masked}`],
      ['/en/privacy', `Signed in to “My cases” as ${masked}`],
    ] as const) {
      const page = await citizen.get(path);
      assert.equal(page.statusCode, 200, path);
      assert.ok(decode(page.body).includes(words), `${path}: ${words}`);
      assert.ok(!page.body.includes(email), `${path}: the address itself is not shown`);
    }
    // The same pages for anyone else: the kept bytes, without anybody's bar.
    for (const path of ['/', '/apply']) {
      const anonymous = await subject.app.inject({
        method: 'GET',
        url: path,
        headers: { accept: 'text/html' },
      });
      assert.ok(!decode(anonymous.body).includes('已登入'), path);
    }

    const page = await citizen.get('/en/privacy');
    const action = /<form class="ow-staff-bar__form" method="post" action="([^"]+)"/.exec(page.body)?.[1];
    assert.equal(action, '/en/account/sign-out');
    const out = await citizen.post(action ?? '', { _csrf: csrfTokenIn(page.body) });
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers.location, '/en/account/sign-in?out=1');
    const after = decode((await citizen.get('/en/privacy')).body);
    assert.ok(!after.includes('Signed in to'), 'signed out: no bar');
  });

  it('signing out deletes the session: the old cookie no longer works', async () => {
    const email = anAddress();
    const citizen = new Citizen();
    await citizen.signIn(email);
    const secret = citizen.cookies.get('ow_citizen') ?? '';
    const page = await citizen.get('/account');
    const withoutToken = await citizen.post('/account/sign-out', {});
    assert.equal(withoutToken.statusCode, 403);
    const out = await citizen.post('/account/sign-out', { _csrf: csrfTokenIn(page.body) });
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers.location, '/account/sign-in?out=1');
    assert.equal(citizen.cookies.has('ow_citizen'), false);
    const rows = await db
      .select()
      .from(citizenSessions)
      .where(eq(citizenSessions.idHash, hashOfSecret(secret) ?? ''));
    assert.equal(rows.length, 0);
    const thief = new Citizen();
    thief.cookies.set('ow_citizen', secret);
    const replay = await thief.get('/account');
    assert.equal(replay.statusCode, 303);
    assert.equal(replay.headers.location, '/account/sign-in');
    assert.match(mainOf((await citizen.get('/account/sign-in?out=1')).body), /您已登出/);
  });

  it('signing in again gives a new secret and ends the session the browser had (no fixation)', async () => {
    const email = anAddress();
    const citizen = new Citizen();
    await citizen.signIn(email);
    const before = citizen.cookies.get('ow_citizen') ?? '';
    // Signed in, the sign-in page leads to the cases; a new link (asked from elsewhere) used in this browser:
    assert.equal((await citizen.get('/account/sign-in')).headers.location, '/account');
    assert.equal((await new Citizen().askForLink(email)).statusCode, 303);
    assert.equal((await citizen.useLink(await linkInMail(email, 2))).statusCode, 303);
    const after = citizen.cookies.get('ow_citizen') ?? '';
    assert.notEqual(after, before);
    const rows = (await sessionRows()).filter((row) => row.email === email);
    assert.deepEqual(
      rows.map((row) => row.idHash),
      [hashOfSecret(after)],
    );
  });

  it('ends after 30 minutes without a request, and 12 hours after signing in whatever happens', async () => {
    const idle = new Citizen();
    await idle.signIn(anAddress());
    clock.advance(29 * 60_000);
    assert.equal((await idle.get('/account')).statusCode, 200);
    clock.advance(29 * 60_000);
    assert.equal((await idle.get('/account')).statusCode, 200, 'each request keeps it alive');
    clock.advance(31 * 60_000);
    const ended = await idle.get('/account');
    assert.equal(ended.statusCode, 303);
    assert.equal(ended.headers.location, '/account/sign-in?ended=1');
    assert.equal(idle.cookies.has('ow_citizen'), false);
    assert.match(mainOf((await idle.get('/account/sign-in?ended=1')).body), /已自動登出/);

    const busy = new Citizen();
    await busy.signIn(anAddress());
    const start = clock.now().getTime();
    while (clock.now().getTime() - start < 12 * 3_600_000 - 25 * 60_000) {
      clock.advance(25 * 60_000);
      assert.equal((await busy.get('/account')).statusCode, 200);
    }
    clock.advance(25 * 60_000);
    const absolute = await busy.get('/account');
    assert.equal(absolute.statusCode, 303);
    assert.equal(absolute.headers.location, '/account/sign-in?ended=1');
  });

  it('the housekeeping scan deletes expired links and ended sessions, and keeps live ones', async () => {
    const live = new Citizen();
    await live.signIn(anAddress());
    const email = anAddress();
    await new Citizen().askForLink(email);
    await linkInMail(email, 1);
    clock.advance(31 * 60_000);
    const fresh = new Citizen();
    await fresh.signIn(anAddress());
    await sweepCitizenSignIns(db, clock.now());
    const links = await db.select().from(citizenSignInLinks);
    assert.ok(
      links.every((link) => link.expiresAt > clock.now()),
      'no expired link left',
    );
    const sessions = await sessionRows();
    assert.deepEqual(
      sessions.map((row) => row.idHash),
      [hashOfSecret(fresh.cookies.get('ow_citizen'))],
      'the idle session went, the fresh one stays',
    );
  });
});

describe('the citizen account: limits on sending links', () => {
  it('after the limit for an address it answers kindly, sends nothing more, and a link already sent still signs in', async () => {
    const email = anAddress();
    for (let sent = 1; sent <= linksPerAddressPerHour; sent += 1)
      assert.equal((await new Citizen().askForLink(email)).statusCode, 303);
    const firstLink = await linkInMail(email, 1);
    await linkInMail(email, linksPerAddressPerHour);
    const limited = await new Citizen().askForLink(email);
    assert.equal(limited.statusCode, 429);
    assert.ok(Number(limited.headers['retry-after']) >= 1);
    assert.match(
      decode(limited.body),
      /<a href="#email">這個地址在 1 小時內已經寄過 5 次登入連結。已寄出且未過期的連結仍然可以使用；也可以在 \d+ 分鐘後再寄一次。<\/a>/,
    );
    assert.match(limited.body, new RegExp(`value="${email}"`));
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(signInMails(email).length, linksPerAddressPerHour);
    const owner = new Citizen();
    const signedIn = await owner.useLink(firstLink);
    assert.equal(signedIn.statusCode, 303);
    assert.equal((await owner.get('/account')).statusCode, 200);
  });

  it('after the limit for one client IP it says so, and other IPs are not affected', async () => {
    const crowd = new Citizen();
    for (let sent = 1; sent <= linksPerIpPerHour; sent += 1)
      assert.equal((await crowd.askForLink(anAddress('crowd'))).statusCode, 303);
    const limited = await crowd.askForLink(anAddress('crowd'));
    assert.equal(limited.statusCode, 429);
    assert.match(decode(limited.body), /從您的網路送出的登入要求太多，請在 \d+ 分鐘後再試。/);
    assert.equal((await new Citizen().askForLink(anAddress())).statusCode, 303);
  });
});
