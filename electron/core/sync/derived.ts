// Local data derived from shared rows, kept in step when a row arrives from the hub: search
// indexes, phone look-ups, the scheduler's due moments, and the open-queue projection.
import type { TicketStatus } from '../../../shared/tickets/lifecycle';
import type { Db } from '../db/open';
import { syncTicketMoments } from '../scheduler/moments';
import { syncCallbackMoment } from '../services/callbacks';
import { adoptCentreProfile } from '../services/centreProfile';
import { reindexCustomer, reindexKeys, unindexCustomerRow } from '../services/customers';
import type { AppliedRow } from './declare';
import { cached } from './statements';

export function reindexCustomerAfterApply(db: Db, row: AppliedRow): void {
  if (row.op !== 'delete') reindexCustomer(db, row.pk);
}

/** An asset came from the hub: its owner's search keys (VIN, plate, policy number) follow. */
export function reindexAssetOwnerAfterApply(db: Db, row: AppliedRow): void {
  const owner = cached(db, 'SELECT customer_id FROM customer_assets WHERE id = ?').pluck().get(row.pk) as string | undefined;
  if (owner) reindexKeys(db, owner);
}

export function unindexCustomer(db: Db, pk: string): void {
  unindexCustomerRow(db, pk);
}

/** The centre's name or zone changed at another seat: this PC's centre row follows. */
export function adoptCentreProfileAfterApply(db: Db, row: AppliedRow): void {
  if (row.pk === 'centre.profile' && row.op !== 'delete') adoptCentreProfile(db);
}

/** A callback came from the hub: this seat's due moment for it follows (none once it is done). */
export function rescheduleCallbackAfterApply(db: Db, row: AppliedRow): void {
  const cb = cached(db, 'SELECT status, due_at FROM callbacks WHERE id = ?').get(row.pk) as { status: string; due_at: number } | undefined;
  syncCallbackMoment(db, row.pk, cb && cb.status === 'pending' ? cb.due_at : null);
}

export function reindexTicketAfterApply(db: Db, row: AppliedRow): void {
  const t = cached(db, 'SELECT rowid, id, number, subject, description, status, paused_since, feedback_at, due_at, warning_at FROM tickets WHERE id = ?').get(row.pk) as
    | { rowid: number; id: string; number: string; subject: string; description: string; status: TicketStatus; paused_since: number | null; feedback_at: number | null; due_at: number; warning_at: number }
    | undefined;
  if (!t) return;
  cached(db, 'DELETE FROM tickets_fts WHERE rowid = ?').run(t.rowid);
  cached(db, 'INSERT INTO tickets_fts (rowid, number, subject, description) VALUES (?, ?, ?, ?)').run(t.rowid, t.number, t.subject, t.description);
  // Each seat keeps its own due moments for every ticket of the centre (delivery decides who hears).
  syncTicketMoments(db, t);
}

/**
 * Called once after a batch of remote ticket changes was committed. The open-queue projection
 * (issue 9) refreshes from here; until it lands there is nothing in memory to refresh.
 */
export function refreshOpenQueueAfterRemoteChanges(_db: Db, _ticketIds: readonly string[]): void {}
