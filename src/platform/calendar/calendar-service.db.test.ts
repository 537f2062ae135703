import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import { listCalendarOverrides, seedCalendarOverrides, upsertCalendarOverride } from './calendar-repo.ts';
import { loadWorkingCalendar } from './calendar-service.ts';
import { localDate } from './working-days.ts';

describe('working calendar with the override table (PostgreSQL)', () => {
  it('has the 2025 corrections loaded by the seed, and seeding again adds nothing', async () => {
    const { db } = await createTestDatabase();
    const calendar = await loadWorkingCalendar(db, { region: '64000' });
    // 2025-12-25 (Thursday) is a working day in the bundled 2025 file but a holiday by the 2025 law.
    assert.equal(calendar.isWorkingDay(localDate('2025-12-25')), false);
    assert.equal(calendar.isWorkingDay(localDate('2025-12-24')), true);
    assert.equal(await seedCalendarOverrides(db), 0);
    const rows = await listCalendarOverrides(db);
    assert.deepEqual(
      rows.map((row) => row.date),
      ['2025-09-29', '2025-10-24', '2025-12-25'],
    );
  });

  it('applies a Kaohsiung typhoon day to Kaohsiung only, and replaces it when set again', async () => {
    const { db } = await createTestDatabase();
    // 2026-07-15 is a Wednesday, a working day in the 2026 file.
    await upsertCalendarOverride(db, {
      date: '2026-07-15',
      isHoliday: true,
      region: '64000',
      reason: '颱風停止上班',
    });
    const kaohsiung = await loadWorkingCalendar(db, { region: '64000' });
    const taipei = await loadWorkingCalendar(db, { region: '63000' });
    assert.equal(kaohsiung.isWorkingDay(localDate('2026-07-15')), false);
    assert.equal(taipei.isWorkingDay(localDate('2026-07-15')), true);
    // Received Tuesday 2026-07-14 10:00 Taipei, 1 working day from the next day: Wednesday is closed → Thursday.
    const deadline = kaohsiung.addWorkingDays(new Date('2026-07-14T02:00:00Z'), 1);
    assert.equal(deadline?.toISOString(), '2026-07-16T15:59:59.999Z');

    await upsertCalendarOverride(db, {
      date: '2026-07-15',
      isHoliday: false,
      region: '64000',
      reason: '更正：照常上班',
    });
    const corrected = await loadWorkingCalendar(db, { region: '64000' });
    assert.equal(corrected.isWorkingDay(localDate('2026-07-15')), true);
    const rows = (await listCalendarOverrides(db)).filter((row) => row.date === '2026-07-15');
    assert.equal(rows.length, 1, 'one row per (date, region)');
    assert.equal(rows[0]?.reason, '更正：照常上班');
  });
});
