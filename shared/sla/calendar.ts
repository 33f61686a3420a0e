// A compiled calendar answers one question fast: "which UTC instants of civil day d are working
// time?". Days are built lazily on first use (a handful of Intl calls each) and cached, so the
// arithmetic in workingTime.ts is array look-ups and comparisons only.
import { DAY_MS, MINUTE_MS, dayNumber, parseIsoDate, weekdayOf } from './civilDate';
import { localToUtc } from './timeZone';
import { validateCalendarSpec } from './calendarValidation';
import { WEEKDAYS, type CalendarSpec, type WorkingInterval } from './types';

/** One local civil day of a calendar, in UTC instants. */
export interface CalendarDay {
  /** Day number (days since 1970-01-01). */
  readonly day: number;
  /** UTC instant of local midnight, and of the next local midnight (23–25 h later across DST). */
  readonly start: number;
  readonly end: number;
  /** Working intervals as a flat list [from0, to0, from1, to1, …] of UTC instants, ascending. */
  readonly bounds: readonly number[];
  /** Total working time of the day in ms. */
  readonly workMs: number;
  /** False when the day lies outside the calendar's known holiday years. */
  readonly known: boolean;
}

// Days before 1900 are never needed; offsetting keeps the cache a dense, non-negative array.
const FIRST_CACHED_DAY = dayNumber(1900, 1, 1);

export interface CompiledCalendar {
  readonly spec: CalendarSpec;
  readonly id: string;
  readonly open24x7: boolean;
  /** Working time of one standard working day, in ms (24 h for a 24x7 calendar). */
  readonly standardDayMs: number;
  /** UTC instants bounding the known holiday years: [knownFrom, knownUntil). */
  readonly knownFrom: number;
  readonly knownUntil: number;
  /** The civil day with the given day number. */
  dayAt(day: number): CalendarDay;
  /** The civil day containing a UTC instant. */
  dayOf(instant: number): CalendarDay;
}

/** Precomputes what the arithmetic needs. Throws a RangeError naming the bad field for an invalid spec. */
export function compileCalendar(spec: CalendarSpec): CompiledCalendar {
  validateCalendarSpec(spec);
  const tz = spec.timeZone;
  const holidays = new Set(spec.holidays.map((d) => parseIsoDate(d) as number));
  const workdays = new Set(spec.workdays.map((d) => parseIsoDate(d) as number));
  const hoursByWeekday = WEEKDAYS.map((w) => spec.weeklyHours[w]);
  const makeUpHours = spec.weeklyHours[spec.makeUpDayHours ?? 'mon'];
  const firstKnownDay = spec.years ? dayNumber(spec.years.from, 1, 1) : Infinity;
  const lastKnownDay = spec.years ? dayNumber(spec.years.to, 12, 31) : -Infinity;
  const cache: (CalendarDay | undefined)[] = [];
  // Last seen offset of local time from UTC: the first guess for the day of the next instant.
  let offsetGuess = 0;

  const hoursOf = (day: number): WorkingInterval[] => {
    if (holidays.has(day)) return [];
    if (workdays.has(day)) return makeUpHours;
    return hoursByWeekday[weekdayOf(day)] ?? [];
  };

  const build = (day: number): CalendarDay => {
    const start = localToUtc(tz, day * DAY_MS);
    const end = localToUtc(tz, (day + 1) * DAY_MS);
    const known = spec.open24x7 || (day >= firstKnownDay && day <= lastKnownDay);
    const bounds: number[] = [];
    let workMs = 0;
    if (spec.open24x7) {
      bounds.push(start, end);
      workMs = end - start;
    } else {
      // Clamping keeps bounds ascending even when a boundary falls in a DST gap.
      let floor = start;
      for (const { from, to } of hoursOf(day)) {
        const a = Math.max(floor, localToUtc(tz, day * DAY_MS + from * MINUTE_MS));
        const b = Math.max(a, Math.min(end, localToUtc(tz, day * DAY_MS + to * MINUTE_MS)));
        floor = b;
        if (b > a) {
          bounds.push(a, b);
          workMs += b - a;
        }
      }
    }
    return { day, start, end, bounds, workMs, known };
  };

  const dayAt = (day: number): CalendarDay => {
    const i = day - FIRST_CACHED_DAY;
    let d = i >= 0 ? cache[i] : undefined;
    if (d === undefined) {
      d = build(day);
      if (i >= 0) cache[i] = d;
    }
    return d;
  };

  const dayOf = (instant: number): CalendarDay => {
    let d = dayAt(Math.floor((instant + offsetGuess) / DAY_MS));
    while (instant < d.start) d = dayAt(d.day - 1);
    while (instant >= d.end) d = dayAt(d.day + 1);
    offsetGuess = d.day * DAY_MS - d.start;
    return d;
  };

  const standardMinutes =
    spec.standardDayMinutes ??
    (spec.open24x7 ? 24 * 60 : makeUpHours.reduce((sum, i) => sum + i.to - i.from, 0));

  return {
    spec,
    id: spec.id,
    open24x7: spec.open24x7,
    standardDayMs: standardMinutes * MINUTE_MS,
    knownFrom: spec.open24x7 ? -Infinity : Number.isFinite(firstKnownDay) ? localToUtc(tz, firstKnownDay * DAY_MS) : Infinity,
    knownUntil: spec.open24x7 ? Infinity : Number.isFinite(lastKnownDay) ? localToUtc(tz, (lastKnownDay + 1) * DAY_MS) : -Infinity,
    dayAt,
    dayOf,
  };
}
