import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { cliWithTestDatabase, onewindow } from '../test/helpers/cli.ts';
import { listCalendarOverrides } from './platform/calendar/calendar-repo.ts';

/** `staff:create` with a good password and these options. */
function staffCreate(options: { email: string; role: string; unit?: string }): string[] {
  return [
    'staff:create',
    '--email',
    options.email,
    '--password',
    'correct horse battery',
    '--role',
    options.role,
    ...(options.unit === undefined ? [] : ['--unit', options.unit]),
  ];
}

/** The command line against the test database. */
const { cli, db } = await cliWithTestDatabase();

describe('npx onewindow (against DATABASE_URL)', () => {
  it('--help lists every command and exits 0; no command exits 2', async () => {
    const help = await cli('--help');
    assert.equal(help.code, 0);
    for (const command of [
      'migrate',
      'seed',
      'staff:create',
      'staff:list',
      'staff:reset-password',
      'calendar:override',
    ]) {
      assert.match(help.stdout, new RegExp(`^  ${command} `, 'm'));
    }
    assert.equal((await cli()).code, 2);
  });

  it('an unknown command exits 2 and says so', async () => {
    const run = await cli('staff:destroy');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /unknown command "staff:destroy"/);
  });

  it('staff:create --help explains its options', async () => {
    const run = await cli('staff:create', '--help');
    assert.equal(run.code, 0);
    assert.match(run.stdout, /--email .*\(required\)/);
    assert.match(run.stdout, /--unit /);
  });

  it('staff:create without its options exits 2 naming every missing one', async () => {
    const run = await cli('staff:create');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /missing --email, --password, --role/);
  });

  it('staff:create with bad values exits 1 listing every problem, without a stack trace', async () => {
    const run = await cli('staff:create', '--email', 'not-an-email', '--password', 'short', '--role', 'boss');
    assert.equal(run.code, 1);
    const problems = [...run.stderr.matchAll(/^ {2}- (\w+): /gm)].map((match) => match[1]);
    assert.deepEqual(problems, ['email', 'password', 'role'], run.stderr);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });

  it('staff:create then staff:list shows the account; a handler needs a unit', async () => {
    const noUnit = await cli(...staffCreate({ email: 'handler.one@example.tw', role: 'handler' }));
    assert.equal(noUnit.code, 1);
    assert.match(noUnit.stderr, /^ {2}- unitCode: /m);

    const created = await cli(
      ...staffCreate({ email: 'handler.one@example.tw', role: 'handler', unit: 'road-maintenance' }),
    );
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /Created handler handler\.one@example\.tw \(unit road-maintenance\)/);

    const list = await cli('staff:list', '--json');
    assert.equal(list.code, 0);
    const staff = JSON.parse(list.stdout) as { email: string; role: string; unitCode: string | null }[];
    const found = staff.find((member) => member.email === 'handler.one@example.tw');
    assert.equal(found?.role, 'handler');
    assert.equal(found?.unitCode, 'road-maintenance');

    const duplicate = await cli(...staffCreate({ email: 'Handler.One@example.tw', role: 'admin' }));
    assert.equal(duplicate.code, 1, 'the same address in other capitals is a duplicate');
    assert.match(duplicate.stderr, /^ {2}- email: /m);
    const after = JSON.parse((await cli('staff:list', '--json')).stdout) as { email: string; role: string }[];
    assert.deepEqual(
      after.filter((member) => member.email.toLowerCase() === 'handler.one@example.tw'),
      [found],
      'still the one handler',
    );
  });

  it('migrate says the database is up to date; seed is idempotent', async () => {
    const migrate = await cli('migrate');
    assert.equal(migrate.code, 0);
    assert.match(migrate.stdout, /up to date/);
    const seed = await cli('seed');
    assert.equal(seed.code, 0);
    assert.match(seed.stdout, /already loaded/);
  });

  it('search:reindex rebuilds the search index from every module and prints the counts', async () => {
    const reindex = await cli('search:reindex');
    assert.equal(reindex.code, 0, reindex.stderr);
    assert.match(reindex.stdout, /^service: [1-9]\d* rows$/m);
    assert.match(reindex.stdout, /^site: [1-9]\d* rows$/m);
    assert.match(reindex.stdout, /^Indexed \d+ rows from \d+ sources\.$/m);
    const rows = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from search_documents where path = '/services/street-light-repair'`,
    );
    assert.equal(rows.rows[0]?.n, 2);
  });

  it('routing:set lists every problem at once; a good rule shows in routing:list and can be removed', async () => {
    const bad = await cli(
      'routing:set',
      '--service',
      'no-such-service',
      '--district',
      '1',
      '--unit',
      'nowhere',
    );
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /no service "no-such-service"/);
    assert.match(bad.stderr, /no district "1"/);
    assert.match(bad.stderr, /no active unit "nowhere"/);
    const good = await cli(
      'routing:set',
      '--service',
      'pothole-report',
      '--district',
      '64000080',
      '--unit',
      'new-works',
    );
    assert.equal(good.code, 0, good.stderr);
    const list = await cli('routing:list');
    assert.match(list.stdout, /^pothole-report\t64000080\t→ new-works/m);
    assert.match(
      list.stdout,
      /^street-tree-pruning\t\d+\t→ road-maintenance\t示範規則/m,
      'the demo rules are seeded',
    );
    const removed = await cli('routing:remove', '--service', 'pothole-report', '--district', '64000080');
    assert.match(removed.stdout, /Rule removed/);
    assert.doesNotMatch((await cli('routing:list')).stdout, /pothole-report/);
  });

  it('calendar:override refuses an impossible date (exit 2) and records a real one', async () => {
    const bad = await cli('calendar:override', '--date', '2026-02-30', '--closed', '--reason', '颱風');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--date must be a real date/);
    const good = await cli(
      'calendar:override',
      '--date',
      '2026-08-05',
      '--closed',
      '--reason',
      '颱風停止上班',
      '--region',
      '64000',
    );
    assert.equal(good.code, 0, good.stderr);
    assert.match(good.stdout, /2026-08-05 is now closed in 64000/);
    const recorded = (await listCalendarOverrides(db)).filter((row) => row.date === '2026-08-05');
    assert.deepEqual(
      recorded.map(({ region, isHoliday, reason, source }) => ({ region, isHoliday, reason, source })),
      [{ region: '64000', isHoliday: true, reason: '颱風停止上班', source: 'cli' }],
    );
  });

  it('an unreachable database is a clear error with exit 1', async () => {
    const run = await onewindow(['staff:list'], { DATABASE_URL: 'postgres://nobody:none@127.0.0.1:1/none' });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Cannot connect to the database/);
  });
});
