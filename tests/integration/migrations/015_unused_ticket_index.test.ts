// Migration 015 over a 014 database: the unused index of open
// tickets by assignee is gone, every ticket and every other index stays, and the queries that
// once could have used it still find their indexes.
import { expect, it } from 'vitest';
import { databaseAt, insertCustomer, insertTicket, migrateTo, names, rows, sound } from './schema';

it('015 drops tickets_assignee_open and keeps the tickets and the other indexes', () => {
  const db = databaseAt(14);
  insertCustomer(db, 'c1', '王伟', 'ww');
  insertTicket(db, '0001', 'c1');
  insertTicket(db, '0002', 'c1', 'in_progress');
  const before = names(db, 'index');
  expect(before).toContain('tickets_assignee_open');
  const tickets = rows(db, 'SELECT * FROM tickets ORDER BY id');
  expect(migrateTo(db, 15)).toEqual([15]);
  expect(names(db, 'index')).toEqual(before.filter((n) => n !== 'tickets_assignee_open'));
  expect(rows(db, 'SELECT * FROM tickets ORDER BY id')).toEqual(tickets);
  // The open queue and a customer's open tickets still read through their own indexes.
  const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' | ');
  expect(plan('SELECT id FROM tickets WHERE is_open ORDER BY due_at')).toMatch(/tickets_open_due/);
  expect(plan("SELECT id FROM tickets WHERE customer_id = 'c1' AND is_open")).toMatch(/tickets_customer/);
  expect(sound(db)).toEqual({ integrity: 'ok', foreignKeys: [] });
});

it('015 runs again harmlessly on a database rewound past it', () => {
  const db = databaseAt(15);
  db.pragma('user_version = 14');
  expect(migrateTo(db, 15)).toEqual([15]);
  expect(names(db, 'index')).not.toContain('tickets_assignee_open');
});
