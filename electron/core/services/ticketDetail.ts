// One ticket as the detail panel shows it: what tickets.get returns, what every ticket action
// returns and what a ticket.changed event carries, built in this one place so the three agree.
import { DomainError } from '../../../shared/result';
import type { TicketDetail } from '../../../shared/tickets/types';
import type { Db } from '../db/open';
import { ticketConflicts } from './conflicts';
import { getCustomer } from './customers';
import { ticketEvents } from './ticketEvents';
import { complaintOf, ticketsOfCustomer, toTicketRow, type TicketRecord } from './ticketRows';

/** The detail of a ticket read with TICKET_LIVE_SELECT (findTicket). */
export function ticketDetail(db: Db, t: TicketRecord): TicketDetail {
  const customer = getCustomer(db, t.customer_id);
  if (!customer) throw new DomainError('NOT_FOUND', 'errors.customerNotFound', `No customer with id ${t.customer_id}.`, { id: t.customer_id });
  return {
    ...toTicketRow(t),
    description: t.description,
    complaint: complaintOf(t),
    customerDetail: customer,
    events: ticketEvents(db, t.id),
    customerTickets: ticketsOfCustomer(db, t.customer_id, 21).filter((o) => o.id !== t.id).slice(0, 20).map(toTicketRow),
    syncConflicts: ticketConflicts(db, t.id),
  };
}
