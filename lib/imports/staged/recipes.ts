import type { Recipe } from '@/lib/validation/recipe';
import type { StagedKind } from './types';

export const recipesStaged: StagedKind<Recipe> = {
  entity: 'Recipe',
  columns: [
    { name: 'output_sku', type: 'text' },
    { name: 'output_qty', type: 'numeric(18,6)' },
    { name: 'lead_time_days', type: 'int' },
    { name: 'max_starts', type: 'int' },
  ],
  cells: (r) => [r.outputSku, r.outputQty, r.leadTimeDays, r.maxStartsPerWeek],
  entityId: (r) => r.outputSku,
  entityIdSql: (t) => `${t}.output_sku`,
  afterFields: { outputSku: 'c.output_sku', outputQty: 'trim_scale(c.output_qty)::text', leadTimeDays: 'c.lead_time_days', maxStartsPerWeek: 'c.max_starts' },
  unknownRefsSql: `SELECT st.row_no, 'output_sku' AS column_name, 'unknown SKU "' || st.output_sku || '": import it in items first' AS message
    FROM st LEFT JOIN "Item" i ON i.sku = st.output_sku WHERE i.id IS NULL ORDER BY st.row_no`,
  prepareSql: [],
  diffSql: `SELECT st.*, i.id AS item_id, r.id AS target_id, (r.id IS NULL) AS is_new,
      (r.id IS NOT NULL AND r."outputQty" = st.output_qty AND r."leadTimeDays" = st.lead_time_days
        AND r."maxStartsPerWeek" IS NOT DISTINCT FROM st.max_starts) AS unchanged,
      r."outputQty" AS old_qty, r."leadTimeDays" AS old_lead, r."maxStartsPerWeek" AS old_max
    FROM st JOIN "Item" i ON i.sku = st.output_sku
    LEFT JOIN "Recipe" r ON r."outputItemId" = i.id`,
  beforeSql: `CASE WHEN c.is_new THEN NULL ELSE jsonb_build_object('outputSku', c.output_sku, 'outputQty', trim_scale(c.old_qty)::text,
      'leadTimeDays', c.old_lead, 'maxStartsPerWeek', c.old_max) END`,
  insertSql: `INSERT INTO "Recipe" ("outputItemId", "outputQty", "leadTimeDays", "maxStartsPerWeek", "updatedAt")
    SELECT c.item_id, c.output_qty, c.lead_time_days, c.max_starts, now() FROM c WHERE c.is_new`,
  updateSql: `UPDATE "Recipe" r SET "outputQty" = c.output_qty, "leadTimeDays" = c.lead_time_days, "maxStartsPerWeek" = c.max_starts, version = r.version + 1, "updatedAt" = now()
    FROM c WHERE NOT c.is_new AND r.id = c.target_id`,
  // Deleting a recipe deletes its BOM lines: refuse while it has any.
  revertBlockersSql: `SELECT e."entityId" AS key, 'has BOM lines since: revert or remove them first' AS message
    FROM batch_events e JOIN "Item" i ON i.sku = e."entityId" JOIN "Recipe" r ON r."outputItemId" = i.id
    WHERE e."batchId" = $1 AND e.entity = 'Recipe' AND e.action = 'create' AND EXISTS (SELECT 1 FROM "RecipeLine" l WHERE l."recipeId" = r.id)`,
  revertCreatesSql: `DELETE FROM "Recipe" r USING batch_events e, "Item" i
    WHERE e."batchId" = $1 AND e.entity = 'Recipe' AND e.action = 'create' AND i.sku = e."entityId" AND r."outputItemId" = i.id`,
  revertUpdatesSql: `UPDATE "Recipe" r SET "outputQty" = (e.before->>'outputQty')::numeric, "leadTimeDays" = (e.before->>'leadTimeDays')::int,
      "maxStartsPerWeek" = (e.before->>'maxStartsPerWeek')::int, version = r.version + 1, "updatedAt" = now()
    FROM batch_events e JOIN "Item" i ON i.sku = e."entityId"
    WHERE e."batchId" = $1 AND e.entity = 'Recipe' AND e.action = 'update' AND r."outputItemId" = i.id`,
};
