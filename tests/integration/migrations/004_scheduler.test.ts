// Migration 004 over a 003 database with tickets: the scheduler's tables, tickets untouched.
import { expect, it } from 'vitest';
import { databaseAt, insertCustomer, insertTicket, insertUser, migrateTo, names, rows, sound, T } from './schema';

it('004 adds due moments (one per kind and subject), notifications and prefs; tickets are carried as they were', () => {
  const db = databaseAt(3);
  insertUser(db, 'u1', 'li');
  insertCustomer(db, 'c1', '王伟', 'ww');
  insertTicket(db, 't0001', 'c1');
  insertTicket(db, 't0002', 'c1', 'feedback_given');
  db.prepare(`UPDATE tickets SET feedback_at = ? WHERE id = 't0002'`).run(T + 60_000);
  const tickets = rows(db, 'SELECT * FROM tickets ORDER BY id');

  expect(migrateTo(db, 4)).toEqual([4]);
  expect(rows(db, 'SELECT * FROM tickets ORDER BY id')).toEqual(tickets);
  expect(names(db, 'index')).toContain('tickets_feedback');
  db.prepare(`INSERT INTO due_moments (kind, subject_id, due_at) VALUES ('sla.breach', 't0001', ?)`).run(T + 3_600_000);
  expect(() => db.prepare(`INSERT INTO due_moments (kind, subject_id, due_at) VALUES ('sla.breach', 't0001', ?)`).run(T)).toThrow(/UNIQUE/);
  db.prepare(`INSERT INTO notifications (id, moment_id, kind, ticket_id, recipient_id, created_at) VALUES ('n1', 1, 'sla.breach', 't0001', 'u1', ?)`).run(T);
  // A moment deleted (a ticket closed) leaves its notification, without the link.
  db.prepare(`DELETE FROM due_moments`).run();
  expect(rows(db, 'SELECT id, moment_id, caught_up FROM notifications')).toEqual([{ id: 'n1', moment_id: null, caught_up: 0 }]);
  db.prepare(`INSERT INTO notification_prefs (user_id) VALUES ('u1')`).run();
  expect(rows(db, 'SELECT sound, quiet_warnings FROM notification_prefs')).toEqual([{ sound: 1, quiet_warnings: 0 }]);
  expect(sound(db)).toEqual({ integrity: 'ok', foreignKeys: [] });
});
