// The SLA settings: working calendars and the request-type catalogue, seeded with the defaults
// (DOMAIN.md's target table, the mainland-China calendar, the 24x7 key-account line).
// Stored as validated JSON documents: they are edited and read whole, never queried by field.
import { DEFAULT_CALENDARS, DEFAULT_CATALOGUE } from '../../../../shared/sla';
import type { Migration } from './index';

export const m002Sla: Migration = {
  version: 2,
  name: 'sla-catalogue-and-calendars',
  up(db) {
    db.exec(`
      CREATE TABLE calendars (
        id         TEXT PRIMARY KEY,
        spec       TEXT NOT NULL,           -- CalendarSpec JSON
        updated_at INTEGER NOT NULL,
        updated_by TEXT REFERENCES users(id)
      ) STRICT;

      CREATE TABLE request_types (
        code       TEXT PRIMARY KEY,
        spec       TEXT NOT NULL,           -- RequestType JSON
        position   INTEGER NOT NULL,        -- display order
        updated_at INTEGER NOT NULL,
        updated_by TEXT REFERENCES users(id)
      ) STRICT;
    `);
    // Seeded at time 0 by nobody: the defaults predate every user of this database.
    const cal = db.prepare('INSERT INTO calendars (id, spec, updated_at) VALUES (?, ?, 0)');
    for (const c of DEFAULT_CALENDARS) cal.run(c.id, JSON.stringify(c));
    const type = db.prepare('INSERT INTO request_types (code, spec, position, updated_at) VALUES (?, ?, ?, 0)');
    DEFAULT_CATALOGUE.forEach((t, i) => type.run(t.code, JSON.stringify(t), (i + 1) * 10));
  },
};
