// Conflicts decided by the sync rules (sync/rules.ts), as people see them, and the merge action
// for probable duplicate customers.
import type { SyncConflict } from '../../../shared/hub';
import type { TicketStatus } from '../../../shared/tickets/lifecycle';
import type { TicketSyncConflict } from '../../../shared/tickets/types';
import { DomainError } from '../../../shared/result';
import type { Db } from '../db/open';
import { stmt } from '../db/stmt';
import { recordCustomerMerge } from './customerMerges';
import { reindexKeys, unindexCustomerRow } from './customers';

interface Row {
  id: string;
  kind: SyncConflict['kind'];
  tbl: string;
  pk: string;
  other_pk: string | null;
  hub_seq: number;
  winner_seat: string | null;
  loser_seat: string | null;
  details: string;
  at: number;
  open: 0 | 1;
}

export function listConflicts(db: Db, subjectId: string | null, limit: number): SyncConflict[] {
  const rows = db
    .prepare(
      `SELECT c.*, CASE WHEN c.kind = 'customer.duplicate'
                   THEN (SELECT count(*) FROM customers WHERE id IN (c.pk, c.other_pk)) = 2 ELSE 0 END AS open
       FROM sync_conflicts c
       WHERE ? IS NULL OR c.pk = ? OR c.other_pk = ?
       ORDER BY c.hub_seq DESC LIMIT ?`,
    )
    .all(subjectId, subjectId, subjectId, limit) as Row[];
  return rows.map(toConflict);
}

export function toConflict(r: Omit<Row, 'open'> & { open?: 0 | 1 }): SyncConflict {
  return {
    id: r.id,
    kind: r.kind,
    table: r.tbl,
    subjectId: r.pk,
    otherId: r.other_pk,
    hubSeq: r.hub_seq,
    winnerSeat: r.winner_seat,
    loserSeat: r.loser_seat,
    details: JSON.parse(r.details) as Record<string, unknown>,
    at: r.at,
    open: r.open === 1,
  };
}

type Lifecycle = Record<string, unknown>;

/**
 * A ticket's lifecycle conflicts as its panel shows them: for the status and the assignee, what
 * the centre kept and what the losing seat had done (a field the two seats agreed on is the same
 * on both sides).
 */
export function ticketConflicts(db: Db, ticketId: string): TicketSyncConflict[] {
  // Read on every ticket action (the detail it returns): prepared once.
  const rows = stmt(db, `SELECT id, hub_seq, winner_seat, loser_seat, details, at FROM sync_conflicts WHERE kind = 'ticket.lifecycle' AND pk = ? ORDER BY hub_seq`)
    .all(ticketId) as { id: string; hub_seq: number; winner_seat: string | null; loser_seat: string | null; details: string; at: number }[];
  if (rows.length === 0) return [];
  const nameOf = db.prepare('SELECT display_name FROM users WHERE id = ?').pluck();
  const name = (id: unknown) => (typeof id === 'string' ? ((nameOf.get(id) as string | undefined) ?? null) : null);
  return rows.map((r) => {
    const d = JSON.parse(r.details) as { fields?: Record<string, { kept: unknown; lost: unknown }>; lost?: Lifecycle };
    const lost = d.lost ?? {};
    const kept = (f: string) => (d.fields && f in d.fields ? d.fields[f]!.kept : lost[f]);
    const withAssignee = 'assignee_id' in lost;
    return {
      id: r.id,
      at: r.at,
      winnerSeat: r.winner_seat,
      loserSeat: r.loser_seat,
      kept: { status: (kept('status') as TicketStatus | undefined) ?? null, ...(withAssignee ? { assignee: name(kept('assignee_id')) } : {}) },
      lost: { status: (lost.status as TicketStatus | undefined) ?? null, ...(withAssignee ? { assignee: name(lost.assignee_id) } : {}) },
    };
  });
}

/**
 * Moves every reference to `mergeId` (in any table whose foreign key names customers, so tables
 * added later are covered) to `keepId`, then deletes `mergeId`. Each write goes through the
 * replicated tables, so every seat ends with the same single customer; the merge itself is
 * recorded too, so what another seat registered for `mergeId` meanwhile follows it there.
 */
export function mergeCustomers(db: Db, keepId: string, mergeId: string, at: number, by: string | null): { moved: Record<string, number> } {
  if (keepId === mergeId) throw new DomainError('VALIDATION', 'errors.mergeSame', 'A customer cannot be merged into itself.');
  for (const id of [keepId, mergeId]) {
    if (!db.prepare('SELECT 1 FROM customers WHERE id = ?').get(id)) {
      throw new DomainError('NOT_FOUND', 'errors.customerNotFound', `No customer with id ${id}.`, { id });
    }
  }
  recordCustomerMerge(db, mergeId, keepId, at, by);
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'`).pluck().all() as string[];
  const moved: Record<string, number> = {};
  for (const t of tables) {
    const fks = db.prepare('SELECT "from" AS col FROM pragma_foreign_key_list(?) WHERE "table" = ?').all(t, 'customers') as { col: string }[];
    for (const fk of fks) {
      // Derived look-ups: the merged customer's rows go with it; the kept one's are rebuilt below.
      if (t === 'customer_phones' || t === 'customer_keys') continue;
      const n = db.prepare(`UPDATE "${t}" SET "${fk.col}" = ? WHERE "${fk.col}" = ?`).run(keepId, mergeId).changes;
      if (n) moved[`${t}.${fk.col}`] = n;
    }
  }
  unindexCustomerRow(db, mergeId);
  db.prepare('DELETE FROM customer_keys WHERE customer_id = ?').run(mergeId);
  db.prepare('DELETE FROM customers WHERE id = ?').run(mergeId);
  // The assets moved to the kept customer: its VIN, plate and policy keys follow.
  reindexKeys(db, keepId);
  return { moved };
}
