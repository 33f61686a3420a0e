// Working-time arithmetic on a compiled calendar: instants are epoch ms, durations are ms of
// working time. These two functions are the hot path of every countdown and due-time, so they
// walk the cached day intervals directly and allocate nothing.
import type { CompiledCalendar } from './calendar';

/**
 * The earliest instant at which `workMs` of working time has passed since `from`. "Earliest"
 * matters: 3 h from 09:00 ends at 12:00 (the closing time), never at the next opening 13:30.
 * Zero (or negative) working time returns `from` itself.
 */
export function addWorkingMs(calendar: CompiledCalendar, from: number, workMs: number): number {
  if (workMs <= 0) return from;
  if (calendar.open24x7) return from + workMs;
  let remaining = workMs;
  let day = calendar.dayOf(from);
  for (;;) {
    // Whole days that start after `from` and are too short to finish in are skipped at once.
    if (day.start >= from && day.workMs < remaining) {
      remaining -= day.workMs;
    } else {
      const b = day.bounds;
      for (let i = 0; i < b.length; i += 2) {
        const end = b[i + 1] as number;
        if (end <= from) continue;
        const start = Math.max(b[i] as number, from);
        const available = end - start;
        if (remaining <= available) return start + remaining;
        remaining -= available;
      }
    }
    day = calendar.dayAt(day.day + 1);
  }
}

/** Working time in ms within [from, to); 0 when `to` ≤ `from`. */
export function workingMsBetween(calendar: CompiledCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  if (calendar.open24x7) return to - from;
  let total = 0;
  let day = calendar.dayOf(from);
  while (day.start < to) {
    if (day.start >= from && day.end <= to) {
      total += day.workMs;
    } else {
      const b = day.bounds;
      for (let i = 0; i < b.length; i += 2) {
        const start = Math.max(b[i] as number, from);
        const end = Math.min(b[i + 1] as number, to);
        if (end > start) total += end - start;
      }
    }
    day = calendar.dayAt(day.day + 1);
  }
  return total;
}

/** True when the instant lies inside a working interval of the calendar. */
export function isWorkingInstant(calendar: CompiledCalendar, instant: number): boolean {
  if (calendar.open24x7) return true;
  const b = calendar.dayOf(instant).bounds;
  for (let i = 0; i < b.length; i += 2) {
    if (instant >= (b[i] as number) && instant < (b[i + 1] as number)) return true;
  }
  return false;
}

/** The first instant ≥ `instant` that is working time (the next opening if closed). */
export function nextWorkingInstant(calendar: CompiledCalendar, instant: number): number {
  if (calendar.open24x7) return instant;
  let day = calendar.dayOf(instant);
  for (;;) {
    const b = day.bounds;
    for (let i = 0; i < b.length; i += 2) {
      if ((b[i + 1] as number) > instant) return Math.max(b[i] as number, instant);
    }
    day = calendar.dayAt(day.day + 1);
  }
}
