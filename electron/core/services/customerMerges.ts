// Where a merged customer went. Every merge leaves a row in customer_merges (shared between seats,
// migration 016), so a row another seat registered, offline, for the customer that was merged away
// can follow it to the customer that was kept (sync/apply.ts) instead of being dropped.
import type { Db } from '../db/open';
import { pluck, stmt } from '../db/stmt';

/**
 * Records that `mergedId` went into `keptId`, and moves the records of customers merged earlier
 * into `mergedId` on to `keptId` (a chain: M into K, later K into J, and M's rows belong to J).
 * Written before the merged customer is deleted, in the same transaction: in hub order the record
 * then comes before the delete, so no seat meets the delete without knowing where it went.
 */
export function recordCustomerMerge(db: Db, mergedId: string, keptId: string, at: number, by: string | null): void {
  stmt(
    db,
    `INSERT INTO customer_merges (merged_id, kept_id, at, by_user) VALUES (?, ?, ?, ?)
     ON CONFLICT (merged_id) DO UPDATE SET kept_id = excluded.kept_id, at = excluded.at, by_user = excluded.by_user`,
  ).run(mergedId, keptId, at, by);
  stmt(db, 'UPDATE customer_merges SET kept_id = ? WHERE kept_id = ?').run(keptId, mergedId);
}

/**
 * The customer that `customerId` was finally merged into, following the chain; null when it was
 * never merged. The chain's records may be moved on at one seat and not yet at another, so the end
 * is found by walking rather than trusted from one row. Two seats merging two customers into each
 * other at once make a cycle: its smallest id is taken, so every seat reaches the same one whatever
 * customer its row pointed at (gone too: the row then lets go of it as of any deleted customer).
 */
export function keptCustomerOf(db: Db, customerId: string): string | null {
  const keptOf = pluck(db, 'SELECT kept_id FROM customer_merges WHERE merged_id = ?');
  const path: string[] = [customerId];
  for (;;) {
    const next = keptOf.get(path.at(-1)) as string | undefined;
    if (next === undefined) return path.length > 1 ? path.at(-1)! : null;
    const seen = path.indexOf(next);
    if (seen >= 0) return path.slice(seen).sort()[0]!;
    path.push(next);
  }
}
