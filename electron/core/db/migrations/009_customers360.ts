// Customers 360: assets with key dates, the search-key index (name and pinyin fragments anywhere,
// VIN, plate, policy and contract numbers), callback rules seeded with the seeds' defaults, the
// callbacks and their call attempts, and the inbox (read state on notifications).
import { DEFAULT_CALLBACK_RULES } from '../../../../shared/callbacks/rules';
import { v7 as uuidv7 } from 'uuid';
import { customerKeys } from '../../services/customerKeys';
import type { Migration } from './index';

export const m009Customers360: Migration = {
  version: 9,
  name: 'customers-360',
  up(db) {
    db.exec(`
      CREATE TABLE customer_assets (
        id          TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        kind        TEXT NOT NULL CHECK (kind IN ('vehicle', 'policy', 'contract')),
        data        TEXT NOT NULL,          -- JSON, shared/customers/assets.ts assetInputSchema
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL,
        updated_by  TEXT REFERENCES users(id)
      ) STRICT;
      CREATE INDEX customer_assets_customer ON customer_assets (customer_id);

      -- Derived, rebuilt from customers and customer_assets in the same transaction as their change
      -- (like customer_phones): every suffix of the name, of its full pinyin (by syllable) and of its
      -- initials, so a prefix range answers "any fragment anywhere" from the primary key; plus VIN,
      -- VIN's last 6, plate with and without province, policy and contract numbers.
      CREATE TABLE customer_keys (
        key         TEXT NOT NULL,
        customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        PRIMARY KEY (key, customer_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX customer_keys_customer ON customer_keys (customer_id);

      CREATE TABLE callback_rules (
        id         TEXT PRIMARY KEY,
        code       TEXT NOT NULL UNIQUE,
        rule       TEXT NOT NULL,           -- JSON, shared/callbacks/rules.ts callbackRuleSchema
        active     INTEGER NOT NULL CHECK (active IN (0, 1)),
        position   INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT REFERENCES users(id)
      ) STRICT;

      CREATE TABLE callbacks (
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
        status           TEXT NOT NULL CHECK (status IN ('pending', 'done', 'unreachable', 'refused')),
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
        updated_at       INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX callbacks_pending_due ON callbacks (due_at) WHERE status = 'pending';
      CREATE INDEX callbacks_customer ON callbacks (customer_id, due_at);
      CREATE INDEX callbacks_done ON callbacks (done_at) WHERE done_at IS NOT NULL;

      CREATE TABLE callback_attempts (
        id          TEXT PRIMARY KEY,
        callback_id TEXT NOT NULL REFERENCES callbacks(id),
        at          INTEGER NOT NULL,
        by_user_id  TEXT NOT NULL REFERENCES users(id),
        outcome     TEXT NOT NULL CHECK (outcome IN ('reached', 'no_answer', 'wrong_number', 'refused')),
        scores      TEXT,
        notes       TEXT NOT NULL DEFAULT '',
        updated_at  INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX callback_attempts_callback ON callback_attempts (callback_id, at);

      ALTER TABLE notifications ADD COLUMN callback_id TEXT REFERENCES callbacks(id);
      CREATE INDEX notifications_recipient ON notifications (recipient_id, created_at);
      -- The inbox: a notification can concern several people (everyone on duty), each reads it.
      CREATE TABLE notification_reads (
        id              TEXT PRIMARY KEY,
        notification_id TEXT NOT NULL REFERENCES notifications(id),
        user_id         TEXT NOT NULL REFERENCES users(id),
        read_at         INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL,
        UNIQUE (notification_id, user_id)
      ) STRICT;
    `);
    const rule = db.prepare('INSERT INTO callback_rules (id, code, rule, active, position, updated_at) VALUES (?, ?, ?, ?, ?, 0)');
    DEFAULT_CALLBACK_RULES.forEach((r, i) => rule.run(uuidv7(), r.code, JSON.stringify(r), r.active ? 1 : 0, (i + 1) * 10));
    const key = db.prepare('INSERT OR IGNORE INTO customer_keys (key, customer_id) VALUES (?, ?)');
    // Read whole before writing: better-sqlite3 refuses a write on a connection still iterating.
    for (const c of db.prepare('SELECT id, name FROM customers').all() as { id: string; name: string }[]) {
      for (const k of customerKeys(c.name, [])) key.run(k, c.id);
    }
  },
};
