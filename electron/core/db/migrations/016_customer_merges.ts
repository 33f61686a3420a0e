// A record of each customer merged into another (services/conflicts.ts, mergeCustomers), shared
// between seats like the merge itself. A seat that, offline, registered a ticket, a callback or a
// car for the customer merged away elsewhere finds its row pointing at a customer that is gone
// once the changes meet; this record tells every seat where that customer went, so the row
// follows it (sync/apply.ts) instead of being dropped. No foreign key to customers: the merged
// customer is deleted by design, and the kept one may be merged on in turn (a chain).
// IF NOT EXISTS: a database rewound past it (tests/integration/hub/callbackIds.test.ts) runs it again.
import type { Migration } from './index';

export const m016CustomerMerges: Migration = {
  version: 16,
  name: 'customer_merges',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS customer_merges (
        merged_id TEXT PRIMARY KEY,     -- the customer that is gone
        kept_id   TEXT NOT NULL,        -- where its rows went (re-pointed when that one is merged on)
        at        INTEGER NOT NULL,
        by_user   TEXT REFERENCES users(id)
      ) STRICT;
      CREATE INDEX IF NOT EXISTS customer_merges_kept ON customer_merges (kept_id);
    `);
  },
};
