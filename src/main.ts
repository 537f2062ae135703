/**
 * The process: read config, start or connect to PostgreSQL, migrate, load reference data, build the
 * app, listen, and shut down gracefully on SIGINT/SIGTERM (stop taking requests, finish those in
 * flight, close the pool, stop the embedded PostgreSQL last).
 */
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { modules } from './modules/index.ts';
import { deleteStaleAuthState } from './platform/auth/auth-housekeeping.ts';
import { createDemoStaff } from './platform/auth/staff-service.ts';
import {
  loadModuleDemoData,
  requestModuleScans,
  startModuleWorkers,
} from './platform/composition/compose.ts';
import { createDatabase } from './platform/db/database.ts';
import { EmbeddedDatabaseError } from './platform/db/embedded-server.ts';
import { MigrationError, runMigrations } from './platform/db/migrate.ts';
import { ensureEmbeddedDatabase, locateDatabase } from './platform/db/open-database.ts';
import { FileStoreUnavailableError, openFilesystemStore } from './platform/files/file-store.ts';
import { describeMove, moveDatabaseFiles } from './platform/files/move-db-files.ts';
import { platformScans } from './platform/files/sweep-schedule.ts';
import { systemClock } from './platform/http/clock.ts';
import { deleteExpiredIdempotencyKeys } from './platform/http/idempotency.ts';
import { describeErrorSafely } from './platform/http/log-safety.ts';
import { createJobs, type JobsLog } from './platform/jobs/jobs.ts';
import { seedReferenceData } from './seed.ts';

const stderrLog: JobsLog = {
  warn: (_details, message) => process.stderr.write(`${message}\n`),
  error: (_details, message) => process.stderr.write(`${message}\n`),
};

const say = (message: string) => process.stdout.write(`${message}\n`);

async function main(): Promise<void> {
  const config = loadConfig();
  const location = await locateDatabase(config, 'app', say);
  const cleanups: (() => Promise<void>)[] = [];
  const stopEmbedded = async () => {
    if (location.embedded) await location.embedded.stop();
  };
  cleanups.push(stopEmbedded);
  let isShuttingDown = false;
  const shutdown = async (reason: string, exitCode: number) => {
    if (isShuttingDown) return;
    isShuttingDown = true;
    say(`Shutting down (${reason}) …`);
    const timer = setTimeout(() => {
      process.stderr.write(`Shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting.\n`);
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: Error) => process.stderr.write(`${error.message}\n`));
    }
    process.exit(exitCode);
  };
  process.once('SIGINT', () => void shutdown('SIGINT', 0));
  process.once('SIGTERM', () => void shutdown('SIGTERM', 0));

  try {
    if (location.embedded) {
      await ensureEmbeddedDatabase(location.embedded);
      say(
        `Embedded PostgreSQL in ${location.embedded.clusterDir} on 127.0.0.1:${location.embedded.port}${location.embedded.socketDir === null ? '' : ' (the app connects through its Unix socket in that folder)'}.`,
      );
    }
    const migrations = await runMigrations(location.connectionString);
    if (migrations.applied > 0) say(`Applied ${migrations.applied} database migration(s).`);
    const database = createDatabase({
      connectionString: location.connectionString,
      maxConnections: config.databasePoolMax,
      idleTimeoutMs: 30_000,
      connectionTimeoutMs: 10_000,
      statementTimeoutMs: config.databaseStatementTimeoutMs,
    });
    cleanups.push(() => database.close());
    const files = await openFilesystemStore(config.fileStoreDir);
    const seeded = await seedReferenceData(database.db);
    if (!seeded.skipped) {
      say(
        `Loaded reference data: ${seeded.units} units, ${seeded.districts} districts, ${seeded.villages} villages, ` +
          `${seeded.serviceClassifications} service classifications, ${seeded.calendarOverrides} calendar overrides` +
          Object.entries(seeded.modules)
            .map(([name, count]) => `, ${count} ${name}`)
            .join('') +
          '.',
      );
    }
    if (config.createDemoStaff) {
      const demo = await createDemoStaff(database.db, { clock: systemClock });
      if (demo.length > 0) printDemoStaff(demo);
    }
    // Jobs always run: pg-boss installs or upgrades its schema here (under its own advisory lock, so
    // processes starting together do it once). Stopped after the HTTP server and before the pool: running
    // handlers may still use the database while they finish; what the workers hold (an SMTP connection)
    // is let go after that.
    const workerStops: (() => Promise<void>)[] = [];
    cleanups.push(async () => {
      for (const stop of workerStops.reverse()) await stop();
    });
    let jobsLog: JobsLog = stderrLog;
    const jobs = createJobs({
      connectionString: location.connectionString,
      log: {
        warn: (details, message) => jobsLog.warn(details, message),
        error: (details, message) => jobsLog.error(details, message),
      },
    });
    cleanups.push(() => jobs.stop({ timeoutMs: Math.max(1000, config.shutdownTimeoutMs - 2000) }));
    await jobs.start();
    if (config.demoData) {
      // After the jobs start: demo content goes through the real use cases, which queue their notices.
      const demo = await loadModuleDemoData(modules, {
        db: database.db,
        jobs,
        clock: systemClock,
        config,
        files,
      });
      const loaded = Object.entries(demo).filter(([, count]) => count > 0);
      if (loaded.length > 0)
        say(`Loaded demo data: ${loaded.map(([name, count]) => `${count} ${name}`).join(', ')}.`);
    }
    const app = await buildApp({
      config,
      db: database.db,
      pool: database.pool,
      clock: systemClock,
      jobs,
      files,
      logger: true,
    });
    jobsLog = app.log;
    cleanups.push(() => app.close());
    await app.listen({ host: config.host, port: config.port });
    // Route schemas' validators compile on first use; the rest now, a batch at a time while requests are
    // served, so a schema that cannot compile stops the start here rather than at its first request.
    await app.compilePendingValidators();
    const workerContext = { db: database.db, jobs, clock: systemClock, config, files, log: app.log };
    // The platform's own scans (the file store's orphan sweep) are worked and asked for as the modules' are.
    const scanners = [...modules, platformScans];
    workerStops.push(...(await startModuleWorkers(scanners, workerContext)));
    if (config.smtpUrl === null) {
      say('No SMTP_URL: e-mail is kept in the outbox, readable by admins at /staff/outbox.');
    }
    // Ended sessions, old rate-limit windows and forgotten failure counters: reads already ignore them;
    // this keeps the tables small. Any process may do it at any time.
    // The modules' scans (deadline and progress reminders) and the orphan file sweep: a job per slot,
    // whichever process asks first.
    const housekeeping = () =>
      Promise.all([
        deleteStaleAuthState(database.db, { now: systemClock.now(), config }),
        // Idempotency keys answer for 24 hours (platform/http/idempotency.ts).
        deleteExpiredIdempotencyKeys(database.db, systemClock.now()),
        requestModuleScans(scanners, workerContext),
      ]).catch((error: Error) => app.log.warn({ err: error }, 'housekeeping failed'));
    await housekeeping();
    // Files rows still hold in the database (written before the file store) move to it in the background:
    // until a row is moved its bytes are served from the row. Several processes share the work (skip locked).
    const moving = new AbortController();
    cleanups.push(async () => moving.abort());
    void moveDatabaseFiles(database.db, files, { signal: moving.signal }).then(
      (results) => {
        for (const line of describeMove(results)) app.log.info(line);
      },
      (error: Error) => {
        if (!moving.signal.aborted) app.log.error({ err: error }, 'moving files from the database failed');
      },
    );
    const timer = setInterval(housekeeping, 5 * 60_000);
    timer.unref();
    cleanups.push(async () => clearInterval(timer));
    say(`OneWindow is ready: ${config.publicBaseUrl}/ (English: ${config.publicBaseUrl}/en)`);
  } catch (error) {
    process.stderr.write(`\nOneWindow could not start: ${describe(error)}\n`);
    await shutdown('start-up failed', 1);
  }
}

function printDemoStaff(accounts: { email: string; role: string; password: string }[]): void {
  say('');
  say(
    'Demo staff accounts (shown once; reset with `npx onewindow staff:reset-password --email E --password P`):',
  );
  for (const account of accounts)
    say(`  ${account.role.padEnd(14)} ${account.email.padEnd(36)} ${account.password}`);
  say('The admin account must set up two-factor sign-in (an authenticator app) at its first sign-in.');
  say('');
}

function describe(error: unknown): string {
  if (
    error instanceof ConfigError ||
    error instanceof MigrationError ||
    error instanceof EmbeddedDatabaseError ||
    error instanceof FileStoreUnavailableError
  ) {
    return error.message;
  }
  // A failed query's parameters (seeded or demo data) stay out of what is printed (log-safety.ts).
  return describeErrorSafely(error);
}

main().catch((error) => {
  process.stderr.write(`\nOneWindow could not start: ${describe(error)}\n`);
  process.exit(1);
});
