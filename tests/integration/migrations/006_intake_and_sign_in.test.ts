// Migration 006 over a 005 database with tickets: request ids and the sign-in throttle.
import { expect, it } from 'vitest';
import { databaseAt, insertCustomer, insertTicket, migrateTo, rows, sound, T } from './schema';

it('006 gives existing tickets no request id, and a request id can be used by one ticket only', () => {
  const db = databaseAt(5);
  insertCustomer(db, 'c1', '王伟', 'ww');
  insertTicket(db, 't0001', 'c1');
  insertTicket(db, 't0002', 'c1', 'resolved');
  const tickets = rows(db, 'SELECT * FROM tickets ORDER BY id');

  expect(migrateTo(db, 6)).toEqual([6]);
  expect(rows(db, 'SELECT * FROM tickets ORDER BY id')).toEqual(tickets.map((t) => ({ ...t, request_id: null })));
  db.prepare(`UPDATE tickets SET request_id = 'r-1' WHERE id = 't0001'`).run();
  expect(() => db.prepare(`UPDATE tickets SET request_id = 'r-1' WHERE id = 't0002'`).run()).toThrow(/UNIQUE/);
  db.prepare(`INSERT INTO sign_in_throttle (id, name, failures, last_failed_at, updated_at) VALUES ('s1', 'Wang', 3, ?, ?)`).run(T, T);
  // Counted per name, whatever its case.
  expect(() => db.prepare(`INSERT INTO sign_in_throttle (id, name, failures, last_failed_at, updated_at) VALUES ('s2', 'WANG', 1, ?, ?)`).run(T, T)).toThrow(/UNIQUE/);
  expect(sound(db)).toEqual({ integrity: 'ok', foreignKeys: [] });
});
