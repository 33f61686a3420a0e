// Callbacks by asset: saving an asset drops its stale pending callbacks (`WHERE asset_id = ?`) and
// deleting one detaches them, and without an index each of those scanned every callback. Importing
// 50,000 customers with assets made that quadratic: minutes instead of seconds.
import type { Migration } from './index';

export const m012CallbacksByAsset: Migration = {
  version: 12,
  name: 'callbacks-by-asset',
  up(db) {
    db.exec(`CREATE INDEX callbacks_asset ON callbacks (asset_id) WHERE asset_id IS NOT NULL;`);
  },
};
