// The scheduler's due moments (SLA warning and breach now; callbacks and reminders later), the
// notifications they produced, and each user's notification preferences.
import type { Migration } from './index';

export const m004Scheduler: Migration = {
  version: 4,
  name: 'scheduler',
  up(db) {
    db.exec(`
      CREATE TABLE due_moments (
        id         INTEGER PRIMARY KEY,
        kind       TEXT NOT NULL,            -- 'sla.warning' | 'sla.breach' | …
        subject_id TEXT NOT NULL,            -- e.g. the ticket's id
        due_at     INTEGER NOT NULL,
        fired_at   INTEGER,                  -- set in the same transaction as the effect
        UNIQUE (kind, subject_id)
      ) STRICT;
      CREATE INDEX due_moments_pending ON due_moments (due_at) WHERE fired_at IS NULL;

      CREATE TABLE notifications (
        id         TEXT PRIMARY KEY,
        moment_id  INTEGER REFERENCES due_moments(id) ON DELETE SET NULL,
        kind       TEXT NOT NULL,
        ticket_id  TEXT REFERENCES tickets(id),
        -- Who should see it: the assignee, or NULL for everyone on duty; supervisors see breaches.
        recipient_id TEXT REFERENCES users(id),
        created_at INTEGER NOT NULL,
        caught_up  INTEGER NOT NULL DEFAULT 0 -- fired at start-up for a moment missed while closed
      ) STRICT;
      CREATE INDEX notifications_created ON notifications (created_at);

      CREATE TABLE notification_prefs (
        user_id        TEXT PRIMARY KEY REFERENCES users(id),
        sound          INTEGER NOT NULL DEFAULT 1 CHECK (sound IN (0, 1)),
        quiet_warnings INTEGER NOT NULL DEFAULT 0 CHECK (quiet_warnings IN (0, 1))
      ) STRICT;

      -- Today's completed tickets for the wall-board and statistics.
      CREATE INDEX tickets_feedback ON tickets (feedback_at) WHERE feedback_at IS NOT NULL;
    `);
  },
};
