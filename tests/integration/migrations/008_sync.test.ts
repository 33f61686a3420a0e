// Migration 008 over a 007 database in use: the replication seam, and users.role widened in place
// (writable_schema) for the wall-board account. Every row referencing users must survive that.
import { expect, it } from 'vitest';
import { databaseAt, insertCustomer, insertTicket, insertUser, migrateTo, rows, sound, T } from './schema';

it('008 allows the wallboard role, keeps every user and every reference to them, and starts with sync off', () => {
  const db = databaseAt(7);
  insertUser(db, 'a1', 'admin', 'admin');
  insertUser(db, 'u1', 'li');
  insertUser(db, 's1', 'zhao', 'supervisor');
  insertCustomer(db, 'c1', '王伟', 'ww');
  insertTicket(db, 't0001', 'c1');
  db.prepare(`UPDATE tickets SET assignee_id = 'u1', created_by = 'a1' WHERE id = 't0001'`).run();
  db.prepare(`INSERT INTO ticket_events (id, ticket_id, at, actor_id, seat, kind, prev_hash, hash) VALUES ('e1', 't0001', ?, 'u1', 'A1', 'created', '', 'h')`).run(T);
  db.prepare(`INSERT INTO agent_credits (id, agent_id, at, points, reason, granted_by, granted_at, updated_at) VALUES ('k1', 'u1', ?, 1, 'x', 's1', ?, ?)`).run(T, T, T);
  const users = rows(db, 'SELECT * FROM users ORDER BY id');
  const tickets = rows(db, 'SELECT * FROM tickets');

  expect(migrateTo(db, 8)).toEqual([8]);
  expect(rows(db, 'SELECT * FROM users ORDER BY id')).toEqual(users);
  expect(rows(db, 'SELECT * FROM tickets')).toEqual(tickets);
  expect(rows(db, 'SELECT agent_id, granted_by FROM agent_credits')).toEqual([{ agent_id: 'u1', granted_by: 's1' }]);
  insertUser(db, 'w1', 'tv', 'wallboard');
  // Widened, not dropped: a role outside the list is still refused.
  expect(() => insertUser(db, 'x1', 'x', 'owner')).toThrow(/CHECK/);
  expect(() => insertUser(db, 'x2', 'LI')).toThrow(/UNIQUE/);
  expect(rows(db, 'SELECT id, enabled, applying, pulled_seq FROM sync_state')).toEqual([{ id: 1, enabled: 0, applying: 0, pulled_seq: 0 }]);
  expect(rows(db, 'SELECT count(*) AS n FROM sync_outbox')).toEqual([{ n: 0 }]);
  expect(sound(db)).toEqual({ integrity: 'ok', foreignKeys: [] });
});
