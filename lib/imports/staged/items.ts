import type { Item } from '@/lib/validation/item';
import type { StagedKind } from './types';

export const itemsStaged: StagedKind<Item> = {
  entity: 'Item',
  columns: [
    { name: 'sku', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'category', type: 'text' },
    { name: 'unit', type: 'text' },
    { name: 'site', type: 'text' },
    { name: 'gpus', type: 'int' },
  ],
  cells: (r) => [r.sku, r.name, r.category, r.unit, r.site, r.gpusOnlinePerUnit],
  entityId: (r) => r.sku,
  entityIdSql: (t) => `${t}.sku`,
  afterFields: { sku: 'c.sku', name: 'c.name', category: 'c.category', unit: 'c.unit', site: 'c.site', gpusOnlinePerUnit: 'c.gpus' },
  // An unknown site code creates the site (DESIGN.md).
  prepareSql: [`INSERT INTO "Site" (code, name) SELECT DISTINCT site, site FROM st WHERE site IS NOT NULL ON CONFLICT (code) DO NOTHING`],
  diffSql: `SELECT st.*, s.id AS site_id, i.id AS target_id, (i.id IS NULL) AS is_new,
      (i.id IS NOT NULL AND i.name = st.name AND i.category::text = st.category AND i.unit = st.unit
        AND os.code IS NOT DISTINCT FROM st.site AND i."gpusOnlinePerUnit" = st.gpus) AS unchanged,
      i.name AS old_name, i.category::text AS old_category, i.unit AS old_unit, os.code AS old_site, i."gpusOnlinePerUnit" AS old_gpus
    FROM st
    LEFT JOIN "Site" s ON s.code = st.site
    LEFT JOIN "Item" i ON i.sku = st.sku
    LEFT JOIN "Site" os ON os.id = i."siteId"`,
  beforeSql: `CASE WHEN c.is_new THEN NULL ELSE jsonb_build_object('sku', c.sku, 'name', c.old_name, 'category', c.old_category, 'unit', c.old_unit,
      'site', c.old_site, 'gpusOnlinePerUnit', c.old_gpus) END`,
  insertSql: `INSERT INTO "Item" (sku, name, category, unit, "siteId", "gpusOnlinePerUnit", "updatedAt")
    SELECT c.sku, c.name, c.category::"ItemCategory", c.unit, c.site_id, c.gpus, now() FROM c WHERE c.is_new`,
  updateSql: `UPDATE "Item" i SET name = c.name, category = c.category::"ItemCategory", unit = c.unit, "siteId" = c.site_id,
      "gpusOnlinePerUnit" = c.gpus, version = i.version + 1, "updatedAt" = now()
    FROM c WHERE NOT c.is_new AND i.id = c.target_id`,
  // An item the batch created that something now refers to cannot simply disappear.
  revertBlockersSql: `SELECT e."entityId" AS key, 'is used since by a recipe, a BOM line, stock or a PO line' AS message
    FROM batch_events e JOIN "Item" i ON i.sku = e."entityId"
    WHERE e."batchId" = $1 AND e.entity = 'Item' AND e.action = 'create'
      AND (EXISTS (SELECT 1 FROM "Recipe" r WHERE r."outputItemId" = i.id) OR EXISTS (SELECT 1 FROM "RecipeLine" l WHERE l."componentItemId" = i.id)
        OR EXISTS (SELECT 1 FROM "InventoryBalance" b WHERE b."itemId" = i.id) OR EXISTS (SELECT 1 FROM "PurchaseOrderLine" p WHERE p."itemId" = i.id))`,
  revertCreatesSql: `DELETE FROM "Item" i USING batch_events e
    WHERE e."batchId" = $1 AND e.entity = 'Item' AND e.action = 'create' AND i.sku = e."entityId"`,
  revertUpdatesSql: `UPDATE "Item" i SET name = e.before->>'name', category = (e.before->>'category')::"ItemCategory", unit = e.before->>'unit',
      "siteId" = (SELECT s.id FROM "Site" s WHERE s.code = e.before->>'site'), "gpusOnlinePerUnit" = (e.before->>'gpusOnlinePerUnit')::int,
      version = i.version + 1, "updatedAt" = now()
    FROM batch_events e
    WHERE e."batchId" = $1 AND e.entity = 'Item' AND e.action = 'update' AND i.sku = e."entityId"`,
};
