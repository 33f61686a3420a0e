// Migration 001 on an empty file: settings, users and the append-only audit log.
import { expect, it } from 'vitest';
import { databaseAt, insertUser, migrateTo, names, rows, sound, T } from './schema';

it('001 creates settings, users and an audit log that refuses UPDATE and DELETE', () => {
  const db = databaseAt(0);
  expect(migrateTo(db, 1)).toEqual([1]);
  expect(db.pragma('user_version', { simple: true })).toBe(1);
  expect(names(db, 'table')).toEqual(['audit_log', 'settings', 'users']);
  insertUser(db, 'u1', 'Wang');
  // User names are unique whatever their case.
  expect(() => insertUser(db, 'u2', 'wang')).toThrow(/UNIQUE/);
  db.prepare(`INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('ui.language', '"zh-CN"', ?, 'u1')`).run(T);
  expect(() => db.prepare(`INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('x', '1', ?, 'nobody')`).run(T)).toThrow(/FOREIGN KEY/);
  db.prepare(`INSERT INTO audit_log (id, at, actor_id, action, prev_hash, hash) VALUES ('a1', ?, 'u1', 'setup.init', '', 'h1')`).run(T);
  expect(() => db.prepare(`UPDATE audit_log SET action = 'x'`).run()).toThrow(/append-only/);
  expect(() => db.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
  expect(rows(db, 'SELECT id, action FROM audit_log')).toEqual([{ id: 'a1', action: 'setup.init' }]);
  expect(sound(db)).toEqual({ integrity: 'ok', foreignKeys: [] });
});
