/**
 * The management-control part of `npm run bench` (issue 4 §8), run by bench/run.ts: on a database filled by
 * bench/generate-control.ts (20 years of plans, 30 units reporting monthly, ≈ 660k progress entries) it
 * starts the app as `npm start` does, signs in as the bench secretariat through the real pages and measures
 * with the closed-loop client (bench/load-client.ts):
 *   - the secretariat's overview `GET /staff/progress/:year` (latest year): one request in flight, then 10;
 *   - one unit's annual report, page and ODF (`/staff/reports/:year/:unit`, `…/report.odt`), run after run;
 *   - the bureau-wide report, page and ODF (`/staff/reports/:year/bureau`, `…/report.odt`);
 * checking every answer's value (the page holds a practice's text; the ODF is a valid package whose
 * content.xml holds it), then EXPLAIN (ANALYZE, BUFFERS) of the queries behind the overview and the
 * bureau-wide report, taken from the app's own functions. Returns the section's lines for docs/benchmarks.md.
 *
 * Environment: BENCH_CONTROL_DIR (keep the generated database there and reuse it while the years, units
 * and latest year match; default: a temporary folder, removed), BENCH_CONTROL_YEARS (20),
 * BENCH_CONTROL_UNITS (30), BENCH_CONTROL_REQUESTS (overview requests per run, 1000),
 * BENCH_CONTROL_RUNS (report runs per target, 10).
 */
import os from 'node:os';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { progressOverview } from '../src/modules/control/progress/progress-overview.ts';
import { buildReport } from '../src/modules/control/reports/report-build.ts';
import type { Database } from '../src/platform/db/database.ts';
import { elements, odfText, readOdfPackage } from '../src/platform/documents/documents-test-support.ts';
import { ODT_MEDIA_TYPE } from '../src/platform/documents/odt.ts';
import {
  benchDataDir,
  benchPassword,
  generatedDatabase,
  median,
  queryPlanLines,
  sectionHead,
  verdict,
  withBenchApp,
} from './bench-support.ts';
import { type QueryPlan, signIn } from './cases-bench.ts';
import { type ControlGenerateResult, controlBenchEmails, describeControlResult } from './generate-control.ts';
import { type LatencyFigures, latencyFigures, runLoad } from './load-client.ts';

const yearsWanted = Number(process.env.BENCH_CONTROL_YEARS ?? 20);
const unitsWanted = Number(process.env.BENCH_CONTROL_UNITS ?? 30);
const overviewRequests = Number(process.env.BENCH_CONTROL_REQUESTS ?? 1000);
const reportRuns = Number(process.env.BENCH_CONTROL_RUNS ?? 10);
/** Every load step stops after this long, whatever is left (its count says so). */
const stepLimitMs = 180_000;

const taipeiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

interface RunTimes {
  runs: number;
  median: number;
  max: number;
  bytes: number;
}

interface ControlFigures {
  overviewSingle: LatencyFigures;
  overviewTen: LatencyFigures;
  unitPage: RunTimes;
  unitOdt: RunTimes;
  bureauPage: RunTimes;
  bureauOdt: RunTimes;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

type Generation = ControlGenerateResult & { generatedAt: string; reused: boolean };

/** The database: reused from BENCH_CONTROL_DIR when it matches, else generated (bench/generate-control.ts). */
function prepareDatabase(dataDir: string): Promise<Generation> {
  const latestYear = Number(taipeiToday().slice(0, 4));
  return generatedDatabase<ControlGenerateResult>({
    dataDir,
    markerName: 'bench-control.json',
    fits: (marker) =>
      marker.years.length === yearsWanted &&
      marker.units === unitsWanted &&
      marker.years.at(-1) === latestYear,
    reusing: (marker) =>
      `Reusing the management-control database generated ${marker.generatedAt} in ${dataDir}.`,
    generating: `Generating ${yearsWanted} years of management control for ${unitsWanted} units in ${dataDir} …`,
    script: 'bench/generate-control.ts',
    args: ['--years', String(yearsWanted), '--units', String(unitsWanted)],
  });
}

interface Subjects {
  year: number;
  unitCode: string;
  unitEntries: number;
  practiceText: string;
  yearEntries: number;
  entries: number;
  values: number;
  sizeMb: number;
}

/** The latest year, the unit with most entries in it (a bureau unit, not a bench one), a practice's text. */
async function chooseSubjects(pool: pg.Pool, year: number): Promise<Subjects> {
  const unit = await pool.query<{ unit_code: string; n: number }>(
    `select unit_code, count(*)::int as n from control_progress_entries
     where year = $1 and unit_code not like 'bench-%' group by unit_code order by count(*) desc, unit_code limit 1`,
    [year],
  );
  // An every-unit practice (in every report) whose text needs no escaping in HTML or XML.
  const practice = await pool.query<{ text: string }>(
    `select p.text from control_plan_practices p join control_plans c on c.id = p.plan_id
     where c.year = $1 and p.every_unit and p.removed_at is null and p.text !~ '[&<>"'']'
     order by length(p.text) desc limit 1`,
    [year],
  );
  const totals = await pool.query<{ entries: number; values: number; year_entries: number; size: string }>(
    `select (select count(*)::int from control_progress_entries) as entries,
            (select count(*)::int from control_progress_values) as values,
            (select count(*)::int from control_progress_entries where year = $1) as year_entries,
            pg_database_size(current_database())::text as size`,
    [year],
  );
  const chosen = unit.rows[0];
  const text = practice.rows[0]?.text;
  const total = totals.rows[0];
  if (chosen === undefined || text === undefined || total === undefined)
    throw new Error('the database holds no generated progress to benchmark on');
  return {
    year,
    unitCode: chosen.unit_code,
    unitEntries: chosen.n,
    practiceText: text,
    yearEntries: total.year_entries,
    entries: total.entries,
    values: total.values,
    sizeMb: Math.round(Number(total.size) / 1024 ** 2),
  };
}

/** Runs a GET `runs` times one after the other (after one warm-up), checking each answer; times in ms. */
async function timeRuns(
  url: string,
  cookie: string,
  runs: number,
  check: (status: number, body: Buffer, contentType: string) => void,
): Promise<RunTimes> {
  const times: number[] = [];
  let bytes = 0;
  const started = performance.now();
  for (let run = 0; run <= runs; run += 1) {
    const begin = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    const body = Buffer.from(await response.arrayBuffer());
    const elapsed = performance.now() - begin;
    check(response.status, body, response.headers.get('content-type') ?? '');
    bytes = body.length;
    if (run > 0) times.push(elapsed);
    if (performance.now() - started > stepLimitMs && times.length > 0) break;
  }
  return {
    runs: times.length,
    median: Math.round(median(times)),
    max: Math.round(Math.max(...times)),
    bytes,
  };
}

function pageCheck(name: string, practiceText: string) {
  return (status: number, body: Buffer) => {
    if (status !== 200) throw new Error(`${name} answered ${status}`);
    if (!body.toString('utf8').includes(practiceText)) throw new Error(`${name} lacks the practice's text`);
  };
}

function odtCheck(name: string, practiceText: string) {
  return (status: number, body: Buffer, contentType: string) => {
    if (status !== 200) throw new Error(`${name} answered ${status}`);
    if (!contentType.startsWith(ODT_MEDIA_TYPE)) throw new Error(`${name} is ${contentType}`);
    const content = readOdfPackage(body, ODT_MEDIA_TYPE).xml['content.xml'];
    if (content === undefined) throw new Error(`${name} has no content.xml`);
    const cells = elements(content, 'table:table-cell').map((cell) => odfText(cell));
    if (!cells.some((cell) => cell.includes(practiceText)))
      throw new Error(`${name}'s tables lack the practice's text`);
  };
}

/** A parameter as the plans show it: a long list of ids by its first three and its length. */
function shownParameter(param: unknown): unknown {
  if (param instanceof Date) return param.toISOString();
  if (Array.isArray(param) && param.length > 3) return [...param.slice(0, 3), `… ${param.length} in all`];
  return param;
}

/** The SQL of an app function, captured through drizzle's logger and run again under EXPLAIN (ANALYZE, BUFFERS). */
async function explainAll(pool: pg.Pool, title: string, run: (db: Database) => Promise<unknown>) {
  const captured: { sql: string; params: unknown[] }[] = [];
  const db = drizzle(pool, {
    logger: { logQuery: (query, params) => captured.push({ sql: query, params }) },
  }) as unknown as Database;
  const started = performance.now();
  await run(db);
  const wholeMs = Math.round(performance.now() - started);
  const plans: (QueryPlan & { ms: number })[] = [];
  for (const [index, query] of captured.entries()) {
    await pool.query(query.sql, query.params);
    const result = await pool.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) ${query.sql}`,
      query.params,
    );
    // A long list of ids in a condition: its first and how many.
    const plan = result.rows
      .map((row) => row['QUERY PLAN'])
      .join('\n')
      .replace(/'\{([0-9a-f-]{36}),(?:[0-9a-f-]{36},)+[0-9a-f-]{36}\}'/g, (list, first: string) => {
        return `'{${first},… ${list.split(',').length} in all}'`;
      });
    plans.push({
      title: `${title} (${index + 1}/${captured.length})`,
      sql: `${query.sql}\n-- parameters: ${JSON.stringify(query.params.map(shownParameter))}`,
      plan,
      ms: Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0),
    });
  }
  return { title, wholeMs, plans };
}

export async function controlSection(): Promise<string[]> {
  const { dataDir, isTemporary } = await benchDataDir(
    process.env.BENCH_CONTROL_DIR,
    'onewindow-bench-control-',
  );
  const sectionStarted = performance.now();
  const generation = await prepareDatabase(dataDir);

  return withBenchApp({ dataDir, isTemporary }, async ({ appUrl, pool }) => {
    const loadAverages: number[] = [];
    const year = generation.years.at(-1) ?? Number(taipeiToday().slice(0, 4));
    const subjects = await chooseSubjects(pool, year);
    const session = await signIn(appUrl, controlBenchEmails.secretariat, benchPassword);
    const cookie = session.cookie;
    const headers = { cookie };

    // ---- the secretariat's overview
    const overviewUrl = `${appUrl}/staff/progress/${year}`;
    const first = await fetch(overviewUrl, { headers });
    const firstBody = await first.text();
    if (first.status !== 200) throw new Error(`the overview answered ${first.status}`);
    for (const expected of ['效能測試第01工務所', '<svg'])
      if (!firstBody.includes(expected)) throw new Error(`the overview lacks ${expected}`);
    loadAverages.push(os.loadavg()[0] ?? 0);
    await runLoad({ url: overviewUrl, headers, concurrency: 10, requests: 100, durationMs: stepLimitMs });
    const overviewSingle = latencyFigures(
      await runLoad({
        url: overviewUrl,
        headers,
        concurrency: 1,
        requests: overviewRequests,
        durationMs: stepLimitMs,
      }),
    );
    process.stdout.write(
      `overview, one in flight: p50 ${overviewSingle.p50} ms, p95 ${overviewSingle.p95} ms (${overviewSingle.count} requests)\n`,
    );
    const overviewTen = latencyFigures(
      await runLoad({
        url: overviewUrl,
        headers,
        concurrency: 10,
        requests: overviewRequests,
        durationMs: stepLimitMs,
      }),
    );
    process.stdout.write(
      `overview, 10 in flight: p50 ${overviewTen.p50} ms, p95 ${overviewTen.p95} ms (${overviewTen.count} requests)\n`,
    );

    // ---- reports
    loadAverages.push(os.loadavg()[0] ?? 0);
    const unitUrl = `${appUrl}/staff/reports/${year}/${subjects.unitCode}`;
    const bureauUrl = `${appUrl}/staff/reports/${year}/bureau`;
    const text = subjects.practiceText;
    /** A report's page, then its ODF, each fetched run after run and checked for the practice's text. */
    const timeReport = async (url: string, name: 'unit' | 'bureau') => ({
      page: await timeRuns(url, cookie, reportRuns, pageCheck(`the ${name} report page`, text)),
      odt: await timeRuns(`${url}/report.odt`, cookie, reportRuns, odtCheck(`the ${name} ODF`, text)),
    });
    const { page: unitPage, odt: unitOdt } = await timeReport(unitUrl, 'unit');
    process.stdout.write(
      `unit report (${subjects.unitCode}): page ${unitPage.median} ms (max ${unitPage.max}), ODF ${unitOdt.median} ms (max ${unitOdt.max})\n`,
    );
    const { page: bureauPage, odt: bureauOdt } = await timeReport(bureauUrl, 'bureau');
    process.stdout.write(
      `bureau report: page ${bureauPage.median} ms (max ${bureauPage.max}), ODF ${bureauOdt.median} ms (max ${bureauOdt.max})\n`,
    );
    loadAverages.push(os.loadavg()[0] ?? 0);

    // ---- plans
    const today = taipeiToday();
    const explained = [
      await explainAll(pool, `Overview (GET /staff/progress/${year})`, (db) =>
        progressOverview(db, year, today),
      ),
      await explainAll(pool, `Bureau-wide report (GET /staff/reports/${year}/bureau)`, (db) =>
        buildReport(db, year, null),
      ),
    ];
    const figures: ControlFigures = { overviewSingle, overviewTen, unitPage, unitOdt, bureauPage, bureauOdt };
    return sectionLines({
      generation,
      subjects,
      figures,
      explained,
      loadAverages,
      minutes: Math.round((performance.now() - sectionStarted) / 6_000) / 10,
    });
  });
}

function sectionLines(input: {
  generation: Generation;
  subjects: Subjects;
  figures: ControlFigures;
  explained: Awaited<ReturnType<typeof explainAll>>[];
  loadAverages: number[];
  minutes: number;
}): string[] {
  const { generation, subjects, figures } = input;
  const load = (name: string, value: LatencyFigures) =>
    `| ${name} | ${value.count} | ${value.perSecond} | ${value.p50} | ${value.p95} | ${value.p99} | ${round1(value.max)} | ${value.failures} |`;
  const runs = (name: string, value: RunTimes) =>
    `| ${name} | ${value.runs} | ${value.median} | ${value.max} | ${Math.round(value.bytes / 1024).toLocaleString('en')} KiB |`;
  const { overviewSingle, overviewTen, unitPage, unitOdt, bureauPage, bureauOdt } = figures;
  const unitWorst = Math.max(unitPage.max, unitOdt.max);
  const bureauWorst = Math.max(bureauPage.max, bureauOdt.max);
  const heaviest = input.explained.map((entry) => [...entry.plans].sort((a, b) => b.ms - a.ms)[0]);
  return [
    ...sectionHead('Management control (issue 4 §8)', {
      when: 'before the overview, before the reports and after them',
      averages: input.loadAverages,
    }),
    '',
    `On a database of **${subjects.entries.toLocaleString('en')} progress entries** (${subjects.values.toLocaleString('en')} measured values; ${subjects.sizeMb.toLocaleString('en')} MB), filled by bench/generate-control.ts:`,
    '',
    ...describeControlResult(generation).map((line) => `- ${line}`),
    `- ${generation.reused ? `Reused from BENCH_CONTROL_DIR (generated ${generation.generatedAt}).` : 'Generated in this run.'} Method: plans copied and published with the app's own copyPlan/publishPlan; the rest in one transaction, progress rows with COPY and the progress tables' non-unique indexes and foreign keys rebuilt afterwards, then VACUUM ANALYZE.`,
    '',
    `Signed in as the bench secretariat through the real pages. The overview is \`GET /staff/progress/${subjects.year}\` (${subjects.yearEntries.toLocaleString('en')} entries that year, the latest: today's periods, missing reports, indicators). The unit report is \`${subjects.unitCode}\`'s (${subjects.unitEntries.toLocaleString('en')} entries in ${subjects.year}). Every answer is checked: 200, the page holds a practice's text, the ODF is a valid package (mimetype, manifest, well-formed XML) whose content.xml tables hold it.`,
    '',
    `Overview: the closed-loop client (bench/load-client.ts), every latency recorded, p95 exact (nearest rank); 100 warm-up requests at 10 in flight, then ${overviewRequests} with one in flight, then ${overviewRequests} with 10 in flight (each step bounded to ${stepLimitMs / 1000} s).`,
    '',
    '| target | requests | per second | p50 ms | p95 ms | p99 ms | max ms | failures |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    load('overview, one in flight', overviewSingle),
    load('overview, 10 in flight', overviewTen),
    '',
    `Reports: one request at a time, after one warm-up request, ${reportRuns} runs each; the time until the whole answer is read.`,
    '',
    '| target | runs | median ms | max ms | size |',
    '|---|---:|---:|---:|---:|',
    runs(`unit report page (${subjects.unitCode})`, unitPage),
    runs(`unit report ODF (${subjects.unitCode})`, unitOdt),
    runs('bureau-wide report page', bureauPage),
    runs('bureau-wide report ODF', bureauOdt),
    '',
    '| target (issue 4 §8) | wanted | measured | |',
    '|---|---|---|---|',
    `| overview p95, one in flight | < 100 ms | ${overviewSingle.p95} ms | ${verdict(overviewSingle.p95 < 100 && overviewSingle.failures === 0)} |`,
    `| overview p95, 10 in flight | < 100 ms | ${overviewTen.p95} ms | ${verdict(overviewTen.p95 < 100 && overviewTen.failures === 0)} |`,
    `| one unit's report, page and ODF (slowest run) | < 2 s | ${unitWorst} ms | ${verdict(unitWorst < 2000)} |`,
    `| bureau-wide report, page and ODF (slowest run) | < 15 s | ${bureauWorst} ms | ${verdict(bureauWorst < 15_000)} |`,
    '',
    `Section run: ${input.minutes} min.`,
    '',
    '### Query plans (management control)',
    '',
    "The SQL is captured from the app's own functions (`progressOverview`, `buildReport` for the bureau) through drizzle's query logger, each query run once more and then under `EXPLAIN (ANALYZE, BUFFERS)` with the same parameters. Every query's execution time, then the plan of the heaviest:",
    '',
    ...input.explained.flatMap((entry) => [
      `- ${entry.title}, ${entry.plans.length} queries (the whole function ${entry.wholeMs} ms): ${entry.plans.map((plan) => `${plan.ms.toFixed(1)}`).join(', ')} ms.`,
    ]),
    '',
    ...heaviest.flatMap((plan) =>
      plan === undefined ? [] : queryPlanLines(`${plan.title}, the heaviest`, plan),
    ),
  ];
}
