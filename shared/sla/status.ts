// A ticket's SLA at a given moment, and the next moment it changes, so the scheduler can arm a
// single timer instead of polling. `now` is always a parameter: nothing here reads a clock.
import type { CompiledCalendar } from './calendar';
import { MINUTE_MS } from './civilDate';
import { addOnClock, elapsedOnClock, targetDurationMs } from './target';
import type { Pause, SlaTarget, WarningPoint } from './types';

export interface SlaInput {
  calendar: CompiledCalendar;
  /** Intake instant: the clock starts here. */
  start: number;
  target: SlaTarget;
  /** Default: warn when 80 % of the target has elapsed. */
  warning?: WarningPoint;
  /** Closed pauses [from, to). */
  pauses?: readonly Pause[];
  /** Set while the ticket is paused right now: the open pause began here. */
  pausedSince?: number | null;
}

export interface SlaStatus {
  /** Due time; while paused, the due time if the clock restarted at `now`. */
  due: number;
  beyondKnownYears: boolean;
  /** When the warning point is (or would be) reached. */
  warningAt: number;
  targetMs: number;
  /** Clock time used so far and left until due, pauses excluded; remaining never goes below 0. */
  elapsedMs: number;
  remainingMs: number;
  remainingMinutes: number;
  /** elapsedMs / targetMs: 0 at intake, 1 at due, above 1 when overdue. */
  elapsedShare: number;
  paused: boolean;
  warning: boolean;
  /** Breached from the due instant on (`now ≥ due`); feedback exactly at due has 0 overtime. */
  breached: boolean;
  /** Clock time past due, pauses excluded: working minutes for working-clock targets. */
  overtimeMs: number;
  overtimeMinutes: number;
}

export const DEFAULT_WARNING: WarningPoint = { kind: 'share', share: 0.8 };

/** Clock time after intake at which the warning point falls. */
export function warningOffsetMs(targetMs: number, warning: WarningPoint): number {
  const offset = warning.kind === 'share' ? Math.ceil(targetMs * warning.share) : targetMs - Math.round(warning.minutes * MINUTE_MS);
  return Math.min(targetMs, Math.max(0, offset));
}

function effectivePauses(input: SlaInput, now: number): readonly Pause[] {
  const closed = input.pauses ?? [];
  const since = input.pausedSince;
  return since === null || since === undefined || since >= now ? closed : [...closed, { from: since, to: now }];
}

export function slaStatus(input: SlaInput, now: number): SlaStatus {
  const { calendar, start, target } = input;
  const paused = input.pausedSince !== null && input.pausedSince !== undefined && input.pausedSince <= now;
  const pauses = effectivePauses(input, now);
  const targetMs = targetDurationMs(calendar, target);
  const { due, beyondKnownYears } = addOnClock(calendar, target, start, targetMs, pauses);
  const warningAt = addOnClock(calendar, target, start, warningOffsetMs(targetMs, input.warning ?? DEFAULT_WARNING), pauses).due;
  const elapsedMs = now > start ? elapsedOnClock(calendar, target, start, now, pauses) : 0;
  return statusOf(now, { due, beyondKnownYears, warningAt, targetMs, elapsedMs, paused });
}

/** The whole status from the instants and the clock time used so far (also shared/sla/live.ts's). */
export function statusOf(
  now: number,
  s: { due: number; beyondKnownYears: boolean; warningAt: number; targetMs: number; elapsedMs: number; paused: boolean },
): SlaStatus {
  const { targetMs, elapsedMs } = s;
  const remainingMs = Math.max(0, targetMs - elapsedMs);
  const breached = now >= s.due;
  const overtimeMs = breached ? Math.max(0, elapsedMs - targetMs) : 0;
  return {
    due: s.due,
    beyondKnownYears: s.beyondKnownYears,
    warningAt: s.warningAt,
    targetMs,
    elapsedMs,
    remainingMs,
    remainingMinutes: remainingMs / MINUTE_MS,
    elapsedShare: targetMs > 0 ? elapsedMs / targetMs : 1,
    paused: s.paused,
    warning: now >= s.warningAt,
    breached,
    overtimeMs,
    overtimeMinutes: overtimeMs / MINUTE_MS,
  };
}

export type SlaChange = { at: number; kind: 'warning' | 'breach' };

/**
 * The next instant after `now` at which the status changes, or null if none will without an
 * event (already breached, or paused: a paused clock changes nothing until it resumes).
 */
export function nextSlaChange(input: SlaInput, now: number): SlaChange | null {
  const status = slaStatus(input, now);
  if (status.paused) return null;
  // A warning point at or after due would fire together with the breach: report the breach.
  if (now < status.warningAt && status.warningAt < status.due) return { at: status.warningAt, kind: 'warning' };
  if (now < status.due) return { at: status.due, kind: 'breach' };
  return null;
}

/** Overtime of a ticket whose feedback was given at `feedbackAt` (0 when on time). */
export function overtimeAt(input: SlaInput, feedbackAt: number): { overtimeMs: number; overtimeMinutes: number } {
  const { overtimeMs, overtimeMinutes } = slaStatus({ ...input, pausedSince: null }, feedbackAt);
  return { overtimeMs, overtimeMinutes };
}
