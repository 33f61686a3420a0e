// A ticket's SLA status asked again and again with a later `now` (a queue re-sorted on every
// change, a countdown painted every second), answered without walking the calendar from intake:
// - while the clock runs, the elapsed time grows by the clock time since the previous answer
//   (clock time is additive, and the due and warning instants do not move);
// - while paused, the elapsed time is frozen, and the due and warning instants are the time still
//   left added on from now.
// Each answer equals slaStatus's for the same `now` (tests/unit/sla/live.test.ts checks it).
import { DEFAULT_WARNING, slaStatus, statusOf, warningOffsetMs, type SlaInput, type SlaStatus } from './status';
import { clockFor } from './target';

export type LiveSlaStatus = (now: number) => SlaStatus;

export function liveSlaStatus(input: SlaInput): LiveSlaStatus {
  const { calendar, target } = input;
  const pausedSince = input.pausedSince ?? null;
  // Before intake, before the end of the last closed pause or before the open pause began, the
  // increments would cross a boundary: slaStatus answers in full there.
  let boundary = Math.max(input.start, pausedSince ?? -Infinity);
  for (const p of input.pauses ?? []) if (p.to > boundary) boundary = p.to;
  const clock = clockFor(calendar, target);
  const working = target.clock === 'working' && !calendar.open24x7;
  let base: SlaStatus | null = null;
  let anchor = 0;
  let warningOffset = 0;

  return (now) => {
    if (base === null || now < anchor) {
      const full = slaStatus(input, now);
      if (now >= boundary) {
        base = full;
        anchor = now;
        warningOffset = warningOffsetMs(full.targetMs, input.warning ?? DEFAULT_WARNING);
      }
      return full;
    }
    if (pausedSince !== null) {
      // Frozen: nothing but the instants the clock would reach if it restarted now.
      const e = base.elapsedMs;
      // Reached exactly as the pause began: slaStatus moves such an instant to the pause's end
      // (now), so those rare answers are computed in full.
      if ((e >= base.targetMs && base.due >= pausedSince) || (e >= warningOffset && base.warningAt >= pausedSince)) return slaStatus(input, now);
      const due = e < base.targetMs ? clock.add(now, base.targetMs - e) : base.due;
      const warningAt = e < warningOffset ? clock.add(now, warningOffset - e) : base.warningAt;
      const beyondKnownYears = working && (input.start < calendar.knownFrom || due > calendar.knownUntil);
      return statusOf(now, { due, beyondKnownYears, warningAt, targetMs: base.targetMs, elapsedMs: e, paused: true });
    }
    const next = statusOf(now, { ...base, elapsedMs: base.elapsedMs + clock.between(anchor, now), paused: false });
    base = next;
    anchor = now;
    return next;
  };
}
