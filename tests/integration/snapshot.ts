// A byte-for-byte picture of every table, to prove a refused call changed nothing.
import type { Db } from '../../electron/core/db/open';

/** `except`: tables left out, for refusals that are recorded on purpose (a failed sign-in). */
export function snapshot(db: Db, except: readonly string[] = []): string {
  const tables = db
    // Virtual (FTS) tables are covered by their shadow tables, which hold the index's content.
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`)
    .pluck()
    .all() as string[];
  return JSON.stringify(tables.filter((t) => !except.includes(t)).map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]));
}
