import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import {
  anApplicant,
  anApplicantAtDocuments,
  anEmail,
} from '../src/modules/applications/application-test-support.ts';
import {
  caseActorOf,
  moveCase,
  type StaffApi,
  sidewalkPetition,
  staffApi,
  testCasesContext,
} from '../src/modules/cases/core/cases-test-support.ts';
import { requestExtension } from '../src/modules/cases/core/extensions.ts';
import { supplementInputName } from '../src/modules/cases/deficiency/deficiency-rules.ts';
import { deficiencyNotices } from '../src/modules/cases/deficiency/deficiency-schema.ts';
import { issueNotice } from '../src/modules/cases/deficiency/deficiency-service.ts';
import { supplementNotice } from '../src/modules/cases/deficiency/supplement-service.ts';
import { type CaseRow, cases, caseTopics, openCase } from '../src/modules/cases/index.ts';
import { recordCounterPayment } from '../src/modules/cases/payment/payment-service.ts';
import { asApplicationWithFee } from '../src/modules/cases/payment/payment-test-support.ts';
import { aSignedInCitizen, aSignInLink } from '../src/modules/citizens/citizen-test-support.ts';
import { getCheck } from '../src/modules/control/checks/check-reads.ts';
import { checkIdOf, phoneTest, withoutActions } from '../src/modules/control/checks/checks-test-support.ts';
import { carriedPractices } from '../src/modules/control/work-plans/work-plan-reads.ts';
import { notificationDeliveries } from '../src/modules/notifications/notifications-schema.ts';
import { builtInAsTemplate } from '../src/modules/notifications/template-text.ts';
import { createApiKey } from '../src/modules/open311/api-keys.ts';
import { faqEntries } from '../src/modules/portal/faq/faq-schema.ts';
import { markReportFixed } from '../src/modules/reports/report-fix.ts';
import { submitPotholeWithPhoto } from '../src/modules/reports/report-intake-test-support.ts';
import { cliActor } from '../src/platform/auth/audit-log.ts';
import { signInFailures, staff } from '../src/platform/auth/auth-schema.ts';
import {
  afterPasswordStep,
  aSignedInMember,
  aStaffMember,
  csrfTokenIn,
  TestBrowser,
} from '../src/platform/auth/auth-test-support.ts';
import type { StaffRole } from '../src/platform/auth/principal.ts';
import { signInFailureKey } from '../src/platform/auth/staff-email.ts';
import { noisyJpeg } from '../src/platform/images/photo-test-support.ts';
import { themeClassifications } from '../src/platform/reference/reference-schema.ts';
import { multipartForm, samplePdf, samplePng } from '../src/platform/uploads/upload-test-support.ts';
import { definedFormFields } from '../src/platform/web/components/read-form.ts';
import { buildTestApp } from './helpers/test-app.ts';

/**
 * Issue 13's fuzz pass: every route the app has (read from the app itself, so a route added later is
 * covered without editing this file) and every field of every form and JSON body gets what a person or a
 * script can send by mistake or on purpose — NUL, half a surrogate pair, 100 kB of text, a right-to-left
 * override, a number where text goes and text where a number goes. Every answer must be 2xx, 3xx or 4xx
 * with the one error shape (JSON: code, message, errors, requestId; a page: the error page or the form
 * again with its error summary), never a 5xx. Every path parameter, query field and body field gets NUL at
 * least once; the other payloads are spread over the fields (one each, in turn) to keep the run short.
 *
 * Routes come from Fastify's own route table (`printRoutes`), JSON bodies and query fields from the OpenAPI
 * document (/api/openapi.json), form fields from the forms on the app's pages: the pages are crawled (links
 * and GET forms with their first choices) by an admin, a supervisor, a counter clerk, a handler, the other
 * staff roles (secretariat, web editor, unit editor and head) and an anonymous visitor, each starting from
 * the pages of the records `before` makes in the states that show their forms (cases, field reports,
 * control records, content, petitions: the functions below say which), and a POST route gets the fields of
 * the forms that post to it, at the address the form posts to, from whoever saw it (their session and CSRF
 * token: staff routes are exercised past authentication). Pages no GET opens (a file's preview, the code step
 * of a sign-in) are read for their forms too. A POST route no crawled page has a form for still gets NUL in
 * its parameters and in a field "text"; the run lists those routes. Open311 and the payment callback answer
 * in their own protocols' error shapes; a module's own 4xx page (main and a heading) is counted apart.
 */

const subject = await buildTestApp({
  environment: { RATE_LIMIT_PER_MINUTE: '10000', LOGIN_MAX_FAILURES: '100' },
});
after(() => subject.app.close());

type Answer = Awaited<ReturnType<typeof subject.app.inject>>;
type PayloadKind = 'nul' | 'surrogate' | 'large' | 'rtl' | 'swap';

const payloads: Record<Exclude<PayloadKind, 'swap'>, string> = {
  nul: 'A\u0000B',
  surrogate: 'A\ud800B',
  large: '長'.repeat(34_000), // 100 kB of UTF-8
  rtl: '\u202eabc\u202c',
};
const otherKinds: PayloadKind[] = ['surrogate', 'large', 'rtl', 'swap'];
let nextOther = 0;
const anotherKind = (): PayloadKind => otherKinds[nextOther++ % otherKinds.length] as PayloadKind;

interface RouteEntry {
  path: string;
  methods: string[];
}

/** The route table as Fastify prints it (a tree of path segments, each with its methods). */
function routesOf(tree: string): RouteEntry[] {
  const routes: RouteEntry[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)(?:[├└]── )(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    // Two parameter names at one place (`:number|:caseNumber`): the first names it.
    const segment = (match[2] ?? '').replace(/\|:[^/]*/g, '');
    // A node's text goes on from its parent's as it is (`/report` then `s/:number` is `/reports/:number`,
    // `/staff/checks` then `.csv` is `/staff/checks.csv`).
    stack.length = depth;
    stack.push(segment);
    const path = stack.join('');
    if (match[3]) routes.push({ path, methods: match[3].split(', ') });
  }
  return routes;
}

const paramNamesOf = (path: string) =>
  [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1] as string);

interface OpenApiOperation {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  format?: string;
  minLength?: number;
  additionalProperties?: JsonSchema | boolean;
  patternProperties?: Record<string, JsonSchema>;
}

/** A plausible value of a schema, and the paths of its strings and numbers (for the payloads). */
function sampleOf(
  schema: JsonSchema | undefined,
  path: string[],
  leaves: { path: string[]; type: string }[],
): unknown {
  if (schema === undefined) return 'x';
  if (schema.const !== undefined) return schema.const;
  if (schema.enum !== undefined) return schema.enum[0];
  if (schema.anyOf !== undefined) return sampleOf(schema.anyOf[0], path, leaves);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object' || schema.properties !== undefined) {
    const value: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(schema.properties ?? {}))
      value[name] = sampleOf(property, [...path, name], leaves);
    const open = schema.patternProperties ? Object.values(schema.patternProperties)[0] : undefined;
    const additional = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : open;
    if (additional !== undefined) value.extra = sampleOf(additional, [...path, 'extra'], leaves);
    return value;
  }
  if (type === 'array') return [sampleOf(schema.items, [...path, '0'], leaves)];
  if (type === 'integer' || type === 'number') {
    leaves.push({ path, type: 'number' });
    return 1;
  }
  if (type === 'boolean') {
    leaves.push({ path, type: 'boolean' });
    return true;
  }
  leaves.push({ path, type: 'string' });
  if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (schema.format === 'date') return '2026-03-02';
  if (schema.format === 'date-time') return '2026-03-02T02:00:00Z';
  return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
}

function withValue(body: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[path.at(-1) as string] = value;
  return copy;
}

/** What one payload kind puts in a text field (`swap`: a number), or in a number field (`swap`: text). */
function payloadFor(kind: PayloadKind, fieldType: string): unknown {
  if (kind === 'swap') return fieldType === 'string' ? 12345 : 'not a number';
  return payloads[kind];
}

interface PageForm {
  /** Where the form posts: a real address (its path and query) found on a page. */
  action: string;
  method: string;
  isMultipart: boolean;
  fields: string[];
  /** Who saw the form (and so posts it). */
  who: Who;
  /** The first choice of each select, radio group and hidden field: a GET form sent as a person would. */
  choices: Record<string, string>;
}

function firstChoices(html: string): Record<string, string> {
  const choices: Record<string, string> = {};
  for (const select of html.matchAll(/<select\b[^>]*\bname="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const value = [...(select[2] ?? '').matchAll(/<option\b[^>]*\bvalue="([^"]+)"/g)][0]?.[1];
    if (select[1] !== undefined && value !== undefined) choices[select[1]] ??= value;
  }
  for (const input of html.matchAll(/<input\b([^>]*)>/g)) {
    const attributes = input[1] ?? '';
    const type = /\btype="([^"]*)"/.exec(attributes)?.[1];
    const name = /\bname="([^"]*)"/.exec(attributes)?.[1];
    const value = /\bvalue="([^"]*)"/.exec(attributes)?.[1];
    if (name === undefined || value === undefined || !['radio', 'checkbox', 'hidden'].includes(type ?? ''))
      continue;
    choices[name] ??= value.replaceAll('&amp;', '&');
  }
  return choices;
}

interface Who {
  role: string;
  browser: TestBrowser;
  csrfToken: string;
  /** The pages this role opens first, whatever the crawl's limits: the cases whose states show their forms. */
  seeds: string[];
}

/** The forms of a page at `pageUrl`: action, method, enctype and the names of their controls. */
function formsOf(html: string, pageUrl: string, who: Who): PageForm[] {
  const forms: PageForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attributes = match[1] ?? '';
    const written = /\baction="([^"]*)"/.exec(attributes)?.[1]?.replaceAll('&amp;', '&') ?? '';
    const resolved = new URL(written === '' ? pageUrl : written, `http://localhost${pageUrl}`);
    const action = `${resolved.pathname}${resolved.search}`;
    const method = (/\bmethod="([^"]*)"/.exec(attributes)?.[1] ?? 'get').toLowerCase();
    const isMultipart = /multipart\/form-data/.test(attributes);
    const fields = new Set<string>();
    for (const control of (match[2] ?? '').matchAll(/<(input|textarea|select)\b([^>]*)>/g)) {
      const name = /\bname="([^"]*)"/.exec(control[2] ?? '')?.[1];
      const type = /\btype="([^"]*)"/.exec(control[2] ?? '')?.[1];
      if (name === undefined || name === '_csrf' || type === 'file' || type === 'submit') continue;
      fields.add(name.replaceAll('&amp;', '&'));
    }
    forms.push({
      action,
      method,
      isMultipart,
      fields: [...fields],
      who,
      choices: firstChoices(match[2] ?? ''),
    });
  }
  return forms;
}

const patternOf = (route: string) =>
  new RegExp(`^${route.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z0-9_]+/g, '[^/?#]+')}$`);

/**
 * Percent-encodes text for a URL or a form; half a surrogate pair has no UTF-8, so it is sent as the bytes a
 * broken client would send (CESU-8, `%ED%A0%80`).
 */
function encodeText(value: string): string {
  if (value.isWellFormed()) return encodeURIComponent(value);
  return value
    .split(/([\ud800-\udfff])/)
    .map((part) => (/^[\ud800-\udfff]$/.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
}

function formBody(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeText(value)}`)
    .join('&');
}

const counts = new Map<number, number>();
const failures: string[] = [];
let requests = 0;
let ownPages = 0;
let repeatedFields = 0;
let twinRequestsSaved = 0;

const perRoute = new Map<string, number>();
function check(what: string, response: Answer): void {
  requests += 1;
  const routeKey = what.split(' ').slice(0, 2).join(' ');
  perRoute.set(routeKey, (perRoute.get(routeKey) ?? 0) + 1);
  counts.set(response.statusCode, (counts.get(response.statusCode) ?? 0) + 1);
  const status = response.statusCode;
  if (status >= 500) {
    failures.push(`${what} → ${status}`);
    return;
  }
  if (status < 400) return;
  const type = String(response.headers['content-type'] ?? '');
  const requestId = String(response.headers['x-request-id'] ?? '');
  const isAppShape = (body: Record<string, unknown>) =>
    typeof body.code === 'string' &&
    typeof body.message === 'string' &&
    Array.isArray(body.errors) &&
    body.requestId === requestId;
  if (what.includes(' /payment/callback ') && type.startsWith('application/json')) {
    // The payment provider's callback answers in the provider's protocol: { outcome }.
    const body = response.json() as { outcome?: unknown };
    if (typeof body.outcome !== 'string')
      failures.push(`${what} → ${status} without the callback's shape: ${response.body.slice(0, 200)}`);
  } else if (what.includes(' /open311/') && type.startsWith('application/json')) {
    // Open311 GeoReport v2 prescribes its own error list ([{ code, description }]) for its answers; the
    // platform's refusals before the route (input check, router) keep the app's shape. Each error has its own
    // code (a filed request with an unknown service_code and a bad e-mail: 404 and 400); the answer's status
    // is one of them.
    const body = response.json() as unknown;
    const isOpen311 =
      Array.isArray(body) &&
      body.length > 0 &&
      body.every(
        (item: { code?: unknown; description?: unknown }) =>
          typeof item.code === 'number' &&
          item.code >= 400 &&
          item.code < 500 &&
          typeof item.description === 'string',
      ) &&
      body.some((item: { code?: unknown }) => item.code === status);
    if (!isOpen311 && !isAppShape(body as Record<string, unknown>))
      failures.push(`${what} → ${status} without an error shape: ${response.body.slice(0, 200)}`);
  } else if (type.startsWith('application/json')) {
    if (!isAppShape(response.json() as Record<string, unknown>))
      failures.push(`${what} → ${status} without the JSON error shape: ${response.body.slice(0, 200)}`);
  } else if (
    type.startsWith('text/html') ||
    type.startsWith('application/xml') ||
    type.startsWith('text/xml')
  ) {
    // The error page (its identifier ends in error-<status>), a form again with its error summary, or a
    // page of the module's own that says what happened (a link that expired: main and a heading).
    const isErrorPage =
      response.body.includes(`-error-${status}"`) || response.body.includes('govuk-error-summary');
    const isOwnPage = /<main\b/.test(response.body) && /<h1\b/.test(response.body);
    const isXml = type.includes('xml') && what.includes(' /open311/');
    if (!isErrorPage && (isOwnPage || isXml)) ownPages += 1;
    else if (!isErrorPage) failures.push(`${what} → ${status} without the error page or summary`);
  } else {
    failures.push(`${what} → ${status} as ${type}`);
  }
}

let admin: Who;
let supervisor: Who;
let clerk: Who;
let handler: Who;
/** The other roles: each has pages and forms of its own (petitions, the portal's content, unit work plans). */
let otherRoles: Who[] = [];
let visitor: Who;
/** A citizen signed in to "My cases" (an e-mail link): the account's forms (continue a draft, sign out). */
let citizen: Who;
let caseNumber = '';
let lookupCode = '';
let draftUrl = '';
let open311Key = '';

/**
 * What the run goes on using: the members it signs in as and its Open311 key. A form about one of them (reset
 * a member's second factor, deactivate them, revoke the key) is not sent, or what comes after would be
 * refused for that reason; the same form about another member or key is.
 */
const inUse = new Set<string>();

/**
 * Pages whose forms no crawl reaches: what a POST answers (a file's preview before it is loaded), or a page of
 * someone between two steps (the code step of a sign-in with two-factor), with whoever got them.
 */
const answeredPages: { url: string; body: string; who: Who }[] = [];
const members = new Map<string, Awaited<ReturnType<typeof aSignedInMember>>['member']>();

async function signInAs(role: StaffRole): Promise<Who> {
  const browser = await aSignedInMember(subject, { role });
  const session = JSON.parse((await browser.get('/api/staff/session')).body) as { csrfToken: string };
  inUse.add(browser.member.id);
  members.set(role, browser.member);
  return { role, browser, csrfToken: session.csrfToken, seeds: [] };
}

before(async () => {
  admin = await signInAs('admin');
  supervisor = await signInAs('supervisor');
  clerk = await signInAs('counter_clerk');
  handler = await signInAs('handler');
  otherRoles = [
    await signInAs('secretariat'),
    await signInAs('web_editor'),
    await signInAs('unit_editor'),
    await signInAs('unit_head'),
  ];
  // A citizen: no session, the anonymous CSRF cookie a form page gives.
  const browser = new TestBrowser(subject.app);
  const page = await browser.get('/staff/sign-in');
  visitor = { role: 'visitor', browser, csrfToken: csrfTokenIn(page.body), seeds: [] };
  const opener = await aStaffMember(subject.database.db, { role: 'counter_clerk' });
  const clerkApi: StaffApi = await staffApi(subject.app, opener, subject.clock);
  const opened = await clerkApi.post('/api/staff/cases', sidewalkPetition());
  ({ caseNumber, lookupCode } = opened.json() as { caseNumber: string; lookupCode: string });
  await casesInEveryState(opener);
  await fieldReportsForTheCrew();
  await controlRecords();
  await portalAndSecretariatRecords();
  const created = await createApiKey(subject.database.db, {
    name: 'fuzz',
    rate: '10000',
    createdByStaffId: null,
    actor: cliActor,
    now: subject.clock.now(),
    lang: 'en',
  });
  open311Key = created.key;
  inUse.add(created.row.id);
  // An online application begun as a citizen begins one: its pages (applicant, contact, answers, documents,
  // check) are the visitor's to crawl.
  const started = await browser.post('/apply/road-maintenance-petition', { _csrf: visitor.csrfToken });
  assert.equal(started.statusCode, 303, 'an application draft is started');
  draftUrl = String(started.headers.location);
  // Two drafts further on, whose pages the first reaches only once answered: at the code sent to the
  // contact address (send it again), and at the documents (the upload).
  const atCode = anApplicant(subject);
  await atCode.start('road-maintenance-petition');
  await atCode.giveContact();
  const atDocuments = await anApplicantAtDocuments(subject);
  visitor.seeds.push(atCode.step('code'), atDocuments.step('documents'));
  // The citizen account: a sign-in link as its e-mail carries it (the visitor opens it: its button's form),
  // and a citizen signed in with the address of the draft at its documents (its "continue" on "My cases").
  visitor.seeds.push(await aSignInLink(subject, anEmail()));
  const { contact } = await atDocuments.draft();
  assert.ok(contact, 'the draft at its documents has its proven address');
  const signedIn = await aSignedInCitizen(subject, contact);
  const account = await signedIn.get('/account');
  assert.match(account.body, /\/account\/drafts\/[^/"]+\/continue/, 'the account lists the draft');
  citizen = { role: 'citizen', browser: signedIn, csrfToken: csrfTokenIn(account.body), seeds: [] };
});

/**
 * Cases of the road maintenance office (the fuzz's handler and supervisor's unit) in the states whose forms
 * only they show: in progress (resolve, supplement, extension), an extension waiting for the supervisor,
 * awaiting a supplement, closed (the applicant's reopening and satisfaction), an application awaiting its fee
 * (paying at the counter and online). Each one's staff page is a seed of the handler and the supervisor, its
 * /track page (number and code, as the receipt's link) one of the visitor.
 */
async function casesInEveryState(opener: Parameters<typeof caseActorOf>[0]): Promise<void> {
  const handlerMember = members.get('handler');
  const supervisorMember = members.get('supervisor');
  assert.ok(handlerMember && supervisorMember);
  const byHandler = caseActorOf(handlerMember);
  const context = () => testCasesContext(subject);
  const move = (row: CaseRow, event: Parameters<typeof moveCase>[2], input = {}) =>
    moveCase(subject, row, event, input, byHandler);
  const anOpenCase = () => openCase(context(), sidewalkPetition(), caseActorOf(opener));
  const inProgress = async () => move(await move(await anOpenCase(), 'accept'), 'start');

  const working = await inProgress();
  const extended = await inProgress();
  await requestExtension(
    context(),
    { caseId: extended.id, expectedVersion: extended.version, amount: 3, reason: '等待材料到貨。' },
    byHandler,
  );
  const supplementAsked = await move(await move(await anOpenCase(), 'accept'), 'request_supplement', {
    reason: '請補附現場照片。',
  });
  const closed = await move(await move(await inProgress(), 'resolve', { resolution: '已修復。' }), 'close');
  const application = await asApplicationWithFee(subject.database.db, (await anOpenCase()).id);
  const owing = await move(await move(application, 'accept'), 'request_payment');
  // Paying it online: /track's "pay", then "go to the provider" (POSTs) lead to the provider's page.
  const press = async (pageUrl: string, body: string, action: string) => {
    const form = formsOf(body, pageUrl, visitor).find((each) => each.action.split('?')[0] === action);
    assert.ok(form, `${pageUrl} has a form posting to ${action}`);
    return visitor.browser.post(form.action, form.choices);
  };
  const tracked = `/track?case=${owing.caseNumber}&code=${owing.lookupCode}`;
  const payPage = await press(tracked, (await visitor.browser.get(tracked)).body, '/track/payment');
  const toProvider = await press('/track/payment', payPage.body, '/track/payment/start');
  const provider = new URL(String(toProvider.headers.location), 'http://localhost');
  visitor.seeds.push(`${provider.pathname}${provider.search}`);
  const anAcceptedApplication = async () =>
    move(await asApplicationWithFee(subject.database.db, (await anOpenCase()).id), 'accept');
  // An application accepted and not yet asked for its fee: its deficiency notice (補正通知) is issued here.
  const accepted = await anAcceptedApplication();

  // An application whose one-time deficiency notice (補正通知) was issued: the applicant's supplement form
  // on /track, the counter's on the staff page.
  const noticed = await anAcceptedApplication();
  const notice: Record<string, string> = { 'other.1': '土地使用同意書', supplementBy: '2026-03-20' };
  const issue = async (row: CaseRow, posted: Record<string, string>) => {
    const [current] = await subject.database.db.select().from(cases).where(eq(cases.id, row.id));
    assert.ok(current);
    const options = {
      caseId: row.id,
      expectedVersion: current.version,
      posted: (name: string) => posted[name] ?? '',
    };
    return issueNotice(context(), options, byHandler);
  };
  await issue(noticed, notice);

  // One whose first notice was answered at the counter (the papers brought in) and whose second, the
  // handler's, waits for a supervisor of the unit: the supervisor's decision on the notice's page.
  const renoticed = await anAcceptedApplication();
  const first = await issue(renoticed, notice);
  const [firstNotice] = await subject.database.db
    .select()
    .from(deficiencyNotices)
    .where(eq(deficiencyNotices.id, first.noticeId));
  const [waiting] = await subject.database.db.select().from(cases).where(eq(cases.id, renoticed.id));
  assert.ok(firstNotice && waiting);
  const broughtIn = firstNotice.items.map((item) => [supplementInputName('brought', item.key), 'yes']);
  await supplementNotice(
    context(),
    {
      caseId: renoticed.id,
      expectedVersion: waiting.version,
      via: 'counter',
      fields: Object.fromEntries(broughtIn),
      files: [],
      knownProblems: [],
    },
    caseActorOf(opener),
  );
  const second = await issue(renoticed, { ...notice, approvalReason: '第一次漏列土地使用同意書之附圖。' });
  assert.equal(second.kind, 'drafted', "the handler's second notice waits for the supervisor");
  supervisor.seeds.push(`/staff/cases/${renoticed.caseNumber}/deficiency/${second.noticeId}`);

  // An application paid at the counter and then rejected: its refund (staff) and its receipt (/track).
  const toPay = await move(await anAcceptedApplication(), 'request_payment');
  await recordCounterPayment(context(), caseActorOf(opener), {
    caseId: toPay.id,
    version: toPay.version,
    method: 'cash',
    receiptNumber: 'FUZZ-0001',
  });
  const [paid] = await subject.database.db.select().from(cases).where(eq(cases.id, toPay.id));
  assert.ok(paid);
  const refundDue = await move(paid, 'reject', { reason: '不符申請資格。' });
  clerk.seeds.push(`/staff/cases/${refundDue.caseNumber}/payment`);

  // A number someone guessed ten wrong codes for: guarded, its refusal offers to e-mail the link instead.
  const guessed = `/track?case=${(await anOpenCase()).caseNumber}&code=ZZZZZZZZ`;
  for (let attempt = 0; attempt < 10; attempt += 1) await visitor.browser.get(guessed);
  visitor.seeds.push(guessed);

  for (const row of [working, extended, supplementAsked, closed, owing, accepted, noticed, refundDue]) {
    for (const who of [handler, supervisor, clerk]) who.seeds.push(`/staff/cases/${row.caseNumber}`);
    visitor.seeds.push(`/track?case=${row.caseNumber}&code=${row.lookupCode}`);
  }
  // A petition registered at the secretariat (人民陳情), as its staff form does.
  const secretariat = otherRoles[0];
  assert.ok(secretariat?.role === 'secretariat');
  await secretariat.browser.get('/staff/petitions/new');
  const registered = await secretariat.browser.postMultipart(
    '/staff/petitions/new',
    multipartForm(
      {
        source: 'letter',
        typeCode: 'director-mailbox',
        subject: '中正路人行道破損',
        text: '中正三路 40 號前的人行道地磚破損，已經好幾個月都沒有修。',
        place: '中正三路 40 號',
        districtCode: '64000080',
        name: '林小明',
        email: 'fuzz.petitioner@example.tw',
        phone: '',
        address: '',
      },
      [{ field: 'scan', name: '陳情書.pdf', type: 'application/pdf', content: samplePdf() }],
    ),
  );
  const petition = /\/staff\/petitions\/([0-9-]+)\?/.exec(String(registered.headers.location ?? ''))?.[1];
  assert.ok(petition, `a petition is registered (${registered.statusCode})`);
  // Accepted by a supervisor of its unit: its answer form shows beside the decline and the transfer.
  const [registeredRow] = await subject.database.db
    .select()
    .from(cases)
    .where(eq(cases.caseNumber, petition));
  assert.ok(registeredRow);
  const petitionSupervisor = await aStaffMember(subject.database.db, {
    role: 'supervisor',
    unitCode: registeredRow.unitCode,
  });
  await moveCase(subject, registeredRow, 'accept', {}, caseActorOf(petitionSupervisor));
  for (const who of [secretariat, supervisor, handler]) who.seeds.push(`/staff/petitions/${petition}`);
  // Its /track page lists the scanned letter (the applicant's download of an attachment).
  visitor.seeds.push(`/track?case=${petition}&code=${registeredRow.lookupCode}`);
  // One sent to the director's mailbox, waiting for the code sent to its address (its confirmation page).
  const mailed = await visitor.browser.post('/mailbox', {
    _csrf: visitor.csrfToken,
    typeCode: 'director-mailbox',
    subject: '博愛路路燈不亮',
    text: '博愛二路的路燈已經一週沒有亮了。',
    name: '李小華',
    email: 'fuzz.mailbox@example.tw',
  });
  assert.equal(mailed.statusCode, 303, 'a mailbox petition waits for its code');
  visitor.seeds.push(String(mailed.headers.location));
  // Members the fuzz does not sign in as: the administration's forms about a member (role, deactivate, second
  // factor, reactivate) are sent about them; an invitation waiting (resend, revoke); a key to revoke.
  const withSecondFactor = await aStaffMember(subject.database.db, { role: 'handler', withTotp: true });
  const deactivated = await aStaffMember(subject.database.db, { role: 'handler' });
  await subject.database.db.update(staff).set({ isActive: false }).where(eq(staff.id, deactivated.id));
  // Someone with two-factor past the password step: the code step's form, posted from their browser.
  const signingIn = await afterPasswordStep(
    subject.app,
    await aStaffMember(subject.database.db, { role: 'handler', withTotp: true }),
  );
  const codeStep = await signingIn.get('/staff/sign-in/verify');
  const partway = {
    role: 'signing in',
    browser: signingIn,
    csrfToken: csrfTokenIn(codeStep.body),
    seeds: [],
  };
  answeredPages.push({ url: '/staff/sign-in/verify', body: codeStep.body, who: partway });
  // One locked out by wrong passwords (release the lockout).
  const lockedOut = await aStaffMember(subject.database.db, { role: 'handler' });
  const now = subject.clock.now();
  await subject.database.db.insert(signInFailures).values({
    emailHash: signInFailureKey(lockedOut.email),
    failureCount: 10,
    lastFailedAt: now,
    lockedUntil: new Date(now.getTime() + 3_600_000),
  });
  for (const member of [opener, withSecondFactor, deactivated, lockedOut])
    admin.seeds.push(`/staff/admin/staff/${member.id}`);
  await admin.browser.get('/staff/admin/staff/invite');
  const invited = await admin.browser.post('/staff/admin/staff/invite', {
    _csrf: admin.csrfToken,
    email: 'fuzz.invited@example.tw',
    displayName: '受邀同仁',
    role: 'handler',
    unitCode: 'road-maintenance',
  });
  assert.equal(invited.statusCode, 303, 'an invitation is sent');
  // Its link, as the invitee reads it in the e-mail (the delivery holds what is sent): the invitee's page.
  const [invitation] = await subject.database.db
    .select({ text: notificationDeliveries.bodyText })
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.recipient, 'fuzz.invited@example.tw'));
  const invitationLink = /\/staff\/invitation\/[A-Za-z0-9_-]{43}/.exec(invitation?.text ?? '')?.[0];
  assert.ok(invitationLink, 'the invitation e-mail has its link');
  visitor.seeds.push(invitationLink);
  admin.seeds.push('/staff/admin/staff');
  // A theme classification file previewed (its confirmation), the scheme as kept and one code more.
  const themes = await subject.database.db.select().from(themeClassifications);
  const file = JSON.stringify([...themes, { code: 'FUZZ-1', nameZh: '測試分類', parentCode: null }]);
  const preview = await admin.browser.postMultipart(
    '/staff/admin/classifications/load',
    multipartForm({ _csrf: admin.csrfToken, scheme: 'theme' }, [
      { field: 'file', name: 'theme.json', type: 'application/json', content: Buffer.from(file) },
    ]),
  );
  assert.equal(preview.statusCode, 200, 'a classification file is previewed');
  answeredPages.push({ url: '/staff/admin/classifications/load', body: preview.body, who: admin });
  await createApiKey(subject.database.db, {
    name: 'fuzz-other',
    rate: '60',
    createdByStaffId: null,
    actor: cliActor,
    now: subject.clock.now(),
    lang: 'en',
  });
}

/**
 * Field reports of the road maintenance office (the fuzz's handler's crew, 查報): one to take, one dispatched
 * to the handler (the "fixed" form, the photos' "hide"), one fixed (the reporter's "not fixed").
 */
async function fieldReportsForTheCrew(): Promise<void> {
  const handlerMember = members.get('handler');
  assert.ok(handlerMember);
  const crew = caseActorOf(handlerMember);
  const cityHall = { lat: 22.6203, lon: 120.312 };
  const [toTake, dispatched, fixed] = [
    await submitPotholeWithPhoto(subject, cityHall),
    await moveCase(subject, await submitPotholeWithPhoto(subject, cityHall), 'dispatch', {}, crew),
    await moveCase(subject, await submitPotholeWithPhoto(subject, cityHall), 'dispatch', {}, crew),
  ];
  const afterPhoto = await subject.files.put(await noisyJpeg(320, 240));
  await markReportFixed(testCasesContext(subject), subject.files, crew, {
    caseId: fixed.id,
    version: fixed.version,
    resolution: '已修補。',
    photos: [{ ...afterPhoto, mediaType: 'image/jpeg', fileName: 'after.jpg' }],
  });
  assert.ok(toTake && dispatched);
  handler.seeds.push(
    '/staff/crew',
    `/staff/crew/${dispatched.caseNumber}/fixed`,
    `/staff/crew/${dispatched.caseNumber}/photos`,
  );
  visitor.seeds.push(`/reports/${fixed.caseNumber}/not-fixed?code=${fixed.lookupCode}`);
}

/**
 * 管制考核 (control) records of the road maintenance office, the unit of the fuzz's unit editor and head: a
 * phone test with a corrective action and a follow-up with an evidence file (the secretariat's edit and
 * close, the unit's follow-ups and evidence removal); a self-assessment drafted (the head's confirm); the
 * unit's work plan for 2012 (the year of the bureau's plan the seed loads) as a draft with a method (its rows,
 * submit); a progress entry with a file (its practice's form, the evidence removal, the overview's settings);
 * the 2012 plan copied to 2027, published (the unit starts that year's work plan), and to 2028, a draft
 * (publish).
 */
async function controlRecords(): Promise<void> {
  const [secretariat, , editor, head] = otherRoles;
  assert.ok(secretariat && editor?.role === 'unit_editor' && head?.role === 'unit_head');
  const db = subject.database.db;
  const recorded = await secretariat.browser.post('/staff/checks/new', {
    _csrf: secretariat.csrfToken,
    ...phoneTest,
  });
  const checkId = checkIdOf(recorded.headers.location);
  const action = (await getCheck(db, checkId, '2026-03-02'))?.actions[0];
  assert.ok(action, 'the check has a corrective action');
  const followedUp = await editor.browser.postMultipart(
    `/staff/checks/${checkId}/actions/${action.id}/follow-ups`,
    multipartForm({ _csrf: editor.csrfToken, entryDate: '115/3/2', note: '已改善' }, [
      { field: 'evidence', name: '簽到表.pdf', type: 'application/pdf', content: samplePdf() },
    ]),
  );
  assert.equal(followedUp.statusCode, 303, 'a follow-up with evidence is recorded');
  const drafted = await editor.browser.post('/staff/unit-checks/new', {
    _csrf: editor.csrfToken,
    ...phoneTest,
    ...withoutActions,
    kind: 'counter_visit',
  });
  const draftId = checkIdOf(drafted.headers.location);
  for (const who of [secretariat, editor, head]) who.seeds.push(`/staff/checks/${checkId}`);
  head.seeds.push(`/staff/checks/${draftId}`);

  const unit = 'road-maintenance';
  const practice = (await carriedPractices(db, 2012, unit))?.carried[0];
  assert.ok(practice, `the 2012 plan gives ${unit} a practice`);
  const started = await editor.browser.post('/staff/work-plans/2012', { _csrf: editor.csrfToken });
  assert.equal(started.statusCode, 303, 'the work plan is started');
  const row = await editor.browser.post(`/staff/work-plans/2012/${unit}/rows/new`, {
    _csrf: editor.csrfToken,
    version: '1',
    itemText: '一、提升服務品質，深化服務績效',
    focusText: '縮短處理時間',
    methodText: '坑洞通報後 24 小時內修補',
    remarks: '',
    practiceIds: practice.id,
    'target-1-indicator': '24 小時內修補率',
    'target-1-unitOfMeasure': '%',
    'target-1-baseline': '85',
    'target-1-target': '95',
    'target-1-measurement': '每月統計',
  });
  assert.equal(row.statusCode, 303, 'a method is added to the work plan');
  for (const who of [editor, head, secretariat]) who.seeds.push(`/staff/work-plans/2012/${unit}`);

  const practicePage = `/staff/progress/2012/${unit}/2012-03/practices/${practice.id}`;
  const entered = await editor.browser.postMultipart(
    `/staff/progress/2012/${unit}/2012-03/entries`,
    multipartForm(
      { _csrf: editor.csrfToken, practiceId: practice.id, status: 'done', narrative: '已完成。' },
      [{ field: 'evidence', name: '現場照片.png', type: 'image/png', content: samplePng() }],
    ),
    { accept: 'text/html' },
  );
  assert.equal(entered.statusCode, 303, 'a progress entry is recorded');
  editor.seeds.push(practicePage);
  secretariat.seeds.push('/staff/progress/2012');

  for (const toYear of ['2027', '2028']) {
    const copied = await secretariat.browser.post('/staff/plans/copy', {
      _csrf: secretariat.csrfToken,
      fromYear: '2012',
      toYear,
    });
    assert.equal(copied.statusCode, 303, `the 2012 plan is copied to a draft for ${toYear}`);
  }
  const published = await secretariat.browser.post('/staff/plans/2027/publish', {
    _csrf: secretariat.csrfToken,
  });
  assert.equal(published.statusCode, 303, 'the 2027 plan is published');
  secretariat.seeds.push('/staff/plans/2028');
  editor.seeds.push('/staff/work-plans?year=2027');
}

/**
 * The portal's and the secretariat's records: content items of another web editor's — a draft with a file
 * (submit, the file's change and removal) and one sent for review (the fuzz's editor reviews it); an FAQ draft
 * (publish), a published entry's page (withdraw) and a handler's proposal (dismiss); a media item asked of
 * the road maintenance office (its fact-check, the secretariat's clarification); an officer designated (end);
 * a notification's wording saved (restore).
 */
async function portalAndSecretariatRecords(): Promise<void> {
  const [secretariat, webEditor] = otherRoles;
  assert.ok(secretariat && webEditor?.role === 'web_editor');
  const writer = await aSignedInMember(subject, { role: 'web_editor' });
  const newItem = async (titleZh: string) => {
    const created = await writer.submit('/staff/content/new', '/staff/content/new', {
      kind: 'announcement',
      unitCode: 'road-maintenance',
      titleZh,
    });
    const number = /\/staff\/content\/(\d+)\/edit/.exec(String(created.headers.location))?.[1];
    assert.ok(number, `a content item is created (${created.statusCode})`);
    return number;
  };
  const drafted = await newItem('中正路坑洞修補公告');
  await writer.get(`/staff/content/${drafted}/files`);
  const uploaded = await writer.postMultipart(
    `/staff/content/${drafted}/files`,
    multipartForm({ titleZh: '施工路段圖', titleEn: '', role: 'file', sortOrder: '1' }, [
      { field: 'file', name: 'works.pdf', type: 'application/pdf', content: samplePdf() },
    ]),
  );
  assert.equal(uploaded.statusCode, 303, 'a file is attached to the draft');
  const inReview = await newItem('博愛路人行道改善公告');
  const sent = await writer.submit(`/staff/content/${inReview}`, `/staff/content/${inReview}/submit`, {});
  assert.equal(sent.statusCode, 303, 'a content item is sent for review');
  webEditor.seeds.push(
    `/staff/content/${drafted}`,
    `/staff/content/${drafted}/files`,
    `/staff/content/${inReview}/review`,
  );

  const entry = await webEditor.browser.post('/staff/faq/new', {
    _csrf: webEditor.csrfToken,
    questionZh: '路燈不亮要找誰？',
    answerZh: '請撥 1999 或上網通報。',
    unitCode: 'road-maintenance',
  });
  assert.equal(entry.statusCode, 303, 'an FAQ entry is drafted');
  const proposed = await handler.browser.post(`/staff/cases/${caseNumber}/faq-proposal`, {
    _csrf: handler.csrfToken,
    question: '人行道地磚鬆動要找誰修？',
    answer: '請向養護工程處通報。',
    confirm: 'yes',
  });
  assert.equal(proposed.statusCode, 303, 'an answer is proposed as FAQ');
  // A published entry's page too (withdraw): the seed above takes one of the two pages a route gets.
  const [published] = await subject.database.db
    .select({ number: faqEntries.number })
    .from(faqEntries)
    .where(eq(faqEntries.state, 'published'))
    .limit(1);
  assert.ok(published, 'the FAQ seed has a published entry');
  webEditor.seeds.push(
    String(entry.headers.location),
    `/staff/faq/${published.number}/edit`,
    '/staff/faq/proposals',
  );

  const mediaForm = await secretariat.browser.get('/staff/media/new');
  const recorded = await secretariat.browser.post('/staff/media/new', {
    _csrf: secretariat.csrfToken,
    _once: /name="_once" value="([^"]+)"/.exec(mediaForm.body)?.[1] ?? '',
    title: '苓雅區人行道破損 行人絆倒',
    outlet: '自由時報',
    publishedOn: '115/3/1',
    summary: '民眾投訴人行道破損。',
    tone: 'negative',
    unitCodes: 'road-maintenance',
    factCheckUnit: 'road-maintenance',
    factCheckHours: '24',
  });
  const mediaItem = /^\/staff\/media\/([0-9a-f-]{36})\?/.exec(String(recorded.headers.location))?.[1];
  assert.ok(mediaItem, `a media item is recorded (${recorded.statusCode})`);
  for (const who of [secretariat, handler]) who.seeds.push(`/staff/media/${mediaItem}`);

  const officer = await aStaffMember(subject.database.db, { role: 'supervisor', unitCode: 'parks' });
  const designated = await admin.browser.post('/staff/petitions/officers', {
    _csrf: admin.csrfToken,
    email: officer.email,
  });
  assert.equal(designated.statusCode, 303, 'an officer is designated');
  admin.seeds.push('/staff/petitions/officers');
  // The built-in wording saved as the topic's first version: "back to the built-in wording" is offered.
  const wording = Object.fromEntries(
    (['zh-TW', 'en'] as const).flatMap((lang) => {
      const texts = builtInAsTemplate(caseTopics.received, lang);
      const suffix = lang === 'en' ? 'En' : 'Zh';
      return [
        [`subject${suffix}`, texts.subject],
        [`text${suffix}`, texts.text],
        [`sms${suffix}`, texts.sms],
      ];
    }),
  );
  const saved = await admin.browser.post('/staff/notification-templates/case.received', {
    _csrf: admin.csrfToken,
    ...wording,
    note: '',
    previewCase: '',
    baseVersion: '0',
    intent: 'save',
  });
  assert.equal(saved.statusCode, 303, 'a notification wording is saved');
}

/** A real value for each parameter the demo data can give, else something of the right shape. */
function paramValue(name: string): string {
  if (name === 'caseNumber' || name === 'number') return caseNumber;
  if (name === 'code') return 'road-maintenance-petition';
  if (name === 'year') return '2026';
  if (/id$/i.test(name)) return '00000000-0000-4000-8000-000000000000';
  return 'x';
}

/**
 * Parameter values read off the links the crawl saw, by the route's first two segments and the parameter's
 * name (`/staff/plans year` → the plan's year, `/staff/content number` → an item's number): a route is then
 * reached with an entity that exists. Never one the run goes on using (inUse).
 */
const learnedParams = new Map<string, string>();
const areaOf = (path: string) => path.split('/').slice(0, 3).join('/');

function learnParams(links: Iterable<string>, routePaths: readonly string[]): void {
  const patterns = routePaths
    .filter((path) => path.includes(':'))
    .map((path) => ({
      path,
      pattern: new RegExp(
        `^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([A-Za-z0-9_]+)/g, '(?<$1>[^/?#]+)')}$`,
      ),
    }));
  for (const link of links) {
    const linkPath = link.split('?')[0] ?? '';
    for (const { path, pattern } of patterns) {
      const groups = pattern.exec(linkPath)?.groups;
      if (groups === undefined) continue;
      for (const [name, raw] of Object.entries(groups)) {
        let value: string;
        try {
          value = decodeURIComponent(raw);
        } catch {
          continue;
        }
        if (inUse.has(value) || value === 'new') continue;
        if (!learnedParams.has(`${areaOf(path)} ${name}`))
          learnedParams.set(`${areaOf(path)} ${name}`, value);
      }
    }
  }
}

const fill = (path: string, values: Record<string, string> = {}) =>
  path.replace(/:([A-Za-z0-9_]+)/g, (_all, name: string) =>
    encodeText(values[name] ?? learnedParams.get(`${areaOf(path)} ${name}`) ?? paramValue(name)),
  );

/** Staff addresses: anonymous visitors are sent to sign in (tested elsewhere); the fuzz sends them as staff. */
const isStaffPath = (path: string) => /^(\/en)?\/(staff|api\/staff)(\/|$)/.test(path);

/** Routes whose success ends the session: sent anonymously only. */
const endsSession = (path: string) => /sign-out$/.test(path);

it('every route and field answers 2xx/3xx/4xx with the error shape, never 5xx', {
  timeout: 170_000,
}, async (t) => {
  const started = Date.now();
  const app = subject.app;
  const routes = routesOf(app.printRoutes({ commonPrefix: false })).filter(
    (route) => !route.path.includes('*') && !route.path.startsWith('/assets/'),
  );
  const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, OpenApiOperation>>;
  };
  const operationOf = (path: string, method: string): OpenApiOperation | undefined =>
    document.paths[path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]?.[method.toLowerCase()];
  const openApiRoutes = Object.keys(document.paths).map((path) => path.replace(/\{([^}]+)\}/g, ':$1'));
  for (const path of openApiRoutes)
    assert.ok(
      routes.some((route) => route.path === path),
      `${path} of the OpenAPI document is in the route table`,
    );

  // A citizen's request comes from an address of its own, as many citizens' would: the per-address limits
  // (30 look-ups a minute on /track) would otherwise answer 429 before the field under test is read.
  let citizens = 0;
  const send = async (what: string, options: InjectOptions, who: Who | null) => {
    const headers = { ...(options.headers ?? {}), ...(who ? { cookie: who.browser.cookieHeader() } : {}) };
    const address =
      who === null || who === visitor || who === citizen
        ? { remoteAddress: `10.13.${(citizens >> 8) & 255}.${citizens++ & 255}` }
        : {};
    const response = await app.inject({ ...options, ...address, headers });
    check(what, response);
    return response;
  };
  const staffSessionsHold = async () => {
    for (const who of [admin, supervisor, clerk, handler, ...otherRoles]) {
      const probe = await who.browser.get('/api/staff/session');
      assert.equal(probe.statusCode, 200, `the ${who.role}'s session still holds`);
    }
  };

  const administrationForms = [
    '/staff/admin/staff/invite',
    '/staff/admin/units/road-maintenance',
    '/staff/admin/calendar/day',
    '/staff/admin/calendar/load',
    '/staff/admin/routing/new',
    '/staff/admin/classifications/load',
    '/staff/notification-templates/case.received',
  ];
  // 1. The pages, crawled from the staff home (each role) and the public pages (a visitor): real addresses
  //    (a case's page, a service's counter form) and the forms on them; and the forms of the pages no GET
  //    opens (answeredPages).
  const forms: PageForm[] = answeredPages.flatMap((answered) =>
    formsOf(answered.body, answered.url, answered.who),
  );
  const seenUrls = new Set<string>();
  const linksSeen = new Set<string>();
  // Each address's route, found once: the crawl asks it of every queued address at every step.
  const patternsOfUrls = new Map<string, string>();
  let crawled = 0;
  const perPattern = new Map<string, number>();
  const getPatterns = routes
    .filter((route) => route.methods.includes('GET'))
    .map((route) => ({ route: route.path, pattern: patternOf(route.path) }));
  for (const who of [admin, supervisor, clerk, handler, ...otherRoles, visitor, citizen]) {
    const queue =
      who === citizen
        ? ['/account', '/en/account']
        : who === visitor
          ? // The case's page as its applicant opens it (the receipt's link): the applicant's forms.
            [
              '/',
              '/staff/sign-in',
              `/track?case=${caseNumber}&code=${lookupCode}`,
              draftUrl,
              '/report',
              '/apply',
              '/services',
            ]
          : who === admin
            ? // The administration forms first: the admin's home lists more pages than the crawl opens.
              [...administrationForms, '/staff', `/staff/cases/${caseNumber}`, '/staff/counter']
            : ['/staff', `/staff/cases/${caseNumber}`, '/staff/counter'];
    let opened = 0;
    const patternOfUrl = (url: string) => {
      let pattern = patternsOfUrls.get(url);
      if (pattern === undefined) {
        pattern =
          getPatterns.find((candidate) => candidate.pattern.test(url.split('?')[0] ?? ''))?.route ?? url;
        patternsOfUrls.set(url, pattern);
      }
      return pattern;
    };
    const seeds = [...who.seeds];
    const limit = 200 + who.seeds.length;
    while ((queue.length > 0 || seeds.length > 0) && opened < limit) {
      // The seeds first (opened whatever the limit per route); then a page of a route this role has not
      // opened yet (it may hold forms no page opened had).
      const seed = seeds.shift();
      const fresh = queue.findIndex((candidate) => !perPattern.has(`${who.role} ${patternOfUrl(candidate)}`));
      const url = seed ?? (queue.splice(fresh === -1 ? 0 : fresh, 1)[0] as string);
      const key = `${who.role} ${url}`;
      if (seenUrls.has(key)) continue;
      seenUrls.add(key);
      const pattern = patternOfUrl(url);
      const taken = perPattern.get(`${who.role} ${pattern}`) ?? 0;
      if (taken >= 2 && seed === undefined) continue;
      perPattern.set(`${who.role} ${pattern}`, taken + 1);
      opened += 1;
      crawled += 1;
      const page = await send(`GET ${url} (crawl)`, { method: 'GET', url }, who);
      if (!String(page.headers['content-type'] ?? '').startsWith('text/html')) continue;
      const pageForms = formsOf(page.body, url, who).filter(
        (form) => ![...inUse].some((id) => form.action.includes(id)),
      );
      forms.push(...pageForms);
      // A GET form (the counter's service picker, a list's filters) is sent with its first choices.
      for (const form of pageForms) {
        if (form.method !== 'get' || Object.keys(form.choices).length === 0) continue;
        const [path] = form.action.split('?');
        queue.push(`${path}?${new URLSearchParams(form.choices).toString()}`);
      }
      for (const link of page.body.matchAll(/href="(\/[^"#]*)"/g)) {
        const href = (link[1] ?? '').replaceAll('&amp;', '&');
        if (
          href.startsWith('/assets/') ||
          href.startsWith('//') ||
          /sign-out|\.(odt|pdf|png|jpe?g|geojson|atom|csv)(\?|$)/.test(href)
        )
          continue;
        linksSeen.add(href);
        if (!seenUrls.has(`${who.role} ${href}`)) queue.push(href);
      }
    }
  }

  learnParams(
    linksSeen,
    routes.map((route) => route.path),
  );

  // 1b'. Open311's POST is a protocol's form, not a page's: its parameters as GeoReport v2 names them, with a
  //      key of the app's, a category and a point in Kaohsiung as a client fills them.
  for (const action of ['/open311/v2/requests.json', '/open311/v2/requests.xml'])
    forms.push({
      action,
      method: 'post',
      isMultipart: false,
      who: visitor,
      fields: [
        'api_key',
        'service_code',
        'lat',
        'long',
        'address_string',
        'description',
        'email',
        'first_name',
        'last_name',
        'phone',
        'media_url',
        'attribute[size]',
      ],
      choices: { api_key: open311Key, service_code: 'pothole-report', lat: '22.6273', long: '120.3014' },
    });

  // 1c. A button (a form of hidden fields and choices only: /track's "pay the fee", "bring the documents")
  //     leads to a page no link reaches. One button of each route is pressed as its page filled it, and the
  //     forms of a 200 answer are kept (the fee page's "pay", the supplement's upload).
  const routeOfPost = (action: string) => {
    const path = action.split('?')[0] ?? '';
    return routes.find((route) => route.methods.includes('POST') && patternOf(route.path).test(path))?.path;
  };
  const pressed = new Set<string>();
  for (const form of [...forms]) {
    const route = routeOfPost(form.action);
    if (form.method !== 'post' || route === undefined || endsSession(route) || pressed.has(route)) continue;
    if (form.fields.length === 0 || form.fields.some((name) => !(name in form.choices))) continue;
    pressed.add(route);
    const fields = { _csrf: form.who.csrfToken, ...form.choices };
    const payload = form.isMultipart ? new FormData() : formBody(fields);
    if (payload instanceof FormData)
      for (const [key, value] of Object.entries(fields)) payload.append(key, value);
    const answer = await send(
      `POST ${route} (button)`,
      {
        method: 'POST',
        url: form.action,
        payload,
        ...(payload instanceof FormData
          ? {}
          : { headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      },
      form.who,
    );
    if (answer.statusCode === 200 && String(answer.headers['content-type'] ?? '').startsWith('text/html'))
      forms.push(
        ...formsOf(answer.body, form.action, form.who).filter(
          (found) => ![...inUse].some((id) => found.action.includes(id)),
        ),
      );
  }
  const crawlEnded = Date.now();
  // 1b. A POST route whose form no crawled page had, with a GET route at the same address (a form page: `new`,
  //     `edit`, an entry of a plan): that page, with the demo data's values for its parameters, opened by the
  //     first role it answers 200 to.
  const unsafeMethods = ['POST', 'PUT', 'PATCH', 'DELETE'];
  const postsFormFound = (path: string) => {
    const pattern = patternOf(path);
    return forms.some((form) => form.method === 'post' && pattern.test(form.action.split('?')[0] ?? ''));
  };
  for (const route of routes) {
    if (route.path.startsWith('/en/') || !route.methods.includes('GET')) continue;
    if (!unsafeMethods.some((method) => route.methods.includes(method)) || postsFormFound(route.path))
      continue;
    const url = fill(route.path);
    for (const who of isStaffPath(route.path)
      ? [admin, supervisor, clerk, handler, ...otherRoles]
      : [visitor]) {
      const page = await send(`GET ${url} (form page)`, { method: 'GET', url }, who);
      crawled += 1;
      if (page.statusCode !== 200 || !String(page.headers['content-type'] ?? '').startsWith('text/html'))
        continue;
      forms.push(...formsOf(page.body, url, who));
      break;
    }
  }

  const getsStarted = Date.now();
  // 2. GET routes: NUL in every path parameter and query field (anonymously and as staff), another payload.
  const getRoutes = routes.filter((route) => route.methods.includes('GET'));
  for (const route of getRoutes) {
    const names = paramNamesOf(route.path);
    for (const name of names) {
      const url = fill(route.path, { [name]: payloads.nul });
      if (!isStaffPath(route.path))
        await send(`GET ${route.path} params.${name}=NUL anonymous`, { method: 'GET', url }, null);
      await send(`GET ${route.path} params.${name}=NUL`, { method: 'GET', url }, admin);
    }
    if (names.length > 0) {
      const kind = anotherKind();
      const name = names[nextOther % names.length] as string;
      const value = String(payloadFor(kind, 'string'));
      await send(
        `GET ${route.path} params.${name}=${kind}`,
        { method: 'GET', url: fill(route.path, { [name]: value }) },
        admin,
      );
    }
    // Query fields: the API's from the OpenAPI document, a page's from its GET forms, and one nobody expects.
    const queryNames = new Set(['q']);
    for (const parameter of operationOf(route.path, 'GET')?.parameters ?? [])
      if (parameter.in === 'query') queryNames.add(parameter.name);
    const pattern = patternOf(route.path);
    for (const form of forms)
      if (form.method === 'get' && pattern.test(form.action.split('?')[0] ?? ''))
        for (const field of form.fields) queryNames.add(field);
    for (const name of queryNames) {
      const nul = `${fill(route.path)}?${encodeURIComponent(name)}=${encodeText(payloads.nul)}`;
      if (!isStaffPath(route.path))
        await send(`GET ${route.path} query.${name}=nul anonymous`, { method: 'GET', url: nul }, null);
      await send(`GET ${route.path} query.${name}=nul`, { method: 'GET', url: nul }, admin);
      const kind = anotherKind();
      const other = `${fill(route.path)}?${encodeURIComponent(name)}=${encodeText(String(payloadFor(kind, 'string')))}`;
      await send(`GET ${route.path} query.${name}=${kind}`, { method: 'GET', url: other }, admin);
    }
  }

  const postsStarted = Date.now();
  // 3. POST routes: a JSON body from the OpenAPI document, else the fields of the forms that post there
  //    (sent to the real address the form posts to, by whoever saw it).
  const withoutForm: string[] = [];
  const formsWithoutFields: string[] = [];
  const unsafe = ['POST', 'PUT', 'PATCH', 'DELETE'];
  const postRoutes = routes.filter((route) => unsafe.some((method) => route.methods.includes(method)));
  for (const route of postRoutes) {
    const method = (unsafe.find((each) => route.methods.includes(each)) ?? 'POST') as 'POST';
    const names = paramNamesOf(route.path);
    const isAnonymousOnly = endsSession(route.path);
    // An English address posts what its Chinese twin's form holds (the crawl reads the Chinese pages).
    const isEnglish = route.path.startsWith('/en/');
    const pattern = patternOf(isEnglish ? route.path.slice(3) : route.path);
    const matching = forms
      .filter((form) => form.method === 'post' && pattern.test(form.action.split('?')[0] ?? ''))
      .map((form) => (isEnglish ? { ...form, action: `/en${form.action}` } : form));
    const who = isAnonymousOnly ? null : (matching[0]?.who ?? admin);
    const headersOf = (contentType: string): Record<string, string> =>
      who === null
        ? { 'content-type': contentType }
        : { 'content-type': contentType, 'x-csrf-token': who.csrfToken };
    for (const name of names) {
      await send(
        `${method} ${route.path} params.${name}=NUL`,
        {
          method,
          url: fill(route.path, { [name]: payloads.nul }),
          headers: headersOf('application/json'),
          payload: '{}',
        },
        who,
      );
    }
    const schema = operationOf(route.path, method)?.requestBody?.content?.['application/json']?.schema;
    if (schema !== undefined) {
      const leaves: { path: string[]; type: string }[] = [];
      const base = sampleOf(schema, [], leaves);
      for (const leaf of leaves) {
        const field = `body.${leaf.path.join('.')}`;
        const kinds: PayloadKind[] = leaf.type === 'string' ? ['nul', anotherKind()] : ['swap'];
        for (const kind of kinds) {
          await send(
            `${method} ${route.path} ${field}=${kind}`,
            {
              method,
              url: fill(route.path),
              headers: headersOf('application/json'),
              payload: JSON.stringify(withValue(base, leaf.path, payloadFor(kind, leaf.type))),
            },
            who,
          );
        }
      }
      continue;
    }
    const fieldNames = [...new Set(matching.flatMap((form) => form.fields))];
    // A form with no field but its token (a button: publish, take, remove) gets a field "text" nobody expects.
    if (fieldNames.length === 0 && matching.length > 0) formsWithoutFields.push(route.path);
    if (fieldNames.length === 0) fieldNames.push('text');
    if (matching.length === 0) {
      withoutForm.push(route.path);
      // Its page was not reached: every field any form defines at once (the forms kit reads the ones its form
      // has and lists every problem), with NUL, then with another payload.
      for (const kind of ['nul', anotherKind()] as PayloadKind[]) {
        const every = Object.fromEntries(
          [...definedFormFields].map((name) => [
            name,
            String(payloadFor(kind === 'large' ? 'surrogate' : kind, 'string')),
          ]),
        );
        await send(
          `${method} ${route.path} body.<every form field>=${kind}`,
          {
            method,
            url: fill(route.path),
            headers: headersOf('application/x-www-form-urlencoded'),
            payload: formBody(who === null ? every : { _csrf: who.csrfToken, ...every }),
          },
          who,
        );
      }
    }
    const url = matching[0]?.action ?? fill(route.path);
    // As the form at that address is sent (a route's pattern may match another's form: `:step`, `documents`).
    const isMultipart = matching.some((form) => form.isMultipart && form.action === url);
    // Every field 'x', but the hidden fields, radios and selects as the page filled them (a case's number and
    // code on /track, a version): the field under test is then read past the form's own key.
    const base = {
      ...Object.fromEntries(fieldNames.map((name) => [name, 'x'])),
      ...(matching[0]?.choices ?? {}),
    };
    // A repeated row (the catalogue editor's `fields[3].label`, a plan's `targets.2.value`) is read by the same
    // code as its first: the payloads go to the first of each shape; every field is sent in the body.
    const shapes = new Set<string>();
    const payloadFields = fieldNames.filter((name) => {
      const shape = name.replace(/\d+/g, '#');
      if (shapes.has(shape)) return false;
      shapes.add(shape);
      return true;
    });
    repeatedFields += fieldNames.length - payloadFields.length;
    // An English address runs its Chinese twin's handler (forEachLanguage), whose fields got their payloads
    // one by one: here the typed fields get NUL all at once, then another payload all at once (the English
    // problem list), the hidden ones kept as the page filled them.
    const englishTwin = isEnglish && matching.length > 0;
    if (englishTwin) twinRequestsSaved += payloadFields.length * 2 - 2;
    const sends = englishTwin
      ? (['nul', anotherKind()] as PayloadKind[]).map((kind) => ({
          what: `${method} ${route.path} body.<every field>=${kind}`,
          fields: {
            ...base,
            ...Object.fromEntries(
              payloadFields
                .filter((name) => !(name in (matching[0]?.choices ?? {})))
                .map((name) => [name, String(payloadFor(kind === 'large' ? 'surrogate' : kind, 'string'))]),
            ),
          },
        }))
      : payloadFields.flatMap((name) =>
          (['nul', anotherKind()] as PayloadKind[]).map((kind) => ({
            what: `${method} ${route.path} body.${name}=${kind}`,
            fields: { ...base, [name]: String(payloadFor(kind, 'string')) },
          })),
        );
    for (const { what, fields } of sends) {
      if (isMultipart) {
        // As the page's form sends it: the CSRF token first (ADR 0004, issue 14), then the fields.
        const form = new FormData();
        if (who !== null) form.append('_csrf', who.csrfToken);
        for (const [key, value] of Object.entries(fields)) form.append(key, value);
        await send(what, { method, url, payload: form }, who);
      } else {
        await send(
          what,
          {
            method,
            url,
            headers: headersOf('application/x-www-form-urlencoded'),
            payload: formBody(who === null ? fields : { _csrf: who.csrfToken, ...fields }),
          },
          who,
        );
      }
    }
  }
  await staffSessionsHold();

  const ended = Date.now();
  const secondsOf = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
  const seconds = `${secondsOf(started, ended)} s (crawl ${secondsOf(started, crawlEnded)}, form pages ${secondsOf(crawlEnded, getsStarted)}, GET routes ${secondsOf(getsStarted, postsStarted)}, POST routes ${secondsOf(postsStarted, ended)})`;
  const byStatus = [...counts]
    .sort(([left], [right]) => left - right)
    .map(([status, count]) => `${status}: ${count}`);
  const summary = `${requests} requests over ${routes.length} routes (${getRoutes.length} GET, ${postRoutes.length} POST; ${forms.length} forms on ${crawled} crawled pages; ${formsWithoutFields.length} of them with a form of no field but its token (a button); ${withoutForm.length} POST routes without a form found, sent all ${definedFormFields.size} field names any form defines at once and a field "text") in ${seconds}; answers ${byStatus.join(', ')}; 4xx as a page of the module's own: ${ownPages}; fields of a repeated row sent as they are (the payloads went to the row's first): ${repeatedFields}; requests an English twin's form did not repeat (its fields at once): ${twinRequestsSaved}`;
  t.diagnostic(summary);
  console.log(`# fuzz: ${summary}`);
  // FUZZ_DEBUG=1: the 40 routes that took the most requests (where the run's time goes).
  if (process.env.FUZZ_DEBUG) console.log([...perRoute].sort((a, b) => b[1] - a[1]).slice(0, 40));
  console.log(`# fuzz: POST routes whose form was not found: ${withoutForm.join(' ')}`);
  assert.deepEqual(failures, []);
  // Every form is reached, so each of its fields gets its payloads: a POST route added later whose page the
  // crawl cannot open needs a fixture above (CONTRIBUTING.md, "The fuzz"). The payment provider's callback
  // has no page by nature: the provider posts it.
  assert.deepEqual(withoutForm, ['/payment/callback'], 'POST routes whose form the crawl did not reach');
  assert.ok(routes.length > 100, `the route table was read (${routes.length} routes)`);
});
