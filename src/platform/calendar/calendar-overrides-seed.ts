/**
 * Seed rows for the calendar_overrides table.
 *
 * The bundled 2025.json was published in mid-2024, before the 2025 law 紀念日及節日實施條例 made
 * 教師節 (9/28), 臺灣光復節 (10/25) and 行憲紀念日 (12/25) holidays. The revised official 2025
 * calendar closed offices on the three days below, which the file marks as ordinary working days.
 * The 2026 and 2027 files already include these holidays, so only 2025 needs correcting.
 */
import type { CalendarOverride } from './working-days.ts';

export interface CalendarOverrideSeedRow extends CalendarOverride {
  region: null;
  source: string;
}

const revised2025Source =
  '行政院人事行政總處 revised 114 (2025) 政府行政機關辦公日曆表, after 紀念日及節日實施條例 (2025); ' +
  'the bundled 2025.json predates the revision';

export const calendarOverrideSeed: readonly CalendarOverrideSeedRow[] = Object.freeze([
  {
    date: '2025-09-29',
    region: null,
    isHoliday: true,
    reason: '補假：孔子誕辰紀念日/教師節 (9/28, a Sunday)',
    source: revised2025Source,
  },
  {
    date: '2025-10-24',
    region: null,
    isHoliday: true,
    reason: '補假：臺灣光復暨金門古寧頭大捷紀念日 (10/25, a Saturday)',
    source: revised2025Source,
  },
  {
    date: '2025-12-25',
    region: null,
    isHoliday: true,
    reason: '行憲紀念日',
    source: revised2025Source,
  },
]);
