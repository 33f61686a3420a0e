// Migration 014 over a 013 database: callbacks can be cancelled (status 'cancelled', cancelled_at),
// every row, index and foreign key as before; the attempts and notifications still point at the
// callbacks table (not at the renamed-away one) and are still enforced.
import { expect, it } from 'vitest';
import { databaseAt, insertCustomer, insertUser, migrateTo, names, rows, sound, T } from './schema';

function callbackAt13(db: ReturnType<typeof databaseAt>, id: string, status: string): void {
  const rule = db.prepare('SELECT id FROM callback_rules ORDER BY position LIMIT 1').pluck().get() as string;
  db.prepare(
    `INSERT INTO callbacks (id, rule_id, customer_id, occasion, due_day, due_at, window_end_at, status, attempts, created_at, updated_at)
     VALUES (?, ?, 'c1', ?, '2026-03-06', ?, ?, ?, ?, ?, ?)`,
  ).run(id, rule, `${rule}:c1:${id}`, T + 86_400_000, T + 2 * 86_400_000, status, status === 'pending' ? 0 : 1, T, T);
}

it('014 lets a callback be cancelled and keeps every row, index and reference', () => {
  const db = databaseAt(13);
  insertUser(db, 'u1', 'li');
  insertCustomer(db, 'c1', '陈静', 'cj');
  callbackAt13(db, 'cb1', 'pending');
  callbackAt13(db, 'cb2', 'done');
  db.prepare(`INSERT INTO callback_attempts (id, callback_id, at, by_user_id, outcome, updated_at) VALUES ('a1', 'cb2', ?, 'u1', 'reached', ?)`).run(T, T);
  const before = rows(db, 'SELECT * FROM callbacks ORDER BY id');
  const indexes = names(db, 'index').filter((n) => n.startsWith('callbacks_'));
  expect(() => db.prepare(`UPDATE callbacks SET status = 'cancelled' WHERE id = 'cb1'`).run()).toThrow(/CHECK/);

  expect(migrateTo(db, 14)).toEqual([14]);
  expect(rows(db, 'SELECT * FROM callbacks ORDER BY id')).toEqual(before.map((r) => ({ ...r, cancelled_at: null })));
  expect(names(db, 'index').filter((n) => n.startsWith('callbacks_'))).toEqual(indexes);
  expect(names(db, 'table')).not.toContain('callbacks_014');
  db.prepare(`UPDATE callbacks SET status = 'cancelled', cancelled_at = ? WHERE id = 'cb1'`).run(T);
  expect(() => db.prepare(`UPDATE callbacks SET status = 'gone' WHERE id = 'cb1'`).run()).toThrow(/CHECK/);

  for (const child of ['callback_attempts', 'notifications']) {
    expect(rows(db, `SELECT "table" FROM pragma_foreign_key_list(?) WHERE "from" = 'callback_id'`, child)).toEqual([{ table: 'callbacks' }]);
  }
  expect(() =>
    db.prepare(`INSERT INTO callback_attempts (id, callback_id, at, by_user_id, outcome, updated_at) VALUES ('a2', 'nope', ?, 'u1', 'reached', ?)`).run(T, T),
  ).toThrow(/FOREIGN KEY/);
  expect(sound(db)).toEqual({ integrity: 'ok', foreignKeys: [] });
});

it('014 rolls back, leaving the database at 013, if the rebuild would leave a reference dangling', () => {
  const db = databaseAt(13);
  insertUser(db, 'u1', 'li');
  db.pragma('foreign_keys = OFF');
  db.prepare(`INSERT INTO callback_attempts (id, callback_id, at, by_user_id, outcome, updated_at) VALUES ('a1', 'gone', ?, 'u1', 'reached', ?)`).run(T, T);
  db.pragma('foreign_keys = ON');
  expect(() => migrateTo(db, 14)).toThrow(/dangling references in callback_attempts/);
  expect(db.pragma('user_version', { simple: true })).toBe(13);
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  expect(() => db.prepare(`UPDATE callbacks SET status = 'cancelled'`).run()).not.toThrow(); // no rows: nothing to refuse
  expect(rows(db, `SELECT sql FROM sqlite_schema WHERE name = 'callbacks'`)[0]!.sql).not.toContain('cancelled');
});
