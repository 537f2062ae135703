import { sql } from 'drizzle-orm';
import { check, index, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';

/**
 * The optional citizen account (issue 11 §1): no password and no profile — an account is an e-mail address
 * its owner has proven by opening a sign-in link. Signed in, a citizen sees every case, draft and notice made
 * with that address. Links and sessions are stored as SHA-256 hashes of their secrets (a database leak gives
 * no usable link or cookie).
 */

/** A sign-in link sent by e-mail: one use, short-lived. */
export const citizenSignInLinks = pgTable(
  'citizen_sign_in_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    /** Normalised (trimmed, lower case). */
    email: text('email').notNull(),
    lang: text('lang').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    usedAt: timestamptz('used_at'),
  },
  (table) => [
    index('citizen_sign_in_links_expires_idx').on(table.expiresAt),
    check('citizen_sign_in_links_lang_known', sql`${table.lang} in ('zh-TW', 'en')`),
  ],
);

/** A signed-in citizen's session (the cookie holds the secret). */
export const citizenSessions = pgTable(
  'citizen_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    email: text('email').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    lastSeenAt: timestamptz('last_seen_at').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (table) => [
    index('citizen_sessions_email_idx').on(table.email),
    index('citizen_sessions_expires_idx').on(table.expiresAt),
  ],
);
