// Statements the applier runs for every change: compiled once per connection (compiling an UPDATE
// of a table with triggers is far dearer than running it).
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';

const statementCache = new WeakMap<Db, Map<string, Statement>>();

export function cached(db: Db, sql: string): Statement {
  let m = statementCache.get(db);
  if (!m) statementCache.set(db, (m = new Map()));
  let st = m.get(sql);
  if (!st) m.set(sql, (st = db.prepare(sql)));
  return st;
}
