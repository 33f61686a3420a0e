// Pause segments stop the SLA clock (e.g. waiting on the customer). Both clocks — working time
// and 24x7 — are handled by the same walk, given as a pair of add/between functions.
import type { Pause } from './types';

/** A way of counting time: working time of a calendar, or plain elapsed time. */
export interface Clock {
  add(from: number, ms: number): number;
  between(from: number, to: number): number;
}

export const ELAPSED_CLOCK: Clock = {
  add: (from, ms) => (ms <= 0 ? from : from + ms),
  between: (from, to) => (to > from ? to - from : 0),
};

/** Sorted, merged, non-empty pauses ([from, to) with from < to). Input order does not matter. */
export function normalizePauses(pauses: readonly Pause[]): Pause[] {
  const sorted = pauses.filter((p) => p.to > p.from).sort((a, b) => a.from - b.from);
  const merged: Pause[] = [];
  for (const p of sorted) {
    const last = merged[merged.length - 1];
    if (last && p.from <= last.to) last.to = Math.max(last.to, p.to);
    else merged.push({ from: p.from, to: p.to });
  }
  return merged;
}

/**
 * The earliest instant at which `ms` of clock time has run since `from`, not counting pauses.
 * `pauses` must be normalized. A pause can only move the result later, never earlier.
 */
export function addWithPauses(clock: Clock, from: number, ms: number, pauses: readonly Pause[]): number {
  let cursor = from;
  let remaining = ms;
  for (const p of pauses) {
    if (p.to <= cursor) continue;
    if (p.from > cursor) {
      const candidate = clock.add(cursor, remaining);
      if (candidate <= p.from) return candidate;
      remaining -= clock.between(cursor, p.from);
    }
    cursor = p.to;
  }
  return clock.add(cursor, remaining);
}

/** Clock time within [from, to) outside every pause. `pauses` must be normalized. */
export function betweenWithPauses(clock: Clock, from: number, to: number, pauses: readonly Pause[]): number {
  let total = clock.between(from, to);
  for (const p of pauses) {
    if (p.from >= to) break;
    total -= clock.between(Math.max(p.from, from), Math.min(p.to, to));
  }
  return total;
}
