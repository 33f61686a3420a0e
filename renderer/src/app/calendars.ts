// The centre's calendars, compiled once per change, so every countdown in this window can run
// the same working-time arithmetic as the main process (shared/sla).
import { create } from 'zustand';
import { compileCalendar, type CompiledCalendar, type SlaStatus } from '../../../shared/sla';
import { ticketSlaStatus } from '../../../shared/tickets/sla';
import type { TicketSla } from '../../../shared/tickets/types';
import { call, onEvent } from '../api';

interface CalendarsState {
  compiled: Map<string, CompiledCalendar>;
  load(): Promise<void>;
}

export const useCompiledCalendars = create<CalendarsState>((set) => ({
  compiled: new Map(),
  async load() {
    const specs = await call('calendars.list', {});
    set({ compiled: new Map(specs.map((s) => [s.id, compileCalendar(s)])) });
  },
}));

export function followCompiledCalendars(): () => void {
  return onEvent('calendars.changed', () => void useCompiledCalendars.getState().load());
}

/** The SLA of a ticket at `now` (shared/tickets/sla.ts), frozen at feedback; null until the calendars are loaded. */
export function ticketSlaAt(compiled: Map<string, CompiledCalendar>, sla: TicketSla, now: number): SlaStatus | null {
  const calendar = compiled.get(sla.target.calendarId);
  return calendar ? ticketSlaStatus(calendar, sla, now) : null;
}

export { slaTone, type SlaTone } from '../../../shared/tickets/sla';
