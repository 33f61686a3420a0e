// Background upkeep of the FTS5 indexes. Migration 005 turned FTS5's automerge off so agent
// actions only append small index segments; this merges them in bounded steps on a timer
// (createCore, every minute), so segments never pile up and search stays fast.
import { FTS_TABLES } from './migrations/005_fts_automerge';
import type { Db } from './open';

/**
 * Pages of merge work per table and step. Measured on the 1M-ticket centre (2-core machine):
 * 32 pages ≈ 2–3 ms per table, 64 ≈ 7 ms on tickets_fts; 32 keeps a whole step (both tables,
 * two commits) around 5–10 ms while merging far more segments per minute than agents create.
 */
export const MERGE_PAGES = 32;

export interface MergeReport {
  table: string;
  /** False when FTS5 found nothing worth merging (fewer than `usermerge` segments on any level). */
  merged: boolean;
  ms: number;
}

/** One bounded merge per FTS table, each in its own (autocommit) transaction. */
export function mergeStep(db: Db, pages = MERGE_PAGES): MergeReport[] {
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  return FTS_TABLES.map((table) => {
    const t0 = performance.now();
    const before = totalChanges.get() as number;
    db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('merge', ?)`).run(pages);
    // FTS5's documented signal: a difference of 2 or more means work was done.
    const merged = (totalChanges.get() as number) - before >= 2;
    return { table, merged, ms: performance.now() - t0 };
  });
}
