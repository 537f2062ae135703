/**
 * `npm run bench`: in one run on this machine, measure
 *   1. a bare node:http server answering a fixed JSON body (the baseline),
 *   2. GET /healthz and 3. the home page of the real app (embedded PostgreSQL, production settings),
 * each at 50 connections for 10 s (after a 2 s warm-up), plus the app's peak RSS. Writes docs/benchmarks.md.
 * Load goes only to 127.0.0.1 and every run is bounded in time.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error autocannon ships no types
import autocannon from 'autocannon';

const connections = 50;
const durationSeconds = Number(process.env.BENCH_SECONDS ?? 10);

interface Result {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function load(name: string, url: string, seconds: number): Promise<Result> {
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function measure(name: string, url: string): Promise<Result> {
  await load(`${name} warm-up`, url, 2);
  const result = await load(name, url, durationSeconds);
  process.stdout.write(
    `${name}: ${result.requestsPerSecond} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms\n`,
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

// 1. baseline
const baselinePort = await freePort();
const baseline = fork(path.resolve('bench/baseline-server.mjs'), [], {
  env: { ...process.env, PORT: String(baselinePort) },
  stdio: 'ignore',
});
await new Promise((resolve) => baseline.once('message', resolve));
const baselineResult = await measure('baseline node:http', `http://127.0.0.1:${baselinePort}/`);
await stop(baseline);

// 2–3. the app, as `npm start` runs it (embedded PostgreSQL, info-level request logs written to a pipe).
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-bench-'));
const appPort = await freePort();
const app = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  env: { ...process.env, DATA_DIR: dataDir, PORT: String(appPort), DEMO_STAFF: 'false', DATABASE_URL: '' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
app.stdout?.resume();
const appUrl = `http://127.0.0.1:${appPort}`;
let results: Result[] = [];
let peakRss = 0;
try {
  await waitFor(`${appUrl}/readyz`, 60_000);
  const health = await measure('GET /healthz', `${appUrl}/healthz`);
  const home = await measure('GET / (home page)', `${appUrl}/`);
  results = [baselineResult, health, home];
  peakRss = await peakRssMegabytes(app.pid ?? 0);
} finally {
  await stop(app);
  await rm(dataDir, { recursive: true, force: true });
}

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
  `${durationSeconds} s per target after a 2 s warm-up, all on 127.0.0.1 (client and server share the two cores).`,
  '',
  `- Date: ${new Date().toISOString()}`,
  `- Machine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, ${os.type()} ${os.release()}`,
  `- Node ${process.version}; the app runs as \`npm start\` does (embedded PostgreSQL, LOG_LEVEL=info, request logs to a pipe)`,
  '',
  '| target | requests/s | % of baseline | p50 ms | p99 ms | errors | non-2xx |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...results.map(
    (result) =>
      `| ${result.name} | ${result.requestsPerSecond} | ${share(result)} % | ${result.p50} | ${result.p99} | ${result.errors} | ${result.non2xx} |`,
  ),
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
