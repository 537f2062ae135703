/**
 * The cases part of `npm run bench` (issue 3 §10), run by bench/run.ts against the app started on a
 * database holding the generated cases: case creation at the counter API, the handler's queue, a unit's
 * overdue view and the public look-up, each beside the bare node:http baseline measured the same way,
 * plus EXPLAIN (ANALYZE, BUFFERS) of the queries behind them, taken from the app's own functions.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { findCaseForApplicant, listQueue } from '../src/modules/cases/core/case-queries.ts';
import { openStates } from '../src/modules/cases/core/workflows.ts';
import type { Database } from '../src/platform/db/database.ts';
import { benchEmails } from './generate-cases.ts';
import { type LatencyFigures, latencyFigures, loopbackAddresses, runLoad } from './load-client.ts';

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

export interface CasesRound {
  baselineLatency: LatencyFigures;
  baselineThroughput: LatencyFigures;
  creation: LatencyFigures & { before: number; after: number; created: number };
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
  baseUrl: string;
  baselineUrl: string;
  subjects: CasesSubjects;
  sessions: { clerk: StaffSession; handler: StaffSession; supervisor: StaffSession };
  addresses: () => string;
}): Promise<CasesRound> {
  const { baseUrl, subjects, sessions } = options;
  const latencyRun = (url: string, extra: Partial<Parameters<typeof runLoad>[0]> = {}) =>
    runLoad({ url, concurrency: latencyConcurrency, requests: latencyRequests, ...extra });
  const warm = (url: string, extra: Partial<Parameters<typeof runLoad>[0]> = {}) =>
    runLoad({ url, concurrency: latencyConcurrency, requests: 100, ...extra });

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
    url: `${baseUrl}/api/staff/cases`,
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
  await runLoad({ ...creationLoad, durationMs: 2000 });
  const before = await countCases(options.pool);
  const creationResult = await runLoad({ ...creationLoad, durationMs: creationSeconds * 1000 });
  const after = await countCases(options.pool);
  const created = creationResult.statuses.get(201) ?? 0;
  const creation = { ...latencyFigures(creationResult, 201), before, after, created };
  process.stdout.write(
    `case creation: ${creation.perSecond}/s (baseline ${baselineThroughput.perSecond} req/s), p95 ${creation.p95} ms; ` +
      `cases ${before} → ${after} (+${after - before}), 201 responses ${created}, failures ${creation.failures}\n`,
  );
  if (after !== before + created)
    throw new Error(`cases lost or unaccounted: ${before} + ${created} ≠ ${after}`);

  const queueUrl = `${baseUrl}/api/staff/cases?scope=mine`;
  const handlerHeaders = { cookie: sessions.handler.cookie, accept: 'application/json' };
  await warm(queueUrl, { headers: handlerHeaders });
  const queue = latencyFigures(await latencyRun(queueUrl, { headers: handlerHeaders }), 200);
  const single = (url: string, extra: Partial<Parameters<typeof runLoad>[0]> = {}) =>
    runLoad({ url, concurrency: 1, requests: singleRequests, ...extra }).then((result) =>
      latencyFigures(result, 200),
    );
  const singleQueue = await single(queueUrl, { headers: handlerHeaders });

  const overdueUrl = `${baseUrl}/api/staff/cases?due=overdue`;
  const supervisorHeaders = { cookie: sessions.supervisor.cookie, accept: 'application/json' };
  await warm(overdueUrl, { headers: supervisorHeaders });
  const overdue = latencyFigures(await latencyRun(overdueUrl, { headers: supervisorHeaders }), 200);
  const singleOverdue = await single(overdueUrl, { headers: supervisorHeaders });

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
  await warm(`${baseUrl}/api/track`, lookupLoad);
  const lookup = latencyFigures(await latencyRun(`${baseUrl}/api/track`, lookupLoad), 200);
  const singleLookup = await single(`${baseUrl}/api/track`, lookupLoad);
  const singleBaseline = await single(options.baselineUrl);
  process.stdout.write(
    `p95 (ms): baseline ${baselineLatency.p95}, handler queue ${queue.p95}, unit overdue ${overdue.p95}, look-up ${lookup.p95}` +
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
 * GET /api/staff/cases calls it, findCaseForApplicant as /api/track does) through drizzle's query
 * logger, then run again under EXPLAIN (ANALYZE, BUFFERS) with the same parameters.
 */
export async function explainHotQueries(
  pool: pg.Pool,
  subjects: CasesSubjects,
  now: Date,
): Promise<QueryPlan[]> {
  const captured: { sql: string; params: unknown[] }[] = [];
  const db = drizzle(pool, {
    logger: { logQuery: (query, params) => captured.push({ sql: query, params }) },
  }) as unknown as Database;
  const ids = await pool.query<{ handler: string }>(
    'select id as handler from staff where lower(email) = lower($1)',
    [subjects.handler.email],
  );
  const handlerId = ids.rows[0]?.handler ?? '';
  const sample = subjects.lookups[0] ?? { caseNumber: '', lookupCode: '' };
  const plans: QueryPlan[] = [];
  const explain = async (title: string, run: () => Promise<unknown>) => {
    captured.length = 0;
    await run();
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
  await explain('Public look-up by case number (POST /api/track)', () =>
    findCaseForApplicant(db, sample.caseNumber, sample.lookupCode),
  );
  return plans;
}
