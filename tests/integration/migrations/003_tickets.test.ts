// Migration 003 over a 002 database in use: customers, departments, tickets and their event log.
import { expect, it } from 'vitest';
import { databaseAt, insertCustomer, insertTicket, insertUser, migrateTo, rows, sound, T } from './schema';

it('003 adds departments (seeded), customers and tickets, keeping an edited catalogue and its users', () => {
  const db = databaseAt(2);
  insertUser(db, 'u1', 'admin', 'admin');
  db.prepare(`UPDATE request_types SET spec = json_set(spec, '$.names.en', 'Edited'), updated_at = ?, updated_by = 'u1' WHERE code = 'consultation'`).run(T);
  const catalogue = rows(db, 'SELECT * FROM request_types ORDER BY position');

  expect(migrateTo(db, 3)).toEqual([3]);
  expect(rows(db, 'SELECT * FROM request_types ORDER BY position')).toEqual(catalogue);
  expect(rows(db, 'SELECT id, name_zh, position, active FROM departments ORDER BY position')).toEqual([
    { id: 'tech', name_zh: '技术支持部', position: 10, active: 1 },
    { id: 'after-sales', name_zh: '售后服务部', position: 20, active: 1 },
    { id: 'finance', name_zh: '财务部', position: 30, active: 1 },
    { id: 'operations', name_zh: '业务运营部', position: 40, active: 1 },
    { id: 'quality', name_zh: '质量管理部', position: 50, active: 1 },
  ]);
  insertCustomer(db, 'c1', '王伟', 'ww');
  insertTicket(db, 't0001', 'c1', 'waiting');
  insertTicket(db, 't0002', 'c1', 'feedback_given');
  // is_open is derived from the status by the table itself.
  expect(rows(db, 'SELECT id, is_open FROM tickets ORDER BY id')).toEqual([
    { id: 't0001', is_open: 1 },
    { id: 't0002', is_open: 0 },
  ]);
  expect(() => insertTicket(db, 't0003', 'no-such-customer')).toThrow(/FOREIGN KEY/);
  db.prepare(`INSERT INTO ticket_events (id, ticket_id, at, actor_id, kind, prev_hash, hash) VALUES ('e1', 't0001', ?, 'u1', 'created', '', 'h')`).run(T);
  expect(() => db.prepare(`DELETE FROM ticket_events`).run()).toThrow(/append-only/);
  db.prepare(`INSERT INTO tickets_fts (rowid, number, subject, description) VALUES (1, 'A1-20260303-0001', '网银转账限额', '')`).run();
  expect(db.prepare(`SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH '转账限'`).pluck().all()).toEqual([1]);
  expect(sound(db)).toEqual({ integrity: 'ok', foreignKeys: [] });
});
