import { spawn } from 'node:child_process';
import type { Database } from '../../src/platform/db/database.ts';
import { createTestDatabase } from './test-database.ts';

/** What a `npx onewindow …` run left: its exit code and everything it printed. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real command line (`bin/onewindow.mjs`) as a person would, with these variables set. */
export function onewindow(args: string[], environment: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/onewindow.mjs', ...args], {
      env: { ...process.env, ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * The command line against a fresh test database of its own (DATABASE_URL; dropped when the file ends):
 * `cli(...args)` runs a command as an operator would, `db` reads what it wrote.
 */
export async function cliWithTestDatabase(): Promise<{
  cli: (...args: string[]) => Promise<CliRun>;
  db: Database;
}> {
  const database = await createTestDatabase();
  const environment = { DATABASE_URL: database.connectionString };
  return { cli: (...args) => onewindow(args, environment), db: database.db };
}
