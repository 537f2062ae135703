/**
 * What the benchmark's parts share: for the generators, the database they fill (embedded or given), their
 * phases, COPY, dropping and rebuilding indexes, the bench staff and the command line; for the bench
 * sections, the generated database (reused or made afresh), starting, waiting for and stopping the app as
 * `npm start` runs it, and the lines of docs/benchmarks.md they have in common.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { startCommand } from '../scripts/start-command.ts';
import { hashPassword } from '../src/platform/auth/password.ts';
import { createDatabase, type Database } from '../src/platform/db/database.ts';
import { findFreePort, startEmbeddedServer } from '../src/platform/db/embedded-server.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { ensureEmbeddedDatabase } from '../src/platform/db/open-database.ts';
import { seedReferenceData } from '../src/seed.ts';

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
export async function startBenchApp(
  dataDir: string,
  options: { demoStaff?: boolean } = {},
): Promise<{ app: ChildProcess; appUrl: string }> {
  const { environment: startEnvironment, nodeArguments } = startCommand();
  // BENCH_APP_NODE_FLAGS: more Node flags for the app only (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, which
  // NODE_OPTIONS does not take); the profile is written when the bench stops the app.
  const extraFlags = (process.env.BENCH_APP_NODE_FLAGS ?? '').split(/\s+/).filter((flag) => flag !== '');
  const startArguments = [...extraFlags, ...nodeArguments];
  const logFile = await open(path.join(dataDir, 'app.log'), 'w');
  const appPort = await findFreePort();
  const app = spawn(process.execPath, startArguments, {
    env: {
      ...process.env,
      ...startEnvironment,
      DATA_DIR: dataDir,
      PORT: String(appPort),
      // No demo staff (each section adds its own), unless a section wants the demo content they take through
      // its steps (the public pages: the demo unit work plan).
      DEMO_STAFF: options.demoStaff === true ? 'true' : 'false',
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

// ---------------------------------------------------------------------------------------------------------
// The generators

/** The phases of a generation and how long each took; `phase(name)` ends the current one. */
export function phaseTimer(log?: (line: string) => void) {
  const started = performance.now();
  const phases: { name: string; seconds: number }[] = [];
  let phaseStart = started;
  const tenths = (milliseconds: number) => Math.round(milliseconds / 100) / 10;
  return {
    phases,
    phase(name: string): void {
      const at = performance.now();
      phases.push({ name, seconds: tenths(at - phaseStart) });
      phaseStart = at;
      log?.(`  ${name}: ${phases.at(-1)?.seconds} s`);
    },
    /** Milliseconds since the timer started. */
    elapsedMs: () => performance.now() - started,
    /** Seconds since the timer started, to a tenth. */
    seconds: () => tenths(performance.now() - started),
  };
}

/** The phases of a generation, as its summary says them. */
export function describePhases(phases: { name: string; seconds: number }[]): string {
  return `Phases: ${phases.map((entry) => `${entry.name} ${entry.seconds} s`).join('; ')}.`;
}

/**
 * The database a generator fills, migrated and seeded: a small pool for the app's own functions and one
 * client for the long transaction of COPYs (not yet connected). Close both when done.
 */
export async function openGeneratorDatabase(
  connectionString: string,
  applicationName: string,
): Promise<{ database: ReturnType<typeof createDatabase>; client: pg.Client }> {
  await runMigrations(connectionString);
  const database = createDatabase({
    connectionString,
    maxConnections: 2,
    idleTimeoutMs: 10_000,
    connectionTimeoutMs: 10_000,
    statementTimeoutMs: 0,
    applicationName,
  });
  const client = new pg.Client({ connectionString, application_name: applicationName });
  await seedReferenceData(database.db);
  return { database, client };
}

/**
 * Runs a generator on its database (openGeneratorDatabase): rolls the client's transaction back if `work`
 * throws, and closes the client and the pool either way.
 */
export async function withGeneratorDatabase<Result>(
  target: { connectionString: string },
  applicationName: string,
  work: (database: ReturnType<typeof createDatabase>, client: pg.Client) => Promise<Result>,
): Promise<Result> {
  const { database, client } = await openGeneratorDatabase(target.connectionString, applicationName);
  try {
    return await work(database, client);
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
    await database.close();
  }
}

/**
 * Connects the generator's client and opens its one transaction, with commits not waiting for the disk and
 * `maintenanceWorkMem` for the index rebuilds at its end.
 */
export async function beginBulkLoad(client: pg.Client, maintenanceWorkMem: string): Promise<void> {
  await client.connect();
  await client.query('begin');
  await client.query(`set local maintenance_work_mem = '${maintenanceWorkMem}'`);
  await client.query('set local synchronous_commit = off');
}

/**
 * Shares `total` out over the days in proportion to their weights: whole numbers, the fraction carried to
 * the next day, whatever rounding leaves over on the last day, so they add up to `total`.
 */
export function spreadOverDays(total: number, weights: number[]): number[] {
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const perDay: number[] = [];
  let carried = 0;
  for (const weight of weights) {
    const exact = (total * weight) / totalWeight + carried;
    const count = Math.floor(exact);
    carried = exact - count;
    perDay.push(count);
  }
  perDay[perDay.length - 1] = (perDay.at(-1) ?? 0) + (total - perDay.reduce((sum, n) => sum + n, 0));
  return perDay;
}

/** Where case numbering stands before a load: each day's last case number and the next timeline-event id. */
export async function readCaseNumbering(
  client: pg.Client,
): Promise<{ lastNumbers: Map<string, number>; nextEventId: number }> {
  const counters = await client.query<{ day: string; last: number }>(
    "select to_char(day, 'YYYY-MM-DD') as day, last_number as last from case_number_counters",
  );
  const maxEventId = await client.query<{ max: string }>(
    'select coalesce(max(id), 0)::text as max from case_events',
  );
  return {
    lastNumbers: new Map(counters.rows.map((row) => [row.day, row.last])),
    nextEventId: Number(maxEventId.rows[0]?.max) + 1,
  };
}

/**
 * The routing rules as the generators use them: the unit a category is routed to in a district (a rule for the
 * district, else the category's rule for anywhere), and every unit some rule routes to.
 */
export async function loadRouting(db: Database): Promise<{
  targets: Set<string>;
  route: (serviceCode: string, districtCode: string) => string | null;
}> {
  const rows = await db.execute<{ service_code: string; district_code: string | null; unit_code: string }>(
    sql`select service_code, district_code, unit_code from routing_rules`,
  );
  const rules = new Map<string, string>();
  for (const row of rows.rows) rules.set(`${row.service_code}/${row.district_code ?? '*'}`, row.unit_code);
  return {
    targets: new Set(rules.values()),
    route: (serviceCode, districtCode) =>
      rules.get(`${serviceCode}/${districtCode}`) ?? rules.get(`${serviceCode}/*`) ?? null,
  };
}

/**
 * After a load: each day's last case number (a higher one already there stays) and the timeline-event id
 * sequence moved past the ids the load wrote itself, so the app numbers on from there.
 */
export async function saveCaseNumbering(client: pg.Client, lastNumbers: Map<string, number>): Promise<void> {
  const days = [...lastNumbers.keys()];
  await client.query(
    `insert into case_number_counters (day, last_number)
       select * from unnest($1::date[], $2::int[])
       on conflict (day) do update set last_number = greatest(case_number_counters.last_number, excluded.last_number)`,
    [days, days.map((day) => lastNumbers.get(day) ?? 0)],
  );
  await client.query(
    "select setval(pg_get_serial_sequence('case_events', 'id'), (select coalesce(max(id), 1) from case_events))",
  );
}

/**
 * COPY running beside generation, one list of rows per table (`rows`, in the order given): the caller pushes
 * rows and, at each day's end, calls `afterDay`, which sends what is gathered once the first table holds
 * 10,000 rows (or on the last day) while the next batch is generated, waiting only for the batch before;
 * `finished()` waits for the last.
 */
export function copyAlongside(client: pg.Client, tables: [table: string, columns: string][]) {
  const rows = tables.map((): string[] => []);
  let copying: Promise<void> = Promise.resolve();
  const send = async () => {
    const batch = rows.map((list) => list.splice(0));
    await copying;
    copying = (async () => {
      for (const [index, [table, columns]] of tables.entries())
        await copyRows(client, table, columns, batch[index] ?? []);
    })();
    // An error surfaces at the next await of `copying`; keep it from being unhandled meanwhile.
    copying.catch(() => {});
  };
  return {
    rows,
    async afterDay(isLastDay: boolean): Promise<void> {
      if ((rows[0]?.length ?? 0) >= 10_000 || isLastDay) await send();
      // Let the socket drain while the next day is generated.
      else await new Promise((resolve) => setImmediate(resolve));
    },
    finished: () => copying,
  };
}

export interface DroppedIndexes {
  /** The definitions of the dropped indexes (CREATE INDEX …). */
  indexes: string[];
  foreignKeys: { table: string; name: string; definition: string }[];
}

/**
 * Drops the non-unique indexes of `indexesOf` and the foreign keys of `foreignKeysOf` (tables) in the
 * client's transaction, so that COPY does not maintain them row by row; `rebuildIndexes` puts them back
 * from their own definitions.
 */
export async function dropIndexesForLoad(
  client: pg.Client,
  tables: { indexesOf: string[]; foreignKeysOf: string[] },
): Promise<DroppedIndexes> {
  const regclasses = (names: string[]) => names.map((name) => `'${name}'::regclass`).join(', ');
  const indexes = await client.query<{ name: string; definition: string }>(`
    select indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as definition
    from pg_index where indrelid in (${regclasses(tables.indexesOf)})
      and not indisprimary and not indisunique`);
  const foreignKeys = await client.query<{ table: string; name: string; definition: string }>(`
    select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
    from pg_constraint where contype = 'f' and conrelid in (${regclasses(tables.foreignKeysOf)})`);
  for (const foreignKey of foreignKeys.rows)
    await client.query(`alter table ${foreignKey.table} drop constraint "${foreignKey.name}"`);
  for (const index of indexes.rows) await client.query(`drop index ${index.name}`);
  return { indexes: indexes.rows.map((row) => row.definition), foreignKeys: foreignKeys.rows };
}

/** Rebuilds what dropIndexesForLoad dropped (the foreign keys validated), each step a phase. */
export async function rebuildIndexes(
  client: pg.Client,
  dropped: DroppedIndexes,
  options: { phase: (name: string) => void; logEachIndex?: (line: string) => void },
): Promise<void> {
  for (const definition of dropped.indexes) {
    const indexStart = performance.now();
    await client.query(definition);
    options.logEachIndex?.(
      `  ${definition.replace(/^CREATE INDEX (\S+) .*/, '$1')}: ${((performance.now() - indexStart) / 1000).toFixed(1)} s`,
    );
  }
  options.phase('rebuild indexes');
  for (const foreignKey of dropped.foreignKeys)
    await client.query(
      `alter table ${foreignKey.table} add constraint "${foreignKey.name}" ${foreignKey.definition}`,
    );
  options.phase('re-add and validate foreign keys');
}

/** Every generated staff member has this password (one argon2 hash, computed once). Bench data only. */
export const benchPassword = 'bench-password-not-a-secret';

/** Adds the bench staff that are not there yet (by e-mail), all with benchPassword, each named by `nameOf`. */
export async function insertBenchStaff(
  db: Database,
  members: { email: string; role: string; unitCode: string | null }[],
  nameOf: () => string,
): Promise<void> {
  const passwordHash = await hashPassword(benchPassword);
  for (const member of members)
    await db.execute(sql`
      insert into staff (email, display_name, password_hash, role, unit_code)
      values (${member.email}, ${nameOf()}, ${passwordHash}, ${member.role}, ${member.unitCode})
      on conflict ((lower(email))) do nothing`);
}

/**
 * The connection string a generator's command line asks for: --database-url (or DATABASE_URL), else an
 * embedded PostgreSQL in --data-dir (default: a new temporary folder named with `temporaryPrefix`), started
 * here and stopped by `stop`.
 */
export async function generatorConnection(options: {
  databaseUrl: string | undefined;
  dataDir: string | undefined;
  temporaryPrefix: string;
}): Promise<{ connectionString: string; stop: () => Promise<void> }> {
  const given = options.databaseUrl ?? process.env.DATABASE_URL ?? '';
  if (given !== '') return { connectionString: given, stop: async () => {} };
  const dataDir = path.resolve(
    options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), options.temporaryPrefix))),
  );
  const embedded = await startEmbeddedServer({
    dataDir,
    port: 0,
    purpose: 'cli',
    log: (line) => process.stdout.write(`${line}\n`),
  });
  await ensureEmbeddedDatabase(embedded);
  process.stdout.write(`Embedded PostgreSQL in ${dataDir} (start the app on it with DATA_DIR=${dataDir}).\n`);
  return { connectionString: embedded.connectionString('onewindow'), stop: () => embedded.stop() };
}

/** The command-line options every generator takes besides its own (bench/generate-*.ts). */
export const generatorOptions = {
  'database-url': { type: 'string' },
  'data-dir': { type: 'string' },
  seed: { type: 'string', default: '1' },
  /** Also write the result as JSON here (bench/run.ts reads it). */
  'result-file': { type: 'string' },
} as const;

/**
 * A generator's command line once its options are read: the database (generatorConnection), a line saying
 * what is generated, the summary lines, the result file, and the embedded server stopped whatever happens.
 */
export async function runGenerator<Result extends object>(options: {
  connection: Parameters<typeof generatorConnection>[0];
  resultFile: string | undefined;
  announce: string;
  generate: (connectionString: string) => Promise<Result>;
  describe: (result: Result) => string[];
}): Promise<void> {
  const { connectionString, stop } = await generatorConnection(options.connection);
  try {
    process.stdout.write(`${options.announce}\n`);
    const result = await options.generate(connectionString);
    for (const line of options.describe(result)) process.stdout.write(`${line}\n`);
    await writeResultFile(options.resultFile, result);
  } finally {
    await stop();
  }
}

/** A generator's result as JSON with the time it was made: the marker the bench sections read. */
export async function writeResultFile(file: string | undefined, result: object): Promise<void> {
  if (file === undefined) return;
  await writeFile(file, `${JSON.stringify({ ...result, generatedAt: new Date().toISOString() })}\n`);
}

/** Runs `main` when the module is the script node was started with (not when a bench section imports it). */
export function runAsScript(moduleUrl: string, main: () => Promise<void>): void {
  if (process.argv[1] === undefined || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  main().catch((error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  });
}

// ---------------------------------------------------------------------------------------------------------
// The bench sections

/**
 * The folder a section keeps its database in: `configured` (a BENCH_*_DIR, kept and reused), else a new
 * temporary one that the section removes when done.
 */
export async function benchDataDir(
  configured: string | undefined,
  temporaryPrefix: string,
): Promise<{ dataDir: string; isTemporary: boolean }> {
  const isTemporary = configured === undefined || configured === '';
  const dataDir = isTemporary
    ? await mkdtemp(path.join(os.tmpdir(), temporaryPrefix))
    : path.resolve(configured);
  await mkdir(dataDir, { recursive: true });
  return { dataDir, isTemporary };
}

/**
 * The generated database in `dataDir`: reused when the generator's marker file there `fits`, else made
 * afresh by the generator `script` (run with `args` and the Node flags of its npm script), which writes the
 * marker.
 */
export async function generatedDatabase<Result extends object>(options: {
  dataDir: string;
  markerName: string;
  fits: (marker: Result & { generatedAt: string }) => boolean;
  reusing: (marker: Result & { generatedAt: string }) => string;
  generating: string;
  script: string;
  args: string[];
}): Promise<Result & { generatedAt: string; reused: boolean }> {
  const markerFile = path.join(options.dataDir, options.markerName);
  const readMarker = async () =>
    JSON.parse(await readFile(markerFile, 'utf8')) as Result & { generatedAt: string };
  if (existsSync(markerFile)) {
    const marker = await readMarker();
    if (options.fits(marker)) {
      process.stdout.write(`${options.reusing(marker)}\n`);
      return { ...marker, reused: true };
    }
  }
  await rm(path.join(options.dataDir, 'postgres'), { recursive: true, force: true });
  await rm(markerFile, { force: true });
  process.stdout.write(`${options.generating}\n`);
  const generator = spawn(
    process.execPath,
    [
      '--max-semi-space-size=64',
      '--import',
      './src/preload.mjs',
      options.script,
      ...options.args,
      '--data-dir',
      options.dataDir,
      '--result-file',
      markerFile,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  await runToEnd(generator);
  return { ...(await readMarker()), reused: false };
}

/** The bench's own connections (counts, choosing subjects, plans) to the server the app runs on `dataDir`. */
export async function benchPool(dataDir: string): Promise<pg.Pool> {
  const server = await startEmbeddedServer({ dataDir, port: 0, purpose: 'cli' });
  return new pg.Pool({ connectionString: server.connectionString('onewindow'), max: 2 });
}

/**
 * A section's measurements against the app started on its data folder (startBenchApp), once the app is
 * ready, with the bench's own pool; afterwards, whatever happened, the pool is closed, the app stopped and a
 * temporary data folder removed.
 */
export async function withBenchApp<Result>(
  data: { dataDir: string; isTemporary: boolean; demoStaff?: boolean },
  measure: (bench: { app: ChildProcess; appUrl: string; pool: pg.Pool }) => Promise<Result>,
): Promise<Result> {
  const { app, appUrl } = await startBenchApp(data.dataDir, { demoStaff: data.demoStaff === true });
  let pool: pg.Pool | null = null;
  try {
    await waitFor(`${appUrl}/readyz`, 120_000);
    pool = await benchPool(data.dataDir);
    return await measure({ app, appUrl, pool });
  } finally {
    await pool?.end();
    await stop(app);
    if (data.isTemporary) await rm(data.dataDir, { recursive: true, force: true });
  }
}

/** The machine, for the report: CPU, cores, memory, system. */
export function machineDescription(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, ${os.type()} ${os.release()}`;
}

/**
 * The lines that open a section of docs/benchmarks.md: its heading, when and on what it ran, and how busy the
 * machine was (the 1-minute load average at the moments `load.when` names).
 */
export function sectionHead(title: string, load: { when: string; averages: readonly number[] }): string[] {
  return [
    `## ${title}`,
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${machineDescription()}; Node ${process.version}; the app as \`npm start\` runs it (embedded PostgreSQL, request logs to a file).`,
    `- The machine's 1-minute load average ${load.when}: ${load.averages.map((value) => value.toFixed(1)).join(', ')} (2 cores: above ~2, other processes competed for them).`,
  ];
}

export const verdict = (isMet: boolean) => (isMet ? 'met' : '**not met**');

/** A statement as it reached a pool: its text and parameters. */
export interface SentStatement {
  sql: string;
  params: unknown[];
}

/**
 * `pool.query`, recording every statement it is sent (drizzle's, named or not, and those sent on the pool
 * directly) onto `captured` while `isOn()` says so, then running it: for the benches that show the plans of
 * the statements an app function sends.
 */
export function recordingQuery(
  pool: pg.Pool,
  captured: SentStatement[],
  isOn: () => boolean = () => true,
): (...args: unknown[]) => Promise<unknown> {
  const original = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  return (...args: unknown[]) => {
    if (isOn()) {
      const [first, second] = args;
      const config =
        typeof first === 'string' ? { text: first } : (first as { text: string; values?: unknown[] });
      captured.push({ sql: config.text, params: (Array.isArray(second) ? second : config.values) ?? [] });
    }
    return original(...args);
  };
}

/** A query and its plan, as the report shows them. */
export function queryPlanLines(heading: string, plan: { sql: string; plan: string }): string[] {
  return [`#### ${heading}`, '', '```sql', plan.sql, '```', '', '```', plan.plan, '```', ''];
}

/**
 * CPU time (utime + stime, ms; Linux clock ticks are 10 ms) of a process (`own`) and of its descendants now
 * alive (`descendants`: for the app, its embedded PostgreSQL server and backends). With `countReaped`, a
 * descendant's children already reaped (cutime + cstime) count too, so a PostgreSQL backend ending between
 * two readings does not take its time away with it (it moves into the postmaster's cutime).
 */
export async function treeCpuMs(
  rootPid: number,
  options: { countReaped: boolean },
): Promise<{ own: number; descendants: number }> {
  const processes = new Map<number, { parent: number; own: number; reaped: number }>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    if (fields.length < 15) continue;
    processes.set(Number(name), {
      parent: Number(fields[1]),
      own: (Number(fields[11]) + Number(fields[12])) * 10,
      reaped: (Number(fields[13]) + Number(fields[14])) * 10,
    });
  }
  const children = new Map<number, number[]>();
  for (const [pid, { parent }] of processes) children.set(parent, [...(children.get(parent) ?? []), pid]);
  let descendants = 0;
  const waiting = [...(children.get(rootPid) ?? [])];
  while (waiting.length > 0) {
    const pid = waiting.pop() as number;
    const entry = processes.get(pid);
    descendants += (entry?.own ?? 0) + (options.countReaped ? (entry?.reaped ?? 0) : 0);
    waiting.push(...(children.get(pid) ?? []));
  }
  return { own: processes.get(rootPid)?.own ?? 0, descendants };
}

/**
 * CPU time (user + system, ms) of the app processes (`own`, summed) and, apart, of their descendants now
 * alive — the embedded PostgreSQL server and its backends, children of the first — and of this bench process
 * (`client`, the load client sharing the cores). Steadier than a rate on a busy machine: what one request
 * costs the server, whoever else used the cores meanwhile.
 */
export async function processTreeCpuMs(
  rootPids: number | readonly number[],
): Promise<{ own: number; descendants: number; client: number }> {
  let own = 0;
  let descendants = 0;
  for (const pid of typeof rootPids === 'number' ? [rootPids] : rootPids) {
    const tree = await treeCpuMs(pid, { countReaped: false });
    own += tree.own;
    descendants += tree.descendants;
  }
  const client = process.cpuUsage();
  return { own, descendants, client: (client.user + client.system) / 1000 };
}

/** The server CPU a measured step took, per item done: the app's and its PostgreSQL's, in ms. */
export interface ServerCpu {
  appMs: number;
  databaseMs: number;
  /** The bench's own process (the load client), sharing the cores. */
  clientMs: number;
}

export async function cpuPerItem(
  pids: number | readonly number[],
  before: { own: number; descendants: number; client: number },
  items: number,
): Promise<ServerCpu> {
  const after = await processTreeCpuMs(pids);
  const perItem = (ms: number) => Math.round((ms / Math.max(1, items)) * 10) / 10;
  return {
    appMs: perItem(after.own - before.own),
    databaseMs: perItem(after.descendants - before.descendants),
    clientMs: perItem(after.client - before.client),
  };
}
