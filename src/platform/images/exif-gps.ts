/**
 * Where and when a photo was taken, from the original's EXIF (sharp's `metadata().exif`). The byte parsing
 * is the browser's own file, `platform/web/client/exif-gps.js`, so the pin the /report page places from a
 * photo and the position the server records can never disagree; this file only turns its strings into a
 * Date.
 */
import { type GpsPosition, readExifFacts } from '../web/client/exif-gps.js';

export type { GpsPosition };

export interface PhotoExif {
  gps: GpsPosition | null;
  /** DateTimeOriginal as an instant, or null when missing or not a real date. */
  takenAt: Date | null;
}

/** Taiwan's offset: the time zone we assume when the camera did not write one (most photos here are local). */
const assumedOffset = '+08:00';

export function readPhotoExif(exif: Uint8Array | undefined): PhotoExif {
  if (exif === undefined) return { gps: null, takenAt: null };
  const facts = readExifFacts(exif);
  return {
    gps: facts.gps,
    takenAt:
      facts.dateTimeOriginal === null
        ? null
        : exifDateToDate(facts.dateTimeOriginal, facts.offsetTimeOriginal ?? assumedOffset),
  };
}

/**
 * "2024:05:06 07:08:09" at "+08:00" → 2024-05-05T23:08:09Z. Null for the zeros cameras write when their
 * clock was never set and for dates that do not exist (2024:02:30), which `Date` would silently roll over.
 */
export function exifDateToDate(dateTime: string, offset: string): Date | null {
  const match = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(dateTime);
  if (match === null || !/^[+-]\d{2}:\d{2}$/.test(offset)) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59)
    return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  const date = new Date(`${dateTime.slice(0, 10).replaceAll(':', '-')}T${dateTime.slice(11)}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}
