/**
 * A quick reading of a few addresses against the bare server, for working on one page (not a bench section):
 * `./node_modules/.bin/node --import ./src/preload.mjs bench/quick-share.ts http://127.0.0.1:4630 /path [/path…]`.
 * Each address plain and as browsers ask (Accept-Encoding: gzip, deflate, br, zstd), 50 connections, 5 s after
 * a 1 s warm-up, the bare server (bench/baseline-server.mjs) before and after; shares of their mean.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import autocannon from './autocannon.ts';

const [origin, ...addresses] = process.argv.slice(2);
if (origin === undefined || addresses.length === 0) throw new Error('usage: quick-share.ts ORIGIN PATH…');
const seconds = Number(process.env.QUICK_SECONDS ?? 5);

async function load(url: string, headers: Record<string, string> = {}, duration = seconds) {
  const result = await autocannon({ url, connections: 50, pipelining: 1, duration, headers });
  return {
    rps: result.requests.average as number,
    non2xx: result.non2xx as number,
    errors: result.errors as number,
  };
}

async function bare(): Promise<number> {
  const port = 4700 + Math.floor(Math.random() * 200);
  const child = fork(path.join(import.meta.dirname, 'baseline-server.mjs'), {
    env: { ...process.env, PORT: String(port) },
  });
  await new Promise((resolve) => child.once('message', resolve));
  await load(`http://127.0.0.1:${port}/`, {}, 1);
  const { rps } = await load(`http://127.0.0.1:${port}/`);
  child.kill();
  return rps;
}

const before = await bare();
const rows: string[] = [];
for (const address of addresses) {
  const url = `${origin}${address}`;
  await load(url, {}, 1);
  const plain = await load(url);
  const asked = await load(url, { 'accept-encoding': 'gzip, deflate, br, zstd' });
  rows.push(
    `${address}\t${Math.round(plain.rps)}\t${Math.round(asked.rps)}\t${plain.non2xx + asked.non2xx}\t${plain.errors + asked.errors}`,
  );
}
const after = await bare();
const base = (before + after) / 2;
console.log(`bare ${Math.round(before)} / ${Math.round(after)}`);
console.log('address\tplain %\tas browsers ask %\tnon2xx\terrors');
for (const row of rows) {
  const [address, plain, asked, non2xx, errors] = row.split('\t');
  console.log(
    `${address}\t${((100 * Number(plain)) / base).toFixed(1)}\t${((100 * Number(asked)) / base).toFixed(1)}\t${non2xx}\t${errors}`,
  );
}
