// Statistics at the size of a real centre (issue 12, item 5): day and month rollups of the facts
// cache, so a month or a year of figures reads a few thousand pre-summed rows instead of every
// ticket. All of it is a LOCAL DERIVED CACHE like ticket_facts (migration 7): rebuilt from the
// tickets and their events (services/statsFacts.ts), never replicated, safe to drop.
// - ticket_facts is recreated with the customer's role (the partner/end-customer filter reads it
//   from the fact, so the rollups can be keyed by it) and a covering index for the arrival pattern;
//   dropping the old cache is cheaper than rewriting it, and the next start rebuilds it in the
//   background.
// - stats_rollup: one row per grain (0 = local day, 1 = local month, keyed by its first day), day
//   and the filter dimensions (NULL dimensions stored as '' so they can be part of the key),
//   with additive measures: counts, and minute sums in integer hundredths (the facts are rounded
//   to 0.01 min), so adding and subtracting facts never drifts. stats_rollup_team is the same
//   without the agent dimension (about a tenth of the rows), for every query without an agent;
//   stats_rollup_agent has only the agent (the per-agent table of an unfiltered summary).
// - stats_arrivals: tickets received per grain, day and weekday×hour, unfiltered (the heat map).
// - stats_dirty: tickets whose facts are stale without a ticket event (their customer's role
//   changed, or the ticket moved to another customer in a merge), filled by triggers so that
//   every path (the customer editor, an import, the hub) is caught.
import type { Migration } from './index';

export const m011StatsRollup: Migration = {
  version: 11,
  name: 'stats_rollup',
  up(db) {
    db.exec(`
      DROP TABLE ticket_facts;
      DELETE FROM stats_state WHERE id = 'facts';
      CREATE TABLE ticket_facts (
        ticket_id      TEXT PRIMARY KEY REFERENCES tickets(id),
        created_at     INTEGER NOT NULL,
        created_day    INTEGER NOT NULL,
        created_how    INTEGER NOT NULL,
        type_code      TEXT NOT NULL,
        category       TEXT NOT NULL,
        channel        TEXT NOT NULL,
        tier           TEXT NOT NULL,
        customer_id    TEXT NOT NULL,
        customer_role  TEXT NOT NULL,       -- the customer's role now (stats_dirty keeps it current)
        assignee_id    TEXT,
        department_id  TEXT,
        accepted_at    INTEGER,
        feedback_at    INTEGER,
        feedback_day   INTEGER,
        closed_at      INTEGER,
        response_min   REAL,
        handling_min   REAL,
        resolution_min REAL,
        overtime_min   REAL,
        breached       INTEGER NOT NULL DEFAULT 0,
        reopens        INTEGER NOT NULL DEFAULT 0,
        transfers      INTEGER NOT NULL DEFAULT 0,
        complaint_category TEXT,
        complaint_department TEXT,
        is_open        INTEGER NOT NULL,
        updated_at     INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX ticket_facts_created ON ticket_facts (created_at);
      CREATE INDEX ticket_facts_feedback ON ticket_facts (feedback_at);
      -- Open tickets (the backlog now), covering every filter: a few thousand entries, never the table.
      CREATE INDEX ticket_facts_open ON ticket_facts (created_at, type_code, category, channel, tier, customer_role, assignee_id, department_id, ticket_id) WHERE feedback_at IS NULL;
      -- The heat map of a filtered period: a range of this index, never the table.
      CREATE INDEX ticket_facts_arrival ON ticket_facts (created_at, created_how, type_code, category, channel, tier, customer_role, assignee_id, department_id);
      -- The performance board: each agent's completed tickets of a period, one range per agent.
      CREATE INDEX ticket_facts_agent ON ticket_facts (assignee_id, feedback_at);
      -- Complaints by category and department: a range of a small partial index.
      CREATE INDEX ticket_facts_complaint ON ticket_facts (created_at, complaint_category, complaint_department, resolution_min, type_code, channel, tier, customer_role, assignee_id, department_id) WHERE category = 'complaint';

      CREATE TABLE stats_rollup (
        grain         INTEGER NOT NULL,     -- 0 = day, 1 = month
        day           INTEGER NOT NULL,     -- local day number; for a month its first day
        type_code     TEXT NOT NULL,
        category      TEXT NOT NULL,
        channel       TEXT NOT NULL,
        tier          TEXT NOT NULL,
        customer_role TEXT NOT NULL,
        assignee_id   TEXT NOT NULL,        -- '' = none
        department_id TEXT NOT NULL,        -- '' = none
        created INTEGER NOT NULL, accepted INTEGER NOT NULL, response INTEGER NOT NULL, complaints INTEGER NOT NULL,
        answered INTEGER NOT NULL, reply INTEGER NOT NULL, completed INTEGER NOT NULL, breached INTEGER NOT NULL,
        handled INTEGER NOT NULL, handling INTEGER NOT NULL, resolution INTEGER NOT NULL, fcr INTEGER NOT NULL,
        reopened INTEGER NOT NULL, backlog_delta INTEGER NOT NULL,
        PRIMARY KEY (grain, day, type_code, category, channel, tier, customer_role, assignee_id, department_id)
      ) STRICT, WITHOUT ROWID;

      -- The same without the agent: what the whole team did (every query without an agent filter).
      -- Agents multiply the rows of a day about tenfold; the team's figures need none of them.
      CREATE TABLE stats_rollup_team (
        grain         INTEGER NOT NULL,
        day           INTEGER NOT NULL,
        type_code     TEXT NOT NULL,
        category      TEXT NOT NULL,
        channel       TEXT NOT NULL,
        tier          TEXT NOT NULL,
        customer_role TEXT NOT NULL,
        department_id TEXT NOT NULL,
        created INTEGER NOT NULL, accepted INTEGER NOT NULL, response INTEGER NOT NULL, complaints INTEGER NOT NULL,
        answered INTEGER NOT NULL, reply INTEGER NOT NULL, completed INTEGER NOT NULL, breached INTEGER NOT NULL,
        handled INTEGER NOT NULL, handling INTEGER NOT NULL, resolution INTEGER NOT NULL, fcr INTEGER NOT NULL,
        reopened INTEGER NOT NULL, backlog_delta INTEGER NOT NULL,
        PRIMARY KEY (grain, day, type_code, category, channel, tier, customer_role, department_id)
      ) STRICT, WITHOUT ROWID;

      -- Per agent only, no other dimension: the per-agent table of a summary without filters.
      CREATE TABLE stats_rollup_agent (
        grain         INTEGER NOT NULL,
        day           INTEGER NOT NULL,
        assignee_id   TEXT NOT NULL,
        created INTEGER NOT NULL, accepted INTEGER NOT NULL, response INTEGER NOT NULL, complaints INTEGER NOT NULL,
        answered INTEGER NOT NULL, reply INTEGER NOT NULL, completed INTEGER NOT NULL, breached INTEGER NOT NULL,
        handled INTEGER NOT NULL, handling INTEGER NOT NULL, resolution INTEGER NOT NULL, fcr INTEGER NOT NULL,
        reopened INTEGER NOT NULL, backlog_delta INTEGER NOT NULL,
        PRIMARY KEY (grain, day, assignee_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE stats_arrivals (
        grain INTEGER NOT NULL,
        day   INTEGER NOT NULL,
        how   INTEGER NOT NULL,             -- local weekday (0 = Monday) * 24 + hour
        n     INTEGER NOT NULL,
        PRIMARY KEY (grain, day, how)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE stats_dirty (ticket_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
      CREATE TRIGGER stats_dirty_role AFTER UPDATE OF role ON customers WHEN old.role IS NOT new.role
      BEGIN
        INSERT OR IGNORE INTO stats_dirty (ticket_id) SELECT id FROM tickets WHERE customer_id = new.id;
      END;
      CREATE TRIGGER stats_dirty_customer AFTER UPDATE OF customer_id ON tickets WHEN old.customer_id IS NOT new.customer_id
      BEGIN
        INSERT OR IGNORE INTO stats_dirty (ticket_id) VALUES (new.id);
      END;
    `);
  },
};
