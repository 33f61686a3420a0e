// Migration 009 over an 008 database with customers and notifications: assets, search keys built
// for the customers already there, callback rules seeded, the inbox.
import { expect, it } from 'vitest';
import { DEFAULT_CALLBACK_RULES } from '../../../shared/callbacks/rules';
import { customerKeys } from '../../../electron/core/services/customerKeys';
import { databaseAt, insertCustomer, insertTicket, insertUser, migrateTo, rows, sound, T } from './schema';

it('009 builds the search keys of existing customers, seeds the callback rules and keeps notifications', () => {
  const db = databaseAt(8);
  insertUser(db, 'u1', 'li');
  insertCustomer(db, 'c1', '欧阳娜娜', 'oynn');
  insertCustomer(db, 'c2', '上海宏达贸易有限公司', 'shhdmyyxgs');
  insertTicket(db, 't0001', 'c1');
  db.prepare(`INSERT INTO notifications (id, kind, ticket_id, recipient_id, created_at) VALUES ('n1', 'sla.breach', 't0001', 'u1', ?)`).run(T);
  const customers = rows(db, 'SELECT * FROM customers ORDER BY id');

  expect(migrateTo(db, 9)).toEqual([9]);
  expect(rows(db, 'SELECT * FROM customers ORDER BY id')).toEqual(customers);
  for (const [id, name] of [['c1', '欧阳娜娜'], ['c2', '上海宏达贸易有限公司']] as const) {
    const keys = db.prepare('SELECT key FROM customer_keys WHERE customer_id = ? ORDER BY key').pluck().all(id);
    expect(keys).toEqual([...new Set(customerKeys(name, []))].sort());
  }
  // A fragment anywhere in the name finds its customer from the key index: 娜娜, 宏达.
  const find = db.prepare(`SELECT DISTINCT customer_id FROM customer_keys WHERE key >= ? AND key < ? || char(1114111)`).pluck();
  expect(find.all('娜娜', '娜娜')).toEqual(['c1']);
  expect(find.all('宏达', '宏达')).toEqual(['c2']);
  expect(rows(db, 'SELECT code, rule, active, position FROM callback_rules ORDER BY position')).toEqual(
    DEFAULT_CALLBACK_RULES.map((r, i) => ({ code: r.code, rule: JSON.stringify(r), active: r.active ? 1 : 0, position: (i + 1) * 10 })),
  );
  expect(rows(db, 'SELECT id, callback_id FROM notifications')).toEqual([{ id: 'n1', callback_id: null }]);
  expect(rows(db, 'SELECT count(*) AS n FROM notification_reads')).toEqual([{ n: 0 }]);
  expect(sound(db)).toEqual({ integrity: 'ok', foreignKeys: [] });
});
