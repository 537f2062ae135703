import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);

/** Any constant shared by every OneWindow process; it names the advisory lock that serialises migrations. */
const migrationLockKey = 4_242_001;

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * Applies the committed SQL migrations (drizzle-kit's folder) that the database has not seen yet.
 * Several app processes may start together: a session-level advisory lock on one dedicated
 * connection lets one migrate while the others wait, then find nothing left to do. Drizzle runs the
 * pending migrations in one transaction, so a failure leaves the schema as it was.
 */
export async function runMigrations(
  connectionString: string,
  options: { migrationsFolder?: string } = {},
): Promise<{ applied: number }> {
  const client = new pg.Client({ connectionString, application_name: 'onewindow-migrate' });
  try {
    await client.connect();
  } catch (error) {
    throw new MigrationError(`Cannot connect to the database to migrate: ${(error as Error).message}`);
  }
  try {
    await client.query('select pg_advisory_lock($1)', [migrationLockKey]);
    const countApplied = async (): Promise<number> => {
      const result = await client.query<{ count: string }>(
        `select count(*)::text as count from information_schema.tables
          where table_schema = 'drizzle' and table_name = '__drizzle_migrations'`,
      );
      if (result.rows[0]?.count === '0') return 0;
      const rows = await client.query<{ count: string }>(
        'select count(*)::text as count from drizzle.__drizzle_migrations',
      );
      return Number(rows.rows[0]?.count ?? 0);
    };
    const before = await countApplied();
    try {
      // Another folder: restore.ts builds the schema of an older backup with the migrations up to its own.
      await migrate(drizzle(client), { migrationsFolder: options.migrationsFolder ?? migrationsFolder });
    } catch (error) {
      const cause = (error as { cause?: Error }).cause ?? (error as Error);
      throw new MigrationError(`A database migration could not be applied: ${cause.message}`);
    }
    const after = await countApplied();
    return { applied: after - before };
  } finally {
    await client.query('select pg_advisory_unlock($1)', [migrationLockKey]).catch(() => {});
    await client.end().catch(() => {});
  }
}
