// The multi-seat replication seam (electron/core/sync/): the outbox every shared write lands in
// (filled by triggers generated from sync/tables.ts, in the writer's own transaction), the hub
// state of rows whose merge rule needs it, the conflicts decided by rule, this seat's hub
// connection (local, never replicated), and which seat each person last signed in at.
import type { Db } from '../open';
import type { Migration } from './index';

export const m008Sync: Migration = {
  version: 8,
  name: 'sync-outbox',
  up(db) {
    db.exec(`
      -- One row. enabled: this seat belongs to a hub (before that, writes make no outbox rows).
      -- applying: set only inside the transaction that applies the hub's changes, so the triggers
      -- do not echo them back into the outbox. pulled_seq: the last hub order applied here.
      CREATE TABLE sync_state (
        id                INTEGER PRIMARY KEY CHECK (id = 1),
        enabled           INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
        applying          INTEGER NOT NULL DEFAULT 0 CHECK (applying IN (0, 1)),
        pulled_seq        INTEGER NOT NULL DEFAULT 0,
        trigger_signature TEXT NOT NULL DEFAULT ''
      ) STRICT;
      INSERT INTO sync_state (id) VALUES (1);

      CREATE TABLE sync_outbox (
        seq       INTEGER PRIMARY KEY,      -- local order, the order of pushing
        change_id TEXT NOT NULL UNIQUE,     -- UUIDv7: pushing twice is harmless
        tbl       TEXT NOT NULL,
        pk        TEXT NOT NULL,
        op        TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
        row       TEXT,                     -- JSON of the row after the change; NULL for a delete
        changed   TEXT,                     -- JSON array of the columns an update changed
        base      INTEGER NOT NULL,         -- pulled_seq when written: what the writer had seen
        seat      TEXT,
        at        INTEGER NOT NULL,
        pushed    INTEGER NOT NULL DEFAULT 0 CHECK (pushed IN (0, 1))
      ) STRICT;
      CREATE INDEX sync_outbox_row ON sync_outbox (tbl, pk);
      -- Each seat's events form their own hash chain: its last link is found by seat.
      CREATE INDEX ticket_events_seat ON ticket_events (seat, seq);
      CREATE INDEX sync_outbox_unpushed ON sync_outbox (seq) WHERE pushed = 0;

      -- The hub's version of a row, field by field ({column: [value, hub seq, seat]}), for the
      -- merge rules that must know who set a field and what the writer had seen.
      CREATE TABLE sync_shadow (
        tbl     TEXT NOT NULL,
        pk      TEXT NOT NULL,
        fields  TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        PRIMARY KEY (tbl, pk)
      ) STRICT, WITHOUT ROWID;

      -- Conflicts, decided by sync/rules.ts. Every seat applies the same hub order and so records
      -- the same conflicts under the same deterministic id.
      CREATE TABLE sync_conflicts (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL,          -- 'ticket.lifecycle' | 'customer.fields' | 'customer.duplicate'
        tbl         TEXT NOT NULL,
        pk          TEXT NOT NULL,
        other_pk    TEXT,
        hub_seq     INTEGER NOT NULL,
        winner_seat TEXT,
        loser_seat  TEXT,
        details     TEXT NOT NULL,          -- JSON
        at          INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sync_conflicts_pk ON sync_conflicts (pk);
      CREATE INDEX sync_conflicts_other ON sync_conflicts (other_pk);

      -- This seat's hub connection. Local: credentials are never replicated.
      CREATE TABLE hub_config (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        host       TEXT NOT NULL,
        port       INTEGER NOT NULL,
        database   TEXT NOT NULL,
        user       TEXT NOT NULL,
        password   TEXT NOT NULL,
        tls        INTEGER NOT NULL CHECK (tls IN (0, 1)),
        seat_id    TEXT NOT NULL,           -- this installation, in the hub's seat registry
        mode       TEXT NOT NULL CHECK (mode IN ('upload', 'join', 'member')),
        seat_code  TEXT,                    -- for a join: the seat code this PC takes
        centre_id  TEXT,
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- Shared: the seat each person last signed in at. A seat reminds only the people whose
      -- latest sign-in is there, so nobody hears the same reminder from two PCs.
      CREATE TABLE user_seats (
        id         TEXT PRIMARY KEY REFERENCES users(id),   -- the user's id
        seat       TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `);
    allowWallboardRole(db);
  },
};

/**
 * A board-only account for a TV PC (role 'wallboard'): widens users.role's CHECK in place, by
 * SQLite's documented procedure for loosening a constraint (writable_schema + schema_version),
 * because rebuilding users would have to rewrite every table that references it.
 */
function allowWallboardRole(db: Db): void {
  const before = "CHECK (role IN ('agent', 'supervisor', 'admin'))";
  const sql = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'users'`).pluck().get() as string;
  if (!sql.includes(before)) throw new Error('users.role has an unexpected CHECK constraint; cannot add the wallboard role.');
  const version = db.pragma('schema_version', { simple: true }) as number;
  db.unsafeMode(true);
  try {
    db.pragma('writable_schema = ON');
    db.prepare(`UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'users'`).run(
      sql.replace(before, "CHECK (role IN ('agent', 'supervisor', 'admin', 'wallboard'))"),
    );
    db.pragma(`schema_version = ${version + 1}`);
    db.pragma('writable_schema = OFF');
  } finally {
    db.unsafeMode(false);
  }
}
