// Periods of the statistics in the centre's time zone: presets and custom day ranges, the
// previous period they are compared with, and the day/week/month buckets of their series.
// Pure: `now` is a parameter. Weeks start on Monday (as in China and ISO 8601).
import { DAY_MS, civilFromDayNumber, dayNumber, formatIsoDate, parseIsoDate, weekdayOf } from '../sla/civilDate';
import { localToUtc, offsetMsAt } from '../sla/timeZone';
import type { GroupBy, PeriodInput, ResolvedPeriod } from './types';

/** Local day number of an instant in a zone. */
export const localDay = (timeZone: string, at: number): number => Math.floor((at + offsetMsAt(timeZone, at)) / DAY_MS);
/** The instant a local day starts. */
export const dayStart = (timeZone: string, day: number): number => localToUtc(timeZone, day * DAY_MS);
/** Monday = 0 … Sunday = 6. */
export const mondayIndex = (day: number): number => (weekdayOf(day) + 6) % 7;

const monthStart = (day: number): number => {
  const c = civilFromDayNumber(day);
  return dayNumber(c.year, c.month, 1);
};
const addMonths = (firstOfMonth: number, n: number): number => {
  const c = civilFromDayNumber(firstOfMonth);
  const m = c.month - 1 + n;
  return dayNumber(c.year + Math.floor(m / 12), ((m % 12) + 12) % 12 + 1, 1);
};

function resolved(timeZone: string, fromDay: number, toDayExclusive: number): ResolvedPeriod {
  return {
    from: dayStart(timeZone, fromDay),
    to: dayStart(timeZone, toDayExclusive),
    fromDay: formatIsoDate(fromDay),
    toDay: formatIsoDate(toDayExclusive - 1),
    timeZone,
  };
}

/** Thrown for a custom range that is not a range of real days; the handler maps it to VALIDATION. */
export class PeriodError extends Error {}

/** Maximum span of a custom period: a little over two years. */
export const MAX_PERIOD_DAYS = 800;

/**
 * The period and the one it is compared with. "This …" periods run up to the end of today and are
 * compared with the same number of days from the start of the previous week, month or year.
 */
export function resolvePeriod(input: PeriodInput, now: number, timeZone: string): { current: ResolvedPeriod; previous: ResolvedPeriod } {
  const today = localDay(timeZone, now);
  let from: number;
  let to: number;
  let prevFrom: number;
  let prevTo: number;
  if ('preset' in input) {
    switch (input.preset) {
      case 'today':
        [from, to, prevFrom, prevTo] = [today, today + 1, today - 1, today];
        break;
      case 'thisWeek':
        from = today - mondayIndex(today);
        to = today + 1;
        prevFrom = from - 7;
        prevTo = prevFrom + (to - from);
        break;
      case 'thisMonth': {
        from = monthStart(today);
        to = today + 1;
        prevFrom = addMonths(from, -1);
        prevTo = Math.min(prevFrom + (to - from), from);
        break;
      }
      case 'lastMonth':
        to = monthStart(today);
        from = addMonths(to, -1);
        prevTo = from;
        prevFrom = addMonths(from, -1);
        break;
      case 'thisYear': {
        const y = civilFromDayNumber(today).year;
        from = dayNumber(y, 1, 1);
        to = today + 1;
        prevFrom = dayNumber(y - 1, 1, 1);
        prevTo = Math.min(prevFrom + (to - from), from);
        break;
      }
    }
  } else {
    const f = parseIsoDate(input.from);
    const t = parseIsoDate(input.to);
    if (f === null || t === null || t < f) throw new PeriodError(`The period ${input.from} … ${input.to} is not a range of days.`);
    if (t - f + 1 > MAX_PERIOD_DAYS) throw new PeriodError(`The period ${input.from} … ${input.to} is longer than ${MAX_PERIOD_DAYS} days.`);
    from = f;
    to = t + 1;
    prevTo = from;
    prevFrom = from - (to - from);
  }
  return { current: resolved(timeZone, from, to), previous: resolved(timeZone, prevFrom, prevTo) };
}

export interface Bucket {
  fromDay: number;
  toDay: number;
  from: number;
  to: number;
  label: string;
}

/** The period cut into days, Monday-based weeks or calendar months (the first and last may be partial). */
export function bucketsOf(period: ResolvedPeriod, groupBy: GroupBy): Bucket[] {
  const tz = period.timeZone;
  const first = parseIsoDate(period.fromDay)!;
  const end = parseIsoDate(period.toDay)! + 1;
  const out: Bucket[] = [];
  let d = first;
  while (d < end) {
    let next: number;
    let label: string;
    if (groupBy === 'day') {
      next = d + 1;
      label = formatIsoDate(d);
    } else if (groupBy === 'week') {
      const monday = d - mondayIndex(d);
      next = monday + 7;
      label = formatIsoDate(monday);
    } else {
      const m = monthStart(d);
      next = addMonths(m, 1);
      label = formatIsoDate(m).slice(0, 7);
    }
    next = Math.min(next, end);
    out.push({ fromDay: d, toDay: next, from: dayStart(tz, d), to: dayStart(tz, next), label });
    d = next;
  }
  return out;
}

/** A sensible grouping for a period's length. */
export const defaultGroupBy = (period: ResolvedPeriod): GroupBy => {
  const days = parseIsoDate(period.toDay)! - parseIsoDate(period.fromDay)! + 1;
  return days > 120 ? 'month' : days > 35 ? 'week' : 'day';
};
