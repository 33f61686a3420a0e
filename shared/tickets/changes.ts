// Applying a changed ticket to what a screen holds, one rule for every screen (the queue, the
// detail panel, the wall-board): a row or detail replaces the held one unless it is older. Call
// results and pushed events travel separately and may arrive out of order; the version (the
// ticket's latest event, TicketRow.version) tells which is newer, so a late event can never roll
// the screen back. An equal version is the same point in the ticket's history: the arrival wins
// (it may carry a customer's new name).
import { isOpen } from './lifecycle';
import type { TicketDetail, TicketRow } from './types';

/** Whether `next` may replace `held`: nothing held yet, or not older. */
export const isNotOlder = (next: { version: number }, held: { version: number } | null | undefined): boolean =>
  !held || next.version >= held.version;

/** A detail's row: what the open queue holds of it. */
export function rowOfDetail(d: TicketDetail): TicketRow {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { description, complaint, customerDetail, events, customerTickets, syncConflicts, ...row } = d;
  return row;
}

/**
 * A set of tickets that follows changes, e.g. the open queue: `rows` holds the members, `seen`
 * the latest version applied of every ticket, members or not, so a late event of a ticket that
 * already left (feedback given) does not bring it back.
 */
export interface LiveTickets {
  rows: ReadonlyMap<string, TicketRow>;
  seen: ReadonlyMap<string, number>;
}

export const emptyLiveTickets = (): LiveTickets => ({ rows: new Map(), seen: new Map() });

/**
 * The set after `changed` arrived; `belongs` says whether a row is a member (the queue: its status
 * is open). Returns the same object when the row is older than what was applied already.
 */
export function applyTicketRow(set: LiveTickets, changed: TicketRow, belongs: (row: TicketRow) => boolean = (r) => isOpen(r.status)): LiveTickets {
  const seen = set.seen.get(changed.id);
  if (seen !== undefined && changed.version < seen) return set;
  const rows = new Map(set.rows);
  if (belongs(changed)) rows.set(changed.id, changed);
  else rows.delete(changed.id);
  return { rows, seen: new Map(set.seen).set(changed.id, changed.version) };
}

/**
 * A whole list read at once (tickets.queue) merged with the changes applied while it was on its
 * way (`during`: their ids): such a change stands when the loaded row is older or absent (the
 * ticket came or left after the read); everything else is as loaded.
 */
export function loadLiveTickets(
  set: LiveTickets,
  loaded: readonly TicketRow[],
  during: ReadonlySet<string>,
  belongs: (row: TicketRow) => boolean = (r) => isOpen(r.status),
): LiveTickets {
  const rows = new Map<string, TicketRow>();
  const seen = new Map<string, number>();
  for (const id of during) {
    const version = set.seen.get(id);
    if (version === undefined) continue;
    seen.set(id, version);
    const held = set.rows.get(id);
    if (held) rows.set(id, held);
  }
  for (const row of loaded) {
    const applied = seen.get(row.id);
    if (applied !== undefined && row.version < applied) continue;
    if (belongs(row)) rows.set(row.id, row);
    else rows.delete(row.id);
    seen.set(row.id, row.version);
  }
  return { rows, seen };
}

/** The detail a panel shows after `next` arrived for the same ticket: the newer of the two. */
export function applyTicketDetail(held: TicketDetail | null, next: TicketDetail): TicketDetail | null {
  if (held && held.id !== next.id) return held;
  return isNotOlder(next, held) ? next : held;
}
