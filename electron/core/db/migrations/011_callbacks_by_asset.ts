// Callbacks by asset: saving an asset drops its stale pending callbacks (`WHERE asset_id = ?`) and
// deleting one detaches them, and without an index each of those scanned every callback. Importing
// 50,000 customers with assets made that quadratic: minutes instead of seconds.
// Team numbering: customers' migration is 011 (stats has 010). On this branch it is version 10 so
// the numbers stay contiguous; the lead renumbers it to 11 when 010 merges.
import type { Migration } from './index';

export const m011CallbacksByAsset: Migration = {
  version: 10,
  name: 'callbacks-by-asset',
  up(db) {
    db.exec(`CREATE INDEX callbacks_asset ON callbacks (asset_id) WHERE asset_id IS NOT NULL;`);
  },
};
