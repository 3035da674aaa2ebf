import type { InventoryBalance } from '@/lib/validation/inventory-balance';
import { isSupplierLocation } from '@/lib/auth/supplier-scope';
import type { StagedKind } from './types';

export const inventoryStaged: StagedKind<InventoryBalance> = {
  entity: 'InventoryBalance',
  columns: [
    { name: 'sku', type: 'text' },
    { name: 'location', type: 'text' },
    { name: 'on_hand', type: 'numeric(18,6)' },
  ],
  cells: (r) => [r.sku, r.location, r.onHand],
  entityId: (r) => `${r.sku}@${r.location}`,
  entityIdSql: (t) => `${t}.sku || '@' || ${t}.location`,
  afterFields: { sku: 'c.sku', location: 'c.location', onHand: 'trim_scale(c.on_hand)::text' },
  // A stock report belongs to a location named after the supplier (lib/auth/supplier-scope).
  foreign: (r, code) =>
    isSupplierLocation(r.location, code) ? null : { column: 'location', message: `location "${r.location}" is not ${code}'s (use ${code} or ${code}-…)` },
  unknownRefsSql: `SELECT st.row_no, 'sku' AS column_name, 'unknown SKU "' || st.sku || '": import it in items first' AS message
    FROM st LEFT JOIN "Item" i ON i.sku = st.sku WHERE i.id IS NULL ORDER BY st.row_no`,
  prepareSql: [],
  diffSql: `SELECT st.*, i.id AS item_id, b.id AS target_id, (b.id IS NULL) AS is_new,
      (b.id IS NOT NULL AND b."onHand" = st.on_hand) AS unchanged, b."onHand" AS old_on_hand
    FROM st JOIN "Item" i ON i.sku = st.sku
    LEFT JOIN "InventoryBalance" b ON b."itemId" = i.id AND b.location = st.location`,
  beforeSql: `CASE WHEN c.is_new THEN NULL ELSE jsonb_build_object('sku', c.sku, 'location', c.location, 'onHand', trim_scale(c.old_on_hand)::text) END`,
  insertSql: `INSERT INTO "InventoryBalance" ("itemId", location, "onHand", "updatedAt")
    SELECT c.item_id, c.location, c.on_hand, now() FROM c WHERE c.is_new`,
  updateSql: `UPDATE "InventoryBalance" b SET "onHand" = c.on_hand, version = b.version + 1, "updatedAt" = now() FROM c WHERE NOT c.is_new AND b.id = c.target_id`,
  revertCreatesSql: `DELETE FROM "InventoryBalance" b USING batch_events e, "Item" i
    WHERE e."batchId" = $1 AND e.entity = 'InventoryBalance' AND e.action = 'create'
      AND i.sku = e.after->>'sku' AND b."itemId" = i.id AND b.location = e.after->>'location'`,
  revertUpdatesSql: `UPDATE "InventoryBalance" b SET "onHand" = (e.before->>'onHand')::numeric, version = b.version + 1, "updatedAt" = now()
    FROM batch_events e JOIN "Item" i ON i.sku = e.before->>'sku'
    WHERE e."batchId" = $1 AND e.entity = 'InventoryBalance' AND e.action = 'update'
      AND b."itemId" = i.id AND b.location = e.before->>'location'`,
};
