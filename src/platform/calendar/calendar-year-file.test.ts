import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { declarationRefusal } from './calendar-declaration.ts';
import { checkCalendarYearFile, diffCalendarYears } from './calendar-year-file.ts';
import type { CalendarDay } from './working-days.ts';

const official2026 = readFileSync(new URL('./data/2026.json', import.meta.url), 'utf8');
const days2026 = JSON.parse(official2026) as CalendarDay[];
const check = (year: number, text: string, lang: 'zh-TW' | 'en' = 'en') =>
  checkCalendarYearFile(year, text, { lang, field: 'calendarFile' });

describe('a year’s official calendar file', () => {
  it('accepts the bundled 2026 file (with a byte-order mark too), in date order', () => {
    const checked = check(2026, `\uFEFF${official2026}`);
    assert.deepEqual(checked.problems, []);
    assert.equal(checked.days.length, 365);
    assert.equal(checked.days[0]?.date, '20260101');
  });

  it('lists every problem at once: bad records, bad dates, another year, duplicates, missing days', () => {
    const broken = days2026.slice(3, 300).map((day) => ({ ...day }));
    broken.push({ ...(days2026[10] as CalendarDay) });
    broken.push({ date: '20250101', week: '三', isHoliday: true, description: '' });
    broken.push({ date: '20260230', week: '一', isHoliday: false, description: '' });
    broken.push({ date: '20260301', week: '日' } as unknown as CalendarDay);
    const checked = check(2026, JSON.stringify(broken));
    assert.deepEqual(
      checked.problems.map((problem) => problem.code),
      ['bad_record', 'bad_date', 'other_year', 'duplicate_day', 'missing_day'],
    );
    assert.match(checked.problems[0]?.message ?? '', /Records 301 /);
    assert.match(checked.problems[3]?.message ?? '', /2026-01-11/);
    assert.match(
      checked.problems[4]?.message ?? '',
      /^68 days are missing: 2026-01-01, 2026-01-02, 2026-01-03, /,
    );
    assert.match(checked.problems[4]?.message ?? '', /… 68 in all/);
    assert.ok(checked.problems.every((problem) => problem.field === 'calendarFile'));
    assert.deepEqual(checked.days, []);
  });

  it('says plainly when the text is not JSON or not a list, in the user’s language', () => {
    assert.match(check(2026, '{"date":', 'zh-TW').problems[0]?.message ?? '', /^檔案不是有效的 JSON/);
    assert.equal(check(2026, '{"days": []}').problems[0]?.code, 'not_array');
  });

  it('compares with what is in force: working status and descriptions apart', () => {
    const next = days2026.map((day) => ({ ...day }));
    const july15 = next.find((day) => day.date === '20260715') as CalendarDay;
    july15.isHoliday = true;
    july15.description = '新假日';
    const newYear = next.find((day) => day.date === '20260101') as CalendarDay;
    newYear.description = '中華民國開國紀念日';
    const differences = diffCalendarYears(days2026, next);
    assert.deepEqual(differences.statusChanges, [
      { date: '2026-07-15', wasHoliday: false, isHoliday: true, description: '新假日' },
    ]);
    assert.deepEqual(differences.descriptionChanges, [
      { date: '2026-01-01', before: '開國紀念日', after: '中華民國開國紀念日' },
    ]);
    assert.equal(differences.isSame, false);
    assert.equal(diffCalendarYears(days2026, days2026).isSame, true);
    const fresh = diffCalendarYears(null, days2026);
    assert.deepEqual([fresh.statusChanges.length, fresh.isSame], [0, false]);
  });
});

describe('declaring a day closed or open', () => {
  it('refuses what is already declared, or already so in the official calendar', () => {
    assert.equal(
      declarationRefusal({ existingOverride: true, isClosedNow: true, isHoliday: true }),
      'already_declared',
    );
    assert.equal(
      declarationRefusal({ existingOverride: null, isClosedNow: true, isHoliday: true }),
      'already_in_force',
    );
    assert.equal(declarationRefusal({ existingOverride: null, isClosedNow: false, isHoliday: true }), null);
    // Reopening a day a typhoon closed: the override is replaced.
    assert.equal(declarationRefusal({ existingOverride: true, isClosedNow: true, isHoliday: false }), null);
  });
});
