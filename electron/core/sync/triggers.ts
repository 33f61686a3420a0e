// Triggers generated from the declarations: every INSERT, UPDATE and DELETE on a shared table
// writes an outbox row in the same transaction as the write itself, whoever writes (a handler,
// the CLI, a future service that forgot about sync). They are plain SQL in the database file, so
// every connection gets them. They stay silent while this seat is not connected to a hub
// (sync_state.enabled = 0) and while the hub's own changes are being applied (applying = 1).
import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import { replicatedColumns, quoteIdent, quoteText } from './columns';
import type { SharedTable } from './declare';
import { captureEnabled, enqueueSnapshot } from './outbox';
import { SHARED_TABLES } from './tables';

/** A UUIDv7 in SQL: 48 bits of Unix milliseconds, version 7, variant 10, 74 random bits. */
const UUID7 = `lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' ||
  substr('89ab', (random() & 3) + 1, 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)))`;
const NOW = `CAST(unixepoch('subsec') * 1000 AS INTEGER)`;
const CLOCK = `(SELECT printf('%012x', ${NOW}) AS h, ${NOW} AS ms)`;
const ACTIVE = `(SELECT enabled = 1 AND applying = 0 FROM sync_state WHERE id = 1)`;
const BASE = `(SELECT pulled_seq FROM sync_state WHERE id = 1)`;
const SEAT = `(SELECT json_extract(value, '$.seatCode') FROM settings WHERE key = 'centre')`;

/** json_object of the row's replicated columns, read from NEW or OLD (or a plain table alias). */
export function rowJson(db: Db, t: SharedTable, alias: string): string {
  return `json_object(${replicatedColumns(db, t)
    .map((c) => `${quoteText(c)}, ${alias}.${quoteIdent(c)}`)
    .join(', ')})`;
}

export const outboxColumns = 'change_id, tbl, pk, op, row, changed, base, seat, at';

function triggerSql(db: Db, t: SharedTable): string[] {
  const cols = replicatedColumns(db, t);
  const name = (suffix: string) => quoteIdent(`sync_${t.table}_${suffix}`);
  const tbl = quoteIdent(t.table);
  const local = (alias: string) =>
    t.localKeys?.length ? ` AND ${alias}.${quoteIdent(t.pk)} NOT IN (${t.localKeys.map(quoteText).join(', ')})` : '';
  const insert = (op: string, alias: string, row: string, changed: string) =>
    `INSERT INTO sync_outbox (${outboxColumns})
       SELECT ${UUID7}, ${quoteText(t.table)}, ${alias}.${quoteIdent(t.pk)}, '${op}', ${row}, ${changed}, ${BASE}, ${SEAT}, ms FROM ${CLOCK};`;
  const differs = cols.map((c) => `OLD.${quoteIdent(c)} IS NOT NEW.${quoteIdent(c)}`);
  const changedList = `(SELECT json_group_array(value) FROM json_each(json_array(${cols
    .map((c) => `CASE WHEN OLD.${quoteIdent(c)} IS NOT NEW.${quoteIdent(c)} THEN ${quoteText(c)} END`)
    .join(', ')})) WHERE value IS NOT NULL)`;
  return [
    `CREATE TRIGGER ${name('insert')} AFTER INSERT ON ${tbl} WHEN ${ACTIVE}${local('NEW')}
     BEGIN ${insert('insert', 'NEW', rowJson(db, t, 'NEW'), 'NULL')} END`,
    `CREATE TRIGGER ${name('update')} AFTER UPDATE ON ${tbl} WHEN ${ACTIVE}${local('NEW')} AND (${differs.join(' OR ')})
     BEGIN ${insert('update', 'NEW', rowJson(db, t, 'NEW'), changedList)} END`,
    `CREATE TRIGGER ${name('delete')} AFTER DELETE ON ${tbl} WHEN ${ACTIVE}${local('OLD')}
     BEGIN ${insert('delete', 'OLD', 'NULL', 'NULL')} END`,
  ];
}

/**
 * (Re)creates the triggers when the declarations or the tables' columns changed since they were
 * made (compared by a signature stored in sync_state); a few microseconds when nothing changed.
 */
export function installTriggers(db: Db, tables: readonly SharedTable[] = SHARED_TABLES): boolean {
  const statements = tables.flatMap((t) => triggerSql(db, t));
  const signature = createHash('sha256').update(statements.join('\n')).digest('hex');
  const current = db.prepare('SELECT trigger_signature FROM sync_state WHERE id = 1').pluck().get() as string;
  if (current === signature) {
    db.transaction(() => sendNewlySharedTables(db, tables))();
    return false;
  }
  db.transaction(() => {
    const old = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'sync\\_%' ESCAPE '\\'`).pluck().all() as string[];
    for (const n of old) db.exec(`DROP TRIGGER ${quoteIdent(n)}`);
    for (const s of statements) db.exec(s);
    db.prepare('UPDATE sync_state SET trigger_signature = ? WHERE id = 1').run(signature);
    sendNewlySharedTables(db, tables);
  })();
  return true;
}

/**
 * A table that joins replication on a seat already in a centre (an update declared it) sends the
 * rows it holds, once, like the first seat's snapshot: from then on the triggers capture it.
 */
function sendNewlySharedTables(db: Db, tables: readonly SharedTable[]): void {
  const before = new Set(JSON.parse(db.prepare('SELECT shared_tables FROM sync_state WHERE id = 1').pluck().get() as string) as string[]);
  const added = tables.filter((t) => !before.has(t.table));
  if (added.length === 0 && before.size === tables.length) return;
  if (added.length && captureEnabled(db)) {
    const seat = (db.prepare(`SELECT json_extract(value, '$.seatCode') FROM settings WHERE key = 'centre'`).pluck().get() as string | undefined) ?? null;
    enqueueSnapshot(db, seat ?? '', added);
  }
  db.prepare('UPDATE sync_state SET shared_tables = ? WHERE id = 1').run(JSON.stringify(tables.map((t) => t.table)));
}
