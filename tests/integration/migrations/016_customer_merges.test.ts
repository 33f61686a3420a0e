// Migration 016 over a 015 database: the record of merged customers is an empty table of its own,
// with no reference to customers (the merged one is gone by design); customers and tickets stay.
import { expect, it } from 'vitest';
import { databaseAt, insertCustomer, insertTicket, insertUser, migrateTo, names, rows, sound, T } from './schema';

it('016 adds customer_merges, empty, and leaves the customers and their tickets as they were', () => {
  const db = databaseAt(15);
  insertCustomer(db, 'c1', '王伟', 'ww');
  insertTicket(db, 't0001', 'c1');
  const customers = rows(db, 'SELECT * FROM customers ORDER BY id');
  const tickets = rows(db, 'SELECT * FROM tickets ORDER BY id');
  expect(names(db, 'table')).not.toContain('customer_merges');

  expect(migrateTo(db, 16)).toEqual([16]);
  expect(rows(db, 'SELECT name, type, "notnull", pk FROM pragma_table_info(?) ORDER BY cid', 'customer_merges')).toEqual([
    { name: 'merged_id', type: 'TEXT', notnull: 1, pk: 1 },
    { name: 'kept_id', type: 'TEXT', notnull: 1, pk: 0 },
    { name: 'at', type: 'INTEGER', notnull: 1, pk: 0 },
    { name: 'by_user', type: 'TEXT', notnull: 0, pk: 0 },
  ]);
  expect(rows(db, 'SELECT "table", "from" FROM pragma_foreign_key_list(?)', 'customer_merges')).toEqual([{ table: 'users', from: 'by_user' }]);
  expect(rows(db, 'SELECT * FROM customer_merges')).toEqual([]);
  expect(rows(db, 'SELECT * FROM customers ORDER BY id')).toEqual(customers);
  expect(rows(db, 'SELECT * FROM tickets ORDER BY id')).toEqual(tickets);
  expect(sound(db)).toEqual({ integrity: 'ok', foreignKeys: [] });
});

it('016 keeps one record per merged customer, strictly typed, whose customer may be gone', () => {
  const db = databaseAt(16);
  insertUser(db, 'u1', 'admin', 'admin');
  insertCustomer(db, 'kept', '王伟', 'ww');
  db.prepare(`INSERT INTO customer_merges (merged_id, kept_id, at, by_user) VALUES ('gone', 'kept', ?, 'u1')`).run(T);
  expect(() => db.prepare(`INSERT INTO customer_merges (merged_id, kept_id, at) VALUES ('gone', 'other', ?)`).run(T)).toThrow(/UNIQUE|PRIMARY KEY/);
  expect(() => db.prepare(`INSERT INTO customer_merges (merged_id, kept_id, at) VALUES ('x', 'kept', 'today')`).run()).toThrow(/cannot store TEXT value in INTEGER column/);
  expect(sound(db)).toEqual({ integrity: 'ok', foreignKeys: [] });
});

it('016 runs again harmlessly on a database rewound past it, keeping its records', () => {
  const db = databaseAt(16);
  db.prepare(`INSERT INTO customer_merges (merged_id, kept_id, at) VALUES ('gone', 'kept', ?)`).run(T);
  db.pragma('user_version = 15');
  expect(migrateTo(db, 16)).toEqual([16]);
  expect(rows(db, 'SELECT merged_id, kept_id FROM customer_merges')).toEqual([{ merged_id: 'gone', kept_id: 'kept' }]);
});
