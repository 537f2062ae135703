import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { computeDeadline } from '../src/modules/cases/core/case-deadline.ts';
import { formatCaseNumber } from '../src/modules/cases/core/case-number.ts';
import type { StoredPause } from '../src/modules/cases/core/case-vocabulary.ts';
import { type CaseState, finishedStates } from '../src/modules/cases/core/workflows.ts';
import { services, serviceVersions } from '../src/modules/catalogue/catalogue-schema.ts';
import type { ChecklistItem, Deadline, FormField } from '../src/modules/catalogue/catalogue-schemas.ts';
import { loadWorkingCalendar } from '../src/platform/calendar/calendar-service.ts';
import type { WorkingCalendar } from '../src/platform/calendar/working-days.ts';
import type { Database } from '../src/platform/db/database.ts';
import { districts } from '../src/platform/geo/geo-schema.ts';
import { units } from '../src/platform/reference/reference-schema.ts';
import {
  copyField,
  copyRows,
  DAY,
  describePhases,
  dropIndexesForLoad,
  generatorConnection,
  HOUR,
  insertBenchStaff,
  nullField,
  openGeneratorDatabase,
  phaseTimer,
  rebuildIndexes,
  runAsScript,
  writeResultFile,
} from './bench-support.ts';
import {
  agencies,
  channelsByKind,
  companyKinds,
  companyWords,
  createRandom,
  descriptionsByService,
  districtWeights,
  emailDomains,
  extensionReasons,
  givenNameCharacters,
  type Random,
  rejectReasons,
  resolutions,
  serviceWeights,
  streets,
  supplementReasons,
  surnames,
  weightedPicker,
} from './case-fixtures.ts';

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
// COPY text format

const iso = (ms: number | null) => (ms === null ? nullField : new Date(ms).toISOString());
const json = (value: unknown) => copyField(JSON.stringify(value));

const caseColumns =
  'id, case_number, lookup_code, kind, channel, service_code, service_version, unit_code, handler_id, state, version, ' +
  'applicant_type, applicant_name, applicant_company, applicant_phone, applicant_email, applicant_address, applicant_lang, ' +
  'consent_at, subject, description, form_data, checklist_received, district_code, address, latitude, longitude, ' +
  'received_at, deadline_rule, pauses, extension_amount, due_at, at_risk_at, expected_completion_date, resolution, ' +
  'resolved_at, closed_at, forwarded_to, merged_into_id, created_at, updated_at';
const eventColumns =
  'id, case_id, occurred_at, kind, from_state, to_state, actor_staff_id, actor_label, public_note, internal_note, data';
const extensionColumns =
  'id, case_id, amount, reason, requested_by, requested_at, state, decided_by, decided_at, decision_note';

// ---------------------------------------------------------------------------------------------------------
// Time

const TAIPEI = 8 * HOUR;
const dayNumberOf = (ms: number) => Math.floor((ms + TAIPEI) / DAY);
const startOfDayNumber = (dayNumber: number) => dayNumber * DAY - TAIPEI;
const localDateOf = (dayNumber: number) => new Date(dayNumber * DAY).toISOString().slice(0, 10);

/** Working days by Taipei day number, from the calendar (weekdays beyond its last year). */
function workingDayTable(
  calendar: WorkingCalendar,
  fromDay: number,
  toDay: number,
): (day: number) => boolean {
  const table = new Uint8Array(toDay - fromDay + 1);
  for (let day = fromDay; day <= toDay; day += 1) {
    let working: boolean;
    try {
      working = calendar.isWorkingDay(localDateOf(day) as Parameters<WorkingCalendar['isWorkingDay']>[0]);
    } catch {
      const weekday = new Date(day * DAY).getUTCDay();
      working = weekday !== 0 && weekday !== 6;
    }
    table[day - fromDay] = working ? 1 : 0;
  }
  return (day) => {
    const index = day - fromDay;
    if (index < 0 || index >= table.length) {
      const weekday = new Date(day * DAY).getUTCDay();
      return weekday !== 0 && weekday !== 6;
    }
    return table[index] === 1;
  };
}

// ---------------------------------------------------------------------------------------------------------
// Reference data as the generator needs it

interface StaffRef {
  id: string;
  name: string;
}

interface UnitStaff {
  supervisor: StaffRef;
  handlers: StaffRef[];
}

interface ServiceRef {
  code: string;
  version: number;
  kind: string;
  unitCode: string;
  nameZh: string;
  deadline: Deadline;
  deadlineText: string;
  checklistText: string;
  formDataTexts: string[];
  descriptions: readonly string[];
  pickChannel: (random: Random) => string;
  /** Channels that work on a day off (no counter, no phone line). */
  pickOffDayChannel: (random: Random) => string;
}

function personName(random: Random, pickSurname: (random: Random) => string): string {
  const given = random.chance(0.08)
    ? random.pick(givenNameCharacters)
    : random.pick(givenNameCharacters) + random.pick(givenNameCharacters);
  return pickSurname(random) + given;
}

function formDataVariants(fields: readonly FormField[], random: Random): string[] {
  const variants: string[] = [];
  for (let variant = 0; variant < 6; variant += 1) {
    const data: Record<string, string> = {};
    for (const formField of fields) {
      if (formField.type === 'file' || formField.type === 'location') continue;
      if (!formField.isRequired && random.chance(0.5)) continue;
      if (formField.type === 'choice') data[formField.id] = random.pick(formField.options).value;
      else if (formField.type === 'number') data[formField.id] = String(random.int(1, 400));
      else if (formField.type === 'date')
        data[formField.id] = `20${random.int(22, 26)}-0${random.int(1, 9)}-1${random.int(0, 9)}`;
      else data[formField.id] = formField.id.includes('name') ? '（同申請人）' : '詳如說明';
    }
    variants.push(json(data));
  }
  return variants;
}

// ---------------------------------------------------------------------------------------------------------

export async function generateCases(options: GenerateOptions): Promise<GenerateResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const { phases, phase, elapsedMs, seconds: elapsedSeconds } = phaseTimer();
  const years = options.years ?? 5;
  const now = (options.now ?? new Date()).getTime();

  const { database, client } = await openGeneratorDatabase(
    options.connectionString,
    'onewindow-bench-generate',
  );
  try {
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
    const routing = await loadRouting(db);
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
    const transferWeights: Record<string, number> = { 'new-works': 3, secretariat: 1, 'illegal-building': 1 };
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
    const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
    const perDay: number[] = [];
    let carried = 0;
    for (const weight of weights) {
      const exact = (options.cases * weight) / totalWeight + carried;
      const count = Math.floor(exact);
      carried = exact - count;
      perDay.push(count);
    }
    perDay[perDay.length - 1] =
      (perDay.at(-1) ?? 0) + (options.cases - perDay.reduce((sum, n) => sum + n, 0));

    // ---- one transaction for everything
    await client.connect();
    await client.query('begin');
    await client.query("set local maintenance_work_mem = '1GB'");
    await client.query('set local synchronous_commit = off');
    const dropped = options.keepIndexes
      ? null
      : await dropIndexesForLoad(client, {
          indexesOf: ['cases', 'case_events'],
          foreignKeysOf: ['cases', 'case_events', 'case_extensions'],
        });
    const existingCounters = new Map(
      (
        await client.query<{ day: string; last: number }>(
          "select to_char(day, 'YYYY-MM-DD') as day, last_number as last from case_number_counters",
        )
      ).rows.map((row) => [row.day, row.last]),
    );
    let nextEventId =
      Number(
        (await client.query<{ max: string }>('select coalesce(max(id), 0)::text as max from case_events'))
          .rows[0]?.max,
      ) + 1;
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
    let caseRows: string[] = [];
    let eventRows: string[] = [];
    let extensionRows: string[] = [];
    let copying: Promise<void> = Promise.resolve();
    let lastReport = 0;

    const flush = async () => {
      const batch = { caseRows, eventRows, extensionRows };
      caseRows = [];
      eventRows = [];
      extensionRows = [];
      await copying;
      copying = (async () => {
        await copyRows(client, 'cases', caseColumns, batch.caseRows);
        await copyRows(client, 'case_events', eventColumns, batch.eventRows);
        await copyRows(client, 'case_extensions', extensionColumns, batch.extensionRows);
      })();
      // An error surfaces at the next await of `copying`; keep it from being unhandled meanwhile.
      copying.catch(() => {});
    };

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
      let sequence = existingCounters.get(localDate) ?? 0;
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
      if (caseRows.length >= 10_000 || dayIndex === perDay.length - 1) await flush();
      // Let the socket drain while the next day is generated.
      else await new Promise((resolve) => setImmediate(resolve));
      if (totalCases - lastReport >= options.cases / 20 || dayIndex === perDay.length - 1) {
        lastReport = totalCases;
        const seconds = elapsedMs() / 1000;
        log(
          `  ${totalCases.toLocaleString('en')} / ${options.cases.toLocaleString('en')} cases (${Math.round((totalCases / options.cases) * 100)} %), ` +
            `${totalEvents.toLocaleString('en')} events, ${seconds.toFixed(0)} s, ${Math.round(totalCases / seconds).toLocaleString('en')} cases/s`,
        );
      }
    }
    await copying;
    phase('generate and copy rows');

    const days = [...counters.keys()];
    await client.query(
      `insert into case_number_counters (day, last_number)
       select * from unnest($1::date[], $2::int[])
       on conflict (day) do update set last_number = greatest(case_number_counters.last_number, excluded.last_number)`,
      [days, days.map((day) => counters.get(day) ?? 0)],
    );
    await client.query(
      "select setval(pg_get_serial_sequence('case_events', 'id'), (select coalesce(max(id), 1) from case_events))",
    );
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
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
    await database.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// One case's life

interface CaseInput {
  random: Random;
  now: number;
  calendar: WorkingCalendar;
  isWorking: (day: number) => boolean;
  receivedAt: number;
  service: ServiceRef;
  channel: string;
  caseNumber: string;
  pickDistrict: (random: Random) => { code: string; nameZh: string };
  pickSurname: (random: Random) => string;
  routing: Routing;
  staffByUnit: Map<string, UnitStaff>;
  pickTransferUnit: (random: Random) => string;
  clerks: StaffRef[];
  secretaries: StaffRef[];
  recentByService: Map<string, { id: string; caseNumber: string }[]>;
  nextEventId: number;
}

type Actor = StaffRef | 'applicant' | 'system';

interface PlannedEvent {
  at: number;
  kind: string;
  to: CaseState | null;
  actor: Actor;
  publicNote?: string | null;
  internalNote?: string | null;
  data?: Record<string, unknown>;
  /** Applied when the event has happened (before `now`). */
  apply?: (life: Life) => void;
}

interface Life {
  state: CaseState;
  unitCode: string;
  handler: StaffRef | null;
  pauses: StoredPause[];
  extensionAmount: number;
  resolution: string | null;
  resolvedAt: number | null;
  closedAt: number | null;
  forwardedTo: string | null;
  mergedIntoId: string | null;
}

function closeOpenPause(pauses: StoredPause[], at: number): StoredPause[] {
  return pauses.map((pause) =>
    pause.to === null ? { from: pause.from, to: new Date(at).toISOString() } : pause,
  );
}

function generateCase(input: CaseInput) {
  const { random, now, calendar, service } = input;
  const id = random.uuid();
  const receivedAt = input.receivedAt;
  const district = input.pickDistrict(random);
  const initialUnit = input.routing(service.code, district.code) ?? service.unitCode;
  const rule = service.deadline;
  const isHourly = rule.kind === 'hours';
  const baseDue =
    computeDeadline(calendar, {
      receivedAt: new Date(receivedAt),
      deadlineRule: rule,
      pauses: [],
      extensionAmount: 0,
    }).dueAt?.getTime() ?? receivedAt + 7 * DAY;
  const span = Math.max(HOUR, baseDue - receivedAt);

  /** Staff act on working days in office hours; hour-based (hazard) services run round the clock. */
  const snap = (at: number): number => {
    if (isHourly) return at;
    const day = dayNumberOf(at);
    const inDay = at - startOfDayNumber(day);
    if (input.isWorking(day) && inDay >= 8 * HOUR && inDay <= 17.5 * HOUR) return at;
    if (input.isWorking(day) && inDay < 8 * HOUR)
      return startOfDayNumber(day) + 8 * HOUR + random.next() * 0.75 * HOUR;
    let next = day + 1;
    while (!input.isWorking(next)) next += 1;
    return startOfDayNumber(next) + 8 * HOUR + random.next() * 1.5 * HOUR;
  };
  let at = receivedAt;
  /** The next moment something happens: `fraction` of the deadline's span later, at least minutes later. */
  const later = (fraction: number) => {
    at = Math.max(at + 5 * 60_000 + random.next() * 20 * 60_000, snap(at + fraction * span));
    return at;
  };
  const laterBy = (milliseconds: number) => {
    at = Math.max(at + 5 * 60_000, snap(at + milliseconds));
    return at;
  };

  let unitCode = initialUnit;
  const unitStaff = (code: string) => input.staffByUnit.get(code) as UnitStaff;
  let handler: StaffRef | null = null;
  const pickHandler = () => random.pick(unitStaff(unitCode).handlers);
  const intakeActor: Actor =
    input.channel === 'web'
      ? 'applicant'
      : input.channel === 'api'
        ? 'system'
        : input.channel === 'counter' || input.channel === 'phone'
          ? random.pick(input.clerks)
          : random.pick(input.secretaries);

  const events: PlannedEvent[] = [
    {
      at: receivedAt,
      kind: 'created',
      to: 'received',
      actor: intakeActor,
      data: { channel: input.channel, unitCode: initialUnit, serviceVersion: service.version },
    },
  ];
  const push = (event: PlannedEvent) => events.push(event);

  // 分文 again: 3 % go to another unit first.
  if (random.chance(0.03)) {
    const target = input.pickTransferUnit(random);
    if (target !== unitCode) {
      const from = unitCode;
      const reason = '非本單位權責，改分相關單位辦理。';
      push({
        at: later(random.between(0.02, 0.1)),
        kind: 'transfer',
        to: 'received',
        actor: unitStaff(from).supervisor,
        publicNote: reason,
        data: { fromUnit: from, toUnit: target },
        apply: (life) => {
          life.unitCode = target;
          life.handler = null;
        },
      });
      unitCode = target;
    }
  }
  const accept = () => {
    handler ??= pickHandler();
    const who = handler;
    push({
      at: later(random.between(0.03, 0.15)),
      kind: 'accept',
      to: 'accepted',
      actor: who,
      apply: (life) => {
        life.handler = who;
      },
    });
  };
  const finishWith = (
    kind: string,
    to: CaseState,
    actor: Actor,
    extra: Partial<PlannedEvent>,
    apply?: (life: Life) => void,
  ) => {
    push({
      at: later(random.between(0.05, 0.4)),
      kind,
      to,
      actor,
      ...extra,
      ...(apply === undefined ? {} : { apply }),
    });
  };

  const outcome = random.next();
  if (outcome < 0.015) {
    // 併案: a duplicate of a recent case of the same service.
    const recent = input.recentByService.get(service.code) ?? [];
    const target = recent.length > 0 ? random.pick(recent) : null;
    if (target !== null) {
      if (random.chance(0.5)) accept();
      const actor = handler ?? unitStaff(unitCode).supervisor;
      finishWith('merge', 'merged', actor, { data: { mergedInto: target.caseNumber } }, (life) => {
        life.mergedIntoId = target.id;
      });
      const mergeAt = at;
      push({
        at: mergeAt,
        kind: 'note',
        to: null,
        actor,
        internalNote: `併案：${input.caseNumber}`,
        data: { mergedFrom: input.caseNumber },
        // Written on the target case's timeline (below).
      });
      (events.at(-1) as PlannedEvent & { caseId?: string }).caseId = target.id;
    } else {
      accept();
      finishWith('reject', 'rejected', handler ?? pickHandler(), { publicNote: random.pick(rejectReasons) });
    }
  } else if (outcome < 0.035) {
    if (random.chance(0.4)) accept();
    const agency = random.pick(agencies);
    finishWith(
      'forward',
      'forwarded',
      handler ?? unitStaff(unitCode).supervisor,
      { publicNote: `本案非屬本局權責，已移請${agency}處理。`, data: { agency } },
      (life) => {
        life.forwardedTo = agency;
      },
    );
  } else if (outcome < 0.06) {
    if (random.chance(0.6)) accept();
    finishWith('reject', 'rejected', handler ?? unitStaff(unitCode).supervisor, {
      publicNote: random.pick(rejectReasons),
    });
  } else if (outcome < 0.075) {
    if (random.chance(0.5)) accept();
    finishWith('withdraw', 'withdrawn', 'applicant', {});
  } else {
    // The usual path: (assigned) → accepted → in progress → (supplement) → (extension) → resolved → closed.
    if (random.chance(0.35)) {
      handler = pickHandler();
      const who = handler;
      push({
        at: later(random.between(0.01, 0.06)),
        kind: 'assigned',
        to: null,
        actor: unitStaff(unitCode).supervisor,
        data: { handlerId: who.id, handlerName: who.name, previousHandlerId: null },
        apply: (life) => {
          life.handler = who;
        },
      });
    }
    accept();
    push({
      at: later(random.between(0.02, 0.12)),
      kind: 'start',
      to: 'in_progress',
      actor: handler as StaffRef,
    });
    let pausedFor = 0;
    let gaveUp = false;
    if (!isHourly && random.chance(0.1)) {
      const reason = random.pick(supplementReasons);
      const askedAt = later(random.between(0.05, 0.2));
      push({
        at: askedAt,
        kind: 'request_supplement',
        to: 'awaiting_supplement',
        actor: handler as StaffRef,
        publicNote: reason,
        apply: (life) => {
          life.pauses = [...life.pauses, { from: new Date(askedAt).toISOString(), to: null }];
        },
      });
      const wait = random.exponential(7 * DAY);
      if (wait > 30 * DAY) {
        gaveUp = true;
        const rejectedAt = laterBy(30 * DAY);
        push({
          at: rejectedAt,
          kind: 'reject',
          to: 'rejected',
          actor: handler as StaffRef,
          publicNote: '逾期未補正，依規定不予受理。',
          apply: (life) => {
            life.pauses = closeOpenPause(life.pauses, rejectedAt);
            life.closedAt = rejectedAt;
          },
        });
      } else {
        const backAt = laterBy(wait);
        pausedFor = backAt - askedAt;
        push({
          at: backAt,
          kind: 'supplement_received',
          to: 'in_progress',
          actor: random.chance(0.3) ? random.pick(input.clerks) : (handler as StaffRef),
          apply: (life) => {
            life.pauses = closeOpenPause(life.pauses, backAt);
          },
        });
      }
    }
    if (!gaveUp) {
      // When the answer is written, as a share of the time allowed: most well within, some late, a few stuck.
      const kind = random.next();
      const share =
        kind < 0.86
          ? random.between(0.1, 0.8)
          : kind < 0.98
            ? random.between(0.8, 1.4)
            : 1.2 + random.exponential(isHourly ? 30 : 4);
      if (share > 0.9 && random.chance(0.45)) {
        const amount = Math.max(2, Math.ceil((rule.kind === 'hours' ? rule.hours : rule.days) / 2));
        const extensionId = random.uuid();
        const reason = random.pick(extensionReasons);
        const requester = handler as StaffRef;
        const requestedAt = Math.max(at + 5 * 60_000, snap(receivedAt + pausedFor + 0.7 * span));
        at = requestedAt;
        push({
          at: requestedAt,
          kind: 'extension_requested',
          to: null,
          actor: requester,
          internalNote: reason,
          data: { extensionId, amount },
        });
        const approved = random.chance(0.9);
        const supervisor = unitStaff(unitCode).supervisor;
        const decidedAt = laterBy(random.between(0.1, 1) * DAY);
        push({
          at: decidedAt,
          kind: approved ? 'extension_approved' : 'extension_refused',
          to: null,
          actor: supervisor,
          publicNote: approved ? reason : null,
          data: { extensionId, amount },
          apply: (life) => {
            if (approved) life.extensionAmount += amount;
          },
        });
        (events.at(-2) as PlannedEvent & { extension?: unknown }).extension = {
          extensionId,
          amount,
          reason,
          requester,
          requestedAt,
          approved,
          supervisor,
          decidedAt,
        };
      }
      const resolvedAt = Math.max(at + 10 * 60_000, snap(receivedAt + pausedFor + share * span));
      at = resolvedAt;
      const resolution = random.pick(resolutions);
      /** The handler answers at `when`: the deadline stops from then. */
      const resolveAt = (when: number) =>
        push({
          at: when,
          kind: 'resolve',
          to: 'resolved',
          actor: handler as StaffRef,
          apply: (life) => {
            life.resolution = resolution;
            life.resolvedAt = when;
            life.pauses = [...life.pauses, { from: new Date(when).toISOString(), to: null }];
          },
        });
      const closeAt = (when: number) =>
        push({
          at: when,
          kind: 'close',
          to: 'closed',
          actor: handler as StaffRef,
          apply: (life) => {
            life.closedAt = when;
          },
        });
      resolveAt(resolvedAt);
      closeAt(laterBy(random.exponential(0.6 * DAY)));
      if (random.chance(0.004)) {
        const reopenedAt = laterBy(random.between(1, 10) * DAY);
        push({
          at: reopenedAt,
          kind: 'reopen',
          to: 'in_progress',
          actor: 'applicant',
          publicNote: '問題仍未改善，請再處理。',
          apply: (life) => {
            life.closedAt = null;
            life.resolvedAt = null;
            life.resolution = null;
            life.pauses = closeOpenPause(life.pauses, reopenedAt);
          },
        });
        resolveAt(laterBy(random.between(0.2, 0.8) * span));
        closeAt(laterBy(random.exponential(0.5 * DAY)));
      }
    }
  }

  // ---- what has happened by now
  const life: Life = {
    state: 'received',
    unitCode: initialUnit,
    handler: null,
    pauses: [],
    extensionAmount: 0,
    resolution: null,
    resolvedAt: null,
    closedAt: null,
    forwardedTo: null,
    mergedIntoId: null,
  };
  const eventRows: string[] = [];
  const extensionRows: string[] = [];
  let version = 1;
  let updatedAt = receivedAt;
  let eventId = input.nextEventId;
  for (const event of events) {
    if (event.at > now) break;
    const previous = life.state;
    event.apply?.(life);
    if (
      event.kind === 'merge' ||
      event.kind === 'forward' ||
      event.kind === 'reject' ||
      event.kind === 'withdraw'
    ) {
      life.closedAt = event.at;
      life.pauses = closeOpenPause(life.pauses, event.at);
    }
    if (event.to !== null) life.state = event.to;
    if (event.kind !== 'created' && event.kind !== 'note') version += 1;
    if (event.kind !== 'note') updatedAt = event.at;
    const actor = event.actor;
    const isStaff = typeof actor === 'object';
    const data =
      event.kind === 'extension_approved' || event.kind === 'extension_refused'
        ? { ...event.data, expectedCompletionDate: null as string | null }
        : (event.data ?? {});
    if ('expectedCompletionDate' in data) {
      const deadline = computeDeadline(calendar, {
        receivedAt: new Date(receivedAt),
        deadlineRule: rule,
        pauses: life.pauses.filter((pause) => pause.to !== null),
        extensionAmount: life.extensionAmount,
      });
      data.expectedCompletionDate = deadline.expectedCompletionDate;
    }
    const target = (event as PlannedEvent & { caseId?: string }).caseId ?? id;
    eventRows.push(
      `${eventId}\t${target}\t${iso(event.at)}\t${event.kind}\t${event.kind === 'created' || event.to === null ? nullField : previous}\t${event.to ?? nullField}\t${isStaff ? actor.id : nullField}\t${copyField(isStaff ? actor.name : actor)}\t${copyField(event.publicNote ?? null)}\t${copyField(event.internalNote ?? null)}\t${json(data)}\n`,
    );
    eventId += 1;
    const extension = (event as PlannedEvent & { extension?: ExtensionPlan }).extension;
    if (extension !== undefined) {
      const decided = extension.decidedAt <= now;
      extensionRows.push(
        `${extension.extensionId}\t${id}\t${extension.amount}\t${copyField(extension.reason)}\t${extension.requester.id}\t${iso(extension.requestedAt)}\t${decided ? (extension.approved ? 'approved' : 'refused') : 'pending'}\t${decided ? extension.supervisor.id : nullField}\t${decided ? iso(extension.decidedAt) : nullField}\t${nullField}\n`,
      );
    }
  }

  // ---- the deadline fields, as the app leaves them after the last transition
  const state = life.state;
  const isFinished = finishedStates.has(state);
  const running = computeDeadline(calendar, {
    receivedAt: new Date(receivedAt),
    deadlineRule: rule,
    pauses: life.pauses.filter((pause) => pause.to !== null),
    extensionAmount: life.extensionAmount,
  });
  const current = isFinished
    ? { dueAt: null, atRiskAt: null, expectedCompletionDate: null }
    : computeDeadline(calendar, {
        receivedAt: new Date(receivedAt),
        deadlineRule: rule,
        pauses: life.pauses,
        extensionAmount: life.extensionAmount,
      });
  const expected = current.expectedCompletionDate ?? running.expectedCompletionDate;
  const dueAt = current.dueAt?.getTime() ?? null;
  const isOverdue = dueAt !== null && dueAt < now;
  const isPaused = !isFinished && dueAt === null;

  // ---- the applicant
  const isCompany = service.kind === 'application' ? random.chance(0.45) : random.chance(0.04);
  const applicantName = personName(random, input.pickSurname);
  const company = isCompany
    ? `${random.pick(companyWords)}${random.pick(companyWords)}${random.pick(companyKinds)}`
    : null;
  const hasPhone = random.chance(0.93);
  const phone = hasPhone
    ? random.chance(0.85)
      ? `09${random.int(10, 89)}${String(random.int(0, 999_999)).padStart(6, '0')}`
      : `07${random.int(2, 8)}${String(random.int(0, 999_999)).padStart(6, '0')}`
    : null;
  const email =
    !hasPhone || random.chance(0.35) ? `user${random.int(1000, 999_999)}@${random.pick(emailDomains)}` : null;
  const lang = random.chance(0.02) ? 'en' : 'zh-TW';
  const address = `高雄市${district.nameZh}${random.pick(streets)}${random.int(1, 400)}號`;
  const applicantAddress = random.chance(0.6)
    ? `高雄市${input.pickDistrict(random).nameZh}${random.pick(streets)}${random.int(1, 400)}號`
    : null;
  const description = `${address}：${random.pick(service.descriptions)}`;
  const subject = random.chance(0.7) ? service.nameZh : `${service.nameZh}（${district.nameZh}）`;
  const lookupCode = lookupCodeFrom(random);

  const caseRow =
    `${id}\t${input.caseNumber}\t${lookupCode}\t${service.kind}\t${input.channel}\t${service.code}\t${service.version}\t${life.unitCode}\t${life.handler?.id ?? nullField}\t${state}\t${version}\t` +
    `${isCompany ? 'company' : 'person'}\t${copyField(applicantName)}\t${copyField(company)}\t${phone ?? nullField}\t${email ?? nullField}\t${copyField(applicantAddress)}\t${lang}\t` +
    `${iso(receivedAt)}\t${copyField(subject)}\t${copyField(description)}\t${random.pick(service.formDataTexts)}\t${service.checklistText}\t${district.code}\t${copyField(address)}\t${nullField}\t${nullField}\t` +
    `${iso(receivedAt)}\t${service.deadlineText}\t${json(life.pauses)}\t${life.extensionAmount}\t${iso(dueAt)}\t${iso(current.atRiskAt?.getTime() ?? null)}\t${expected ?? nullField}\t${copyField(life.resolution)}\t` +
    `${iso(life.resolvedAt)}\t${iso(life.closedAt)}\t${copyField(life.forwardedTo)}\t${life.mergedIntoId ?? nullField}\t${iso(receivedAt)}\t${iso(updatedAt)}\n`;

  // Remember a few recent cases per service as merge targets.
  let recent = input.recentByService.get(service.code);
  if (recent === undefined) {
    recent = [];
    input.recentByService.set(service.code, recent);
  }
  recent.push({ id, caseNumber: input.caseNumber });
  if (recent.length > 64) recent.shift();

  return { caseRow, events: eventRows, extensions: extensionRows, state, isOverdue, isPaused };
}

interface ExtensionPlan {
  extensionId: string;
  amount: number;
  reason: string;
  requester: StaffRef;
  requestedAt: number;
  approved: boolean;
  supervisor: StaffRef;
  decidedAt: number;
}

const lookupAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
function lookupCodeFrom(random: Random): string {
  let code = '';
  for (let index = 0; index < 8; index += 1)
    code += lookupAlphabet[Math.floor(random.next() * lookupAlphabet.length)];
  return code;
}

// ---------------------------------------------------------------------------------------------------------
// Reference data

type Routing = (serviceCode: string, districtCode: string) => string | null;

async function loadRouting(db: Database): Promise<Routing> {
  const rows = await db.execute<{ service_code: string; district_code: string | null; unit_code: string }>(
    sql`select service_code, district_code, unit_code from routing_rules`,
  );
  const rules = new Map<string, string>();
  for (const row of rows.rows) rules.set(`${row.service_code}/${row.district_code ?? '*'}`, row.unit_code);
  return (serviceCode, districtCode) =>
    rules.get(`${serviceCode}/${districtCode}`) ?? rules.get(`${serviceCode}/*`) ?? null;
}

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
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      seed: { type: 'string', default: '1' },
      years: { type: 'string', default: '5' },
      'keep-indexes': { type: 'boolean', default: false },
      /** Also write the result as JSON here (bench/run.ts reads it). */
      'result-file': { type: 'string' },
    },
  });
  const cases = Number(values.cases);
  if (!Number.isInteger(cases) || cases < 1) throw new Error('--cases must be a positive whole number');
  const { connectionString, stop } = await generatorConnection({
    databaseUrl: values['database-url'],
    dataDir: values['data-dir'],
    temporaryPrefix: 'onewindow-cases-',
  });
  try {
    process.stdout.write(`Generating ${cases.toLocaleString('en')} cases …\n`);
    const result = await generateCases({
      connectionString,
      cases,
      seed: Number(values.seed),
      years: Number(values.years),
      keepIndexes: values['keep-indexes'],
    });
    for (const line of describeResult(result)) process.stdout.write(`${line}\n`);
    await writeResultFile(values['result-file'], result);
  } finally {
    await stop();
  }
}

runAsScript(import.meta.url, main);
