// The SLA of a stored ticket: its cached due and warning instants and its live status. The rules
// are shared/tickets/sla.ts's and the arithmetic shared/sla's; this file only feeds them stored data.
import { DomainError } from '../../../shared/result';
import { slaStatus, type CatalogueTarget, type CompiledCalendar, type Pause, type SlaStatus } from '../../../shared/sla';
import { ticketSlaStatus as statusWith } from '../../../shared/tickets/sla';
import type { TicketSla } from '../../../shared/tickets/types';
import type { Db } from '../db/open';
import { compiledCalendar } from './calendars';

export function calendarFor(db: Db, calendarId: string): CompiledCalendar {
  const calendar = compiledCalendar(db, calendarId);
  if (!calendar) {
    throw new DomainError('NOT_FOUND', 'errors.calendarNotFound', `Calendar ${calendarId} does not exist.`, { id: calendarId });
  }
  return calendar;
}

/** Due and warning instants with the closed pauses so far, as if the clock runs from now on. */
export function slaCaches(db: Db, target: CatalogueTarget, start: number, pauses: Pause[]) {
  const s = slaStatus({ calendar: calendarFor(db, target.calendarId), start, target, warning: target.warning, pauses }, start);
  return { dueAt: s.due, warningAt: s.warningAt, beyondKnownYears: s.beyondKnownYears };
}

/** The ticket's SLA at `now` (shared/tickets/sla.ts), with its calendar read from the database. */
export function ticketSlaStatus(db: Db, sla: TicketSla, now: number): SlaStatus {
  return statusWith(calendarFor(db, sla.target.calendarId), sla, now);
}
