// Statistics and performance (issue 12).
// - ticket_facts: one row per ticket with what the figures need (dimensions, instants, working-time
//   durations computed by shared/sla). A LOCAL DERIVED CACHE, not shared data: it is rebuilt from
//   tickets + ticket_events (services/statsFacts.ts, `rebuildFacts`) and kept current by replaying
//   the events past a watermark; it never replicates. Dropping its rows loses nothing.
// - agent_credits: a supervisor's credits (抵消) against an agent's deductions, with a reason;
//   shared data (id, updated_at), written only through services/credits.ts, audited, revocable.
import type { Migration } from './index';

export const m007Stats: Migration = {
  version: 7,
  name: 'stats',
  up(db) {
    db.exec(`
      CREATE TABLE ticket_facts (
        ticket_id      TEXT PRIMARY KEY REFERENCES tickets(id),
        created_at     INTEGER NOT NULL,
        created_day    INTEGER NOT NULL,    -- local day number (days since 1970-01-01 in the centre's zone)
        created_how    INTEGER NOT NULL,    -- local weekday * 24 + hour (weekday 0 = Monday)
        type_code      TEXT NOT NULL,
        category       TEXT NOT NULL,
        channel        TEXT NOT NULL,
        tier           TEXT NOT NULL,
        customer_id    TEXT NOT NULL,       -- partner/end-customer filters read the customer's current role
        assignee_id    TEXT,
        department_id  TEXT,
        accepted_at    INTEGER,             -- first accept
        feedback_at    INTEGER,             -- last feedback (completion), null while open again
        feedback_day   INTEGER,
        closed_at      INTEGER,
        response_min   REAL,                -- intake → first accept, wall-clock minutes
        handling_min   REAL,                -- first accept → feedback, working minutes, pauses excluded
        resolution_min REAL,                -- intake → feedback on the ticket's SLA clock, pauses excluded
        overtime_min   REAL,                -- past due at feedback on the SLA clock (0 = on time)
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
      CREATE INDEX ticket_facts_open ON ticket_facts (created_at) WHERE feedback_at IS NULL;

      -- Watermark of the facts cache: the last ticket_events.seq replayed, and the zone used.
      CREATE TABLE stats_state (
        id         TEXT PRIMARY KEY,
        event_seq  INTEGER NOT NULL,
        time_zone  TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE agent_credits (
        id            TEXT PRIMARY KEY,
        agent_id      TEXT NOT NULL REFERENCES users(id),
        at            INTEGER NOT NULL,      -- the instant that places it in a period
        points        REAL NOT NULL CHECK (points > 0),
        reason        TEXT NOT NULL,
        granted_by    TEXT NOT NULL REFERENCES users(id),
        granted_at    INTEGER NOT NULL,
        revoked_at    INTEGER,
        revoked_by    TEXT REFERENCES users(id),
        revoke_reason TEXT,
        updated_at    INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX agent_credits_agent ON agent_credits (agent_id, at);
    `);
  },
};
