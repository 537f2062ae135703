/**
 * `node --import ./src/preload.mjs bench/generate-petitions.ts -- [--petitions 2000000] [--years 8] [--data-dir DIR |
 *  --database-url URL] [--seed 1] [--result-file FILE]`
 *
 * Fills a OneWindow database for the petitions benchmark (issue 16): `--petitions` petitions received over
 * `--years` years up to now, each a case of kind `petition` and a `petitions` row:
 *   - of one of twelve types (bench/petition-fixtures.ts: the catalogue's three demo types and nine more, each
 *     a service of kind petition with its unit), by shares; through the six channels by shares; in the
 *     districts by population; more each year (+6 %), fewer at weekends, drains, roads and trees more in the
 *     typhoon months;
 *   - written in Chinese (2 % English) from the fixtures' pieces, its character pairs from the app's own
 *     `textPairs`; a place on most (a road of the district, perhaps a lane, and a house number: millions of
 *     addresses; one petition in eight at one of 3,000 places that draw petitions again and again), a point
 *     inside the district's box; a petitioner's contact hash (one in ten from the few who write often);
 *   - 5 % repeats: the text of an earlier petition written again, at its place and mostly by the same person,
 *     with a `petition_links` row to it;
 *   - answered after a log-normal time around its type's median (an extension on 4 %), on time when by its
 *     deadline; 2 % declined under §173, 2 % transferred, 1 % withdrawn; the last weeks' still open.
 * Rows are made in this process and sent with COPY (the indexes and foreign keys of `cases` and `petitions`
 * dropped first and rebuilt after); `petition_pair_counts` is then counted in one statement, and the analysis's
 * roll-ups made by the app's own `refreshPetitionStats` (its full rebuild, timed). Without --database-url it
 * starts an embedded PostgreSQL in --data-dir.
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { formatCaseNumber } from '../src/modules/cases/core/case-number.ts';
import { refreshPetitionStats } from '../src/modules/petitions/analysis/analysis-refresh.ts';
import { placeKeyOf, textPairs } from '../src/modules/petitions/petition-text.ts';
import {
  beginBulkLoad,
  copyAlongside,
  copyField,
  DAY,
  describePhases,
  dropIndexesForLoad,
  generatorOptions,
  insertBenchStaff,
  nullField,
  phaseTimer,
  rebuildIndexes,
  runAsScript,
  runGenerator,
  spreadOverDays,
  withGeneratorDatabase,
} from './bench-support.ts';
import { createRandom, districtWeights, type Random, surnames, weightedPicker } from './case-fixtures.ts';
import { lookupCodeFrom } from './case-life.ts';
import {
  addressIn,
  type BenchPetitionType,
  benchPetitionTypes,
  petitionWords,
  repeatWords,
  sourceWeights,
} from './petition-fixtures.ts';

const staffDomain = 'bench.example.org';
/** The staff the petitions bench signs in as (bench/petitions-bench.ts). */
export const petitionBenchStaff = {
  secretariat: `petitions.secretariat@${staffDomain}`,
  supervisor: `petitions.supervisor.road-maintenance@${staffDomain}`,
  supervisorUnit: 'road-maintenance',
};

export interface PetitionsGenerateOptions {
  connectionString: string;
  petitions: number;
  years: number;
  now?: Date;
  seed?: number;
  log?: (line: string) => void;
}

export interface PetitionsGenerateResult {
  petitions: number;
  years: number;
  repeats: number;
  confidential: number;
  english: number;
  withPlace: number;
  finished: number;
  onTime: number;
  declined: number;
  byType: Record<string, number>;
  bySource: Record<string, number>;
  /** Distinct character pairs (rows of petition_pair_counts) and the mean per petition. */
  pairs: number;
  pairsPerPetition: number;
  /** The analysis's roll-ups: the full rebuild through refreshPetitionStats, and their size. */
  rollupSeconds: number;
  rollupMonths: number;
  rollupPlaces: number;
  monthRows: number;
  placeRows: number;
  rollupMb: number;
  sizeMb: number;
  seconds: number;
  phases: { name: string; seconds: number }[];
}

const caseColumns =
  'id, case_number, lookup_code, kind, channel, service_code, service_version, unit_code, state, applicant_type, applicant_name, ' +
  'applicant_phone, applicant_email, applicant_lang, consent_at, subject, description, district_code, address, latitude, longitude, ' +
  'received_at, deadline_rule, outer_limit_working_days, needs_answer_approval, due_at, at_risk_at, expected_completion_date, ' +
  'due_at_answer, resolution, resolved_at, closed_at, forwarded_to, created_at, updated_at';
const petitionColumns =
  'case_id, source, is_confidential, is_english, contact_hashes, place_key, text_pairs, decline_ground, received_at';
const linkColumns = 'case_id, earlier_case_id, reasons, similarity, linked_at';

const channelOf: Readonly<Record<string, string>> = {
  director_mailbox: 'web',
  suggestion_box: 'web',
  hotline_1999: 'hotline_1999',
  email: 'email',
  letter: 'counter',
  oral: 'counter',
};

const iso = (moment: number) => new Date(moment).toISOString();
const time = (moment: number | null) => (moment === null ? nullField : iso(moment));
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** The moment `days` working days (Monday–Friday, Taipei) after `from`. */
function addWorkingDays(from: number, days: number): number {
  let moment = from;
  let left = days;
  while (left > 0) {
    moment += DAY;
    const weekday = new Date(moment + 8 * 3_600_000).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return moment;
}

/** A standard normal draw (Box–Muller). */
function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

interface Earlier {
  caseId: string;
  text: string;
  placeKey: string | null;
  contactHash: string;
  districtCode: string;
  address: string | null;
  typeIndex: number;
  latitude: number | null;
  longitude: number | null;
}

export async function generatePetitions(options: PetitionsGenerateOptions): Promise<PetitionsGenerateResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const { phases, phase, seconds } = phaseTimer(log);
  const now = (options.now ?? new Date()).getTime();
  const random = createRandom(options.seed ?? 1);

  return withGeneratorDatabase(options, 'onewindow-bench-petitions', async (database, client) => {
    const db = database.db;
    // ---- the types: the demo ones are there; the others are copies of the road petition's service, renamed.
    for (const type of benchPetitionTypes) {
      await db.execute(sql`
        insert into services
        select (jsonb_populate_record(null::services, to_jsonb(s) || jsonb_build_object('code', ${type.code}::text))).*
          from services s where s.code = 'road-maintenance-petition'
        on conflict (code) do nothing`);
      await db.execute(sql`
        insert into service_versions
        select (jsonb_populate_record(null::service_versions, to_jsonb(v) || jsonb_build_object(
                  'service_code', ${type.code}::text, 'name_zh', ${type.nameZh}::text, 'name_en', ${type.nameEn}::text,
                  'unit_code', ${type.unitCode}::text,
                  'deadline', jsonb_build_object('kind', 'working_days', 'days', ${type.deadlineDays}::int)))).*
          from service_versions v join services s on s.code = v.service_code and v.version = s.current_version
         where v.service_code = 'road-maintenance-petition'
        on conflict do nothing`);
      await db.execute(sql`
        insert into petition_types
          (service_code, outer_limit_working_days, needs_answer_approval, is_confidential, is_on_mailbox, updated_at)
        values (${type.code}, 30, ${type.unitCode !== 'road-maintenance'}, ${type.isConfidential === true}, true, now())
        on conflict (service_code) do nothing`);
    }
    const versions = new Map(
      (
        await db.execute<{ code: string; version: number; unit_code: string }>(sql`
          select s.code, s.current_version as version, v.unit_code
            from services s join service_versions v on v.service_code = s.code and v.version = s.current_version`)
      ).rows.map((row) => [row.code, row]),
    );
    for (const type of benchPetitionTypes)
      if (!versions.has(type.code))
        throw new Error(`no service ${type.code}: the catalogue's demo data is missing`);
    const districtRows = (
      await db.execute<{
        code: string;
        name_zh: string;
        min_lon: number;
        min_lat: number;
        max_lon: number;
        max_lat: number;
      }>(sql`select code, name_zh, min_lon, min_lat, max_lon, max_lat from districts order by code`)
    ).rows;
    const pickDistrict = weightedPicker(
      districtRows.map((row) => [row, districtWeights[row.name_zh] ?? 1] as const),
    );
    const pickType = weightedPicker(benchPetitionTypes.map((type, index) => [index, type.weight] as const));
    const pickSource = weightedPicker(sourceWeights);
    const pickSurname = weightedPicker(surnames);
    const unitCodes = [...new Set(benchPetitionTypes.map((type) => type.unitCode))];
    await insertBenchStaff(
      db,
      [
        { email: petitionBenchStaff.secretariat, role: 'secretariat', unitCode: null },
        {
          email: petitionBenchStaff.supervisor,
          role: 'supervisor',
          unitCode: petitionBenchStaff.supervisorUnit,
        },
      ],
      () => '陳情評測',
    );
    phase('setup (migrate, seed, petition types, staff)');

    // ---- places: 3,000 that draw petitions again and again (a Zipf-like share each), the rest anywhere.
    const hotPlaces = Array.from({ length: 3000 }, (_, index) => {
      const district = pickDistrict(random);
      const { address } = addressIn(random, district.name_zh);
      return {
        district,
        address,
        key: placeKeyOf(district.code, address) as string,
        latitude: random.between(district.min_lat, district.max_lat),
        longitude: random.between(district.min_lon, district.max_lon),
        weight: 1 / (index + 10),
      };
    });
    const pickHotPlace = weightedPicker(hotPlaces.map((place) => [place, place.weight] as const));
    // Petitioners: most write once; 4,000 write often (one petition in ten).
    const frequent = Array.from({ length: 4000 }, (_, index) =>
      sha256(`email:frequent.${index}@example.net`),
    );
    let nextPetitioner = 0;

    // ---- days: more each year, fewer at weekends, some types more in the typhoon months.
    const firstDay = Math.floor((now - options.years * 365.25 * DAY) / DAY) * DAY;
    const dayCount = Math.floor((now - firstDay) / DAY);
    const weights = Array.from({ length: dayCount }, (_, index) => {
      const day = new Date(firstDay + index * DAY + 8 * 3_600_000);
      const weekday = day.getUTCDay();
      const trend = 1.06 ** (index / 365.25);
      return (
        trend *
        (weekday === 0 || weekday === 6 ? 0.45 : 1) *
        ([6, 7, 8, 9].includes(day.getUTCMonth() + 1) ? 1.12 : 1)
      );
    });
    const perDay = spreadOverDays(options.petitions, weights);

    const result: PetitionsGenerateResult = {
      petitions: 0,
      years: options.years,
      repeats: 0,
      confidential: 0,
      english: 0,
      withPlace: 0,
      finished: 0,
      onTime: 0,
      declined: 0,
      byType: {},
      bySource: {},
      pairs: 0,
      pairsPerPetition: 0,
      rollupSeconds: 0,
      rollupMonths: 0,
      rollupPlaces: 0,
      monthRows: 0,
      placeRows: 0,
      rollupMb: 0,
      sizeMb: 0,
      seconds: 0,
      phases,
    };

    await beginBulkLoad(client, '1GB');
    const dropped = await dropIndexesForLoad(client, {
      indexesOf: ['cases', 'petitions', 'petition_links'],
      foreignKeysOf: ['cases', 'petitions', 'petition_links'],
    });
    const copying = copyAlongside(client, [
      ['cases', caseColumns],
      ['petitions', petitionColumns],
      ['petition_links', linkColumns],
    ]);
    const [caseRows, petitionRows, linkRows] = copying.rows as [string[], string[], string[]];
    /** The last 20,000 petitions: what a repeat repeats. */
    const recent: Earlier[] = [];
    let pairTotal = 0;
    const lastNumbers = new Map<string, number>();

    for (let dayIndex = 0; dayIndex < dayCount; dayIndex += 1) {
      const dayStart = firstDay + dayIndex * DAY - 8 * 3_600_000; // Taipei midnight
      const count = perDay[dayIndex] ?? 0;
      const times = Array.from(
        { length: count },
        () =>
          dayStart +
          Math.min(DAY - 1, Math.max(0, (9 + 3.5 * normal(random)) * 3_600_000 + random.next() * 3_600_000)),
      ).sort((left, right) => left - right);
      const taipeiDay = new Date(dayStart + 8 * 3_600_000).toISOString().slice(0, 10);
      const month = new Date(dayStart + 8 * 3_600_000).getUTCMonth() + 1;
      let sequence = 0;
      for (const received of times) {
        if (received > now) continue;
        sequence += 1;
        const caseId = random.uuid();
        const isRepeat = recent.length > 100 && random.chance(0.05);
        const earlier = isRepeat
          ? (recent[recent.length - 1 - Math.floor(random.next() ** 2 * (recent.length - 1))] as Earlier)
          : null;
        let typeIndex = earlier?.typeIndex ?? (pickType(random) as number);
        const seasonal = benchPetitionTypes[typeIndex] as BenchPetitionType;
        if (
          earlier === null &&
          seasonal.isSeasonal !== true &&
          [6, 7, 8, 9].includes(month) &&
          random.chance(0.08)
        )
          typeIndex = benchPetitionTypes.findIndex((type) => type.code === 'petition-drainage');
        const type = benchPetitionTypes[typeIndex] as BenchPetitionType;
        const source = pickSource(random);
        const isEnglish = earlier === null && random.chance(0.02);
        const hot = earlier === null && random.chance(0.12) ? pickHotPlace(random) : null;
        const district =
          earlier !== null
            ? (districtRows.find((row) => row.code === earlier.districtCode) ?? pickDistrict(random))
            : (hot?.district ?? pickDistrict(random));
        const written = addressIn(random, district.name_zh);
        const street = written.road;
        const hasPlace =
          earlier !== null ? earlier.placeKey !== null : hot !== null || random.chance(type.placeShare);
        const address =
          earlier !== null ? earlier.address : hot !== null ? hot.address : hasPlace ? written.address : null;
        const placeKey =
          earlier !== null ? earlier.placeKey : address === null ? null : placeKeyOf(district.code, address);
        const words = petitionWords(
          random,
          type,
          { district: district.name_zh, place: address, street },
          isEnglish,
        );
        const text = earlier !== null ? repeatWords(random, earlier.text) : words.text;
        const subject = earlier !== null ? `再次陳情：${words.subject}` : words.subject;
        const pairs = textPairs(`${subject}\n${text}`);
        pairTotal += pairs.length;
        const contactHash =
          earlier !== null && random.chance(0.8)
            ? earlier.contactHash
            : random.chance(0.1)
              ? (random.pick(frequent) as string)
              : sha256(`email:person.${nextPetitioner++}@example.net`);
        const latitude =
          hot?.latitude ??
          earlier?.latitude ??
          (address === null ? null : random.between(district.min_lat, district.max_lat));
        const longitude =
          hot?.longitude ??
          earlier?.longitude ??
          (address === null ? null : random.between(district.min_lon, district.max_lon));
        // ---- its life: answered after a log-normal time; an extension on a few; declines, transfers, withdrawals.
        const extension = random.chance(0.04) ? 10 : 0;
        const due = addWorkingDays(received, type.deadlineDays + extension);
        const handlingDays = type.medianDays * Math.exp(0.75 * normal(random));
        const finishedAt = received + handlingDays * DAY;
        const isFinished = finishedAt <= now;
        const ending = random.next();
        const kind: 'answered' | 'declined' | 'forwarded' | 'withdrawn' =
          ending < 0.02 ? 'declined' : ending < 0.04 ? 'forwarded' : ending < 0.05 ? 'withdrawn' : 'answered';
        const state = !isFinished
          ? random.chance(0.5)
            ? 'in_progress'
            : 'accepted'
          : kind === 'answered'
            ? 'closed'
            : kind === 'declined'
              ? 'rejected'
              : kind;
        const resolvedAt = isFinished && kind === 'answered' ? finishedAt : null;
        const closedAt = isFinished
          ? Math.min(now, finishedAt + (kind === 'answered' ? random.between(0, 2) * DAY : 0))
          : null;
        const unitCode = random.chance(0.03) ? (random.pick(unitCodes) as string) : type.unitCode;
        const isConfidential = type.isConfidential === true;
        const name = isConfidential
          ? '檢舉人（身分保密）'
          : `${pickSurname(random)}${random.chance(0.5) ? '先生' : '小姐'}`;
        const version = versions.get(type.code);
        caseRows.push(
          `${[
            caseId,
            formatCaseNumber(taipeiDay, sequence),
            lookupCodeFrom(random),
            'petition',
            channelOf[source] ?? 'web',
            type.code,
            String(version?.version ?? 1),
            unitCode,
            state,
            'person',
            copyField(name),
            nullField,
            nullField,
            isEnglish ? 'en' : 'zh-TW',
            iso(received),
            copyField(subject),
            copyField(text),
            district.code,
            copyField(address),
            latitude === null ? nullField : latitude.toFixed(6),
            longitude === null ? nullField : longitude.toFixed(6),
            iso(received),
            `{"kind":"working_days","days":${type.deadlineDays}}`,
            '30',
            type.unitCode !== 'road-maintenance' ? 't' : 'f',
            isFinished ? nullField : iso(due),
            isFinished ? nullField : iso(received + (due - received) * 0.8),
            isFinished ? nullField : new Date(due + 8 * 3_600_000).toISOString().slice(0, 10),
            isFinished ? iso(due) : nullField,
            resolvedAt === null ? nullField : '已派員處理完畢，謝謝您的反映。',
            time(resolvedAt),
            time(closedAt),
            kind === 'forwarded' && isFinished ? copyField('高雄市政府交通局') : nullField,
            iso(received),
            iso(closedAt ?? received),
          ].join('\t')}\n`,
        );
        const declineGround =
          isFinished && kind === 'declined'
            ? earlier !== null
              ? 'repeat_answered'
              : random.pick(['no_content', 'no_identity'])
            : null;
        petitionRows.push(
          `${[
            caseId,
            source,
            isConfidential ? 't' : 'f',
            isEnglish ? 't' : 'f',
            `{${contactHash}}`,
            copyField(placeKey),
            `{${pairs.join(',')}}`,
            declineGround ?? nullField,
            iso(received),
          ].join('\t')}\n`,
        );
        if (earlier !== null) {
          const reasons = [
            'similar_text',
            ...(earlier.placeKey !== null ? ['same_place'] : []),
            ...(contactHash === earlier.contactHash ? ['same_petitioner'] : []),
          ];
          linkRows.push(
            `${caseId}\t${earlier.caseId}\t{${reasons.join(',')}}\t${random.between(0.45, 0.9).toFixed(3)}\t${iso(received)}\n`,
          );
          result.repeats += 1;
        }
        recent.push({
          caseId,
          text,
          placeKey,
          contactHash,
          districtCode: district.code,
          address,
          typeIndex,
          latitude,
          longitude,
        });
        if (recent.length > 20_000) recent.splice(0, 10_000);
        result.petitions += 1;
        if (isConfidential) result.confidential += 1;
        if (isEnglish) result.english += 1;
        if (placeKey !== null) result.withPlace += 1;
        if (isFinished) result.finished += 1;
        if (isFinished && finishedAt <= due) result.onTime += 1;
        if (declineGround !== null) result.declined += 1;
        result.byType[type.code] = (result.byType[type.code] ?? 0) + 1;
        result.bySource[source] = (result.bySource[source] ?? 0) + 1;
      }
      if (sequence > 0) lastNumbers.set(taipeiDay, sequence);
      await copying.afterDay(dayIndex === dayCount - 1);
      if (dayIndex % 365 === 364) log(`  ${result.petitions.toLocaleString('en')} petitions`);
    }
    await copying.finished();
    phase(`petitions (${result.petitions.toLocaleString('en')}, COPY)`);
    await rebuildIndexes(client, dropped, { phase, logEachIndex: log });
    await client.query(`
      insert into petition_pair_counts (pair, petitions)
      select pair, count(*) from petitions, unnest(text_pairs) as pair group by pair
      on conflict (pair) do update set petitions = excluded.petitions`);
    const days = [...lastNumbers.keys()];
    await client.query(
      `insert into case_number_counters (day, last_number)
         select * from unnest($1::date[], $2::int[])
         on conflict (day) do update set last_number = greatest(case_number_counters.last_number, excluded.last_number)`,
      [days, days.map((day) => lastNumbers.get(day) ?? 0)],
    );
    await client.query('commit');
    phase('petition_pair_counts and case numbering');
    for (const table of ['cases', 'petitions', 'petition_links', 'petition_pair_counts'])
      await client.query(`vacuum analyze ${table}`);
    phase('VACUUM ANALYZE');

    const rollupStarted = performance.now();
    const rebuilt = await refreshPetitionStats(db, { now: new Date(now), rebuild: true });
    result.rollupSeconds = Math.round((performance.now() - rollupStarted) / 100) / 10;
    result.rollupMonths = rebuilt.months;
    result.rollupPlaces = rebuilt.places;
    await client.query('vacuum analyze petition_month_stats');
    await client.query('vacuum analyze petition_place_stats');
    phase(`roll-ups (refreshPetitionStats, full rebuild: ${result.rollupSeconds} s)`);

    const counts = await client.query<{
      pairs: number;
      month_rows: number;
      place_rows: number;
      rollup: string;
      size: string;
    }>(`
      select (select count(*) from petition_pair_counts)::int as pairs,
             (select count(*) from petition_month_stats)::int as month_rows,
             (select count(*) from petition_place_stats)::int as place_rows,
             (pg_total_relation_size('petition_month_stats') + pg_total_relation_size('petition_place_stats'))::text as rollup,
             pg_database_size(current_database())::text as size`);
    const row = counts.rows[0];
    result.pairs = row?.pairs ?? 0;
    result.pairsPerPetition = Math.round((pairTotal / Math.max(1, result.petitions)) * 10) / 10;
    result.monthRows = row?.month_rows ?? 0;
    result.placeRows = row?.place_rows ?? 0;
    result.rollupMb = Math.round(Number(row?.rollup ?? 0) / 1024 ** 2);
    result.sizeMb = Math.round(Number(row?.size ?? 0) / 1024 ** 2);
    result.seconds = seconds();
    return result;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Command line

export function describePetitionsResult(result: PetitionsGenerateResult): string[] {
  const share = (count: number) => `${((count / Math.max(1, result.petitions)) * 100).toFixed(1)} %`;
  const list = (record: Record<string, number>) =>
    Object.entries(record)
      .sort((left, right) => right[1] - left[1])
      .map(([key, count]) => `${key} ${share(count)}`)
      .join(', ');
  return [
    `Generated ${result.petitions.toLocaleString('en')} petitions over ${result.years} years in ${result.seconds} s; database ${result.sizeMb.toLocaleString('en')} MB.`,
    `Types: ${list(result.byType)}. Channels: ${list(result.bySource)}.`,
    `Repeats (linked to an earlier petition) ${share(result.repeats)}; confidential ${share(result.confidential)}; English ${share(result.english)}; with a place ${share(result.withPlace)}; finished ${share(result.finished)} (${((result.onTime / Math.max(1, result.finished)) * 100).toFixed(1)} % of them on time); declined under §173 ${share(result.declined)}.`,
    `Character pairs: ${result.pairs.toLocaleString('en')} distinct, ${result.pairsPerPetition} per petition on average.`,
    `Roll-ups (refreshPetitionStats, full rebuild): ${result.rollupSeconds} s for ${result.rollupMonths} months and ${result.rollupPlaces.toLocaleString('en')} hot places; ${result.monthRows.toLocaleString('en')} rows in petition_month_stats, ${result.placeRows.toLocaleString('en')} in petition_place_stats, ${result.rollupMb} MB with their indexes.`,
    describePhases(result.phases),
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      petitions: { type: 'string', default: '2000000' },
      years: { type: 'string', default: '8' },
      ...generatorOptions,
    },
  });
  const petitions = Number(values.petitions);
  const years = Number(values.years);
  if (!Number.isInteger(petitions) || petitions < 1)
    throw new Error('--petitions must be a positive whole number');
  await runGenerator({
    connection: {
      databaseUrl: values['database-url'],
      dataDir: values['data-dir'],
      temporaryPrefix: 'onewindow-petitions-',
    },
    resultFile: values['result-file'],
    announce: `Generating ${petitions.toLocaleString('en')} petitions over ${years} years …`,
    generate: (connectionString) =>
      generatePetitions({ connectionString, petitions, years, seed: Number(values.seed) }),
    describe: describePetitionsResult,
  });
}

runAsScript(import.meta.url, main);
