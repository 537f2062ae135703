/**
 * Each public page's render cost, one request in flight (issue 12 §2: < 5 ms of CPU for pages up to 100 KB,
 * and no query per row).
 *
 *   node --import ./src/preload.mjs scripts/render-costs.ts [--only /plans] [--requests 40] [--min-cpu-ms 400] [--json out.json]
 *
 * Starts the real app as `npm start` does (same V8 flags), on an empty DATA_DIR with the demo data and
 * with PUBLIC_PAGE_CACHE_SECONDS=0 and PUBLIC_API_CACHE_SECONDS=0 (every request is rendered), plus a probe
 * (scripts/render-costs-probe.mjs) that counts the SQL statements of the app's pool. Then, for each address
 * of the public reads (the modules' `publicReads` and the platform's, with their `/en` twins, `/reports/<n>`
 * found on `/reports`): 5 warm-up GETs, then sequential GETs in batches of --requests until the app process
 * has used --min-cpu-ms of CPU (utime + stime in /proc/PID/stat, 10 ms ticks) or 10 batches. Prints, per
 * address: the app's CPU ms per request, the embedded PostgreSQL's CPU ms per request (its processes are the
 * app's descendants; background jobs add a little), SQL statements per request, bytes, mean latency.
 *
 * --profile DIR writes the app's CPU profile there (node --cpu-prof) when it stops; use --only with it.
 * --compare DIR also starts the app of another checkout (e.g. `git worktree add /tmp/before HEAD~1`, or
 * `git archive` of it with node_modules linked and `npm run build` run) and measures both, batches taking
 * turns, so that a change is compared in the same conditions; a before/after table follows.
 * --save DIR writes each address's last body there (to compare the pages before and after a change).
 * Use --base http://host:port --pid N to measure an app already running (no statement counts then).
 * CPU time, not wall time: the machine is shared, and CPU time is what a render costs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startCommand } from './start-command.ts';

const clockTicksPerSecond = 100;

const { values: options } = parseArgs({
  options: {
    only: { type: 'string' },
    requests: { type: 'string', default: '40' },
    warmup: { type: 'string', default: '5' },
    'min-cpu-ms': { type: 'string', default: '400' },
    port: { type: 'string', default: '39411' },
    base: { type: 'string' },
    pid: { type: 'string' },
    json: { type: 'string' },
    profile: { type: 'string' },
    save: { type: 'string' },
    compare: { type: 'string' },
  },
});

const batch = Number(options.requests);
const warmup = Number(options.warmup);
const minCpuMs = Number(options['min-cpu-ms']);

const addresses = [
  '/',
  '/services',
  '/services?q=%E9%81%93%E8%B7%AF',
  '/services?kind=application',
  '/services/utility-pipeline-works',
  '/services/road-excavation-permit',
  '/api/services',
  '/api/services/utility-pipeline-works',
  '/plans',
  '/plans/2012',
  '/work-plans/2012',
  '/report',
  '/reports',
  '/reports/:number',
  '/apply',
  '/apply/road-excavation-permit',
  '/track',
  '/search?q=%E9%81%93%E8%B7%AF',
  '/open311/v2/services.json',
];
const oneLanguage = (address: string) => address.startsWith('/api/') || address.startsWith('/open311/');

interface Row {
  address: string;
  status: number;
  requests: number;
  cpuMs: number;
  dbCpuMs: number;
  statements: number | null;
  bytes: number;
  latencyMs: number;
}

/** An app measured: started here (`process` set) or already running (`--base`, `--pid`). */
interface App {
  label: string;
  base: string;
  pid: number;
  process: ChildProcess | null;
  dataDir: string | null;
}

async function startApp(label: string, directory: string, port: number): Promise<App> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'render-costs-'));
  const base = `http://127.0.0.1:${port}`;
  // That checkout's `npm start`, with the probe loaded just before the entry point.
  const start = startCommand(directory);
  const child = spawn(
    process.execPath,
    [
      ...start.nodeArguments.slice(0, -1),
      ...(options.profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.profile}`]),
      '--import',
      path.resolve(import.meta.dirname, 'render-costs-probe.mjs'),
      ...start.nodeArguments.slice(-1),
    ],
    {
      cwd: directory,
      env: {
        ...process.env,
        ...start.environment,
        PORT: String(port),
        DATA_DIR: dataDir,
        PUBLIC_PAGE_CACHE_SECONDS: '0',
        PUBLIC_API_CACHE_SECONDS: '0',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  const failed = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`The app in ${directory} exited (${code}) before it was ready.`)),
    ),
  );
  await Promise.race([waitForHealth(base), failed]);
  if (child.pid === undefined) throw new Error('The app has no process id.');
  return { label, base, pid: child.pid, process: child, dataDir };
}

async function stopApp(app: App): Promise<void> {
  if (app.process !== null && app.process.exitCode === null) {
    const exited = new Promise((resolve) => app.process?.once('exit', resolve));
    app.process.kill('SIGTERM');
    await exited;
  }
  if (app.dataDir !== null) await rm(app.dataDir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const apps: App[] = [];
  try {
    if (options.base !== undefined) {
      if (options.pid === undefined) throw new Error('Give --pid with --base.');
      apps.push({ label: 'app', base: options.base, pid: Number(options.pid), process: null, dataDir: null });
    } else {
      // Both start before anything is measured, so that they are measured in the same conditions.
      const port = Number(options.port);
      const starting = [startApp(options.compare === undefined ? 'app' : 'this', '.', port)];
      if (options.compare !== undefined) starting.unshift(startApp('other', options.compare, port + 1));
      apps.push(...(await Promise.all(starting)));
    }
    const reportNumbers = await Promise.all(apps.map((app) => findReportNumber(app.base)));
    const all = addresses.flatMap((address) =>
      oneLanguage(address) ? [address] : [address, `/en${address}`],
    );
    const rows = new Map<string, Row[]>(apps.map((app) => [app.label, []]));
    for (const template of all) {
      if (options.only !== undefined && !template.includes(options.only)) continue;
      const measured = await measure(
        apps,
        apps.map((_, index) => template.replace(':number', reportNumbers[index] ?? 'none')),
      );
      for (const [index, app] of apps.entries()) rows.get(app.label)?.push(measured[index] as Row);
    }
    for (const app of apps) {
      if (apps.length > 1)
        process.stdout.write(
          `\n${app.label}: ${app === apps[0] && options.compare !== undefined ? options.compare : process.cwd()}\n`,
        );
      printTable(rows.get(app.label) ?? []);
    }
    if (apps.length > 1) printComparison(rows.get('other') ?? [], rows.get('this') ?? []);
    if (options.json !== undefined)
      await writeFile(options.json, `${JSON.stringify(Object.fromEntries(rows), null, 2)}\n`);
  } finally {
    for (const app of apps) await stopApp(app);
  }
}

/** One address on every app: warm-up, then batches taking turns, until each has used --min-cpu-ms. */
async function measure(apps: readonly App[], addresses: readonly string[]): Promise<Row[]> {
  const states = await Promise.all(
    apps.map(async (app, index) => {
      const address = addresses[index] ?? '';
      let last = { status: 0, bytes: 0, body: new ArrayBuffer(0) };
      for (let i = 0; i < warmup; i += 1) last = await get(app.base, address);
      return {
        app,
        address,
        last,
        requests: 0,
        wallMs: 0,
        cpu: await cpuTicks(app.pid),
        db: await descendantTicks(app.pid),
        statements: await statementCount(app.process),
      };
    }),
  );
  const usedMs = async (state: (typeof states)[number]) =>
    ((await cpuTicks(state.app.pid)) - state.cpu) * (1000 / clockTicksPerSecond);
  for (let round = 0; round < 10; round += 1) {
    for (const state of states) {
      for (let i = 0; i < batch; i += 1) {
        const started = performance.now();
        state.last = await get(state.app.base, state.address);
        state.wallMs += performance.now() - started;
        state.requests += 1;
      }
    }
    let isEnough = true;
    for (const state of states) if ((await usedMs(state)) < minCpuMs) isEnough = false;
    if (isEnough) break;
  }
  const rows: Row[] = [];
  for (const state of states) {
    const cpuMs = await usedMs(state);
    const dbCpuMs = ((await descendantTicks(state.app.pid)) - state.db) * (1000 / clockTicksPerSecond);
    const statementsAfter = await statementCount(state.app.process);
    if (options.save !== undefined) {
      const directory = apps.length > 1 ? path.join(options.save, state.app.label) : options.save;
      await mkdir(directory, { recursive: true });
      await writeFile(path.join(directory, encodeURIComponent(state.address)), Buffer.from(state.last.body));
    }
    rows.push({
      address: state.address,
      status: state.last.status,
      requests: state.requests,
      cpuMs: cpuMs / state.requests,
      dbCpuMs: dbCpuMs / state.requests,
      statements:
        state.statements === null || statementsAfter === null
          ? null
          : (statementsAfter - state.statements) / state.requests,
      bytes: state.last.bytes,
      latencyMs: state.wallMs / state.requests,
    });
  }
  return rows;
}

async function get(
  base: string,
  address: string,
): Promise<{ status: number; bytes: number; body: ArrayBuffer }> {
  const response = await fetch(base + address, { headers: { 'accept-encoding': 'identity' } });
  const body = await response.arrayBuffer();
  return { status: response.status, bytes: body.byteLength, body };
}

async function waitForHealth(base: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${base}/healthz`);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${base}/healthz did not answer within 3 minutes.`);
}

async function findReportNumber(base: string): Promise<string> {
  const response = await fetch(`${base}/reports`);
  const html = await response.text();
  const found = /href="\/reports\/([^"/?#]+)"/.exec(html);
  return found?.[1] ?? 'none';
}

async function cpuTicks(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).replace(/^.*\) /, '').split(' ');
  // After the command: state is field 3, utime 14 and stime 15 (1-based, man proc(5)).
  return Number(fields[11]) + Number(fields[12]);
}

/** utime + stime of every process below `pid` (the embedded PostgreSQL's), alive now. */
async function descendantTicks(pid: number): Promise<number> {
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = (await readFile(`/proc/${entry}/stat`, 'utf8')).replace(/^.*\) /, '').split(' ');
      parents.set(Number(entry), Number(fields[1]));
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // ended meanwhile
    }
  }
  let total = 0;
  for (const [child] of parents) {
    let ancestor = parents.get(child);
    while (ancestor !== undefined && ancestor !== pid && ancestor > 1) ancestor = parents.get(ancestor);
    if (ancestor === pid) total += ticks.get(child) ?? 0;
  }
  return total;
}

function statementCount(app: ChildProcess | null): Promise<number | null> {
  if (app === null || app.send === undefined) return Promise.resolve(null);
  return new Promise((resolve) => {
    const onMessage = (message: { statements?: number }) => {
      if (typeof message?.statements !== 'number') return;
      app.off('message', onMessage);
      resolve(message.statements);
    };
    app.on('message', onMessage);
    app.send('statements');
  });
}

/** Before (the other checkout) and after (this one), side by side. */
function printComparison(before: readonly Row[], after: readonly Row[]): void {
  process.stdout.write(
    '\n| address | CPU ms/req before | after | SQL/req before | after | bytes before | after |\n|---|---:|---:|---:|---:|---:|---:|\n',
  );
  for (const [index, row] of after.entries()) {
    const old = before[index];
    if (old === undefined) continue;
    const statements = (value: number | null) => (value === null ? '–' : value.toFixed(1));
    process.stdout.write(
      `| ${decodeURI(row.address)} | ${old.cpuMs.toFixed(2)} | ${row.cpuMs.toFixed(2)} | ${statements(old.statements)} | ${statements(row.statements)} | ${old.bytes} | ${row.bytes} |\n`,
    );
  }
}

function printTable(rows: readonly Row[]): void {
  const header = ['address', 'status', 'n', 'app CPU ms/req', 'db CPU ms/req', 'SQL/req', 'bytes', 'mean ms'];
  const lines = rows.map((row) => [
    decodeURI(row.address),
    String(row.status),
    String(row.requests),
    row.cpuMs.toFixed(2),
    row.dbCpuMs.toFixed(2),
    row.statements === null ? '–' : row.statements.toFixed(1),
    String(row.bytes),
    row.latencyMs.toFixed(2),
  ]);
  process.stdout.write(
    `| ${header.join(' | ')} |\n|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|\n`,
  );
  for (const line of lines) process.stdout.write(`| ${line.join(' | ')} |\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
