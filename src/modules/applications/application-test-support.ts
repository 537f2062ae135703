import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { decode } from '../../../test/helpers/html.ts';
import type { TestApp } from '../../../test/helpers/test-app.ts';
import { csrfTokenIn, TestBrowser } from '../../platform/auth/auth-test-support.ts';
import { type FileToSend, multipartForm } from '../../platform/uploads/upload-test-support.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { listDeliveries } from '../notifications/index.ts';
import { hashSecret } from './application-rules.ts';
import { applicationDrafts } from './applications-schema.ts';

/**
 * An applicant with a browser of their own, walking the online application over HTTP: each call opens or
 * posts one page with its CSRF token as the browser would, and returns the response. Not a test file.
 */

type Response = Awaited<ReturnType<TestBrowser['get']>>;

let applicantCount = 0;

/** A unique e-mail address for one applicant. */
export function anEmail(): string {
  applicantCount += 1;
  return `applicant-${applicantCount}-${Date.now()}@example.tw`;
}

export class Applicant {
  readonly browser: TestBrowser;
  token = '';
  private page = '';
  constructor(
    private readonly subject: TestApp,
    readonly lang: Lang = 'zh-TW',
  ) {
    this.browser = new TestBrowser(subject.app);
  }

  private get prefix(): string {
    return this.lang === 'en' ? '/en' : '';
  }

  private keep(response: Response): Response {
    if (response.statusCode < 300 || response.statusCode >= 400) this.page = response.body;
    return response;
  }

  step(step: string): string {
    return `${this.prefix}/apply/d/${this.token}/${step}`;
  }

  lastPage(): string {
    return this.page;
  }

  async open(path: string): Promise<Response> {
    return this.keep(await this.browser.get(path));
  }

  /** Opens the start page and presses Start: a draft, and its first page's address. */
  async start(code: string): Promise<Response> {
    const page = await this.open(`${this.prefix}/apply/${code}`);
    assert.equal(page.statusCode, 200, `start page of ${code}`);
    const response = await this.browser.post(`${this.prefix}/apply/${code}`, {
      _csrf: csrfTokenIn(page.body),
    });
    assert.equal(response.statusCode, 303);
    const match = /\/apply\/d\/([A-Za-z0-9_-]{43})\/applicant$/.exec(String(response.headers.location));
    assert.ok(match?.[1], String(response.headers.location));
    this.token = match[1];
    return response;
  }

  /** Opens a page of the draft and posts its form with these fields. */
  async submit(step: string, fields: Record<string, string>, action = this.step(step)): Promise<Response> {
    const page = await this.open(this.step(step));
    assert.equal(page.statusCode, 200, `${step}: ${page.statusCode} ${page.headers.location ?? ''}`);
    return this.keep(await this.browser.post(action, { _csrf: csrfTokenIn(page.body), ...fields }));
  }

  /** Posts the documents page (multipart, the token in its action) with these files. */
  async upload(files: FileToSend[], fields: Record<string, string> = {}): Promise<Response> {
    const page = await this.open(this.step('documents'));
    assert.equal(page.statusCode, 200, `documents: ${page.statusCode}`);
    const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/.exec(page.body)?.[1];
    assert.ok(action);
    return this.keep(await this.browser.postMultipart(decode(action), multipartForm(fields, files)));
  }

  /** The draft row. */
  async draft() {
    const [row] = await this.subject.database.db
      .select()
      .from(applicationDrafts)
      .where(eq(applicationDrafts.resumeTokenHash, hashSecret(this.token)));
    assert.ok(row, 'the draft exists');
    return row;
  }

  /** The one-time codes sent for this draft, newest first, read from their deliveries (as the applicant reads them). */
  async codesSent(): Promise<string[]> {
    const draft = await this.draft();
    const deliveries = await listDeliveries(this.subject.database.db, {
      type: 'application_draft',
      id: draft.id,
    });
    return deliveries
      .filter((row) => row.topic === 'application.code')
      .map((row) => /(\d{6})/.exec(row.bodyText)?.[1] ?? '');
  }

  async lastCode(): Promise<string> {
    const [code] = await this.codesSent();
    assert.ok(code, 'a code was sent');
    return code;
  }

  /** Applicant page, contact page: the draft then stands at the code page (a code sent to the address). */
  async giveContact(options: { name?: string; email?: string; phone?: string } = {}): Promise<string> {
    const email = options.email ?? anEmail();
    const who = await this.submit('applicant', {
      applicantType: 'person',
      applicantName: options.name ?? '王小明',
      applicantPhone: options.phone ?? '0912345678',
      consent: 'yes',
    });
    assert.equal(who.statusCode, 303, who.body.slice(0, 200));
    const contact = await this.submit('contact', { contactKind: 'email', email });
    assert.equal(contact.statusCode, 303);
    assert.equal(contact.headers.location, this.step('code'));
    return email;
  }

  /** Applicant page, contact page, the code: the draft then stands at its first answers page. */
  async proveContact(options: { name?: string; email?: string; phone?: string } = {}): Promise<string> {
    const email = await this.giveContact(options);
    const code = await this.submit('code', { code: await this.lastCode() });
    assert.equal(code.statusCode, 303, code.body.slice(0, 300));
    return email;
  }
}

export function anApplicant(subject: TestApp, lang: Lang = 'zh-TW'): Applicant {
  return new Applicant(subject, lang);
}

/** An applicant at the documents page of the building-work start: contact proven, questions answered. */
export async function anApplicantAtDocuments(subject: TestApp, lang: Lang = 'zh-TW'): Promise<Applicant> {
  const applicant = anApplicant(subject, lang);
  await applicant.start('building-construction-start');
  await applicant.proveContact();
  const answers = await applicant.submit('answers-1', {
    'field.permit-number': '113高市工建築字第01234號',
    'field.start-date': '2026-12-01',
    'field.builder-name': '四維營造有限公司',
  });
  assert.equal(answers.headers.location, applicant.step('documents'));
  return applicant;
}
