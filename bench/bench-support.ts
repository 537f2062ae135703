/**
 * What the benchmark's parts share: COPY rows into PostgreSQL (the generators), and start, wait for and
 * stop the app as `npm start` runs it (the bench sections).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { findFreePort } from '../src/platform/db/embedded-server.ts';

export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** NULL in COPY's text format. */
export const nullField = '\\N';

/** A value in COPY's text format: backslash, tab, newline and carriage return are the characters it escapes. */
export function copyField(value: string | null): string {
  if (value === null) return nullField;
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

/** Rows (each a tab-separated line ending in \n) into `table` with COPY, in pieces so the socket keeps fed. */
export async function copyRows(
  client: pg.Client,
  table: string,
  columns: string,
  rows: string[],
): Promise<void> {
  if (rows.length === 0) return;
  const stream = client.query(copyFrom(`copy ${table} (${columns}) from stdin`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  const piece: string[] = [];
  let size = 0;
  for (const row of rows) {
    piece.push(row);
    size += row.length;
    if (size > 500_000) {
      if (!stream.write(piece.join(''))) await once(stream, 'drain');
      piece.length = 0;
      size = 0;
    }
  }
  stream.end(piece.join(''));
  await done;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function waitFor(url: string, timeoutMs: number): Promise<void> {
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

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export function runToEnd(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`exited with ${code}`))));
  });
}

/**
 * The app as `npm start` runs it (embedded PostgreSQL in `dataDir`, info-level request logs written to
 * `app.log` there), with the same Node flags (read from package.json so the two cannot drift apart).
 */
export async function startBenchApp(dataDir: string): Promise<{ app: ChildProcess; appUrl: string }> {
  const packageJson = JSON.parse(await readFile('package.json', 'utf8')) as { scripts: { start: string } };
  const startArguments = packageJson.scripts.start.replace(/^node\s+/, '').split(/\s+/);
  const logFile = await open(path.join(dataDir, 'app.log'), 'w');
  const appPort = await findFreePort();
  const app = spawn(process.execPath, startArguments, {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(appPort),
      DEMO_STAFF: 'false',
      DATABASE_URL: '',
      // The bench signs in a few staff from one address; the public look-up's own limits stay as they are.
      RATE_LIMIT_PER_MINUTE: '10000',
    },
    // Logs to a file, as under a service manager: a pipe read by this (busy) load-generating process would
    // slow the app down for a reason no deployment has.
    stdio: ['ignore', logFile.fd, 'inherit'],
  });
  app.once('exit', () => void logFile.close());
  return { app, appUrl: `http://127.0.0.1:${appPort}` };
}
