// SLA targets: how much time a ticket has, on which clock, and the due time that follows.
import type { CompiledCalendar } from './calendar';
import { HOUR_MS, MINUTE_MS } from './civilDate';
import { ELAPSED_CLOCK, addWithPauses, betweenWithPauses, normalizePauses, type Clock } from './pauses';
import type { DueTime, Pause, SlaTarget } from './types';
import { addWorkingMs, workingMsBetween } from './workingTime';

const DAY_24H_MS = 24 * HOUR_MS;

/**
 * The target as a duration on its clock. A working day is the calendar's standard day of
 * working time (7.5 h for 09:00–12:00 + 13:30–18:00), so it ends at the same clock time on the
 * next working day. On the 24x7 clock a "working day" is read as 24 hours.
 */
export function targetDurationMs(calendar: CompiledCalendar, target: SlaTarget): number {
  switch (target.unit) {
    case 'minutes':
      return Math.round(target.amount * MINUTE_MS);
    case 'hours':
      return Math.round(target.amount * HOUR_MS);
    case 'workingDays':
      return Math.round(target.amount * (target.clock === '24x7' ? DAY_24H_MS : calendar.standardDayMs));
  }
}

/** The clock a target counts on: the calendar's working time, or elapsed time for 24x7 targets. */
export function clockFor(calendar: CompiledCalendar, target: SlaTarget): Clock {
  if (target.clock === '24x7' || calendar.open24x7) return ELAPSED_CLOCK;
  return {
    add: (from, ms) => addWorkingMs(calendar, from, ms),
    between: (from, to) => workingMsBetween(calendar, from, to),
  };
}

/** Adds a duration on the target's clock and flags days outside the known holiday years. */
export function addOnClock(calendar: CompiledCalendar, target: SlaTarget, from: number, ms: number, pauses: readonly Pause[] = []): DueTime {
  const working = target.clock === 'working' && !calendar.open24x7;
  const due =
    pauses.length === 0
      ? working
        ? addWorkingMs(calendar, from, ms)
        : ELAPSED_CLOCK.add(from, ms)
      : addWithPauses(clockFor(calendar, target), from, ms, normalizePauses(pauses));
  // The known years are one contiguous range, so checking both ends covers every day between.
  const beyondKnownYears = working && (from < calendar.knownFrom || due > calendar.knownUntil);
  return { due, beyondKnownYears };
}

/**
 * When a ticket taken in at `start` is due: the earliest instant the target's time is reached,
 * with the clock stopped during `pauses`.
 */
export function computeDue(calendar: CompiledCalendar, start: number, target: SlaTarget, pauses: readonly Pause[] = []): DueTime {
  return addOnClock(calendar, target, start, targetDurationMs(calendar, target), pauses);
}

/** Time counted on the target's clock within [from, to), pauses excluded. */
export function elapsedOnClock(calendar: CompiledCalendar, target: SlaTarget, from: number, to: number, pauses: readonly Pause[] = []): number {
  const clock = clockFor(calendar, target);
  return pauses.length === 0 ? clock.between(from, to) : betweenWithPauses(clock, from, to, normalizePauses(pauses));
}
