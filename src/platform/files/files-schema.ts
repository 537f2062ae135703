import { bigint, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamptz } from '../db/columns.ts';

/**
 * Every file in the file store (docs/adr/0009): one row per distinct content, named by its SHA-256. The
 * bytes live in the store (the filesystem under DATA_DIR by default), never in PostgreSQL; a row is
 * written in the same transaction as whatever refers to the file, so a file the database does not list is
 * an orphan (an upload whose form was refused) that `npx onewindow files:check` counts and the sweep
 * (sweep-files.ts, `files:sweep`) removes once no row names it and it is older than the grace period.
 */
export const storedFiles = pgTable('stored_files', {
  sha256: text('sha256').primaryKey(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  /** Sniffed from the bytes (platform/uploads/sniff.ts), or what the platform itself wrote (a thumbnail). */
  mediaType: text('media_type').notNull(),
  storedAt: timestamptz('stored_at').notNull(),
});
