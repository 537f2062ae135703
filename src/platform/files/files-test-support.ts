/**
 * What the file store's db tests (move-db-files, sweep-files) hang their rows on: a bare case, straight in
 * SQL (the platform names no module, so not through the cases module's use cases). Not a test file itself.
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';

/** A minimal case row of the first service and unit (what attachments and photos hang on); its id. */
export async function aBareCase(
  pool: pg.Pool,
  words: { subject: string; description: string },
): Promise<string> {
  const version = await pool.query<{ service_code: string; version: number }>(
    'select service_code, version from service_versions order by service_code, version limit 1',
  );
  const unit = await pool.query<{ code: string }>('select code from units order by code limit 1');
  const service = version.rows[0];
  assert.ok(service !== undefined && unit.rows[0] !== undefined);
  const id = randomUUID();
  await pool.query(
    `insert into cases (id, case_number, lookup_code, kind, channel, service_code, service_version, unit_code,
       state, applicant_type, applicant_name, applicant_lang, consent_at, subject, description, received_at,
       deadline_rule, created_at, updated_at)
     values ($1, $2, 'ABCD2345', 'application', 'counter', $3, $4, $5, 'received', 'person', '王小明', 'zh-TW',
       now(), $6, $7, now(), '{"kind":"working_days","days":7}', now(), now())`,
    [
      id,
      `1150302-${randomBytes(3).toString('hex')}`,
      service.service_code,
      service.version,
      unit.rows[0]?.code,
      words.subject,
      words.description,
    ],
  );
  return id;
}

/** A file's rows in `stored_files` as [size, media type]: none, or the one that lists it. */
export async function storedFileListing(pool: pg.Pool, sha256: string): Promise<[number, string][]> {
  const result = await pool.query<{ size_bytes: string; media_type: string }>(
    'select size_bytes, media_type from stored_files where sha256 = $1',
    [sha256],
  );
  return result.rows.map((row) => [Number(row.size_bytes), row.media_type]);
}
