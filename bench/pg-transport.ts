/**
 * ADR 0021's measurement: the same transactions through the embedded PostgreSQL's loopback TCP port and
 * through its Unix socket, alternately, in one run. Each transaction is what a case creation's statements
 * look like (begin, an insert returning the row, a small select, commit), 10 in flight, as the app's pool
 * runs them. Prints transactions per second and this process's CPU per transaction (the client side of
 * each round trip); the server's side shows in the rate.
 *
 *   node --import ./src/preload.mjs bench/pg-transport.ts   (about a minute; a throwaway cluster)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedServer } from '../src/platform/db/embedded-server.ts';

const rounds = Number(process.env.BENCH_TRANSPORT_ROUNDS ?? 3);
const seconds = Number(process.env.BENCH_TRANSPORT_SECONDS ?? 6);
const inFlight = 10;

const dataDir = await mkdtemp(path.join(tmpdir(), 'ow-transport-'));
const server = await startEmbeddedServer({ dataDir, port: 0, purpose: 'test' });
try {
  const viaSocket = server.connectionString('postgres');
  if (!viaSocket.includes('?host=')) throw new Error(`no Unix socket for ${server.clusterDir}`);
  const viaTcp = viaSocket.replace(/\?host=.*$/, '');
  const setup = new pg.Client({ connectionString: viaTcp });
  await setup.connect();
  await setup.query('create table transport_rows (id bigserial primary key, at timestamptz, note text)');
  await setup.end();

  const measure = async (connectionString: string) => {
    const pool = new pg.Pool({ connectionString, max: inFlight });
    for (let warm = 0; warm < inFlight; warm++) await pool.query('select 1');
    const cpuBefore = process.cpuUsage();
    const ends = Date.now() + seconds * 1000;
    let count = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (Date.now() < ends) {
          const client = await pool.connect();
          try {
            await client.query('begin');
            await client.query('insert into transport_rows (at, note) values (now(), $1) returning *', [
              '道路坑洞',
            ]);
            await client.query('select id, at from transport_rows where id = $1', [count]);
            await client.query('commit');
          } finally {
            client.release();
          }
          count += 1;
        }
      }),
    );
    const cpu = process.cpuUsage(cpuBefore);
    await pool.end();
    return {
      perSecond: Math.round(count / seconds),
      cpuMicroseconds: Math.round((cpu.user + cpu.system) / count),
    };
  };

  const rows: string[] = [];
  for (let round = 1; round <= rounds; round++)
    for (const [name, connectionString] of [
      ['TCP 127.0.0.1', viaTcp],
      ['Unix socket', viaSocket],
    ] as const) {
      const figures = await measure(connectionString);
      rows.push(`| ${round} | ${name} | ${figures.perSecond} | ${figures.cpuMicroseconds} |`);
      console.log(rows.at(-1));
    }
  console.log(
    [
      '',
      '| round | transport | transactions/s | client CPU µs per transaction |',
      '|---|---|---:|---:|',
      ...rows,
    ].join('\n'),
  );
} finally {
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
}
