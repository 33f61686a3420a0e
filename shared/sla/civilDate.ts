// Civil (calendar) dates as plain day numbers: days since 1970-01-01 in the proleptic Gregorian
// calendar, independent of any time zone. Integers are cheap to hash, compare and step through,
// which the working-time engine does millions of times per second.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** 0 = Sunday … 6 = Saturday, matching `Date.prototype.getUTCDay`. */
export type WeekdayIndex = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a civil date (Howard Hinnant's days_from_civil, valid for all Gregorian dates). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Civil date of a day number (the inverse of `dayNumber`). */
export function civilFromDayNumber(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Parses a strict `YYYY-MM-DD`; returns null for anything else, including 2025-02-30. */
export function parseIsoDate(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const n = dayNumber(year, month, day);
  const back = civilFromDayNumber(n);
  return back.month === month && back.day === day ? n : null;
}

export function formatIsoDate(days: number): string {
  const { year, month, day } = civilFromDayNumber(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function weekdayOf(days: number): WeekdayIndex {
  // 1970-01-01 was a Thursday (4); the double modulo keeps pre-1970 days non-negative.
  return ((((days + 4) % 7) + 7) % 7) as WeekdayIndex;
}

export function yearOf(days: number): number {
  return civilFromDayNumber(days).year;
}
