// FTS5 merges its index segments incrementally on every write by default ("automerge"): on the
// 1M-ticket centre that work lands on random agent actions and pushed tickets.create's p99 to
// ~30 ms. Writes now only append small segments; db/maintenance.ts merges them in bounded steps on
// a timer, and FTS5's own crisis merge (16 segments on one level) still caps the pile-up.
import type { Migration } from './index';

export const FTS_TABLES = ['tickets_fts', 'customers_fts'] as const;

export const m005FtsAutomerge: Migration = {
  version: 5,
  name: 'fts-automerge-off',
  up(db) {
    // A persistent FTS5 setting, stored in <table>_config: it survives restarts and copies.
    for (const t of FTS_TABLES) db.prepare(`INSERT INTO ${t} (${t}, rank) VALUES ('automerge', 0)`).run();
  },
};
