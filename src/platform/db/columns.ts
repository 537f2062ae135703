import { customType, integer, text, timestamp } from 'drizzle-orm/pg-core';

/** Column builders the schema files share (`*-schema.ts`), so that each kind of column is written once. */

/** A moment: `timestamptz`, stored in UTC and shown in Asia/Taipei (docs/ARCHITECTURE.md, "Data"). */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

/** Bytes kept in PostgreSQL: uploaded files live in the database (ADR 0007). */
export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * An uploaded file kept in its row: its safe name, the type sniffed from its bytes, size, SHA-256 and the
 * bytes themselves (`platform/uploads`). Spread into a table: `{ id, caseId, ...storedFileColumns(), … }`.
 */
export function storedFileColumns() {
  return {
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
  };
}
