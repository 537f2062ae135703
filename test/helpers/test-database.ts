import { randomBytes } from 'node:crypto';
import { after } from 'node:test';
import pg from 'pg';
import { createDatabase, type DatabaseHandle } from '../../src/platform/db/database.ts';
import { logDirVariable, recordPersonalValues } from './log-capture.ts';

interface Created {
  name: string;
  close(): Promise<void>;
}
const created: Created[] = [];

// Registered when this module is first imported, i.e. at the test file's top level: the databases a file
// made are dropped when the whole file ends. (An `after` called inside a `before` hook would run as soon
// as that hook ends.)
after(async () => {
  const adminUrl = process.env.ONEWINDOW_TEST_ADMIN_URL;
  if (!adminUrl || created.length === 0) return;
  for (const database of created) await database.close().catch(() => {});
  const dropper = new pg.Client({ connectionString: adminUrl });
  await dropper.connect();
  try {
    for (const database of created.splice(0)) {
      // The log scan (issue 13): the personal values this database held, before it goes.
      if (process.env[logDirVariable]) {
        const url = new URL(adminUrl);
        url.pathname = `/${database.name}`;
        const reader = new pg.Client({ connectionString: url.toString() });
        await reader.connect();
        await recordPersonalValues(reader).finally(() => reader.end());
      }
      await dropWithRetry(dropper, database.name);
    }
  } finally {
    // An open client would keep the test process alive after a failure.
    await dropper.end();
  }
});

/**
 * `with (force)` ends other sessions on the database. On PostgreSQL 15 an autovacuum worker busy with the
 * clone counts as another role's session: a role without pg_signal_backend is refused (42501) until the
 * worker is done, so a refusal is retried for a few seconds.
 */
async function dropWithRetry(dropper: pg.Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await dropper.query(`drop database if exists ${name} with (force)`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '42501' || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * A fresh database for one test file, cloned from the migrated template that scripts/run-tests.ts
 * made. Dropped when the file's tests end.
 */
export async function createTestDatabase(): Promise<DatabaseHandle & { connectionString: string }> {
  const adminUrl = process.env.ONEWINDOW_TEST_ADMIN_URL;
  const template = process.env.ONEWINDOW_TEST_TEMPLATE;
  if (!adminUrl || !template) {
    throw new Error(
      'Database tests run through `npm test` (scripts/run-tests.ts), which provides the database.',
    );
  }
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const connectionString = url.toString();
  const handle = createDatabase({
    connectionString,
    maxConnections: 5,
    idleTimeoutMs: 1000,
    connectionTimeoutMs: 5000,
    statementTimeoutMs: 15000,
  });
  let isClosed = false;
  const close = async () => {
    if (isClosed) return;
    isClosed = true;
    await handle.close();
  };
  created.push({ name, close });
  return { ...handle, close, connectionString };
}
