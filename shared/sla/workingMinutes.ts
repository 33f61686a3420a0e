// Minute-denominated conveniences over the ms engine, for callers that think in minutes
// (the CLI's what-if, reports). Pauses stop the clock in both directions.
import type { CompiledCalendar } from './calendar';
import { MINUTE_MS } from './civilDate';
import { addWithPauses, betweenWithPauses, normalizePauses, type Clock } from './pauses';
import type { Pause } from './types';
import { addWorkingMs, workingMsBetween } from './workingTime';

function workingClock(calendar: CompiledCalendar): Clock {
  return { add: (f, ms) => addWorkingMs(calendar, f, ms), between: (f, t) => workingMsBetween(calendar, f, t) };
}

/** The earliest instant at which `minutes` working minutes have passed since `from`, pauses excluded. */
export function addWorkingMinutes(calendar: CompiledCalendar, from: number, minutes: number, pauses: readonly Pause[] = []): number {
  const ms = Math.round(minutes * MINUTE_MS);
  return pauses.length === 0 ? addWorkingMs(calendar, from, ms) : addWithPauses(workingClock(calendar), from, ms, normalizePauses(pauses));
}

/** Working minutes within [from, to), pauses excluded (fractional when not on minute boundaries). */
export function workingMinutesBetween(calendar: CompiledCalendar, from: number, to: number, pauses: readonly Pause[] = []): number {
  const ms = pauses.length === 0 ? workingMsBetween(calendar, from, to) : betweenWithPauses(workingClock(calendar), from, to, normalizePauses(pauses));
  return ms / MINUTE_MS;
}
