import type { Config } from '../../config.ts';
import { type EmbeddedServer, startEmbeddedServer } from './embedded-server.ts';

export interface DatabaseLocation {
  connectionString: string;
  /** The embedded server, when DATABASE_URL is unset; null with an external server. */
  embedded: EmbeddedServer | null;
}

/**
 * DATABASE_URL set: that server, never an embedded one. Unset: the embedded PostgreSQL in DATA_DIR,
 * started here (or, for the CLI, the one the running app already started).
 */
export async function locateDatabase(
  config: Pick<
    Config,
    'databaseUrl' | 'dataDir' | 'embeddedDatabasePort' | 'embeddedDatabaseSharedBuffersMb'
  >,
  purpose: 'app' | 'cli',
  log: (message: string) => void,
): Promise<DatabaseLocation> {
  if (config.databaseUrl !== null) return { connectionString: config.databaseUrl, embedded: null };
  const embedded = await startEmbeddedServer({
    dataDir: config.dataDir,
    port: config.embeddedDatabasePort,
    sharedBuffersMb: config.embeddedDatabaseSharedBuffersMb,
    purpose,
    log,
  });
  return { connectionString: embedded.connectionString('onewindow'), embedded };
}

/** The embedded cluster starts with only `postgres`; our database is created on first use. */
export async function ensureEmbeddedDatabase(embedded: EmbeddedServer, name = 'onewindow'): Promise<void> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: embedded.connectionString('postgres') });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
