/**
 * The petitions part of `npm run bench` (issue 16: "2,000,000 petitions: analysis page p95 < 200 ms one in
 * flight; repeat detection at submit p95 < 50 ms"), run by bench/run.ts (`BENCH_ONLY=petitions`). On a database
 * of BENCH_PETITIONS (2,000,000) petitions over BENCH_PETITIONS_YEARS (8) years made by
 * bench/generate-petitions.ts, it measures, one request in flight:
 *   (a) the case-type analysis over HTTP on the app as deployed: the page under a mix of filters (the default
 *       twelve months, every year, one type, a district and a channel, three filters, a supervisor's own unit,
 *       English), the monthly report and the CSV export, BENCH_PETITIONS_PASSES (30) passes after a warm-up;
 *   (b) repeat detection as intake runs it (`findRepeats`, src/modules/petitions/repeat-detection.ts) in this
 *       process on its own pool: repeats of stored petitions, new petitions at known places, new petitions with
 *       no place; BENCH_PETITIONS_REPEAT_QUERIES (300) after 30 warm-up queries;
 *   (c) the roll-ups' upkeep: the app's first refresh after start (a full rebuild when the last is two days
 *       old), and incremental refreshes after a busy five minutes (40 petitions of the last week changed) and
 *       after 350 changes reaching back a year
 *       (in a transaction rolled back, so the kept database stays as generated);
 * and the plans of the statements behind the widest page and the slowest repeat query. Returns the section's
 * lines for docs/benchmarks.md. Load goes only to 127.0.0.1.
 *
 * Environment: BENCH_PETITIONS_DIR (keep the generated database there and reuse it while the counts match;
 * default: a temporary folder, removed), BENCH_PETITIONS, BENCH_PETITIONS_YEARS, BENCH_PETITIONS_PASSES,
 * BENCH_PETITIONS_REPEAT_QUERIES.
 */
import { rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { readAnalysis, readHotspots } from '../src/modules/petitions/analysis/analysis-queries.ts';
import { refreshPetitionStats } from '../src/modules/petitions/analysis/analysis-refresh.ts';
import { taipeiMonthOf } from '../src/modules/petitions/analysis/analysis-rules.ts';
import { findRepeats } from '../src/modules/petitions/repeat-detection.ts';
import type { Database } from '../src/platform/db/database.ts';
import {
  benchDataDir,
  benchPassword,
  generatedDatabase,
  median,
  queryPlanLines,
  recordingQuery,
  type SentStatement,
  sectionHead,
  verdict,
  withBenchApp,
} from './bench-support.ts';
import { createRandom } from './case-fixtures.ts';
import { signIn } from './cases-bench.ts';
import {
  describePetitionsResult,
  type PetitionsGenerateResult,
  petitionBenchStaff,
} from './generate-petitions.ts';
import { send, type TimeFigures, timeFigures } from './load-client.ts';
import { benchPetitionTypes, petitionWords, repeatWords } from './petition-fixtures.ts';

const petitionsWanted = Number(process.env.BENCH_PETITIONS ?? 2_000_000);
const yearsWanted = Number(process.env.BENCH_PETITIONS_YEARS ?? 8);
const passes = Number(process.env.BENCH_PETITIONS_PASSES ?? 30);
const repeatQueries = Number(process.env.BENCH_PETITIONS_REPEAT_QUERIES ?? 300);
const pageTargetMs = 200;
const repeatTargetMs = 50;

const round1 = (value: number) => Math.round(value * 10) / 10;

/** One GET with a kept-alive agent and the session's cookie, the whole answer read. */
async function get(
  url: string,
  agent: http.Agent,
  cookie: string,
): Promise<{ status: number; bytes: number }> {
  const answer = await send(url, { agent, headers: { cookie } });
  return { status: answer.status, bytes: answer.body.length };
}

interface PageTarget {
  label: string;
  path: string;
  as: 'secretariat' | 'supervisor';
  isPage: boolean;
}

function pageTargets(firstMonth: string, lastMonth: string): PageTarget[] {
  const everything = `from=${firstMonth}&to=${lastMonth}`;
  return [
    {
      label: 'page, the last 12 months (default)',
      path: '/staff/petitions/analysis',
      as: 'secretariat',
      isPage: true,
    },
    {
      label: 'page, every month (8 years)',
      path: `/staff/petitions/analysis?${everything}`,
      as: 'secretariat',
      isPage: true,
    },
    {
      label: 'page, 12 months, one type',
      path: '/staff/petitions/analysis?type=petition-street-light',
      as: 'secretariat',
      isPage: true,
    },
    {
      label: 'page, 8 years, a district and a channel',
      path: `/staff/petitions/analysis?${everything}&district=64000120&source=hotline_1999`,
      as: 'secretariat',
      isPage: true,
    },
    {
      label: 'page, 8 years, type + unit + district',
      path: `/staff/petitions/analysis?${everything}&type=road-maintenance-petition&unit=road-maintenance&district=64000050`,
      as: 'secretariat',
      isPage: true,
    },
    {
      label: 'page, a supervisor (own unit), 12 months',
      path: '/staff/petitions/analysis',
      as: 'supervisor',
      isPage: true,
    },
    {
      label: 'page in English, 12 months',
      path: '/en/staff/petitions/analysis',
      as: 'secretariat',
      isPage: true,
    },
    {
      label: 'monthly report (last month)',
      path: '/staff/petitions/analysis/monthly',
      as: 'secretariat',
      isPage: true,
    },
    {
      label: 'CSV export, 8 years',
      path: `/staff/petitions/analysis.csv?${everything}`,
      as: 'secretariat',
      isPage: false,
    },
  ];
}

async function measurePages(
  appUrl: string,
  targets: readonly PageTarget[],
  cookies: Record<PageTarget['as'], string>,
): Promise<{
  perTarget: { target: PageTarget; figures: TimeFigures; bytes: number; failures: number }[];
  pages: TimeFigures;
}> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const bytes = new Map<PageTarget, number>();
    for (const target of targets) {
      const answer = await get(`${appUrl}${target.path}`, agent, cookies[target.as]);
      if (answer.status !== 200) throw new Error(`${target.path} answered ${answer.status}`);
      bytes.set(target, answer.bytes);
    }
    const times = new Map<PageTarget, number[]>(targets.map((target) => [target, []]));
    const failures = new Map<PageTarget, number>();
    for (let pass = 0; pass < passes; pass += 1)
      for (const target of targets) {
        const started = performance.now();
        const answer = await get(`${appUrl}${target.path}`, agent, cookies[target.as]);
        times.get(target)?.push(performance.now() - started);
        if (answer.status !== 200) failures.set(target, (failures.get(target) ?? 0) + 1);
      }
    return {
      perTarget: targets.map((target) => ({
        target,
        figures: timeFigures(times.get(target) ?? []),
        bytes: bytes.get(target) ?? 0,
        failures: failures.get(target) ?? 0,
      })),
      pages: timeFigures(
        targets.filter((target) => target.isPage).flatMap((target) => times.get(target) ?? []),
      ),
    };
  } finally {
    agent.destroy();
  }
}

interface RepeatQuery {
  group: 'a repeat of a stored petition' | 'new, at a known place' | 'new, no place';
  text: string;
  contactHashes: string[];
  placeKey: string | null;
}

/** The query mix: a third repeats of stored petitions (their text rewritten), a third new at known places, a third new. */
async function repeatMix(pool: pg.Pool): Promise<RepeatQuery[]> {
  const random = createRandom(7);
  const each = Math.max(1, Math.floor(repeatQueries / 3));
  const stored = await pool.query<{
    subject: string;
    description: string;
    contact_hashes: string[];
    place_key: string | null;
  }>(
    `select c.subject, c.description, p.contact_hashes, p.place_key
       from petitions p tablesample system (0.2) repeatable (7)
       join cases c on c.id = p.case_id
      where not p.is_english
      limit ${each}`,
  );
  const places = await pool.query<{ place_key: string }>(
    `select place_key from petition_place_stats where grain = 0 group by place_key order by sum(petitions) desc limit ${each}`,
  );
  const queries: RepeatQuery[] = stored.rows.map((row) => ({
    group: 'a repeat of a stored petition',
    text: `${row.subject}\n${repeatWords(random, row.description)}`,
    contactHashes: random.chance(0.7) ? row.contact_hashes : [],
    placeKey: row.place_key,
  }));
  for (let index = 0; index < each; index += 1) {
    const type = random.pick(benchPetitionTypes);
    const placeKey = places.rows[index % Math.max(1, places.rows.length)]?.place_key ?? null;
    const place = placeKey === null ? null : placeKey.slice(placeKey.indexOf('|') + 1);
    const words = petitionWords(random, type, { district: '三民區', place, street: '民族一路' }, false);
    queries.push({
      group: 'new, at a known place',
      text: `${words.subject}\n${words.text}`,
      contactHashes: [`new-${index}`],
      placeKey,
    });
    const fresh = petitionWords(
      random,
      random.pick(benchPetitionTypes),
      { district: '鳳山區', place: null, street: '光遠路' },
      false,
    );
    queries.push({
      group: 'new, no place',
      text: `${fresh.subject}\n${fresh.text}`,
      contactHashes: [],
      placeKey: null,
    });
  }
  return queries;
}

async function measureRepeats(db: Database, mix: readonly RepeatQuery[]) {
  for (const query of mix.slice(0, 30)) await findRepeats(db, query);
  const times: { query: RepeatQuery; ms: number; found: number }[] = [];
  for (const query of mix) {
    const started = performance.now();
    const found = await findRepeats(db, query);
    times.push({ query, ms: performance.now() - started, found: found.length });
  }
  const groups = [...new Set(mix.map((query) => query.group))];
  return {
    all: timeFigures(times.map((entry) => entry.ms)),
    byGroup: groups.map((group) => {
      const entries = times.filter((entry) => entry.query.group === group);
      return {
        group,
        figures: timeFigures(entries.map((entry) => entry.ms)),
        withRepeats: entries.filter((entry) => entry.found > 0).length,
        meanFound: round1(entries.reduce((sum, entry) => sum + entry.found, 0) / Math.max(1, entries.length)),
      };
    }),
    slowest: [...times].sort((left, right) => right.ms - left.ms)[0]?.query ?? null,
  };
}

/** The statements `work` sends through a pool, each run again under EXPLAIN (ANALYZE, BUFFERS). */
async function explainStatements(
  pool: pg.Pool,
  title: string,
  work: (db: Database) => Promise<unknown>,
): Promise<{ title: string; sql: string; plan: string }[]> {
  const captured: SentStatement[] = [];
  const capturing = { query: recordingQuery(pool, captured) };
  await work(drizzle(capturing as unknown as pg.Pool) as unknown as Database);
  const plans: { title: string; sql: string; plan: string }[] = [];
  const statements = captured.filter((statement) => /^\s*(select|with|\()/i.test(statement.sql));
  for (const [index, statement] of statements.entries()) {
    const result = await pool.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) ${statement.sql}`,
      statement.params,
    );
    plans.push({
      title: `${title} (${index + 1}/${statements.length})`,
      sql: `${statement.sql.replace(/\n\s*\n/g, '\n')}\n-- parameters: ${JSON.stringify(statement.params).slice(0, 600)}`,
      plan: result.rows.map((row) => row['QUERY PLAN']).join('\n'),
    });
  }
  return plans;
}

interface RefreshScenario {
  label: string;
  /** Petitions changed among those received in the last `recentDays` days … */
  recent: number;
  recentDays: number;
  /** … and among those of the year before that. */
  older: number;
}

/** The scans measured: a busy five minutes, and a day's worth of changes reaching back a year. */
const refreshScenarios: readonly RefreshScenario[] = [
  {
    label: 'a busy five minutes: 40 petitions of the last week changed',
    recent: 40,
    recentDays: 7,
    older: 0,
  },
  {
    label: '350 changed: 300 of the last two months, 50 of the year before',
    recent: 300,
    recentDays: 60,
    older: 50,
  },
];

/** An incremental refresh after the scenario's petitions changed, in a transaction rolled back. */
async function timedIncrementalRefresh(db: Database, now: Date, scenario: RefreshScenario) {
  let measured: { seconds: number; months: number; places: number; kind: string; changed: number } | null =
    null;
  const rollback = new Error('rollback');
  await db
    .transaction(async (tx) => {
      const recentSince = new Date(now.getTime() - scenario.recentDays * 86_400_000);
      const yearBefore = new Date(recentSince.getTime() - 365 * 86_400_000);
      const changed = await tx.execute<{ id: string }>(sql`
        with chosen as (
          (select case_id from petitions where received_at > ${recentSince}
            order by md5(case_id::text) limit ${scenario.recent})
          union
          (select case_id from petitions where received_at > ${yearBefore} and received_at <= ${recentSince}
            order by md5(case_id::text) limit ${scenario.older})
        )
        update cases c set state = 'closed', resolved_at = coalesce(c.resolved_at, ${now}),
               closed_at = coalesce(c.closed_at, ${now}), due_at_answer = coalesce(c.due_at_answer, c.due_at, ${now}),
               updated_at = ${now}
          from chosen where c.id = chosen.case_id
        returning c.id`);
      await tx.execute(sql`
        insert into case_events (case_id, occurred_at, kind, actor_label)
        select id, ${now}, 'close', 'bench' from cases where id = any(${`{${changed.rows.map((row) => row.id).join(',')}}`}::uuid[])`);
      const started = performance.now();
      const outcome = await refreshPetitionStats(tx as unknown as Database, { now });
      measured = {
        seconds: round1((performance.now() - started) / 1000),
        months: outcome.months,
        places: outcome.places,
        kind: outcome.kind,
        changed: changed.rows.length,
      };
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  if (measured === null) throw new Error('the refresh did not run');
  return measured as { seconds: number; months: number; places: number; kind: string; changed: number };
}

/** Waits for the app's first refresh of the roll-ups (asked for at start), and says how long it took. */
async function firstRefresh(pool: pg.Pool, startedAt: Date) {
  const waited = performance.now();
  for (;;) {
    const row = await pool.query<{ refreshed_at: Date; rebuilt_at: Date }>(
      'select refreshed_at, rebuilt_at from petition_stats_refresh where id = 1',
    );
    const state = row.rows[0];
    if (state !== undefined && new Date(state.refreshed_at) >= startedAt)
      return {
        seconds: round1((performance.now() - waited) / 1000),
        wasRebuild: new Date(state.rebuilt_at) >= startedAt,
      };
    if (performance.now() - waited > 20 * 60_000)
      throw new Error('the app did not refresh the roll-ups in 20 minutes');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function petitionsSection(): Promise<string[]> {
  const started = performance.now();
  const data = await benchDataDir(process.env.BENCH_PETITIONS_DIR, 'onewindow-bench-petitions-');
  try {
    const generation = await generatedDatabase<PetitionsGenerateResult>({
      dataDir: data.dataDir,
      markerName: 'bench-petitions.json',
      fits: (marker) => marker.petitions === petitionsWanted && marker.years === yearsWanted,
      reusing: (marker) =>
        `Reusing ${marker.petitions.toLocaleString('en')} petitions generated ${marker.generatedAt} in ${data.dataDir}.`,
      generating: `Generating ${petitionsWanted.toLocaleString('en')} petitions in ${data.dataDir} …`,
      script: 'bench/generate-petitions.ts',
      args: ['--petitions', String(petitionsWanted), '--years', String(yearsWanted)],
    });
    const loadAverages: number[] = [os.loadavg()[0] ?? 0];
    const appStartedAt = new Date();
    const measured = await withBenchApp(
      { dataDir: data.dataDir, isTemporary: false },
      async ({ appUrl, pool }) => {
        const db = drizzle(pool) as unknown as Database;
        const refreshAtStart = await firstRefresh(pool, appStartedAt);
        process.stdout.write(`The app's first refresh of the roll-ups: ${refreshAtStart.seconds} s.\n`);
        loadAverages.push(os.loadavg()[0] ?? 0);
        const range = await pool.query<{ first: Date; last: Date }>(
          'select min(received_at) as first, max(received_at) as last from petitions',
        );
        const firstMonth = taipeiMonthOf(new Date(range.rows[0]?.first ?? new Date()));
        const lastMonth = taipeiMonthOf(new Date(range.rows[0]?.last ?? new Date()));
        const cookies = {
          secretariat: (await signIn(appUrl, petitionBenchStaff.secretariat, benchPassword)).cookie,
          supervisor: (await signIn(appUrl, petitionBenchStaff.supervisor, benchPassword)).cookie,
        };
        const targets = pageTargets(firstMonth, lastMonth);
        const pages = await measurePages(appUrl, targets, cookies);
        for (const entry of pages.perTarget)
          process.stdout.write(
            `${entry.target.label}: p50 ${entry.figures.p50} ms, p95 ${entry.figures.p95} ms\n`,
          );
        loadAverages.push(os.loadavg()[0] ?? 0);
        const mix = await repeatMix(pool);
        const repeats = await measureRepeats(db, mix);
        process.stdout.write(`findRepeats: p50 ${repeats.all.p50} ms, p95 ${repeats.all.p95} ms\n`);
        loadAverages.push(os.loadavg()[0] ?? 0);
        const incremental: Measured['incremental'] = [];
        for (const scenario of refreshScenarios) {
          incremental.push({ scenario, ...(await timedIncrementalRefresh(db, new Date(), scenario)) });
          process.stdout.write(`Incremental refresh, ${scenario.label}: ${incremental.at(-1)?.seconds} s
`);
        }
        const widest = {
          from: firstMonth,
          to: lastMonth,
          type: null,
          unit: null,
          district: null,
          source: null,
        };
        const plans = [
          ...(await explainStatements(pool, 'The analysis page, every month: its tables', (planDb) =>
            readAnalysis(planDb, widest),
          )),
          ...(await explainStatements(pool, 'The analysis page, every month: its hotspots', (planDb) =>
            readHotspots(planDb, { ...widest, unit: 'road-maintenance' }, 20),
          )),
          ...(repeats.slowest === null
            ? []
            : await explainStatements(
                pool,
                `findRepeats, the slowest query (${repeats.slowest.group})`,
                (planDb) => findRepeats(planDb, repeats.slowest as RepeatQuery),
              )),
        ];
        const sizes = await pool.query<{ size: string; buffers: string }>(
          `select pg_size_pretty(pg_database_size(current_database())) as size, current_setting('shared_buffers') as buffers`,
        );
        return {
          refreshAtStart,
          firstMonth,
          lastMonth,
          pages,
          mix,
          repeats,
          incremental,
          plans,
          sizes: sizes.rows[0],
        };
      },
    );
    loadAverages.push(os.loadavg()[0] ?? 0);
    return sectionLines(generation, measured, loadAverages, Math.round((performance.now() - started) / 1000));
  } finally {
    if (data.isTemporary) await rm(data.dataDir, { recursive: true, force: true });
  }
}

type Measured = {
  refreshAtStart: { seconds: number; wasRebuild: boolean };
  firstMonth: string;
  lastMonth: string;
  pages: Awaited<ReturnType<typeof measurePages>>;
  mix: RepeatQuery[];
  repeats: Awaited<ReturnType<typeof measureRepeats>>;
  incremental: ({ scenario: RefreshScenario } & Awaited<ReturnType<typeof timedIncrementalRefresh>>)[];
  plans: { title: string; sql: string; plan: string }[];
  sizes: { size: string; buffers: string } | undefined;
};

function sectionLines(
  generation: PetitionsGenerateResult & { generatedAt: string; reused: boolean },
  measured: Measured,
  loadAverages: readonly number[],
  seconds: number,
): string[] {
  const { pages, repeats } = measured;
  const failures = pages.perTarget.reduce((sum, entry) => sum + entry.failures, 0);
  const row = (label: string, figures: TimeFigures, extra = '') =>
    `| ${label} | ${figures.count} | ${figures.p50} | ${figures.p95} | ${figures.p99} | ${figures.max} |${extra}`;
  return [
    ...sectionHead('Petitions (issue 16 §6)', {
      when: 'before the app started, after its first refresh, after the pages, after repeat detection, at the end',
      averages: loadAverages,
    }),
    `- Command: \`${process.env.DEMO_DATA === 'false' ? 'DEMO_DATA=false ' : ''}BENCH_ONLY=petitions BENCH_PETITIONS_DIR=${process.env.BENCH_PETITIONS_DIR ?? '(unset: a temporary folder)'} npm run bench\`${process.env.DEMO_DATA === 'false' ? ' (the demo content off: its photo reports have nothing to do with petitions)' : ''}.`,
    '',
    `On a database of **${generation.petitions.toLocaleString('en')} petitions** over ${generation.years} years (${measured.firstMonth} to ${measured.lastMonth}; ${measured.sizes?.size ?? '?'} in all, the app's embedded PostgreSQL with \`shared_buffers\` ${measured.sizes?.buffers ?? '?'}), made by bench/generate-petitions.ts:`,
    '',
    ...describePetitionsResult(generation).map((line) => `- ${line}`),
    generation.reused
      ? `- Reused from BENCH_PETITIONS_DIR (generated ${generation.generatedAt}).`
      : '- Generated in this run.',
    '',
    '### (a) The analysis page, one request in flight',
    '',
    `Over HTTP on the app as \`npm start\` runs it, signed in as the Secretariat (and as the supervisor of \`${petitionBenchStaff.supervisorUnit}\`), each address ${passes} times after a warm-up pass, one at a time, in turn; ${failures} answers other than 200. Times in ms (nearest rank), from the request to the last byte.`,
    '',
    '| address | requests | p50 | p95 | p99 | max | bytes |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...pages.perTarget.map((entry) =>
      row(
        `${entry.target.label}: \`${entry.target.path.replace(/\|/g, '\\|')}\``,
        entry.figures,
        ` ${entry.bytes.toLocaleString('en')} |`,
      ),
    ),
    row('**every page above (not the CSV)**', pages.pages, ' |'),
    '',
    '### (b) Repeat detection at submit, one query in flight',
    '',
    `\`findRepeats\` (src/modules/petitions/repeat-detection.ts) as intake calls it, in the bench process on its own pool: ${measured.mix.length} queries after 30 warm-up ones — repeats of stored petitions (their text written again as a citizen would, at their place, 70 % by the same petitioner), new petitions at the busiest known places, new petitions with no place or petitioner to match. Times in ms (nearest rank).`,
    '',
    '| queries | count | p50 | p95 | p99 | max | with a repeat found | repeats found (mean) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...repeats.byGroup.map((group) =>
      row(group.group, group.figures, ` ${group.withRepeats} | ${group.meanFound} |`),
    ),
    row('**all**', repeats.all, ' | |'),
    '',
    '### (c) Keeping the roll-ups',
    '',
    `- The app's first refresh after start (asked for at start, as every five minutes): ${measured.refreshAtStart.seconds} s${measured.refreshAtStart.wasRebuild ? ' — a full rebuild (the last was two days old or more)' : ' — nothing to rebuild'}.`,
    `- The generator's full rebuild through \`refreshPetitionStats\`: ${generation.rollupSeconds} s for ${generation.rollupMonths} months.`,
    ...measured.incremental.map(
      (run) =>
        `- An incremental refresh, ${run.scenario.label} (${run.changed} petitions closed, each with a timeline row as the case core writes one; in a transaction rolled back afterwards): **${run.seconds} s**, ${run.kind}: ${run.months} months and ${run.places} places recomputed.`,
    ),
    '',
    '| target (issue 16) | wanted | measured | |',
    '|---|---|---|---|',
    `| analysis page p95, one in flight | < ${pageTargetMs} ms | ${pages.pages.p95} ms (the slowest address: ${Math.max(...pages.perTarget.filter((entry) => entry.target.isPage).map((entry) => entry.figures.p95))} ms) | ${verdict(pages.pages.p95 < pageTargetMs && failures === 0)} |`,
    `| repeat detection at submit p95, one in flight | < ${repeatTargetMs} ms | ${repeats.all.p95} ms | ${verdict(repeats.all.p95 < repeatTargetMs)} |`,
    '',
    `Whole section: ${Math.round(seconds / 60)} min (median of the page p95s: ${median(pages.perTarget.map((entry) => entry.figures.p95))} ms).`,
    '',
    '### Query plans',
    '',
    "The statements behind the page over every month (the tables in one statement; the hotspots as a supervisor sees them) and behind the slowest repeat query, captured from the app's own functions and run again under `EXPLAIN (ANALYZE, BUFFERS)`.",
    '',
    ...measured.plans.flatMap((plan) => queryPlanLines(plan.title, plan)),
  ];
}
