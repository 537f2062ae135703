/**
 * `npm run bench`: in one run on this machine, measure
 *   1. a bare node:http server answering a fixed JSON body (the baseline),
 *   2. GET /healthz and 3. the home page of the real app (embedded PostgreSQL, production settings),
 * each at 50 connections for 10 s (after a 2 s warm-up), plus the app's peak RSS. Writes docs/benchmarks.md.
 * Load goes only to 127.0.0.1 and every run is bounded in time.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error autocannon ships no types
import autocannon from 'autocannon';
import { findFreePort } from '../src/platform/db/embedded-server.ts';

const connections = 50;
const durationSeconds = Number(process.env.BENCH_SECONDS ?? 10);

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

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

async function peakRssMegabytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kilobytes / 1024);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

// Both servers run for the whole bench; the three targets are measured in turn, in several rounds, and the
// median round is reported — this VM's speed drifts by tens of percent over a minute, so measuring the
// baseline once and the app later would compare different machines.
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const baselinePort = await findFreePort();
const baseline = fork(path.resolve('bench/baseline-server.mjs'), [], {
  env: { ...process.env, PORT: String(baselinePort) },
  stdio: 'ignore',
});
await new Promise((resolve) => baseline.once('message', resolve));

// The app, as `npm start` runs it (embedded PostgreSQL, info-level request logs written to a file), with
// the same Node flags as `npm start` (read from package.json so the two cannot drift apart).
const packageJson = JSON.parse(await readFile('package.json', 'utf8')) as { scripts: { start: string } };
const startArguments = packageJson.scripts.start.replace(/^node\s+/, '').split(/\s+/);
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-bench-'));
const logFile = await open(path.join(dataDir, 'app.log'), 'w');
const appPort = await findFreePort();
const app = spawn(process.execPath, startArguments, {
  env: { ...process.env, DATA_DIR: dataDir, PORT: String(appPort), DEMO_STAFF: 'false', DATABASE_URL: '' },
  // Logs to a file, as under a service manager: a pipe read by this (busy) load-generating process would
  // slow the app down for a reason no deployment has.
  stdio: ['ignore', logFile.fd, 'inherit'],
});
const appUrl = `http://127.0.0.1:${appPort}`;
const targets = [
  { name: 'baseline node:http', url: `http://127.0.0.1:${baselinePort}/`, pid: baseline.pid ?? 0 },
  { name: 'GET /healthz', url: `${appUrl}/healthz`, pid: app.pid ?? 0 },
  { name: 'GET / (home page)', url: `${appUrl}/`, pid: app.pid ?? 0 },
];
const perRound: Result[][] = [];
let peakRss = 0;
try {
  await waitFor(`${appUrl}/readyz`, 60_000);
  for (let round = 1; round <= rounds; round++) {
    process.stdout.write(`round ${round}/${rounds}\n`);
    const results: Result[] = [];
    for (const target of targets) results.push(await measure(target.name, target.url, target.pid));
    perRound.push(results);
  }
  peakRss = await peakRssMegabytes(app.pid ?? 0);
} finally {
  await stop(app);
  await stop(baseline);
  await logFile.close();
  await rm(dataDir, { recursive: true, force: true });
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
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
const lines = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (bench/run.ts). Every figure below comes from one run on one machine; compare',
  'figures only within a run. Load: autocannon in the bench process, 50 connections, pipelining 1,',
  `${durationSeconds} s per target after a 2 s warm-up, all on 127.0.0.1 (client and servers share the two cores, as they would on one small host).`,
  '',
  `- Date: ${new Date().toISOString()}`,
  `- Machine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, ${os.type()} ${os.release()}`,
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
  `App peak RSS (VmHWM of the app process, whole run): **${peakRss} MB**.`,
  '',
  '| target (issue 2) | wanted | measured | |',
  '|---|---|---|---|',
  `| /healthz throughput | ≥ 80 % of baseline | ${share(health)} % | ${verdict(share(health) >= 80)} |`,
  `| home page throughput | ≥ 40 % of baseline | ${share(home)} % | ${verdict(share(home) >= 40)} |`,
  `| home page p99 | < 25 ms | ${home.p99} ms | ${verdict(home.p99 < 25)} |`,
  `| peak RSS | < 250 MB | ${peakRss} MB | ${verdict(peakRss < 250)} |`,
  '',
];
const existing = await readFile('docs/benchmarks.md', 'utf8').catch(() => '');
const notes = existing.includes('<!-- notes -->')
  ? existing.slice(existing.indexOf('<!-- notes -->'))
  : '<!-- notes -->\n';
await writeFile('docs/benchmarks.md', `${lines.join('\n')}\n${notes}`);
process.stdout.write('Wrote docs/benchmarks.md\n');
