/**
 * What an error may put in the log (issue 13): enough to find the bug — the error's class, its code, the
 * PostgreSQL SQLSTATE, constraint, table and column, the SQL text and the stack's frames — and never the
 * data it was about. A failed query carries its parameters (Drizzle's `params` and the "params: …" line of
 * its message: case numbers, lookup codes, names, phones, e-mails), and PostgreSQL's `detail`, `where`,
 * `hint` and some messages quote values (`Key (email)=(…) already exists`, `invalid input syntax for type
 * uuid: "…"`). Those are dropped, in the error and in every error of its `cause` chain.
 *
 * `serializeError` is the pino `err` serializer of every logger of the app (Fastify's, which the job workers
 * and the background tasks use); `describeErrorSafely` is the same as text for the CLI and start-up.
 * Pure: no database code (unit-tested in log-safety.test.ts).
 */

/** PostgreSQL error fields that name things, never values. */
const namingFields = ['severity', 'schema', 'table', 'column', 'dataType', 'constraint', 'routine'] as const;

/** Properties copied as they are when they are short strings or numbers of this shape. */
const codePattern = /^[A-Za-z0-9_.:-]{1,60}$/;

/** How deep a cause chain is followed (a loop ends here too). */
const maxCauseDepth = 5;

export interface SafeError {
  type: string;
  message: string;
  code?: string;
  stack?: string;
  /** PostgreSQL's own fields that name things (severity, schema, table, column, dataType, constraint, routine). */
  [field: string]: unknown;
}

/**
 * The message without the data in it: Drizzle's "params: …" line (and anything after it) is cut, a value
 * PostgreSQL quotes at the end of a message (`…: "the value"`) is replaced, and any `Key (…)=(…)` is emptied.
 */
export function safeErrorMessage(message: string): string {
  let safe = message;
  const params = safe.search(/\n?params: /);
  if (params >= 0) safe = safe.slice(0, params);
  // invalid input syntax for type uuid: "…", invalid input value for enum …: "…", malformed array literal: "…"
  safe = safe.replace(/: "(?:[^"\\]|\\.|"(?!$))*"$/s, ': "[value left out]"');
  safe = safe.replace(/(Key \([^)]*\))=\((?:[^()]|\([^()]*\))*\)/g, '$1=([value left out])');
  // The driver's message after Drizzle's query ("…: invalid byte sequence …") is kept; cap what is left.
  return safe.length > 4000 ? `${safe.slice(0, 4000)}…` : safe;
}

/** The stack's frames ("    at …") under a first line rebuilt from the safe message. */
function safeStack(error: Error, type: string, message: string): string | undefined {
  if (typeof error.stack !== 'string') return undefined;
  const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [`${type}: ${message}`, ...frames].join('\n');
}

function typeOf(error: object): string {
  const name = (error as { name?: unknown }).name;
  const constructorName = (error as { constructor?: { name?: unknown } }).constructor?.name;
  if (typeof constructorName === 'string' && constructorName !== '' && constructorName !== 'Object')
    return constructorName;
  return typeof name === 'string' && name !== '' ? name : 'Error';
}

/** The pino `err` serializer: the error's shape, its cause chain the same way, no data. */
export function serializeError(error: unknown, depth = 0): SafeError {
  if (error === null || typeof error !== 'object') {
    return { type: typeof error, message: safeErrorMessage(String(error)) };
  }
  const type = typeOf(error);
  const raw = (error as { message?: unknown }).message;
  const message = safeErrorMessage(typeof raw === 'string' ? raw : '');
  const safe: SafeError = { type, message };
  const code = (error as { code?: unknown }).code;
  if ((typeof code === 'string' && codePattern.test(code)) || typeof code === 'number')
    safe.code = String(code);
  for (const field of namingFields) {
    const value = (error as Record<string, unknown>)[field];
    if (typeof value === 'string' && value.length <= 200) safe[field] = value;
  }
  // Fastify's and DomainError's own: a status and a stable code are no data.
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  if (typeof statusCode === 'number') safe.statusCode = statusCode;
  if (error instanceof Error) {
    const stack = safeStack(error, type, message);
    if (stack !== undefined) safe.stack = stack;
  }
  const cause = (error as { cause?: unknown }).cause;
  if (cause !== undefined && cause !== null && depth < maxCauseDepth) {
    safe.cause = serializeError(cause, depth + 1);
  }
  // AggregateError (pg's connection attempts to several addresses): each the same way.
  const errors = (error as { errors?: unknown }).errors;
  if (Array.isArray(errors) && depth < maxCauseDepth) {
    safe.errors = errors.slice(0, 10).map((each) => serializeError(each, depth + 1));
  }
  return safe;
}

/** The same as text, for what writes to stderr itself (the CLI, start-up failures). */
export function describeErrorSafely(error: unknown): string {
  const lines: string[] = [];
  let current: SafeError | undefined = serializeError(error);
  let prefix = '';
  while (current !== undefined) {
    const codes = [
      current.code,
      current.constraint ? `constraint ${String(current.constraint)}` : undefined,
      current.table ? `table ${String(current.table)}` : undefined,
    ].filter((part) => part !== undefined);
    lines.push(`${prefix}${current.stack ?? `${current.type}: ${current.message}`}`);
    if (codes.length > 0) lines.push(`  (${codes.join(', ')})`);
    current = current.cause as SafeError | undefined;
    prefix = 'caused by: ';
  }
  return lines.join('\n');
}
