import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import {
  caseActorOf,
  moveCase,
  type StaffApi,
  sidewalkPetition,
  staffApi,
  testCasesContext,
} from '../src/modules/cases/core/cases-test-support.ts';
import { requestExtension } from '../src/modules/cases/core/extensions.ts';
import { issueNotice } from '../src/modules/cases/deficiency/deficiency-service.ts';
import { type CaseRow, cases, openCase } from '../src/modules/cases/index.ts';
import { recordCounterPayment } from '../src/modules/cases/payment/payment-service.ts';
import { asApplicationWithFee } from '../src/modules/cases/payment/payment-test-support.ts';
import { createApiKey } from '../src/modules/open311/api-keys.ts';
import { cliActor } from '../src/platform/auth/audit-log.ts';
import { staff } from '../src/platform/auth/auth-schema.ts';
import {
  aSignedInMember,
  aStaffMember,
  csrfTokenIn,
  TestBrowser,
} from '../src/platform/auth/auth-test-support.ts';
import type { StaffRole } from '../src/platform/auth/principal.ts';
import { multipartForm } from '../src/platform/uploads/upload-test-support.ts';
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
 * and GET forms with their first choices) by an admin, a supervisor, a counter clerk, a handler and an
 * anonymous visitor, and a POST route gets the fields of the forms that post to it, at the address the form
 * posts to, from whoever saw it (their session and CSRF token: staff routes are exercised past
 * authentication). A POST route no crawled page has a form for still gets NUL in its parameters and in a
 * field "text"; the run lists those routes. Open311 and the payment callback answer in their own protocols'
 * error shapes; a module's own 4xx page (main and a heading) is counted apart.
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
    stack.length = depth;
    const prefix = stack.join('');
    const path =
      depth === 0
        ? segment
        : `${prefix.endsWith('/') || segment.startsWith('/') ? prefix : `${prefix}/`}${segment}`;
    stack.push(depth === 0 ? segment : path.slice(prefix.length));
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
  // An application accepted and not yet asked for its fee: its deficiency notice (補正通知) is issued here.
  const accepted = await move(
    await asApplicationWithFee(subject.database.db, (await anOpenCase()).id),
    'accept',
  );

  // An application whose one-time deficiency notice (補正通知) was issued: the applicant's supplement form
  // on /track, the counter's on the staff page.
  const noticed = await move(
    await asApplicationWithFee(subject.database.db, (await anOpenCase()).id),
    'accept',
  );
  const notice: Record<string, string> = { 'other.1': '土地使用同意書', supplementBy: '2026-03-20' };
  await issueNotice(
    context(),
    { caseId: noticed.id, expectedVersion: noticed.version, posted: (name) => notice[name] ?? '' },
    byHandler,
  );

  // An application paid at the counter and then rejected: its refund (staff) and its receipt (/track).
  const toPay = await move(
    await move(await asApplicationWithFee(subject.database.db, (await anOpenCase()).id), 'accept'),
    'request_payment',
  );
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
    multipartForm({
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
    }),
  );
  const petition = /\/staff\/petitions\/([0-9-]+)\?/.exec(String(registered.headers.location ?? ''))?.[1];
  assert.ok(petition, `a petition is registered (${registered.statusCode})`);
  for (const who of [secretariat, supervisor, handler]) who.seeds.push(`/staff/petitions/${petition}`);
  // Members the fuzz does not sign in as: the administration's forms about a member (role, deactivate, second
  // factor, reactivate) are sent about them; an invitation waiting (resend, revoke); a key to revoke.
  const withSecondFactor = await aStaffMember(subject.database.db, { role: 'handler', withTotp: true });
  const deactivated = await aStaffMember(subject.database.db, { role: 'handler' });
  await subject.database.db.update(staff).set({ isActive: false }).where(eq(staff.id, deactivated.id));
  for (const member of [opener, withSecondFactor, deactivated])
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
  admin.seeds.push('/staff/admin/staff');
  await createApiKey(subject.database.db, {
    name: 'fuzz-other',
    rate: '60',
    createdByStaffId: null,
    actor: cliActor,
    now: subject.clock.now(),
    lang: 'en',
  });
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
      who === null || who === visitor
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
  //    (a case's page, a service's counter form) and the forms on them.
  const forms: PageForm[] = [];
  const seenUrls = new Set<string>();
  const linksSeen = new Set<string>();
  // Each address's route, found once: the crawl asks it of every queued address at every step.
  const patternsOfUrls = new Map<string, string>();
  let crawled = 0;
  const perPattern = new Map<string, number>();
  const getPatterns = routes
    .filter((route) => route.methods.includes('GET'))
    .map((route) => ({ route: route.path, pattern: patternOf(route.path) }));
  for (const who of [admin, supervisor, clerk, handler, ...otherRoles, visitor]) {
    const queue =
      who === visitor
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
    const isMultipart = matching.some((form) => form.isMultipart);
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
  assert.ok(routes.length > 100, `the route table was read (${routes.length} routes)`);
});
