// Prepared statements, prepared once per connection and SQL text. Preparing costs more than
// running a small statement does, so the hot paths (every agent action, every queue read) ask
// here instead of calling db.prepare each time. `pluck` statements are cached apart, because
// .pluck() changes the statement it is called on.
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

const caches = new WeakMap<Db, Map<string, Statement>>();

function cached(db: Db, key: string, make: () => Statement): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let s = cache.get(key);
  if (!s) cache.set(key, (s = make()));
  return s;
}

/** The statement for `sql` on this connection, prepared on first use. */
export function stmt(db: Db, sql: string): Statement {
  return cached(db, sql, () => db.prepare(sql));
}

/** The same, returning the first column only (better-sqlite3's pluck mode). */
export function pluck(db: Db, sql: string): Statement {
  return cached(db, `pluck\u0000${sql}`, () => db.prepare(sql).pluck());
}

/** Drops this connection's cached statements (a bench that wraps db.prepare needs them prepared again). */
export function forgetStatements(db: Db): void {
  caches.delete(db);
}
