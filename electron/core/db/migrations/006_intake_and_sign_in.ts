// Two defects found using the app (issue 14):
// - a double Ctrl+Enter saved two identical tickets: tickets.create now carries a request id made
//   by the intake form, stored here under a unique index, so a repeat returns the first ticket;
// - wrong passwords could be tried without end: failed sign-ins are counted per user name, and
//   after a few the name is refused for a growing while (services/signInThrottle.ts).
import type { Migration } from './index';

export const m006IntakeAndSignIn: Migration = {
  version: 6,
  name: 'intake-request-id-and-sign-in-throttle',
  up(db) {
    db.exec(`
      ALTER TABLE tickets ADD COLUMN request_id TEXT;   -- the intake form's idempotency key
      CREATE UNIQUE INDEX tickets_request_id ON tickets (request_id) WHERE request_id IS NOT NULL;

      CREATE TABLE sign_in_throttle (
        id             TEXT PRIMARY KEY,
        name           TEXT NOT NULL UNIQUE COLLATE NOCASE,  -- the user name typed, known or not
        failures       INTEGER NOT NULL,                     -- consecutive wrong attempts
        last_failed_at INTEGER NOT NULL,
        locked_until   INTEGER,                              -- refused until then, even with the right password
        updated_at     INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
