import type { BomLine } from '@/lib/validation/bom-line';
import type { StagedKind } from './types';

export const bomStaged: StagedKind<BomLine> = {
  entity: 'RecipeLine',
  columns: [
    { name: 'output_sku', type: 'text' },
    { name: 'component_sku', type: 'text' },
    { name: 'qty_per_build', type: 'numeric(18,6)' },
  ],
  cells: (r) => [r.outputSku, r.componentSku, r.qtyPerBuild],
  entityId: (r) => `${r.outputSku}/${r.componentSku}`,
  entityIdSql: (t) => `${t}.output_sku || '/' || ${t}.component_sku`,
  afterFields: { outputSku: 'c.output_sku', componentSku: 'c.component_sku', qtyPerBuild: 'trim_scale(c.qty_per_build)::text' },
  unknownRefsSql: `SELECT * FROM (
      SELECT st.row_no, 'output_sku' AS column_name,
          CASE WHEN oi.id IS NULL THEN 'unknown SKU "' || st.output_sku || '": import it in items first'
               ELSE '"' || st.output_sku || '" has no recipe: import it in recipes first' END AS message
        FROM st LEFT JOIN "Item" oi ON oi.sku = st.output_sku LEFT JOIN "Recipe" r ON r."outputItemId" = oi.id
        WHERE r.id IS NULL
      UNION ALL
      SELECT st.row_no, 'component_sku', 'unknown SKU "' || st.component_sku || '": import it in items first'
        FROM st LEFT JOIN "Item" ci ON ci.sku = st.component_sku WHERE ci.id IS NULL
    ) u ORDER BY row_no, column_name DESC`,
  prepareSql: [],
  diffSql: `SELECT st.*, r.id AS recipe_id, ci.id AS component_id, l.id AS target_id, (l.id IS NULL) AS is_new,
      (l.id IS NOT NULL AND l."qtyPerBuild" = st.qty_per_build) AS unchanged, l."qtyPerBuild" AS old_qty
    FROM st
    JOIN "Item" oi ON oi.sku = st.output_sku
    JOIN "Recipe" r ON r."outputItemId" = oi.id
    JOIN "Item" ci ON ci.sku = st.component_sku
    LEFT JOIN "RecipeLine" l ON l."recipeId" = r.id AND l."componentItemId" = ci.id`,
  beforeSql: `CASE WHEN c.is_new THEN NULL ELSE jsonb_build_object('outputSku', c.output_sku, 'componentSku', c.component_sku,
      'qtyPerBuild', trim_scale(c.old_qty)::text) END`,
  insertSql: `INSERT INTO "RecipeLine" ("recipeId", "componentItemId", "qtyPerBuild") SELECT c.recipe_id, c.component_id, c.qty_per_build FROM c WHERE c.is_new`,
  updateSql: `UPDATE "RecipeLine" l SET "qtyPerBuild" = c.qty_per_build, version = l.version + 1 FROM c WHERE NOT c.is_new AND l.id = c.target_id`,
  revertCreatesSql: `DELETE FROM "RecipeLine" l USING batch_events e, "Item" oi, "Recipe" r, "Item" ci
    WHERE e."batchId" = $1 AND e.entity = 'RecipeLine' AND e.action = 'create'
      AND oi.sku = e.after->>'outputSku' AND r."outputItemId" = oi.id AND ci.sku = e.after->>'componentSku'
      AND l."recipeId" = r.id AND l."componentItemId" = ci.id`,
  revertUpdatesSql: `UPDATE "RecipeLine" l SET "qtyPerBuild" = (e.before->>'qtyPerBuild')::numeric, version = l.version + 1
    FROM batch_events e JOIN "Item" oi ON oi.sku = e.before->>'outputSku' JOIN "Recipe" r ON r."outputItemId" = oi.id
      JOIN "Item" ci ON ci.sku = e.before->>'componentSku'
    WHERE e."batchId" = $1 AND e.entity = 'RecipeLine' AND e.action = 'update' AND l."recipeId" = r.id AND l."componentItemId" = ci.id`,
};
