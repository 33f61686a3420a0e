// The outbox side of the seam: turning capture on, the first seat's snapshot, reading what is
// still to send and marking what the hub has stored.
import type { Db } from '../db/open';
import { quoteIdent, quoteText } from './columns';
import { outboxColumns, rowJson } from './triggers';
import type { SharedTable } from './declare';
import { SHARED_TABLES } from './tables';

export interface OutboxRow {
  seq: number;
  change_id: string;
  tbl: string;
  pk: string;
  op: 'insert' | 'update' | 'delete';
  row: string | null;
  changed: string | null;
  base: number;
  seat: string | null;
  at: number;
}

export function captureEnabled(db: Db): boolean {
  return (db.prepare('SELECT enabled FROM sync_state WHERE id = 1').pluck().get() as number) === 1;
}

export function enableCapture(db: Db): void {
  db.prepare('UPDATE sync_state SET enabled = 1 WHERE id = 1').run();
}

/**
 * Every row of every shared table as an insert, in declaration order (parents first): what the
 * first seat of a centre uploads. Call inside the transaction that enables capture, so no write
 * falls between the snapshot and the triggers.
 */
export function enqueueSnapshot(db: Db, seat: string, tables: readonly SharedTable[] = SHARED_TABLES): number {
  let n = 0;
  for (const t of tables) {
    const local = t.localKeys?.length ? `WHERE r.${quoteIdent(t.pk)} NOT IN (${t.localKeys.map(quoteText).join(', ')})` : '';
    const order = t.localColumns?.includes('seq') ? 'r.seq' : 'r.rowid';
    n += db
      .prepare(
        `INSERT INTO sync_outbox (${outboxColumns})
         SELECT lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' ||
                substr('89ab', (random() & 3) + 1, 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6))),
                ${quoteText(t.table)}, r.${quoteIdent(t.pk)}, 'insert', ${rowJson(db, t, 'r')}, NULL, 0, ?, ms
         FROM ${quoteIdent(t.table)} r, (SELECT printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)) AS h,
                                         CAST(unixepoch('subsec') * 1000 AS INTEGER) AS ms) ${local} ORDER BY ${order}`,
      )
      .run(seat).changes;
  }
  return n;
}

export function unpushed(db: Db, limit: number): OutboxRow[] {
  return db.prepare('SELECT * FROM sync_outbox WHERE pushed = 0 ORDER BY seq LIMIT ?').all(limit) as OutboxRow[];
}

export function markPushed(db: Db, lastSeq: number): void {
  db.prepare('UPDATE sync_outbox SET pushed = 1 WHERE pushed = 0 AND seq <= ?').run(lastSeq);
}

/** Changes written here that the hub has not stored yet ("37 changes to send"). */
export function toSendCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM sync_outbox WHERE pushed = 0').pluck().get() as number;
}

export function pulledSeq(db: Db): number {
  return db.prepare('SELECT pulled_seq FROM sync_state WHERE id = 1').pluck().get() as number;
}
