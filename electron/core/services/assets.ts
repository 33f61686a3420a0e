// Customers' assets: stored as validated JSON per kind, re-keyed for search in the same transaction.
import { assetWarnings, type Asset, type AssetInput } from '../../../shared/customers/assets';
import type { CustomerSummary } from '../../../shared/tickets/types';
import type { Db } from '../db/open';
import { pluck, stmt } from '../db/stmt';
import { cancelCallback } from './callbacks';
import { keyOf } from './customerKeys';
import { reindexKeys, toSummary } from './customers';

interface AssetRow {
  id: string;
  customer_id: string;
  data: string;
  updated_at: number;
}

const toAsset = (r: AssetRow): Asset => {
  const data = JSON.parse(r.data) as AssetInput;
  return { id: r.id, customerId: r.customer_id, data, warnings: assetWarnings(data), updatedAt: r.updated_at };
};

export function listAssets(db: Db, customerId: string): Asset[] {
  return (stmt(db, 'SELECT id, customer_id, data, updated_at FROM customer_assets WHERE customer_id = ? ORDER BY kind, created_at').all(customerId) as AssetRow[]).map(toAsset);
}

export function getAsset(db: Db, id: string): Asset | null {
  const r = stmt(db, 'SELECT id, customer_id, data, updated_at FROM customer_assets WHERE id = ?').get(id) as AssetRow | undefined;
  return r ? toAsset(r) : null;
}

/** The asset's row alone; writeAsset also rebuilds the customer's search keys and reads it back. */
export function writeAssetRow(db: Db, id: string, customerId: string, a: AssetInput, at: number, by: string): void {
  stmt(db,
    `INSERT INTO customer_assets (${ASSET_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET data = excluded.data, kind = excluded.kind, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(...assetValues(id, customerId, a, at, by));
}

/** A new asset's row, in ASSET_COLUMNS order (the import writes the same). */
export const ASSET_COLUMNS = 'id, customer_id, kind, data, created_at, updated_at, updated_by';
export const assetValues = (id: string, customerId: string, a: AssetInput, at: number, by: string) => [id, customerId, a.kind, JSON.stringify(a), at, at, by] as const;

export function writeAsset(db: Db, id: string, customerId: string, a: AssetInput, at: number, by: string): Asset {
  writeAssetRow(db, id, customerId, a, at, by);
  reindexKeys(db, customerId);
  return getAsset(db, id)!;
}

export function deleteAsset(db: Db, asset: Asset, at: number): void {
  // Its untried reminders are cancelled (not deleted: callbacks replicate, services/callbacks.ts);
  // every callback, tried or not, lets go of the asset.
  for (const id of pluck(db, `SELECT id FROM callbacks WHERE asset_id = ? AND status = 'pending' AND attempts = 0`).all(asset.id) as string[]) cancelCallback(db, id, at);
  stmt(db, `UPDATE callbacks SET asset_id = NULL WHERE asset_id = ?`).run(asset.id);
  stmt(db, 'DELETE FROM customer_assets WHERE id = ?').run(asset.id);
  reindexKeys(db, asset.customerId);
}

/** Other customers' vehicles with this VIN or plate: the form and the import warn before a duplicate. */
export function customersWithVehicle(db: Db, q: { vin?: string | null; plate?: string | null }, excludeCustomerId?: string): CustomerSummary[] {
  // Candidates through the search keys (an index seek), confirmed against the stored vehicles.
  const wanted = [q.vin, q.plate].filter((x): x is string => !!x);
  if (wanted.length === 0) return [];
  const rows = stmt(db, 
      `SELECT DISTINCT c.id, c.kind, c.name, c.tier, c.role, c.phones FROM customer_keys k JOIN customers c ON c.id = k.customer_id
       JOIN customer_assets a ON a.customer_id = c.id AND a.kind = 'vehicle'
       WHERE k.key IN (SELECT value FROM json_each(?)) AND c.id IS NOT ?
         AND (a.data ->> '$.vin' IN (SELECT value FROM json_each(?)) OR a.data ->> '$.plate' IN (SELECT value FROM json_each(?)))`,
    )
    .all(JSON.stringify(wanted.map(keyOf)), excludeCustomerId ?? null, JSON.stringify(wanted), JSON.stringify(wanted)) as Parameters<typeof toSummary>[0][];
  return rows.map(toSummary);
}
