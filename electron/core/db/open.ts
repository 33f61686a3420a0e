// The one place that opens the centre's database and sets every pragma.
import Database from 'better-sqlite3';

export type Db = Database.Database;

export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  // Wait up to 5 s for a lock held by another connection (the CLI, a backup) instead of failing.
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    // WAL: readers never block the writer, and a crash mid-write cannot corrupt the main file.
    db.pragma('journal_mode = WAL');
  }
  // FULL: better-sqlite3 defaults WAL to NORMAL, which can lose acknowledged commits on power loss.
  db.pragma('synchronous = FULL');
  // Referential integrity is enforced by the database, not by hope.
  db.pragma('foreign_keys = ON');
  // Keep temporary b-trees in memory: sorting the queue must not touch the disk.
  db.pragma('temp_store = MEMORY');
  // A 64 MB page cache (SQLite's default is 2 MB): a 1M-ticket centre is 4 GB, and a transaction
  // that dirties more pages than the cache holds spills them to the WAL and reads them back
  // through it (an import of 50,000 customers took twice as long). Pages are allocated as used.
  db.pragma('cache_size = -65536');
  return db;
}

/**
 * Close cleanly: let SQLite refresh its statistics, then checkpoint the WAL into the main file.
 * `waitForReaders: false` (another connection, e.g. the background integrity check, may still be
 * reading): checkpoint what can be done now instead of waiting busy_timeout for it; whatever
 * stays in the WAL is durable there and is checkpointed at the next start.
 */
export function closeDatabase(db: Db, options: { waitForReaders?: boolean } = {}): void {
  if (!db.open) return;
  try {
    // Both write: a read-only connection (the CLI's) leaves the file exactly as it found it.
    if (!db.readonly) {
      if (options.waitForReaders === false) db.pragma('busy_timeout = 0');
      db.pragma('optimize');
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
  } finally {
    db.close();
  }
}
