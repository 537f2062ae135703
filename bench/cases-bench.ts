/**
 * The cases part of `npm run bench` (issue 3 §10), run by bench/run.ts against the app started on a
 * database holding the generated cases: case creation at the counter API, the handler's queue, a unit's
 * overdue view and the public look-up, each beside the bare node:http baseline measured the same way,
 * plus EXPLAIN (ANALYZE, BUFFERS) of the queries behind them, taken from the app's own functions.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { listAttachments } from '../src/modules/cases/core/case-attachments.ts';
import { getCaseDetail, listQueue } from '../src/modules/cases/core/case-queries.ts';
import { openStates } from '../src/modules/cases/core/workflows.ts';
import { checkApplicantAccess } from '../src/modules/cases/track/track-access.ts';
import type { Database } from '../src/platform/db/database.ts';
import { findFreePort, startEmbeddedServer } from '../src/platform/db/embedded-server.ts';
import {
  cpuPerItem,
  processTreeCpuMs,
  recordingQuery,
  type SentStatement,
  type ServerCpu,
  stop,
  waitFor,
} from './bench-support.ts';
import { benchEmails } from './generate-cases.ts';
import {
  type LatencyFigures,
  type LoadOptions,
  type LoadResult,
  latencyFigures,
  loopbackAddresses,
  runLoad,
} from './load-client.ts';

export interface StaffSession {
  cookie: string;
  csrfToken: string;
}

/** Signs in through the real pages: the form's CSRF token, the credentials, then the session's token. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<StaffSession> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = setCookie.split(';');
      const equals = pair.indexOf('=');
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      const cleared = value === '' || attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (cleared) jar.delete(name);
      else jar.set(name, value);
    }
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const page = await fetch(`${baseUrl}/staff/sign-in`, { headers: { cookie: cookie() } });
  keep(page);
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (token === undefined) throw new Error('the sign-in page has no CSRF field');
  const posted = await fetch(`${baseUrl}/staff/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, email, password }).toString(),
  });
  keep(posted);
  await posted.arrayBuffer();
  if (posted.status !== 303) throw new Error(`sign-in as ${email} answered ${posted.status}`);
  const session = await fetch(`${baseUrl}/api/staff/session`, {
    headers: { cookie: cookie(), accept: 'application/json' },
  });
  keep(session);
  const { csrfToken } = (await session.json()) as { csrfToken?: string };
  if (csrfToken === undefined) throw new Error('GET /api/staff/session gave no csrfToken');
  return { cookie: cookie(), csrfToken };
}

export interface CasesSubjects {
  handler: { email: string; openCases: number };
  supervisor: { email: string; unitCode: string; openCases: number; overdueCases: number };
  lookups: { caseNumber: string; lookupCode: string }[];
  bodies: string[];
  database: { cases: number; events: number; open: number; overdue: number; sizeMb: number; byState: string };
}

const openStateSql = openStates.map((state) => `'${state}'`).join(', ');

/** Who the bench acts as, and on what: read from the generated database. */
export async function chooseSubjects(pool: pg.Pool): Promise<Omit<CasesSubjects, 'bodies'>> {
  // The handler whose queue is nearest 40 open cases; the supervisor of the unit with most open cases.
  const handler = await pool.query<{ email: string; open: number }>(`
    select s.email, count(c.id)::int as open from staff s
    join cases c on c.handler_id = s.id and c.state in (${openStateSql})
    where s.role = 'handler' and s.email like '%@bench.example.org'
    group by s.email order by abs(count(c.id) - 40), s.email limit 1`);
  const unit = await pool.query<{ unit_code: string; open: number; overdue: number }>(`
    select unit_code, count(*)::int as open, count(*) filter (where due_at < now())::int as overdue
    from cases where state in (${openStateSql}) group by unit_code order by count(*) desc limit 1`);
  const lookups = await pool.query<{ case_number: string; lookup_code: string }>(
    'select case_number, lookup_code from cases tablesample system (1) repeatable (7) limit 500',
  );
  const totals = await pool.query<{
    cases: number;
    events: number;
    open: number;
    overdue: number;
    size: string;
  }>(`
    select (select count(*)::int from cases) as cases, (select count(*)::int from case_events) as events,
           (select count(*)::int from cases where state in (${openStateSql})) as open,
           (select count(*)::int from cases where state in (${openStateSql}) and due_at < now()) as overdue,
           pg_database_size(current_database())::text as size`);
  const states = await pool.query<{ state: string; count: number }>(
    'select state, count(*)::int as count from cases group by state order by count(*) desc',
  );
  const chosenHandler = handler.rows[0];
  const chosenUnit = unit.rows[0];
  const total = totals.rows[0];
  if (
    chosenHandler === undefined ||
    chosenUnit === undefined ||
    total === undefined ||
    lookups.rows.length === 0
  )
    throw new Error('the database holds no generated cases to benchmark on');
  return {
    handler: { email: chosenHandler.email, openCases: chosenHandler.open },
    supervisor: {
      email: benchEmails.supervisor(chosenUnit.unit_code),
      unitCode: chosenUnit.unit_code,
      openCases: chosenUnit.open,
      overdueCases: chosenUnit.overdue,
    },
    lookups: lookups.rows.map((row) => ({ caseNumber: row.case_number, lookupCode: row.lookup_code })),
    database: {
      cases: total.cases,
      events: total.events,
      open: total.open,
      overdue: total.overdue,
      sizeMb: Math.round(Number(total.size) / 1024 ** 2),
      byState: states.rows.map((row) => `${row.state} ${row.count.toLocaleString('en')}`).join(', '),
    },
  };
}

/**
 * Counter intake bodies for every service, with its required form fields filled; each is tried once
 * and kept only if the app accepts it (201), so a catalogue change cannot make the load all 400s.
 */
export async function creationBodies(pool: pg.Pool, baseUrl: string, clerk: StaffSession): Promise<string[]> {
  const services = await pool.query<{
    code: string;
    form_fields: { id: string; type: string; isRequired: boolean; options?: { value: string }[] }[];
  }>(`select v.service_code as code, v.form_fields from services s
      join service_versions v on v.service_code = s.code and v.version = s.current_version order by s.code`);
  const district = await pool.query<{ code: string; name_zh: string }>(
    "select code, name_zh from districts where county_code = '64000' and name_zh = '苓雅區'",
  );
  const bodies: string[] = [];
  const refused: string[] = [];
  for (const [index, service] of services.rows.entries()) {
    const formData: Record<string, string> = {};
    for (const field of service.form_fields) {
      if (!field.isRequired || field.type === 'file' || field.type === 'location') continue;
      if (field.id === 'applicant-name' || field.id === 'contact-phone') continue;
      formData[field.id] =
        field.type === 'choice'
          ? (field.options?.[0]?.value ?? '')
          : field.type === 'number'
            ? '12'
            : field.type === 'date'
              ? '2026-12-15'
              : '詳如說明（效能測試）';
    }
    const body = JSON.stringify({
      serviceCode: service.code,
      channel: index % 3 === 0 ? 'phone' : 'counter',
      applicantType: 'person',
      applicantName: ['陳志明', '林淑芬', '黃俊傑', '張雅婷'][index % 4],
      applicantPhone: `09${String(12_345_678 + index * 1_111).padStart(8, '0')}`,
      applicantLang: 'zh-TW',
      consent: true,
      description: '效能測試案件：四維三路 2 號前路面破損，請派員查看。',
      formData,
      districtCode: district.rows[0]?.code,
      address: '高雄市苓雅區四維三路2號前',
    });
    const response = await fetch(`${baseUrl}/api/staff/cases`, {
      method: 'POST',
      headers: {
        cookie: clerk.cookie,
        'x-csrf-token': clerk.csrfToken,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body,
    });
    const text = await response.text();
    if (response.status === 201) bodies.push(body);
    else refused.push(`${service.code}: ${response.status} ${text.slice(0, 200)}`);
  }
  if (bodies.length === 0) throw new Error(`the app refused every intake body:\n${refused.join('\n')}`);
  if (refused.length > 0) process.stdout.write(`(intake bodies refused: ${refused.join('; ')})\n`);
  return bodies;
}

// ---------------------------------------------------------------------------------------------------------
// More app processes on the same PostgreSQL (issue 12 §3): the supported way to scale out on one host.

/**
 * BENCH_APP_PROCESSES: the numbers of app processes to measure the cases targets with, comma-separated
 * (default `1`; e.g. `1,2`). Every round measures each in turn; the first app is the one bench/run.ts
 * starts (it owns the embedded PostgreSQL), the others join it with DATABASE_URL, as docs/operations.md
 * describes for several processes.
 */
export const appProcessCounts: number[] = [
  ...new Set(
    (process.env.BENCH_APP_PROCESSES ?? '1')
      .split(',')
      .map((value) => Number(value.trim()))
      .filter((value) => Number.isInteger(value) && value >= 1),
  ),
].sort((left, right) => left - right);
if (appProcessCounts.length === 0) throw new Error('BENCH_APP_PROCESSES: give whole numbers ≥ 1, e.g. 1,2');

/**
 * `count` more app processes as `npm start` runs them (same flags and settings as startBenchApp), on the
 * PostgreSQL the first app runs in `dataDir` (DATABASE_URL, same DATA_DIR for files), each with its own
 * log file there; ready when they return.
 */
export async function startMoreApps(
  dataDir: string,
  count: number,
): Promise<{ apps: ChildProcess[]; urls: string[] }> {
  if (count < 1) return { apps: [], urls: [] };
  const server = await startEmbeddedServer({ dataDir, port: 0, purpose: 'cli' });
  const databaseUrl = server.connectionString('onewindow');
  const packageJson = JSON.parse(await readFile('package.json', 'utf8')) as { scripts: { start: string } };
  const words = packageJson.scripts.start.trim().split(/\s+/);
  const startEnvironment: Record<string, string> = {};
  while (/^[A-Z_][A-Z0-9_]*=/.test(words[0] ?? '')) {
    const [name, ...value] = (words.shift() ?? '').split('=');
    startEnvironment[name ?? ''] = value.join('=');
  }
  if (words[0] === 'node') words.shift();
  const apps: ChildProcess[] = [];
  const urls: string[] = [];
  try {
    for (let index = 2; index <= count + 1; index++) {
      const logFile = await open(path.join(dataDir, `app-${index}.log`), 'w');
      const port = await findFreePort();
      const app = spawn(process.execPath, words, {
        env: {
          ...process.env,
          ...startEnvironment,
          DATA_DIR: dataDir,
          DATABASE_URL: databaseUrl,
          PORT: String(port),
          DEMO_STAFF: 'false',
          DEMO_DATA: 'false',
          RATE_LIMIT_PER_MINUTE: '10000',
        },
        stdio: ['ignore', logFile.fd, 'inherit'],
      });
      app.once('exit', () => void logFile.close());
      apps.push(app);
      urls.push(`http://127.0.0.1:${port}`);
    }
    for (const url of urls) await waitFor(`${url}/readyz`, 120_000);
  } catch (error) {
    await Promise.all(apps.map(stop));
    throw error;
  }
  return { apps, urls };
}

/**
 * One load spread over the app processes behind `urls`, as a balancer would: each gets an equal share of
 * the concurrency and of the requests (the remainder to the first), all at once; the results merged.
 */
export async function runSpread(
  urls: readonly string[],
  load: (url: string) => LoadOptions,
): Promise<LoadResult> {
  if (urls.length === 1) return runLoad(load(urls[0] as string));
  const share = (total: number, index: number) =>
    Math.floor(total / urls.length) + (index < total % urls.length ? 1 : 0);
  const parts = await Promise.all(
    urls.map((url, index) => {
      const options = load(url);
      return runLoad({
        ...options,
        concurrency: share(options.concurrency, index),
        ...(options.requests === undefined ? {} : { requests: share(options.requests, index) }),
      });
    }),
  );
  const statuses = new Map<number, number>();
  for (const part of parts)
    for (const [status, count] of part.statuses) statuses.set(status, (statuses.get(status) ?? 0) + count);
  return {
    latencies: parts.flatMap((part) => part.latencies),
    statuses,
    errors: parts.reduce((sum, part) => sum + part.errors, 0),
    elapsedMs: Math.max(...parts.map((part) => part.elapsedMs)),
  };
}

export interface CasesRound {
  baselineLatency: LatencyFigures;
  baselineThroughput: LatencyFigures;
  creation: LatencyFigures & { before: number; after: number; created: number; cpu: ServerCpu };
  queue: LatencyFigures;
  overdue: LatencyFigures;
  lookup: LatencyFigures;
  /** The same three with one request in flight: the latency of one user on an otherwise idle app. */
  single: {
    baseline: LatencyFigures;
    queue: LatencyFigures;
    overdue: LatencyFigures;
    lookup: LatencyFigures;
  };
}

export const latencyRequests = Number(process.env.BENCH_LATENCY_REQUESTS ?? 1000);
export const latencyConcurrency = 10;
export const singleRequests = Math.max(50, Math.round(latencyRequests / 3));
export const creationConcurrency = 20;
export const creationSeconds = Number(process.env.BENCH_SECONDS ?? 10);

const countCases = async (pool: pg.Pool) =>
  (await pool.query<{ count: number }>('select count(*)::int as count from cases')).rows[0]?.count ?? 0;

export async function casesRound(options: {
  pool: pg.Pool;
  /** The app processes, the first the one that owns the database; each load is spread over them all. */
  appUrls: readonly string[];
  /** Their process ids, in the same order (the first's descendants: the embedded PostgreSQL). */
  appPids: readonly number[];
  baselineUrl: string;
  subjects: CasesSubjects;
  sessions: { clerk: StaffSession; handler: StaffSession; supervisor: StaffSession };
  addresses: () => string;
}): Promise<CasesRound> {
  const { appUrls, subjects, sessions } = options;
  const baseUrl = appUrls[0] as string;
  const latencyRun = (url: string, extra: Partial<LoadOptions> = {}) =>
    runLoad({ url, concurrency: latencyConcurrency, requests: latencyRequests, ...extra });
  const warm = (url: string, extra: Partial<LoadOptions> = {}) =>
    runLoad({ url, concurrency: latencyConcurrency, requests: 100, ...extra });
  /** A load at `path` on every app process at once (runSpread). */
  const spread = (appPath: string, extra: Partial<LoadOptions> & { concurrency: number }) =>
    runSpread(appUrls, (url) => ({ url: `${url}${appPath}`, ...extra }));
  const latencySpread = (appPath: string, extra: Partial<LoadOptions> = {}) =>
    spread(appPath, { concurrency: latencyConcurrency, requests: latencyRequests, ...extra });
  const warmSpread = (appPath: string, extra: Partial<LoadOptions> = {}) =>
    spread(appPath, { concurrency: latencyConcurrency, requests: 100, ...extra });

  // The baseline, measured with the same client and the same concurrency as each target below.
  await warm(options.baselineUrl);
  const baselineLatency = latencyFigures(await latencyRun(options.baselineUrl), 200);
  const baselineThroughput = latencyFigures(
    await runLoad({
      url: options.baselineUrl,
      concurrency: creationConcurrency,
      durationMs: creationSeconds * 1000,
    }),
    200,
  );

  // Case creation at the counter API: a clerk's session, every request a new case.
  let next = 0;
  const creationLoad = {
    method: 'POST' as const,
    headers: {
      cookie: sessions.clerk.cookie,
      'x-csrf-token': sessions.clerk.csrfToken,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: () => subjects.bodies[next++ % subjects.bodies.length] as string,
    concurrency: creationConcurrency,
  };
  await spread('/api/staff/cases', { ...creationLoad, durationMs: 2000 });
  const before = await countCases(options.pool);
  const cpuBefore = await processTreeCpuMs(options.appPids);
  const creationResult = await spread('/api/staff/cases', {
    ...creationLoad,
    durationMs: creationSeconds * 1000,
  });
  const created = creationResult.statuses.get(201) ?? 0;
  const cpu = await cpuPerItem(options.appPids, cpuBefore, created);
  const after = await countCases(options.pool);
  const creation = { ...latencyFigures(creationResult, 201), before, after, created, cpu };
  const processes = appUrls.length === 1 ? '' : ` [${appUrls.length} app processes]`;
  process.stdout.write(
    `case creation${processes}: ${creation.perSecond}/s (baseline ${baselineThroughput.perSecond} req/s), p95 ${creation.p95} ms; ` +
      `cases ${before} → ${after} (+${after - before}), 201 responses ${created}, failures ${creation.failures}; ` +
      `CPU per creation: app ${cpu.appMs} ms, PostgreSQL ${cpu.databaseMs} ms, load client ${cpu.clientMs} ms\n`,
  );
  if (after !== before + created)
    throw new Error(`cases lost or unaccounted: ${before} + ${created} ≠ ${after}`);

  // One in flight goes to the first process: one user's latency does not depend on how many there are.
  const queuePath = '/api/staff/cases?scope=mine';
  const handlerHeaders = { cookie: sessions.handler.cookie, accept: 'application/json' };
  await warmSpread(queuePath, { headers: handlerHeaders });
  const queue = latencyFigures(await latencySpread(queuePath, { headers: handlerHeaders }), 200);
  const single = (url: string, extra: Partial<LoadOptions> = {}) =>
    runLoad({ url, concurrency: 1, requests: singleRequests, ...extra }).then((result) =>
      latencyFigures(result, 200),
    );
  const singleQueue = await single(`${baseUrl}${queuePath}`, { headers: handlerHeaders });

  const overduePath = '/api/staff/cases?due=overdue';
  const supervisorHeaders = { cookie: sessions.supervisor.cookie, accept: 'application/json' };
  await warmSpread(overduePath, { headers: supervisorHeaders });
  const overdue = latencyFigures(await latencySpread(overduePath, { headers: supervisorHeaders }), 200);
  const singleOverdue = await single(`${baseUrl}${overduePath}`, { headers: supervisorHeaders });

  // The public look-up: a different real case (right code) each request, from many client addresses.
  let lookupIndex = 0;
  const lookupLoad = {
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: () => {
      const pair = subjects.lookups[lookupIndex++ % subjects.lookups.length];
      return JSON.stringify({ caseNumber: pair?.caseNumber, lookupCode: pair?.lookupCode });
    },
    sourceAddress: options.addresses,
    requestsPerAddress: 20,
  };
  await warmSpread('/api/track', lookupLoad);
  const lookup = latencyFigures(await latencySpread('/api/track', lookupLoad), 200);
  const singleLookup = await single(`${baseUrl}/api/track`, lookupLoad);
  const singleBaseline = await single(options.baselineUrl);
  process.stdout.write(
    `p95 (ms)${processes}: baseline ${baselineLatency.p95}, handler queue ${queue.p95}, unit overdue ${overdue.p95}, look-up ${lookup.p95}` +
      ` (failures ${queue.failures}/${overdue.failures}/${lookup.failures}); one in flight: ${singleQueue.p95}, ${singleOverdue.p95}, ${singleLookup.p95}\n`,
  );
  return {
    baselineLatency,
    baselineThroughput,
    creation,
    queue,
    overdue,
    lookup,
    single: { baseline: singleBaseline, queue: singleQueue, overdue: singleOverdue, lookup: singleLookup },
  };
}

export { loopbackAddresses };

// ---------------------------------------------------------------------------------------------------------
// Plans

export interface QueryPlan {
  title: string;
  sql: string;
  plan: string;
}

/**
 * The SQL the app runs for the three hot reads, captured from its own functions (listQueue as
 * GET /api/staff/cases calls it; checkApplicantAccess, getCaseDetail and listAttachments as /api/track
 * does) as they reach the pool, then run again under EXPLAIN (ANALYZE, BUFFERS) with the same parameters.
 */
export async function explainHotQueries(
  pool: pg.Pool,
  subjects: CasesSubjects,
  now: Date,
): Promise<QueryPlan[]> {
  // Every statement sent through the pool while a function runs: drizzle's (named or not) and those a
  // function sends itself on the pool (the look-up's access check).
  const captured: SentStatement[] = [];
  let capturing = false;
  (pool as unknown as { query: unknown }).query = recordingQuery(pool, captured, () => capturing);
  const db = drizzle(pool) as unknown as Database;
  const ids = await pool.query<{ handler: string }>(
    'select id as handler from staff where lower(email) = lower($1)',
    [subjects.handler.email],
  );
  const handlerId = ids.rows[0]?.handler ?? '';
  const sample = subjects.lookups[0] ?? { caseNumber: '', lookupCode: '' };
  const plans: QueryPlan[] = [];
  const explain = async (title: string, run: () => Promise<unknown>) => {
    captured.length = 0;
    capturing = true;
    try {
      await run();
    } finally {
      capturing = false;
    }
    for (const [index, query] of captured.entries()) {
      await pool.query(query.sql, query.params); // warm, as in the load
      const result = await pool.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers) ${query.sql}`,
        query.params,
      );
      plans.push({
        title: captured.length > 1 ? `${title} (${index + 1}/${captured.length})` : title,
        sql: `${query.sql}\n-- parameters: ${JSON.stringify(query.params.map((param) => (param instanceof Date ? param.toISOString() : param)))}`,
        plan: result.rows.map((row) => row['QUERY PLAN']).join('\n'),
      });
    }
  };
  const filters = { state: undefined, serviceCode: undefined, districtCode: undefined };
  await explain(
    `Handler queue (GET /api/staff/cases?scope=mine, ${subjects.handler.openCases} open cases)`,
    () => listQueue(db, { handlerId, ...filters, due: undefined }, now, 1),
  );
  await explain(
    `Unit overdue view (GET /api/staff/cases?due=overdue, unit ${subjects.supervisor.unitCode}: ${subjects.supervisor.overdueCases} overdue of ${subjects.supervisor.openCases} open)`,
    () => listQueue(db, { unitCode: subjects.supervisor.unitCode, ...filters, due: 'overdue' }, now, 1),
  );
  // The look-up's statements in the order POST /api/track runs them for a right code: the access check
  // (the attempt counted against a documentation address, the number's failures and the case read in
  // one statement: its EXPLAIN ANALYZE counts two more attempts there), then the case and its attachments.
  await explain('Public look-up (POST /api/track): the attempt, the lockout and the case', () =>
    checkApplicantAccess(db, { ...sample, clientIp: '192.0.2.1', now, lang: 'zh-TW' }),
  );
  const found = await pool.query<{ id: string }>('select id from cases where case_number = $1', [
    sample.caseNumber,
  ]);
  const caseId = found.rows[0]?.id ?? '';
  await explain('Public look-up (POST /api/track): the case with its timeline', () =>
    getCaseDetail(db, caseId, now),
  );
  await explain('Public look-up (POST /api/track): its attachments', () => listAttachments(db, caseId));
  return plans;
}
