// Migration 005 over a 004 database whose search indexes hold rows: automerge off, rows found.
import { expect, it } from 'vitest';
import { FTS_TABLES } from '../../../electron/core/db/migrations/005_fts_automerge';
import { databaseAt, insertCustomer, migrateTo, rows, sound } from './schema';

it('005 turns FTS5 automerge off on both indexes; what they held is still found', () => {
  const db = databaseAt(4);
  insertCustomer(db, 'c1', '上海宏达贸易有限公司', 'shhdmyyxgs');
  db.prepare(`INSERT INTO customers_fts (rowid, name, phones, email, wechat, tags) VALUES (1, '上海宏达贸易有限公司', '13800138000', '', '', '')`).run();
  db.prepare(`INSERT INTO tickets_fts (rowid, number, subject, description) VALUES (7, 'A1-20260303-0007', '网银转账限额', '客户来电反映')`).run();

  expect(migrateTo(db, 5)).toEqual([5]);
  for (const t of FTS_TABLES) expect(rows(db, `SELECT k, v FROM ${t}_config WHERE k = 'automerge'`)).toEqual([{ k: 'automerge', v: 0 }]);
  expect(db.prepare(`SELECT rowid FROM customers_fts WHERE customers_fts MATCH '宏达贸易'`).pluck().all()).toEqual([1]);
  expect(db.prepare(`SELECT rowid FROM customers_fts WHERE customers_fts MATCH 'phones : 8001380'`).pluck().all()).toEqual([1]);
  expect(db.prepare(`SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH '转账限额'`).pluck().all()).toEqual([7]);
  expect(sound(db)).toEqual({ integrity: 'ok', foreignKeys: [] });
});
