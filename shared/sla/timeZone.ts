// Time-zone offsets through Intl only (no tz database of our own, no Date.now()). These calls
// are slow (microseconds), so the calendar calls them once per civil day and caches the result.
import { DAY_MS, MINUTE_MS } from './civilDate';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of local wall time from UTC in ms at a UTC instant (e.g. +8 h for Asia/Shanghai). */
export function offsetMsAt(timeZone: string, utcMs: number): number {
  if (timeZone === 'UTC') return 0;
  const parts = formatterFor(timeZone).formatToParts(new Date(utcMs));
  let year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, bc = false;
  for (const p of parts) {
    switch (p.type) {
      case 'year': year = Number(p.value); break;
      case 'month': month = Number(p.value); break;
      case 'day': day = Number(p.value); break;
      case 'hour': hour = Number(p.value) % 24; break;
      case 'minute': minute = Number(p.value); break;
      case 'second': second = Number(p.value); break;
      case 'era': bc = p.value.startsWith('B'); break;
    }
  }
  const localAsUtc = Date.UTC(bc ? 1 - year : year, month - 1, day, hour, minute, second);
  const wholeSeconds = Math.floor(utcMs / 1000) * 1000;
  return localAsUtc - wholeSeconds;
}

/**
 * The UTC instant of a local wall time, given as ms since 1970-01-01T00:00 *local*.
 * In a repeated hour (DST ends) the earlier instant wins, as in Temporal's 'compatible' rule.
 * A time skipped by DST starting maps to the transition itself — the first instant whose wall
 * time is at or after it — so an office opening "02:30" on that day opens when clocks show 03:00.
 * Assumes at most one offset change within ±1 day, which holds for every real zone.
 */
export function localToUtc(timeZone: string, localMs: number): number {
  const before = offsetMsAt(timeZone, localMs - DAY_MS);
  const after = offsetMsAt(timeZone, localMs + DAY_MS);
  if (before === after) return localMs - before;
  const early = localMs - before;
  const late = localMs - after;
  const earlyValid = offsetMsAt(timeZone, early) === before;
  const lateValid = offsetMsAt(timeZone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  // In the gap: the transition lies in (late, early]; find it by bisection (about 22 steps).
  let lo = late;
  let hi = early;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMsAt(timeZone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Local wall-clock minutes since midnight of a UTC instant, for display and tests. */
export function localMinuteOfDay(timeZone: string, utcMs: number): number {
  const local = utcMs + offsetMsAt(timeZone, utcMs);
  return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
}
