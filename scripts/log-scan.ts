/**
 * The log scan of issue 13: after the HTTP/DB (and browser) suites, every personal value the test databases
 * held (test/helpers/log-capture.ts wrote them to `values-<pid>.jsonl`) is looked for in every line the test
 * apps logged (`app-<pid>.log`). A value found is a leak: a name, phone, e-mail, address or lookup code in
 * the log, which anyone reading it could use (a lookup code opens the case at /track).
 *
 * It also finds what Fastify logs when a handler went on after its answer was sent: an error thrown after the
 * answer ("Promise errored, but reply.sent = true was set") or a second answer ("Reply was already sent").
 * The client saw nothing wrong, so only the log tells: e.g. a helper that returned the reply (a thenable)
 * to an `await`, which made it undefined.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface LogScanResult {
  lines: number;
  values: number;
  leaks: { table: string; column: string; value: string; line: string }[];
  /** Lines saying a handler went on after its answer was sent. */
  afterAnswer: string[];
}

const afterAnswerMessages = ['Promise errored, but reply.sent = true was set', 'Reply was already sent'];

/** Values this short would be found by chance ("x", "12"): ASCII from 4 characters, others (王小明) from 3. */
const isLongEnough = (value: string) =>
  [...value].length >= ([...value].every((character) => character.charCodeAt(0) < 0x80) ? 4 : 3);

export async function scanTestLogs(dir: string): Promise<LogScanResult> {
  const files = await readdir(dir).catch(() => [] as string[]);
  const values = new Map<string, { table: string; column: string }>();
  for (const file of files.filter((name) => name.startsWith('values-'))) {
    for (const line of (await readFile(path.join(dir, file), 'utf8')).split('\n')) {
      if (line === '') continue;
      const { table, column, value } = JSON.parse(line) as { table: string; column: string; value: string };
      if (isLongEnough(value.trim())) values.set(value.trim(), { table, column });
    }
  }
  const leaks: LogScanResult['leaks'] = [];
  const afterAnswer: string[] = [];
  let lineCount = 0;
  for (const file of files.filter((name) => name.startsWith('app-'))) {
    const lines = (await readFile(path.join(dir, file), 'utf8')).split('\n').filter((line) => line !== '');
    lineCount += lines.length;
    for (const line of lines)
      if (afterAnswerMessages.some((message) => line.includes(message))) afterAnswer.push(line.slice(0, 600));
    // A log line is JSON: a value appears in it escaped as JSON would write it.
    for (const [value, where] of values) {
      const escaped = JSON.stringify(value).slice(1, -1);
      for (const line of lines) {
        if (line.includes(value) || line.includes(escaped)) {
          leaks.push({ ...where, value, line: line.slice(0, 400) });
          break;
        }
      }
    }
  }
  return { lines: lineCount, values: values.size, leaks, afterAnswer };
}
