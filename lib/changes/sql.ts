import type { ChangeEntity } from '@/lib/validation/change-set';

/** A bare driver query (lib/db/bulk.ts's BulkConnection.query): change sets read and write through one transaction. */
export type Query = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

const date = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;
const dec = (col: string) => `trim_scale(${col})::text`;

/**
 * How each entity's rows are read as change sets see them (RowState.values: keys by code,
 * decimals and dates as text, never through a float or a time zone), and how a row is found
 * by its key: `keys` are the key fields' SQL types, joined on through unnest.
 */
export const ENTITY_SQL: Record<ChangeEntity, { table: string; select: string; from: string; keys: { field: string; sql: string; type: string }[] }> = {
  purchaseOrderLine: {
    table: 'PurchaseOrderLine',
    select: `t.id, t.version, s.code AS supplier, p."poNumber" AS "poNumber", t."lineNo" AS "lineNo", i.sku, ${dec('t.qty')} AS qty,
      ${date('t."promisedDate"')} AS "promisedDate", t.status::text AS status, ${date('t."firstPromisedDate"')} AS "firstPromisedDate",
      ${date('t."receivedDate"')} AS "receivedDate", ${dec('t."receivedQty"')} AS "receivedQty"`,
    from: `"PurchaseOrderLine" t JOIN "PurchaseOrder" p ON p.id = t."purchaseOrderId" JOIN "Supplier" s ON s.id = p."supplierId" JOIN "Item" i ON i.id = t."itemId"`,
    keys: [
      { field: 'supplier', sql: 's.code', type: 'text' },
      { field: 'poNumber', sql: 'p."poNumber"', type: 'text' },
      { field: 'lineNo', sql: 't."lineNo"', type: 'int' },
    ],
  },
  purchaseOrder: {
    table: 'PurchaseOrder',
    select: `t.id, t.version, s.code AS supplier, t."poNumber" AS "poNumber"`,
    from: `"PurchaseOrder" t JOIN "Supplier" s ON s.id = t."supplierId"`,
    keys: [
      { field: 'supplier', sql: 's.code', type: 'text' },
      { field: 'poNumber', sql: 't."poNumber"', type: 'text' },
    ],
  },
  item: {
    table: 'Item',
    select: `t.id, t.version, t.sku, t.name, t.category::text AS category, t.unit, st.code AS site, t."gpusOnlinePerUnit" AS "gpusOnlinePerUnit"`,
    from: `"Item" t LEFT JOIN "Site" st ON st.id = t."siteId"`,
    keys: [{ field: 'sku', sql: 't.sku', type: 'text' }],
  },
  supplier: {
    table: 'Supplier',
    select: `t.id, t.version, t.code, t.name`,
    from: `"Supplier" t`,
    keys: [{ field: 'code', sql: 't.code', type: 'text' }],
  },
  inventoryBalance: {
    table: 'InventoryBalance',
    select: `t.id, t.version, i.sku, t.location, ${dec('t."onHand"')} AS "onHand"`,
    from: `"InventoryBalance" t JOIN "Item" i ON i.id = t."itemId"`,
    keys: [
      { field: 'sku', sql: 'i.sku', type: 'text' },
      { field: 'location', sql: 't.location', type: 'text' },
    ],
  },
  recipe: {
    table: 'Recipe',
    select: `t.id, t.version, i.sku AS "outputSku", ${dec('t."outputQty"')} AS "outputQty", t."leadTimeDays" AS "leadTimeDays", t."maxStartsPerWeek" AS "maxStartsPerWeek"`,
    from: `"Recipe" t JOIN "Item" i ON i.id = t."outputItemId"`,
    keys: [{ field: 'outputSku', sql: 'i.sku', type: 'text' }],
  },
  recipeLine: {
    table: 'RecipeLine',
    select: `t.id, t.version, oi.sku AS "outputSku", ci.sku AS "componentSku", ${dec('t."qtyPerBuild"')} AS "qtyPerBuild"`,
    from: `"RecipeLine" t JOIN "Recipe" r ON r.id = t."recipeId" JOIN "Item" oi ON oi.id = r."outputItemId" JOIN "Item" ci ON ci.id = t."componentItemId"`,
    keys: [
      { field: 'outputSku', sql: 'oi.sku', type: 'text' },
      { field: 'componentSku', sql: 'ci.sku', type: 'text' },
    ],
  },
};

/** Entities in the order their rows are locked and created (parents first); deletes run the other way. */
export const ENTITY_ORDER: readonly ChangeEntity[] = ['supplier', 'item', 'purchaseOrder', 'recipe', 'purchaseOrderLine', 'inventoryBalance', 'recipeLine'];
