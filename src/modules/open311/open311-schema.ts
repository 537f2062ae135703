import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { staff } from '../../platform/auth/auth-schema.ts';
import { timestamptz } from '../../platform/db/columns.ts';

/**
 * Open311 API keys: a client system (the 1999 line, an app) posts requests with one. Only the key's SHA-256
 * is kept; the key itself is shown once, when it is created. Revoked keys stay listed (who filed what).
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Who the client is, e.g. `kaohsiung-1999`; recorded on every request it files. */
    name: text('name').notNull(),
    /** SHA-256 (hex) of the key. */
    keyHash: text('key_hash').notNull(),
    /** The key's first characters, to recognise it in lists (`ow_3fA9…`). */
    keyPrefix: text('key_prefix').notNull(),
    /** Requests it may file per minute. */
    ratePerMinute: integer('rate_per_minute').notNull().default(60),
    createdAt: timestamptz('created_at').notNull(),
    createdByStaffId: uuid('created_by_staff_id').references(() => staff.id),
    revokedAt: timestamptz('revoked_at'),
    lastUsedAt: timestamptz('last_used_at'),
  },
  (table) => [
    uniqueIndex('api_keys_name_idx').on(table.name),
    uniqueIndex('api_keys_key_hash_idx').on(table.keyHash),
    index('api_keys_created_idx').on(table.createdAt),
  ],
);
