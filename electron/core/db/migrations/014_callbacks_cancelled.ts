// A callback that is no longer wanted (feedback reached the customer before the 24-hour reply
// check, a birthday or asset date changed, a customer left a festival's audience, an asset was
// deleted) is CANCELLED, no longer deleted. Callbacks replicate between seats, and another seat
// may record a call attempt on the very callback this one drops: a deleted parent would leave that
// attempt's row unable to apply at any seat, stopping the sync for good (FOREIGN KEY at commit).
// A cancellation is a field update like any other and merges like one.
//
// SQLite cannot change a CHECK constraint in place, so the table is rebuilt the way SQLite
// documents (new table, copy, drop, rename), with foreign keys off and checked before the commit
// (`rebuilds`, migrations/index.ts). Its indexes and triggers are re-created from their stored SQL;
// the hub's triggers are regenerated at open because the columns changed (sync/triggers.ts
// compares a signature).
import type { Migration } from './index';

const COLUMNS = `id, rule_id, customer_id, origin_ticket_id, asset_id, occasion, due_day, due_at, window_end_at, status, attempts,
  last_outcome, excluded_user_id, done_by, done_at, scores, notes, complaint_ticket_id, created_at, updated_at`;

export const m014CallbacksCancelled: Migration = {
  version: 14,
  name: 'callbacks-cancelled',
  rebuilds: ['callbacks'],
  up(db) {
    const dependants = db
      .prepare(`SELECT sql FROM sqlite_schema WHERE tbl_name = 'callbacks' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name`)
      .pluck()
      .all() as string[];
    db.exec(`
      CREATE TABLE callbacks_014 (
        id               TEXT PRIMARY KEY,
        rule_id          TEXT NOT NULL REFERENCES callback_rules(id),
        customer_id      TEXT NOT NULL REFERENCES customers(id),
        origin_ticket_id TEXT REFERENCES tickets(id),
        asset_id         TEXT REFERENCES customer_assets(id),
        -- What it is for, unique: rule, subject, base date, offset index. Generating twice is a no-op.
        occasion         TEXT NOT NULL UNIQUE,
        due_day          TEXT NOT NULL,     -- YYYY-MM-DD in the centre's time zone
        due_at           INTEGER NOT NULL,
        window_end_at    INTEGER NOT NULL,
        status           TEXT NOT NULL CHECK (status IN ('pending', 'done', 'unreachable', 'refused', 'cancelled')),
        attempts         INTEGER NOT NULL DEFAULT 0,
        last_outcome     TEXT,
        -- The agent who served the customer may not make the satisfaction call (4S rule).
        excluded_user_id TEXT REFERENCES users(id),
        done_by          TEXT REFERENCES users(id),
        done_at          INTEGER,
        scores           TEXT,              -- JSON [{question, score}]
        notes            TEXT NOT NULL DEFAULT '',
        complaint_ticket_id TEXT REFERENCES tickets(id),
        created_at       INTEGER NOT NULL,
        updated_at       INTEGER NOT NULL,
        -- When it was cancelled (NULL unless status = 'cancelled'): the month's archive lists a
        -- callback due in the month and cancelled only later as untried, so regenerating it later
        -- gives the same file.
        cancelled_at     INTEGER
      ) STRICT;
      INSERT INTO callbacks_014 (${COLUMNS}) SELECT ${COLUMNS} FROM callbacks;
      DROP TABLE callbacks;
      ALTER TABLE callbacks_014 RENAME TO callbacks;
    `);
    for (const sql of dependants) db.exec(sql);
  },
};
