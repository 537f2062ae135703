/**
 * `npx onewindow <command>`: operators' command line. It reads the same configuration as the app
 * (DATA_DIR, DATABASE_URL, …) and works whether or not the app is running: with the embedded database
 * it uses the running app's server, or starts the server itself for the length of the command.
 *
 * Exit codes: 0 done, 1 the command failed, 2 the command line was wrong.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { modules } from './modules/index.ts';
import { cliActor, noRequestOrigin } from './platform/auth/audit-log.ts';
import { staffRoles } from './platform/auth/principal.ts';
import {
  createStaff,
  listStaff,
  resetStaffPassword,
  resetStaffTwoFactor,
} from './platform/auth/staff-service.ts';
import {
  declareCalendarDay,
  loadCalendarYear,
  proposeCalendarYear,
} from './platform/calendar/calendar-admin-service.ts';
import { localDate } from './platform/calendar/working-days.ts';
import { CommandFailure } from './platform/composition/command-failure.ts';
import { announceCalendarChange } from './platform/composition/compose.ts';
import { createDatabase, type Database } from './platform/db/database.ts';
import { EmbeddedDatabaseError } from './platform/db/embedded-server.ts';
import { MigrationError, runMigrations } from './platform/db/migrate.ts';
import { ensureEmbeddedDatabase, locateDatabase } from './platform/db/open-database.ts';
import { DomainError } from './platform/http/errors.ts';
import { describeErrorSafely } from './platform/http/log-safety.ts';
import { ClassificationFileError } from './platform/reference/classification-rows.ts';
import { rebuildSearchIndex } from './platform/search/search-index.ts';
import { seedReferenceData } from './seed.ts';

interface CommandOption {
  type: 'string' | 'boolean';
  description: string;
  required?: boolean;
}

type Options = Record<string, CommandOption>;

interface Command {
  summary: string;
  usage: string;
  options: Options;
  /** True: the command runs on the database as it is (the CLI applies no migration first). */
  leavesSchemaAlone?: boolean;
  run(values: Record<string, string | boolean | undefined>, context: CommandContext): Promise<void>;
}

interface CommandContext {
  db: Database;
  connectionString: string;
  print(line: string): void;
}

class UsageError extends Error {}

/** An option with a value (`--name VALUE`); a required one missing stops the command before it runs. */
function valueOption(description: string, presence: 'required' | 'optional' = 'optional'): CommandOption {
  return { type: 'string', description, ...(presence === 'required' ? { required: true } : {}) };
}

/** An option without a value (`--force`): true when given. */
function flagOption(description: string): CommandOption {
  return { type: 'boolean', description };
}

/** The value of an optional option, or null when it was not given. */
function optionalValue(values: Record<string, string | boolean | undefined>, name: string): string | null {
  const value = values[name];
  return typeof value === 'string' ? value : null;
}

const platformCommands: Record<string, Command> = {
  migrate: {
    summary: 'Apply the database migrations that have not been applied yet.',
    usage: 'onewindow migrate',
    options: {},
    async run(_values, context) {
      const result = await runMigrations(context.connectionString);
      context.print(
        result.applied > 0 ? `Applied ${result.applied} migration(s).` : 'The database is up to date.',
      );
    },
  },
  seed: {
    summary: 'Load the reference data (units, districts, villages, classifications, calendar overrides).',
    usage: 'onewindow seed [--force]',
    options: { force: flagOption('reload even when this version is already loaded') },
    async run(values, context) {
      const result = await seedReferenceData(context.db, { force: values.force === true });
      context.print(
        result.skipped
          ? 'The reference data is already loaded (use --force to reload).'
          : `Loaded ${result.units} units, ${result.districts} districts, ${result.villages} villages, ` +
              `${result.serviceClassifications} service classifications, ${result.calendarOverrides} calendar overrides.`,
      );
    },
  },
  'staff:create': {
    summary: 'Create a staff account.',
    usage: 'onewindow staff:create --email E --password P --role R [--unit CODE] [--name NAME]',
    options: {
      email: valueOption('sign-in e-mail address', 'required'),
      password: valueOption('at least 12 characters', 'required'),
      role: valueOption(staffRoles.join(' | '), 'required'),
      unit: valueOption('unit code (required for supervisor and handler), e.g. road-maintenance'),
      name: valueOption('display name (default: the part of the e-mail before @)'),
    },
    async run(values, context) {
      const email = String(values.email);
      const staff = await createStaff(context.db, {
        email,
        password: String(values.password),
        role: String(values.role),
        unitCode: optionalValue(values, 'unit'),
        displayName: optionalValue(values, 'name') ?? email.split('@')[0] ?? email,
        actor: cliActor,
      });
      context.print(
        `Created ${staff.role} ${staff.email}${staff.unitCode ? ` (unit ${staff.unitCode})` : ''}.`,
      );
    },
  },
  'search:reindex': {
    summary: 'Rebuild the site search index from every module (content, FAQ, services, plans, site pages).',
    usage: 'onewindow search:reindex',
    options: {},
    async run(_values, context) {
      const sources = modules.flatMap((module) => module.searchSources ?? []);
      const counts = await context.db.transaction((tx) => rebuildSearchIndex(tx, sources));
      const total = Object.values(counts).reduce((sum, rows) => sum + rows, 0);
      for (const [source, rows] of Object.entries(counts)) context.print(`${source}: ${rows} rows`);
      context.print(`Indexed ${total} rows from ${sources.length} sources.`);
    },
  },
  'staff:list': {
    summary: 'List staff accounts.',
    usage: 'onewindow staff:list [--json]',
    options: { json: flagOption('print JSON') },
    async run(values, context) {
      const staff = await listStaff(context.db);
      if (values.json === true) {
        context.print(JSON.stringify(staff, null, 2));
        return;
      }
      if (staff.length === 0) {
        context.print('No staff accounts yet. Create one with `onewindow staff:create`.');
        return;
      }
      for (const member of staff) {
        context.print(
          [
            member.email.padEnd(36),
            member.role.padEnd(14),
            (member.unitCode ?? '-').padEnd(18),
            member.hasTwoFactor ? '2FA' : '   ',
            member.isActive ? 'active' : 'inactive',
          ].join(' '),
        );
      }
    },
  },
  'staff:reset-password': {
    summary: "Set a staff member's password (also lifts a sign-in lockout).",
    usage: 'onewindow staff:reset-password --email E --password P',
    options: {
      email: valueOption('the account', 'required'),
      password: valueOption('the new password, at least 12 characters', 'required'),
    },
    async run(values, context) {
      await resetStaffPassword(context.db, {
        email: String(values.email),
        password: String(values.password),
        actor: cliActor,
      });
      context.print(`Password changed for ${values.email}.`);
    },
  },
  'staff:reset-2fa': {
    summary: "Remove a staff member's two-factor device (they enrol again at the next sign-in).",
    usage: 'onewindow staff:reset-2fa --email E',
    options: { email: valueOption('the account', 'required') },
    async run(values, context) {
      await resetStaffTwoFactor(context.db, { email: String(values.email), actor: cliActor });
      context.print(`Two-factor sign-in reset for ${values.email}.`);
    },
  },
  'calendar:override': {
    summary: 'Mark a day closed (e.g. a typhoon day, 天然災害停止上班) or open, over the official calendar.',
    usage: 'onewindow calendar:override --date YYYY-MM-DD (--closed | --open) --reason TEXT [--region CODE]',
    options: {
      date: valueOption('the day, YYYY-MM-DD', 'required'),
      closed: flagOption('offices closed that day'),
      open: flagOption('offices open that day'),
      reason: valueOption('why, e.g. 颱風停止上班', 'required'),
      region: valueOption('county code it applies to (e.g. 64000 for Kaohsiung); default everywhere'),
    },
    async run(values, context) {
      if (values.closed === values.open) throw new UsageError('give exactly one of --closed or --open');
      const date = String(values.date);
      try {
        localDate(date);
      } catch {
        throw new UsageError(`--date must be a real date as YYYY-MM-DD (got "${date}")`);
      }
      const region = optionalValue(values, 'region');
      const config = loadConfig();
      const { lines } = await declareCalendarDay(context.db, {
        date,
        isHoliday: values.closed === true,
        region,
        reason: String(values.reason),
        calendarRegion: config.calendarRegion,
        lang: 'en',
        now: new Date(),
        actor: cliActor,
        source: 'cli',
        announce: (changedDay) =>
          announceCalendarChange(modules, {
            db: context.db,
            changedDay,
            calendarRegion: config.calendarRegion,
            now: new Date(),
          }),
      });
      context.print(
        `${date} is now ${values.closed === true ? 'closed' : 'open'}${values.region ? ` in ${values.region}` : ''}.`,
      );
      for (const line of lines) context.print(line);
    },
  },
  'calendar:load': {
    summary:
      "Load a year's official calendar file (行政院人事行政總處, data.gov.tw 14718), replacing that year's.",
    usage: 'onewindow calendar:load --year YYYY --file PATH [--source TEXT] [--preview]',
    options: {
      year: valueOption('the year the file is for', 'required'),
      file: valueOption('the JSON file: [{ date: "YYYYMMDD", week, isHoliday, description }, …]', 'required'),
      source: valueOption('where the file comes from (kept with it); default its file name'),
      preview: flagOption('only show the differences with the calendar in force; load nothing'),
    },
    async run(values, context) {
      const year = Number(values.year);
      if (!/^\d{4}$/.test(String(values.year)))
        throw new UsageError(`--year must be a four-digit year (got "${values.year}")`);
      let fileText: string;
      try {
        fileText = await readFile(String(values.file), 'utf8');
      } catch {
        throw new UsageError(`--file cannot be read: ${values.file}`);
      }
      const config = loadConfig();
      const load = { year, fileText, calendarRegion: config.calendarRegion, lang: 'en' as const };
      const proposal = values.preview === true ? await proposeCalendarYear(context.db, load) : null;
      const result =
        proposal === null
          ? await loadCalendarYear(context.db, {
              ...load,
              now: new Date(),
              actor: cliActor,
              source: optionalValue(values, 'source') ?? String(values.file).split(/[\\/]/).pop() ?? 'cli',
              announce: (changedDay) =>
                announceCalendarChange(modules, {
                  db: context.db,
                  changedDay,
                  calendarRegion: config.calendarRegion,
                  now: new Date(),
                }),
            })
          : null;
      const { differences } = proposal ?? (result as NonNullable<typeof result>).proposal;
      for (const change of differences.statusChanges)
        context.print(
          `  ${change.date}: ${change.wasHoliday ? 'closed' : 'open'} → ${change.isHoliday ? 'closed' : 'open'} ${change.description}`.trimEnd(),
        );
      for (const change of differences.descriptionChanges)
        context.print(`  ${change.date}: "${change.before}" → "${change.after}"`);
      const counts = `${differences.statusChanges.length} days change working status, ${differences.descriptionChanges.length} descriptions change`;
      context.print(
        result === null
          ? `Preview of ${year}: ${counts}; nothing loaded.`
          : `Loaded the ${year} calendar: ${counts}.`,
      );
      for (const line of result?.lines ?? []) context.print(line);
    },
  },
  'files:move': {
    summary:
      'Move files that rows still hold in the database (written before the file store) into the file store.',
    usage: 'onewindow files:move',
    options: {},
    async run(_values, context) {
      const { openFilesystemStore } = await import('./platform/files/file-store.ts');
      const { describeMove, moveDatabaseFiles } = await import('./platform/files/move-db-files.ts');
      const files = await openFilesystemStore(loadConfig().fileStoreDir);
      const results = await moveDatabaseFiles(context.db, files);
      const lines = describeMove(results);
      for (const line of lines) context.print(line);
      if (lines.length === 0)
        context.print('No file is left in the database: every file is in the file store.');
      const refused = results.flatMap((result) => result.mismatched.map((id) => `${result.table} ${id}`));
      if (refused.length > 0)
        throw new CommandFailure(
          'Some rows hold bytes that do not match their sha256; they were left in the database.',
          refused,
        );
    },
  },
  'files:check': {
    summary: 'Check that the file store holds every file the database names.',
    usage: 'onewindow files:check',
    options: {},
    async run(_values, context) {
      const { openFilesystemStore } = await import('./platform/files/file-store.ts');
      const { checkStoredFiles } = await import('./platform/files/check-files.ts');
      const config = loadConfig();
      const files = await openFilesystemStore(config.fileStoreDir);
      const report = await checkStoredFiles(context.db, files);
      context.print(`Checked ${report.checked} file(s) named by the database in ${config.fileStoreDir}.`);
      if (report.notMoved > 0)
        context.print(`${report.notMoved} row(s) still hold their file in the database: run files:move.`);
      if (report.unlisted > 0)
        context.print(
          `${report.unlisted} stored file(s) are named by no row (uploads of forms that were refused); they do no harm.`,
        );
      if (report.missing.length > 0)
        throw new CommandFailure(
          `${report.missing.length} file(s) named by the database are missing from the file store (restore it from its backup):`,
          report.missing.slice(0, 50).map((file) => `${file.sha256} (${file.where})`),
        );
      context.print('Every file the database names is in the file store.');
    },
  },
  'files:sweep': {
    summary:
      'Remove stored files that no row names and that are older than FILE_SWEEP_GRACE_HOURS (default 24).',
    usage: 'onewindow files:sweep [--dry-run]',
    options: { 'dry-run': flagOption('count what would be removed, remove nothing') },
    async run(values, context) {
      const { openFilesystemStore } = await import('./platform/files/file-store.ts');
      const { describeSweep, sweepOrphanFiles } = await import('./platform/files/sweep-files.ts');
      const config = loadConfig();
      const files = await openFilesystemStore(config.fileStoreDir);
      const result = await sweepOrphanFiles(context.db, files, {
        graceMs: config.fileSweepGraceHours * 60 * 60 * 1000,
        isDryRun: values['dry-run'] === true,
      });
      for (const line of describeSweep(result, config.fileSweepGraceHours)) context.print(line);
    },
  },
  backup: {
    summary: 'Back up the database and the stored files into one archive, while the app runs.',
    usage: 'onewindow backup --out FILE',
    options: { out: valueOption('the archive to write (a tar file; it holds personal data)', 'required') },
    leavesSchemaAlone: true,
    async run(values, context) {
      const { openFilesystemStore } = await import('./platform/files/file-store.ts');
      const { createBackup } = await import('./platform/backup/backup.ts');
      const { describeBackup } = await import('./platform/backup/backup-report.ts');
      const files = await openFilesystemStore(loadConfig().fileStoreDir);
      const result = await createBackup({
        connectionString: context.connectionString,
        files,
        out: String(values.out),
        log: context.print,
      });
      for (const line of describeBackup(result)) context.print(line);
      if (result.manifest.files.missingCount > 0)
        throw new CommandFailure(
          `The archive was written, but ${result.manifest.files.missingCount} file(s) the database names are missing from the file store (run files:check):`,
          result.manifest.files.missing,
        );
    },
  },
  restore: {
    summary: 'Restore an archive of `onewindow backup` into an empty database and an empty file store.',
    usage: 'onewindow restore --in FILE',
    options: { in: valueOption('the archive to restore', 'required') },
    leavesSchemaAlone: true,
    async run(values, context) {
      const { openFilesystemStore } = await import('./platform/files/file-store.ts');
      const { restoreBackup } = await import('./platform/backup/restore.ts');
      const { describeRestore } = await import('./platform/backup/backup-report.ts');
      const files = await openFilesystemStore(loadConfig().fileStoreDir);
      const result = await restoreBackup({
        connectionString: context.connectionString,
        files,
        archive: String(values.in),
        log: context.print,
      });
      for (const line of describeRestore(result)) context.print(line);
    },
  },
  'classifications:load': {
    summary:
      'Load 主題分類 (theme) or 施政分類 (administrative) codes from a JSON or CSV file, as the administration page does (audited).',
    usage: 'onewindow classifications:load --kind theme|administrative --file FILE.json|FILE.csv',
    options: {
      kind: valueOption('theme | administrative', 'required'),
      file: valueOption(
        'a JSON array of rows [{ code, nameZh, nameEn?, parentCode? }], or a CSV',
        'required',
      ),
    },
    async run(values, context) {
      const kind = String(values.kind);
      if (kind !== 'theme' && kind !== 'administrative')
        throw new UsageError('--kind must be theme or administrative');
      let bytes: Buffer;
      try {
        bytes = await readFile(String(values.file));
      } catch (error) {
        throw new UsageError(`cannot read ${values.file}: ${(error as Error).message}`);
      }
      // The page's use case: the same checks (every problem at once), transaction and audit entry.
      const { loadClassificationFileBytes } = await import(
        './modules/administration/classifications/classifications-service.ts'
      );
      const { after } = await loadClassificationFileBytes(context.db, {
        kind,
        bytes,
        actor: cliActor,
        origin: noRequestOrigin,
        now: new Date(),
        lang: 'en',
      });
      context.print(`Loaded ${after} ${kind} classification codes.`);
    },
  },
};

/** The platform's commands, then each module's (`commands` in its manifest). */
const commands: Record<string, Command> = Object.assign(
  {},
  platformCommands,
  ...modules.map((module) => module.commands ?? {}),
);

function helpText(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return [
    'Usage: onewindow <command> [options]    (onewindow <command> --help for its options)',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
    '',
    'Configuration comes from the environment, as for the app: DATABASE_URL (unset: the embedded',
    'PostgreSQL in DATA_DIR, default ./.data), and the rest listed in .env.example.',
  ].join('\n');
}

function commandHelp(name: string, command: Command): string {
  const lines = [`Usage: ${command.usage}`, '', command.summary];
  const entries = Object.entries(command.options);
  if (entries.length > 0) {
    lines.push('', 'Options:');
    for (const [option, definition] of entries) {
      lines.push(
        `  --${option.padEnd(12)} ${definition.description}${definition.required ? ' (required)' : ''}`,
      );
    }
  }
  lines.push(`  --${'help'.padEnd(12)} show this help`);
  return `${lines.join('\n')}\n\n(${name})`;
}

async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${helpText()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`onewindow: unknown command "${name}".\n\n${helpText()}\n`);
    return 2;
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    const parsed = parseArgs({
      args: rest,
      options: {
        ...Object.fromEntries(
          Object.entries(command.options).map(([key, option]) => [key, { type: option.type }]),
        ),
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
    values = parsed.values as Record<string, string | boolean | undefined>;
  } catch (error) {
    process.stderr.write(`onewindow ${name}: ${(error as Error).message}\n\n${commandHelp(name, command)}\n`);
    return 2;
  }
  if (values.help === true) {
    process.stdout.write(`${commandHelp(name, command)}\n`);
    return 0;
  }
  const missing = Object.entries(command.options)
    .filter(
      ([option, definition]) =>
        definition.required && (values[option] === undefined || values[option] === ''),
    )
    .map(([option]) => `--${option}`);
  if (missing.length > 0) {
    process.stderr.write(
      `onewindow ${name}: missing ${missing.join(', ')}\n\n${commandHelp(name, command)}\n`,
    );
    return 2;
  }

  const config = loadConfig();
  const location = await locateDatabase(config, 'cli', (message) => process.stderr.write(`${message}\n`));
  let database: ReturnType<typeof createDatabase> | null = null;
  try {
    if (location.embedded) await ensureEmbeddedDatabase(location.embedded);
    // Every command needs the current schema; migrating is idempotent and serialised by a lock.
    if (name !== 'migrate' && command.leavesSchemaAlone !== true)
      await runMigrations(location.connectionString);
    database = createDatabase({
      connectionString: location.connectionString,
      maxConnections: 2,
      idleTimeoutMs: 1000,
      connectionTimeoutMs: 10_000,
      statementTimeoutMs: config.databaseStatementTimeoutMs,
      applicationName: 'onewindow-cli',
    });
    await command.run(values, {
      db: database.db,
      connectionString: location.connectionString,
      print: (line) => process.stdout.write(`${line}\n`),
    });
    return 0;
  } finally {
    await database?.close();
    await location.embedded?.stop();
  }
}

function report(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`onewindow: ${error.message}\n`);
    return 2;
  }
  if (error instanceof DomainError) {
    process.stderr.write(`onewindow: ${error.message}\n`);
    for (const problem of error.problems)
      process.stderr.write(`  - ${problem.field ? `${problem.field}: ` : ''}${problem.message}\n`);
    return 1;
  }
  if (error instanceof ClassificationFileError) {
    process.stderr.write(`onewindow: ${error.message}\n`);
    return 1;
  }
  if (error instanceof CommandFailure) {
    process.stderr.write(`onewindow: ${error.message}\n`);
    for (const problem of error.problems) process.stderr.write(`  - ${problem}\n`);
    return 1;
  }
  if (
    error instanceof ConfigError ||
    error instanceof MigrationError ||
    error instanceof EmbeddedDatabaseError
  ) {
    process.stderr.write(`onewindow: ${error.message}\n`);
    return 1;
  }
  // Our own errors carry a stable code and a message meant for people; anything else is a bug: show the stack.
  const code = (error as { code?: unknown })?.code;
  if (error instanceof Error && typeof code === 'string' && /^[A-Z_]+$/.test(code)) {
    process.stderr.write(`onewindow: ${error.message}\n`);
    return 1;
  }
  // The stack, without a failed query's parameters or PostgreSQL's quoted values (log-safety.ts).
  process.stderr.write(`onewindow: ${describeErrorSafely(error)}\n`);
  return 1;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => process.exit(report(error)),
);
