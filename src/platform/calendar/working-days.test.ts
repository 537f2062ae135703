import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadBundledCalendarYears } from './calendar-data.ts';
import { calendarOverrideSeed } from './calendar-overrides-seed.ts';
import {
  addCalendarDays,
  CalendarDataError,
  type CalendarOverride,
  CalendarYearMissingError,
  createWorkingCalendar,
  endOfTaipeiDay,
  InvalidCalendarInputError,
  localDate,
  type Pause,
  startOfTaipeiDay,
  toTaipeiLocalDate,
} from './working-days.ts';

// Every expectation below was read off the bundled files in ./data (the `isHoliday` field); the
// comments name the days that matter. All times are Taipei wall-clock times (UTC+8).

const years = await loadBundledCalendarYears();
const calendar = createWorkingCalendar({ years, overrides: [] });

/** An instant given in Taipei wall-clock time, e.g. taipei('2026-03-10 10:00'). */
function taipei(dateTime: string): Date {
  return new Date(`${dateTime.replace(' ', 'T')}:00+08:00`);
}

/** The ISO text of 23:59:59.999 Taipei on `date`, the instant a deadline on that day expires. */
function endOf(date: string): string {
  return endOfTaipeiDay(localDate(date)).toISOString();
}

function pause(from: string, to: string | null): Pause {
  return { from: taipei(from), to: to === null ? null : taipei(to) };
}

function isMissingYear(year: number) {
  return (error: unknown) =>
    error instanceof CalendarYearMissingError &&
    error.code === 'CALENDAR_YEAR_MISSING' &&
    error.year === year;
}

describe('bundled calendar data', () => {
  it('has every day of 2017 to 2027', () => {
    assert.deepEqual(calendar.years, [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    // 2020 and 2024 are leap years.
    assert.equal(years[2020]?.length, 366);
    assert.equal(years[2024]?.length, 366);
    assert.equal(years[2026]?.length, 365);
  });

  it('reads the CRLF 2025 file like the others', () => {
    assert.deepEqual(years[2025]?.[0], {
      date: '20250101',
      week: '三',
      isHoliday: true,
      description: '開國紀念日',
    });
  });
});

describe('local dates and Taipei time', () => {
  it('converts an instant to its Taipei date', () => {
    // 16:30 UTC on 10 March is 00:30 on 11 March in Taipei.
    assert.equal(toTaipeiLocalDate(new Date('2026-03-10T16:30:00Z')), '2026-03-11');
    assert.equal(toTaipeiLocalDate(new Date('2026-03-10T15:59:59.999Z')), '2026-03-10');
  });

  it('gives the start and end of a Taipei day', () => {
    assert.equal(startOfTaipeiDay(localDate('2026-03-10')).toISOString(), '2026-03-09T16:00:00.000Z');
    assert.equal(endOfTaipeiDay(localDate('2026-03-10')).toISOString(), '2026-03-10T15:59:59.999Z');
  });

  it('adds calendar days across a leap day and a year end', () => {
    assert.equal(addCalendarDays(localDate('2024-02-28'), 1), '2024-02-29');
    assert.equal(addCalendarDays(localDate('2026-12-31'), 1), '2027-01-01');
    assert.equal(addCalendarDays(localDate('2027-01-01'), -1), '2026-12-31');
  });

  it('rejects malformed or impossible dates', () => {
    for (const text of ['2026-02-30', '2026-2-3', '20260203', '2025-02-29', '']) {
      assert.throws(() => localDate(text), InvalidCalendarInputError, text);
    }
    assert.throws(() => toTaipeiLocalDate(new Date('not a date')), InvalidCalendarInputError);
  });
});

describe('isWorkingDay and nextWorkingDay', () => {
  it('treats an ordinary weekday as a working day', () => {
    // 2026-03-10 is a Tuesday with no holiday.
    assert.equal(calendar.isWorkingDay(localDate('2026-03-10')), true);
  });

  it('treats Saturday and Sunday as closed', () => {
    assert.equal(calendar.isWorkingDay(localDate('2026-03-14')), false);
    assert.equal(calendar.isWorkingDay(localDate('2026-03-15')), false);
  });

  it('closes the whole 2026 Lunar New Year break, 14 to 22 February', () => {
    // Sat 14, Sun 15 (小年夜), Mon 16 (除夕), Tue 17–Thu 19 (春節), Fri 20 (補假), Sat 21, Sun 22.
    for (let day = 14; day <= 22; day += 1) {
      assert.equal(calendar.isWorkingDay(localDate(`2026-02-${day}`)), false, `2026-02-${day}`);
    }
    assert.equal(calendar.isWorkingDay(localDate('2026-02-13')), true);
    assert.equal(calendar.isWorkingDay(localDate('2026-02-23')), true);
    assert.equal(calendar.nextWorkingDay(localDate('2026-02-13')), '2026-02-23');
  });

  it('opens a make-up Saturday (補行上班) and only that one', () => {
    // 2024-02-17 is a Saturday marked isHoliday false (補行上班); the next Saturday is closed.
    assert.equal(calendar.isWorkingDay(localDate('2024-02-17')), true);
    assert.equal(calendar.isWorkingDay(localDate('2024-02-24')), false);
    assert.equal(calendar.nextWorkingDay(localDate('2024-02-16')), '2024-02-17');
    // 2023-01-07 is another make-up Saturday.
    assert.equal(calendar.nextWorkingDay(localDate('2023-01-06')), '2023-01-07');
  });

  it('crosses a year end', () => {
    // 2027-01-01 (Fri) is 開國紀念日, then a weekend.
    assert.equal(calendar.nextWorkingDay(localDate('2026-12-31')), '2027-01-04');
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after `from` up to and including `to`', () => {
    // Only Mon 2026-02-23 lies in (Fri 13, Mon 23].
    assert.equal(calendar.workingDaysBetween(localDate('2026-02-13'), localDate('2026-02-23')), 1);
    // Wed 11, Thu 12, Fri 13 March.
    assert.equal(calendar.workingDaysBetween(localDate('2026-03-10'), localDate('2026-03-13')), 3);
    assert.equal(calendar.workingDaysBetween(localDate('2026-03-10'), localDate('2026-03-10')), 0);
  });

  it('is negative when `to` is before `from`', () => {
    assert.equal(calendar.workingDaysBetween(localDate('2026-03-13'), localDate('2026-03-10')), -3);
  });

  it('crosses a year end', () => {
    // Dec 31 (Thu) → Jan 4 (Mon): Jan 1 is a holiday and Jan 2–3 a weekend.
    assert.equal(calendar.workingDaysBetween(localDate('2026-12-31'), localDate('2027-01-04')), 1);
  });
});

describe('addWorkingDays', () => {
  it('counts plain weekdays from the day after receipt', () => {
    // Received Tue 10 March: Wed 11 (1), Thu 12 (2), Fri 13 (3).
    assert.equal(calendar.addWorkingDays(taipei('2026-03-10 10:00'), 3)?.toISOString(), endOf('2026-03-13'));
  });

  it('skips a weekend', () => {
    // Received Thu 12 March: Fri 13 (1), Sat/Sun skipped, Mon 16 (2), Tue 17 (3).
    assert.equal(calendar.addWorkingDays(taipei('2026-03-12 10:00'), 3)?.toISOString(), endOf('2026-03-17'));
  });

  it('skips a national holiday when received on the Friday before it', () => {
    // Received Fri 13 Feb 2026, the last working day before the Lunar New Year break (14–22 Feb).
    assert.equal(calendar.addWorkingDays(taipei('2026-02-13 16:00'), 1)?.toISOString(), endOf('2026-02-23'));
    // Received Fri 23 Oct 2026: Sat 24, Sun 25 (光復節), Mon 26 (its 補假) are closed.
    assert.equal(calendar.addWorkingDays(taipei('2026-10-23 09:00'), 1)?.toISOString(), endOf('2026-10-27'));
  });

  it('counts a make-up Saturday', () => {
    // Received Fri 16 Feb 2024: Sat 17 Feb is 補行上班, so it is day 1.
    assert.equal(calendar.addWorkingDays(taipei('2024-02-16 10:00'), 1)?.toISOString(), endOf('2024-02-17'));
    // Day 2 is Mon 19 Feb (Sun 18 is closed).
    assert.equal(calendar.addWorkingDays(taipei('2024-02-16 10:00'), 2)?.toISOString(), endOf('2024-02-19'));
  });

  it('crosses a year end', () => {
    // Received Thu 31 Dec 2026: Jan 1 (holiday), Jan 2–3 (weekend), so day 1 is Mon 4, day 2 Tue 5.
    assert.equal(calendar.addWorkingDays(taipei('2026-12-31 10:00'), 1)?.toISOString(), endOf('2027-01-04'));
    assert.equal(calendar.addWorkingDays(taipei('2026-12-31 10:00'), 2)?.toISOString(), endOf('2027-01-05'));
    // Received Thu 24 Dec 2026: Fri 25 is 行憲紀念日, then a weekend.
    assert.equal(calendar.addWorkingDays(taipei('2026-12-24 10:00'), 1)?.toISOString(), endOf('2026-12-28'));
  });

  it('counts from the receipt day when startsDayAfterReceipt is false', () => {
    // Tue 10 (1), Wed 11 (2), Thu 12 (3): one day earlier than the default rule's Fri 13.
    const received = taipei('2026-03-10 10:00');
    assert.equal(
      calendar.addWorkingDays(received, 3, { startsDayAfterReceipt: false })?.toISOString(),
      endOf('2026-03-12'),
    );
    // A Saturday receipt day is closed, so even counted from receipt the first day is Mon 16.
    assert.equal(
      calendar.addWorkingDays(taipei('2026-03-14 10:00'), 1, { startsDayAfterReceipt: false })?.toISOString(),
      endOf('2026-03-16'),
    );
  });

  it('takes the receipt day in Taipei time, not UTC', () => {
    // 2026-03-10T16:30Z is Wed 11 March 00:30 in Taipei, so day 1 is Thu 12.
    assert.equal(
      calendar.addWorkingDays(new Date('2026-03-10T16:30:00Z'), 1)?.toISOString(),
      endOf('2026-03-12'),
    );
    // 23:30 Taipei on Tue 10 is still Tuesday: day 1 is Wed 11.
    assert.equal(calendar.addWorkingDays(taipei('2026-03-10 23:30'), 1)?.toISOString(), endOf('2026-03-11'));
  });

  it('gives the end of the receipt day for n = 0', () => {
    assert.equal(calendar.addWorkingDays(taipei('2026-03-14 10:00'), 0)?.toISOString(), endOf('2026-03-14'));
  });

  it('does not need the receipt year when counting starts the next day', () => {
    // Received 31 Dec 2016 (no 2016 file): counting starts 1 Jan 2017 (Sun, 開國紀念日), then Mon 2
    // (補假), so day 1 is Tue 3 Jan 2017.
    assert.equal(calendar.addWorkingDays(taipei('2016-12-31 10:00'), 1)?.toISOString(), endOf('2017-01-03'));
    assert.throws(
      () => calendar.addWorkingDays(taipei('2016-12-31 10:00'), 1, { startsDayAfterReceipt: false }),
      isMissingYear(2016),
    );
  });

  describe('with pauses (補正)', () => {
    // Received Mon 2 March 2026, a 6-day (普通件) period. No holidays in March 2026.
    // Without a pause: Tue 3, Wed 4, Thu 5, Fri 6, Mon 9, Tue 10 → Tue 10.
    const received = taipei('2026-03-02 10:00');

    it('has the unpaused deadline as a baseline', () => {
      assert.equal(calendar.addWorkingDays(received, 6)?.toISOString(), endOf('2026-03-10'));
    });

    it('skips every day a closed pause touches and resumes the day after the supplement', () => {
      // Tue 3 is day 1. The pause touches Wed 4, Thu 5 and Fri 6 (the supplement day itself is not
      // counted). Then Mon 9 (2), Tue 10 (3), Wed 11 (4), Thu 12 (5), Fri 13 (6).
      const pauses = [pause('2026-03-04 14:00', '2026-03-06 11:00')];
      assert.equal(calendar.addWorkingDays(received, 6, { pauses })?.toISOString(), endOf('2026-03-13'));
    });

    it('excludes a day even when the pause covers only part of it', () => {
      // Default rule: the paused receipt day Mon 2 is not counted anyway, so nothing moves.
      const pauses = [pause('2026-03-02 11:00', '2026-03-02 15:00')];
      assert.equal(calendar.addWorkingDays(received, 6, { pauses })?.toISOString(), endOf('2026-03-10'));
      // Counting from receipt, Mon 2 would be day 1 (deadline Mon 9) but it is paused, so the
      // count is Tue 3 … Tue 10.
      assert.equal(
        calendar.addWorkingDays(received, 6, { startsDayAfterReceipt: false })?.toISOString(),
        endOf('2026-03-09'),
      );
      assert.equal(
        calendar.addWorkingDays(received, 6, { startsDayAfterReceipt: false, pauses })?.toISOString(),
        endOf('2026-03-10'),
      );
    });

    it('merges overlapping pauses', () => {
      // Touched days: Wed 4–Thu 5 and Thu 5–Fri 6, i.e. Wed 4 to Fri 6, as in the single-pause case.
      const pauses = [
        pause('2026-03-04 09:00', '2026-03-05 12:00'),
        pause('2026-03-05 10:00', '2026-03-06 09:00'),
      ];
      assert.equal(calendar.addWorkingDays(received, 6, { pauses })?.toISOString(), endOf('2026-03-13'));
    });

    it('returns null while an open pause stops the clock before the deadline', () => {
      const pauses = [pause('2026-03-04 14:00', null)];
      assert.equal(calendar.addWorkingDays(received, 6, { pauses }), null);
    });

    it('still returns the deadline when an open pause begins after it', () => {
      // The supplement was requested on Wed 11, after the Tue 10 deadline had passed.
      const pauses = [pause('2026-03-11 09:00', null)];
      assert.equal(calendar.addWorkingDays(received, 6, { pauses })?.toISOString(), endOf('2026-03-10'));
    });

    it('rejects a pause before receipt or ending before it starts', () => {
      assert.throws(
        () =>
          calendar.addWorkingDays(received, 6, { pauses: [pause('2026-03-01 10:00', '2026-03-03 10:00')] }),
        InvalidCalendarInputError,
      );
      assert.throws(
        () =>
          calendar.addWorkingDays(received, 6, { pauses: [pause('2026-03-05 10:00', '2026-03-04 10:00')] }),
        InvalidCalendarInputError,
      );
    });
  });

  it('throws for a deadline that runs into a year without data', () => {
    // Received Thu 30 Dec 2027: Fri 31 is a 補假, so day 1 would be in 2028.
    assert.throws(() => calendar.addWorkingDays(taipei('2027-12-30 10:00'), 1), isMissingYear(2028));
  });

  it('rejects an n that is not a non-negative integer', () => {
    const received = taipei('2026-03-10 10:00');
    for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '3' as unknown as number]) {
      assert.throws(() => calendar.addWorkingDays(received, n), InvalidCalendarInputError, String(n));
    }
  });

  it('rejects an invalid receipt instant and a non-boolean option', () => {
    assert.throws(() => calendar.addWorkingDays(new Date('nope'), 1), InvalidCalendarInputError);
    assert.throws(
      () => calendar.addWorkingDays('2026-03-10' as unknown as Date, 1),
      InvalidCalendarInputError,
    );
    assert.throws(
      () =>
        calendar.addWorkingDays(taipei('2026-03-10 10:00'), 1, {
          startsDayAfterReceipt: 'yes' as unknown as boolean,
        }),
      InvalidCalendarInputError,
    );
  });
});

describe('addHours (24-hour clock)', () => {
  /** The ISO text of `hours` after `start` (both Taipei wall-clock times), counting the pauses when given. */
  const hoursLater = (start: string, hours: number, pauses?: Pause[]) =>
    (pauses
      ? calendar.addHours(taipei(start), hours, { pauses })
      : calendar.addHours(taipei(start), hours)
    )?.toISOString();
  const isoOf = (dateTime: string) => taipei(dateTime).toISOString();

  it('runs through a holiday: a pothole reported on 除夕 gets 4 hours', () => {
    // Mon 16 Feb 2026 is 農曆除夕 (closed); the clock ignores that.
    assert.equal(hoursLater('2026-02-16 10:00', 4), isoOf('2026-02-16 14:00'));
    assert.equal(hoursLater('2026-02-16 10:00', 24), isoOf('2026-02-17 10:00'));
  });

  it('runs across midnight into a closed day', () => {
    // Fri 13 Feb 22:00 + 4 h = Sat 14 Feb 02:00.
    assert.equal(hoursLater('2026-02-13 22:00', 4), isoOf('2026-02-14 02:00'));
  });

  it('accepts fractional hours', () => {
    assert.equal(hoursLater('2026-03-10 10:00', 0.5), isoOf('2026-03-10 10:30'));
  });

  it('extends the deadline by the paused time', () => {
    // 10:00 + 4 h = 14:00, plus the 1.5 h pause 11:00–12:30 = 15:30.
    const pauses = [pause('2026-03-10 11:00', '2026-03-10 12:30')];
    assert.equal(hoursLater('2026-03-10 10:00', 4, pauses), isoOf('2026-03-10 15:30'));
  });

  it('counts overlapping pauses once', () => {
    // Union of 11:00–12:00 and 11:30–12:30 is 1.5 h.
    const pauses = [
      pause('2026-03-10 11:30', '2026-03-10 12:30'),
      pause('2026-03-10 11:00', '2026-03-10 12:00'),
    ];
    assert.equal(hoursLater('2026-03-10 10:00', 4, pauses), isoOf('2026-03-10 15:30'));
  });

  it('ignores a pause that starts at or after the deadline', () => {
    const pauses = [pause('2026-03-10 14:00', '2026-03-10 16:00')];
    assert.equal(hoursLater('2026-03-10 10:00', 4, pauses), isoOf('2026-03-10 14:00'));
  });

  it('returns null while an open pause stops the clock', () => {
    const pauses = [pause('2026-03-10 11:00', null)];
    assert.equal(calendar.addHours(taipei('2026-03-10 10:00'), 4, { pauses }), null);
  });

  it('works for any date, even one without calendar data', () => {
    assert.equal(hoursLater('2030-01-01 10:00', 4), isoOf('2030-01-01 14:00'));
  });

  it('rejects negative or non-finite hours', () => {
    for (const hours of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => calendar.addHours(taipei('2026-03-10 10:00'), hours), InvalidCalendarInputError);
    }
  });
});

describe('countWorkingDays', () => {
  it('counts a case finished on its receipt day as half a day', () => {
    assert.equal(calendar.countWorkingDays(taipei('2026-03-10 09:00'), taipei('2026-03-10 17:00')), 0.5);
    // Same Taipei day although the UTC dates differ (00:30 Taipei is the previous day in UTC).
    assert.equal(calendar.countWorkingDays(taipei('2026-03-10 00:30'), taipei('2026-03-10 23:00')), 0.5);
    // The rule holds whatever the counting option.
    assert.equal(
      calendar.countWorkingDays(taipei('2026-03-10 09:00'), taipei('2026-03-10 17:00'), {
        startsDayAfterReceipt: false,
      }),
      0.5,
    );
  });

  it('counts working days from the day after receipt', () => {
    // Tue 10 → Fri 13: Wed, Thu, Fri.
    assert.equal(calendar.countWorkingDays(taipei('2026-03-10 09:00'), taipei('2026-03-13 17:00')), 3);
    // Counting from receipt adds Tue 10.
    assert.equal(
      calendar.countWorkingDays(taipei('2026-03-10 09:00'), taipei('2026-03-13 17:00'), {
        startsDayAfterReceipt: false,
      }),
      4,
    );
  });

  it('does not count holidays or weekends', () => {
    // Fri 13 Feb → Mon 23 Feb 2026: only Mon 23 is a working day.
    assert.equal(calendar.countWorkingDays(taipei('2026-02-13 09:00'), taipei('2026-02-23 09:00')), 1);
    // Fri → Sat: no working day was used.
    assert.equal(calendar.countWorkingDays(taipei('2026-03-13 09:00'), taipei('2026-03-14 09:00')), 0);
  });

  it('excludes paused days, closed or still open at completion', () => {
    // Mon 2 → Fri 13 March: Tue 3 … Fri 13 is 9 working days; the pause touches Wed 4–Fri 6.
    const closed = [pause('2026-03-04 14:00', '2026-03-06 11:00')];
    assert.equal(calendar.countWorkingDays(taipei('2026-03-02 10:00'), taipei('2026-03-13 17:00')), 9);
    assert.equal(
      calendar.countWorkingDays(taipei('2026-03-02 10:00'), taipei('2026-03-13 17:00'), { pauses: closed }),
      6,
    );
    // Still waiting since Wed 11: Wed 11, Thu 12, Fri 13 are not used → Tue 3 … Tue 10 = 6.
    const open = [pause('2026-03-11 09:00', null)];
    assert.equal(
      calendar.countWorkingDays(taipei('2026-03-02 10:00'), taipei('2026-03-13 17:00'), { pauses: open }),
      6,
    );
  });

  it('rejects an end before the start', () => {
    assert.throws(
      () => calendar.countWorkingDays(taipei('2026-03-13 09:00'), taipei('2026-03-10 09:00')),
      InvalidCalendarInputError,
    );
  });
});

describe('overrides', () => {
  const kaohsiung = '64000';
  const taipeiCity = '63000';
  // Wed 8 July 2026 is an ordinary working day in the file.
  const typhoonInKaohsiung: CalendarOverride = {
    date: '2026-07-08',
    isHoliday: true,
    region: kaohsiung,
    reason: '颱風停止上班',
  };

  it('closes a working day for the region that announced a typhoon day', () => {
    const forKaohsiung = createWorkingCalendar({ years, overrides: [typhoonInKaohsiung], region: kaohsiung });
    assert.equal(forKaohsiung.isWorkingDay(localDate('2026-07-08')), false);
    // Received Tue 7 July: Wed 8 is closed, so day 1 is Thu 9.
    assert.equal(
      forKaohsiung.addWorkingDays(taipei('2026-07-07 10:00'), 1)?.toISOString(),
      endOf('2026-07-09'),
    );
  });

  it('ignores a regional override in another region or in a calendar without a region', () => {
    const forTaipei = createWorkingCalendar({ years, overrides: [typhoonInKaohsiung], region: taipeiCity });
    const nationwide = createWorkingCalendar({ years, overrides: [typhoonInKaohsiung] });
    assert.equal(forTaipei.isWorkingDay(localDate('2026-07-08')), true);
    assert.equal(nationwide.isWorkingDay(localDate('2026-07-08')), true);
    assert.equal(
      nationwide.addWorkingDays(taipei('2026-07-07 10:00'), 1)?.toISOString(),
      endOf('2026-07-08'),
    );
  });

  it('applies a nationwide override everywhere, and a regional one wins over it', () => {
    const overrides: CalendarOverride[] = [
      { date: '2026-07-08', isHoliday: true, region: null, reason: '颱風停止上班（全國）' },
      { date: '2026-07-08', isHoliday: false, region: kaohsiung, reason: '高雄市照常上班' },
    ];
    const forTaipei = createWorkingCalendar({ years, overrides, region: taipeiCity });
    const forKaohsiung = createWorkingCalendar({ years, overrides, region: kaohsiung });
    assert.equal(forTaipei.isWorkingDay(localDate('2026-07-08')), false);
    assert.equal(forKaohsiung.isWorkingDay(localDate('2026-07-08')), true);
  });

  it('can open a closed day', () => {
    // Sat 14 March 2026 is closed in the file; an override makes it a working day.
    const open = createWorkingCalendar({
      years,
      overrides: [{ date: '2026-03-14', isHoliday: false, reason: '補行上班' }],
    });
    assert.equal(open.isWorkingDay(localDate('2026-03-14')), true);
    // Received Fri 13: day 1 is now Sat 14.
    assert.equal(open.addWorkingDays(taipei('2026-03-13 10:00'), 1)?.toISOString(), endOf('2026-03-14'));
  });

  it('applies the 2025 corrections from the seed', () => {
    const corrected = createWorkingCalendar({ years, overrides: calendarOverrideSeed, region: kaohsiung });
    for (const date of ['2025-09-29', '2025-10-24', '2025-12-25']) {
      // The 2025 file predates the 2025 law and marks these as working days.
      assert.equal(calendar.isWorkingDay(localDate(date)), true, `${date} in the file`);
      assert.equal(corrected.isWorkingDay(localDate(date)), false, `${date} corrected`);
    }
    // Received Wed 24 Dec 2025: the file says Thu 25; corrected, Thu 25 is closed and day 1 is Fri 26.
    assert.equal(calendar.addWorkingDays(taipei('2025-12-24 10:00'), 1)?.toISOString(), endOf('2025-12-25'));
    assert.equal(corrected.addWorkingDays(taipei('2025-12-24 10:00'), 1)?.toISOString(), endOf('2025-12-26'));
    // Received Fri 26 Sep 2025: weekend, then Mon 29 (教師節 補假) closed → Tue 30.
    assert.equal(corrected.addWorkingDays(taipei('2025-09-26 10:00'), 1)?.toISOString(), endOf('2025-09-30'));
  });

  it('does not make a year without data known', () => {
    const withFutureOverride = createWorkingCalendar({
      years,
      overrides: [{ date: '2028-01-03', isHoliday: false, reason: 'test' }],
    });
    assert.throws(() => withFutureOverride.isWorkingDay(localDate('2028-01-03')), isMissingYear(2028));
  });

  it('rejects duplicate and malformed overrides', () => {
    assert.throws(
      () => createWorkingCalendar({ years, overrides: [typhoonInKaohsiung, { ...typhoonInKaohsiung }] }),
      CalendarDataError,
    );
    const malformed: CalendarOverride[] = [
      { ...typhoonInKaohsiung, region: '' },
      { ...typhoonInKaohsiung, date: '2026-7-8' },
      { ...typhoonInKaohsiung, reason: '  ' },
      { ...typhoonInKaohsiung, isHoliday: 'true' as unknown as boolean },
    ];
    for (const override of malformed) {
      assert.throws(() => createWorkingCalendar({ years, overrides: [override] }), InvalidCalendarInputError);
    }
    assert.throws(
      () => createWorkingCalendar({ years, overrides: [], region: '' }),
      InvalidCalendarInputError,
    );
  });
});

describe('missing years and bad data', () => {
  it('throws CalendarYearMissingError before 2017 and after 2027', () => {
    assert.throws(() => calendar.isWorkingDay(localDate('2016-12-30')), isMissingYear(2016));
    assert.throws(() => calendar.isWorkingDay(localDate('2028-01-03')), isMissingYear(2028));
    // Fri 31 Dec 2027 is a 補假, so the next working day is in 2028.
    assert.throws(() => calendar.nextWorkingDay(localDate('2027-12-30')), isMissingYear(2028));
    assert.throws(
      () => calendar.workingDaysBetween(localDate('2027-12-30'), localDate('2028-01-05')),
      isMissingYear(2028),
    );
  });

  it('names the year and how to fix it in the message', () => {
    assert.throws(() => calendar.isWorkingDay(localDate('2028-01-03')), /2028.*2017–2027.*2028\.json/);
  });

  it('refuses an incomplete or mislabelled year', () => {
    const year2026 = years[2026] ?? [];
    assert.throws(
      () => createWorkingCalendar({ years: { 2026: year2026.slice(1) }, overrides: [] }),
      CalendarDataError,
    );
    assert.throws(
      () => createWorkingCalendar({ years: { 2025: year2026 }, overrides: [] }),
      CalendarDataError,
    );
    const duplicated = [...year2026.slice(0, -1), year2026[0] as (typeof year2026)[number]];
    assert.throws(
      () => createWorkingCalendar({ years: { 2026: duplicated }, overrides: [] }),
      CalendarDataError,
    );
  });

  it('refuses a missing overrides list', () => {
    assert.throws(
      () => createWorkingCalendar({ years, overrides: undefined as unknown as CalendarOverride[] }),
      InvalidCalendarInputError,
    );
  });
});
