/**
 * Builders for the cases tests (HTTP, DB and browser). Not a test file itself.
 */

import { testCasesContext } from '../../../../test/helpers/cases-context.ts';
import type { TestStaffMember } from '../../../platform/auth/auth-test-support.ts';
import { signIn } from '../../../platform/auth/auth-test-support.ts';
import type { AppInstance } from '../../../platform/http/app-types.ts';
import type { Clock } from '../../../platform/http/clock.ts';
import type { CaseActor, CaseRow } from './case-actor.ts';
import type { OpenCaseInput } from './intake-rules.ts';
import { transitionCase } from './transition-case.ts';
import type { TransitionInputValues } from './workflow-definition.ts';
import type { CaseEvent } from './workflows.ts';

export { testCasesContext };

type TestAppLike = Parameters<typeof testCasesContext>[0];

/** Takes a workflow event on the case as it was last seen (at that version). */
export function moveCase(
  subject: TestAppLike,
  row: CaseRow,
  event: CaseEvent,
  input: TransitionInputValues,
  actor: CaseActor,
): Promise<CaseRow> {
  return transitionCase(
    testCasesContext(subject),
    { caseId: row.id, expectedVersion: row.version, event, input },
    actor,
  );
}

export function caseActorOf(member: TestStaffMember): CaseActor & { kind: 'staff' } {
  return {
    kind: 'staff',
    id: member.id,
    displayName: member.displayName,
    email: member.email,
    role: member.role,
    unitCode: member.unitCode,
  };
}

/**
 * A walk-in petition about a broken sidewalk for the road maintenance office (5 working days). A
 * petition follows the default workflow (accept, start, supplements, resolve, close), so the tests of
 * the generic case mechanics use it; a field report (potholeReport) follows the field-report workflow.
 */
export function sidewalkPetition(overrides: Partial<OpenCaseInput> = {}): OpenCaseInput {
  return {
    serviceCode: 'road-maintenance-petition',
    channel: 'counter',
    applicantType: 'person',
    applicantName: '王小明',
    applicantPhone: '0912345678',
    applicantEmail: 'wang@example.tw',
    applicantLang: 'zh-TW',
    consent: true,
    description: '中正三路 50 號前人行道地磚鬆動，長者差點跌倒。',
    formData: { 'place-kind': 'sidewalk' },
    address: '高雄市新興區中正三路 50 號前',
    ...overrides,
  };
}

/**
 * A 4-hour pothole report for the road maintenance office (its queue lists it first): a field report,
 * which a crew is dispatched to and marks fixed (the field-report workflow).
 */
export function potholeReport(overrides: Partial<OpenCaseInput> = {}): OpenCaseInput {
  return sidewalkPetition({
    serviceCode: 'pothole-report',
    description: '博愛二路外側車道有坑洞，機車容易摔車。',
    formData: { size: 'medium' },
    ...overrides,
  });
}

type Answer = { statusCode: number; json: () => unknown; body: string };

export interface StaffApi {
  get(url: string): Promise<Answer>;
  post(url: string, body: unknown): Promise<Answer>;
  /** A staff page, as a browser asks for it. */
  page(url: string): Promise<Answer>;
  /** A staff page's form, url-encoded as a browser sends it (a list: its name once per value). */
  submit(url: string, fields: Record<string, string | string[]>): Promise<Answer>;
}

/**
 * A signed-in staff member calling the JSON API (and the staff pages) with the session's CSRF token. Tests
 * move the clock by days, past the session's timeouts: the member then signs in again, as a person would,
 * and retries.
 */
export async function staffApi(app: AppInstance, member: TestStaffMember, clock: Clock): Promise<StaffApi> {
  let session = await startSession(app, member, clock);
  const call = async (
    method: 'GET' | 'POST',
    url: string,
    as: 'json' | 'page',
    body?: unknown,
    isRetry = false,
  ): Promise<Answer> => {
    const response = await app.inject({
      method,
      url,
      headers: {
        cookie: session.cookie,
        ...(as === 'json' ? { accept: 'application/json' } : {}),
        ...(method === 'POST'
          ? {
              'content-type': as === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
              'x-csrf-token': session.csrfToken,
            }
          : {}),
      },
      ...(body === undefined ? {} : { payload: as === 'json' ? JSON.stringify(body) : formBody(body) }),
    });
    const code = response.statusCode === 401 || response.statusCode === 403 ? safeCode(response.body) : null;
    if (!isRetry && (code === 'SESSION_EXPIRED' || code === 'UNAUTHENTICATED' || code === 'CSRF_INVALID')) {
      session = await startSession(app, member, clock);
      return call(method, url, as, body, true);
    }
    return { statusCode: response.statusCode, body: response.body, json: () => response.json() as unknown };
  };
  return {
    get: (url) => call('GET', url, 'json'),
    post: (url, body) => call('POST', url, 'json', body),
    page: (url) => call('GET', url, 'page'),
    submit: (url, fields) => call('POST', url, 'page', fields),
  };
}

/** A form as a browser sends it: a list gives its name once per value. */
function formBody(body: unknown): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(body as Record<string, string | string[]>))
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
  return form.toString();
}

async function startSession(app: AppInstance, member: TestStaffMember, clock: Clock) {
  const browser = await signIn(app, member, clock);
  const response = await browser.get('/api/staff/session');
  const { csrfToken } = JSON.parse(response.body) as { csrfToken: string };
  return { cookie: browser.cookieHeader(), csrfToken };
}

function safeCode(body: string): string | null {
  try {
    return (JSON.parse(body) as { code?: string }).code ?? null;
  } catch {
    return null;
  }
}
