// What a table declares to join replication. The triggers (triggers.ts), the snapshot a first
// seat uploads (outbox.ts), the applier (apply.ts) and the digest (digest.ts) are all derived
// from these declarations: a new shared table needs one entry in tables.ts and no sync code.
import type { Db } from '../db/open';

/**
 * How concurrent changes from different seats merge (decided in rules.ts, the one place):
 * - 'lww': per field, the change later in hub order wins; a seat keeps its own unsent fields
 *   until its change comes back from the hub.
 * - 'lww-history': as 'lww', plus the hub version of each field is kept, and an edit of a field
 *   that the writer had not seen changed at another seat is recorded as a conflict with both
 *   values (shown in the customer's history).
 * - 'ticket': the lifecycle fields (status, assignee, pauses, SLA stamps) are decided by the
 *   first change in hub order; a lifecycle change made without having seen it loses, is recorded,
 *   and its agent is told. Other fields as 'lww-history' without a record.
 * - 'append': rows are only ever inserted (hash-chained events); an id already present is skipped.
 */
export type MergeRule = 'lww' | 'lww-history' | 'ticket' | 'append';

export interface AppliedRow {
  table: string;
  pk: string;
  op: 'insert' | 'update' | 'delete';
  /** The seat the change came from and its hub order. */
  seat: string | null;
  seq: number;
}

export interface SharedTable {
  table: string;
  /** The primary-key column (one column, text). */
  pk: string;
  merge: MergeRule;
  /** Columns that stay local (e.g. an INTEGER PRIMARY KEY seq), neither sent nor compared. */
  localColumns?: readonly string[];
  /** Primary-key values that stay local (settings of this PC only). */
  localKeys?: readonly string[];
  /** Columns unique across rows: a clash from two seats keeps the smaller id's value (rules.ts). */
  unique?: readonly string[];
  /** Keeps derived local data (search indexes, due moments) in step after a change was applied. */
  afterApply?(db: Db, row: AppliedRow): void;
  /** Removes derived local data before a row is deleted by the hub. */
  beforeDelete?(db: Db, pk: string): void;
}
