import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { formatCaseNumber } from '../src/modules/cases/core/case-number.ts';
import { finishedStates } from '../src/modules/cases/core/workflows.ts';
import { services, serviceVersions } from '../src/modules/catalogue/catalogue-schema.ts';
import type { ChecklistItem } from '../src/modules/catalogue/catalogue-schemas.ts';
import { loadWorkingCalendar } from '../src/platform/calendar/calendar-service.ts';
import type { Database } from '../src/platform/db/database.ts';
import { districts } from '../src/platform/geo/geo-schema.ts';
import { units } from '../src/platform/reference/reference-schema.ts';
import {
  beginBulkLoad,
  copyAlongside,
  DAY,
  describePhases,
  dropIndexesForLoad,
  generatorOptions,
  HOUR,
  insertBenchStaff,
  loadRouting,
  phaseTimer,
  readCaseNumbering,
  rebuildIndexes,
  runAsScript,
  runGenerator,
  saveCaseNumbering,
  spreadOverDays,
  withGeneratorDatabase,
} from './bench-support.ts';
import {
  channelsByKind,
  createRandom,
  descriptionsByService,
  districtWeights,
  type Random,
  serviceWeights,
  surnames,
  weightedPicker,
} from './case-fixtures.ts';
import {
  caseColumns,
  dayNumberOf,
  eventColumns,
  extensionColumns,
  formDataVariants,
  generateCase,
  json,
  localDateOf,
  personName,
  type ServiceRef,
  type StaffRef,
  startOfDayNumber,
  type UnitStaff,
  workingDayTable,
} from './case-life.ts';

// ---------------------------------------------------------------------------------------------------------
// The generated staff, known to the benchmark (bench/run.ts signs in as them).

const staffDomain = 'bench.example.org';
export const benchEmails = {
  counterClerk: (index: number) => `counter.${index}@${staffDomain}`,
  secretariat: (index: number) => `secretariat.${index}@${staffDomain}`,
  supervisor: (unit: string) => `supervisor.${unit}@${staffDomain}`,
  handler: (unit: string, index: number) => `handler.${unit}.${index}@${staffDomain}`,
};
/**
 * Handlers per unit, sized to its share of the requests so that a handler holds ~40 open cases (the queue
 * the benchmark measures), at least 3: with 1,000,000 cases, ~40 in the parks office, 3 in the units that
 * only get transferred cases. (A flat 5 per unit would give a parks handler ~300 open cases.)
 */
const handlersPerMillionCases = 130;
const counterClerks = 4;
const secretariatStaff = 2;

export interface GenerateOptions {
  connectionString: string;
  cases: number;
  years?: number;
  /** The generated history ends here (default: the real time, as the app's clock sees it). */
  now?: Date;
  seed?: number;
  calendarRegion?: string;
  /** Keep the indexes and foreign keys in place during the load (slower; for comparison). */
  keepIndexes?: boolean;
  log?: (line: string) => void;
}

export interface GenerateResult {
  cases: number;
  events: number;
  extensions: number;
  seconds: number;
  phases: { name: string; seconds: number }[];
  byState: Record<string, number>;
  open: number;
  overdue: number;
  pausedOpen: number;
  indexMode: 'rebuild' | 'keep';
}

// ---------------------------------------------------------------------------------------------------------

export async function generateCases(options: GenerateOptions): Promise<GenerateResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const { phases, phase, elapsedMs, seconds: elapsedSeconds } = phaseTimer();
  const years = options.years ?? 5;
  const now = (options.now ?? new Date()).getTime();

  return withGeneratorDatabase(options, 'onewindow-bench-generate', async (database, client) => {
    const { db } = database;
    // A second run on the same database must not draw the same ids: the seed moves with what is there.
    const existing = await db.execute<{ count: number }>(sql`select count(*)::int as count from cases`);
    const random = createRandom((options.seed ?? 1) + (existing.rows[0]?.count ?? 0));
    const calendar = await loadWorkingCalendar(db, { region: options.calendarRegion ?? '64000' });
    const serviceRefs = await loadServices(db, random);
    const unitWeights = new Map<string, number>();
    for (const ref of serviceRefs)
      unitWeights.set(ref.unitCode, (unitWeights.get(ref.unitCode) ?? 0) + (serviceWeights[ref.code] ?? 3));
    const totalServiceWeight = [...unitWeights.values()].reduce((sum, weight) => sum + weight, 0);
    const handlersFor = (unitCode: string) =>
      Math.min(
        60,
        Math.max(
          3,
          Math.round(
            ((unitWeights.get(unitCode) ?? 0) / totalServiceWeight) *
              (options.cases / 1e6) *
              handlersPerMillionCases,
          ),
        ),
      );
    const staffByUnit = await ensureBenchStaff(db, random, handlersFor);
    const routing = (await loadRouting(db)).route;
    const districtRows = await db
      .select({ code: districts.code, nameZh: districts.nameZh })
      .from(districts)
      .where(eq(districts.countyCode, '64000'));
    if (districtRows.length === 0) throw new Error('no Kaohsiung districts in the districts table');
    const pickDistrict = weightedPicker(
      districtRows.map((row) => [row, districtWeights[row.nameZh] ?? 1] as const),
    );
    const pickService = weightedPicker(
      serviceRefs.map((ref) => [ref, serviceWeights[ref.code] ?? 3] as const),
    );
    const activeUnits = [...staffByUnit.keys()];
    const transferWeights: Record<string, number> = {
      'new-works': 3,
      secretariat: 1,
      'illegal-building': 1,
    };
    const pickTransferUnit = weightedPicker(
      activeUnits.map((code) => [code, transferWeights[code] ?? 2] as const),
    );
    const [clerks, secretaries] = await Promise.all([
      staffRefs(db, 'counter_clerk'),
      staffRefs(db, 'secretariat'),
    ]);
    const pickSurname = weightedPicker(surnames);
    phase('setup (migrate, seed, staff)');

    // ---- how many cases each day: growing ~16 % a year, a tenth on days off, some noise
    const lastDay = dayNumberOf(now);
    const firstDay = dayNumberOf(now - years * 365.25 * DAY);
    const isWorking = workingDayTable(calendar, firstDay - 10, lastDay + 800);
    const weights: number[] = [];
    for (let day = firstDay; day <= lastDay; day += 1) {
      const age = (day - firstDay) / (lastDay - firstDay + 1);
      let weight = Math.exp(Math.log(2.1) * age) * (isWorking(day) ? 1 : 0.12) * random.between(0.85, 1.15);
      if (day === lastDay) weight *= Math.max(0.05, (now - startOfDayNumber(day)) / DAY);
      weights.push(weight);
    }
    const perDay = spreadOverDays(options.cases, weights);

    // ---- one transaction for everything
    await beginBulkLoad(client, '1GB');
    const dropped = options.keepIndexes
      ? null
      : await dropIndexesForLoad(client, {
          indexesOf: ['cases', 'case_events'],
          foreignKeysOf: ['cases', 'case_events', 'case_extensions'],
        });
    const numbering = await readCaseNumbering(client);
    let nextEventId = numbering.nextEventId;
    phase(options.keepIndexes ? 'prepare (indexes kept)' : 'prepare (drop indexes and foreign keys)');

    // ---- generate and copy, batch by batch; the next batch is generated while the last one is copied
    const counters = new Map<string, number>();
    const byState: Record<string, number> = {};
    let open = 0;
    let overdue = 0;
    let pausedOpen = 0;
    let totalCases = 0;
    let totalEvents = 0;
    let totalExtensions = 0;
    const recentByService = new Map<string, { id: string; caseNumber: string }[]>();
    const copier = copyAlongside(client, [
      ['cases', caseColumns],
      ['case_events', eventColumns],
      ['case_extensions', extensionColumns],
    ]);
    const [caseRows = [], eventRows = [], extensionRows = []] = copier.rows;
    let lastReport = 0;

    for (let dayIndex = 0; dayIndex < perDay.length; dayIndex += 1) {
      const day = firstDay + dayIndex;
      const count = perDay[dayIndex] ?? 0;
      const dayStart = startOfDayNumber(day);
      const working = isWorking(day);
      const drafts: { at: number; service: ServiceRef; channel: string }[] = [];
      for (let index = 0; index < count; index += 1) {
        const service = pickService(random);
        const channel = working ? service.pickChannel(random) : service.pickOffDayChannel(random);
        const officeOnly = channel === 'counter' || channel === 'phone';
        let at =
          officeOnly || random.chance(0.7)
            ? dayStart + 8 * HOUR + random.next() * 9.5 * HOUR
            : dayStart + random.next() * DAY;
        if (at > now - 60_000) at = dayStart + random.next() * Math.max(60_000, now - 60_000 - dayStart);
        drafts.push({ at, service, channel });
      }
      drafts.sort((left, right) => left.at - right.at);
      const localDate = localDateOf(day);
      let sequence = numbering.lastNumbers.get(localDate) ?? 0;
      for (const draft of drafts) {
        sequence += 1;
        const generated = generateCase({
          random,
          now,
          calendar,
          isWorking,
          receivedAt: draft.at,
          service: draft.service,
          channel: draft.channel,
          caseNumber: formatCaseNumber(localDate, sequence),
          pickDistrict,
          pickSurname,
          routing,
          staffByUnit,
          pickTransferUnit,
          clerks,
          secretaries,
          recentByService,
          nextEventId,
        });
        nextEventId += generated.events.length;
        caseRows.push(generated.caseRow);
        for (const event of generated.events) eventRows.push(event);
        for (const extension of generated.extensions) extensionRows.push(extension);
        totalCases += 1;
        totalEvents += generated.events.length;
        totalExtensions += generated.extensions.length;
        byState[generated.state] = (byState[generated.state] ?? 0) + 1;
        if (!finishedStates.has(generated.state)) {
          open += 1;
          if (generated.isOverdue) overdue += 1;
          if (generated.isPaused) pausedOpen += 1;
        }
      }
      if (count > 0) counters.set(localDate, sequence);
      await copier.afterDay(dayIndex === perDay.length - 1);
      if (totalCases - lastReport >= options.cases / 20 || dayIndex === perDay.length - 1) {
        lastReport = totalCases;
        const seconds = elapsedMs() / 1000;
        log(
          `  ${totalCases.toLocaleString('en')} / ${options.cases.toLocaleString('en')} cases (${Math.round((totalCases / options.cases) * 100)} %), ` +
            `${totalEvents.toLocaleString('en')} events, ${seconds.toFixed(0)} s, ${Math.round(totalCases / seconds).toLocaleString('en')} cases/s`,
        );
      }
    }
    await copier.finished();
    phase('generate and copy rows');

    await saveCaseNumbering(client, counters);
    if (dropped !== null) await rebuildIndexes(client, dropped, { phase, logEachIndex: log });
    await client.query('commit');
    await client.query('vacuum (analyze) cases, case_events, case_extensions, case_number_counters');
    phase('vacuum analyze');

    const seconds = elapsedSeconds();
    return {
      cases: totalCases,
      events: totalEvents,
      extensions: totalExtensions,
      seconds,
      phases,
      byState,
      open,
      overdue,
      pausedOpen,
      indexMode: options.keepIndexes ? 'keep' : 'rebuild',
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Reference data

async function loadServices(db: Database, random: Random): Promise<ServiceRef[]> {
  const rows = await db
    .select({
      code: serviceVersions.serviceCode,
      version: serviceVersions.version,
      kind: serviceVersions.kind,
      unitCode: serviceVersions.unitCode,
      nameZh: serviceVersions.nameZh,
      deadline: serviceVersions.deadline,
      checklist: serviceVersions.checklist,
      formFields: serviceVersions.formFields,
    })
    .from(services)
    .innerJoin(
      serviceVersions,
      sql`${serviceVersions.serviceCode} = ${services.code} and ${serviceVersions.version} = ${services.currentVersion}`,
    );
  if (rows.length === 0) throw new Error('no services in the catalogue (was the database seeded?)');
  return rows.map((row) => {
    const channels = channelsByKind[row.kind] ?? channelsByKind.petition ?? [];
    const offDay = channels.filter(([channel]) => channel !== 'counter' && channel !== 'phone');
    const checklist = (row.checklist as ChecklistItem[])
      .filter((item) => item.isElectronicallyVerifiable || item.isRequired)
      .map((item) => item.id);
    return {
      code: row.code,
      version: row.version,
      kind: row.kind,
      unitCode: row.unitCode,
      nameZh: row.nameZh,
      deadline: row.deadline,
      deadlineText: json(row.deadline),
      checklistText: json(checklist),
      formDataTexts: formDataVariants(row.formFields, random),
      descriptions: descriptionsByService[row.code] ?? [`${row.nameZh}，請協助辦理。`],
      pickChannel: weightedPicker(channels),
      pickOffDayChannel: weightedPicker(offDay.length > 0 ? offDay : [['web', 1]]),
    };
  });
}

/** Creates (once) the bench staff: per active unit a supervisor and its handlers; counter clerks; secretariat. */
async function ensureBenchStaff(
  db: Database,
  random: Random,
  handlersFor: (unitCode: string) => number,
): Promise<Map<string, UnitStaff>> {
  const activeUnits = await db.select({ code: units.code }).from(units).where(eq(units.isActive, true));
  const pickSurname = weightedPicker(surnames);
  const wanted: { email: string; role: string; unitCode: string | null }[] = [];
  for (let index = 1; index <= counterClerks; index += 1)
    wanted.push({ email: benchEmails.counterClerk(index), role: 'counter_clerk', unitCode: null });
  for (let index = 1; index <= secretariatStaff; index += 1)
    wanted.push({ email: benchEmails.secretariat(index), role: 'secretariat', unitCode: 'secretariat' });
  for (const unit of activeUnits) {
    wanted.push({ email: benchEmails.supervisor(unit.code), role: 'supervisor', unitCode: unit.code });
    for (let index = 1; index <= handlersFor(unit.code); index += 1)
      wanted.push({ email: benchEmails.handler(unit.code, index), role: 'handler', unitCode: unit.code });
  }
  await insertBenchStaff(db, wanted, () => personName(random, pickSurname));
  const rows = await db.execute<{
    id: string;
    email: string;
    display_name: string;
    role: string;
    unit_code: string | null;
  }>(
    sql`select id, email, display_name, role, unit_code from staff where email like ${`%@${staffDomain}`} and role in ('supervisor', 'handler') order by email`,
  );
  const byUnit = new Map<string, UnitStaff>();
  for (const unit of activeUnits) {
    const members = rows.rows.filter((row) => row.unit_code === unit.code);
    const supervisor = members.find((row) => row.role === 'supervisor');
    const handlers = members.filter((row) => row.role === 'handler');
    if (supervisor === undefined || handlers.length === 0) continue;
    byUnit.set(unit.code, {
      supervisor: { id: supervisor.id, name: supervisor.display_name },
      handlers: handlers.map((row) => ({ id: row.id, name: row.display_name })),
    });
  }
  return byUnit;
}

async function staffRefs(db: Database, role: string): Promise<StaffRef[]> {
  const rows = await db.execute<{ id: string; display_name: string }>(
    sql`select id, display_name from staff where role = ${role} and email like ${`%@${staffDomain}`} order by email`,
  );
  return rows.rows.map((row) => ({ id: row.id, name: row.display_name }));
}

// ---------------------------------------------------------------------------------------------------------
// Command line

export function describeResult(result: GenerateResult): string[] {
  const states = Object.entries(result.byState)
    .sort((left, right) => right[1] - left[1])
    .map(([state, count]) => `${state} ${count.toLocaleString('en')}`)
    .join(', ');
  return [
    `Generated ${result.cases.toLocaleString('en')} cases, ${result.events.toLocaleString('en')} timeline events and ${result.extensions.toLocaleString('en')} extensions in ${result.seconds} s.`,
    `States: ${states}.`,
    `Open ${result.open.toLocaleString('en')} (overdue ${result.overdue.toLocaleString('en')}, paused ${result.pausedOpen.toLocaleString('en')}).`,
    describePhases(result.phases),
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '1000000' },
      years: { type: 'string', default: '5' },
      'keep-indexes': { type: 'boolean', default: false },
      ...generatorOptions,
    },
  });
  const cases = Number(values.cases);
  if (!Number.isInteger(cases) || cases < 1) throw new Error('--cases must be a positive whole number');
  await runGenerator({
    connection: {
      databaseUrl: values['database-url'],
      dataDir: values['data-dir'],
      temporaryPrefix: 'onewindow-cases-',
    },
    resultFile: values['result-file'],
    announce: `Generating ${cases.toLocaleString('en')} cases …`,
    generate: (connectionString) =>
      generateCases({
        connectionString,
        cases,
        seed: Number(values.seed),
        years: Number(values.years),
        keepIndexes: values['keep-indexes'],
      }),
    describe: describeResult,
  });
}

runAsScript(import.meta.url, main);
