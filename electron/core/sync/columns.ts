// The replicated columns of a declared table, read from the schema, so a column added by a later
// migration is replicated without anyone touching sync code. Generated columns are not stored
// values (PRAGMA table_info leaves them out) and are recomputed by each seat.
import type { Db } from '../db/open';
import type { SharedTable } from './declare';

const cache = new Map<string, string[]>();

export function replicatedColumns(db: Db, t: SharedTable): string[] {
  const key = `${db.name}\u0000${t.table}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const cols = (db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).pluck().all(t.table) as string[]).filter(
    (c) => !(t.localColumns ?? []).includes(c),
  );
  if (cols.length === 0) throw new Error(`Shared table ${t.table} does not exist in this database.`);
  if (!cols.includes(t.pk)) throw new Error(`Shared table ${t.table} has no column ${t.pk} to use as its key.`);
  cache.set(key, cols);
  return cols;
}

/** Forget cached column lists (after a migration changed a table in this process). */
export function forgetColumns(): void {
  cache.clear();
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const quoteText = (s: string) => `'${s.replace(/'/g, "''")}'`;
