import { customType, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { newTimeOrderedId } from './time-ordered-id.ts';

/** Column builders the schema files share (`*-schema.ts`), so that each kind of column is written once. */

/** A moment: `timestamptz`, stored in UTC and shown in Asia/Taipei (docs/ARCHITECTURE.md, "Data"). */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The primary key of a table that grows with every request (cases, deliveries): a time-ordered UUID when the
 * row is written through drizzle (ADR 0022), the database's random default when written otherwise (COPY, SQL).
 */
export const timeOrderedIdKey = (name = 'id') =>
  uuid(name)
    .primaryKey()
    .defaultRandom()
    .$defaultFn(() => newTimeOrderedId());

/** Bytes kept in PostgreSQL. Uploaded files moved to the file store (ADR 0009); old rows may still hold some. */
export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * An uploaded file: its safe name, the type sniffed from its bytes, size and SHA-256, which names its bytes
 * in the file store (ADR 0009, `platform/files`). `content` is where rows written before the file store kept
 * the bytes: null once the start-up step moved them to the store (`platform/files/move-db-files.ts`).
 * Spread into a table: `{ id, caseId, ...storedFileColumns(), … }`.
 */
export function storedFileColumns() {
  return {
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content'),
  };
}
