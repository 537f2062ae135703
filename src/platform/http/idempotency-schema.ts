import { index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { timestamptz } from '../db/columns.ts';

/**
 * Answers already given to a request that carried an idempotency key (an `Idempotency-Key` header on a JSON
 * API, a form's one-time token): the same key from the same caller gets the stored answer instead of a second
 * thing created (platform/http/idempotency.ts). A row is written in the transaction of what it created, so a
 * key exists exactly when its case does. Rows older than a day are removed by the housekeeping (main.ts).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** Who asked and where: `api.cases:staff:<id>`, `counter:staff:<id>`, `report:anonymous`, … */
    scope: text('scope').notNull(),
    /** The key as the client sent it (a header) or the form's token. */
    key: text('key').notNull(),
    /** SHA-256 of the request it answered ('' when any request with the key gets the answer: forms). */
    fingerprint: text('fingerprint').notNull(),
    /** The answer: an HTTP status and a JSON body, or a redirect's location. */
    status: integer('status').notNull(),
    answer: jsonb('answer').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamptz('created_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.scope, table.key] }),
    index('idempotency_keys_created_at').on(table.createdAt),
  ],
);
