// Settings, users and the append-only, hash-chained audit log.
import type { Migration } from './index';

export const m001Foundation: Migration = {
  version: 1,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,          -- JSON
        updated_at INTEGER NOT NULL,
        updated_by TEXT REFERENCES users(id)
      ) STRICT;

      CREATE TABLE users (
        id            TEXT PRIMARY KEY,    -- UUIDv7
        name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name  TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
        password_hash TEXT NOT NULL,
        disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at    INTEGER NOT NULL,
        created_by    TEXT REFERENCES users(id),
        updated_at    INTEGER NOT NULL,
        updated_by    TEXT REFERENCES users(id)
      ) STRICT;

      CREATE TABLE audit_log (
        seq       INTEGER PRIMARY KEY,     -- insertion order, the order of the hash chain
        id        TEXT NOT NULL UNIQUE,
        at        INTEGER NOT NULL,
        actor_id  TEXT REFERENCES users(id),
        seat      TEXT,
        action    TEXT NOT NULL,
        subject   TEXT,
        before    TEXT,                    -- JSON or NULL
        after     TEXT,                    -- JSON or NULL
        prev_hash TEXT NOT NULL,
        hash      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_at ON audit_log (at);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
