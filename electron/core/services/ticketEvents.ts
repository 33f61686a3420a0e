// Every change to a ticket is an event — who, when, from which seat, what before and after —
// appended to a hash chain in the same transaction as the change itself.
import type { TicketEventView } from '../../../shared/tickets/types';
import { appendChained } from '../db/chain';
import { TICKET_EVENTS_CHAIN } from '../db/check';
import type { Db } from '../db/open';
import type { CallContext } from '../context';
import { newId } from '../ids';
import { stmt } from '../db/stmt';

export function appendTicketEvent(
  ctx: Pick<CallContext, 'db' | 'clock' | 'user' | 'seat'>,
  ticketId: string,
  kind: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): void {
  appendChained(ctx.db, TICKET_EVENTS_CHAIN, [
    newId(ctx.clock),
    ticketId,
    ctx.clock.now(),
    ctx.user?.id ?? null,
    ctx.seat,
    kind,
    before ? JSON.stringify(before) : null,
    after ? JSON.stringify(after) : null,
  ]);
}

export function ticketEvents(db: Db, ticketId: string): TicketEventView[] {
  const rows = stmt(db,
      `SELECT e.id, e.at, e.kind, e.actor_id, u.display_name AS actor_name, e.seat, e.before, e.after
       FROM ticket_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.ticket_id = ? ORDER BY e.seq`,
    )
    .all(ticketId) as { id: string; at: number; kind: string; actor_id: string | null; actor_name: string | null; seat: string | null; before: string | null; after: string | null }[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    kind: r.kind,
    actorId: r.actor_id,
    actorName: r.actor_name,
    seat: r.seat,
    before: r.before ? (JSON.parse(r.before) as Record<string, unknown>) : null,
    after: r.after ? (JSON.parse(r.after) as Record<string, unknown>) : null,
  }));
}
