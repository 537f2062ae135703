/**
 * The information-portal part of `npm run bench` (issue 15, "Tests and figures"), run by bench/run.ts
 * (`BENCH_ONLY=portal`). On a database of BENCH_PORTAL_ITEMS (200,000) published content items and
 * BENCH_PORTAL_FAQ (20,000) FAQ entries made by bench/generate-portal.ts (realistic Chinese from a vocabulary
 * of public works, some items with attachments' extracted text), indexed by the app's own
 * `rebuildSearchIndex` while generating (its rate is the first figure), it measures:
 *   (a) indexing: items/s written into search_documents through `rebuildSearchIndex`, on the first
 *       BENCH_PORTAL_INDEX_ITEMS (10,000) items, in a transaction rolled back: with the content module's
 *       source as it is (`contentSearchSource`: two statements per item) and with the batched read
 *       (src/modules/portal/content/content-search-batches.ts); plus the generator's whole rebuild;
 *   (b) search, one request in flight, over a query mix — the relevance set's questions
 *       (src/modules/portal/search/relevance-set.ts, when there), single words, two- and three-word queries,
 *       advanced queries (kind, unit, date range, title only, AND / OR / NOT, the advanced form's words) —
 *       through `searchSite` (platform/search/search-query.ts) in this process and through `GET /search` on
 *       an app keeping nothing (PUBLIC_PAGE_CACHE_SECONDS=0, so every request searches), p50/p95/p99 over
 *       BENCH_PORTAL_SEARCH_PASSES (5) passes after a warm-up pass; then EXPLAIN (ANALYZE, BUFFERS) of the
 *       statements of the slowest query, captured from searchSite itself;
 *   (c) a cached item page (`/info/items/:n`, kept as bytes) at 50 connections for BENCH_PORTAL_SECONDS (10)
 *       a run after a 2 s warm-up, in BENCH_PORTAL_ROUNDS (3) rounds alternating with the bare node:http
 *       server (bench/baseline-server.mjs), each compared with the bare runs either side of it, on an app as deployed, with the app's RSS
 *       before, at peak (VmHWM, reset first) and after.
 * Returns the section's lines for docs/benchmarks.md. Load goes only to 127.0.0.1.
 *
 * Environment: BENCH_PORTAL_DIR (keep the generated database there and reuse it while the counts match;
 * default: a temporary folder, removed), BENCH_PORTAL_ITEMS, BENCH_PORTAL_FAQ, BENCH_PORTAL_INDEX_ITEMS,
 * BENCH_PORTAL_SEARCH_PASSES, BENCH_PORTAL_SECONDS, BENCH_PORTAL_ROUNDS.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { contentSearchSource } from '../src/modules/portal/content/content-index.ts';
import { contentDocumentBatches } from '../src/modules/portal/content/content-search-batches.ts';
import type { Database } from '../src/platform/db/database.ts';
import { findFreePort } from '../src/platform/db/embedded-server.ts';
import {
  type IndexedThing,
  rebuildSearchIndex,
  type SearchSource,
} from '../src/platform/search/search-index.ts';
import { type SearchOptions, searchSite } from '../src/platform/search/search-query.ts';
import autocannon from './autocannon.ts';
import {
  benchDataDir,
  generatedDatabase,
  median,
  queryPlanLines,
  recordingQuery,
  type SentStatement,
  sectionHead,
  stop,
  verdict,
  withBenchApp,
} from './bench-support.ts';
import { describePortalResult, type PortalGenerateResult } from './generate-portal.ts';
import { send, type TimeFigures, timeFigures } from './load-client.ts';
import { peakRssMegabytes, resetPeakRss, rssMegabytes } from './process-memory.ts';

const itemsWanted = Number(process.env.BENCH_PORTAL_ITEMS ?? 200_000);
const faqWanted = Number(process.env.BENCH_PORTAL_FAQ ?? 20_000);
const indexSample = Number(process.env.BENCH_PORTAL_INDEX_ITEMS ?? 10_000);
const searchPasses = Number(process.env.BENCH_PORTAL_SEARCH_PASSES ?? 5);
const loadSeconds = Number(process.env.BENCH_PORTAL_SECONDS ?? 10);
const itemRounds = Number(process.env.BENCH_PORTAL_ROUNDS ?? 3);
const connections = 50;
const indexTarget = 500;
const searchTargetMs = 30;
const shareTarget = 30;

const round1 = (value: number) => Math.round(value * 10) / 10;

// ---------------------------------------------------------------------------------------------------------
// The query mix

interface MixQuery {
  /** What the report calls it. */
  label: string;
  group: 'relevance set' | 'one word' | 'two or three words' | 'advanced' | 'English';
  options: Omit<SearchOptions, 'page' | 'now' | 'recordMiss'>;
  /** Sent as GET /search?q=… too (plain queries only: the page's other fields are the search helper's). */
  isPlain: boolean;
}

const oneWords = [
  '路燈',
  '道路挖掘',
  '違建',
  '人行道',
  '排水',
  '高雄厝',
  '綠建築',
  '太陽能',
  '採購',
  '公園',
  '騎樓',
  '橋梁',
  '停車場',
  '行道樹',
  '管線',
  '說明會',
];
const twoWords = [
  '路燈 故障',
  '道路 挖掘 申請',
  '人行道 改善',
  '公園 綠美化',
  '排水溝 清淤',
  '建築 執照',
  '苓雅區 路燈',
  '鳳山區 人行道',
  '採購 第3標',
  '颱風 積水',
  '夜間施工 交通管制',
  '使用執照 申請書',
];

/** The relevance set's questions, when the search helper's file is there (any array of { query | question }). */
async function relevanceQuestions(): Promise<string[]> {
  try {
    const file = (await import('../src/modules/portal/search/relevance-set.ts')) as Record<string, unknown>;
    for (const value of Object.values(file)) {
      if (!Array.isArray(value)) continue;
      const questions = value
        .map((entry) => {
          if (typeof entry === 'string') return entry;
          const record = entry as Record<string, unknown>;
          const text = record.query ?? record.question ?? record.q;
          return typeof text === 'string' ? text : null;
        })
        .filter((text): text is string => text !== null && text !== '');
      if (questions.length >= 10) return questions;
    }
  } catch {
    // Not there (yet): the mix goes without.
  }
  return [];
}

export async function queryMix(pool: pg.Pool): Promise<MixQuery[]> {
  const unit = await pool.query<{ unit_code: string }>(
    'select unit_code from content_items where not is_demo group by unit_code order by count(*) desc limit 1',
  );
  const unitCode = unit.rows[0]?.unit_code ?? null;
  const plain = (group: MixQuery['group'], query: string): MixQuery => ({
    label: query,
    group,
    options: { lang: 'zh-TW', query },
    isPlain: true,
  });
  const advanced = (label: string, options: MixQuery['options']): MixQuery => ({
    label,
    group: 'advanced',
    options,
    isPlain: false,
  });
  return [
    ...(await relevanceQuestions()).map((question) => plain('relevance set', question)),
    ...oneWords.map((word) => plain('one word', word)),
    ...twoWords.map((words) => plain('two or three words', words)),
    advanced('道路挖掘, announcements only', { lang: 'zh-TW', query: '道路挖掘', kinds: ['announcement'] }),
    advanced('路燈 OR 人行道', { lang: 'zh-TW', query: '路燈 OR 人行道' }),
    advanced('工程 -採購', { lang: 'zh-TW', query: '工程 -採購' }),
    advanced('"道路挖掘" (phrase)', { lang: 'zh-TW', query: '"道路挖掘"' }),
    advanced('every of 公園 綠美化, none of 採購', {
      lang: 'zh-TW',
      query: '',
      advanced: { all: '公園 綠美化', none: '採購' },
    }),
    advanced('any of 路燈 照明 LED', { lang: 'zh-TW', query: '', advanced: { any: '路燈 照明 LED' } }),
    advanced('路燈, published in 2024', {
      lang: 'zh-TW',
      query: '路燈',
      from: '2024-01-01',
      to: '2024-12-31',
    }),
    advanced('排水, in titles only', { lang: 'zh-TW', query: '排水', fields: 'title' }),
    advanced(`施工, unit ${unitCode}`, { lang: 'zh-TW', query: '施工', unitCode }),
    advanced('管線, news since 2020', { lang: 'zh-TW', query: '管線', kinds: ['news'], from: '2020-01-01' }),
    advanced('news since 2025 (no words)', { lang: 'zh-TW', query: '', kinds: ['news'], from: '2025-01-01' }),
    { ...plain('English', 'road excavation'), options: { lang: 'en', query: 'road excavation' } },
    { ...plain('English', 'street light'), options: { lang: 'en', query: 'street light' } },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Measuring

/** The first `limit` things of a source, under another source name (the real rows stay as they are). */
function limitedSource(
  source: string,
  batches: (db: Parameters<SearchSource['documents']>[0]) => AsyncIterable<readonly IndexedThing[]>,
  limit: number,
): SearchSource {
  return {
    source,
    async *documents(db) {
      let left = limit;
      for await (const batch of batches(db)) {
        if (left <= 0) return;
        const taken = batch.slice(0, left);
        left -= taken.length;
        yield taken;
      }
    },
  };
}

interface IndexRun {
  name: string;
  items: number;
  rows: number;
  seconds: number;
  perSecond: number;
  /** The closing ANALYZE, timed again alone, and the rate without it. */
  analyzeSeconds: number;
  perSecondWithoutAnalyze: number;
}

/** rebuildSearchIndex over a source in a transaction that is rolled back. */
async function timedRebuild(db: Database, name: string, source: SearchSource): Promise<IndexRun> {
  let run: IndexRun | null = null;
  const rollback = new Error('rollback');
  await db
    .transaction(async (tx) => {
      const started = performance.now();
      const counts = await rebuildSearchIndex(tx, [source]);
      const seconds = (performance.now() - started) / 1000;
      const items = await tx.execute<{ n: number }>(
        sql`select count(distinct source_id)::int as n from search_documents where source = ${source.source}`,
      );
      const count = items.rows[0]?.n ?? 0;
      // What the closing ANALYZE of the whole table took (run once more, alone).
      const analyzeStarted = performance.now();
      await tx.execute(sql`analyze search_documents`);
      const analyzeSeconds = (performance.now() - analyzeStarted) / 1000;
      run = {
        name,
        items: count,
        rows: counts[source.source] ?? 0,
        seconds: round1(seconds),
        perSecond: Math.round(count / seconds),
        analyzeSeconds: round1(analyzeSeconds),
        perSecondWithoutAnalyze: Math.round(count / Math.max(0.1, seconds - analyzeSeconds)),
      };
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  if (run === null) throw new Error('the indexing run did not finish');
  return run;
}

/** One GET with a kept-alive agent, the whole answer read as text. */
async function get(url: string, agent: http.Agent): Promise<{ status: number; body: string }> {
  const answer = await send(url, { agent, timeoutMs: 30_000 });
  return { status: answer.status, body: answer.body.toString('utf8') };
}

interface SearchFigures {
  /** Per query: its median time and its hit count. */
  perQuery: { query: MixQuery; median: number; total: number }[];
  all: TimeFigures;
  byGroup: Map<string, TimeFigures>;
}

async function measureSearchSite(db: Database, mix: readonly MixQuery[]): Promise<SearchFigures> {
  const run = (query: MixQuery) =>
    searchSite(db, { ...query.options, page: 1, now: new Date(), recordMiss: false });
  for (const query of mix) await run(query); // warm-up pass
  const times = new Map<MixQuery, number[]>(mix.map((query) => [query, []]));
  const totals = new Map<MixQuery, number>();
  for (let pass = 0; pass < searchPasses; pass += 1) {
    for (const query of mix) {
      const started = performance.now();
      const results = await run(query);
      times.get(query)?.push(performance.now() - started);
      totals.set(query, results.total);
    }
  }
  return summarise(mix, times, totals);
}

function summarise(
  mix: readonly MixQuery[],
  times: Map<MixQuery, number[]>,
  totals: Map<MixQuery, number>,
): SearchFigures {
  const byGroup = new Map<string, TimeFigures>();
  for (const group of new Set(mix.map((query) => query.group)))
    byGroup.set(
      group,
      timeFigures(mix.filter((query) => query.group === group).flatMap((query) => times.get(query) ?? [])),
    );
  return {
    perQuery: mix.map((query) => ({
      query,
      median: round1(median(times.get(query) ?? [])),
      total: totals.get(query) ?? 0,
    })),
    all: timeFigures([...times.values()].flat()),
    byGroup,
  };
}

async function measureSearchPage(
  appUrl: string,
  mix: readonly MixQuery[],
): Promise<SearchFigures & { failures: number }> {
  const plain = mix.filter((query) => query.isPlain);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const urlOf = (query: MixQuery) =>
    `${appUrl}${query.options.lang === 'en' ? '/en' : ''}/search?q=${encodeURIComponent(query.options.query)}`;
  let failures = 0;
  try {
    for (const query of plain) await get(urlOf(query), agent);
    const times = new Map<MixQuery, number[]>(plain.map((query) => [query, []]));
    for (let pass = 0; pass < searchPasses; pass += 1) {
      for (const query of plain) {
        const started = performance.now();
        const answer = await get(urlOf(query), agent);
        times.get(query)?.push(performance.now() - started);
        if (answer.status !== 200) failures += 1;
      }
    }
    return { ...summarise(plain, times, new Map()), failures };
  } finally {
    agent.destroy();
  }
}

/** The statements searchSite sends for a query, each under EXPLAIN (ANALYZE, BUFFERS) after one warm run. */
async function explainSearch(
  pool: pg.Pool,
  query: MixQuery,
): Promise<{ title: string; sql: string; plan: string }[]> {
  const captured: SentStatement[] = [];
  const capturing = { query: recordingQuery(pool, captured) };
  const db = drizzle(capturing as unknown as pg.Pool) as unknown as Database;
  await searchSite(db, { ...query.options, page: 1, now: new Date(), recordMiss: false });
  const plans: { title: string; sql: string; plan: string }[] = [];
  // searchSite may run its statements in a transaction with settings of its own (`set local …`): replay them
  // the same way on one connection, each query under EXPLAIN, and roll back.
  const queries = captured.filter((statement) => /^\s*(select|with)\b/i.test(statement.sql));
  const client = await pool.connect();
  try {
    await client.query('begin');
    for (const statement of captured) {
      if (/^\s*set\b/i.test(statement.sql)) {
        await client.query(statement.sql, statement.params);
        continue;
      }
      if (!/^\s*(select|with)\b/i.test(statement.sql)) continue;
      const result = await client.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers) ${statement.sql}`,
        statement.params,
      );
      plans.push({
        title: `Search “${query.label}” (${plans.length + 1}/${queries.length})`,
        sql: `${statement.sql}\n-- parameters: ${JSON.stringify(statement.params)}`,
        plan: result.rows.map((row) => row['QUERY PLAN']).join('\n'),
      });
    }
  } finally {
    await client.query('rollback').catch(() => {});
    client.release();
  }
  return plans;
}

interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function loadAt(url: string, seconds: number): Promise<LoadFigures> {
  const result = (await autocannon({ url, connections, duration: seconds, pipelining: 1 })) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    errors: number;
    timeouts: number;
    non2xx: number;
  };
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function startBare(): Promise<{ child: ChildProcess; url: string }> {
  const port = await findFreePort();
  const child = fork(path.resolve('bench/baseline-server.mjs'), [], {
    env: { ...process.env, PORT: String(port) },
    stdio: 'ignore',
  });
  await new Promise((resolve) => child.once('message', resolve));
  return { child, url: `http://127.0.0.1:${port}/` };
}

// ---------------------------------------------------------------------------------------------------------

type Generation = PortalGenerateResult & { generatedAt: string; reused: boolean };

export async function portalSection(): Promise<string[]> {
  const started = performance.now();
  const log = (line: string) =>
    process.stdout.write(`portal (${Math.round((performance.now() - started) / 1000)} s): ${line}\n`);
  const data = await benchDataDir(process.env.BENCH_PORTAL_DIR, 'onewindow-bench-portal-');
  const loadAverages: number[] = [];
  try {
    const generation: Generation = await generatedDatabase<PortalGenerateResult>({
      dataDir: data.dataDir,
      markerName: 'bench-portal.json',
      fits: (marker) => marker.items === itemsWanted && marker.faq === faqWanted,
      reusing: (marker) =>
        `Reusing ${marker.items.toLocaleString('en')} content items and ${marker.faq.toLocaleString('en')} FAQ entries generated ${marker.generatedAt} in ${data.dataDir}.`,
      generating: `Generating ${itemsWanted.toLocaleString('en')} content items and ${faqWanted.toLocaleString('en')} FAQ entries in ${data.dataDir} …`,
      script: 'bench/generate-portal.ts',
      args: ['--items', String(itemsWanted), '--faq', String(faqWanted)],
    });
    loadAverages.push(os.loadavg()[0] ?? 0);

    // ---- 1. An app keeping nothing: indexing, then search (every GET /search searches).
    const previousCache = process.env.PUBLIC_PAGE_CACHE_SECONDS;
    process.env.PUBLIC_PAGE_CACHE_SECONDS = '0';
    const restore = () => {
      if (previousCache === undefined) delete process.env.PUBLIC_PAGE_CACHE_SECONDS;
      else process.env.PUBLIC_PAGE_CACHE_SECONDS = previousCache;
    };
    const first = await withBenchApp(
      { dataDir: data.dataDir, isTemporary: false },
      async ({ appUrl, pool }) => {
        restore();
        const db = drizzle(pool) as unknown as Database;
        const counts = await pool.query<{
          items: number;
          faq: number;
          rows: number;
          size: string;
          buffers: string;
        }>(
          `select (select count(*)::int from content_items) as items, (select count(*)::int from faq_entries) as faq,
                (select count(*)::int from search_documents) as rows,
                pg_size_pretty(pg_total_relation_size('search_documents')) as size,
                current_setting('shared_buffers') as buffers`,
        );
        log(`indexing ${indexSample} items, per-item reads then batched`);
        const perItem = await timedRebuild(
          db,
          'contentSearchSource (two statements per item)',
          limitedSource('bench-per-item', contentSearchSource.documents, indexSample),
        );
        log(`per-item: ${perItem.perSecond} items/s`);
        const batched = await timedRebuild(
          db,
          'batched read (content-search-batches.ts)',
          limitedSource('bench-batched', (tx) => contentDocumentBatches(tx), indexSample),
        );
        log(`batched: ${batched.perSecond} items/s`);
        // The indexing runs rolled back: their 26,000 rows are dead, yet still in the terms index's segment of
        // small sources (their source names are neither 'content' nor 'faq'), which every search reads first.
        // A site vacuums that away (autovacuum after a reindex); searching before it measured the rolled-back
        // rows (p95 43 ms against 28). Vacuum, as a site at rest would be.
        await pool.query('vacuum (analyze) search_documents');
        loadAverages.push(os.loadavg()[0] ?? 0);
        const mix = await queryMix(pool);
        log(`search: ${mix.length} queries × ${searchPasses} passes through searchSite`);
        const direct = await measureSearchSite(db, mix);
        log(`searchSite p95 ${direct.all.p95} ms`);
        const page = await measureSearchPage(appUrl, mix);
        log(`GET /search p95 ${page.all.p95} ms (${page.failures} failures)`);
        const slowest = [...direct.perQuery].sort((left, right) => right.median - left.median)[0];
        const plans = slowest ? await explainSearch(pool, slowest.query) : [];
        loadAverages.push(os.loadavg()[0] ?? 0);
        return { counts: counts.rows[0], perItem, batched, mix, direct, page, slowest, plans };
      },
    ).finally(restore);

    // ---- 2. As deployed: a kept item page at 50 connections beside the bare server.
    const second = await withBenchApp(
      { dataDir: data.dataDir, isTemporary: false },
      async ({ app, appUrl, pool }) => {
        const pid = app.pid ?? 0;
        const item = await pool.query<{ number: number }>(
          `select i.number from content_items i join content_versions v on v.item_id = i.id and v.version = i.published_version
         where not i.is_demo and i.state = 'approved' and i.visible_from < now() and i.visible_until is null
           and exists (select 1 from content_attachments a where a.item_id = i.id)
         order by i.number limit 1`,
        );
        const itemPath = `/info/items/${item.rows[0]?.number ?? 1}`;
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        const checked = await get(`${appUrl}${itemPath}`, agent);
        const again = await get(`${appUrl}${itemPath}`, agent);
        agent.destroy();
        log(`${itemPath}: ${checked.status}, ${checked.body.length} characters`);
        const bare = await startBare();
        const rssBefore = await rssMegabytes(pid);
        const isPeakReset = await resetPeakRss(pid);
        // Rounds of bare, page, …, bare: each page run compared with the bare runs either side of it (this
        // VM's speed drifts by tens of percent within a minute), the median round reported.
        const bareRuns: LoadFigures[] = [];
        const pageRuns: LoadFigures[] = [];
        try {
          await loadAt(bare.url, 2);
          await loadAt(`${appUrl}${itemPath}`, 2);
          for (let round = 0; round < itemRounds; round += 1) {
            bareRuns.push(await loadAt(bare.url, loadSeconds));
            log(`bare: ${bareRuns.at(-1)?.requestsPerSecond} req/s`);
            pageRuns.push(await loadAt(`${appUrl}${itemPath}`, loadSeconds));
            log(`${itemPath}: ${pageRuns.at(-1)?.requestsPerSecond} req/s`);
          }
          bareRuns.push(await loadAt(bare.url, loadSeconds));
          log(`bare: ${bareRuns.at(-1)?.requestsPerSecond} req/s`);
        } finally {
          await stop(bare.child);
        }
        const rssPeak = await peakRssMegabytes(pid);
        await new Promise((resolve) => setTimeout(resolve, 10_000));
        const rssAfter = await rssMegabytes(pid);
        loadAverages.push(os.loadavg()[0] ?? 0);
        return {
          itemPath,
          status: checked.status,
          bytes: Buffer.byteLength(checked.body),
          isKept: checked.body === again.body,
          bareRuns,
          pageRuns,
          rssBefore,
          rssPeak,
          rssAfter,
          isPeakReset,
        };
      },
    );

    return sectionLines(
      generation,
      first,
      second,
      loadAverages,
      Math.round((performance.now() - started) / 1000),
    );
  } finally {
    if (data.isTemporary) await rm(data.dataDir, { recursive: true, force: true });
  }
}

function sectionLines(
  generation: Generation,
  first: {
    counts: { items: number; faq: number; rows: number; size: string; buffers: string } | undefined;
    perItem: IndexRun;
    batched: IndexRun;
    mix: MixQuery[];
    direct: SearchFigures;
    page: SearchFigures & { failures: number };
    slowest: { query: MixQuery; median: number; total: number } | undefined;
    plans: { title: string; sql: string; plan: string }[];
  },
  second: {
    itemPath: string;
    status: number;
    bytes: number;
    isKept: boolean;
    bareRuns: LoadFigures[];
    pageRuns: LoadFigures[];
    rssBefore: number;
    rssPeak: number;
    rssAfter: number;
    isPeakReset: boolean;
  },
  loadAverages: readonly number[],
  seconds: number,
): string[] {
  const rounds = second.pageRuns.map((page, index) => {
    const bare = Math.round(
      ((second.bareRuns[index]?.requestsPerSecond ?? 0) +
        (second.bareRuns[index + 1]?.requestsPerSecond ?? 0)) /
        2,
    );
    return { page, bare, share: Math.round((page.requestsPerSecond / Math.max(1, bare)) * 100) };
  });
  const medianRound = [...rounds].sort((left, right) => left.share - right.share)[
    Math.floor(rounds.length / 2)
  ];
  const share = medianRound?.share ?? 0;
  const non2xx = second.pageRuns.reduce((sum, run) => sum + run.non2xx + run.errors, 0);
  const groupRows = (figures: SearchFigures) =>
    [...figures.byGroup.entries()].map(
      ([group, values]) =>
        `| ${group} | ${values.count} | ${values.p50} | ${values.p95} | ${values.p99} | ${values.max} |`,
    );
  const relevanceCount = first.mix.filter((query) => query.group === 'relevance set').length;
  return [
    ...sectionHead('Information portal (issue 15)', {
      when: 'after generation, after indexing, after search and after the item page load',
      averages: loadAverages,
    }),
    '',
    `On a database of **${(first.counts?.items ?? 0).toLocaleString('en')} content items** and **${(first.counts?.faq ?? 0).toLocaleString('en')} FAQ entries** (demo ones included), ${(first.counts?.rows ?? 0).toLocaleString('en')} rows in \`search_documents\` (${first.counts?.size ?? '?'} with its indexes; the app's embedded PostgreSQL with \`shared_buffers\` ${first.counts?.buffers ?? '?'}, its default on this machine: an eighth of the memory, at most 1 GB), made by bench/generate-portal.ts:`,
    '',
    ...describePortalResult(generation).map((line) => `- ${line}`),
    generation.reused
      ? `- Reused from BENCH_PORTAL_DIR (generated ${generation.generatedAt}).`
      : '- Generated in this run.',
    '',
    '### (a) Indexing',
    '',
    `\`rebuildSearchIndex\` (platform/search/search-index.ts) with the first ${indexSample.toLocaleString('en')} items, written under a source name of their own in a transaction then rolled back (its closing ANALYZE of the whole table included):`,
    '',
    '| content source | items | rows written | seconds | items/s | the closing ANALYZE alone, s | items/s without it |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...[first.perItem, first.batched].map(
      (run) =>
        `| ${run.name} | ${run.items.toLocaleString('en')} | ${run.rows.toLocaleString('en')} | ${run.seconds} | ${run.perSecond} | ${run.analyzeSeconds} | ${run.perSecondWithoutAnalyze} |`,
    ),
    `| the generator's whole rebuild (content read in batches, FAQ, site pages) | ${(generation.items + generation.faq).toLocaleString('en')} | ${Object.values(
      generation.indexed,
    )
      .reduce((sum, rows) => sum + rows, 0)
      .toLocaleString('en')} | ${generation.indexSeconds} | ${generation.indexRate} | | |`,
    '',
    '### (b) Search, one request in flight',
    '',
    `${first.mix.length} queries (${relevanceCount === 0 ? 'no relevance set found' : `${relevanceCount} questions of the relevance set`}, ${oneWords.length} single words, ${twoWords.length} two- and three-word queries, ${first.mix.filter((query) => query.group === 'advanced').length} advanced queries, 2 English), each run ${searchPasses} times after a warm-up pass, one at a time, after a \`VACUUM (ANALYZE)\` of \`search_documents\` (the indexing runs' rolled-back rows gone, as at a site at rest). \`searchSite\`: called in the bench process on its own pool (page 1, misses not recorded). \`GET /search?q=\`: the plain queries, on an app keeping nothing (PUBLIC_PAGE_CACHE_SECONDS=0), with ${first.page.failures} answers other than 200. Times in ms (nearest rank).`,
    '',
    '| through | requests | p50 | p95 | p99 | max |',
    '|---|---:|---:|---:|---:|---:|',
    `| searchSite, all | ${first.direct.all.count} | ${first.direct.all.p50} | ${first.direct.all.p95} | ${first.direct.all.p99} | ${first.direct.all.max} |`,
    ...groupRows(first.direct).map((row) => row.replace(/^\| /, '| searchSite, ')),
    `| GET /search, all | ${first.page.all.count} | ${first.page.all.p50} | ${first.page.all.p95} | ${first.page.all.p99} | ${first.page.all.max} |`,
    ...groupRows(first.page).map((row) => row.replace(/^\| /, '| GET /search, ')),
    '',
    'The slowest queries (median of their runs through searchSite, and how many rows answer, counted up to 2,000):',
    '',
    '| query | group | median ms | answering |',
    '|---|---|---:|---:|',
    ...[...first.direct.perQuery]
      .sort((left, right) => right.median - left.median)
      .slice(0, 8)
      .map((entry) => `| ${entry.query.label} | ${entry.query.group} | ${entry.median} | ${entry.total} |`),
    '',
    '### (c) A kept item page at 50 connections',
    '',
    `\`GET ${second.itemPath}\` (${second.status}, ${second.bytes.toLocaleString('en')} bytes, an item with attachments; ${second.isKept ? 'the same bytes twice: kept' : '**not the same bytes twice**'}), autocannon at ${connections} connections for ${loadSeconds} s a run after 2 s of warm-up, in ${rounds.length} rounds alternating with the bare node:http server (bench/baseline-server.mjs) measured the same way — bare, page, bare, page, …, bare — each page run compared with the mean of the bare runs either side of it; the verdict takes the median round.`,
    '',
    '| round | bare node:http req/s (mean of the runs either side) | item page req/s | share | page p50 ms | page p99 ms | errors + non-2xx |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rounds.map(
      (round, index) =>
        `| ${index + 1} | ${round.bare} | ${round.page.requestsPerSecond} | ${round.share} % | ${round.page.p50} | ${round.page.p99} | ${round.page.errors + round.page.non2xx} |`,
    ),
    '',
    `App RSS: ${second.rssBefore} MB before, ${second.rssPeak} MB at peak${second.isPeakReset ? '' : ' (the high-water mark could not be reset: since start)'}, ${second.rssAfter} MB 10 s after.`,
    '',
    '| target (issue 15) | wanted | measured | |',
    '|---|---|---|---|',
    `| indexing | ≥ ${indexTarget} items/s | ${first.batched.perSecond} items/s through the portal's search source (batched reads); ${first.perItem.perSecond} with a read per item (the baseline); the generator's whole rebuild ${generation.indexRate} | ${verdict(first.batched.perSecond >= indexTarget)} |`,
    `| search p95, one in flight (searchSite) | < ${searchTargetMs} ms | ${first.direct.all.p95} ms | ${verdict(first.direct.all.p95 < searchTargetMs)} |`,
    `| search p95, one in flight (GET /search) | < ${searchTargetMs} ms | ${first.page.all.p95} ms | ${verdict(first.page.all.p95 < searchTargetMs && first.page.failures === 0)} |`,
    `| kept item page | ≥ ${shareTarget} % of the bare server | ${share} % | ${verdict(share >= shareTarget && non2xx === 0 && second.status === 200)} |`,
    '',
    `Whole section: ${Math.round(seconds / 60)} min.`,
    '',
    '### Query plans of the slowest search',
    '',
    first.slowest
      ? `“${first.slowest.query.label}” (${first.slowest.query.group}, median ${first.slowest.median} ms): every statement searchSite sent for it, captured from the pool and run again under \`EXPLAIN (ANALYZE, BUFFERS)\`.`
      : 'No query ran.',
    '',
    ...first.plans.flatMap((plan) => queryPlanLines(plan.title, plan)),
  ];
}
