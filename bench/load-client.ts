/**
 * A closed-loop HTTP load client for the cases benchmark: `concurrency` workers, each sending its next
 * request when the last one has been answered, every latency recorded (so percentiles are exact, not read
 * off a histogram), and every response awaited before it returns — so "cases after = cases before + 201
 * responses" can be checked exactly (autocannon stops with requests in flight and never counts their
 * answers). Loopback only.
 */
import { once } from 'node:events';
import http from 'node:http';

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** The body of each request (called once per request). */
  body?: () => string;
  concurrency: number;
  /** Stop after this many requests … */
  requests?: number;
  /** … or after this long (requests in flight are still awaited and counted). */
  durationMs?: number;
  /**
   * Client addresses to send from (127.x.y.z): each worker moves to a new one after
   * `requestsPerAddress` requests. For the public look-up, whose per-IP limit stands for one citizen.
   */
  sourceAddress?: () => string;
  requestsPerAddress?: number;
}

export interface LoadResult {
  /** Milliseconds, in completion order. */
  latencies: number[];
  statuses: Map<number, number>;
  errors: number;
  elapsedMs: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  assertLoopback(target);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  let issued = 0;
  const started = performance.now();
  const deadline = options.durationMs === undefined ? Number.POSITIVE_INFINITY : started + options.durationMs;
  const limit = options.requests ?? Number.POSITIVE_INFINITY;
  if (!Number.isFinite(deadline) && !Number.isFinite(limit)) throw new Error('give requests or durationMs');

  const worker = async () => {
    let agent: http.Agent | null = null;
    let sentOnAgent = 0;
    try {
      while (issued < limit && performance.now() < deadline) {
        issued += 1;
        if (
          agent === null ||
          (options.sourceAddress !== undefined && sentOnAgent >= (options.requestsPerAddress ?? 20))
        ) {
          agent?.destroy();
          agent = new http.Agent({
            keepAlive: true,
            maxSockets: 1,
            ...(options.sourceAddress === undefined ? {} : { localAddress: options.sourceAddress() }),
          });
          sentOnAgent = 0;
        }
        sentOnAgent += 1;
        const body = options.body?.();
        const begin = performance.now();
        try {
          const status = await sendForStatus(
            agent,
            target,
            options.method ?? 'GET',
            options.headers ?? {},
            body,
          );
          latencies.push(performance.now() - begin);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        } catch {
          errors += 1;
        }
      }
    } finally {
      agent?.destroy();
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { latencies, statuses, errors, elapsedMs: performance.now() - started };
}

/** The load's own request: the answer's bytes are read and dropped, only its status kept. */
function sendForStatus(
  agent: http.Agent,
  target: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method,
        headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
        timeout: 30_000,
      },
      (response) => {
        response.on('data', () => {});
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
    request.end(body);
  });
}

/** The q-th quantile (0..1) by the nearest-rank method, in ms with one decimal. */
export function percentile(latencies: readonly number[], q: number): number {
  if (latencies.length === 0) return Number.NaN;
  const sorted = [...latencies].sort((left, right) => left - right);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return Math.round((sorted[rank - 1] ?? Number.NaN) * 10) / 10;
}

/** A list of times as the reports show it: its count and nearest-rank percentiles (ms, one decimal). */
export interface TimeFigures {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The count and percentiles of `times`; 0 each for an empty list. */
export function timeFigures(times: readonly number[]): TimeFigures {
  const sorted = [...times].sort((left, right) => left - right);
  const rank = (q: number) =>
    sorted.length === 0
      ? 0
      : Math.round((sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] ?? 0) * 10) / 10;
  return { count: sorted.length, p50: rank(0.5), p95: rank(0.95), p99: rank(0.99), max: rank(1) };
}

/** What the report shows of a load run: its count, latency percentiles, rate of `okStatus` answers, failures. */
export interface LatencyFigures extends TimeFigures {
  /** Answers with `okStatus` per second. */
  perSecond: number;
  /** Errors and answers other than `okStatus`. */
  failures: number;
}

export function latencyFigures(result: LoadResult, okStatus = 200): LatencyFigures {
  const ok = result.statuses.get(okStatus) ?? 0;
  return {
    ...timeFigures(result.latencies),
    perSecond: Math.round((ok / result.elapsedMs) * 1000),
    failures: result.errors + (result.latencies.length - ok),
  };
}

/**
 * 127.a.b.c addresses, never 127.0.0.1 and never .0/.255, one after another from a random start (so a
 * run right after another does not reuse the same addresses within the per-IP limit's minute).
 */
export function loopbackAddresses(): () => string {
  let counter = Math.floor(Math.random() * 10_000_000);
  return () => {
    let c: number;
    let address: string;
    do {
      counter += 1;
      c = counter % 256;
      address = `127.${1 + ((counter >> 16) % 250)}.${(counter >> 8) % 256}.${c}`;
    } while (c === 0 || c === 255);
    return address;
  };
}

// ---------------------------------------------------------------------------------------------------------
// One request, for the sections' checks and their own loops

export interface Answer {
  status: number;
  contentType: string;
  body: Buffer;
  ms: number;
  /** The app's `x-cache` header (hit: the answer cache's bytes), '' when absent. */
  cache: string;
  /** Every header of the answer (a redirect's location, cookies). */
  headers?: http.IncomingHttpHeaders;
}

export function assertLoopback(url: URL): void {
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost')
    throw new Error('load goes to the loopback address only');
}

/**
 * One request to the loopback address with a body made of parts (written in turn, with back-pressure), its
 * whole answer read; rejects after `timeoutMs` (60 s) without an answer. No agent: a connection of its own.
 */
export function send(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    parts?: Buffer[];
    agent?: http.Agent | false;
    timeoutMs?: number;
  } = {},
): Promise<Answer> {
  const requestTimeoutMs = options.timeoutMs ?? 60_000;
  const target = new URL(url);
  assertLoopback(target);
  const parts = options.parts ?? [];
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  return new Promise((resolve, reject) => {
    const begin = performance.now();
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? 'GET',
        headers: { ...(options.headers ?? {}), ...(parts.length > 0 ? { 'content-length': length } : {}) },
        agent: options.agent ?? false,
        timeout: requestTimeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks),
            ms: performance.now() - begin,
            cache: String(response.headers['x-cache'] ?? ''),
            headers: response.headers,
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${requestTimeoutMs} ms`)));
    request.on('error', reject);
    (async () => {
      for (const part of parts) if (!request.write(part)) await once(request, 'drain');
      request.end();
    })().catch((error: Error) => request.destroy(error));
  });
}
