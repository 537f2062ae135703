import { appendFileSync, mkdirSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import pino from 'pino';

/**
 * The standing log scan of the HTTP/DB suites (issue 13). scripts/run-tests.ts sets ONEWINDOW_TEST_LOG_DIR;
 * then every app the test support builds logs at level info to one file per test process
 * (`app-<pid>.log`), and every test database, before it is dropped, hands over the personal values it
 * holds — applicants' names, phones, e-mails and addresses, lookup codes, citizens' and followers'
 * e-mails, draft contacts (`values-<pid>.jsonl`). After the suites the runner looks for each value in
 * every log line (scanLogs in scripts/log-scan.ts).
 */
export const logDirVariable = 'ONEWINDOW_TEST_LOG_DIR';

let destination: pino.DestinationStream | null = null;

/** The stream the test apps log to, or null when no scan was asked for. */
export function capturedLogStream(): pino.DestinationStream | null {
  const dir = process.env[logDirVariable];
  if (!dir) return null;
  if (destination === null) {
    mkdirSync(dir, { recursive: true });
    // Synchronous: a test process may end right after its last request; no line may be lost.
    destination = pino.destination({
      dest: path.join(dir, `app-${process.pid}.log`),
      sync: true,
      append: true,
    });
  }
  return destination;
}

/** Where personal values live: table, column (text columns a person typed or the app issued to one). */
export const personalColumns: readonly [string, string][] = [
  ['cases', 'applicant_name'],
  ['cases', 'applicant_company'],
  ['cases', 'applicant_phone'],
  ['cases', 'applicant_email'],
  ['cases', 'applicant_address'],
  ['cases', 'address'],
  ['cases', 'lookup_code'],
  ['citizen_sign_in_links', 'email'],
  ['citizen_sessions', 'email'],
  ['report_followers', 'email'],
  ['application_drafts', 'contact'],
  ['case_confidential_contacts', 'email'],
  ['case_confidential_contacts', 'phone'],
  ['petition_identities', 'name'],
  ['petition_identities', 'email'],
  ['petition_identities', 'phone'],
  ['petition_identities', 'address'],
];

/** Appends the database's personal values to this process's values file (when a scan was asked for). */
export async function recordPersonalValues(client: pg.Client): Promise<void> {
  const dir = process.env[logDirVariable];
  if (!dir) return;
  const lines: string[] = [];
  for (const [table, column] of personalColumns) {
    const found = await client
      .query<{ value: string }>(
        `select distinct ${column} as value from ${table} where ${column} is not null`,
      )
      .catch(() => ({ rows: [] as { value: string }[] }));
    for (const row of found.rows) lines.push(JSON.stringify({ table, column, value: row.value }));
  }
  if (lines.length > 0) {
    mkdirSync(dir, { recursive: true });
    await appendFile(path.join(dir, `values-${process.pid}.jsonl`), `${lines.join('\n')}\n`);
  }
}

/** A personal value a test uses that no database keeps (a failed query's): the scan looks for it too. */
export function rememberPersonalValue(value: string, what = 'test'): void {
  const dir = process.env[logDirVariable];
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  appendFileSync(
    path.join(dir, `values-${process.pid}.jsonl`),
    `${JSON.stringify({ table: what, column: 'value', value })}\n`,
  );
}
