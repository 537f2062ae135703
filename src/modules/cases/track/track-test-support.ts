/**
 * Builders for the public look-up's tests (HTTP and DB): a visitor with their own IP and anonymous CSRF
 * cookie, the pieces of a result page, and cases in the states the tests need. Not a test file itself.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp, TestClock } from '../../../../test/helpers/test-app.ts';
import { aStaffMember, csrfTokenIn, type TestStaffMember } from '../../../platform/auth/auth-test-support.ts';
import type { AppInstance } from '../../../platform/http/app-types.ts';
import type { CaseActor, CaseRow } from '../core/case-actor.ts';
import { cases } from '../core/cases-schema.ts';
import { caseActorOf, moveCase, sidewalkPetition, testCasesContext } from '../core/cases-test-support.ts';
import { requestExtension } from '../core/extensions.ts';
import type { OpenCaseInput } from '../core/intake-rules.ts';
import { openCase } from '../core/open-case.ts';
import type { TransitionInputValues } from '../core/workflow-definition.ts';
import type { CaseEvent } from '../core/workflows.ts';

let lastIp = 0;
/** Each test looks up from its own client IP, so the per-IP limit of one test never touches another. */
export const nextIp = () => `198.51.100.${++lastIp}`;

export interface Response {
  statusCode: number;
  body: string;
  headers: Record<string, string | string[] | number | undefined>;
  rawPayload: Buffer;
}

/** One person in a browser: their own IP, and the anonymous CSRF cookie the form page gives them. */
export class Visitor {
  private csrfCookie: string | null = null;
  /** The browser's `ow_device` cookie, once a look-up gave it one (trusted-devices.ts). */
  deviceCookie: string | null = null;
  constructor(
    readonly app: AppInstance,
    readonly ip: string = nextIp(),
  ) {}

  private keep(response: Response): Response {
    const setCookie = response.headers['set-cookie'];
    for (const cookie of Array.isArray(setCookie) ? setCookie : setCookie ? [String(setCookie)] : []) {
      const match = /^ow_csrf=([^;]+)/.exec(cookie);
      if (match?.[1]) this.csrfCookie = match[1];
      const device = /^ow_device=([^;]+)/.exec(cookie);
      if (device?.[1]) this.deviceCookie = device[1];
    }
    return response;
  }

  private cookieHeader(): Record<string, string> {
    const cookies = [
      ...(this.csrfCookie === null ? [] : [`ow_csrf=${this.csrfCookie}`]),
      ...(this.deviceCookie === null ? [] : [`ow_device=${this.deviceCookie}`]),
    ];
    return cookies.length === 0 ? {} : { cookie: cookies.join('; ') };
  }

  async get(url: string): Promise<Response> {
    const response = await this.app.inject({
      method: 'GET',
      url,
      remoteAddress: this.ip,
      headers: this.cookieHeader(),
    });
    return this.keep(response as unknown as Response);
  }

  async post(url: string, fields: Record<string, string>): Promise<Response> {
    const response = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.ip,
      headers: { ...this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
    return this.keep(response as unknown as Response);
  }

  /** Opens the form page, then sends it with that page's token. */
  async lookUp(caseNumber: string, lookupCode: string, lang: 'zh-TW' | 'en' = 'zh-TW'): Promise<Response> {
    const path = lang === 'en' ? '/en/track' : '/track';
    const form = await this.get(path);
    return this.post(path, { _csrf: csrfTokenIn(form.body), caseNumber, lookupCode });
  }

  /** Sends a form of a result page (withdraw, reopen, download) with its hidden fields and the given ones. */
  async submitForm(page: Response, action: string, fields: Record<string, string> = {}): Promise<Response> {
    const form = formWithAction(page.body, action);
    return this.post(action, { ...hiddenFields(form), ...fields });
  }
}

export function formWithAction(html: string, action: string): string {
  const start = html.indexOf(`action="${action}"`);
  assert.ok(start !== -1, `a form posting to ${action}`);
  return html.slice(start, html.indexOf('</form>', start));
}

export function hiddenFields(form: string): Record<string, string> {
  return Object.fromEntries(
    [...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((match) => [
      match[1] ?? '',
      (match[2] ?? '').replaceAll('&amp;', '&'),
    ]),
  );
}

export function errorSummaryItems(html: string): string[] {
  const start = html.indexOf('govuk-error-summary__list');
  if (start === -1) return [];
  const list = html.slice(start, html.indexOf('</ul>', start));
  return [...list.matchAll(/<li>(.*?)<\/li>/g)].map((match) => (match[1] ?? '').replace(/<[^>]+>/g, ''));
}

/** The staff the look-up's cases pass through, and cases in the states the tests need. */
export async function trackCases(subject: TestApp) {
  const db = subject.database.db;
  const clerk: TestStaffMember = await aStaffMember(db, { role: 'counter_clerk', displayName: '李櫃台' });
  const roadHandler = await aStaffMember(db, { role: 'handler', displayName: '陳道路承辦' });
  const parksHandler = await aStaffMember(db, {
    role: 'handler',
    unitCode: 'parks',
    displayName: '黃公園承辦',
  });
  const parksSupervisor = await aStaffMember(db, {
    role: 'supervisor',
    unitCode: 'parks',
    displayName: '張公園股長',
  });
  const context = () => testCasesContext(subject);
  const aCase = (overrides: Partial<OpenCaseInput> = {}): Promise<CaseRow> =>
    openCase(context(), sidewalkPetition(overrides), caseActorOf(clerk));
  const move = (
    row: CaseRow,
    event: CaseEvent,
    input: TransitionInputValues,
    actor: CaseActor,
  ): Promise<CaseRow> => moveCase(subject, row, event, input, actor);
  const currentRow = async (id: string): Promise<CaseRow> => {
    const [row] = await db.select().from(cases).where(eq(cases.id, id));
    assert.ok(row);
    return row;
  };
  /** Received by road maintenance, moved to parks, accepted, started, extended: notes of both kinds on the way. */
  const aCaseInProgressAtParks = async (): Promise<CaseRow> => {
    let row = await aCase();
    row = await move(
      row,
      'transfer',
      {
        targetUnit: 'parks',
        reason: '地點在公園範圍內，改由公園處辦理。',
        internalNote: 'INTERNAL-道路處不收',
      },
      caseActorOf(roadHandler),
    );
    row = await move(row, 'accept', {}, caseActorOf(parksHandler));
    row = await move(
      row,
      'start',
      { publicNote: '已派員現場勘查。', internalNote: 'INTERNAL-里長很急，承辦人手機 0988777666' },
      caseActorOf(parksHandler),
    );
    await requestExtension(
      context(),
      { caseId: row.id, expectedVersion: row.version, amount: 3, reason: '需等待地磚材料到貨。' },
      caseActorOf(parksSupervisor),
    );
    return currentRow(row.id);
  };
  return {
    clerk,
    roadHandler,
    parksHandler,
    parksSupervisor,
    context,
    aCase,
    move,
    currentRow,
    aCaseInProgressAtParks,
  };
}

/**
 * A look-up test file's app (Monday 2 March 2026, 10:00 in Taipei), closed after the file, and its staff and
 * case builders (made before the first test). Call it at the top level of the file: node:test registers the
 * hooks there.
 */
export async function trackTestBed() {
  const clock = new TestClock(new Date('2026-03-02T02:00:00Z'));
  const subject = await buildTestApp({ clock });
  after(() => subject.app.close());
  let made: Awaited<ReturnType<typeof trackCases>> | null = null;
  before(async () => {
    made = await trackCases(subject);
  });
  const builders = () => {
    if (made === null) throw new Error('the staff are made before the first test');
    return made;
  };
  type Made = Awaited<ReturnType<typeof trackCases>>;
  return {
    clock,
    subject,
    cases: builders,
    // The builders most tests call, usable from the first test on.
    aCase: (...args: Parameters<Made['aCase']>) => builders().aCase(...args),
    move: (...args: Parameters<Made['move']>) => builders().move(...args),
    currentRow: (id: string) => builders().currentRow(id),
    aCaseInProgressAtParks: () => builders().aCaseInProgressAtParks(),
  };
}
