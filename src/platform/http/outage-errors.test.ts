import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outageOf } from './outage-errors.ts';

describe('outageOf: which errors mean a dependency is down (answered 503, not 500)', () => {
  it('the database refusing, restarting or dropping the connection, also wrapped as a query error’s cause', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    assert.equal(outageOf(refused), 'database');
    assert.equal(outageOf(new Error('Failed query: select 1', { cause: refused })), 'database');
    assert.equal(outageOf(Object.assign(new Error('terminating connection'), { code: '57P01' })), 'database');
    assert.equal(
      outageOf(Object.assign(new Error('the database system is starting up'), { code: '57P03' })),
      'database',
    );
    assert.equal(outageOf(Object.assign(new Error('connection failure'), { code: '08006' })), 'database');
    assert.equal(outageOf(new Error('Connection terminated unexpectedly')), 'database');
    assert.equal(outageOf(new Error('timeout exceeded when trying to connect')), 'database');
    assert.equal(outageOf(new AggregateError([refused], 'connect failed')), 'database');
  });

  it('the embedded server stopped while the app connects through its Unix socket (its file is gone: ENOENT on connect, ADR 0021)', () => {
    // As node's net module makes it when the socket's file is not there.
    const gone = Object.assign(new Error('connect ENOENT /srv/data/postgres/.s.PGSQL.5432'), {
      code: 'ENOENT',
      syscall: 'connect',
      address: '/srv/data/postgres/.s.PGSQL.5432',
    });
    assert.equal(outageOf(gone), 'database');
    assert.equal(outageOf(new Error('Failed query: select 1', { cause: gone })), 'database');
    // A file that is not there (the file store, a template) is no outage.
    const missingFile = Object.assign(new Error('ENOENT: no such file or directory, open'), {
      code: 'ENOENT',
      syscall: 'open',
    });
    assert.equal(outageOf(missingFile), null);
  });

  it('a full disk under the file store, behind the upload’s own error', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    assert.equal(outageOf(new Error('The file store could not take an upload', { cause: full })), 'storage');
    assert.equal(outageOf(Object.assign(new Error('quota'), { code: 'EDQUOT' })), 'storage');
  });

  it('anything else is not an outage: a constraint violation, a bug, a non-error', () => {
    assert.equal(outageOf(Object.assign(new Error('duplicate key'), { code: '23505' })), null);
    assert.equal(outageOf(new TypeError('x is undefined')), null);
    assert.equal(outageOf('ECONNREFUSED'), null);
    assert.equal(outageOf(null), null);
    const loop: Error & { cause?: unknown } = new Error('loop');
    loop.cause = loop;
    assert.equal(outageOf(loop), null);
  });
});
