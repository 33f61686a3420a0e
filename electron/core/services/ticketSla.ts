// The SLA of a stored ticket: its cached due and warning instants, its live status, and the
// queue's urgency order. All arithmetic is shared/sla's; this file only feeds it stored data.
import { DomainError } from '../../../shared/result';
import { slaStatus, type CatalogueTarget, type Pause, type SlaStatus } from '../../../shared/sla';
import type { TicketSla } from '../../../shared/tickets/types';
import type { Db } from '../db/open';
import { compiledCalendar } from './calendars';

function calendarFor(db: Db, target: CatalogueTarget) {
  const calendar = compiledCalendar(db, target.calendarId);
  if (!calendar) {
    throw new DomainError('NOT_FOUND', 'errors.calendarNotFound', `Calendar ${target.calendarId} does not exist.`, { id: target.calendarId });
  }
  return calendar;
}

/** Due and warning instants with the closed pauses so far, as if the clock runs from now on. */
export function slaCaches(db: Db, target: CatalogueTarget, start: number, pauses: Pause[]) {
  const s = slaStatus({ calendar: calendarFor(db, target), start, target, warning: target.warning, pauses }, start);
  return { dueAt: s.due, warningAt: s.warningAt, beyondKnownYears: s.beyondKnownYears };
}

/** The ticket's SLA at `now`; after feedback it is frozen at the feedback instant. */
export function ticketSlaStatus(db: Db, sla: TicketSla, now: number): SlaStatus {
  const at = sla.feedbackAt ?? now;
  return slaStatus(
    { calendar: calendarFor(db, sla.target), start: sla.start, target: sla.target, warning: sla.target.warning, pauses: sla.pauses, pausedSince: sla.pausedSince },
    at,
  );
}

/** Urgency order of the queue: breached first (most overdue first), then least remaining time. */
export function byUrgency(a: SlaStatus, b: SlaStatus): number {
  if (a.breached !== b.breached) return a.breached ? -1 : 1;
  if (a.breached) return b.overtimeMs - a.overtimeMs;
  return a.remainingMs - b.remainingMs;
}
