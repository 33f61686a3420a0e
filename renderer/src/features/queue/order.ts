// Filtering and the urgency order of the queue, pure so they are cheap to recompute.
import type { CompiledCalendar, SlaStatus } from '../../../../shared/sla';
import { byUrgency, isAtRisk } from '../../../../shared/tickets/sla';
import type { TicketRow } from '../../../../shared/tickets/types';
import { ticketSlaAt } from '../../app/calendars';
import type { QueueFilter } from './store';

export interface QueueEntry {
  row: TicketRow;
  status: SlaStatus | null;
}

function matchesSearch(row: TicketRow, q: string): boolean {
  if (!q) return true;
  const needle = q.trim().toLowerCase();
  const digits = needle.replace(/\D/g, '');
  return (
    row.number.toLowerCase().includes(needle) ||
    row.subject.toLowerCase().includes(needle) ||
    row.customer.name.toLowerCase().includes(needle) ||
    (digits.length >= 3 && row.customer.phones.some((p) => p.replace(/\D/g, '').includes(digits)))
  );
}

function matchesFilter(e: QueueEntry, filter: QueueFilter, me: string): boolean {
  const { row, status } = e;
  switch (filter) {
    case 'mine':
      return row.assignee?.id === me;
    case 'unassigned':
      return row.assignee === null;
    case 'key':
      return row.tier === 'key';
    case 'atRisk':
      return !!status && isAtRisk(status);
    case 'breached':
      return !!status?.breached;
    case 'waiting':
      return row.status === 'waiting';
    default:
      return true;
  }
}

export function queueView(
  tickets: Iterable<TicketRow>,
  compiled: Map<string, CompiledCalendar>,
  now: number,
  filter: QueueFilter,
  search: string,
  me: string,
): QueueEntry[] {
  const entries: QueueEntry[] = [];
  for (const row of tickets) {
    if (!matchesSearch(row, search)) continue;
    const entry = { row, status: ticketSlaAt(compiled, row.sla, now) };
    if (matchesFilter(entry, filter, me)) entries.push(entry);
  }
  // The same urgency order as the core's (shared/tickets/sla.ts).
  return entries.sort(byUrgency);
}

export function counts(tickets: Iterable<TicketRow>, compiled: Map<string, CompiledCalendar>, now: number, me: string): Record<QueueFilter, number> {
  const c: Record<QueueFilter, number> = { all: 0, mine: 0, unassigned: 0, key: 0, atRisk: 0, breached: 0, waiting: 0 };
  for (const row of tickets) {
    const entry = { row, status: ticketSlaAt(compiled, row.sla, now) };
    for (const f of Object.keys(c) as QueueFilter[]) if (matchesFilter(entry, f, me)) c[f]++;
  }
  return c;
}
