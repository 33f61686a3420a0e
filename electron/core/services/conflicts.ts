// Conflicts decided by the sync rules (sync/rules.ts), as people see them, and the merge action
// for probable duplicate customers.
import type { SyncConflict } from '../../../shared/hub';
import { DomainError } from '../../../shared/result';
import type { Db } from '../db/open';
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

/**
 * Moves every reference to `mergeId` (in any table whose foreign key names customers, so tables
 * added later are covered) to `keepId`, then deletes `mergeId`. Each write goes through the
 * replicated tables, so every seat ends with the same single customer.
 */
export function mergeCustomers(db: Db, keepId: string, mergeId: string): { moved: Record<string, number> } {
  if (keepId === mergeId) throw new DomainError('VALIDATION', 'errors.mergeSame', 'A customer cannot be merged into itself.');
  for (const id of [keepId, mergeId]) {
    if (!db.prepare('SELECT 1 FROM customers WHERE id = ?').get(id)) {
      throw new DomainError('NOT_FOUND', 'errors.customerNotFound', `No customer with id ${id}.`, { id });
    }
  }
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
