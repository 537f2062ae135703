/**
 * The public-pages part of `npm run bench` (issue 12), run by bench/run.ts. The pages come from the one list
 * the app itself keeps its answers by: every module's `publicReads` and the platform's own
 * (`buildRegistry(modules, { publicReads: platformPublicReads })`), so a page added to that list is measured
 * without touching this file. For each read: its examples (default: the route itself) and, unless
 * `oneLanguage`, each one's `/en` twin. A route with a `:param` and no example gets a concrete address from the
 * running app: the first link matching it on the pages already fetched, its parent page first (the first
 * report on `/reports`, the first unit on `/work-plans/2012`). A listed route left without an address is said
 * loudly in the section.
 *
 * One database (a fresh embedded PostgreSQL with the demo data `npm start` loads), two app processes one after
 * the other on it, each as `npm start` runs it (bench/bench-support.ts):
 *   1. with PUBLIC_PAGE_CACHE_SECONDS=0 (nothing kept: every answer rendered): each address checked once, then
 *      the render cost, one request in flight — the app process's CPU time (utime + stime, /proc/PID/stat)
 *      and its PostgreSQL's per request over at least BENCH_PUBLIC_RENDER_REQUESTS (50) sequential requests,
 *      and the mean latency; then the memory-abuse run on the most expensive address (highest render CPU):
 *      50 connections for BENCH_PUBLIC_ABUSE_SECONDS (60), renders limited by RENDER_CONCURRENCY and the rest
 *      answered 503 with Retry-After (counted), RSS before, peak (VmHWM, reset first), at the end of the load
 *      and BENCH_PUBLIC_REST_SECONDS (30) later;
 *   2. as deployed (answers kept): each address checked once (a plain GET: status 200 and a body, else the
 *      status is written and the address not loaded), then requests/s at 50 connections for
 *      BENCH_PUBLIC_SECONDS (5) after a 1 s warm-up, beside a bare node:http server in its own process
 *      (bench/baseline-server.mjs) measured the same way before the first address, after every 8 and after
 *      the last (its median is the reference); p50/p99, non-2xx, errors, the app's CPU per request under that
 *      load, and the app's RSS before, peak and after; then the kept answer's CPU per request, one in flight;
 *      then the same memory-abuse run on the same address.
 * Returns the section's lines for docs/benchmarks.md. Load goes only to 127.0.0.1.
 *
 * Environment: BENCH_PUBLIC_SECONDS (5), BENCH_PUBLIC_ABUSE_SECONDS (60), BENCH_PUBLIC_REST_SECONDS (30),
 * BENCH_PUBLIC_RENDER_REQUESTS (50), BENCH_PUBLIC_ABUSE_ADDRESS (the abuse runs' address, e.g. `/plans/2012`;
 * default: the one with the highest render CPU), BENCH_PUBLIC_DIR (keep the database there; default: a
 * temporary folder, removed).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { modules } from '../src/modules/index.ts';
import { buildRegistry } from '../src/platform/composition/compose.ts';
import { findFreePort } from '../src/platform/db/embedded-server.ts';
import type { PublicRead } from '../src/platform/http/public-reads.ts';
import { localePath } from '../src/platform/web/i18n.ts';
import { platformPublicReads } from '../src/platform/web/public-pages-routes.tsx';
import autocannon from './autocannon.ts';
import {
  benchDataDir,
  median,
  sectionHead,
  stop,
  treeCpuMs,
  verdict,
  withBenchApp,
} from './bench-support.ts';
import { send } from './load-client.ts';
import { peakRssMegabytes, resetPeakRss, rssMegabytes } from './process-memory.ts';

const connections = 50;
const pageSeconds = Number(process.env.BENCH_PUBLIC_SECONDS ?? 5);
const warmUpSeconds = 1;
const abuseSeconds = Number(process.env.BENCH_PUBLIC_ABUSE_SECONDS ?? 60);
const restSeconds = Number(process.env.BENCH_PUBLIC_REST_SECONDS ?? 30);
const renderRequests = Number(process.env.BENCH_PUBLIC_RENDER_REQUESTS ?? 50);
/** The address of the abuse runs, if not the one with the highest render CPU. */
const abuseAddress = process.env.BENCH_PUBLIC_ABUSE_ADDRESS || undefined;
/** One request in flight for at least this long too, so a cheap answer's CPU is more than a clock tick or two. */
const renderMinimumMs = 400;
const renderMaximumRequests = 2000;
/** The bare server measured again after this many addresses. */
const bareEvery = 8;
const renderTargetMs = 5;
const renderTargetBytes = 100 * 1024;
const shareTarget = 30;
const rssTargetMb = 300;

const round1 = (value: number) => Math.round(value * 10) / 10;
const round2 = (value: number) => Math.round(value * 100) / 100;

// ---------------------------------------------------------------------------------------------------------
// The addresses

/** One address measured: a concrete URL path (with its query) of a listed public read, in one language. */
export interface PublicAddress {
  read: PublicRead;
  path: string;
  /** Found on the app's own pages (the route has a parameter and lists no example). */
  isDiscovered: boolean;
}

/** Every listed public read: the platform's and each module's, as the app registers them. */
export function listedPublicReads(): readonly PublicRead[] {
  return buildRegistry(modules, { publicReads: platformPublicReads }).publicReads;
}

const hasParameter = (route: string) => route.split('/').some((segment) => segment.startsWith(':'));
const parameterCount = (route: string) =>
  route.split('/').filter((segment) => segment.startsWith(':')).length;

/** A path (no query) matching the route: each `:name` one segment. */
function routePattern(route: string): RegExp {
  const source = route
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/?#]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

/** The address and, unless the read has one language, its `/en` twin. */
function inBothLanguages(read: PublicRead, zhPath: string, isDiscovered: boolean): PublicAddress[] {
  const addresses = [{ read, path: zhPath, isDiscovered }];
  if (read.oneLanguage !== true) addresses.push({ read, path: localePath('en', zhPath), isDiscovered });
  return addresses;
}

/** The link targets in an answer (HTML, Atom, JSON, XML): paths on this app, without query or fragment. */
function linkedPaths(body: string, appUrl: string): string[] {
  const paths: string[] = [];
  const origin = new URL(appUrl).origin;
  for (const match of body.matchAll(/(?:href|src)\s*=\s*"([^"]*)"|"(?:url|href|link)"\s*:\s*"([^"]*)"/g)) {
    let target = (match[1] ?? match[2] ?? '').replaceAll('&amp;', '&');
    if (target.startsWith(origin)) target = target.slice(origin.length);
    if (!target.startsWith('/') || target.startsWith('//')) continue;
    paths.push(target.split(/[?#]/)[0] ?? '');
  }
  return paths;
}

/** A request that gets no answer within this is given up (an app whose render slots are all taken queues it). */
const requestTimeoutMs = 10_000;

interface Got {
  status: number;
  body: Buffer;
  headers: http.IncomingHttpHeaders;
}

/** One GET to the loopback address, its whole answer read; rejects after `requestTimeoutMs`. */
async function get(
  url: string,
  agent: http.Agent | false = false,
  headers: Record<string, string> = {},
): Promise<Got> {
  const answer = await send(url, { agent, timeoutMs: requestTimeoutMs, headers });
  return { status: answer.status, body: answer.body, headers: answer.headers ?? {} };
}

/** What Chromium sends: every visitor's browser asks for a compressed answer. */
const browserEncodings = { 'accept-encoding': 'gzip, deflate, br, zstd' };

/**
 * An answer of a plain GET, as checked: status, bytes (no compression asked for), and the body's text; and
 * the answer a browser gets (asking for compression): its encoding and bytes when the app compressed it.
 */
interface Checked {
  status: number;
  bytes: number;
  contentType: string;
  location: string;
  body: string;
  compressed: { encoding: string; bytes: number } | null;
}

async function check(appUrl: string, address: string): Promise<Checked> {
  try {
    const answer = await get(`${appUrl}${address}`);
    const asBrowser = await get(`${appUrl}${address}`, false, browserEncodings);
    const encoding = String(asBrowser.headers['content-encoding'] ?? '');
    return {
      status: answer.status,
      bytes: answer.body.length,
      contentType: String(answer.headers['content-type'] ?? ''),
      location: String(answer.headers.location ?? ''),
      body: answer.body.toString('utf8'),
      compressed:
        asBrowser.status === 200 && encoding !== '' && encoding !== 'identity'
          ? { encoding, bytes: asBrowser.body.length }
          : null,
    };
  } catch (error) {
    return {
      status: 0,
      bytes: 0,
      contentType: '',
      location: (error as Error).message,
      body: '',
      compressed: null,
    };
  }
}

const isAnswered = (checked: Checked | undefined) =>
  checked !== undefined && checked.status === 200 && checked.bytes > 0;

/**
 * Every address to measure, each checked once on the app: the examples listed, then, for each route with a
 * parameter and no example, the first link to it on the pages fetched (its parent page's first, then any),
 * again while new pages bring new links. `missing`: the listed routes left without an address.
 */
export async function publicAddresses(
  appUrl: string,
  reads: readonly PublicRead[],
): Promise<{ addresses: PublicAddress[]; checks: Map<string, Checked>; missing: PublicRead[] }> {
  const addresses: PublicAddress[] = [];
  const pending: PublicRead[] = [];
  for (const read of reads) {
    const examples = read.examples ?? (hasParameter(read.route) ? [] : [read.route]);
    if (examples.length === 0) pending.push(read);
    for (const example of examples) addresses.push(...inBothLanguages(read, example, false));
  }
  const checks = new Map<string, Checked>();
  const checkAll = async () => {
    for (const address of addresses)
      if (!checks.has(address.path)) checks.set(address.path, await check(appUrl, address.path));
  };
  await checkAll();
  // A path another listed route claims with fewer parameters is that route's (`/reports/feed.atom`).
  const claimedElsewhere = (read: PublicRead, candidate: string) =>
    reads.some(
      (other) =>
        other !== read &&
        parameterCount(other.route) < parameterCount(read.route) &&
        routePattern(other.route).test(candidate),
    );
  let isProgressing = true;
  while (pending.length > 0 && isProgressing) {
    isProgressing = false;
    for (const read of [...pending]) {
      const pattern = routePattern(read.route);
      // The parent pages first: the route without its last segment, then without two, …
      const segments = read.route.split('/');
      const parents: RegExp[] = [];
      for (let length = segments.length - 1; length >= 2; length -= 1)
        parents.push(routePattern(segments.slice(0, length).join('/')));
      const sources = [...checks.entries()].filter(([, checked]) => isAnswered(checked));
      const rank = (address: string) => {
        const pathOnly = address.split('?')[0] ?? '';
        const index = parents.findIndex((parent) => parent.test(pathOnly));
        return index === -1 ? parents.length : index;
      };
      sources.sort(([left], [right]) => rank(left) - rank(right));
      let found: string | undefined;
      for (const [, checked] of sources) {
        found = linkedPaths(checked.body, appUrl).find(
          (candidate) => pattern.test(candidate) && !claimedElsewhere(read, candidate),
        );
        if (found !== undefined) break;
      }
      if (found === undefined) continue;
      addresses.push(...inBothLanguages(read, found, true));
      pending.splice(pending.indexOf(read), 1);
      isProgressing = true;
    }
    await checkAll();
  }
  return { addresses, checks, missing: pending };
}

// ---------------------------------------------------------------------------------------------------------
// The measurements

/** utime + stime of one process, in ms. */
async function ownCpuMs(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Waits (at most 30 s) until the app process used under 3 % of a core over a second: after a start on a
 * fresh database its workers send the demo data's notices, which would count as the first pages' cost.
 */
async function untilIdle(pid: number): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline) {
    const before = await ownCpuMs(pid);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if ((await ownCpuMs(pid)) - before <= 30) return;
  }
}

interface LoadFigures {
  requestsPerSecond: number;
  total: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  statuses: Record<string, number>;
  /** The app's CPU per answer under this load, µs (0 for the bare server: not its pid). */
  cpuMicroseconds: number;
}

async function autocannonRun(
  url: string,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  return autocannon({ url, connections, duration: seconds, pipelining: 1, headers });
}

async function loadAt(
  url: string,
  seconds: number,
  pid: number | null,
  headers: Record<string, string> = {},
): Promise<LoadFigures> {
  const cpuBefore = pid === null ? 0 : await ownCpuMs(pid);
  const result = (await autocannonRun(url, seconds, headers)) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats?: Record<string, { count: number }>;
  };
  const cpuAfter = pid === null ? 0 : await ownCpuMs(pid);
  const statuses: Record<string, number> = {};
  for (const [status, stats] of Object.entries(result.statusCodeStats ?? {})) statuses[status] = stats.count;
  return {
    requestsPerSecond: Math.round(result.requests.average),
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statuses,
    cpuMicroseconds: Math.round(((cpuAfter - cpuBefore) * 1000) / Math.max(1, result.requests.total)),
  };
}

async function measureLoad(
  url: string,
  pid: number | null,
  headers: Record<string, string> = {},
): Promise<LoadFigures> {
  await autocannonRun(url, warmUpSeconds, headers);
  return loadAt(url, pageSeconds, pid, headers);
}

interface SequentialFigures {
  requests: number;
  /** App process CPU per request, ms. */
  appMs: number;
  /** Its PostgreSQL's (the app's descendants) per request, ms. */
  databaseMs: number;
  meanMs: number;
  /** Answers other than 200. */
  failures: number;
  /** Requests that got no answer in time (the address is given up after the first). */
  unanswered: number;
}

/** One request in flight (a kept-alive connection), at least `renderRequests` and `renderMinimumMs` long. */
async function sequential(appUrl: string, address: string, pid: number): Promise<SequentialFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    // An address that leaves a request unanswered is given up at once (10 s each is all the bench can spare).
    let unanswered = 0;
    for (let warmUp = 0; warmUp < 3 && unanswered === 0; warmUp += 1)
      if ((await get(`${appUrl}${address}`, agent).catch(() => null)) === null) unanswered += 1;
    const before = await treeCpuMs(pid, { countReaped: true });
    const started = performance.now();
    let count = 0;
    let failures = 0;
    let totalMs = 0;
    while (
      unanswered === 0 &&
      count < renderMaximumRequests &&
      (count < renderRequests || performance.now() - started < renderMinimumMs)
    ) {
      const begin = performance.now();
      const answer = await get(`${appUrl}${address}`, agent).catch(() => null);
      count += 1;
      totalMs += performance.now() - begin;
      if (answer === null) unanswered += 1;
      if (answer?.status !== 200) failures += 1;
    }
    const after = await treeCpuMs(pid, { countReaped: true });
    if (count === 0)
      return {
        requests: 0,
        appMs: Number.NaN,
        databaseMs: Number.NaN,
        meanMs: Number.NaN,
        failures: 1,
        unanswered,
      };
    return {
      requests: count,
      appMs: (after.own - before.own) / count,
      databaseMs: (after.descendants - before.descendants) / count,
      meanMs: totalMs / count,
      failures,
      unanswered,
    };
  } finally {
    agent.destroy();
  }
}

interface AbuseFigures {
  address: string;
  rssBefore: number;
  peak: number;
  rssAtEnd: number;
  rssAfterRest: number;
  /** VmHWM over the load and the rest after it. */
  peakWithRest: number;
  isPeakReset: boolean;
  load: LoadFigures;
  /** The probe's answers: 503s with and without Retry-After. */
  probe503WithRetryAfter: number;
  probe503WithoutRetryAfter: number;
  probes: number;
}

/**
 * 50 connections on one address for `abuseSeconds`; meanwhile a probe of its own every 500 ms, to see that a
 * 503 carries Retry-After (autocannon does not keep headers); then `restSeconds` with no load.
 */
async function abuse(appUrl: string, address: string, pid: number): Promise<AbuseFigures> {
  const rssBefore = await rssMegabytes(pid);
  const isPeakReset = await resetPeakRss(pid);
  let isLoading = true;
  let probes = 0;
  let with503 = 0;
  let without503 = 0;
  const probing = (async () => {
    while (isLoading) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (!isLoading) break;
      const answer = await get(`${appUrl}${address}`).catch(() => null);
      probes += 1;
      if (answer?.status === 503) {
        if (answer.headers['retry-after'] === undefined) without503 += 1;
        else with503 += 1;
      }
    }
  })();
  const load = await loadAt(`${appUrl}${address}`, abuseSeconds, pid);
  isLoading = false;
  await probing;
  const peak = await peakRssMegabytes(pid);
  const rssAtEnd = await rssMegabytes(pid);
  await new Promise((resolve) => setTimeout(resolve, restSeconds * 1000));
  return {
    address,
    rssBefore,
    peak,
    rssAtEnd,
    rssAfterRest: await rssMegabytes(pid),
    peakWithRest: await peakRssMegabytes(pid),
    isPeakReset,
    load,
    probe503WithRetryAfter: with503,
    probe503WithoutRetryAfter: without503,
    probes,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The section

interface AddressFigures {
  address: PublicAddress;
  check: Checked;
  uncachedCheck: Checked | undefined;
  load: LoadFigures | null;
  /** The same load as browsers ask (Accept-Encoding), for an answer the app compresses. */
  browserLoad: LoadFigures | null;
  kept: SequentialFigures | null;
  render: SequentialFigures | null;
}

interface BareRun {
  afterAddresses: number;
  figures: LoadFigures;
}

/** Starts the bare node:http server in its own process; resolves once it listens. */
async function startBare(): Promise<{ child: ChildProcess; url: string }> {
  const port = await findFreePort();
  const child = fork(path.resolve('bench/baseline-server.mjs'), [], {
    env: { ...process.env, PORT: String(port) },
    stdio: 'ignore',
  });
  await new Promise((resolve) => child.once('message', resolve));
  return { child, url: `http://127.0.0.1:${port}/` };
}

/** The app's render limits, as it reads them from the same environment (for the report); null if unreadable. */
function renderLimits(): { concurrency: number; queue: number } | null {
  try {
    const config = loadConfig({ ...process.env, DATABASE_URL: '' });
    return { concurrency: config.renderConcurrency, queue: config.renderQueue };
  } catch {
    return null;
  }
}

export async function publicPagesSection(): Promise<string[]> {
  const sectionStarted = performance.now();
  const data = await benchDataDir(process.env.BENCH_PUBLIC_DIR, 'onewindow-bench-public-');
  const reads = listedPublicReads();
  const loadAverages: number[] = [os.loadavg()[0] ?? 0];
  const log = (line: string) =>
    process.stdout.write(`public (${Math.round((performance.now() - sectionStarted) / 1000)} s): ${line}\n`);
  try {
    // ---- 1. Nothing kept: render costs and the uncached abuse run.
    const previousCache = process.env.PUBLIC_PAGE_CACHE_SECONDS;
    process.env.PUBLIC_PAGE_CACHE_SECONDS = '0';
    const restore = () => {
      if (previousCache === undefined) delete process.env.PUBLIC_PAGE_CACHE_SECONDS;
      else process.env.PUBLIC_PAGE_CACHE_SECONDS = previousCache;
    };
    const uncached = await withBenchApp(
      { dataDir: data.dataDir, isTemporary: false, demoStaff: true },
      async ({ app, appUrl }) => {
        restore();
        const pid = app.pid ?? 0;
        const found = await publicAddresses(appUrl, reads);
        await untilIdle(pid);
        log(`${found.addresses.length} addresses (nothing kept); render cost, one in flight`);
        const renders = new Map<string, SequentialFigures>();
        for (const address of found.addresses) {
          if (!isAnswered(found.checks.get(address.path))) continue;
          const figures = await sequential(appUrl, address.path, pid);
          renders.set(address.path, figures);
          log(
            `render ${address.path}: ${round2(figures.appMs)} ms app CPU + ${round2(figures.databaseMs)} ms PostgreSQL, mean ${round2(figures.meanMs)} ms${failuresText(figures).replaceAll('*', '')}`,
          );
        }
        // The most expensive: the four highest measured twice more, each then its median of three (one
        // reading can be a collection or a worker's turn).
        const answered = () => [...renders.entries()].filter(([, figures]) => figures.requests > 0);
        const highest = answered()
          .sort(([, left], [, right]) => right.appMs - left.appMs)
          .slice(0, 4);
        for (const [address, first] of highest) {
          const again = [
            first,
            await sequential(appUrl, address, pid),
            await sequential(appUrl, address, pid),
          ];
          again.sort((left, right) => left.appMs - right.appMs);
          renders.set(address, again[1] as SequentialFigures);
          log(
            `render ${address} again: ${again.map((figures) => round2(figures.appMs)).join(', ')} ms app CPU`,
          );
        }
        const mostExpensive: [string, SequentialFigures] | undefined =
          abuseAddress === undefined
            ? answered().sort(([, left], [, right]) => right.appMs - left.appMs)[0]
            : [abuseAddress, renders.get(abuseAddress) as SequentialFigures];
        let abuseFigures: AbuseFigures | null = null;
        if (mostExpensive !== undefined) {
          loadAverages.push(os.loadavg()[0] ?? 0);
          log(
            `abuse, nothing kept: ${mostExpensive[0]} for ${abuseSeconds} s, then ${restSeconds} s at rest`,
          );
          abuseFigures = await abuse(appUrl, mostExpensive[0], pid);
        }
        return { found, renders, abuse: abuseFigures, abusedAddress: mostExpensive?.[0] ?? null };
      },
    ).finally(restore);

    // ---- 2. As deployed: throughput beside the bare server, kept answers' CPU, the kept abuse run.
    loadAverages.push(os.loadavg()[0] ?? 0);
    const deployed = await withBenchApp(
      { dataDir: data.dataDir, isTemporary: false, demoStaff: true },
      async ({ app, appUrl }) => {
        const pid = app.pid ?? 0;
        const found = await publicAddresses(appUrl, reads);
        await untilIdle(pid);
        log(`${found.addresses.length} addresses (as deployed); requests/s at ${connections} connections`);
        const bare = await startBare();
        const bareRuns: BareRun[] = [];
        const loads = new Map<string, LoadFigures>();
        const browserLoads = new Map<string, LoadFigures>();
        const rssBefore = await rssMegabytes(pid);
        const isPeakReset = await resetPeakRss(pid);
        try {
          const measureBare = async (afterAddresses: number) => {
            // Warmed up once: the bare server does not cool down between runs.
            const figures =
              bareRuns.length === 0
                ? await measureLoad(bare.url, null)
                : await loadAt(bare.url, pageSeconds, null);
            bareRuns.push({ afterAddresses, figures });
            log(`bare node:http: ${figures.requestsPerSecond} req/s`);
          };
          await measureBare(0);
          let sinceBare = 0;
          let measured = 0;
          for (const address of found.addresses) {
            if (!isAnswered(found.checks.get(address.path))) continue;
            const figures = await measureLoad(`${appUrl}${address.path}`, pid);
            loads.set(address.path, figures);
            measured += 1;
            sinceBare += 1;
            log(
              `${address.path}: ${figures.requestsPerSecond} req/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms, non-2xx ${figures.non2xx}, errors ${figures.errors}`,
            );
            // An answer the app compresses: measured again as every browser asks for it.
            const compressed = found.checks.get(address.path)?.compressed ?? null;
            if (compressed !== null) {
              const asBrowsers = await measureLoad(`${appUrl}${address.path}`, pid, browserEncodings);
              browserLoads.set(address.path, asBrowsers);
              log(
                `${address.path} as browsers ask (${compressed.encoding}, ${compressed.bytes} bytes): ${asBrowsers.requestsPerSecond} req/s, p99 ${asBrowsers.p99} ms, non-2xx ${asBrowsers.non2xx}, errors ${asBrowsers.errors}`,
              );
            }
            if (sinceBare === bareEvery) {
              await measureBare(measured);
              sinceBare = 0;
            }
          }
          if (sinceBare > 0) await measureBare(measured);
        } finally {
          await stop(bare.child);
        }
        const peak = await peakRssMegabytes(pid);
        const kept = new Map<string, SequentialFigures>();
        for (const address of found.addresses) {
          if (!isAnswered(found.checks.get(address.path))) continue;
          kept.set(address.path, await sequential(appUrl, address.path, pid));
        }
        const rssAfter = await rssMegabytes(pid);
        loadAverages.push(os.loadavg()[0] ?? 0);
        let abuseFigures: AbuseFigures | null = null;
        if (uncached.abusedAddress !== null) {
          log(`abuse, kept: ${uncached.abusedAddress} for ${abuseSeconds} s, then ${restSeconds} s at rest`);
          abuseFigures = await abuse(appUrl, uncached.abusedAddress, pid);
        }
        return {
          found,
          bareRuns,
          loads,
          browserLoads,
          kept,
          memory: { rssBefore, peak, rssAfter, isPeakReset },
          abuse: abuseFigures,
        };
      },
    );
    loadAverages.push(os.loadavg()[0] ?? 0);

    const rows: AddressFigures[] = deployed.found.addresses.map((address) => ({
      address,
      check: deployed.found.checks.get(address.path) as Checked,
      uncachedCheck: uncached.found.checks.get(address.path),
      load: deployed.loads.get(address.path) ?? null,
      browserLoad: deployed.browserLoads.get(address.path) ?? null,
      kept: deployed.kept.get(address.path) ?? null,
      render: uncached.renders.get(address.path) ?? null,
    }));
    return sectionLines({
      reads,
      rows,
      missing: deployed.found.missing,
      uncachedMissing: uncached.found.missing,
      bareRuns: deployed.bareRuns,
      memory: deployed.memory,
      keptAbuse: deployed.abuse,
      uncachedAbuse: uncached.abuse,
      loadAverages,
      minutes: round1((performance.now() - sectionStarted) / 60_000),
    });
  } finally {
    if (data.isTemporary) await rm(data.dataDir, { recursive: true, force: true });
  }
}

function sectionLines(figures: {
  reads: readonly PublicRead[];
  rows: AddressFigures[];
  missing: PublicRead[];
  uncachedMissing: PublicRead[];
  bareRuns: BareRun[];
  memory: { rssBefore: number; peak: number; rssAfter: number; isPeakReset: boolean };
  keptAbuse: AbuseFigures | null;
  uncachedAbuse: AbuseFigures | null;
  loadAverages: number[];
  minutes: number;
}): string[] {
  const { rows, bareRuns, memory } = figures;
  const bare = median(bareRuns.map((run) => run.figures.requestsPerSecond));
  const share = (load: LoadFigures) => Math.round((load.requestsPerSecond / bare) * 1000) / 10;
  const failedChecks = rows.filter((row) => !isAnswered(row.check));
  const loaded = rows.filter((row) => row.load !== null);
  const isLoadMet = (load: LoadFigures) =>
    share(load) >= shareTarget && load.non2xx === 0 && load.errors === 0;
  const shareMet = loaded.filter((row) => row.load !== null && isLoadMet(row.load));
  // As browsers ask: the compressed answer's load where the app compresses, else the same bytes as plain.
  const asBrowsers = (row: AddressFigures) => row.browserLoad ?? (row.load as LoadFigures);
  const browserMet = loaded.filter((row) => isLoadMet(asBrowsers(row)));
  const compressedRows = loaded.filter((row) => row.browserLoad !== null);
  const lowestAsBrowsers = [...loaded].sort(
    (left, right) => share(asBrowsers(left)) - share(asBrowsers(right)),
  )[0];
  const compressedRow = (row: AddressFigures) => {
    const load = row.load as LoadFigures;
    const browser = row.browserLoad as LoadFigures;
    const compressed = row.check.compressed;
    return `| \`${row.address.path}\` | ${row.check.bytes.toLocaleString('en')} | ${compressed === null ? '' : `${compressed.bytes.toLocaleString('en')} (${compressed.encoding})`} | ${load.requestsPerSecond.toLocaleString('en')} | ${share(load)} % | ${browser.requestsPerSecond.toLocaleString('en')} | ${share(browser)} % | ${browser.p99} | ${browser.non2xx} | ${browser.errors} | ${browser.cpuMicroseconds} | ${verdict(isLoadMet(browser))} |`;
  };
  const renderRows = rows.filter((row) => row.render !== null && row.check.bytes <= renderTargetBytes);
  const renderMet = renderRows.filter((row) => row.render !== null && isRenderMet(row.render));
  const discoveredRoutes = [
    ...new Set(rows.filter((row) => row.address.isDiscovered).map((row) => row.address.read.route)),
  ];
  const peaks = [memory.peak, figures.keptAbuse?.peakWithRest ?? 0, figures.uncachedAbuse?.peakWithRest ?? 0];
  const highestPeak = Math.max(...peaks);
  const missingRoutes = [
    ...new Set([...figures.missing, ...figures.uncachedMissing].map((read) => read.route)),
  ];
  const keepsOwn = rows
    .filter((row) => row.address.read.keepsOwnAnswers === true)
    .map((row) => row.address.path);

  const limits = renderLimits();
  const limitsText =
    limits === null
      ? 'renders limited by RENDER_CONCURRENCY and RENDER_QUEUE, beyond them 503 with Retry-After'
      : `at most ${limits.concurrency} renders at once (RENDER_CONCURRENCY) and ${limits.queue} waiting (RENDER_QUEUE), beyond them 503 with Retry-After${connections <= limits.concurrency + limits.queue ? `: ${connections} connections fit within ${limits.concurrency + limits.queue}, so none is expected to be refused and the queue bounds the renders in flight` : ''}`;
  const cell = (value: string | number) => String(value);
  const addressRow = (row: AddressFigures) => {
    const name = `\`${row.address.path}\`${row.address.isDiscovered ? ' (found)' : ''}`;
    if (!isAnswered(row.check)) {
      const location = row.check.location === '' ? '' : ` → ${row.check.location}`;
      const status = `**${row.check.status === 0 ? 'no answer' : row.check.status}${location}**`;
      const cells = [
        name,
        status,
        row.check.bytes.toLocaleString('en'),
        ...Array(10).fill(''),
        '**not measured**',
        '**not measured**',
      ];
      return `| ${cells.join(' | ')} |`;
    }
    const load = row.load;
    const render = row.render;
    const isOverSize = row.check.bytes > renderTargetBytes;
    const renderVerdict =
      render === null
        ? `**not measured** (uncached: ${row.uncachedCheck?.status ?? 'no address'})`
        : isOverSize
          ? `n/a (> 100 KB): ${verdict(isRenderMet(render))}`
          : verdict(isRenderMet(render));
    return [
      name,
      row.check.status,
      row.check.bytes.toLocaleString('en'),
      load?.requestsPerSecond.toLocaleString('en') ?? '',
      load === null ? '' : `${share(load)} %`,
      load?.p50 ?? '',
      load?.p99 ?? '',
      load === null ? '' : `${load.non2xx}${load.non2xx > 0 ? ` (${statusesText(load.statuses)})` : ''}`,
      load?.errors ?? '',
      load === null ? '' : load.cpuMicroseconds,
      row.kept === null ? '' : `${Math.round(row.kept.appMs * 1000)}${failuresText(row.kept)}`,
      render === null ? '' : `${round2(render.appMs)} + ${round2(render.databaseMs)}${failuresText(render)}`,
      render === null ? '' : round2(render.meanMs),
      load === null
        ? '**not measured**'
        : verdict(share(load) >= shareTarget && load.non2xx === 0 && load.errors === 0),
      renderVerdict,
    ]
      .map(cell)
      .join(' | ')
      .replace(/^/, '| ')
      .concat(' |');
  };
  const abuseRow = (label: string, abused: AbuseFigures | null) => {
    if (abused === null) return `| ${[label, '**not measured**', ...Array(9).fill('')].join(' | ')} |`;
    const count503 = abused.load.statuses['503'] ?? 0;
    const probeText =
      abused.probe503WithRetryAfter + abused.probe503WithoutRetryAfter === 0
        ? `probe: no 503 in ${abused.probes}`
        : `probe: ${abused.probe503WithRetryAfter} with Retry-After, ${abused.probe503WithoutRetryAfter} without`;
    return `| ${label} | \`${abused.address}\` | ${abused.load.requestsPerSecond.toLocaleString('en')} | ${abused.load.p99} | ${count503.toLocaleString('en')} (${probeText}) | ${abused.load.non2xx - count503} non-2xx other, ${abused.load.errors} errors | ${abused.rssBefore} | ${abused.peak}${abused.isPeakReset ? '' : ' (mark not reset)'} | ${abused.rssAtEnd} | ${abused.rssAfterRest} | ${verdict(abused.peakWithRest <= rssTargetMb && abused.probe503WithoutRetryAfter === 0)} |`;
  };

  return [
    ...sectionHead('Public pages (issue 12)', {
      when: 'at the start, between the two apps, before the kept abuse run and at the end',
      averages: figures.loadAverages,
    }),
    '',
    `Written by \`BENCH_ONLY=public npm run bench\` (bench/public-pages-bench.ts) in ${figures.minutes} min. The addresses come from the list the app keeps its public answers by (each module's \`publicReads\` and the platform's, ${figures.reads.length} routes): every listed example, else the route itself, and its \`/en\` twin unless the read has one language; a route with a parameter and no example takes the first link to it on the app's own pages (its parent page first)${discoveredRoutes.length === 0 ? '' : `: ${discoveredRoutes.map((route) => `\`${route}\``).join(', ')}`}. One fresh database with the demo data \`npm start\` loads (demo staff included, for the demo content they take through its steps: the unit work plan); two app processes on it, one after the other, each as \`npm start\` runs it.`,
    '',
    `- **Throughput** (the app as deployed, answers kept): each address checked first with one plain GET (200 and a body, else its status is written and it is not loaded), then autocannon in the bench process (bench/autocannon.ts: each answer read, its body not kept as a string), ${connections} connections, pipelining 1, ${pageSeconds} s after a ${warmUpSeconds} s warm-up, no \`Accept-Encoding\` (identity answers; bytes below are the body so). The bare server (bench/baseline-server.mjs, a fixed JSON body, its own process) is measured the same way (warmed up once) before the first address, after every ${bareEvery} and after the last; the share is of the **median of those ${bareRuns.length} runs: ${bare.toLocaleString('en')} requests/s** (each run: ${bareRuns.map((run) => run.figures.requestsPerSecond.toLocaleString('en')).join(', ')}). "CPU µs at 50" is the app process's CPU (utime + stime) per answer under that load.`,
    `- **Kept answer, one in flight**: the app process's CPU per request over at least ${renderRequests} sequential requests and ${renderMinimumMs} ms on one kept-alive connection, after the throughput runs (every answer kept by then); µs.`,
    `- **Render, one in flight**: a second app process on the same database with \`PUBLIC_PAGE_CACHE_SECONDS=0\` (nothing kept: every answer rendered), the same way: the app process's CPU per request + its PostgreSQL's (the app's child processes), ms, and the mean latency. Target: < ${renderTargetMs} ms of the app's CPU for answers up to 100 KB.${keepsOwn.length === 0 ? '' : ` ${keepsOwn.map((address) => `\`${address}\``).join(', ')} keep their own answers (PUBLIC_API_CACHE_SECONDS) whatever PUBLIC_PAGE_CACHE_SECONDS says, so their "render" is mostly a kept answer too.`}`,
    `- CPU is read from /proc in clock ticks of 10 ms: a figure below ~20 µs/request (kept) is within a tick or two of 0.`,
    '',
    ...(missingRoutes.length === 0
      ? []
      : [
          `**Listed routes with no address found, not measured: ${missingRoutes.map((route) => `\`${route}\``).join(', ')}** — give them an example in their module's \`publicReads\`, or a link on their parent page.`,
          '',
        ]),
    ...(failedChecks.length === 0
      ? []
      : [
          `**Listed addresses that did not answer 200 with a body, not measured: ${failedChecks.map((row) => `\`${row.address.path}\` (${row.check.status === 0 ? row.check.location : row.check.status}${row.check.status !== 0 && row.check.location !== '' ? ` → ${row.check.location}` : ''})`).join(', ')}.**`,
          '',
        ]),
    '| address | status | bytes | requests/s | share of bare | p50 ms | p99 ms | non-2xx | errors | CPU µs at 50 | kept CPU µs, one in flight | render CPU ms (app + PostgreSQL) | render latency ms | ≥ 30 % of bare | render < 5 ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
    ...rows.map(addressRow),
    '',
    `**The answers the app compresses, measured also as browsers ask for them** (\`Accept-Encoding: ${browserEncodings['accept-encoding']}\`, what Chromium sends; the same ${connections} connections, warm-up and length right after the plain run): ${compressedRows.length} of ${loaded.length} addresses. The others answer the same bytes whatever is asked, so their plain figures above are also what a browser gets.`,
    '',
    '| address | plain bytes | compressed bytes (encoding) | plain requests/s | share | as browsers ask requests/s | share | p99 ms | non-2xx | errors | CPU µs at 50 | ≥ 30 % as browsers ask |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...compressedRows.map(compressedRow),
    '',
    `The app during the throughput runs and the kept-answer runs: RSS **${memory.rssBefore} MB** before, peak **${memory.peak} MB** (VmHWM${memory.isPeakReset ? ', reset at the start' : ': the kernel refused to reset it, so it includes start-up'}), ${memory.rssAfter} MB after.`,
    '',
    `Memory abuse: ${connections} connections for ${abuseSeconds} s on ${abuseAddress === undefined ? 'the address with the highest render CPU' : 'the address BENCH_PUBLIC_ABUSE_ADDRESS names'}, in the app as deployed (the answer kept) and in the one keeping nothing (${limitsText}) — a probe request every 500 ms beside the load checks that a 503 carries Retry-After; RSS in MB before, peak over the load (VmHWM, reset first), at its end and ${restSeconds} s after.`,
    '',
    '| run | address | requests/s | p99 ms | 503 | other failures | RSS before | peak | at the end | after rest | never over 300 MB (and 503 with Retry-After) |',
    '|---|---|---:|---:|---:|---|---:|---:|---:|---:|---|',
    abuseRow('answer kept', figures.keptAbuse),
    abuseRow('nothing kept', figures.uncachedAbuse),
    '',
    '| target (issue 12) | wanted | measured | |',
    '|---|---|---|---|',
    `| every listed route measured | all ${figures.reads.length} | ${missingRoutes.length === 0 ? 'all' : `missing: ${missingRoutes.join(', ')}`}; ${failedChecks.length} of ${rows.length} addresses not answering 200 | ${verdict(missingRoutes.length === 0 && failedChecks.length === 0)} |`,
    `| public pages and read APIs at 50 connections, as browsers ask (compressed where the app compresses: ${compressedRows.length} addresses) | ≥ ${shareTarget} % of the bare server each | ${browserMet.length} of ${loaded.length} (lowest: ${lowestAsBrowsers === undefined ? 'none' : `\`${lowestAsBrowsers.address.path}\` ${share(asBrowsers(lowestAsBrowsers))} %`}) | ${verdict(loaded.length > 0 && browserMet.length === loaded.length && failedChecks.length === 0)} |`,
    `| the same, every answer plain (a client that asks for no compression) | ≥ ${shareTarget} % of the bare server each | ${shareMet.length} of ${loaded.length} (lowest: ${lowest(loaded, share)}) | ${verdict(loaded.length > 0 && shareMet.length === loaded.length && failedChecks.length === 0)} |`,
    `| render cost, one in flight, answers up to 100 KB | < ${renderTargetMs} ms app CPU each | ${renderMet.length} of ${renderRows.length} (highest: ${highestRender(renderRows)}) | ${verdict(renderRows.length > 0 && renderMet.length === renderRows.length)} |`,
    `| app RSS whatever anonymous visitors do | never over ${rssTargetMb} MB | highest peak ${highestPeak} MB | ${verdict(highestPeak <= rssTargetMb && figures.keptAbuse !== null && figures.uncachedAbuse !== null)} |`,
  ];
}

/** ' (**3 of 50 not 200, 3 unanswered**)', or '' when every answer was 200. */
function failuresText(figures: SequentialFigures): string {
  if (figures.failures === 0) return '';
  if (figures.requests === 0) return ` (**no answer within ${requestTimeoutMs / 1000} s**)`;
  const unanswered =
    figures.unanswered > 0 ? `, ${figures.unanswered} unanswered in ${requestTimeoutMs / 1000} s` : '';
  return ` (**${figures.failures} of ${figures.requests} not 200${unanswered}**)`;
}

/** Under 5 ms of the app's CPU, every answer a 200. */
const isRenderMet = (figures: SequentialFigures) => figures.appMs < renderTargetMs && figures.failures === 0;

function statusesText(statuses: Record<string, number>): string {
  return Object.entries(statuses)
    .filter(([status]) => !status.startsWith('2'))
    .map(([status, count]) => `${status}: ${count.toLocaleString('en')}`)
    .join(', ');
}

function lowest(rows: AddressFigures[], share: (load: LoadFigures) => number): string {
  const sorted = rows
    .filter((row) => row.load !== null)
    .sort((left, right) => share(left.load as LoadFigures) - share(right.load as LoadFigures));
  const first = sorted[0];
  return first === undefined ? 'none' : `\`${first.address.path}\` ${share(first.load as LoadFigures)} %`;
}

function highestRender(rows: AddressFigures[]): string {
  const sorted = [...rows].sort((left, right) => (right.render?.appMs ?? 0) - (left.render?.appMs ?? 0));
  const first = sorted[0];
  return first?.render == null ? 'none' : `\`${first.address.path}\` ${round2(first.render.appMs)} ms`;
}
