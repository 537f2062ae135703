/**
 * The test runner behind `npm test`: finds the test files, provides a real PostgreSQL (the embedded
 * one in a temporary folder, or TEST_DATABASE_URL), migrates one template database that every test
 * file clones, then runs node:test.
 *
 *   node --import ./src/preload.mjs scripts/run-tests.ts [unit|db|browser]... [path-fragment]...   (default: all three suites)
 *   e.g. `npm run test:db -- sign-in` runs the database tests whose path contains "sign-in".
 *
 * File naming: `*.test.ts(x)` unit (no database), `*.db.test.ts(x)` database/HTTP, `test/browser/*.test.ts` browser.
 * `*.embedded.db.test.ts` are database files whose tests start embedded PostgreSQL servers of their own and never
 * use the test database: a run on an outside PostgreSQL (TEST_DATABASE_URL) leaves them out, since it would only
 * test the embedded server a second time. The command line's own files (`cli.db.test.ts`, `*-cli.db.test.ts`:
 * arguments, exit codes, output, each command a separate process) are left out of such a run too: the use cases
 * behind the commands are tested in-process on every server, and the processes cost ~50 s (measured in CI).
 *
 * The unit files run first, all in one process (`--test-isolation=none`: they load no database code and keep no
 * state between files; 97 files in 11 s against 27 s one process each); then the database and browser files,
 * each in a process of its own, two at a time.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDatabase } from '../src/platform/db/database.ts';
import { startEmbeddedServer } from '../src/platform/db/embedded-server.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { seedReferenceData } from '../src/seed.ts';
import { scanTestLogs } from './log-scan.ts';

type Suite = 'unit' | 'db' | 'browser';
const requested = process.argv
  .slice(2)
  .filter((argument): argument is Suite => ['unit', 'db', 'browser'].includes(argument));
const suites: Suite[] = requested.length > 0 ? requested : ['unit', 'db', 'browser'];
const pathFilters = process.argv.slice(2).filter((argument) => !['unit', 'db', 'browser'].includes(argument));

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && /\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

const all = [...(await listFiles('src')), ...(await listFiles('test'))];
const isBrowser = (file: string) => file.startsWith(`test${path.sep}browser${path.sep}`);
const isDatabase = (file: string) => /\.db\.test\.tsx?$/.test(file);
const isEmbeddedOnly = (file: string) => /\.embedded\.db\.test\.tsx?$/.test(file);
const isCommandLine = (file: string) => /(^|[/\\-])cli\.db\.test\.tsx?$/.test(file);
const onOutsideServer = Boolean(process.env.TEST_DATABASE_URL);
const leftOut: string[] = [];
const files = all.filter((file) => {
  if (pathFilters.length > 0 && !pathFilters.some((filter) => file.includes(filter))) return false;
  if (isBrowser(file)) return suites.includes('browser');
  if (isDatabase(file)) {
    if (!suites.includes('db')) return false;
    if (onOutsideServer && (isEmbeddedOnly(file) || isCommandLine(file))) {
      leftOut.push(file);
      return false;
    }
    return true;
  }
  return suites.includes('unit');
});
if (files.length === 0) {
  // `node --test` given no files would run every test it finds, without the template database.
  console.error(
    leftOut.length > 0
      ? `Only embedded-server files match ${pathFilters.join(' ')}, and they do not run on TEST_DATABASE_URL: ${leftOut.join(' ')}`
      : `No ${suites.join('/')} test file matches ${pathFilters.join(' ')}; check the path fragment.`,
  );
  process.exit(1);
}
const needsDatabase = files.some((file) => isBrowser(file) || isDatabase(file));

// Files run at once: 2 (the CI machine has 2 cores); TEST_CONCURRENCY sets another number, for measuring.
// (3 or 4 measured no clear gain on the shared 2-core machine: 6 browser files 242 s at 2, 295 s at 3; 17
// database files 117 s at 2, 110 s at 4; both under other work.)
const concurrency = Number(process.env.TEST_CONCURRENCY ?? 2);
if (!Number.isInteger(concurrency) || concurrency < 1) {
  console.error(
    `TEST_CONCURRENCY must be a whole number of at least 1 (got ${process.env.TEST_CONCURRENCY}).`,
  );
  process.exit(1);
}

// Browser tests need the built stylesheet and scripts; `npm test` builds them first (pretest), and a
// browser suite run on its own builds them here when they are missing.
if (
  files.some(isBrowser) &&
  !(existsSync('public/build/onewindow.css') && existsSync('public/build/app.js'))
) {
  execFileSync(process.execPath, ['scripts/build-assets.mjs'], { stdio: 'inherit' });
}

let stopServer = async () => {};
let temporaryFolder: string | null = null;
const environment: Record<string, string | undefined> = { ...process.env };

if (needsDatabase) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    temporaryFolder = await mkdtemp(path.join(os.tmpdir(), 'onewindow-test-'));
    await chmod(temporaryFolder, 0o755);
    const server = await startEmbeddedServer({ dataDir: temporaryFolder, port: 0, purpose: 'test' });
    adminUrl = server.connectionString('postgres');
    stopServer = () => server.stop();
  }
  const template = `ow_template_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const version = await admin.query<{ server_version: string }>('show server_version');
  console.log(
    `# PostgreSQL ${version.rows[0]?.server_version} (${process.env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL' : 'embedded'})`,
  );
  await admin.query(`create database ${template}`);
  await admin.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${template}`;
  await runMigrations(templateUrl.toString());
  const seeding = createDatabase({
    connectionString: templateUrl.toString(),
    maxConnections: 2,
    idleTimeoutMs: 1000,
    connectionTimeoutMs: 5000,
    statementTimeoutMs: 60_000,
  });
  await seedReferenceData(seeding.db);
  await seeding.close();
  environment.ONEWINDOW_TEST_ADMIN_URL = adminUrl;
  environment.ONEWINDOW_TEST_TEMPLATE = template;
  stopServer = ((previous) => async () => {
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    const leftovers = await cleanup.query<{ datname: string }>(
      `select datname from pg_database where datname = $1 or datname like $2`,
      [template, `${template}_%`],
    );
    for (const row of leftovers.rows)
      await cleanup.query(`drop database if exists "${row.datname}" with (force)`);
    await cleanup.end();
    await previous();
  })(stopServer);
}

// The log scan (issue 13): the HTTP/DB and browser suites' apps log to files here, their databases hand over
// the personal values they held, and after the run no value may appear in any log line (scripts/log-scan.ts).
let logDir: string | null = null;
if (needsDatabase) {
  logDir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-test-logs-'));
  environment.ONEWINDOW_TEST_LOG_DIR = logDir;
}

console.log(`# ${files.length} test files (${suites.join(', ')}), ${concurrency} at a time`);
if (leftOut.length > 0)
  console.log(
    `# not run on TEST_DATABASE_URL (the embedded PostgreSQL's own tests, the command line's processes): ${leftOut.join(' ')}`,
  );
/** One node:test run of these files; its exit code. */
const runNodeTest = (testFiles: readonly string[], options: readonly string[]) =>
  new Promise<number>((resolve) => {
    if (testFiles.length === 0) return resolve(0);
    const child = spawn(
      process.execPath,
      ['--import', './src/preload.mjs', '--test', '--test-reporter=spec', ...options, ...testFiles],
      { stdio: 'inherit', env: environment },
    );
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
const unitFiles = files.filter((file) => !isBrowser(file) && !isDatabase(file));
const unitExitCode = await runNodeTest(unitFiles, ['--test-isolation=none']);
const otherExitCode = await runNodeTest(
  files.filter((file) => !unitFiles.includes(file)),
  [`--test-concurrency=${concurrency}`],
);
const exitCode = Math.max(unitExitCode, otherExitCode);

let scanExitCode = 0;
if (logDir !== null) {
  const scan = await scanTestLogs(logDir);
  console.log(
    `# log scan: ${scan.lines} log lines, ${scan.values} personal values from the test databases, ${scan.leaks.length} found in the log`,
  );
  for (const leak of scan.leaks.slice(0, 20))
    console.error(`#   ${leak.table}.${leak.column} ${JSON.stringify(leak.value)} in: ${leak.line}`);
  if (scan.leaks.length > 0) {
    console.error('# Personal data reached the log (issue 13): see the lines above.');
    scanExitCode = 1;
  }
  console.log(`# log scan: ${scan.afterAnswer.length} handlers went on after their answer was sent`);
  for (const line of scan.afterAnswer.slice(0, 10)) console.error(`#   ${line}`);
  if (scan.afterAnswer.length > 0) scanExitCode = 1;
  // KEEP_TEST_LOGS=1 keeps the apps' logs for reading (a 500's error line), and says where.
  if (process.env.KEEP_TEST_LOGS) console.log(`# logs kept in ${logDir}`);
  else await rm(logDir, { recursive: true, force: true });
}

await stopServer().catch((error) => console.error('could not clean up the test database:', error));
if (temporaryFolder) await rm(temporaryFolder, { recursive: true, force: true });
process.exit(exitCode !== 0 ? exitCode : scanExitCode);
