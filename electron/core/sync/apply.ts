// Applies changes pulled from the hub, in hub order, in ONE SQLite transaction that also moves
// pulled_seq: a crash applies all of a batch or none of it, and a batch applied twice is skipped.
// The applying flag keeps the triggers from sending these changes back to the hub.
import type { Db } from '../db/open';
import { customersWithPhones } from '../services/customers';
import { quoteIdent, replicatedColumns } from './columns';
import type { SharedTable } from './declare';
import { followCustomerMerge } from './repoint';
import { decide, probableDuplicate, uniqueSuffix, type ChangeFacts, type ConflictDraft, type ShadowFields } from './rules';
import { cached } from './statements';
import { sharedTable } from './tables';

export interface HubChange {
  seq: number;
  changeId: string;
  table: string;
  pk: string;
  op: 'insert' | 'update' | 'delete';
  row: Record<string, unknown> | null;
  changed: string[] | null;
  base: number;
  seat: string | null;
  at: number;
}

export interface RecordedConflict {
  id: string;
  kind: string;
  table: string;
  pk: string;
  otherPk: string | null;
  seq: number;
  winnerSeat: string | null;
  loserSeat: string | null;
  details: Record<string, unknown>;
  at: number;
}

export interface ApplyOutcome {
  applied: number;
  /** Changes of tables this version does not know (a newer seat): skipped, counted. */
  unknown: number;
  /** Changes of our own seat coming back (their outbox rows are done). */
  own: number;
  tables: Set<string>;
  ids: Map<string, Set<string>>;
  conflicts: RecordedConflict[];
  lastSeq: number;
}

interface Pending {
  any: boolean;
  /** A pending insert or delete: the whole row is this seat's until its change comes back. */
  all: boolean;
  fields: Set<string>;
}

export function applyChanges(db: Db, changes: readonly HubChange[]): ApplyOutcome {
  try {
    return applyBatch(db, changes, false);
  } catch (err) {
    // Rolled back. A reference to a row another seat deleted (two seats, each right on its own,
    // e.g. an asset deleted here while a reminder was planned for it there) would fail this batch
    // at every retry and stop the seat's sync for good: once more, repairing what dangles.
    if (!isForeignKeyFailure(err)) throw err;
    return applyBatch(db, changes, true);
  }
}

const isForeignKeyFailure = (err: unknown) => (err as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';

function applyBatch(db: Db, changes: readonly HubChange[], repair: boolean): ApplyOutcome {
  const outcome: ApplyOutcome = { applied: 0, unknown: 0, own: 0, tables: new Set(), ids: new Map(), conflicts: [], lastSeq: 0 };
  if (changes.length === 0) return outcome;
  const stmts = statements(db);
  db.transaction(() => {
    // Within one batch a child may arrive before a parent from another seat: checked at commit.
    db.pragma('defer_foreign_keys = ON');
    const pulled = stmts.pulled.get() as number;
    stmts.applying.run(1);
    for (const c of changes) {
      outcome.lastSeq = Math.max(outcome.lastSeq, c.seq);
      if (c.seq <= pulled) continue;
      const t = sharedTable(c.table);
      if (!t) {
        outcome.unknown++;
        continue;
      }
      if (stmts.doneOwn.run(c.changeId).changes === 1) outcome.own++;
      applyOne(db, t, c, stmts, outcome);
      outcome.applied++;
      noteChanged(outcome, c.table, c.pk);
    }
    // The whole file's references are checked: slow on a big centre, and only after a failed commit.
    if (repair) repairDanglingReferences(db, stmts, outcome, changes.reduce((m, c) => Math.max(m, c.at), 0));
    stmts.applying.run(0);
    stmts.setPulled.run(outcome.lastSeq);
  })();
  return outcome;
}

/**
 * Every row left pointing at a row that is gone lets go of it, the same way at every seat (each
 * seat meets the dangling reference when the delete or the orphan reaches it, in either order):
 * a nullable reference is set to NULL (the reminder stays, without its asset); a row that cannot
 * exist without its parent is dropped here, with what it held kept in the conflict's details for
 * the admin. A customer that was merged into another is not gone, though: the row follows it to
 * the customer kept (repoint.ts), the expected outcome of a merge, recorded as no conflict.
 * Done with the applying flag up, so nothing of it is sent back to the hub.
 */
function repairDanglingReferences(db: Db, stmts: Stmts, outcome: ApplyOutcome, at: number): void {
  // A dropped row may itself be a parent: repeat until nothing dangles.
  for (let round = 0; round < 8; round++) {
    const dangling = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string; fkid: number }[];
    if (dangling.length === 0) return;
    for (const d of dangling) {
      const table = quoteIdent(d.table);
      const fk = (db.prepare('SELECT "from" AS col FROM pragma_foreign_key_list(?) WHERE id = ?').all(d.table, d.fkid) as { col: string }[]).map((f) => f.col);
      const notNull = fk.some((c) => (db.prepare('SELECT "notnull" FROM pragma_table_info(?) WHERE name = ?').pluck().get(d.table, c) as number) === 1);
      const row = db.prepare(`SELECT * FROM ${table} WHERE rowid = ?`).get(d.rowid) as Record<string, unknown> | undefined;
      if (!row) continue;
      const pk = String(row[sharedTable(d.table)?.pk ?? 'id'] ?? d.rowid);
      if (d.parent === 'customers' && fk.length === 1 && typeof row[fk[0]!] === 'string') {
        const moved = followCustomerMerge(db, d.table, pk, fk[0]!, row[fk[0]!] as string, outcome.lastSeq);
        if (moved) {
          // Changed here like an applied row: its screens, and the kept customer's, refresh.
          noteChanged(outcome, moved.table, moved.pk);
          noteChanged(outcome, 'customers', moved.keptId);
          continue;
        }
      }
      if (notNull) db.prepare(`DELETE FROM ${table} WHERE rowid = ?`).run(d.rowid);
      else db.prepare(`UPDATE ${table} SET ${fk.map((c) => `${quoteIdent(c)} = NULL`).join(', ')} WHERE rowid = ?`).run(d.rowid);
      const conflict: RecordedConflict = {
        id: `reference.gone:${d.table}:${pk}:${fk.join(',')}:${String(fk.map((c) => row[c]).join(','))}`,
        kind: 'reference.gone',
        table: d.table,
        pk,
        otherPk: fk.map((c) => String(row[c])).join(','),
        seq: outcome.lastSeq,
        winnerSeat: null,
        loserSeat: null,
        details: { parent: d.parent, columns: fk, action: notNull ? 'dropped' : 'detached', row },
        at,
      };
      if (stmts.conflict.run(conflict.id, conflict.kind, conflict.table, conflict.pk, conflict.otherPk, conflict.seq, null, null, JSON.stringify(conflict.details), conflict.at).changes === 1) {
        outcome.conflicts.push(conflict);
      }
    }
  }
  throw new Error('References still dangle after repairing them eight times over.');
}

/** A row this batch changed: the tables and ids the screens and the open queue refresh. */
function noteChanged(outcome: ApplyOutcome, table: string, id: string): void {
  outcome.tables.add(table);
  let set = outcome.ids.get(table);
  if (!set) outcome.ids.set(table, (set = new Set()));
  set.add(id);
}

function statements(db: Db) {
  return {
    pulled: db.prepare('SELECT pulled_seq FROM sync_state WHERE id = 1').pluck(),
    applying: db.prepare('UPDATE sync_state SET applying = ? WHERE id = 1'),
    setPulled: db.prepare('UPDATE sync_state SET pulled_seq = max(pulled_seq, ?) WHERE id = 1'),
    doneOwn: db.prepare('DELETE FROM sync_outbox WHERE change_id = ?'),
    pending: db.prepare('SELECT op, changed FROM sync_outbox WHERE tbl = ? AND pk = ?'),
    shadow: db.prepare('SELECT fields, deleted FROM sync_shadow WHERE tbl = ? AND pk = ?'),
    saveShadow: db.prepare(
      `INSERT INTO sync_shadow (tbl, pk, fields, deleted) VALUES (?, ?, ?, ?)
       ON CONFLICT (tbl, pk) DO UPDATE SET fields = excluded.fields, deleted = excluded.deleted`,
    ),
    conflict: db.prepare(
      `INSERT OR IGNORE INTO sync_conflicts (id, kind, tbl, pk, other_pk, hub_seq, winner_seat, loser_seat, details, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}
type Stmts = ReturnType<typeof statements>;

function pendingOf(stmts: Stmts, table: string, pk: string): Pending {
  const rows = stmts.pending.all(table, pk) as { op: string; changed: string | null }[];
  const p: Pending = { any: rows.length > 0, all: false, fields: new Set() };
  for (const r of rows) {
    if (r.op !== 'update' || r.changed === null) p.all = true;
    else for (const f of JSON.parse(r.changed) as string[]) p.fields.add(f);
  }
  return p;
}

function applyOne(db: Db, t: SharedTable, c: HubChange, stmts: Stmts, outcome: ApplyOutcome): void {
  const cols = replicatedColumns(db, t);
  const pending = pendingOf(stmts, t.table, c.pk);
  const applied = { table: t.table, pk: c.pk, op: c.op, seat: c.seat, seq: c.seq };
  if (t.merge === 'append') {
    if (c.op !== 'insert' || !c.row) return;
    cached(db, `INSERT OR IGNORE INTO ${quoteIdent(t.table)} (${cols.map(quoteIdent).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
      ...cols.map((k) => bind(c.row![k])),
    );
    t.afterApply?.(db, applied);
    return;
  }

  let values: Record<string, unknown>;
  let deleted = c.op === 'delete';
  if (t.merge === 'lww') {
    values = c.row ?? {};
    const fields = c.op === 'insert' ? cols : (c.changed ?? cols);
    materialise(db, t, cols, c.pk, values, deleted, pending, fields);
  } else {
    const found = stmts.shadow.get(t.table, c.pk) as { fields: string; deleted: 0 | 1 } | undefined;
    const shadow: ShadowFields = found ? (JSON.parse(found.fields) as ShadowFields) : {};
    if (!deleted && c.row) {
      const touched = (c.op === 'insert' || !found ? cols : (c.changed ?? cols)).filter((f) => cols.includes(f));
      const facts: ChangeFacts = { changeId: c.changeId, seq: c.seq, base: c.base, seat: c.seat, row: c.row, at: c.at };
      const decision = decide(t.merge, shadow, touched, facts);
      if (decision.conflict) record(stmts, outcome, t, c, decision.conflict);
      if (t.table === 'customers' && c.op === 'insert') flagDuplicates(db, stmts, outcome, c, facts);
      for (const f of decision.accept) shadow[f] = [c.row[f] ?? null, c.seq, c.seat];
      for (const f of cols) if (!(f in shadow)) shadow[f] = [c.row[f] ?? null, c.seq, c.seat];
    }
    deleted = deleted || (found?.deleted === 1 && c.op !== 'insert');
    stmts.saveShadow.run(t.table, c.pk, JSON.stringify(shadow), deleted ? 1 : 0);
    values = Object.fromEntries(cols.map((f) => [f, shadow[f]?.[0] ?? null]));
    materialise(db, t, cols, c.pk, values, deleted, pending, cols);
  }
  t.afterApply?.(db, applied);
}

/**
 * Makes the local row what the hub says, except for the fields this seat changed and has not
 * seen come back yet: those stay as the person here left them (their change is later in hub
 * order, or is decided when it arrives).
 */
function materialise(db: Db, t: SharedTable, cols: string[], pk: string, values: Record<string, unknown>, deleted: boolean, pending: Pending, fields: readonly string[]): void {
  const table = quoteIdent(t.table);
  const key = quoteIdent(t.pk);
  const exists = cached(db, `SELECT 1 FROM ${table} WHERE ${key} = ?`).get(pk) !== undefined;
  if (deleted) {
    if (exists && !pending.any) {
      t.beforeDelete?.(db, pk);
      cached(db, `DELETE FROM ${table} WHERE ${key} = ?`).run(pk);
    }
    return;
  }
  if (pending.all) return;
  if (!exists) {
    const row = { ...values };
    fixUnique(db, t, pk, row);
    cached(db, `INSERT INTO ${table} (${cols.map(quoteIdent).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((k) => bind(row[k])));
    return;
  }
  const set = fields.filter((f) => f !== t.pk && cols.includes(f) && !pending.fields.has(f) && f in values);
  if (set.length === 0) return;
  const row = { ...values };
  fixUnique(db, t, pk, row);
  cached(db, `UPDATE ${table} SET ${set.map((f) => `${quoteIdent(f)} = ?`).join(', ')} WHERE ${key} = ?`).run(...set.map((f) => bind(row[f])), pk);
}

/** Two seats gave the same unique value (a user name) to different rows: rules.ts decides. */
function fixUnique(db: Db, t: SharedTable, pk: string, row: Record<string, unknown>): void {
  for (const u of t.unique ?? []) {
    if (row[u] === undefined || row[u] === null) continue;
    const other = cached(db, `SELECT ${quoteIdent(t.pk)} FROM ${quoteIdent(t.table)} WHERE ${quoteIdent(u)} = ? AND ${quoteIdent(t.pk)} <> ?`).pluck().get(bind(row[u]), pk) as string | undefined;
    if (other === undefined) continue;
    if (pk > other) row[u] = uniqueSuffix(row[u], pk);
    else cached(db, `UPDATE ${quoteIdent(t.table)} SET ${quoteIdent(u)} = ? WHERE ${quoteIdent(t.pk)} = ?`).run(uniqueSuffix(row[u], other), other);
  }
}

function record(stmts: Stmts, outcome: ApplyOutcome, t: SharedTable, c: HubChange, d: ConflictDraft): void {
  const conflict: RecordedConflict = {
    id: `${d.kind}:${c.changeId}`,
    kind: d.kind,
    table: t.table,
    pk: c.pk,
    otherPk: null,
    seq: c.seq,
    winnerSeat: d.winnerSeat,
    loserSeat: d.loserSeat,
    details: { fields: d.fields, lost: d.lost },
    at: c.at,
  };
  if (stmts.conflict.run(conflict.id, conflict.kind, conflict.table, conflict.pk, null, conflict.seq, conflict.winnerSeat, conflict.loserSeat, JSON.stringify(conflict.details), conflict.at).changes === 1) {
    outcome.conflicts.push(conflict);
  }
}

function flagDuplicates(db: Db, stmts: Stmts, outcome: ApplyOutcome, c: HubChange, facts: ChangeFacts): void {
  const phones = JSON.parse(String(c.row!.phones ?? '[]')) as string[];
  if (phones.length === 0) return;
  for (const other of customersWithPhones(db, phones, c.pk)) {
    const sh = stmts.shadow.get('customers', other.id) as { fields: string } | undefined;
    if (!sh) continue;
    const created = (JSON.parse(sh.fields) as ShadowFields).id;
    if (!created || !probableDuplicate(created[1], created[2], facts)) continue;
    const [a, b] = [c.pk, other.id].sort() as [string, string];
    const conflict: RecordedConflict = {
      id: `customer.duplicate:${a}:${b}`,
      kind: 'customer.duplicate',
      table: 'customers',
      pk: a,
      otherPk: b,
      seq: c.seq,
      winnerSeat: created[2],
      loserSeat: c.seat,
      details: { phones, names: { [c.pk]: c.row!.name, [other.id]: other.name } },
      at: c.at,
    };
    if (stmts.conflict.run(conflict.id, conflict.kind, 'customers', a, b, c.seq, conflict.winnerSeat, conflict.loserSeat, JSON.stringify(conflict.details), c.at).changes === 1) {
      outcome.conflicts.push(conflict);
    }
  }
}

const bind = (v: unknown) => (v === undefined ? null : typeof v === 'boolean' ? (v ? 1 : 0) : (v as string | number | null));
