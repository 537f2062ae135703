import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import { runMigrations } from './migrate.ts';

/** Migrations on the test database's PostgreSQL: together from several processes, a failing one, none. */
describe('runMigrations', () => {
  it('applies every migration once when three processes migrate the same empty database together', async () => {
    const database = await createTestDatabase();
    // The template is already migrated; start from an empty schema to migrate for real.
    await database.pool.query(
      'drop schema public cascade; create schema public; drop schema if exists drizzle cascade',
    );
    const results = await Promise.all([1, 2, 3].map(() => runMigrations(database.connectionString)));
    const applied = results.map((result) => result.applied).sort();
    assert.equal(applied[0], 0);
    assert.equal(applied[1], 0);
    assert.ok((applied[2] ?? 0) >= 1, 'one of them applied the migrations');
    const tables = await database.pool.query(
      "select count(*)::int as count from information_schema.tables where table_name = 'app_meta'",
    );
    assert.equal(tables.rows[0].count, 1);
  });

  it('fails loudly, naming the problem, when a migration cannot apply', async () => {
    const database = await createTestDatabase();
    await database.pool.query(
      'drop schema public cascade; create schema public; drop schema if exists drizzle cascade',
    );
    // A table in the way of the first migration's CREATE TABLE.
    await database.pool.query('create table app_meta (unexpected int)');
    await assert.rejects(runMigrations(database.connectionString), (error: Error) => {
      assert.equal(error.name, 'MigrationError');
      assert.match(error.message, /could not be applied: .*app_meta.* already exists/);
      return true;
    });
    const applied = await database.pool.query("select to_regclass('drizzle.__drizzle_migrations') as table");
    const count = applied.rows[0].table
      ? (await database.pool.query('select count(*)::int as count from drizzle.__drizzle_migrations')).rows[0]
          .count
      : 0;
    assert.equal(count, 0, 'nothing half-applied');
  });

  it('reports an unreachable database clearly', async () => {
    await assert.rejects(
      runMigrations('postgres://nobody:wrong@127.0.0.1:1/none'),
      /Cannot connect to the database to migrate/,
    );
  });
});
