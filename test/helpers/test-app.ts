import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import type { AppModule } from '../../src/platform/composition/app-module.ts';
import { createFilesystemStore, type FileStore } from '../../src/platform/files/file-store.ts';
import type { AppInstance } from '../../src/platform/http/app-types.ts';
import type { Clock } from '../../src/platform/http/clock.ts';
import type { Jobs } from '../../src/platform/jobs/jobs.ts';
import { capturedLogStream } from './log-capture.ts';
import { createTestDatabase } from './test-database.ts';
import { createTestJobs } from './test-jobs.ts';

/** A clock tests can move: the only fake besides the outside world. */
export class TestClock implements Clock {
  current: Date;
  constructor(start = new Date('2026-03-02T02:00:00Z')) {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}

export interface TestApp {
  app: AppInstance;
  database: Awaited<ReturnType<typeof createTestDatabase>>;
  clock: TestClock;
  config: Readonly<Config>;
  /** The app's pg-boss handle: connects on first use, stops when the app closes. No workers run. */
  jobs: Jobs;
  /** The app's file store: a fresh folder of its own (FILE_STORE_DIR), removed when the app closes. */
  files: FileStore & { readonly dir: string };
}

/** The real app on its own fresh database (cloned from the template, so reference data is loaded). */
export async function buildTestApp(
  options: {
    environment?: Record<string, string>;
    clock?: TestClock;
    /** The business modules (default: every one in src/modules/index.ts). */
    modules?: readonly AppModule[];
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const fileStoreDir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-files-'));
  const config = loadConfig({
    DATABASE_URL: database.connectionString,
    DATA_DIR: '.test-data',
    FILE_STORE_DIR: fileStoreDir,
    // Tests never reach the internet: the maps' tiles come from a path of the app itself (404, so no base
    // map) unless a test runs its own tile server.
    MAP_TILE_URL: '/test-tiles/{z}/{x}/{y}.png',
    // Tests read what they just wrote; the Open311 answer cache has its own test.
    PUBLIC_API_CACHE_SECONDS: '0',
    ...options.environment,
  });
  const files = createFilesystemStore(config.fileStoreDir);
  const clock = options.clock ?? new TestClock();
  const jobs = createTestJobs(database.connectionString);
  // The log scan (issue 13): with ONEWINDOW_TEST_LOG_DIR set, the app logs at info to this process's file.
  const captured = capturedLogStream();
  const app = await buildApp({
    config,
    db: database.db,
    pool: database.pool,
    clock,
    jobs,
    files,
    ...(options.modules ? { modules: options.modules } : {}),
    ...(captured ? { logger: { level: 'info', stream: captured } } : {}),
  });
  app.addHook('onClose', () => jobs.stop());
  app.addHook('onClose', () => rm(fileStoreDir, { recursive: true, force: true }));
  await app.ready();
  return { app, database, clock, config, jobs, files };
}

/**
 * A second app on `subject`'s database, clock, jobs and file store whose request log (level info) the test
 * can read: for checking what the log keeps and what it must never hold. The caller closes `app`.
 */
export async function buildAppWithLog(subject: TestApp): Promise<{ app: AppInstance; log: () => string }> {
  const lines: string[] = [];
  const captured = capturedLogStream();
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      // The log scan reads these lines too.
      captured?.write(String(chunk));
      done();
    },
  });
  const app = await buildApp({
    config: subject.config,
    db: subject.database.db,
    pool: subject.database.pool,
    clock: subject.clock,
    jobs: subject.jobs,
    files: subject.files,
    logger: { level: 'info', stream },
  });
  return { app, log: () => lines.join('') };
}
