/**
 * Builders and a cookie-keeping client for the auth tests (HTTP and browser). Not a test file itself:
 * each test builds its own staff members with unique addresses through these.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import type { Database } from '../db/database.ts';
import type { AppInstance } from '../http/app-types.ts';
import type { Clock } from '../http/clock.ts';
import type { Lang } from '../web/i18n.ts';
import { systemActor } from './audit-log.ts';
import { auditLog, staff } from './auth-schema.ts';
import { roleNeedsUnit, type StaffRole } from './principal.ts';
import { createStaff } from './staff-service.ts';
import { newTotpSecret } from './totp.ts';

export interface TestStaffMember {
  id: string;
  email: string;
  password: string;
  displayName: string;
  role: StaffRole;
  unitCode: string | null;
  /** Set when the member has two-factor enabled. */
  totpSecret: string | null;
}

export function uniqueEmail(prefix = 'staff'): string {
  return `${prefix}.${randomBytes(4).toString('hex')}@test.onewindow.tw`;
}

/** A staff member through the real service; `withTotp` also enables two-factor with a known secret. */
export async function aStaffMember(
  db: Database,
  options: {
    role?: StaffRole;
    withTotp?: boolean;
    displayName?: string;
    clock?: Clock;
    /** For supervisors and handlers; default road-maintenance. */
    unitCode?: string;
  } = {},
): Promise<TestStaffMember> {
  const role = options.role ?? 'handler';
  const email = uniqueEmail(role.replaceAll('_', '-'));
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const displayName = options.displayName ?? `測試員工 ${randomBytes(2).toString('hex')}`;
  const created = await createStaff(db, {
    email,
    password,
    role,
    unitCode: roleNeedsUnit(role) ? (options.unitCode ?? 'road-maintenance') : null,
    displayName,
    actor: systemActor,
  });
  let totpSecret: string | null = null;
  if (options.withTotp) {
    totpSecret = newTotpSecret();
    const enabledAt = options.clock?.now() ?? new Date();
    await db.update(staff).set({ totpSecret, totpEnabledAt: enabledAt }).where(eq(staff.id, created.id));
  }
  const unitCode = roleNeedsUnit(role) ? (options.unitCode ?? 'road-maintenance') : null;
  return { id: created.id, email, password, displayName, role, unitCode, totpSecret };
}

/** The current code of an authenticator app, at the test clock's time. */
export async function currentCode(secret: string, clock: Clock, offsetSteps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) + offsetSteps * 30 });
}

interface InjectResponse {
  statusCode: number;
  body: string;
  headers: Record<string, string | string[] | number | undefined>;
  cookies: {
    name: string;
    value: string;
    maxAge?: number;
    expires?: Date;
    httpOnly?: boolean;
    sameSite?: string;
    path?: string;
    secure?: boolean;
  }[];
}

/** A browser in miniature: keeps cookies between app.inject calls. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  /** The CSRF token of the last page with a form: what a browser sends as a form's hidden `_csrf`. */
  private pageCsrfToken: string | null = null;
  constructor(readonly app: AppInstance) {}

  keep(response: InjectResponse): InjectResponse {
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body ?? '')?.[1];
    if (token !== undefined) this.pageCsrfToken = token;
    for (const cookie of response.cookies) {
      const isCleared =
        cookie.value === '' ||
        cookie.maxAge === 0 ||
        (cookie.expires !== undefined && cookie.expires.getTime() <= 0);
      if (isCleared) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<InjectResponse> {
    const response = await this.app.inject({
      method: 'GET',
      url,
      headers: { cookie: this.cookieHeader(), ...headers },
    });
    return this.keep(response as unknown as InjectResponse);
  }

  /** Posts a form; `_csrf` is taken from the given page unless the fields set it. */
  async post(
    url: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<InjectResponse> {
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: {
        cookie: this.cookieHeader(),
        'content-type': 'application/x-www-form-urlencoded',
        ...headers,
      },
      payload: new URLSearchParams(fields).toString(),
    });
    return this.keep(response as unknown as InjectResponse);
  }

  /**
   * Posts a multipart form (fields and files, e.g. `multipartForm` of upload-test-support) as a browser
   * does: the page's hidden `_csrf` first (the multipart reader checks it before any file), unless the
   * action already carries the token in its query (an older form) or the form sets `_csrf` itself.
   */
  async postMultipart(
    url: string,
    form: FormData,
    headers: Record<string, string> = {},
  ): Promise<InjectResponse> {
    const isTokenGiven = url.includes('_csrf=') || form.has('_csrf') || this.pageCsrfToken === null;
    const sent = isTokenGiven ? form : new FormData();
    if (!isTokenGiven) {
      sent.append('_csrf', this.pageCsrfToken ?? '');
      for (const [name, value] of form.entries()) sent.append(name, value);
    }
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: { ...headers, cookie: this.cookieHeader() },
      payload: sent,
    });
    return this.keep(response as unknown as InjectResponse);
  }

  /** Opens a page with a form and posts it with the page's own CSRF token. */
  async submit(formPage: string, action: string, fields: Record<string, string>): Promise<InjectResponse> {
    const page = await this.get(formPage);
    return this.post(action, { _csrf: csrfTokenIn(page.body), ...fields });
  }

  /** The sign-in form's password step, sent with these fields (e-mail, password, maybe `return`). */
  submitSignIn(fields: Record<string, string>, lang: Lang = 'zh-TW'): Promise<InjectResponse> {
    const path = `${langPrefix(lang)}/staff/sign-in`;
    return this.submit(path, path, fields);
  }

  /** The code step of a sign-in with two-factor, sent with this authenticator code. */
  submitCode(
    code: string,
    fields: Record<string, string> = {},
    lang: Lang = 'zh-TW',
  ): Promise<InjectResponse> {
    const path = `${langPrefix(lang)}/staff/sign-in/verify`;
    return this.submit(path, path, { code, ...fields });
  }
}

const langPrefix = (lang: Lang) => (lang === 'en' ? '/en' : '');

export function csrfTokenIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('the page has no CSRF field');
  return match[1];
}

/**
 * A browser that has sent the member's e-mail and password and nothing more: signed in, or (with
 * two-factor) left at the code step.
 */
export async function afterPasswordStep(
  app: AppInstance,
  member: Pick<TestStaffMember, 'email' | 'password'>,
  lang: Lang = 'zh-TW',
): Promise<TestBrowser> {
  const browser = new TestBrowser(app);
  const response = await browser.submitSignIn({ email: member.email, password: member.password }, lang);
  if (response.statusCode !== 303) throw new Error(`sign-in failed with ${response.statusCode}`);
  return browser;
}

/** Signs a member in through the real pages (and the code step when they have two-factor). */
export async function signIn(
  app: AppInstance,
  member: TestStaffMember,
  clock: Clock,
  lang: Lang = 'zh-TW',
): Promise<TestBrowser> {
  const browser = await afterPasswordStep(app, member, lang);
  if (member.totpSecret !== null) {
    const verified = await browser.submitCode(await currentCode(member.totpSecret, clock), {}, lang);
    if (verified.statusCode !== 303) throw new Error(`the code step failed with ${verified.statusCode}`);
  }
  return browser;
}

/**
 * A new staff member of the role (and unit) signed in through the real pages; by default an admin has
 * two-factor, as an admin's sign-in requires. The browser carries the member it signed in.
 */
export async function aSignedInMember(
  subject: { app: AppInstance; database: { db: Database }; clock: Clock },
  options: {
    role: StaffRole;
    unitCode?: string | undefined;
    displayName?: string;
    withTotp?: boolean;
    lang?: Lang;
  },
): Promise<TestBrowser & { member: TestStaffMember }> {
  const member = await aStaffMember(subject.database.db, {
    role: options.role,
    withTotp: options.withTotp ?? options.role === 'admin',
    clock: subject.clock,
    ...(options.displayName === undefined ? {} : { displayName: options.displayName }),
    ...(options.unitCode === undefined ? {} : { unitCode: options.unitCode }),
  });
  const browser = await signIn(subject.app, member, subject.clock, options.lang);
  return Object.assign(browser, { member });
}

/** The audit log's entries of `action` on `targetId`, oldest first: who acted (label, staff id) and the details. */
export function auditEntries(
  db: Database,
  action: string,
  targetId: string,
): Promise<{ actorLabel: string; actorStaffId: string | null; details: Record<string, unknown> }[]> {
  return db
    .select({
      actorLabel: auditLog.actorLabel,
      actorStaffId: auditLog.actorStaffId,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)))
    .orderBy(asc(auditLog.id));
}
