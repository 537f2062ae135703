import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeErrorSafely, safeErrorMessage, serializeError } from './log-safety.ts';

/** Errors shaped as Drizzle's and pg's are (their classes load database code, which a unit test may not). */
class DrizzleQueryError extends Error {
  constructor(
    readonly query: string,
    readonly params: unknown[],
    override readonly cause: Error,
  ) {
    super(`Failed query: ${query}\nparams: ${params.join(',')}`);
  }
}
class DatabaseError extends Error {
  severity = 'ERROR';
  code = '23505';
  detail = 'Key (email)=(secret@example.tw) already exists.';
  hint = 'secret hint 0912345678';
  where = 'PL/pgSQL function f(text) line 3 at SQL statement: 王小明';
  table = 'staff_members';
  constraint = 'staff_members_email_unique';
  schema = 'public';
}

describe('what an error may put in the log', () => {
  const pgError = new DatabaseError(
    'duplicate key value violates unique constraint "staff_members_email_unique"',
  );
  const error = new DrizzleQueryError(
    'insert into "staff_members" ("email", "name") values ($1, $2)',
    ['secret@example.tw', '王小明'],
    pgError,
  );

  it('keeps the class, the SQL, the codes, the constraint and the frames; drops params, detail, hint, where', () => {
    const safe = serializeError(error);
    const text = JSON.stringify(safe);
    for (const secret of ['secret@example.tw', '王小明', '0912345678', 'params:'])
      assert.ok(!text.includes(secret), secret);
    assert.equal(safe.type, 'DrizzleQueryError');
    assert.equal(safe.message, 'Failed query: insert into "staff_members" ("email", "name") values ($1, $2)');
    assert.match(String(safe.stack), /^DrizzleQueryError: Failed query: insert[^\n]*\n\s+at /);
    const cause = safe.cause as Record<string, unknown>;
    assert.deepEqual(
      [cause.type, cause.code, cause.constraint, cause.table, cause.schema, cause.severity],
      ['DatabaseError', '23505', 'staff_members_email_unique', 'staff_members', 'public', 'ERROR'],
    );
    assert.equal(cause.detail, undefined);
    assert.equal(
      cause.message,
      'duplicate key value violates unique constraint "staff_members_email_unique"',
    );
  });

  it('replaces a value PostgreSQL quotes in its message and a Key (…)=(…)', () => {
    assert.equal(
      safeErrorMessage('invalid input syntax for type uuid: "王小明 0912"'),
      'invalid input syntax for type uuid: "[value left out]"',
    );
    assert.equal(
      safeErrorMessage('conflict: Key (email, name)=(a@b.tw, 王(小)明) exists'),
      'conflict: Key (email, name)=([value left out]) exists',
    );
    assert.equal(
      safeErrorMessage('invalid byte sequence for encoding "UTF8": 0x00'),
      'invalid byte sequence for encoding "UTF8": 0x00',
    );
  });

  it('the CLI text holds the same and nothing more', () => {
    const text = describeErrorSafely(error);
    assert.ok(!text.includes('secret@example.tw') && !text.includes('王小明'), text);
    assert.match(text, /caused by: DatabaseError: duplicate key value/);
    assert.match(text, /\(23505, constraint staff_members_email_unique, table staff_members\)/);
  });

  it('a thrown non-error and a cause loop end', () => {
    assert.equal(serializeError('plain\nparams: x').message, 'plain');
    const looped = new Error('outer') as Error & { cause?: unknown };
    looped.cause = looped;
    let depth = 0;
    for (
      let current: unknown = serializeError(looped);
      current;
      current = (current as { cause?: unknown }).cause
    )
      depth += 1;
    assert.equal(depth, 6);
  });
});
