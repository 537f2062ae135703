import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { Config } from '../../config.ts';
import type { Database } from '../db/database.ts';
import type { FileStore } from '../files/file-store.ts';
import type { Jobs } from '../jobs/jobs.ts';
import type { Clock } from './clock.ts';

export type AppInstance = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** What the process hands the app: configuration, the database, the clock, the file store. Nothing else is global. */
export interface AppDeps {
  config: Readonly<Config>;
  db: Database;
  pool: pg.Pool;
  clock: Clock;
  /** Background jobs: send them inside a use case's transaction (`jobs.send(queue, data, { tx })`). */
  jobs: Jobs;
  /** Every uploaded file's bytes (ADR 0009); rows keep the SHA-256 that names them here. */
  files: FileStore;
}
