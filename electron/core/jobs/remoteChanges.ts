// What a batch applied from the centre hub means here: the same pushed events a local change
// makes (a few changed tickets and customers one by one, a catch-up as one `hub.caughtUp`), the
// open queue and the scheduler brought in step, and each conflict published — the agent whose
// action lost told at the seat where they acted, once.
import type { AppEvent } from '../../../shared/contract';
import type { NotifyPort } from '../context';
import type { Db } from '../db/open';
import type { OpenQueue } from '../services/openQueue';
import { toConflict } from '../services/conflicts';
import { getCustomer } from '../services/customers';
import { getSetting } from '../services/settings';
import { ticketDetail } from '../services/ticketDetail';
import { findTicket, toTicketRow } from '../services/ticketRows';
import type { ApplyOutcome } from '../sync/apply';
import { refreshOpenQueueAfterRemoteChanges } from '../sync/derived';
import { syncTexts } from '../sync/texts';

/** More changed rows than this are announced as one catch-up instead of one event each. */
const MANY = 200;

const TABLE_EVENTS: Record<string, AppEvent> = {
  users: { type: 'users.changed' },
  request_types: { type: 'catalogue.changed' },
  calendars: { type: 'calendars.changed' },
  departments: { type: 'departments.changed' },
  settings: { type: 'deductions.changed' },
  callback_rules: { type: 'callbacks.changed' },
  callbacks: { type: 'callbacks.changed' },
  callback_attempts: { type: 'callbacks.changed' },
};

export function remoteChangesPublisher(deps: {
  db: Db;
  openQueue: OpenQueue;
  notify: NotifyPort;
  publish(e: AppEvent): void;
  rearmScheduler(): void;
}): (outcome: ApplyOutcome) => void {
  const { db, openQueue, notify, publish } = deps;
  return (outcome) => {
    const ids = (table: string) => [...(outcome.ids.get(table) ?? [])];
    const tickets = ids('tickets');
    const customers = ids('customers');
    if (tickets.length > MANY || customers.length > MANY) publish({ type: 'hub.caughtUp', tables: [...outcome.tables] });
    else {
      // With the detail, as a local change carries it: the panels and boards here apply it in place.
      for (const id of tickets) {
        const t = findTicket(db, id);
        if (t) publish({ type: 'ticket.changed', ticket: toTicketRow(t), detail: ticketDetail(db, t) });
      }
      for (const id of customers) {
        const c = getCustomer(db, id);
        if (c) publish({ type: 'customer.changed', customer: c });
      }
    }
    const published = new Set<string>();
    for (const [table, event] of Object.entries(TABLE_EVENTS)) {
      if (!outcome.tables.has(table) || published.has(event.type)) continue;
      published.add(event.type);
      publish(event);
    }
    // The centre's name or zone was changed at another seat (sync/derived.ts already adopted it).
    const centre = outcome.ids.get('settings')?.has('centre.profile') ? getSetting(db, 'centre') : null;
    if (centre) publish({ type: 'centre.changed', centre });
    // A callback from another seat brought its due moment here.
    if (outcome.tables.has('callbacks') && !tickets.length) deps.rearmScheduler();
    if (customers.length) openQueue.refreshCustomers(customers);
    if (tickets.length) {
      // Issue 9's open-queue projection: its one entry point, after the batch committed.
      refreshOpenQueueAfterRemoteChanges(db, tickets);
      openQueue.refresh(tickets);
      publish({ type: 'board.changed' });
      deps.rearmScheduler();
    }
    const seat = getSetting(db, 'centre')?.seatCode ?? null;
    const language = getSetting(db, 'ui.language') ?? 'zh-CN';
    const told = new Set<string>();
    for (const c of outcome.conflicts) {
      const conflict = toConflict({ id: c.id, kind: c.kind as 'ticket.lifecycle', tbl: c.table, pk: c.pk, other_pk: c.otherPk, hub_seq: c.seq, winner_seat: c.winnerSeat, loser_seat: c.loserSeat, details: JSON.stringify(c.details), at: c.at, open: 1 });
      publish({ type: 'hub.conflict', conflict });
      if (c.kind === 'ticket.lifecycle' && c.loserSeat === seat && !told.has(c.pk)) {
        told.add(c.pk);
        const t = findTicket(db, c.pk);
        const text = syncTexts(language);
        if (t) notify({ title: text.lostTitle(t.number), body: text.lostBody(c.winnerSeat ?? '?'), ticketId: t.id });
      }
    }
  };
}
