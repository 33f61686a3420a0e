// The SLA rules of a ticket, one home for both sides: its status at a moment (frozen at feedback),
// the queue's urgency order, "at risk", the countdown's tone and text. The core sorts and counts
// with them; the renderer paints countdowns and filters with them, so every screen agrees.
import { liveSlaStatus, type CompiledCalendar, type LiveSlaStatus, type SlaStatus } from '../sla';
import type { TicketSla } from './types';

// Keyed by the row's sla object: a row kept in memory (the core's open queue, a window's store)
// asks again with a later `now` and gets an incremental answer (shared/sla/live.ts).
const live = new WeakMap<TicketSla, { calendar: CompiledCalendar; at: LiveSlaStatus }>();

/** The ticket's SLA at `now`; after feedback it is frozen at the feedback instant. */
export function ticketSlaStatus(calendar: CompiledCalendar, sla: TicketSla, now: number): SlaStatus {
  let entry = live.get(sla);
  if (!entry || entry.calendar !== calendar) {
    const at = liveSlaStatus({ calendar, start: sla.start, target: sla.target, warning: sla.target.warning, pauses: sla.pauses, pausedSince: sla.pausedSince });
    entry = { calendar, at };
    live.set(sla, entry);
  }
  return entry.at(sla.feedbackAt ?? now);
}

/** Amber: past the warning point, not yet breached, clock running. */
export const isAtRisk = (s: SlaStatus): boolean => s.warning && !s.breached && !s.paused;

export interface UrgencyEntry {
  row: { id: string; createdAt: number };
  /** null while the calendar is not known (a window still loading): such rows go last, oldest first. */
  status: SlaStatus | null;
}

/**
 * The queue's urgency order: breached first (most overdue first), then least remaining time
 * (paused ones by their frozen remainder); ties by intake time, then id, so every screen and every
 * run shows the same order.
 */
export function byUrgency(a: UrgencyEntry, b: UrgencyEntry): number {
  const sa = a.status;
  const sb = b.status;
  if (sa && sb) {
    if (sa.breached !== sb.breached) return sa.breached ? -1 : 1;
    const d = sa.breached ? sb.overtimeMs - sa.overtimeMs : sa.remainingMs - sb.remainingMs;
    if (d !== 0) return d;
  } else if (sa || sb) {
    return sa ? -1 : 1;
  }
  return a.row.createdAt - b.row.createdAt || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0);
}

export type SlaTone = 'ok' | 'warning' | 'breached' | 'paused' | 'stopped';

export function slaTone(status: SlaStatus, sla: TicketSla): SlaTone {
  if (sla.feedbackAt !== null) return 'stopped';
  if (status.paused) return 'paused';
  if (status.breached) return 'breached';
  return status.warning ? 'warning' : 'ok';
}

/** h:mm:ss of a duration, whole seconds. */
export function formatDuration(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** The countdown's text: time left, or "+" and the time over once breached. */
export const countdownText = (s: SlaStatus): string => (s.breached ? `+${formatDuration(s.overtimeMs)}` : formatDuration(s.remainingMs));
