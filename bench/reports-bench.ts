/**
 * The photo-report part of `npm run bench` (issue 10), run by bench/run.ts: on a database of 1,000,000 field
 * reports filled by bench/generate-reports.ts it starts the app as `npm start` does, creates an Open311 API
 * key with the operators' command line (`onewindow apikey:create`, against the running app's database) and
 * measures, every answer's values checked:
 *   - the Open311 request list `GET /open311/v2/requests.json` (open potholes, and unfiltered): p95 with one
 *     request in flight (every latency kept, exact percentiles), and requests/s at 50 connections
 *     (autocannon) beside a bare node:http server sending the very same bytes, in alternating rounds —
 *     each both polled (the same address: the app's short answer cache) and computed (a new address
 *     asking the same each time);
 *   - the city-wide GeoJSON box `GET /api/reports.geojson?bbox=…`: p95 with one request in flight, polled
 *     and computed;
 *   - the nearby-duplicate query (`findNearbyOpenReports`, the app's own function, in this process over a
 *     pool) at 1,000 points near the generated hotspots, 30 m;
 *   - report submission through Open311 (`POST /open311/v2/requests.json`, multipart with a 300 KB JPEG
 *     as `media`) at 16 concurrent for 20 s: reports/s, field reports counted before and after against
 *     the 2xx answers, photo rows added per second;
 *   - the app's peak RSS (VmHWM, reset first) during 20 concurrent 10 MB photo uploads, and RSS before and
 *     after;
 *   - EXPLAIN (ANALYZE, BUFFERS) of the nearby query and, when the app exposes them, of the list and box.
 * Returns the section's lines for docs/benchmarks.md. Everything goes to 127.0.0.1, every step is bounded
 * in time, and a missing endpoint stops the section with a message naming it and where it is built.
 *
 * Environment: BENCH_REPORTS (1000000), BENCH_REPORTS_DIR (keep the generated database there and reuse it
 * while the count matches; default: a temporary folder, removed), BENCH_REPORTS_ROUNDS (throughput rounds,
 * 3), BENCH_REPORTS_SECONDS (per throughput target and round, 10), BENCH_REPORTS_REQUESTS (one-in-flight
 * requests per latency target, 500), BENCH_REPORTS_SUBMIT_CONCURRENCY (16), BENCH_REPORTS_SUBMIT_SECONDS (20).
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { workflowOf } from '../src/modules/cases/core/workflows.ts';
import { readRequestListQuery } from '../src/modules/open311/open311-params.ts';
import { searchRequestKeys } from '../src/modules/open311/open311-requests.ts';
import { publicReportKeysInBox } from '../src/modules/reports/public-report-queries.ts';
import { findNearbyOpenReports } from '../src/modules/reports/report-queries.ts';
import type { Database } from '../src/platform/db/database.ts';
import { findFreePort } from '../src/platform/db/embedded-server.ts';
import { loadKaohsiungGeography } from '../src/platform/geo/geo-data.ts';
import { createLocator } from '../src/platform/geo/locate.ts';
import autocannon from './autocannon.ts';
import {
  benchDataDir,
  generatedDatabase,
  median,
  queryPlanLines,
  sectionHead,
  stop,
  verdict,
  withBenchApp,
} from './bench-support.ts';
import { createRandom, type Random } from './case-fixtures.ts';
import type { QueryPlan } from './cases-bench.ts';
import {
  describeReportsResult,
  hotspotSpreadMetres,
  type ReportsGenerateResult,
} from './generate-reports.ts';
import { type Answer, assertLoopback, type LatencyFigures, percentile, send } from './load-client.ts';
import { distinctJpeg, photoLikeJpeg } from './photo-fixtures.ts';
import { peakRssMegabytes, resetPeakRss, rssMegabytes } from './process-memory.ts';

const reportsWanted = Number(process.env.BENCH_REPORTS ?? 1_000_000);
const rounds = Number(process.env.BENCH_REPORTS_ROUNDS ?? 3);
const throughputSeconds = Number(process.env.BENCH_REPORTS_SECONDS ?? 10);
const latencyRequests = Number(process.env.BENCH_REPORTS_REQUESTS ?? 500);
const submitConcurrency = Number(process.env.BENCH_REPORTS_SUBMIT_CONCURRENCY ?? 16);
const submitSeconds = Number(process.env.BENCH_REPORTS_SUBMIT_SECONDS ?? 20);
const connections = 50;
const nearbyQueries = 1000;
const nearbyRadiusMetres = 30;
const bigUploads = 20;
/** A "10 MB" photo: under the default UPLOAD_MAX_FILE_BYTES (10 MiB), so the app's own limit stays. */
const bigPhotoBytes = 10_000_000;
const bigPhotoMaxBytes = 10_400_000;
/** Every load step stops after this long, whatever is left (its count says so); every request after 60 s. */
const stepLimitMs = 180_000;

const listPath = '/open311/v2/requests.json';
const openPotholesQuery = '?status=open&service_code=pothole-report';
const cityBox = '120.1,22.4,120.8,23.3';
const geojsonPath = `/api/reports.geojson?bbox=${cityBox}`;

/**
 * The app keeps whole answers of the list and the box for a few seconds by address (answer-cache.ts,
 * PUBLIC_API_CACHE_SECONDS): the same address asked again measures that cache. So each is measured twice:
 * polled (the same address, as a client polls) and computed (every request a new address that asks the same
 * thing: the list's 90-day window starting a millisecond later each time, the box's west edge a billionth
 * of a degree further), which measures the query and the serialisation every time.
 */
let distinctCounter = 0;
const sectionStartedAt = Date.now();
const ninetyDaysMs = 90 * 86_400_000;

/** `start_date` as a W3C date-time in Taipei time, `distinct` milliseconds after 90 days before the section began. */
function distinctStartDate(distinct: number): string {
  const taipei = new Date(sectionStartedAt - ninetyDaysMs + distinct + 8 * 3_600_000).toISOString();
  return encodeURIComponent(`${taipei.slice(0, 23)}+08:00`);
}

/** An address's path for each request: always the same (polled), or a new one each time (computed). */
type PathOf = () => string;

const polled =
  (path: string): PathOf =>
  () =>
    path;
const computedList =
  (query: string): PathOf =>
  () => {
    distinctCounter += 1;
    return `${listPath}${query}${query === '' ? '?' : '&'}start_date=${distinctStartDate(distinctCounter)}`;
  };
const computedBox: PathOf = () => {
  distinctCounter += 1;
  const [, ...rest] = cityBox.split(',');
  return `/api/reports.geojson?bbox=${(120.1 + distinctCounter * 1e-9).toFixed(9)},${rest.join(',')}`;
};

/** Where each endpoint is being built, for the message when it is missing. */
const builtIn = {
  list: 'the Open311 request list (src/modules/open311)',
  post: 'Open311 POST requests with API keys (src/modules/open311)',
  geojson: 'the GeoJSON box (src/modules/reports/public-report-routes.tsx)',
  cli: 'the `apikey:create` command (src/modules/open311)',
};

type Generation = ReportsGenerateResult & { generatedAt: string; reused: boolean };

/** An endpoint that is not there (or failing): which one, what it answered, where it is built. */
class MissingEndpointError extends Error {
  constructor(what: string, where: string, answer: string) {
    super(`${what} did not work: ${answer}. Is ${where} built and registered?`);
    this.name = 'MissingEndpointError';
  }
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const megabytes = (bytes: number) => round1(bytes / 1_000_000);

// ---------------------------------------------------------------------------------------------------------
// HTTP

/** A GET that must answer 200 with JSON; otherwise the endpoint is reported missing. */
async function getJson(url: string, what: string, where: string): Promise<{ answer: Answer; json: unknown }> {
  let answer: Answer;
  try {
    answer = await send(url, {});
  } catch (error) {
    throw new MissingEndpointError(what, where, `the request failed (${(error as Error).message})`);
  }
  const text = answer.body.toString('utf8');
  if (answer.status !== 200)
    throw new MissingEndpointError(what, where, `answered ${answer.status}: ${text.slice(0, 300)}`);
  try {
    return { answer, json: JSON.parse(text) };
  } catch {
    throw new MissingEndpointError(
      what,
      where,
      `answered 200 but not JSON (${answer.contentType}): ${text.slice(0, 200)}`,
    );
  }
}

/** A report's POST that must be answered 2xx (the first of a step); otherwise the endpoint is reported missing. */
async function postAnswered(sending: Promise<Answer>): Promise<Answer> {
  const what = `POST ${listPath}`;
  const answer = await sending.catch((error: Error) => {
    throw new MissingEndpointError(what, builtIn.post, `the request failed (${error.message})`);
  });
  if (answer.status < 200 || answer.status >= 300)
    throw new MissingEndpointError(
      what,
      builtIn.post,
      `answered ${answer.status}: ${answer.body.toString('utf8').slice(0, 300)}`,
    );
  return answer;
}

/** A multipart/form-data body as parts: fields, then files (each file's bytes may come in several parts). */
export function multipart(
  fields: Record<string, string>,
  files: { name: string; fileName: string; contentType: string; parts: Buffer[] }[],
): { contentType: string; parts: Buffer[] } {
  const boundary = `----bench${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        'utf8',
      ),
    );
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.fileName}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
        'utf8',
      ),
    );
    parts.push(...file.parts);
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, parts };
}

/**
 * The JPEG's bytes with a comment segment holding `label` after its start marker, as parts (no copy of
 * the picture): different bytes per upload, the same pixels (photo-fixtures.ts `distinctJpeg`).
 */
function distinctJpegParts(jpeg: Buffer, label: string): Buffer[] {
  const comment = distinctJpeg(Buffer.from([0xff, 0xd8]), label);
  return [comment, jpeg.subarray(2)];
}

// ---------------------------------------------------------------------------------------------------------
// The API key, through the operators' command line

/** `npx onewindow ARGS` as `npm run cli` runs it, on the bench's data folder (the running app's database). */
async function runCli(dataDir: string, args: string[], timeoutMs = 90_000): Promise<string> {
  const packageJson = JSON.parse(await readFile('package.json', 'utf8')) as { scripts: { cli: string } };
  const cliArguments = packageJson.scripts.cli.replace(/^node\s+/, '').split(/\s+/);
  const child = spawn(process.execPath, [...cliArguments, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  if (code !== 0)
    throw new Error(
      `onewindow ${args[0]} exited with ${code ?? 'a signal (timed out?)'}: ${(stderr || stdout).trim().slice(-500)}`,
    );
  return stdout;
}

interface ApiKey {
  key: string;
  name: string;
  /** How it was made: the CLI, or (when the CLI could not) a row inserted by the bench. */
  via: 'cli' | 'insert';
  note: string;
}

async function createKey(dataDir: string, pool: pg.Pool): Promise<ApiKey> {
  const name = `bench-${Date.now().toString(36)}`;
  // The CLI's highest rate (apikey rules: at most 10,000 a minute) is far above what the bench sends.
  try {
    const output = await runCli(dataDir, ['apikey:create', '--name', name, '--rate', '10000']);
    const key = output.trim().split('\n').at(-1)?.trim() ?? '';
    if (!/^ow_[A-Za-z0-9_-]{32}$/.test(key))
      throw new Error(`its last line is not a key: "${key.slice(0, 60)}"`);
    return {
      key,
      name,
      via: 'cli',
      note: `created with \`npx onewindow apikey:create --name ${name} --rate 10000\``,
    };
  } catch (error) {
    // The row as api-key-rules.ts makes it: only the SHA-256 of the key is kept.
    const message = (error as Error).message;
    process.stdout.write(`${builtIn.cli} failed (${message}); inserting the key's row directly\n`);
    const key = `ow_${randomBytes(24).toString('base64url')}`;
    await pool.query(
      `insert into api_keys (name, key_hash, key_prefix, rate_per_minute, created_at) values ($1, $2, $3, 10000, now())`,
      [name, createHash('sha256').update(key, 'utf8').digest('hex'), key.slice(0, 7)],
    );
    return {
      key,
      name,
      via: 'insert',
      note: `\`apikey:create\` failed (${message.slice(0, 200)}), so the key's row (its SHA-256) was inserted directly`,
    };
  }
}

async function revokeKey(dataDir: string, pool: pg.Pool | null, key: ApiKey): Promise<void> {
  try {
    await runCli(dataDir, ['apikey:revoke', '--name', key.name], 60_000);
  } catch {
    await pool?.query('update api_keys set revoked_at = now() where name = $1', [key.name]).catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------------------
// The baseline: a bare node:http server sending the same bytes

interface Baseline {
  child: ChildProcess;
  url: string;
  serve(body: Buffer, contentType: string): Promise<void>;
}

async function startBaseline(): Promise<Baseline> {
  const port = await findFreePort();
  const child = fork(path.resolve('bench/baseline-json-server.mjs'), [], {
    env: { ...process.env, PORT: String(port) },
    stdio: 'ignore',
  });
  await once(child, 'message');
  return {
    child,
    url: `http://127.0.0.1:${port}/`,
    async serve(body, contentType) {
      const acknowledged = once(child, 'message');
      child.send({ body: body.toString('base64'), contentType });
      await acknowledged;
    },
  };
}

interface Throughput {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function autocannonRun(url: string, seconds: number, pathOf?: PathOf): Promise<Throughput> {
  assertLoopback(new URL(url));
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    pipelining: 1,
    timeout: 30,
    ...(pathOf === undefined
      ? {}
      : {
          requests: [
            { method: 'GET', setupRequest: (request: { path: string }) => ({ ...request, path: pathOf() }) },
          ],
        }),
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

interface ThroughputRound {
  baseline: Throughput;
  /** By target name: the app's figures and its share of the baseline's requests/s, %. */
  app: Record<string, Throughput & { share: number }>;
}

/**
 * The baseline and then each app target in turn, each after a 2 s warm-up, `rounds` times; the baseline
 * sends `body` (the app's own answer, byte for byte).
 */
async function compareThroughput(
  name: string,
  appUrl: string,
  baseline: Baseline,
  body: Answer,
  targets: { name: string; pathOf: PathOf }[],
): Promise<ThroughputRound[]> {
  await baseline.serve(body.body, body.contentType);
  const results: ThroughputRound[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    await autocannonRun(baseline.url, 2);
    const base = await autocannonRun(baseline.url, throughputSeconds);
    const app: ThroughputRound['app'] = {};
    for (const target of targets) {
      await autocannonRun(appUrl, 2, target.pathOf);
      const figures = await autocannonRun(appUrl, throughputSeconds, target.pathOf);
      const share = Math.round((figures.requestsPerSecond / Math.max(1, base.requestsPerSecond)) * 100);
      app[target.name] = { ...figures, share };
      process.stdout.write(
        `${name} (${target.name}), round ${round}: app ${figures.requestsPerSecond} req/s, baseline ${base.requestsPerSecond} req/s (${share} %)\n`,
      );
    }
    results.push({ baseline: base, app });
  }
  return results;
}

// ---------------------------------------------------------------------------------------------------------
// Checks of the answers

interface ListCheck {
  entries: number;
  bytes: number;
  open: number;
}

function checkRequestList(json: unknown, query: { status?: string; serviceCode?: string }): ListCheck {
  const what = `GET ${listPath}${query.status ? openPotholesQuery : ''}`;
  if (!Array.isArray(json)) throw new Error(`${what}: the answer is not a bare JSON array`);
  if (json.length > 1000) throw new Error(`${what}: ${json.length} entries, more than the 1000 allowed`);
  let open = 0;
  for (const [index, entry] of json.entries()) {
    const item = entry as Record<string, unknown>;
    if (item.service_request_id === undefined || item.service_request_id === '')
      throw new Error(`${what}: entry ${index} has no service_request_id`);
    if (item.status !== 'open' && item.status !== 'closed')
      throw new Error(`${what}: entry ${index} has status ${JSON.stringify(item.status)}`);
    if (item.status === 'open') open += 1;
    if (query.status !== undefined && item.status !== query.status)
      throw new Error(`${what}: entry ${index} is ${String(item.status)}, not ${query.status}`);
    if (
      query.serviceCode !== undefined &&
      item.service_code !== undefined &&
      item.service_code !== query.serviceCode
    )
      throw new Error(`${what}: entry ${index} is a ${String(item.service_code)}`);
  }
  return { entries: json.length, bytes: 0, open };
}

interface BoxCheck {
  features: number;
  truncated: boolean | null;
}

function checkFeatureCollection(json: unknown): BoxCheck {
  const collection = json as { type?: unknown; features?: unknown; truncated?: unknown };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features))
    throw new Error(`GET ${geojsonPath}: the answer is not a GeoJSON FeatureCollection`);
  if (collection.features.length === 0)
    throw new Error(`GET ${geojsonPath}: no features in the city-wide box`);
  for (const [index, feature] of collection.features.entries()) {
    const item = feature as { type?: unknown; geometry?: { type?: unknown; coordinates?: unknown } };
    if (
      item.type !== 'Feature' ||
      item.geometry?.type !== 'Point' ||
      !Array.isArray(item.geometry.coordinates)
    )
      throw new Error(`GET ${geojsonPath}: feature ${index} is not a Feature with a Point`);
  }
  return {
    features: collection.features.length,
    truncated: typeof collection.truncated === 'boolean' ? collection.truncated : null,
  };
}

/** The POST answer: a bare array of one entry with a service_request_id (or, per the specification, a token). */
function checkPostAnswer(answer: Answer): string {
  const text = answer.body.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`POST ${listPath} answered ${answer.status} with no JSON: ${text.slice(0, 200)}`);
  }
  const first = Array.isArray(json) ? (json[0] as Record<string, unknown> | undefined) : undefined;
  if (!Array.isArray(json) || json.length !== 1 || first === undefined)
    throw new Error(`POST ${listPath}: the answer is not a bare array of one entry: ${text.slice(0, 200)}`);
  const id = first.service_request_id ?? first.token;
  if (id === undefined || id === '')
    throw new Error(`POST ${listPath}: no service_request_id or token in ${text.slice(0, 200)}`);
  return String(id);
}

// ---------------------------------------------------------------------------------------------------------
// Points

/** A point near a random hotspot (the generator's spread), in Kaohsiung by the platform's locator. */
function pointNearHotspot(
  random: Random,
  hotspots: [number, number][],
  spreadMetres: number,
  isInKaohsiung: (lat: number, lon: number) => boolean,
): { lat: number; lon: number } {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const [centreLat, centreLon] = random.pick(hotspots);
    const normal = () => Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
    const lat = Math.round((centreLat + (normal() * spreadMetres) / 111_320) * 1e6) / 1e6;
    const lon =
      Math.round(
        (centreLon + (normal() * spreadMetres) / (111_320 * Math.cos((centreLat * Math.PI) / 180))) * 1e6,
      ) / 1e6;
    if (isInKaohsiung(lat, lon)) return { lat, lon };
  }
  throw new Error('no point in Kaohsiung near the hotspots');
}

// ---------------------------------------------------------------------------------------------------------
// The steps

interface SeriesFigures extends LatencyFigures {
  /** Answers the app marked `x-cache: hit`. */
  cacheHits: number;
}

/**
 * 50 warm-up requests, then `latencyRequests` with one in flight (bounded in time), each to the path
 * `pathOf` gives, over one kept-alive connection; every answer must be 200.
 */
async function oneInFlight(appUrl: string, pathOf: PathOf): Promise<SeriesFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  let failures = 0;
  let cacheHits = 0;
  const started = performance.now();
  try {
    for (let index = 0; index < 50 + latencyRequests; index += 1) {
      const answer = await send(`${appUrl}${pathOf()}`, { agent }).catch(() => null);
      if (index < 50) continue;
      if (answer === null || answer.status !== 200) failures += 1;
      else {
        latencies.push(answer.ms);
        if (answer.cache === 'hit') cacheHits += 1;
      }
      if (performance.now() - started > stepLimitMs) break;
    }
  } finally {
    agent.destroy();
  }
  const elapsed = performance.now() - started;
  return {
    count: latencies.length + failures,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    max: percentile(latencies, 1),
    perSecond: Math.round((latencies.length / elapsed) * 1000),
    failures,
    cacheHits,
  };
}

interface NearbyFigures {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Share of the points with at least one open report of the category within the radius, %. */
  withNeighbours: number;
  meanFound: number;
}

async function measureNearby(
  pool: pg.Pool,
  generation: Generation,
  isInKaohsiung: (lat: number, lon: number) => boolean,
) {
  const db = drizzle(pool) as unknown as Database;
  const random = createRandom(11);
  const services = Object.keys(generation.byService);
  const queries = Array.from({ length: nearbyQueries + 50 }, () => ({
    serviceCode: random.pick(services),
    ...pointNearHotspot(random, generation.hotspots, hotspotSpreadMetres, isInKaohsiung),
    radiusMetres: nearbyRadiusMetres,
  }));
  const latencies: number[] = [];
  let found = 0;
  let withNeighbours = 0;
  const started = performance.now();
  for (const [index, query] of queries.entries()) {
    const begin = performance.now();
    const nearby = await findNearbyOpenReports(db, query);
    const elapsed = performance.now() - begin;
    for (const report of nearby)
      if (report.distanceMetres > nearbyRadiusMetres)
        throw new Error(`findNearbyOpenReports returned a report ${report.distanceMetres} m away`);
    if (index < 50) continue; // warm-up
    latencies.push(elapsed);
    found += nearby.length;
    if (nearby.length > 0) withNeighbours += 1;
    if (performance.now() - started > stepLimitMs) break;
  }
  const figures: NearbyFigures = {
    count: latencies.length,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    max: percentile(latencies, 1),
    withNeighbours: Math.round((withNeighbours / Math.max(1, latencies.length)) * 100),
    meanFound: round1(found / Math.max(1, latencies.length)),
  };
  return { figures, sample: queries[queries.length - 1] };
}

/**
 * The answers a client must give to each category's required attributes (its service definition,
 * `GET /open311/v2/services/CODE.json`), as `attribute[CODE]` fields: the first key of a list, a number,
 * today's date, or a short text.
 */
async function requiredAttributes(
  appUrl: string,
  serviceCodes: string[],
): Promise<Map<string, Record<string, string>>> {
  const byService = new Map<string, Record<string, string>>();
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  for (const code of serviceCodes) {
    const path = `/open311/v2/services/${code}.json`;
    const { json } = await getJson(
      `${appUrl}${path}`,
      `GET ${path}`,
      'the Open311 service definitions (src/modules/open311)',
    );
    const definition = (Array.isArray(json) ? json[0] : json) as {
      attributes?: { code: string; datatype: string; required: boolean; values?: { key: string }[] }[];
    };
    const fields: Record<string, string> = {};
    for (const attribute of definition?.attributes ?? []) {
      if (!attribute.required) continue;
      fields[`attribute[${attribute.code}]`] =
        attribute.datatype === 'singlevaluelist' || attribute.datatype === 'multivaluelist'
          ? (attribute.values?.[0]?.key ?? '')
          : attribute.datatype === 'number'
            ? '1'
            : attribute.datatype === 'datetime'
              ? today
              : '效能測試';
    }
    byService.set(code, fields);
  }
  return byService;
}

interface Counts {
  reports: number;
  photos: number;
}

async function countReports(pool: pg.Pool): Promise<Counts> {
  const result = await pool.query<{ reports: number; photos: number }>(
    `select (select count(*)::int from cases where kind = 'field_report') as reports,
            (select count(*)::int from report_photos) as photos`,
  );
  return result.rows[0] ?? { reports: 0, photos: 0 };
}

/** A report as an Open311 client posts it: multipart with the key, category, answers, point, text and photo. */
function reportBody(input: {
  key: string;
  serviceCode: string;
  attributes: Record<string, string> | undefined;
  point: { lat: number; lon: number };
  description: string;
  photo: Buffer;
  label: string;
}): { contentType: string; parts: Buffer[] } {
  return multipart(
    {
      api_key: input.key,
      service_code: input.serviceCode,
      ...input.attributes,
      lat: String(input.point.lat),
      long: String(input.point.lon),
      description: input.description,
    },
    [
      {
        name: 'media',
        fileName: `${input.label.replaceAll(' ', '-')}.jpg`,
        contentType: 'image/jpeg',
        parts: distinctJpegParts(input.photo, input.label),
      },
    ],
  );
}

function postReport(url: string, body: { contentType: string; parts: Buffer[] }, agent?: http.Agent) {
  return send(url, {
    method: 'POST',
    headers: { 'content-type': body.contentType },
    parts: body.parts,
    ...(agent === undefined ? {} : { agent }),
  });
}

interface SubmissionFigures {
  concurrency: number;
  seconds: number;
  answered: number;
  ok: number;
  failures: number;
  failureSample: string;
  perSecond: number;
  photosPerSecond: number;
  before: Counts;
  after: Counts;
  lost: number;
  p50: number;
  p95: number;
  photoBytes: number;
  firstId: string;
}

/** Closed-loop POSTs of a report with one photo (each photo's bytes distinct) for `submitSeconds`. */
async function measureSubmission(input: {
  appUrl: string;
  pool: pg.Pool;
  key: string;
  photo: Buffer;
  services: string[];
  attributes: Map<string, Record<string, string>>;
  points: () => { lat: number; lon: number };
}): Promise<SubmissionFigures> {
  const url = `${input.appUrl}${listPath}`;
  let sequence = 0;
  const runId = Date.now().toString(36);
  const post = (agent: http.Agent) => {
    sequence += 1;
    const serviceCode = input.services[sequence % input.services.length] ?? 'pothole-report';
    const body = reportBody({
      key: input.key,
      serviceCode,
      attributes: input.attributes.get(serviceCode),
      point: input.points(),
      description: `效能測試通報 ${runId}-${sequence}：路面坑洞約 30 公分，機車經過危險。`,
      photo: input.photo,
      label: `bench ${runId} ${sequence}`,
    });
    return postReport(url, body, agent);
  };

  // One report first: the endpoint is there and answers as the specification says.
  const firstAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let firstId: string;
  try {
    firstId = checkPostAnswer(await postAnswered(post(firstAgent)));
  } finally {
    firstAgent.destroy();
  }

  const before = await countReports(input.pool);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  let failureSample = '';
  const started = performance.now();
  const deadline = started + submitSeconds * 1000;
  const worker = async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      while (performance.now() < deadline) {
        try {
          const answer = await post(agent);
          latencies.push(answer.ms);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if ((answer.status < 200 || answer.status >= 300) && failureSample === '')
            failureSample = `${answer.status}: ${answer.body.toString('utf8').slice(0, 200)}`;
        } catch (error) {
          errors += 1;
          if (failureSample === '') failureSample = (error as Error).message;
        }
      }
    } finally {
      agent.destroy();
    }
  };
  await Promise.all(Array.from({ length: submitConcurrency }, worker));
  const elapsedSeconds = (performance.now() - started) / 1000;
  const after = await countReports(input.pool);
  const ok = [...statuses.entries()]
    .filter(([status]) => status >= 200 && status < 300)
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    concurrency: submitConcurrency,
    seconds: round1(elapsedSeconds),
    answered: latencies.length,
    ok,
    failures: errors + latencies.length - ok,
    failureSample,
    perSecond: round1(ok / elapsedSeconds),
    photosPerSecond: round1((after.photos - before.photos) / elapsedSeconds),
    before,
    after,
    lost: before.reports + ok - after.reports,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    photoBytes: input.photo.length,
    firstId,
  };
}

interface MemoryFigures {
  uploads: number;
  photoBytes: number;
  ok: number;
  statuses: string;
  failureSample: string;
  seconds: number;
  rssBefore: number;
  peak: number;
  rssAfter: number;
  resetWorked: boolean;
}

/**
 * 20 concurrent POSTs of a report with one ~10 MB photo each, on an app that has taken one ordinary report
 * (so the photo library is loaded, as in any running app): its RSS before, peak during (VmHWM reset first)
 * and after.
 */
async function measureBigUploads(input: {
  appUrl: string;
  appPid: number;
  key: string;
  photo: Buffer;
  warmUpPhoto: Buffer;
  attributes: Record<string, string>;
  points: () => { lat: number; lon: number };
}): Promise<MemoryFigures> {
  const url = `${input.appUrl}${listPath}`;
  const runId = Date.now().toString(36);
  const body = (photo: Buffer, label: string, index: number) =>
    reportBody({
      key: input.key,
      serviceCode: 'pothole-report',
      attributes: input.attributes,
      point: input.points(),
      description: `效能測試大檔上傳 ${runId}-${index}`,
      photo,
      label,
    });
  await postAnswered(postReport(url, body(input.warmUpPhoto, `warm-up ${runId}`, 0)));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssBefore = await rssMegabytes(input.appPid);
  const resetWorked = await resetPeakRss(input.appPid);
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: bigUploads }, (_, index) =>
      postReport(url, body(input.photo, `large ${runId} ${index + 1}`, index + 1)).catch(
        (error: Error): Answer => ({
          status: 0,
          contentType: '',
          body: Buffer.from(error.message),
          ms: 0,
          cache: '',
        }),
      ),
    ),
  );
  const seconds = round1((performance.now() - started) / 1000);
  const peak = await peakRssMegabytes(input.appPid);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const rssAfter = await rssMegabytes(input.appPid);
  const statuses = new Map<number, number>();
  for (const answer of answers) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
  const failed = answers.find((answer) => answer.status < 200 || answer.status >= 300);
  return {
    uploads: bigUploads,
    photoBytes: input.photo.length,
    ok: answers.filter((answer) => answer.status >= 200 && answer.status < 300).length,
    statuses: [...statuses.entries()].map(([status, count]) => `${count} × ${status || 'error'}`).join(', '),
    failureSample:
      failed === undefined ? '' : `${failed.status}: ${failed.body.toString('utf8').slice(0, 200)}`,
    seconds,
    rssBefore,
    peak,
    rssAfter,
    resetWorked,
  };
}

/** The SQL of an app function, captured through drizzle's logger and run again under EXPLAIN (ANALYZE, BUFFERS). */
async function explainFunction(
  pool: pg.Pool,
  title: string,
  run: (db: Database) => Promise<unknown>,
): Promise<(QueryPlan & { ms: number })[]> {
  const captured: { sql: string; params: unknown[] }[] = [];
  const db = drizzle(pool, {
    logger: { logQuery: (query, params) => captured.push({ sql: query, params }) },
  }) as unknown as Database;
  await run(db);
  const plans: (QueryPlan & { ms: number })[] = [];
  for (const [index, query] of captured.entries()) {
    const result = await pool.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) ${query.sql}`,
      query.params,
    );
    const plan = result.rows.map((row) => row['QUERY PLAN']).join('\n');
    plans.push({
      title: captured.length > 1 ? `${title} (${index + 1}/${captured.length})` : title,
      sql: `${query.sql}\n-- parameters: ${JSON.stringify(query.params.map((param) => (param instanceof Date ? param.toISOString() : param)))}`,
      plan,
      ms: Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0),
    });
  }
  return plans;
}

// ---------------------------------------------------------------------------------------------------------

interface DatabaseFacts {
  sizeMb: number;
  reports: number;
  open: number;
  published: number;
  photos: number;
  events: number;
  openPotholes90: number;
}

async function databaseFacts(pool: pg.Pool): Promise<DatabaseFacts> {
  const openStates = workflowOf('field_report').openStates;
  const result = await pool.query<{
    size: string;
    reports: number;
    open: number;
    published: number;
    photos: number;
    events: string;
    open_potholes: number;
  }>(
    `
    select pg_database_size(current_database())::text as size,
      (select count(*)::int from cases where kind = 'field_report') as reports,
      (select count(*)::int from cases where kind = 'field_report' and state = any($1::text[])) as open,
      (select count(*)::int from field_reports where published_at is not null) as published,
      (select count(*)::int from report_photos) as photos,
      (select reltuples::bigint::text from pg_class where relname = 'case_events') as events,
      (select count(*)::int from cases where kind = 'field_report' and service_code = 'pothole-report'
         and state = any($1::text[]) and received_at > now() - interval '90 days') as open_potholes`,
    [openStates],
  );
  const row = result.rows[0];
  if (row === undefined) throw new Error('no database facts');
  return {
    sizeMb: Math.round(Number(row.size) / 1024 ** 2),
    reports: row.reports,
    open: row.open,
    published: row.published,
    photos: row.photos,
    events: Number(row.events),
    openPotholes90: row.open_potholes,
  };
}

export async function reportsSection(): Promise<string[]> {
  const sectionStarted = performance.now();
  const { dataDir, isTemporary } = await benchDataDir(
    process.env.BENCH_REPORTS_DIR,
    'onewindow-bench-reports-',
  );
  const generation: Generation = await generatedDatabase<ReportsGenerateResult>({
    dataDir,
    markerName: 'bench-reports.json',
    fits: (marker) => marker.reports === reportsWanted,
    reusing: (marker) =>
      `Reusing ${marker.reports.toLocaleString('en')} field reports generated ${marker.generatedAt} in ${dataDir}.`,
    generating: `Generating ${reportsWanted.toLocaleString('en')} field reports in ${dataDir} …`,
    script: 'bench/generate-reports.ts',
    args: ['--reports', String(reportsWanted)],
  });

  // The photos, made before the app starts so their encoding does not compete with it.
  process.stdout.write('Making the test photos …\n');
  const photo = await photoLikeJpeg({ width: 2000, height: 1500, targetBytes: 300_000, seed: 3 });
  const bigPhoto = await photoLikeJpeg({
    width: 6000,
    height: 4000,
    targetBytes: bigPhotoBytes,
    maxBytes: bigPhotoMaxBytes,
    quality: 92,
    seed: 5,
  });
  const locator = createLocator(loadKaohsiungGeography());
  const isInKaohsiung = (lat: number, lon: number) => {
    const located = locator.locate({ lat, lon });
    return located.inKaohsiung && located.village !== null;
  };
  const pointRandom = createRandom(23);
  const submissionPoints = () => pointNearHotspot(pointRandom, generation.hotspots, 20, isInKaohsiung);

  const baseline = await startBaseline();
  try {
    return await withBenchApp({ dataDir, isTemporary }, async ({ app, appUrl, pool }) => {
      const appPid = app.pid ?? 0;
      let key: ApiKey | null = null;
      const loadAverages: number[] = [];
      try {
        const facts = await databaseFacts(pool);
        const rssAtStart = await rssMegabytes(appPid);

        // ---- memory during 20 concurrent 10 MB uploads
        // First, on the freshly started app: what uploads cost, not what the steps before left in the heap.
        loadAverages.push(os.loadavg()[0] ?? 0);
        key = await createKey(dataDir, pool);
        const services = Object.keys(generation.byService).sort();
        const attributes = await requiredAttributes(appUrl, services);
        const memory = await measureBigUploads({
          appUrl,
          appPid,
          key: key.key,
          photo: bigPhoto,
          warmUpPhoto: photo,
          attributes: attributes.get('pothole-report') ?? {},
          points: submissionPoints,
        });
        process.stdout.write(
          `20 × ${megabytes(bigPhoto.length)} MB uploads: ${memory.statuses}; RSS ${memory.rssBefore} → peak ${memory.peak} → ${memory.rssAfter} MB\n`,
        );

        // ---- the GeoJSON box: checked (both ways of asking), then one in flight, polled and computed
        loadAverages.push(os.loadavg()[0] ?? 0);
        const box = await getJson(`${appUrl}${geojsonPath}`, `GET ${geojsonPath}`, builtIn.geojson);
        const boxCheck = { ...checkFeatureCollection(box.json), bytes: box.answer.body.length };
        checkFeatureCollection(
          (await getJson(`${appUrl}${computedBox()}`, 'GET /api/reports.geojson', builtIn.geojson)).json,
        );
        const boxLatency = {
          polled: await oneInFlight(appUrl, polled(geojsonPath)),
          computed: await oneInFlight(appUrl, computedBox),
        };
        process.stdout.write(
          `GeoJSON box: ${boxCheck.features} features, p95 ${boxLatency.polled.p95} ms polled, ${boxLatency.computed.p95} ms computed\n`,
        );

        // ---- the nearby-duplicate query
        loadAverages.push(os.loadavg()[0] ?? 0);
        const nearby = await measureNearby(pool, generation, isInKaohsiung);
        process.stdout.write(
          `nearby: p95 ${nearby.figures.p95} ms, ${nearby.figures.withNeighbours} % of points with a neighbour\n`,
        );

        // ---- the list: checked (both ways of asking), then one in flight and at 50 connections
        loadAverages.push(os.loadavg()[0] ?? 0);
        const openList = await getJson(
          `${appUrl}${listPath}${openPotholesQuery}`,
          `GET ${listPath}${openPotholesQuery}`,
          builtIn.list,
        );
        const openCheck = {
          ...checkRequestList(openList.json, { status: 'open', serviceCode: 'pothole-report' }),
          bytes: openList.answer.body.length,
        };
        const allList = await getJson(`${appUrl}${listPath}`, `GET ${listPath}`, builtIn.list);
        const allCheck = { ...checkRequestList(allList.json, {}), bytes: allList.answer.body.length };
        for (const [query, expected] of [
          [openPotholesQuery, { status: 'open', serviceCode: 'pothole-report' }],
          ['', {}],
        ] as const) {
          const path = computedList(query)();
          checkRequestList((await getJson(`${appUrl}${path}`, `GET ${path}`, builtIn.list)).json, expected);
        }
        // The answer cache keeps an answer once its address is asked a second time (answer-cache.ts): the
        // address asked above is asked twice more.
        const cacheSeen = [
          (await send(`${appUrl}${listPath}${openPotholesQuery}`, {})).cache || 'none',
          (await send(`${appUrl}${listPath}${openPotholesQuery}`, {})).cache || 'none',
        ].join(', then ');
        process.stdout.write(
          `request list: ${openCheck.entries} open potholes (${openCheck.bytes} bytes), ${allCheck.entries} unfiltered (${allCheck.bytes} bytes); x-cache asked again: ${cacheSeen}\n`,
        );
        const listLatency = {
          openPolled: await oneInFlight(appUrl, polled(`${listPath}${openPotholesQuery}`)),
          openComputed: await oneInFlight(appUrl, computedList(openPotholesQuery)),
          allComputed: await oneInFlight(appUrl, computedList('')),
        };
        process.stdout.write(
          `request list, one in flight: p95 ${listLatency.openPolled.p95} ms (open potholes, polled), ${listLatency.openComputed.p95} ms (computed), ${listLatency.allComputed.p95} ms (unfiltered, computed)\n`,
        );
        const openListThroughput = await compareThroughput(
          'open potholes',
          appUrl,
          baseline,
          openList.answer,
          [
            { name: 'polled', pathOf: polled(`${listPath}${openPotholesQuery}`) },
            { name: 'computed', pathOf: computedList(openPotholesQuery) },
          ],
        );
        const allListThroughput = await compareThroughput(
          'unfiltered list',
          appUrl,
          baseline,
          allList.answer,
          [{ name: 'computed', pathOf: computedList('') }],
        );

        // ---- submission through Open311
        loadAverages.push(os.loadavg()[0] ?? 0);
        const submission = await measureSubmission({
          appUrl,
          pool,
          key: key.key,
          photo,
          services,
          attributes,
          points: submissionPoints,
        });
        process.stdout.write(
          `submission: ${submission.perSecond} reports/s, ${submission.photosPerSecond} photos/s, ${submission.lost} lost, ${submission.failures} failures\n`,
        );

        loadAverages.push(os.loadavg()[0] ?? 0);
        // The high-water mark was last reset before the large uploads: this is the peak over every step since.
        const sectionPeak = await peakRssMegabytes(appPid);

        // ---- plans: the nearby query and the box (the app's own functions)
        const plans: (QueryPlan & { ms: number })[] = [];
        const sample = nearby.sample;
        if (sample !== undefined)
          plans.push(
            ...(await explainFunction(
              pool,
              `Nearby open reports (${sample.serviceCode}, ${nearbyRadiusMetres} m)`,
              (db) => findNearbyOpenReports(db, sample),
            )),
          );
        plans.push(...(await explainAppQueries(pool)));

        return sectionLines({
          generation,
          facts,
          rssAtStart,
          sectionPeak,
          openCheck,
          allCheck,
          listLatency,
          cacheSeen,
          openListThroughput,
          allListThroughput,
          boxCheck,
          boxLatency,
          nearby: nearby.figures,
          key,
          submission,
          memory,
          plans,
          loadAverages,
          minutes: Math.round((performance.now() - sectionStarted) / 6_000) / 10,
        });
      } finally {
        if (key !== null) await revokeKey(dataDir, pool, key);
      }
    });
  } finally {
    await stop(baseline.child);
  }
}

/**
 * The plans of the queries behind the Open311 list (its own parameter reader and search, as the route calls
 * them) and the box, from the app's own functions.
 */
async function explainAppQueries(pool: pg.Pool): Promise<(QueryPlan & { ms: number })[]> {
  const plans: (QueryPlan & { ms: number })[] = [];
  for (const [title, query] of [
    [
      `Open311 list, open potholes (searchRequestKeys, ${openPotholesQuery})`,
      { status: 'open', service_code: 'pothole-report' },
    ],
    ['Open311 list, unfiltered (searchRequestKeys)', {}],
  ] as const) {
    const { filter, errors } = readRequestListQuery(query, new Date());
    if (errors.length > 0 || filter.kind !== 'search')
      throw new Error(`the Open311 list's parameters were refused: ${JSON.stringify(errors)}`);
    plans.push(...(await explainFunction(pool, title, (db) => searchRequestKeys(db, filter))));
  }
  const [minLon, minLat, maxLon, maxLat] = cityBox.split(',').map(Number) as [number, number, number, number];
  plans.push(
    ...(await explainFunction(pool, `City-wide GeoJSON box (publicReportKeysInBox, bbox=${cityBox})`, (db) =>
      publicReportKeysInBox(db, { minLon, minLat, maxLon, maxLat }, {}),
    )),
  );
  return plans;
}

function sectionLines(input: {
  generation: Generation;
  facts: DatabaseFacts;
  rssAtStart: number;
  sectionPeak: number;
  openCheck: ListCheck;
  allCheck: ListCheck;
  listLatency: { openPolled: SeriesFigures; openComputed: SeriesFigures; allComputed: SeriesFigures };
  cacheSeen: string;
  openListThroughput: ThroughputRound[];
  allListThroughput: ThroughputRound[];
  boxCheck: BoxCheck & { bytes: number };
  boxLatency: { polled: SeriesFigures; computed: SeriesFigures };
  nearby: NearbyFigures;
  key: ApiKey;
  submission: SubmissionFigures;
  memory: MemoryFigures;
  plans: (QueryPlan & { ms: number })[];
  loadAverages: number[];
  minutes: number;
}): string[] {
  const { generation, facts, submission, memory, nearby } = input;
  const { listLatency, boxLatency } = input;
  const latencyRow = (name: string, value: SeriesFigures) =>
    `| ${name} | ${value.count} | ${value.cacheHits} | ${value.p50} | ${value.p95} | ${value.p99} | ${round1(value.max)} | ${value.failures} |`;
  const medianShare = (results: ThroughputRound[], target: string) =>
    median(results.map((result) => result.app[target]?.share ?? 0));
  const throughputRows = (name: string, results: ThroughputRound[]) =>
    results.flatMap((result, index) =>
      Object.entries(result.app).map(
        ([target, app]) =>
          `| ${name}, ${target}, round ${index + 1} | ${result.baseline.requestsPerSecond} | ${app.requestsPerSecond} | ${app.share} % | ${app.p50} | ${app.p99} | ${app.errors + app.non2xx} |`,
      ),
    );
  const openPolledShare = medianShare(input.openListThroughput, 'polled');
  const openComputedShare = medianShare(input.openListThroughput, 'computed');
  const allShare = medianShare(input.allListThroughput, 'computed');
  const p95Met = (value: SeriesFigures, limit: number) => verdict(value.p95 < limit && value.failures === 0);
  const cacheWords = input.cacheSeen.endsWith('hit')
    ? `Asked twice more, the same address was answered with \`x-cache\` ${input.cacheSeen} (the app's answer cache, PUBLIC_API_CACHE_SECONDS, default 5 s, keeps an answer once its address is asked again).`
    : `Asked twice more, the same address was answered with x-cache ${input.cacheSeen}: no answer cache seen.`;
  const entryMb = process.env.PUBLIC_ENTRY_CACHE_MB ?? '8';
  const entryWords =
    entryMb === '0'
      ? 'PUBLIC_ENTRY_CACHE_MB=0 in this run: none kept, every entry read and written anew'
      : `PUBLIC_ENTRY_CACHE_MB=${entryMb}: after the first answer, the same rows' entries are kept; a run with 0 measures every entry written anew`;
  const cores = os.cpus().length;
  const submissionMet = submission.perSecond >= 20 && submission.lost === 0 && submission.failures === 0;
  const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KiB`;
  return [
    ...sectionHead('Photo reports and Open311 (issue 10)', {
      when: 'before the large uploads, the box, the nearby query, the list, the submissions and after them',
      averages: input.loadAverages,
    }),
    '',
    `On a database of **${facts.reports.toLocaleString('en')} field reports** (${facts.sizeMb.toLocaleString('en')} MB; ${facts.open.toLocaleString('en')} open, ${facts.openPotholes90.toLocaleString('en')} of them potholes received in the last 90 days; ${facts.published.toLocaleString('en')} on the public map; ${facts.photos.toLocaleString('en')} photo rows; ~${facts.events.toLocaleString('en')} timeline events of all cases), filled by \`npm run bench:generate-reports\` (bench/generate-reports.ts):`,
    '',
    ...describeReportsResult(generation).map((line) => `- ${line}`),
    `- ${generation.reused ? `Reused from BENCH_REPORTS_DIR (generated ${generation.generatedAt}).` : 'Generated in this run.'} Method: one transaction; rows generated in the generator and sent with COPY (pg-copy-streams) while the next batch is generated, the non-unique indexes and foreign keys of \`cases\`, \`case_events\`, \`field_reports\` and \`report_photos\` dropped during the load and rebuilt from their own definitions, then VACUUM ANALYZE. Each report's life is drawn forward from its receipt along the field-report workflow and cut at the time of generation, so the mix of states follows from age.`,
    '',
    `**Open311 request list.** \`GET ${listPath}${openPotholesQuery}\` (the default 90-day window: ${input.openCheck.entries} entries, ${kib(input.openCheck.bytes)}) and \`GET ${listPath}\` unfiltered (${input.allCheck.entries} entries, ${input.allCheck.open} of them open, ${kib(input.allCheck.bytes)}). Each answer checked first: a bare JSON array of at most 1000 entries, each with a \`service_request_id\` and \`status\` (open for the filtered list, and of the asked category). ${cacheWords} So every figure is taken twice: **polled** — the same address each time, as clients poll it, mostly the cache's bytes — and **computed** — every request a new address asking the same (the 90-day window given as \`start_date\`, a millisecond later each time), so every answer is queried anew: the page's ids and fingerprints, and whole only the rows whose written entry the app does not keep (${entryWords}). Latency with one request in flight: 50 warm-up requests, then ${latencyRequests} over one kept-alive connection, every latency recorded — p95 exact (nearest rank). Throughput: autocannon at ${connections} connections for ${throughputSeconds} s (after 2 s of warm-up), the bare node:http server (bench/baseline-json-server.mjs) sending **the same bytes** as the app's answer with the same content type, then the app, ${rounds} rounds in turn; the verdict takes the median share.`,
    '',
    `**GeoJSON box.** \`GET ${geojsonPath}\` (the whole city): a FeatureCollection of ${input.boxCheck.features.toLocaleString('en')} Point features${input.boxCheck.truncated === null ? '' : input.boxCheck.truncated ? ' (the newest ones; the answer says `"truncated": true`)' : ''}, ${kib(input.boxCheck.bytes)}; one request in flight as above, polled and computed (the box's west edge a billionth of a degree further each time).`,
    '',
    `**Nearby duplicates.** The app's \`findNearbyOpenReports\` (src/modules/reports/report-queries.ts) called in the bench process over its own pool (drizzle, node-postgres) against the same database server, ${nearby.count} times one after the other after 50 warm-up calls: a random category at a random point drawn around a random generated hotspot (the generator's ${hotspotSpreadMetres} m spread), radius ${nearbyRadiusMetres} m. ${nearby.withNeighbours} % of the points had at least one open report of the category within the radius (${nearby.meanFound} on average). The time includes the round trip to PostgreSQL.`,
    '',
    `**Submission.** \`POST ${listPath}\` as multipart/form-data with \`api_key\` (${input.key.note}), \`service_code\` (the ${generation.hotspots.length > 0 ? Object.keys(generation.byService).length : 0} categories in turn) with the category's required \`attribute[…]\` answers (from its service definition), \`lat\`/\`long\` within 20 m of a hotspot (checked in Kaohsiung with the platform's locator), \`description\` and \`media\`: a 2000 × 1500 photo-like JPEG of ${kib(submission.photoBytes)} (noise over gradients, made with sharp), each upload's bytes made distinct by a JPEG comment so that every photo is stored and processed anew. One report first (its answer checked: a bare array with the new request's id, e.g. \`${submission.firstId}\`), then ${submission.concurrency} clients in a closed loop for ${submitSeconds} s; every answer awaited. Field reports and photo rows counted before and after: ${submission.before.reports.toLocaleString('en')} → ${submission.after.reports.toLocaleString('en')} reports for ${submission.ok} answers 2xx (**${submission.lost} lost or unaccounted**), ${(submission.after.photos - submission.before.photos).toLocaleString('en')} photo rows added.${submission.failures > 0 ? ` Failures: ${submission.failures} (first: ${submission.failureSample}).` : ''}`,
    '',
    `**Memory.** The first step, on the freshly started app (RSS ${input.rssAtStart} MB once ready) after one ordinary report (so the photo library is loaded, as in any running app): ${memory.uploads} reports posted at once through Open311 (as under Submission above), each with its own ${megabytes(memory.photoBytes)} MB photo (6000 × 4000, 24 megapixels, noise at JPEG quality 92: under the default UPLOAD_MAX_FILE_BYTES of 10 MiB, so the app ran with its own limits). The app process's VmHWM was reset (\`/proc/PID/clear_refs\` 5${memory.resetWorked ? '' : ' — **refused by the kernel: the peak includes earlier steps**'}) just before and read when the last answer came (${memory.seconds} s; answers: ${memory.statuses})${memory.failureSample === '' ? '' : `; first failure: ${memory.failureSample}`}; RSS after is read 3 s later. The peak over the whole section from then on (the list at 50 connections and the submissions included): ${input.sectionPeak} MB.`,
    '',
    '| target | requests | cache hits | p50 ms | p95 ms | p99 ms | max ms | failures |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    latencyRow('open potholes (Open311 list), polled, one in flight', listLatency.openPolled),
    latencyRow('open potholes (Open311 list), computed, one in flight', listLatency.openComputed),
    latencyRow('unfiltered Open311 list, computed, one in flight', listLatency.allComputed),
    latencyRow('city-wide GeoJSON box, polled, one in flight', boxLatency.polled),
    latencyRow('city-wide GeoJSON box, computed, one in flight', boxLatency.computed),
    `| nearby-duplicate query (in process) | ${nearby.count} | | ${nearby.p50} | ${nearby.p95} | ${nearby.p99} | ${round1(nearby.max)} | 0 |`,
    `| report submission with a photo, ${submission.concurrency} concurrent | ${submission.answered} | | ${submission.p50} | ${submission.p95} | | | ${submission.failures} |`,
    '',
    '| throughput at 50 connections | baseline req/s | app req/s | share | app p50 ms | app p99 ms | app errors + non-2xx |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...throughputRows('open potholes', input.openListThroughput),
    ...throughputRows('unfiltered list', input.allListThroughput),
    '',
    `| target (issue 10) | wanted | measured | |`,
    '|---|---|---|---|',
    // The issue's two figures for the list: its query's latency (every request a new one), and its rate
    // under a crowd asking it as clients do, the same address (kept bytes, ADR 0013). The other two readings
    // are reported beside them.
    `| Open311 list (status + service, 90 days) p95 one in flight, every request a new query | < 20 ms | ${listLatency.openComputed.p95} ms | ${p95Met(listLatency.openComputed, 20)} |`,
    `| Open311 list (status + service, 90 days) throughput at 50 connections, the same address as clients poll it | ≥ 30 % of the bare server | ${openPolledShare} % | ${verdict(openPolledShare >= 30)} |`,
    `| the same list's p95 one in flight, polled (beyond the target) | — | ${listLatency.openPolled.p95} ms | |`,
    `| the same list's throughput, every request a new query (beyond the target: each list queried anew) | — | ${openComputedShare} % | |`,
    `| Open311 list, unfiltered, p95 one in flight, computed (not a target) | — | ${listLatency.allComputed.p95} ms | |`,
    `| Open311 list, unfiltered, throughput, computed (not a target) | — | ${allShare} % | |`,
    `| city-wide GeoJSON box p95, computed | < 50 ms | ${boxLatency.computed.p95} ms | ${p95Met(boxLatency.computed, 50)} |`,
    `| city-wide GeoJSON box p95, polled | < 50 ms | ${boxLatency.polled.p95} ms | ${p95Met(boxLatency.polled, 50)} |`,
    `| nearby-duplicate query p95 | < 10 ms | ${nearby.p95} ms | ${verdict(nearby.p95 < 10)} |`,
    `| report submission with one ${kib(submission.photoBytes)} JPEG, end to end | ≥ 20 reports/s on ${cores} cores, nothing lost | ${submission.perSecond}/s, ${submission.lost} lost, ${submission.failures} failed | ${verdict(submissionMet)} |`,
    `| photos processed (photo rows added per second) | — | ${submission.photosPerSecond}/s | |`,
    `| app peak RSS during ${memory.uploads} concurrent ${megabytes(memory.photoBytes)} MB uploads | < 400 MB | ${memory.peak} MB (before ${memory.rssBefore} MB, after ${memory.rssAfter} MB) | ${verdict(memory.peak < 400 && memory.ok === memory.uploads && memory.resetWorked)} |`,
    '',
    `Section run: ${input.minutes} min.`,
    ...(input.plans.length === 0
      ? []
      : [
          '',
          '### Query plans (photo reports)',
          '',
          "The SQL is captured from the app's own functions (`findNearbyOpenReports`; `searchRequestKeys` on the filter `readRequestListQuery` makes of the query string, as the Open311 route calls them; `publicReportKeysInBox`: the queries every list and box runs; the rows not kept are then read by id) through drizzle's query logger, and run again under `EXPLAIN (ANALYZE, BUFFERS)` with the same parameters, after the load.",
          '',
          ...input.plans.flatMap((plan) => queryPlanLines(plan.title, plan)),
        ]),
  ];
}
