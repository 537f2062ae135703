/**
 * Changing the working calendar (issue 17 §3), the same for the administration's pages and the command line:
 * declaring a day closed or open (a typhoon day, 天然災害停止上班, everywhere or in the configured region
 * only) and loading a year's official calendar file. Each has a proposal — checked, nothing written, with the
 * calendar as it would be, so the caller can show the effect on open cases first — and the change itself:
 * checked again under a lock, written with its audit row (before and after) in one transaction, then
 * announced (`announce`: the composition root's announceCalendarChange, which lets each module recompute).
 */
import { sql } from 'drizzle-orm';
import { type AuditActor, type RequestOrigin, recordAudit } from '../auth/audit-log.ts';
import type { Database, DatabaseOrTransaction, Transaction } from '../db/database.ts';
import { DomainError, type FieldProblem } from '../http/errors.ts';
import { type Lang, translator } from '../web/i18n.ts';
import { declarationRefusal } from './calendar-declaration.ts';
import { upsertCalendarOverride, upsertCalendarYear } from './calendar-repo.ts';
import type { CalendarOverrideRow } from './calendar-schema.ts';
import { calendarFromInputs, readCalendarInputs, type YearSource } from './calendar-service.ts';
import {
  calendarYearProblem,
  checkCalendarYearFile,
  diffCalendarYears,
  isPlausibleCalendarYear,
  type YearDifferences,
} from './calendar-year-file.ts';
import { type CalendarDay, localDate, toTaipeiLocalDate, type WorkingCalendar } from './working-days.ts';

const text = translator({
  'zh-TW': {
    badDate: '請以 YYYY-MM-DD 填寫真實的日期，例如 2026-07-15',
    noYear: '{year} 年尚無政府行政機關辦公日曆表，請先載入該年度行事曆',
    noReason: '請填寫理由',
    invalid: '表單有問題，請依下列說明修正。',
    alreadyDeclaredClosed: '{date}{where}已宣布停止上班（{reason}），不必再宣布一次。',
    alreadyDeclaredOpen: '{date}{where}已宣布照常上班（{reason}），不必再宣布一次。',
    alreadyClosed: '{date}依辦公日曆表本來就是放假日{where}，不必宣布停止上班。',
    alreadyOpen: '{date}依辦公日曆表本來就是上班日{where}，不必宣布照常上班。',
    everywhere: '（全國）',
    inRegion: '（僅本市）',
    sameYear: '這個檔案與目前使用中的 {year} 年行事曆完全相同，不必載入。',
    changedSincePreview: '{year} 年行事曆在您預覽之後已被變更，請重新預覽後再確認。',
  },
  en: {
    badDate: 'Enter a real date as YYYY-MM-DD, for example 2026-07-15',
    noYear: 'There is no official calendar for {year} yet: load that year’s calendar first',
    noReason: 'Enter the reason',
    invalid: 'There is a problem with the form; see each item below.',
    alreadyDeclaredClosed:
      '{date}{where} is already declared closed ({reason}): there is no need to declare it again.',
    alreadyDeclaredOpen:
      '{date}{where} is already declared open ({reason}): there is no need to declare it again.',
    alreadyClosed: '{date} is already a day off in the official calendar{where}: there is nothing to close.',
    alreadyOpen: '{date} is already a working day in the official calendar{where}: there is nothing to open.',
    everywhere: ' (everywhere)',
    inRegion: ' (this city only)',
    sameYear: 'This file is exactly the {year} calendar in force: there is nothing to load.',
    changedSincePreview:
      'The {year} calendar was changed after your preview: preview it again, then confirm.',
  },
});

export interface DayDeclaration {
  /** 'YYYY-MM-DD' as typed (checked here). */
  date: string;
  isHoliday: boolean;
  /** null: everywhere; a region code (MOI county code): that region only (regionOfScope gives it). */
  region: string | null;
  reason: string;
  /** The region cases are counted in (config.calendarRegion). */
  calendarRegion: string;
  lang: Lang;
  now: Date;
}

export interface DayProposal {
  date: string;
  /** null: everywhere. */
  region: string | null;
  isHoliday: boolean;
  reason: string;
  /** The override of the same day and scope replaced by this one, if any. */
  replaces: CalendarOverrideRow | null;
  /** Whether the day is closed now for that scope. */
  wasClosed: boolean;
  /** The year file's description of the day (a holiday's name), '' when none. */
  description: string;
  /** Before today (Taipei): allowed, with a warning on the preview. */
  isPast: boolean;
  /** Whether the calendar cases are counted in changes that day (otherwise nothing is announced). */
  affectsCases: boolean;
  /** The calendar cases are counted in, with the change: to preview its effect on open deadlines. */
  calendarAfter: WorkingCalendar;
}

function lockCalendar(tx: Transaction): Promise<unknown> {
  // Changes to the calendar are rare and short: one lock for all of them keeps "declared twice" exact.
  return tx.execute(sql`select pg_advisory_xact_lock(hashtext('onewindow.calendar'))`);
}

function problemsError(problems: FieldProblem[], lang: Lang): DomainError {
  return new DomainError('VALIDATION_FAILED', text(lang, 'invalid'), { problems });
}

function yearDays(inputs: { years: Record<number, CalendarDay[]> }, year: number): CalendarDay[] | null {
  return inputs.years[year] ?? null;
}

/** The declaration checked against what is in force, and the calendar it would give; nothing written. */
export async function proposeCalendarDay(
  db: DatabaseOrTransaction,
  input: DayDeclaration,
): Promise<DayProposal> {
  const { lang } = input;
  const problems: FieldProblem[] = [];
  let date: string | null = null;
  try {
    date = localDate(input.date);
  } catch {
    problems.push({ field: 'date', code: 'date', message: text(lang, 'badDate') });
  }
  if (input.reason.trim() === '')
    problems.push({ field: 'reason', code: 'required', message: text(lang, 'noReason') });
  const inputs = await readCalendarInputs(db);
  const year = date === null ? null : Number(date.slice(0, 4));
  if (year !== null && yearDays(inputs, year) === null)
    problems.push({ field: 'date', code: 'year_missing', message: text(lang, 'noYear', { year }) });
  if (problems.length > 0 || date === null) throw problemsError(problems, lang);

  const region = input.region === null || input.region.trim() === '' ? null : input.region.trim();
  const replaces =
    inputs.overrides.find((row) => row.date === date && (row.region ?? null) === region) ?? null;
  const scopeCalendar = calendarFromInputs(inputs, { region });
  const wasClosed = !scopeCalendar.isWorkingDay(localDate(date));
  const refusal = declarationRefusal({
    existingOverride: replaces?.isHoliday ?? null,
    isClosedNow: wasClosed,
    isHoliday: input.isHoliday,
  });
  if (refusal !== null) {
    const where =
      region === null
        ? text(lang, 'everywhere')
        : region === input.calendarRegion
          ? text(lang, 'inRegion')
          : ` (${region})`;
    const key =
      refusal === 'already_declared'
        ? input.isHoliday
          ? 'alreadyDeclaredClosed'
          : 'alreadyDeclaredOpen'
        : input.isHoliday
          ? 'alreadyClosed'
          : 'alreadyOpen';
    throw new DomainError('CONFLICT', text(lang, key, { date, where, reason: replaces?.reason ?? '' }), {
      problems: [
        {
          field: 'date',
          code: refusal,
          message: text(lang, key, { date, where, reason: replaces?.reason ?? '' }),
        },
      ],
    });
  }
  const override = { date, region, isHoliday: input.isHoliday, reason: input.reason.trim() };
  const casesBefore = calendarFromInputs(inputs, { region: input.calendarRegion });
  const calendarAfter = calendarFromInputs(inputs, { region: input.calendarRegion, proposed: { override } });
  const compact = date.replaceAll('-', '');
  return {
    date,
    region,
    isHoliday: input.isHoliday,
    reason: override.reason,
    replaces,
    wasClosed,
    description: yearDays(inputs, year as number)?.find((day) => day.date === compact)?.description ?? '',
    isPast: date < toTaipeiLocalDate(input.now),
    affectsCases: casesBefore.isWorkingDay(localDate(date)) !== calendarAfter.isWorkingDay(localDate(date)),
    calendarAfter,
  };
}

/** Runs each module's reaction to a changed day (announceCalendarChange); the lines they report. */
export type AnnounceCalendarChange = (changedDay: string) => Promise<string[]>;

export interface ChangeContext {
  actor: AuditActor;
  origin?: RequestOrigin;
  /** 'cli', 'admin page': kept on the override row. */
  source: string;
  announce?: AnnounceCalendarChange;
  /** What the caller computed of the effect (open deadlines moving), kept in the audit row. */
  effect?: Record<string, unknown>;
}

/**
 * Declares a day closed or open for a scope: refused (CONFLICT) when that is already in force, so nothing is
 * written twice. Written with its audit row, then announced when the calendar cases are counted in changed.
 */
export async function declareCalendarDay(
  db: Database,
  input: DayDeclaration & ChangeContext,
): Promise<{ proposal: DayProposal; override: CalendarOverrideRow; lines: string[] }> {
  const { proposal, override } = await db.transaction(async (tx) => {
    await lockCalendar(tx);
    const proposal = await proposeCalendarDay(tx, input);
    const override = await upsertCalendarOverride(tx, {
      date: proposal.date,
      region: proposal.region,
      isHoliday: proposal.isHoliday,
      reason: proposal.reason,
      source: input.source,
      createdBy: input.actor.label,
    });
    const before = {
      isClosed: proposal.wasClosed,
      override:
        proposal.replaces === null
          ? null
          : {
              isHoliday: proposal.replaces.isHoliday,
              reason: proposal.replaces.reason,
              source: proposal.replaces.source,
            },
    };
    const after = {
      isClosed: proposal.isHoliday,
      override: { isHoliday: proposal.isHoliday, reason: proposal.reason, source: input.source },
    };
    const details = {
      date: proposal.date,
      region: proposal.region,
      before,
      after,
      ...(input.effect ? { effect: input.effect } : {}),
    };
    const target = {
      type: 'calendar_day',
      id: `${proposal.date}${proposal.region === null ? '' : `@${proposal.region}`}`,
    };
    if (proposal.isHoliday)
      await recordAudit(tx, {
        occurredAt: input.now,
        actor: input.actor,
        action: 'calendar.day_closed',
        target,
        details,
        ...(input.origin ? { origin: input.origin } : {}),
      });
    else
      await recordAudit(tx, {
        occurredAt: input.now,
        actor: input.actor,
        action: 'calendar.day_opened',
        target,
        details,
        ...(input.origin ? { origin: input.origin } : {}),
      });
    return { proposal, override };
  });
  const lines = proposal.affectsCases && input.announce ? await input.announce(proposal.date) : [];
  return { proposal, override, lines };
}

export interface YearLoad {
  year: number;
  /** The file's text as uploaded. */
  fileText: string;
  calendarRegion: string;
  lang: Lang;
}

export interface YearProposal {
  year: number;
  days: CalendarDay[];
  differences: YearDifferences;
  /** What is in force for the year now. */
  inForce: YearSource;
  /** A token of what is in force, carried from the preview to the confirmation (changed meanwhile: CONFLICT). */
  inForceToken: string;
  /** The days whose working status changes in the calendar cases are counted in (overrides included). */
  changedDays: string[];
  calendarAfter: WorkingCalendar;
}

function tokenOf(source: YearSource): string {
  return source.kind === 'loaded' ? `loaded:${source.loadedAt.toISOString()}` : source.kind;
}

/** The year file checked (every problem at once: fields `year`, `calendarFile`) and compared; nothing written. */
export async function proposeCalendarYear(db: DatabaseOrTransaction, input: YearLoad): Promise<YearProposal> {
  const { lang, year } = input;
  if (!isPlausibleCalendarYear(year)) {
    throw problemsError([calendarYearProblem('year', lang)], lang);
  }
  const checked = checkCalendarYearFile(year, input.fileText, { lang, field: 'calendarFile' });
  if (checked.problems.length > 0) throw problemsError(checked.problems, lang);
  const inputs = await readCalendarInputs(db);
  const current = yearDays(inputs, year);
  const differences = diffCalendarYears(current, checked.days);
  if (differences.isSame) throw new DomainError('CONFLICT', text(lang, 'sameYear', { year }));
  const proposed = { year: { year, days: checked.days } };
  const calendarAfter = calendarFromInputs(inputs, { region: input.calendarRegion, proposed });
  let changedDays: string[] = [];
  if (current !== null) {
    const before = calendarFromInputs(inputs, { region: input.calendarRegion });
    changedDays = differences.statusChanges
      .map((change) => change.date)
      .filter((date) => before.isWorkingDay(localDate(date)) !== calendarAfter.isWorkingDay(localDate(date)));
  }
  const inForce = inputs.sourceOf(year);
  return {
    year,
    days: checked.days,
    differences,
    inForce,
    inForceToken: tokenOf(inForce),
    changedDays,
    calendarAfter,
  };
}

/**
 * Loads a year's official calendar: it replaces the bundled file (or an earlier load) of that year in every
 * process at the next calendar read. `expectedInForce`: the preview's token, refused (CONFLICT) when the
 * year changed since. Audited with what was in force before and the differences; then every day whose working
 * status changed is announced.
 */
export async function loadCalendarYear(
  db: Database,
  input: YearLoad & ChangeContext & { now: Date; expectedInForce?: string },
): Promise<{ proposal: YearProposal; lines: string[] }> {
  const proposal = await db.transaction(async (tx) => {
    await lockCalendar(tx);
    const proposal = await proposeCalendarYear(tx, input);
    if (input.expectedInForce !== undefined && input.expectedInForce !== proposal.inForceToken)
      throw new DomainError('CONFLICT', text(input.lang, 'changedSincePreview', { year: input.year }));
    // The key other processes cache the days by: it must change with every load, even at the same instant.
    const previous = proposal.inForce.kind === 'loaded' ? proposal.inForce.loadedAt.getTime() : 0;
    const loadedAt = new Date(Math.max(input.now.getTime(), previous + 1));
    await upsertCalendarYear(tx, {
      year: input.year,
      days: proposal.days,
      source: input.source,
      loadedBy: input.actor.label,
      loadedAt,
    });
    const before =
      proposal.inForce.kind === 'loaded'
        ? {
            kind: 'loaded',
            source: proposal.inForce.source,
            loadedAt: proposal.inForce.loadedAt.toISOString(),
          }
        : { kind: proposal.inForce.kind };
    await recordAudit(tx, {
      occurredAt: input.now,
      actor: input.actor,
      action: 'calendar.year_loaded',
      target: { type: 'calendar_year', id: String(input.year) },
      ...(input.origin ? { origin: input.origin } : {}),
      details: {
        year: input.year,
        before,
        after: {
          kind: 'loaded',
          source: input.source,
          days: proposal.days.length,
          closedDays: proposal.days.filter((day) => day.isHoliday).length,
        },
        statusChanges: proposal.differences.statusChanges.map((change) => ({
          date: change.date,
          isHoliday: change.isHoliday,
        })),
        descriptionChanges: proposal.differences.descriptionChanges.length,
        ...(input.effect ? { effect: input.effect } : {}),
      },
    });
    return proposal;
  });
  const lines: string[] = [];
  if (input.announce) for (const day of proposal.changedDays) lines.push(...(await input.announce(day)));
  return { proposal, lines };
}
