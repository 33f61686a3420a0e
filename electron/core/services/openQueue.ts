// The open queue in memory: every open ticket's row, loaded once at start-up and kept in step after
// every committed change, so the queue, the tray badge, the wall-board snapshot and the scheduler's
// delivery read memory instead of re-reading and re-computing every open ticket on each change.
// Each row's SLA status is answered incrementally (shared/tickets/sla.ts keeps its compiled state
// per row), so sorting 2,000 open tickets by urgency costs a walk of a few working minutes each.
//
// The registry keeps it in step after each commit with the rows its call's ticket.changed events
// carry (`follow`). Anything else that writes tickets (a replication applier taking changes from
// other seats) calls `refresh(ticketIds)` after its own commit: it re-reads those tickets from the
// tables, so whoever wrote them needs no other knowledge of this cache.
import type { AppEvent } from '../../../shared/contract';
import type { CompiledCalendar, SlaStatus } from '../../../shared/sla';
import { isOpen } from '../../../shared/tickets/lifecycle';
import { byUrgency, ticketSlaStatus } from '../../../shared/tickets/sla';
import type { TicketRow } from '../../../shared/tickets/types';
import type { Db } from '../db/open';
import { pluck, stmt } from '../db/stmt';
import { TICKET_LIVE_SELECT, toTicketRow, type TicketRecord } from './ticketRows';
import { calendarFor } from './ticketSla';

export interface OpenTicket {
  row: TicketRow;
  status: SlaStatus;
}

export interface OpenQueue {
  /** Re-reads these tickets: open ones are (re)placed, others dropped. Call after commit. */
  refresh(ticketIds: Iterable<string>): void;
  /** Re-reads the open tickets of these customers (their name, tier or phones changed). */
  refreshCustomers(customerIds: Iterable<string>): void;
  /** Re-reads every open ticket that has an assignee (a user's display name changed). */
  refreshAssigned(): void;
  /** Reloads everything from the tables (start-up, a restore). */
  reload(): void;
  /** Keeps the queue in step with a committed call's events (what the registry calls): their rows are taken as they are. */
  follow(events: readonly AppEvent[]): void;
  readonly size: number;
  /** Every open ticket with its SLA status at `now`, most urgent first. */
  byUrgency(now: number): OpenTicket[];
  /** How many open tickets are past their due time at `now`. */
  breachedCount(now: number): number;
}

export const BY_ID = `${TICKET_LIVE_SELECT} WHERE t.id = ?`;
export const OPEN = `${TICKET_LIVE_SELECT} WHERE t.is_open`;
const OPEN_OF_CUSTOMER = `SELECT id FROM tickets WHERE customer_id = ? AND is_open`;

export function createOpenQueue(db: Db): OpenQueue {
  const rows = new Map<string, TicketRow>();

  const put = (r: TicketRecord | undefined, id: string) => {
    if (r && r.is_open) rows.set(id, toTicketRow(r));
    else rows.delete(id);
  };
  const refresh = (ids: Iterable<string>) => {
    const byId = stmt(db, BY_ID);
    for (const id of ids) put(byId.get(id) as TicketRecord | undefined, id);
  };
  const reload = () => {
    rows.clear();
    for (const r of stmt(db, OPEN).all() as TicketRecord[]) rows.set(r.id, toTicketRow(r));
  };

  /** The statuses at `now`, each calendar looked up once per call (it may have changed). */
  const statuses = (now: number): OpenTicket[] => {
    const calendars = new Map<string, CompiledCalendar>();
    const out: OpenTicket[] = [];
    for (const row of rows.values()) {
      const id = row.sla.target.calendarId;
      let calendar = calendars.get(id);
      if (!calendar) calendars.set(id, (calendar = calendarFor(db, id)));
      out.push({ row, status: ticketSlaStatus(calendar, row.sla, now) });
    }
    return out;
  };

  reload();
  return {
    refresh,
    refreshCustomers(customerIds) {
      const ids = new Set<string>();
      const ofCustomer = pluck(db, OPEN_OF_CUSTOMER);
      for (const c of customerIds) for (const id of ofCustomer.all(c) as string[]) ids.add(id);
      refresh(ids);
    },
    refreshAssigned() {
      refresh([...rows.values()].filter((r) => r.assignee !== null).map((r) => r.id));
    },
    reload,
    follow(events) {
      const customers = new Set<string>();
      let users = false;
      for (const e of events) {
        // The event's row was read back after the call's last write of the ticket (handlers
        // publish last), so it is the committed state: no need to read it again.
        if (e.type === 'ticket.changed') {
          if (isOpen(e.ticket.status)) rows.set(e.ticket.id, e.ticket);
          else rows.delete(e.ticket.id);
        } else if (e.type === 'customer.changed') customers.add(e.customer.id);
        else if (e.type === 'users.changed') users = true;
      }
      if (customers.size) this.refreshCustomers(customers);
      if (users) this.refreshAssigned();
    },
    get size() {
      return rows.size;
    },
    byUrgency: (now) => statuses(now).sort(byUrgency),
    breachedCount: (now) => statuses(now).filter((x) => x.status.breached).length,
  };
}
