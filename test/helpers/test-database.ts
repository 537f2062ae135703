import { randomBytes } from 'node:crypto';
import { after } from 'node:test';
import pg from 'pg';
import { createDatabase, type DatabaseHandle } from '../../src/platform/db/database.ts';

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
  after(async () => {
    await handle.close();
    const dropper = new pg.Client({ connectionString: adminUrl });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
    await dropper.end();
  });
  return { ...handle, connectionString };
}
