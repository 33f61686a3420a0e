// Migration 002 over a 001 database in use: calendars and the catalogue arrive seeded, and the
// users, settings and audit rows already there are untouched.
import { expect, it } from 'vitest';
import { DEFAULT_CALENDARS, DEFAULT_CATALOGUE } from '../../../shared/sla';
import { databaseAt, insertUser, migrateTo, rows, sound, T } from './schema';

it('002 seeds the default calendars and request types in catalogue order, keeping the 001 rows', () => {
  const db = databaseAt(1);
  insertUser(db, 'u1', 'admin', 'admin');
  db.prepare(`INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('centre', '{"name":"示范"}', ?, 'u1')`).run(T);
  db.prepare(`INSERT INTO audit_log (id, at, actor_id, action, prev_hash, hash) VALUES ('a1', ?, 'u1', 'setup.init', '', 'h1')`).run(T);
  const before = rows(db, 'SELECT * FROM users UNION ALL SELECT key, value, updated_at, updated_by, 0, 0, 0, 0, 0, 0 FROM settings');

  expect(migrateTo(db, 2)).toEqual([2]);
  expect(rows(db, 'SELECT * FROM users UNION ALL SELECT key, value, updated_at, updated_by, 0, 0, 0, 0, 0, 0 FROM settings')).toEqual(before);
  expect(rows(db, 'SELECT id, action FROM audit_log')).toEqual([{ id: 'a1', action: 'setup.init' }]);
  expect(rows(db, 'SELECT id, spec, updated_at, updated_by FROM calendars ORDER BY id')).toEqual(
    [...DEFAULT_CALENDARS].sort((a, b) => a.id.localeCompare(b.id)).map((c) => ({ id: c.id, spec: JSON.stringify(c), updated_at: 0, updated_by: null })),
  );
  const types = rows(db, 'SELECT code, spec, position FROM request_types ORDER BY position');
  expect(types).toEqual(DEFAULT_CATALOGUE.map((t, i) => ({ code: t.code, spec: JSON.stringify(t), position: (i + 1) * 10 })));
  expect(sound(db)).toEqual({ integrity: 'ok', foreignKeys: [] });
});
