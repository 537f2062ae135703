/**
 * `npm run bench`: in one run on this machine, measure
 *   1. a bare node:http server answering a fixed JSON body (the baseline),
 *   2. GET /healthz and 3. the home page of the real app (embedded PostgreSQL, production settings),
 * each at 50 connections for 10 s (after a 2 s warm-up), plus the app's peak RSS; and, on a database
 * holding 1,000,000 generated cases (bench/generate-cases.ts, issue 3 §10):
 *   4. case creation at the counter API, the handler's queue, a unit's overdue view and the public
 *      look-up, beside the baseline measured the same way (bench/cases-bench.ts), and the plans of the
 *      queries behind them.
 *   5. management control (issue 4 §8), on a database of 20 years of plans and 30 units reporting monthly
 *      (bench/generate-control.ts): the secretariat's progress overview, one unit's and the bureau-wide
 *      annual report (page and ODF), and the plans of the queries behind them (bench/control-bench.ts).
 *   6. photo reports and Open311 (issue 10), on a database of 1,000,000 field reports with photos
 *      (bench/generate-reports.ts): the Open311 request list (one in flight, and requests/s beside a bare
 *      server sending the same JSON), the city-wide GeoJSON box, the nearby-duplicate query, report
 *      submission with a photo through Open311 (reports/s, nothing lost, photos/s) and the app's peak RSS
 *      during 20 concurrent 10 MB uploads (bench/reports-bench.ts).
 *   7. online applications (issue 11), on a fresh database: applicants through the real pages, then the
 *      submission with two 200 KB PDFs end to end (submissions/s, p95, nothing lost, the app's peak RSS) at 20
 *      and 50 at once, and the supplement likewise (bench/applications-bench.ts).
 *   8. public pages (issue 12), on a fresh database with the demo data: every address of the app's list of
 *      anonymous public reads (each module's `publicReads` and the platform's) at 50 connections beside the bare
 *      server measured in the same run, the app's RSS; the render cost of each, one in flight, in an app keeping
 *      nothing (PUBLIC_PAGE_CACHE_SECONDS=0) and the kept answer's; a memory-abuse run on the most expensive one
 *      (bench/public-pages-bench.ts).
 *   9. the information portal (issue 15), on a database of 200,000 generated content items and 20,000 FAQ
 *      entries (bench/generate-portal.ts): indexing rate through rebuildSearchIndex, search p95 one in flight
 *      (searchSite and GET /search) over a query mix with the plans of the slowest, and a kept item page at 50
 *      connections beside the bare server with the app's RSS (bench/portal-bench.ts).
 *  10. petitions (issue 16), on a database of 2,000,000 petitions over eight years (bench/generate-petitions.ts):
 *      the case-type analysis page over HTTP and repeat detection (findRepeats), one in flight, and the upkeep
 *      of the analysis's roll-ups (bench/petitions-bench.ts).
 * Writes docs/benchmarks.md, section by section (bench/benchmarks-file.ts): a section not run keeps its
 * text. Load goes only to 127.0.0.x and every run is bounded in time.
 *
 * Environment:
 *   BENCH_ONLY: the sections to run, comma-separated: `cases` (1–4: the issue 2 targets and the cases,
 *     measured in the same rounds on one app), `control` (5), `reports` (6), `applications` (7) and `public`
 *     (8), `portal` (9), `petitions` (10); default `cases,control,reports,applications,public,portal,petitions`.
 *     E.g. `BENCH_ONLY=reports npm run bench`.
 *   cases: BENCH_ROUNDS (3), BENCH_SECONDS (10), BENCH_CASES (1000000), BENCH_LATENCY_REQUESTS (1000),
 *     BENCH_CASES_DIR (a folder to keep the generated database in and reuse on the next run with the same
 *     BENCH_CASES; default: a temporary folder, generated afresh and removed).
 *     BENCH_APP_PROCESSES (`1`; e.g. `1,2`: every round measures the cases targets with one app process, then
 *     with two on the same PostgreSQL — the second through DATABASE_URL — the load spread evenly over them).
 *   control: BENCH_CONTROL_DIR (likewise, reused while years, units and the latest year match),
 *     BENCH_CONTROL_YEARS (20), BENCH_CONTROL_UNITS (30), BENCH_CONTROL_REQUESTS (overview requests per
 *     step, 1000), BENCH_CONTROL_RUNS (runs per report target, 10).
 *   reports: BENCH_REPORTS (1000000), BENCH_REPORTS_DIR (likewise, reused while the count matches), and
 *     the sizes of its steps (see bench/reports-bench.ts).
 *   applications: BENCH_APPLICATIONS (applicants per level, 500), BENCH_APPLICATIONS_CONCURRENCY (20,50)
 *     and the rest in bench/applications-bench.ts.
 *   public: BENCH_PUBLIC_SECONDS (5, per address), BENCH_PUBLIC_ABUSE_SECONDS (60), BENCH_PUBLIC_REST_SECONDS
 *     (30) and the rest in bench/public-pages-bench.ts.
 *   portal: BENCH_PORTAL_DIR (keep the generated database there, reused while the counts match),
 *     BENCH_PORTAL_ITEMS (200000), BENCH_PORTAL_FAQ (20000) and the rest in bench/portal-bench.ts.
 *   petitions: BENCH_PETITIONS_DIR (likewise, reused while the counts match), BENCH_PETITIONS (2000000),
 *     BENCH_PETITIONS_YEARS (8) and the rest in bench/petitions-bench.ts.
 *   BENCH_OUTPUT (docs/benchmarks.md).
 *   BENCH_APP_NODE_FLAGS: more Node flags for the app processes started as `npm start` runs them (not for
 *     the bench's own), e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` (NODE_OPTIONS refuses --cpu-prof). A
 *     profile's time in `writev` under load is mostly the app descheduled while the PostgreSQL backend it
 *     just woke runs on the same cores, not the app's CPU.
 */
import { fork } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../src/platform/db/embedded-server.ts';
import { applicationsSection } from './applications-bench.ts';
import autocannon from './autocannon.ts';
import {
  benchDataDir,
  benchPassword,
  generatedDatabase,
  machineDescription,
  median,
  queryPlanLines,
  type ServerCpu,
  stop,
  verdict,
  withBenchApp,
} from './bench-support.ts';
import { writeBenchmarks } from './benchmarks-file.ts';
import {
  appProcessCounts,
  type CasesRound,
  type CasesSubjects,
  casesRound,
  chooseSubjects,
  creationBodies,
  creationConcurrency,
  creationSeconds,
  explainHotQueries,
  latencyConcurrency,
  latencyRequests,
  loopbackAddresses,
  type QueryPlan,
  signIn,
  singleRequests,
  startMoreApps,
} from './cases-bench.ts';
import { controlSection } from './control-bench.ts';
import { benchEmails, describeResult, type GenerateResult } from './generate-cases.ts';
import type { LatencyFigures } from './load-client.ts';
import { petitionsSection } from './petitions-bench.ts';
import { portalSection } from './portal-bench.ts';
import { peakRssMegabytes, resetPeakRss } from './process-memory.ts';
import { publicPagesSection } from './public-pages-bench.ts';
import { reportsSection } from './reports-bench.ts';

const connections = 50;
const durationSeconds = Number(process.env.BENCH_SECONDS ?? 10);
const casesWanted = Number(process.env.BENCH_CASES ?? 1_000_000);
const benchStarted = performance.now();
const knownSections = ['cases', 'control', 'reports', 'applications', 'public', 'portal', 'petitions'];
const sections = new Set(
  (process.env.BENCH_ONLY ?? knownSections.join(','))
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== ''),
);
for (const name of sections)
  if (!knownSections.includes(name))
    throw new Error(`BENCH_ONLY: unknown section ${name} (known: ${knownSections.join(', ')})`);
// BENCH_OUTPUT: write elsewhere (trial runs), keeping the other sections and the notes of that file.
const output = process.env.BENCH_OUTPUT ?? 'docs/benchmarks.md';
/**
 * The sections after the cases part (each on its own database and app, one after the other), then the file
 * written with `main` (the cases part's lines; null keeps the file's).
 */
async function runOtherSectionsAndWrite(main: string[] | null): Promise<void> {
  const control = sections.has('control') ? await controlSection() : null;
  const reports = sections.has('reports') ? await reportsSection() : null;
  const applications = sections.has('applications') ? await applicationsSection() : null;
  const publicPages = sections.has('public') ? await publicPagesSection() : null;
  const portal = sections.has('portal') ? await portalSection() : null;
  const petitions = sections.has('petitions') ? await petitionsSection() : null;
  await writeBenchmarks(output, {
    main,
    control,
    reports,
    applications,
    public: publicPages,
    portal,
    petitions,
  });
  process.stdout.write(`Wrote ${output}\n`);
}

if (!sections.has('cases')) {
  // The other sections alone: the rest of this file is the cases part.
  await runOtherSectionsAndWrite(null);
  process.exit(0);
}

interface Result {
  name: string;
  /** Server CPU time (user + system) per request: steadier on this VM than requests/s. */
  cpuMicrosecondsPerRequest: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** utime + stime of a process, in milliseconds (Linux clock ticks are 10 ms). */
async function cpuMilliseconds(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function load(name: string, url: string, seconds: number, serverPid: number): Promise<Result> {
  const cpuBefore = await cpuMilliseconds(serverPid);
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
  const cpuAfter = await cpuMilliseconds(serverPid);
  return {
    name,
    cpuMicrosecondsPerRequest: Math.round(
      ((cpuAfter - cpuBefore) * 1000) / Math.max(1, result.requests.total),
    ),
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function measure(name: string, url: string, serverPid: number): Promise<Result> {
  await load(`${name} warm-up`, url, 2, serverPid);
  const result = await load(name, url, durationSeconds, serverPid);
  process.stdout.write(
    `${name}: ${result.requestsPerSecond} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.cpuMicrosecondsPerRequest} µs server CPU/request\n`,
  );
  return result;
}

// ---- The database: 1,000,000 generated cases in the bench's own embedded PostgreSQL data folder.
const { dataDir, isTemporary } = await benchDataDir(process.env.BENCH_CASES_DIR, 'onewindow-bench-');
const generation = await generatedDatabase<GenerateResult>({
  dataDir,
  markerName: 'bench-cases.json',
  fits: (marker) => marker.cases === casesWanted,
  reusing: (marker) =>
    `Reusing ${marker.cases.toLocaleString('en')} cases generated ${marker.generatedAt} in ${dataDir}.`,
  generating: `Generating ${casesWanted.toLocaleString('en')} cases in ${dataDir} …`,
  script: 'bench/generate-cases.ts',
  args: ['--cases', String(casesWanted)],
});

// Both servers run for the whole bench; the targets are measured in turn, in several rounds, and the
// median round is reported — this VM's speed drifts by tens of percent over a minute, so measuring the
// baseline once and the app later would compare different machines.
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const baselinePort = await findFreePort();
const baseline = fork(path.resolve('bench/baseline-server.mjs'), [], {
  env: { ...process.env, PORT: String(baselinePort) },
  stdio: 'ignore',
});
await new Promise((resolve) => baseline.once('message', resolve));

const packageJson = JSON.parse(await readFile('package.json', 'utf8')) as { scripts: { start: string } };
const baselineUrl = `http://127.0.0.1:${baselinePort}/`;
const perRound: Result[][] = [];
const casesRounds: CasesRound[] = [];
/** The rounds with each further number of app processes (BENCH_APP_PROCESSES), beside casesRounds' first. */
const casesRoundsWith = new Map<number, CasesRound[]>(appProcessCounts.slice(1).map((count) => [count, []]));
let subjects: CasesSubjects | null = null;
let plans: QueryPlan[] = [];
/** Peak RSS while the issue 2 targets ran (start-up included), and over the whole run (cases too). */
let peakRss = 0;
let wholeRunPeakRss = 0;
/** The machine's 1-minute load average at the start of each round and at the end. */
const loadAverages: number[] = [];
try {
  // The app once ready, with the bench's own pool (counts, choosing whom to act as, plans).
  await withBenchApp({ dataDir, isTemporary }, async ({ app, appUrl, pool }) => {
    const targets = [
      { name: 'baseline node:http', url: baselineUrl, pid: baseline.pid ?? 0 },
      { name: 'GET /healthz', url: `${appUrl}/healthz`, pid: app.pid ?? 0 },
      { name: 'GET / (home page)', url: `${appUrl}/`, pid: app.pid ?? 0 },
    ];
    const appPid = app.pid ?? 0;
    const addresses = loopbackAddresses();
    let prepared: { subjects: CasesSubjects; sessions: Parameters<typeof casesRound>[0]['sessions'] } | null =
      null;
    // The other app processes of BENCH_APP_PROCESSES, on the same PostgreSQL, idle until their turn.
    const more = await startMoreApps(dataDir, Math.max(...appProcessCounts) - 1);
    try {
      for (let round = 1; round <= rounds; round++) {
        process.stdout.write(`round ${round}/${rounds}\n`);
        loadAverages.push(os.loadavg()[0] ?? 0);
        // The issue 2 peak RSS is taken over these three targets only (and the start-up, before round 1): the
        // cases section signs staff in, and each argon2 hash takes 64 MiB while it runs.
        if (round > 1) {
          wholeRunPeakRss = Math.max(wholeRunPeakRss, await peakRssMegabytes(appPid));
          await resetPeakRss(appPid);
        }
        const results: Result[] = [];
        for (const target of targets) results.push(await measure(target.name, target.url, target.pid));
        perRound.push(results);
        peakRss = Math.max(peakRss, await peakRssMegabytes(appPid));
        if (prepared === null) {
          const clerk = await signIn(appUrl, benchEmails.counterClerk(1), benchPassword);
          const chosen = await chooseSubjects(pool);
          const ready: CasesSubjects = { ...chosen, bodies: await creationBodies(pool, appUrl, clerk) };
          prepared = {
            subjects: ready,
            sessions: {
              clerk,
              handler: await signIn(appUrl, ready.handler.email, benchPassword),
              supervisor: await signIn(appUrl, ready.supervisor.email, benchPassword),
            },
          };
          subjects = ready;
        }
        for (const count of appProcessCounts) {
          const appUrls = [appUrl, ...more.urls].slice(0, count);
          const appPids = [appPid, ...more.apps.map((child) => child.pid ?? 0)].slice(0, count);
          const measured = await casesRound({ pool, appUrls, appPids, baselineUrl, ...prepared, addresses });
          (casesRoundsWith.get(count) ?? casesRounds).push(measured);
        }
      }
    } finally {
      await Promise.all(more.apps.map(stop));
    }
    loadAverages.push(os.loadavg()[0] ?? 0);
    if (prepared !== null) plans = await explainHotQueries(pool, prepared.subjects, new Date());
    wholeRunPeakRss = Math.max(wholeRunPeakRss, peakRss, await peakRssMegabytes(appPid));
  });
} finally {
  await stop(baseline);
}

/** The round whose home-page share of the baseline is the median one: its three figures belong together. */
const shareOf = (round: Result[], index: number) =>
  (round[index]?.requestsPerSecond ?? 0) / (round[0]?.requestsPerSecond ?? 1);
const sortedRounds = [...perRound].sort((left, right) => shareOf(left, 2) - shareOf(right, 2));
const results = sortedRounds[Math.floor(sortedRounds.length / 2)] ?? [];
const baselineResult = results[0] as Result;
const [, health, home] = results as [Result, Result, Result];
const share = (result: Result) =>
  Math.round((result.requestsPerSecond / baselineResult.requestsPerSecond) * 100);
const lines = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (bench/run.ts). Every figure below comes from one run on one machine; compare',
  'figures only within a run. Load: autocannon in the bench process, 50 connections, pipelining 1,',
  `${durationSeconds} s per target after a 2 s warm-up, all on 127.0.0.1 (client and servers share the two cores, as they would on one small host).`,
  '',
  `- Date: ${new Date().toISOString()}`,
  `- Machine: ${machineDescription()}`,
  `- Node ${process.version}; the app runs as \`npm start\` does (\`${packageJson.scripts.start}\`: embedded PostgreSQL, LOG_LEVEL=info, request logs to a file)`,
  '',
  '| target | requests/s | % of baseline | p50 ms | p99 ms | server CPU µs/request | errors | non-2xx |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map(
    (result) =>
      `| ${result.name} | ${result.requestsPerSecond} | ${share(result)} % | ${result.p50} | ${result.p99} | ${result.cpuMicrosecondsPerRequest} | ${result.errors} | ${result.non2xx} |`,
  ),
  '',
  `The table is the median of ${rounds} rounds (ranked by the home page's share of the baseline). Every round, in order:`,
  '',
  '| round | baseline req/s | /healthz req/s (share) | home req/s (share) | home p99 ms |',
  '|---|---:|---:|---:|---:|',
  ...perRound.map((round, index) => {
    const [base, healthRound, homeRound] = round as [Result, Result, Result];
    const percent = (result: Result) => Math.round((result.requestsPerSecond / base.requestsPerSecond) * 100);
    return `| ${index + 1} | ${base.requestsPerSecond} | ${healthRound.requestsPerSecond} (${percent(healthRound)} %) | ${homeRound.requestsPerSecond} (${percent(homeRound)} %) | ${homeRound.p99} |`;
  }),
  '',
  `App peak RSS (VmHWM of the app process over start-up and these three targets in every round): **${peakRss} MB**; over the whole run, cases section included (staff sign-ins hash with argon2, 64 MiB each): ${wholeRunPeakRss} MB.`,
  '',
  '| target (issue 2) | wanted | measured | |',
  '|---|---|---|---|',
  `| /healthz throughput | ≥ 80 % of baseline | ${share(health)} % | ${verdict(share(health) >= 80)} |`,
  `| home page throughput | ≥ 40 % of baseline | ${share(home)} % | ${verdict(share(home) >= 40)} |`,
  `| home page p99 | < 25 ms | ${home.p99} ms | ${verdict(home.p99 < 25)} |`,
  `| peak RSS | < 250 MB | ${peakRss} MB | ${verdict(peakRss < 250)} |`,
  '',
  ...casesSection(),
];

function casesSection(): string[] {
  if (subjects === null || casesRounds.length === 0) return [];
  const pick = (select: (round: CasesRound) => number) => median(casesRounds.map(select));
  const creationRate = pick((round) => round.creation.perSecond);
  const queueP95 = pick((round) => round.queue.p95);
  const overdueP95 = pick((round) => round.overdue.p95);
  const lookupP95 = pick((round) => round.lookup.p95);
  const created = casesRounds.reduce((sum, round) => sum + round.creation.created, 0);
  const lost = casesRounds.reduce(
    (sum, round) => sum + (round.creation.before + round.creation.created - round.creation.after),
    0,
  );
  const failures = casesRounds.reduce(
    (sum, round) =>
      sum + round.creation.failures + round.queue.failures + round.overdue.failures + round.lookup.failures,
    0,
  );
  const row = (
    name: string,
    select: (round: CasesRound) => {
      p50: number;
      p95: number;
      p99: number;
      perSecond: number;
      failures: number;
    },
  ) => {
    const values = casesRounds.map(select);
    return `| ${name} | ${median(values.map((value) => value.perSecond))} | ${median(values.map((value) => value.p50))} | ${median(values.map((value) => value.p95))} | ${median(values.map((value) => value.p99))} | ${values.reduce((sum, value) => sum + value.failures, 0)} |`;
  };
  const database = subjects.database;
  const generationLines = describeResult(generation);
  return [
    '## Cases (issue 3 §10)',
    '',
    `On a database of **${database.cases.toLocaleString('en')} cases** and ${database.events.toLocaleString('en')} timeline events (${database.sizeMb.toLocaleString('en')} MB; ` +
      `${database.open.toLocaleString('en')} open, ${database.overdue.toLocaleString('en')} of them overdue, at the time of the run), filled by \`npm run bench:generate\` (bench/generate-cases.ts). States: ${database.byState}.`,
    '',
    generation.reused
      ? `Generation: reused from BENCH_CASES_DIR (generated ${generation.generatedAt}):`
      : 'Generation, in this run:',
    '',
    ...generationLines.map((line) => `- ${line}`),
    `- Method: one transaction; the non-unique indexes and foreign keys of \`cases\`/\`case_events\` dropped, rows sent with COPY (pg-copy-streams) while the next batch is generated, then indexes rebuilt and foreign keys re-added (validated) from their own definitions, then VACUUM ANALYZE. Deadline fields computed per case with the real working calendar (\`computeDeadline\`), not approximated.`,
    '',
    `Load: the bench's own closed-loop client (bench/load-client.ts), every latency recorded and sorted — **p95 is exact (nearest rank), not read off a histogram** — and every response awaited, so the count check below is exact. ` +
      `Latency targets: ${latencyRequests} requests at ${latencyConcurrency} concurrent after 100 warm-up requests, per round (the verdicts below use these: with 10 requests always in flight on 2 cores, p95 is mostly queueing behind the other 9), then ${singleRequests} with one in flight (the latency one user sees on an idle app); creation: ${creationConcurrency} concurrent for ${creationSeconds} s after 2 s warm-up. ` +
      `The baseline is the same node:http server as above, measured with the same client (GET, same concurrency). Medians of ${casesRounds.length} rounds, interleaved with the targets above. ` +
      `The machine's 1-minute load average at the start of each round and at the end: ${loadAverages.map((value) => value.toFixed(1)).join(', ')} — with 2 cores, anything above ~2 means other processes (other people's test runs, on this shared VM) competed with the bench for them, and the figures are that much noisier.`,
    '',
    `- Handler queue: \`GET /api/staff/cases?scope=mine\` as ${subjects.handler.email} (${subjects.handler.openCases} open cases).`,
    `- Unit overdue view: \`GET /api/staff/cases?due=overdue\` as the supervisor of \`${subjects.supervisor.unitCode}\` (${subjects.supervisor.openCases.toLocaleString('en')} open, ${subjects.supervisor.overdueCases.toLocaleString('en')} overdue when chosen).`,
    `- Public look-up: \`POST /api/track\` with a real case number and its right code, cycling through ${subjects.lookups.length} random cases; each client address (127.x.y.z) sends at most 20 look-ups, as many citizens would — the per-IP limit (30 a minute) and its counter write stay in the path.`,
    `- Case creation: \`POST /api/staff/cases\` as a counter clerk signed in through the real pages (session cookie + \`x-csrf-token\`), cycling through ${subjects.bodies.length} intake bodies (one per service). Cases counted before and after each round: ${created.toLocaleString('en')} created with 201, ${lost} lost or unaccounted.`,
    '',
    ...appProcessesLines(),
    '| target | per second | p50 ms | p95 ms | p99 ms | failures |',
    '|---|---:|---:|---:|---:|---:|',
    row(`baseline node:http (${latencyConcurrency} concurrent)`, (round) => round.baselineLatency),
    row(`baseline node:http (${creationConcurrency} concurrent)`, (round) => round.baselineThroughput),
    row('case creation (201/s)', (round) => round.creation),
    row('handler queue', (round) => round.queue),
    row('unit overdue view', (round) => round.overdue),
    row('public look-up', (round) => round.lookup),
    row('baseline node:http, one in flight', (round) => round.single.baseline),
    row('handler queue, one in flight', (round) => round.single.queue),
    row('unit overdue view, one in flight', (round) => round.single.overdue),
    row('public look-up, one in flight', (round) => round.single.lookup),
    '',
    cpuPerCreationLine(casesRounds),
    '',
    'Every round:',
    '',
    '| round | baseline p95 ms | creations/s (cases before → after) | queue p95 ms | overdue p95 ms | look-up p95 ms |',
    '|---|---:|---:|---:|---:|---:|',
    ...casesRounds.map(
      (round, index) =>
        `| ${index + 1} | ${round.baselineLatency.p95} | ${round.creation.perSecond} (${round.creation.before.toLocaleString('en')} → ${round.creation.after.toLocaleString('en')}) | ${round.queue.p95} | ${round.overdue.p95} | ${round.lookup.p95} |`,
    ),
    '',
    '| target (issue 3) | wanted | measured | |',
    '|---|---|---|---|',
    `| generate 1,000,000 cases with timelines | < 15 min | ${Math.round(generation.seconds)} s${generation.cases === 1_000_000 ? '' : ` (for ${generation.cases.toLocaleString('en')})`} | ${verdict(generation.seconds < 900 && generation.cases >= 1_000_000)} |`,
    `| case creations | ≥ 300/s | ${creationRate}/s | ${verdict(creationRate >= 300 && lost === 0 && failures === 0)} |`,
    `| handler queue p95 | < 30 ms | ${queueP95} ms | ${verdict(queueP95 < 30)} |`,
    `| unit overdue view p95 | < 30 ms | ${overdueP95} ms | ${verdict(overdueP95 < 30)} |`,
    `| public look-up p95 | < 15 ms | ${lookupP95} ms | ${verdict(lookupP95 < 15)} |`,
    '',
    ...moreAppProcessesLines(),
    `Whole bench run: ${Math.round((performance.now() - benchStarted) / 60_000)} min.`,
    '',
    '### Query plans',
    '',
    "The SQL is captured from the app's own functions (`listQueue` as the queue API calls it; `checkApplicantAccess`, `getCaseDetail` and `listAttachments` as the look-up does) through drizzle's query logger, and run again with the same parameters under `EXPLAIN (ANALYZE, BUFFERS)` after the load.",
    '',
    ...plans.flatMap((plan) => queryPlanLines(plan.title, plan)),
  ];
}

/**
 * What one creation cost the machine's cores, median of the rounds: the app processes, the embedded
 * PostgreSQL (its server and backends) and the bench's own load client, which shares the cores. The sum is
 * what bounds the rate on these cores, whatever the latency.
 */
function cpuPerCreationLine(measured: readonly CasesRound[]): string {
  const pick = (select: (cpu: ServerCpu) => number) =>
    median(measured.map((round) => select(round.creation.cpu)));
  const app = pick((cpu) => cpu.appMs);
  const database = pick((cpu) => cpu.databaseMs);
  const client = pick((cpu) => cpu.clientMs);
  const cores = os.cpus().length;
  const ceiling = Math.round((cores * 1000) / Math.max(0.1, app + database + client));
  return `CPU per case creation (user + system over the measured ${creationSeconds} s, per 201; median of ${measured.length} rounds): app ${app} ms, PostgreSQL ${database} ms, the load client ${client} ms — ${Math.round((app + database + client) * 10) / 10} ms in all, a ceiling of ~${ceiling}/s on ${cores} cores. The receipt notices the workers delivered in that time count (one per creation with these intake bodies); those still queued at its end do not.`;
}

/** The app processes the cases table above was measured with (BENCH_APP_PROCESSES; issue 12 §3). */
function appProcessesLines(): string[] {
  const [first = 1] = appProcessCounts;
  const others = appProcessCounts.slice(1);
  return [
    first === 1
      ? `App processes: one${others.length === 0 ? '' : ` (below, the same targets with ${others.join(', ')} processes)`}.`
      : `App processes: **${first}** on the same PostgreSQL (the first owns the embedded server, the others use it through DATABASE_URL, as docs/operations.md describes), each load spread evenly over them (half the concurrency each, for two); one-in-flight rows go to the first.`,
    '',
  ];
}

/** The cases targets with each further number of app processes (BENCH_APP_PROCESSES=1,2), same rounds. */
function moreAppProcessesLines(): string[] {
  return [...casesRoundsWith].flatMap(([count, measured]) => {
    if (measured.length === 0) return [];
    const figure = (select: (round: CasesRound) => LatencyFigures) => {
      const values = measured.map(select);
      return `${median(values.map((value) => value.perSecond))} | ${median(values.map((value) => value.p50))} | ${median(values.map((value) => value.p95))} | ${median(values.map((value) => value.p99))} | ${values.reduce((sum, value) => sum + value.failures, 0)}`;
    };
    const p95 = (select: (round: CasesRound) => LatencyFigures) =>
      median(measured.map((round) => select(round).p95));
    const rate = median(measured.map((round) => round.creation.perSecond));
    const lost = measured.reduce(
      (sum, round) => sum + (round.creation.before + round.creation.created - round.creation.after),
      0,
    );
    return [
      `#### The same with ${count} app processes`,
      '',
      `${count} app processes on the same PostgreSQL (the first owns the embedded server, the others use it through DATABASE_URL, as docs/operations.md describes); each load spread evenly over them, measured in the same rounds right after the one-process figures above. Medians of ${measured.length} rounds.`,
      '',
      '| target | per second | p50 ms | p95 ms | p99 ms | failures |',
      '|---|---:|---:|---:|---:|---:|',
      `| case creation (201/s) | ${figure((round) => round.creation)} |`,
      `| handler queue | ${figure((round) => round.queue)} |`,
      `| unit overdue view | ${figure((round) => round.overdue)} |`,
      `| public look-up | ${figure((round) => round.lookup)} |`,
      '',
      cpuPerCreationLine(measured),
      '',
      `| target (issue 3), ${count} processes | wanted | measured | |`,
      '|---|---|---|---|',
      `| case creations | ≥ 300/s | ${rate}/s (${lost} lost) | ${verdict(rate >= 300 && lost === 0)} |`,
      `| handler queue p95 | < 30 ms | ${p95((round) => round.queue)} ms | ${verdict(p95((round) => round.queue) < 30)} |`,
      `| unit overdue view p95 | < 30 ms | ${p95((round) => round.overdue)} ms | ${verdict(p95((round) => round.overdue) < 30)} |`,
      `| public look-up p95 | < 15 ms | ${p95((round) => round.lookup)} ms | ${verdict(p95((round) => round.lookup) < 15)} |`,
      '',
    ];
  });
}

// The other sections run on their own databases and apps, after the cases part has stopped its own.
await runOtherSectionsAndWrite(lines);
