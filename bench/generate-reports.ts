/**
 * `npm run bench:generate-reports -- [--reports 1000000] [--days 730] [--data-dir DIR | --database-url URL
 *  --files-dir DIR] [--seed 1] [--result-file FILE]`
 *
 * Fills a OneWindow database for the photo-report benchmark (issue 10): `--reports` field reports (cases of
 * kind `field_report`) over the last `--days`, more of them lately (the service grows ~80 % over two years),
 * in the catalogue's field-report categories (potholes, street lights, parks, sidewalks, trees) and routed
 * to their units, each with:
 *   - a point in Kaohsiung's urban districts, clustered around 400 hotspots (a busy junction, a park) so the
 *     nearby-duplicate look-up finds neighbours, with the hotspot's district and village;
 *   - a life along the field-report workflow drawn forward from its receipt and cut at now: dispatched to a
 *     crew, fixed, closed a week later (some reopened by the reporter, some rejected, forwarded, merged into
 *     an earlier report nearby or withdrawn, a few stuck in the backlog) — so older reports are finished and
 *     the last days' are open; deadline fields from the real working calendar (`computeDeadline`);
 *   - its timeline (created and every transition), its `field_reports` row (95 % on the public map),
 *   - photos on ~70 % (a crew's after-photo on ~40 % of the fixed ones), every one referring to the same
 *     three stored files: one photo-like JPEG made here with sharp, its public copy and thumbnail, written to
 *     the file store (`<data dir>/files`, as the app reads it) and listed in `stored_files`.
 * Crews: four handlers per unit (`crew.UNIT.N@bench.example.org`, password benchPassword).
 *
 * Speed: one transaction; rows generated here and sent with COPY (pg-copy-streams) while the next batch is
 * generated, with the non-unique indexes and foreign keys of the four tables dropped and rebuilt from their
 * own definitions at the end, then VACUUM ANALYZE. Without --database-url it starts an embedded PostgreSQL in
 * --data-dir (default: a new temporary folder). The app must not be running on that database meanwhile.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { computeDeadline } from '../src/modules/cases/core/case-deadline.ts';
import { formatCaseNumber } from '../src/modules/cases/core/case-number.ts';
import { workflowOf } from '../src/modules/cases/core/workflows.ts';
import type { Deadline, FormField } from '../src/modules/catalogue/catalogue-schemas.ts';
import { loadWorkingCalendar } from '../src/platform/calendar/calendar-service.ts';
import type { Database } from '../src/platform/db/database.ts';
import { createFilesystemStore } from '../src/platform/files/file-store.ts';
import { loadKaohsiungGeography } from '../src/platform/geo/geo-data.ts';
import { createLocator, type Locator } from '../src/platform/geo/locate.ts';
import {
  beginBulkLoad,
  copyAlongside,
  copyField,
  DAY,
  describePhases,
  dropIndexesForLoad,
  generatorOptions,
  HOUR,
  insertBenchStaff,
  loadRouting,
  nullField,
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
  agencies,
  createRandom,
  descriptionsByService,
  emailDomains,
  type Random,
  rejectReasons,
  resolutions,
  serviceWeights,
  streets,
  surnames,
  weightedPicker,
} from './case-fixtures.ts';
import {
  caseColumns,
  dayNumberOf,
  eventColumns,
  formDataVariants,
  iso,
  json,
  localDateOf,
  lookupCodeFrom,
  personName,
  startOfDayNumber,
} from './case-life.ts';
import { photoLikeJpeg } from './photo-fixtures.ts';

export interface ReportsGenerateOptions {
  connectionString: string;
  /** The file store's folder, as the app will read it (DATA_DIR/files). */
  filesDir: string;
  reports: number;
  days?: number;
  /** The generated history ends here (default: now). */
  now?: Date;
  seed?: number;
  log?: (line: string) => void;
}

export interface ReportsGenerateResult {
  reports: number;
  days: number;
  events: number;
  photos: number;
  published: number;
  open: number;
  byState: Record<string, number>;
  byService: Record<string, number>;
  /** The hotspots' centres, [lat, lon]: the bench draws its look-up and submission points around them. */
  hotspots: [number, number][];
  /** The three stored files every photo row refers to. */
  photoFiles: { original: string; public: string; thumb: string; originalBytes: number };
  seconds: number;
  phases: { name: string; seconds: number }[];
}

/** Kaohsiung's urban districts (Gushan to Xiaogang, Zuoying to Fengshan): where the hotspots are drawn. */
export const urbanBox = { minLat: 22.55, maxLat: 22.78, minLon: 120.25, maxLon: 120.42 };
const hotspotCount = 400;
/** How far a report lies from its hotspot (a normal spread per axis), and the share not near any. */
export const hotspotSpreadMetres = 50;
const scatteredShare = 0.1;
const metresPerDegreeLat = 111_320;

const crewsPerUnit = 4;
export const crewEmail = (unit: string, index: number) => `crew.${unit}.${index}@bench.example.org`;

const fieldReportColumns =
  'case_id, village_code, show_name, published_at, confirm_token_hash, client_name, open311_token';
const photoColumns =
  'id, case_id, role, position, original_sha256, original_media_type, public_sha256, thumb_sha256, width, height, added_at, added_by_staff_id, hidden_at, hidden_reason, hidden_by_staff_id';

/** How reports come in: the app's own form, Open311 clients (the 1999 app), and the older channels. */
const channelWeights: readonly (readonly [string, number])[] = [
  ['web', 50],
  ['api', 30],
  ['hotline_1999', 10],
  ['phone', 5],
  ['email', 3],
  ['counter', 2],
];
const open311Client = 'kaohsiung-1999-app';
const reopenReasons = ['現場仍未修復，坑洞又出現。', '路燈修好隔天又不亮。', '只做了警示，尚未修補。'];
const hideReasons = ['照片含可辨識人臉', '照片含車牌號碼'];

interface ServiceInfo {
  code: string;
  version: number;
  unitCode: string;
  nameZh: string;
  deadline: Deadline;
  deadlineText: string;
  formDataTexts: string[];
  descriptions: readonly string[];
}

interface Hotspot {
  lat: number;
  lon: number;
  districtCode: string;
  districtNameZh: string;
  villageCode: string | null;
}

interface Crew {
  id: string;
  name: string;
}

/** One transition of a report's drawn life. */
interface Step {
  at: number;
  kind: 'dispatch' | 'mark_fixed' | 'close' | 'reopen' | 'reject' | 'forward' | 'merge' | 'withdraw';
  to: string;
}

/** A normal deviate (Box–Muller). */
function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

/** The hex digits of a random 128-bit value (tokens, hashes of tokens: unique, never read back). */
function randomHex(random: Random, uuids: number): string {
  let hex = '';
  for (let index = 0; index < uuids; index += 1) hex += random.uuid().replaceAll('-', '');
  return hex;
}

export async function generateReports(options: ReportsGenerateOptions): Promise<ReportsGenerateResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const { phases, phase, elapsedMs, seconds: elapsedSeconds } = phaseTimer(log);
  const days = options.days ?? 730;
  const now = (options.now ?? new Date()).getTime();
  const random = createRandom(options.seed ?? 1);
  const pickSurname = weightedPicker(surnames);

  return withGeneratorDatabase(options, 'onewindow-bench-reports', async (database, client) => {
    const { db } = database;
    const existing = await db.execute<{ count: number }>(
      sql`select count(*)::int as count from cases where kind = 'field_report'`,
    );
    if ((existing.rows[0]?.count ?? 0) > 0) throw new Error('this database already holds field reports');
    const calendar = await loadWorkingCalendar(db, { region: '64000' });
    const services = await loadFieldReportServices(db, random);
    const routing = await loadRouting(db);
    const pickService = weightedPicker(
      services.map((service) => [service, serviceWeights[service.code] ?? 3]),
    );
    const locator = createLocator(loadKaohsiungGeography());
    const hotspots = drawHotspots(random, locator);
    const pickHotspot = weightedPicker(hotspots.map((hotspot) => [hotspot.spot, hotspot.weight]));
    const units = new Set(services.map((service) => service.unitCode));
    for (const unit of routing.targets) units.add(unit);
    const crews = await ensureCrews(db, [...units], random);
    const photoFiles = await storePhotoFiles(db, options.filesDir, now);
    const pickChannel = weightedPicker(channelWeights);
    const workflow = workflowOf('field_report');
    phase('setup (migrate, seed, crews, hotspots, photo files)');

    // ---- how many reports each day: growing ~80 % over the period, fewer at weekends, some noise
    const lastDay = dayNumberOf(now);
    const firstDay = lastDay - days + 1;
    const weights: number[] = [];
    for (let day = firstDay; day <= lastDay; day += 1) {
      const age = (day - firstDay) / days;
      const weekday = new Date(day * DAY).getUTCDay();
      let weight =
        Math.exp(Math.log(1.8) * age) *
        (weekday === 0 || weekday === 6 ? 0.8 : 1) *
        random.between(0.85, 1.15);
      if (day === lastDay) weight *= Math.max(0.05, (now - startOfDayNumber(day)) / DAY);
      weights.push(weight);
    }
    const perDay = spreadOverDays(options.reports, weights);

    // ---- one transaction for everything
    await beginBulkLoad(client, '1GB');
    const tables = ['cases', 'case_events', 'field_reports', 'report_photos'];
    const dropped = await dropIndexesForLoad(client, { indexesOf: tables, foreignKeysOf: tables });
    const numbering = await readCaseNumbering(client);
    let nextEventId = numbering.nextEventId;
    phase('prepare (drop indexes and foreign keys)');

    const result: ReportsGenerateResult = {
      reports: 0,
      days,
      events: 0,
      photos: 0,
      published: 0,
      open: 0,
      byState: {},
      byService: {},
      hotspots: hotspots.map(({ spot }) => [spot.lat, spot.lon]),
      photoFiles,
      seconds: 0,
      phases,
    };
    const counters = new Map<string, number>();
    /** The latest report per hotspot and category: what a later duplicate is merged into. */
    const latestAt = new Map<string, string>();
    const copier = copyAlongside(client, [
      ['cases', caseColumns],
      ['case_events', eventColumns],
      ['field_reports', fieldReportColumns],
      ['report_photos', photoColumns],
    ]);
    const [caseRows = [], eventRows = [], reportRows = [], photoRows = []] = copier.rows;
    let lastLog = 0;

    for (let dayIndex = 0; dayIndex < perDay.length; dayIndex += 1) {
      const day = firstDay + dayIndex;
      const count = perDay[dayIndex] ?? 0;
      const dayStart = startOfDayNumber(day);
      // Reports come in mostly between 06:00 and 23:00.
      const times: number[] = [];
      for (let index = 0; index < count; index += 1) {
        let at = random.chance(0.9)
          ? dayStart + 6 * HOUR + random.next() * 17 * HOUR
          : dayStart + random.next() * DAY;
        if (at > now - 60_000) at = dayStart + random.next() * Math.max(60_000, now - 60_000 - dayStart);
        times.push(at);
      }
      times.sort((left, right) => left - right);
      const localDate = localDateOf(day);
      let sequence = numbering.lastNumbers.get(localDate) ?? 0;
      for (const receivedAt of times) {
        sequence += 1;
        const service = pickService(random);
        const id = random.uuid();
        const caseNumber = formatCaseNumber(localDate, sequence);

        // ---- where
        let hotspot = pickHotspot(random);
        let lat: number;
        let lon: number;
        if (random.chance(scatteredShare)) {
          lat = random.between(urbanBox.minLat, urbanBox.maxLat);
          lon = random.between(urbanBox.minLon, urbanBox.maxLon);
          const located = locator.locate({ lat, lon });
          if (located.inKaohsiung && located.village !== null)
            hotspot = {
              lat,
              lon,
              districtCode: located.district.code,
              districtNameZh: located.district.nameZh,
              villageCode: located.village.code,
            };
          else {
            lat = hotspot.lat;
            lon = hotspot.lon;
          }
        } else {
          lat = hotspot.lat + (gaussian(random) * hotspotSpreadMetres) / metresPerDegreeLat;
          lon =
            hotspot.lon +
            (gaussian(random) * hotspotSpreadMetres) /
              (metresPerDegreeLat * Math.cos((hotspot.lat * Math.PI) / 180));
        }
        lat = Math.round(lat * 1e6) / 1e6;
        lon = Math.round(lon * 1e6) / 1e6;
        const unitCode = routing.route(service.code, hotspot.districtCode) ?? service.unitCode;
        const unitCrews = crews.get(unitCode) ?? [];
        const crew = unitCrews.length > 0 ? random.pick(unitCrews) : null;

        // ---- its life, drawn forward and cut at now
        const hourly = service.deadline.kind === 'hours';
        const workingDays = service.deadline.kind === 'working_days' ? service.deadline.days : 1;
        const stuck = random.chance(0.03) ? 8 : 1;
        const dispatchDelay = () =>
          (hourly ? random.exponential(1.2 * HOUR) : random.exponential(0.3 * DAY)) + 5 * 60_000;
        const fixDelay = () =>
          (hourly ? random.exponential(1.5 * DAY) + HOUR : random.exponential(workingDays * DAY) + 2 * HOUR) *
          stuck;
        const mergeKey = `${hotspot.lat},${hotspot.lon}/${service.code}`;
        const mergeTarget = latestAt.get(mergeKey) ?? null;
        latestAt.set(mergeKey, id);
        const steps: Step[] = [];
        const outcome = random.next();
        let t = receivedAt + dispatchDelay();
        if (outcome < 0.01)
          steps.push({
            at: receivedAt + random.exponential(0.5 * DAY) + 600_000,
            kind: 'withdraw',
            to: 'withdrawn',
          });
        else if (outcome < 0.04) steps.push({ at: t, kind: 'reject', to: 'rejected' });
        else if (outcome < 0.06) steps.push({ at: t, kind: 'forward', to: 'forwarded' });
        else if (outcome < 0.11 && mergeTarget !== null) steps.push({ at: t, kind: 'merge', to: 'merged' });
        else {
          steps.push({ at: t, kind: 'dispatch', to: 'dispatched' });
          t += fixDelay();
          steps.push({ at: t, kind: 'mark_fixed', to: 'fixed' });
          if (random.chance(0.02)) {
            t += random.exponential(2 * DAY) + HOUR;
            steps.push({ at: t, kind: 'reopen', to: 'reopened' });
            t += dispatchDelay();
            steps.push({ at: t, kind: 'dispatch', to: 'dispatched' });
            t += fixDelay();
            steps.push({ at: t, kind: 'mark_fixed', to: 'fixed' });
          }
          steps.push({ at: t + 7 * DAY + random.exponential(2 * DAY), kind: 'close', to: 'closed' });
        }
        let state = 'received';
        let version = 1;
        let updatedAt = receivedAt;
        let handler: Crew | null = null;
        let resolution: string | null = null;
        let resolvedAt: number | null = null;
        let closedAt: number | null = null;
        let forwardedTo: string | null = null;
        let mergedInto: string | null = null;
        const eventId = () => {
          const value = nextEventId;
          nextEventId += 1;
          return value;
        };
        const channel = pickChannel(random);
        eventRows.push(
          `${eventId()}\t${id}\t${iso(receivedAt)}\tcreated\t${nullField}\treceived\t${nullField}\tapplicant\t${nullField}\t${nullField}\t${json({ channel, unitCode, serviceVersion: service.version })}\n`,
        );
        for (const step of steps) {
          if (step.at > now) break;
          const from = state;
          let actorId: string | null = null;
          let actorLabel = 'system';
          let note: string | null = null;
          let data: Record<string, unknown> = {};
          if (step.kind === 'dispatch') {
            handler = crew;
            actorId = crew?.id ?? null;
            actorLabel = crew?.name ?? 'system';
            data = { handlerId: crew?.id ?? null };
          } else if (step.kind === 'mark_fixed') {
            actorId = handler?.id ?? null;
            actorLabel = handler?.name ?? 'system';
            resolution = random.pick(resolutions);
            note = resolution;
            resolvedAt = step.at;
          } else if (step.kind === 'reopen') {
            actorLabel = 'applicant';
            note = random.pick(reopenReasons);
            resolvedAt = null;
          } else if (step.kind === 'reject') {
            actorId = crew?.id ?? null;
            actorLabel = crew?.name ?? 'system';
            resolution = random.pick(rejectReasons);
            note = resolution;
          } else if (step.kind === 'forward') {
            actorId = crew?.id ?? null;
            actorLabel = crew?.name ?? 'system';
            forwardedTo = random.pick(agencies);
            note = `本案已移請${forwardedTo}處理。`;
          } else if (step.kind === 'merge') {
            actorId = crew?.id ?? null;
            actorLabel = crew?.name ?? 'system';
            mergedInto = mergeTarget;
            data = { targetCaseId: mergeTarget };
          } else if (step.kind === 'withdraw') actorLabel = 'applicant';
          if (step.kind !== 'reopen' && step.kind !== 'dispatch' && step.kind !== 'mark_fixed')
            closedAt = step.at;
          state = step.to;
          version += 1;
          updatedAt = step.at;
          eventRows.push(
            `${eventId()}\t${id}\t${iso(step.at)}\t${step.kind}\t${from}\t${step.to}\t${actorId ?? nullField}\t${copyField(actorLabel)}\t${copyField(note)}\t${nullField}\t${json(data)}\n`,
          );
        }
        // The created event and one per transition.
        result.events += version;
        const isOpen = !workflow.isFinished(state);
        const deadline = computeDeadline(calendar, {
          receivedAt: new Date(receivedAt),
          deadlineRule: service.deadline,
          pauses: [],
          extensionAmount: 0,
        });

        // ---- who, what
        const hasName = random.chance(0.25);
        const name = hasName ? personName(random, pickSurname) : '';
        const showName = hasName && random.chance(0.4);
        const email = random.chance(0.45)
          ? `user${random.int(1000, 999_999)}@${random.pick(emailDomains)}`
          : null;
        const phone = random.chance(0.35)
          ? `09${random.int(10, 89)}${String(random.int(0, 999_999)).padStart(6, '0')}`
          : null;
        const lang = random.chance(0.02) ? 'en' : 'zh-TW';
        const address = random.chance(0.6)
          ? `高雄市${hotspot.districtNameZh}${random.pick(streets)}${random.int(1, 400)}號前`
          : null;
        caseRows.push(
          `${id}\t${caseNumber}\t${lookupCodeFrom(random)}\tfield_report\t${channel}\t${service.code}\t${service.version}\t${unitCode}\t${handler?.id ?? nullField}\t${state}\t${version}\t` +
            `person\t${copyField(name)}\t${nullField}\t${phone ?? nullField}\t${email ?? nullField}\t${nullField}\t${lang}\t` +
            `${iso(receivedAt)}\t${copyField(service.nameZh)}\t${copyField(random.pick(service.descriptions))}\t${random.pick(service.formDataTexts)}\t[]\t${hotspot.districtCode}\t${copyField(address)}\t${lat}\t${lon}\t` +
            `${iso(receivedAt)}\t${service.deadlineText}\t[]\t0\t${iso(isOpen ? (deadline.dueAt?.getTime() ?? null) : null)}\t${iso(isOpen ? (deadline.atRiskAt?.getTime() ?? null) : null)}\t${deadline.expectedCompletionDate ?? nullField}\t${copyField(resolution)}\t` +
            `${iso(resolvedAt)}\t${iso(closedAt)}\t${copyField(forwardedTo)}\t${mergedInto ?? nullField}\t${iso(receivedAt)}\t${iso(updatedAt)}\n`,
        );

        // ---- the report: on the public map at once unless an address has not confirmed yet
        const published = random.chance(0.95);
        const isApi = channel === 'api';
        reportRows.push(
          `${id}\t${hotspot.villageCode ?? nullField}\t${showName ? 't' : 'f'}\t${published ? iso(receivedAt + random.int(0, 600) * 1000) : nullField}\t${published || email === null ? nullField : randomHex(random, 2)}\t${isApi ? open311Client : nullField}\t${isApi ? randomHex(random, 1) : nullField}\n`,
        );
        if (published) result.published += 1;

        // ---- photos: the reporter's on ~70 %, the crew's after-photo on ~40 % of the fixed
        const photoRow = (role: string, position: number, at: number, staffId: string | null) => {
          const hidden = random.chance(0.003) && at + DAY < now;
          photoRows.push(
            `${random.uuid()}\t${id}\t${role}\t${position}\t${photoFiles.original}\timage/jpeg\t${photoFiles.public}\t${photoFiles.thumb}\t2000\t1500\t${iso(at)}\t${staffId ?? nullField}\t` +
              `${hidden ? iso(at + DAY) : nullField}\t${hidden ? random.pick(hideReasons) : nullField}\t${hidden ? (handler?.id ?? crew?.id ?? nullField) : nullField}\n`,
          );
          result.photos += 1;
        };
        if (random.chance(0.7)) {
          const photoCount = random.chance(0.8) ? 1 : random.chance(0.75) ? 2 : 3;
          for (let position = 1; position <= photoCount; position += 1)
            photoRow('report', position, receivedAt, null);
        }
        if (resolvedAt !== null && random.chance(0.4)) photoRow('fix', 1, resolvedAt, handler?.id ?? null);

        result.reports += 1;
        result.byState[state] = (result.byState[state] ?? 0) + 1;
        result.byService[service.code] = (result.byService[service.code] ?? 0) + 1;
        if (isOpen) result.open += 1;
      }
      if (count > 0) counters.set(localDate, sequence);
      await copier.afterDay(dayIndex === perDay.length - 1);
      if (result.reports - lastLog >= options.reports / 10 || dayIndex === perDay.length - 1) {
        lastLog = result.reports;
        const seconds = elapsedMs() / 1000;
        log(
          `  ${result.reports.toLocaleString('en')} / ${options.reports.toLocaleString('en')} reports, ${result.events.toLocaleString('en')} events, ${result.photos.toLocaleString('en')} photos, ${seconds.toFixed(0)} s`,
        );
      }
    }
    await copier.finished();
    phase('generate and copy rows');

    await saveCaseNumbering(client, counters);
    await rebuildIndexes(client, dropped, { phase, logEachIndex: log });
    await client.query('commit');
    await client.query(
      'vacuum (analyze) cases, case_events, field_reports, report_photos, stored_files, case_number_counters',
    );
    phase('vacuum analyze');
    result.seconds = elapsedSeconds();
    return result;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Reference data and files

async function loadFieldReportServices(db: Database, random: Random): Promise<ServiceInfo[]> {
  const rows = await db.execute<{
    code: string;
    version: number;
    unit_code: string;
    name_zh: string;
    deadline: Deadline;
    form_fields: FormField[];
  }>(sql`
    select v.service_code as code, v.version, v.unit_code, v.name_zh, v.deadline, v.form_fields
    from services s join service_versions v on v.service_code = s.code and v.version = s.current_version
    where v.kind = 'field_report' order by v.service_code`);
  if (rows.rows.length === 0) throw new Error('no field_report services in the catalogue (was it seeded?)');
  return rows.rows.map((row) => ({
    code: row.code,
    version: row.version,
    unitCode: row.unit_code,
    nameZh: row.name_zh,
    deadline: row.deadline,
    deadlineText: json(row.deadline),
    formDataTexts: formDataVariants(row.form_fields, random),
    descriptions: descriptionsByService[row.code] ?? [`${row.name_zh}，請派員處理。`],
  }));
}

/** Hotspots on land in the urban districts (the locator decides), some far busier than others. */
function drawHotspots(random: Random, locator: Locator): { spot: Hotspot; weight: number }[] {
  const hotspots: { spot: Hotspot; weight: number }[] = [];
  for (let attempt = 0; hotspots.length < hotspotCount && attempt < hotspotCount * 50; attempt += 1) {
    const lat = Math.round(random.between(urbanBox.minLat, urbanBox.maxLat) * 1e6) / 1e6;
    const lon = Math.round(random.between(urbanBox.minLon, urbanBox.maxLon) * 1e6) / 1e6;
    const located = locator.locate({ lat, lon });
    if (!located.inKaohsiung || located.village === null) continue;
    hotspots.push({
      spot: {
        lat,
        lon,
        districtCode: located.district.code,
        districtNameZh: located.district.nameZh,
        villageCode: located.village.code,
      },
      weight: 0.2 + 3 * random.next() ** 3,
    });
  }
  if (hotspots.length < hotspotCount) throw new Error('could not place the hotspots in Kaohsiung');
  return hotspots;
}

/** The crews (handlers) of each unit, created once. */
async function ensureCrews(db: Database, unitCodes: string[], random: Random): Promise<Map<string, Crew[]>> {
  const pickSurname = weightedPicker(surnames);
  const wanted = unitCodes.flatMap((unitCode) =>
    Array.from({ length: crewsPerUnit }, (_, index) => ({
      email: crewEmail(unitCode, index + 1),
      role: 'handler',
      unitCode,
    })),
  );
  await insertBenchStaff(db, wanted, () => personName(random, pickSurname));
  const rows = await db.execute<{ id: string; display_name: string; unit_code: string }>(
    sql`select id, display_name, unit_code from staff where email like 'crew.%@bench.example.org' order by email`,
  );
  const byUnit = new Map<string, Crew[]>();
  for (const row of rows.rows)
    byUnit.set(row.unit_code, [...(byUnit.get(row.unit_code) ?? []), { id: row.id, name: row.display_name }]);
  return byUnit;
}

/**
 * The one photo every generated photo row shows: a 2000 × 1500 photo-like JPEG as the original, its public
 * copy (re-encoded, no metadata, as platform/images does) and a 320 px thumbnail, in the file store and
 * listed in `stored_files`.
 */
async function storePhotoFiles(db: Database, filesDir: string, now: number) {
  const original = await photoLikeJpeg({ width: 2000, height: 1500, targetBytes: 300_000, seed: 7 });
  const publicCopy = await sharp(original).jpeg({ quality: 82 }).toBuffer();
  const thumbnail = await sharp(original)
    .resize(320, 320, { fit: 'inside' })
    .jpeg({ quality: 70 })
    .toBuffer();
  const store = createFilesystemStore(filesDir);
  const stored = {
    original: await store.put(original),
    public: await store.put(publicCopy),
    thumb: await store.put(thumbnail),
  };
  for (const file of Object.values(stored))
    await db.execute(sql`
      insert into stored_files (sha256, size_bytes, media_type, stored_at)
      values (${file.sha256}, ${file.sizeBytes}, 'image/jpeg', ${new Date(now).toISOString()})
      on conflict (sha256) do nothing`);
  return {
    original: stored.original.sha256,
    public: stored.public.sha256,
    thumb: stored.thumb.sha256,
    originalBytes: original.length,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Command line

export function describeReportsResult(result: ReportsGenerateResult): string[] {
  const list = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort((left, right) => right[1] - left[1])
      .map(([name, count]) => `${name} ${count.toLocaleString('en')}`)
      .join(', ');
  return [
    `Generated ${result.reports.toLocaleString('en')} field reports over ${result.days} days, ${result.events.toLocaleString('en')} timeline events and ${result.photos.toLocaleString('en')} photo rows in ${result.seconds} s; ${result.published.toLocaleString('en')} on the public map, ${result.open.toLocaleString('en')} open.`,
    `States: ${list(result.byState)}.`,
    `Categories: ${list(result.byService)}.`,
    `Places: ${result.hotspots.length} hotspots in the urban districts (lat ${urbanBox.minLat}–${urbanBox.maxLat}, lon ${urbanBox.minLon}–${urbanBox.maxLon}), reports spread ${hotspotSpreadMetres} m around them, ${Math.round(scatteredShare * 100)} % anywhere in that box; district and village from the platform's locator. Every photo row refers to one stored set (original ${Math.round(result.photoFiles.originalBytes / 1024)} KiB, public copy, thumbnail).`,
    describePhases(result.phases),
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reports: { type: 'string', default: '1000000' },
      days: { type: 'string', default: '730' },
      'files-dir': { type: 'string' },
      ...generatorOptions,
    },
  });
  const reports = Number(values.reports);
  if (!Number.isInteger(reports) || reports < 1) throw new Error('--reports must be a positive whole number');
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL ?? '';
  // The files go where the app will look: the file store under the data folder, unless told otherwise.
  const dataDir =
    databaseUrl === ''
      ? path.resolve(values['data-dir'] ?? (await mkdtemp(path.join(os.tmpdir(), 'onewindow-reports-'))))
      : undefined;
  const filesDir = path.resolve(
    values['files-dir'] ??
      process.env.FILE_STORE_DIR ??
      path.join(dataDir ?? process.env.DATA_DIR ?? '.data', 'files'),
  );
  await runGenerator({
    connection: {
      databaseUrl: databaseUrl === '' ? undefined : databaseUrl,
      dataDir,
      temporaryPrefix: 'onewindow-reports-',
    },
    resultFile: values['result-file'],
    announce: `Generating ${reports.toLocaleString('en')} field reports (files in ${filesDir}) …`,
    generate: (connectionString) =>
      generateReports({
        connectionString,
        filesDir,
        reports,
        days: Number(values.days),
        seed: Number(values.seed),
      }),
    describe: describeReportsResult,
  });
}

runAsScript(import.meta.url, main);
