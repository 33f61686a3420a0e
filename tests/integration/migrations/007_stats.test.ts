// Migration 007 over a 006 database with tickets: the statistics cache (empty until rebuilt from
// tickets and events) and agent credits.
import { expect, it } from 'vitest';
import { databaseAt, insertCustomer, insertTicket, insertUser, migrateTo, rows, sound, T } from './schema';

it('007 adds an empty facts cache and credits with positive points; tickets and events are carried', () => {
  const db = databaseAt(6);
  insertUser(db, 'u1', 'li');
  insertUser(db, 's1', 'zhao', 'supervisor');
  insertCustomer(db, 'c1', '王伟', 'ww');
  insertTicket(db, 't0001', 'c1', 'feedback_given');
  db.prepare(`INSERT INTO ticket_events (id, ticket_id, at, actor_id, kind, prev_hash, hash) VALUES ('e1', 't0001', ?, 'u1', 'created', '', 'h')`).run(T);
  const before = { tickets: rows(db, 'SELECT * FROM tickets'), events: rows(db, 'SELECT * FROM ticket_events') };

  expect(migrateTo(db, 7)).toEqual([7]);
  expect({ tickets: rows(db, 'SELECT * FROM tickets'), events: rows(db, 'SELECT * FROM ticket_events') }).toEqual(before);
  // A derived cache: services/statsFacts.ts fills it from the tickets on first use.
  expect(rows(db, 'SELECT count(*) AS n FROM ticket_facts')).toEqual([{ n: 0 }]);
  const credit = db.prepare(`INSERT INTO agent_credits (id, agent_id, at, points, reason, granted_by, granted_at, updated_at) VALUES (?, 'u1', ?, ?, '参加部门活动', 's1', ?, ?)`);
  credit.run('k1', T, 1.5, T, T);
  expect(() => credit.run('k2', T, 0, T, T)).toThrow(/CHECK/);
  expect(() => db.prepare(`INSERT INTO agent_credits (id, agent_id, at, points, reason, granted_by, granted_at, updated_at) VALUES ('k3', 'nobody', ?, 1, 'x', 's1', ?, ?)`).run(T, T, T)).toThrow(/FOREIGN KEY/);
  expect(sound(db)).toEqual({ integrity: 'ok', foreignKeys: [] });
});
