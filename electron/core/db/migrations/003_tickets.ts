// Customers, departments, tickets and their append-only, hash-chained event log.
// Search: FTS5 with the trigram tokenizer (Chinese text, phone fragments of 3+ characters) plus
// indexed name and pinyin-initial prefixes for the 1–2 character queries trigram cannot answer.
import type { Migration } from './index';

const DEPARTMENTS: [string, string, string][] = [
  ['tech', '技术支持部', 'Technical support'],
  ['after-sales', '售后服务部', 'After-sales service'],
  ['finance', '财务部', 'Finance'],
  ['operations', '业务运营部', 'Business operations'],
  ['quality', '质量管理部', 'Quality management'],
];

export const m003Tickets: Migration = {
  version: 3,
  name: 'customers-and-tickets',
  up(db) {
    db.exec(`
      CREATE TABLE departments (
        id         TEXT PRIMARY KEY,
        name_zh    TEXT NOT NULL,
        name_en    TEXT NOT NULL,
        active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        position   INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT REFERENCES users(id)
      ) STRICT;

      CREATE TABLE customers (
        id              TEXT PRIMARY KEY,
        kind            TEXT NOT NULL CHECK (kind IN ('person', 'company')),
        name            TEXT NOT NULL,
        initials        TEXT NOT NULL,      -- pinyin initials, lower case: 王伟 → ww
        tier            TEXT NOT NULL CHECK (tier IN ('standard', 'key')),
        role            TEXT NOT NULL CHECK (role IN ('partner', 'end_customer')),
        phones          TEXT NOT NULL,      -- JSON array of strings as entered
        email           TEXT,
        wechat          TEXT,
        birthday        TEXT,               -- JSON { calendar: 'solar' | 'lunar', month, day, year? }
        contact_user_id TEXT REFERENCES users(id),
        tags            TEXT NOT NULL DEFAULT '[]',
        notes           TEXT NOT NULL DEFAULT '',
        created_at      INTEGER NOT NULL,
        created_by      TEXT REFERENCES users(id),
        updated_at      INTEGER NOT NULL,
        updated_by      TEXT REFERENCES users(id)
      ) STRICT;
      CREATE INDEX customers_name ON customers (name);
      CREATE INDEX customers_initials ON customers (initials);

      -- One row per phone digit string, for exact/prefix look-up and the duplicate warning.
      CREATE TABLE customer_phones (
        digits      TEXT NOT NULL,
        customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        PRIMARY KEY (digits, customer_id)
      ) STRICT, WITHOUT ROWID;

      CREATE VIRTUAL TABLE customers_fts USING fts5 (
        name, phones, email, wechat, tags,
        content = '', contentless_delete = 1, tokenize = 'trigram'
      );

      CREATE TABLE ticket_counters (
        seat TEXT NOT NULL,
        day  TEXT NOT NULL,                 -- YYYYMMDD in the centre's time zone
        last INTEGER NOT NULL,
        PRIMARY KEY (seat, day)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE tickets (
        id             TEXT PRIMARY KEY,
        number         TEXT NOT NULL UNIQUE,   -- A1-20260303-0001: seat, day, sequence
        customer_id    TEXT NOT NULL REFERENCES customers(id),
        type_code      TEXT NOT NULL,
        category       TEXT NOT NULL,
        tier           TEXT NOT NULL CHECK (tier IN ('standard', 'key')),   -- the customer's tier at intake
        channel        TEXT NOT NULL CHECK (channel IN ('phone', 'walk_in', 'chat', 'email', 'wechat', 'other')),
        priority       TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
        subject        TEXT NOT NULL,
        description    TEXT NOT NULL DEFAULT '',
        status         TEXT NOT NULL CHECK (status IN ('new', 'accepted', 'in_progress', 'waiting', 'resolved', 'feedback_given', 'closed')),
        is_open        INTEGER NOT NULL GENERATED ALWAYS AS (status IN ('new', 'accepted', 'in_progress', 'waiting', 'resolved')) STORED,
        assignee_id    TEXT REFERENCES users(id),
        department_id  TEXT REFERENCES departments(id),
        target         TEXT NOT NULL,          -- JSON: the catalogue target given at intake (a snapshot)
        created_at     INTEGER NOT NULL,       -- intake: the SLA clock starts here
        created_by     TEXT REFERENCES users(id),
        seat           TEXT NOT NULL,
        pauses         TEXT NOT NULL DEFAULT '[]',  -- JSON closed pauses [{from, to}]
        paused_since   INTEGER,                -- set while waiting on the customer
        due_at         INTEGER NOT NULL,       -- cache: due given the pauses so far (recomputable)
        warning_at     INTEGER NOT NULL,       -- cache: when it turns amber
        beyond_known_years INTEGER NOT NULL DEFAULT 0,
        resolved_at    INTEGER,
        feedback_at    INTEGER,                -- the SLA clock stops here (seed: feedback is completion)
        closed_at      INTEGER,
        overtime_minutes REAL,                 -- cache, set at feedback
        complaint      TEXT,                   -- JSON for complaints: category, cause, department, outcome
        updated_at     INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX tickets_open_due ON tickets (due_at) WHERE is_open;
      CREATE INDEX tickets_customer ON tickets (customer_id, created_at);
      CREATE INDEX tickets_created ON tickets (created_at);
      CREATE INDEX tickets_assignee_open ON tickets (assignee_id) WHERE is_open;

      CREATE VIRTUAL TABLE tickets_fts USING fts5 (
        number, subject, description,
        content = '', contentless_delete = 1, tokenize = 'trigram'
      );

      CREATE TABLE ticket_events (
        seq       INTEGER PRIMARY KEY,
        id        TEXT NOT NULL UNIQUE,
        ticket_id TEXT NOT NULL REFERENCES tickets(id),
        at        INTEGER NOT NULL,
        actor_id  TEXT REFERENCES users(id),
        seat      TEXT,
        kind      TEXT NOT NULL,
        before    TEXT,                        -- JSON of the changed fields before
        after     TEXT,                        -- JSON of the changed fields after
        prev_hash TEXT NOT NULL,
        hash      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, seq);
      CREATE TRIGGER ticket_events_no_update BEFORE UPDATE ON ticket_events
      BEGIN SELECT RAISE(ABORT, 'ticket_events is append-only'); END;
      CREATE TRIGGER ticket_events_no_delete BEFORE DELETE ON ticket_events
      BEGIN SELECT RAISE(ABORT, 'ticket_events is append-only'); END;

      -- Errors (过失) a supervisor records against an agent, the input of performance deductions.
      CREATE TABLE agent_errors (
        id          TEXT PRIMARY KEY,
        agent_id    TEXT NOT NULL REFERENCES users(id),
        ticket_id   TEXT REFERENCES tickets(id),
        at          INTEGER NOT NULL,
        reason      TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX agent_errors_agent ON agent_errors (agent_id, at);
    `);
    const dept = db.prepare('INSERT INTO departments (id, name_zh, name_en, position, updated_at) VALUES (?, ?, ?, ?, 0)');
    DEPARTMENTS.forEach(([id, zh, en], i) => dept.run(id, zh, en, (i + 1) * 10));
  },
};
