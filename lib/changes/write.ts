import type { ChangeEntity } from '@/lib/validation/change-set';
import { ENTITY_DEFS } from './entities';
import { ENTITY_ORDER, type Query } from './sql';
import type { RowEvent, Values } from './types';

const j = (x: string) => `(x->>'${x}')`;

/** One new row (few per change set: creates are typed or pasted by people), returning its id. */
const INSERT_SQL: Record<ChangeEntity, string> = {
  supplier: `INSERT INTO "Supplier" (id, code, name, version) SELECT coalesce(${j('id')}::int, nextval(pg_get_serial_sequence('"Supplier"', 'id'))), ${j('code')}, ${j('name')}, ${j('version')}::int FROM (SELECT $1::jsonb AS x) s RETURNING id`,
  item: `INSERT INTO "Item" (id, sku, name, category, unit, "siteId", "gpusOnlinePerUnit", version, "updatedAt")
    SELECT coalesce(${j('id')}::int, nextval(pg_get_serial_sequence('"Item"', 'id'))), ${j('sku')}, ${j('name')}, ${j('category')}::"ItemCategory", ${j('unit')},
      (SELECT st.id FROM "Site" st WHERE st.code = ${j('site')}), coalesce(${j('gpusOnlinePerUnit')}::int, 0), ${j('version')}::int, now()
    FROM (SELECT $1::jsonb AS x) s RETURNING id`,
  purchaseOrder: `INSERT INTO "PurchaseOrder" (id, "supplierId", "poNumber", version)
    SELECT coalesce(${j('id')}::int, nextval(pg_get_serial_sequence('"PurchaseOrder"', 'id'))), sp.id, ${j('poNumber')}, ${j('version')}::int
    FROM (SELECT $1::jsonb AS x) s JOIN "Supplier" sp ON sp.code = ${j('supplier')} RETURNING id`,
  recipe: `INSERT INTO "Recipe" (id, "outputItemId", "outputQty", "leadTimeDays", "maxStartsPerWeek", version, "updatedAt")
    SELECT coalesce(${j('id')}::int, nextval(pg_get_serial_sequence('"Recipe"', 'id'))), i.id, ${j('outputQty')}::numeric, ${j('leadTimeDays')}::int, ${j('maxStartsPerWeek')}::int, ${j('version')}::int, now()
    FROM (SELECT $1::jsonb AS x) s JOIN "Item" i ON i.sku = ${j('outputSku')} RETURNING id`,
  purchaseOrderLine: `INSERT INTO "PurchaseOrderLine" (id, "purchaseOrderId", "lineNo", "itemId", qty, "promisedDate", status, version, "firstPromisedDate", "receivedDate", "receivedQty", "updatedAt")
    SELECT coalesce(${j('id')}::int, nextval(pg_get_serial_sequence('"PurchaseOrderLine"', 'id'))), p.id, ${j('lineNo')}::int, i.id, ${j('qty')}::numeric, ${j('promisedDate')}::date,
      ${j('status')}::"PoLineStatus", ${j('version')}::int, coalesce(${j('firstPromisedDate')}::date, ${j('promisedDate')}::date), ${j('receivedDate')}::date, ${j('receivedQty')}::numeric, now()
    FROM (SELECT $1::jsonb AS x) s JOIN "Supplier" sp ON sp.code = ${j('supplier')} JOIN "PurchaseOrder" p ON p."supplierId" = sp.id AND p."poNumber" = ${j('poNumber')}
      JOIN "Item" i ON i.sku = ${j('sku')} RETURNING id`,
  inventoryBalance: `INSERT INTO "InventoryBalance" (id, "itemId", location, "onHand", version, "updatedAt")
    SELECT coalesce(${j('id')}::int, nextval(pg_get_serial_sequence('"InventoryBalance"', 'id'))), i.id, ${j('location')}, ${j('onHand')}::numeric, ${j('version')}::int, now()
    FROM (SELECT $1::jsonb AS x) s JOIN "Item" i ON i.sku = ${j('sku')} RETURNING id`,
  recipeLine: `INSERT INTO "RecipeLine" (id, "recipeId", "componentItemId", "qtyPerBuild", version)
    SELECT coalesce(${j('id')}::int, nextval(pg_get_serial_sequence('"RecipeLine"', 'id'))), r.id, ci.id, ${j('qtyPerBuild')}::numeric, ${j('version')}::int
    FROM (SELECT $1::jsonb AS x) s JOIN "Item" oi ON oi.sku = ${j('outputSku')} JOIN "Recipe" r ON r."outputItemId" = oi.id JOIN "Item" ci ON ci.sku = ${j('componentSku')} RETURNING id`,
};

/** Every updated row of one kind in one statement, from a JSON array of the rows as they end up. */
const UPDATE_SQL: Record<ChangeEntity, string> = {
  supplier: `UPDATE "Supplier" t SET name = ${j('name')}, version = ${j('version')}::int FROM jsonb_array_elements($1::jsonb) x WHERE t.id = ${j('id')}::int`,
  item: `UPDATE "Item" t SET name = ${j('name')}, category = ${j('category')}::"ItemCategory", unit = ${j('unit')},
      "siteId" = (SELECT st.id FROM "Site" st WHERE st.code = ${j('site')}), "gpusOnlinePerUnit" = ${j('gpusOnlinePerUnit')}::int, version = ${j('version')}::int, "updatedAt" = now()
    FROM jsonb_array_elements($1::jsonb) x WHERE t.id = ${j('id')}::int`,
  purchaseOrder: `UPDATE "PurchaseOrder" t SET version = ${j('version')}::int FROM jsonb_array_elements($1::jsonb) x WHERE t.id = ${j('id')}::int`,
  recipe: `UPDATE "Recipe" t SET "outputQty" = ${j('outputQty')}::numeric, "leadTimeDays" = ${j('leadTimeDays')}::int, "maxStartsPerWeek" = ${j('maxStartsPerWeek')}::int,
      version = ${j('version')}::int, "updatedAt" = now()
    FROM jsonb_array_elements($1::jsonb) x WHERE t.id = ${j('id')}::int`,
  purchaseOrderLine: `UPDATE "PurchaseOrderLine" t SET qty = ${j('qty')}::numeric, "promisedDate" = ${j('promisedDate')}::date, status = ${j('status')}::"PoLineStatus",
      "firstPromisedDate" = ${j('firstPromisedDate')}::date, "receivedDate" = ${j('receivedDate')}::date, "receivedQty" = ${j('receivedQty')}::numeric,
      version = ${j('version')}::int, "updatedAt" = now()
    FROM jsonb_array_elements($1::jsonb) x WHERE t.id = ${j('id')}::int`,
  inventoryBalance: `UPDATE "InventoryBalance" t SET "onHand" = ${j('onHand')}::numeric, version = ${j('version')}::int, "updatedAt" = now()
    FROM jsonb_array_elements($1::jsonb) x WHERE t.id = ${j('id')}::int`,
  recipeLine: `UPDATE "RecipeLine" t SET "qtyPerBuild" = ${j('qtyPerBuild')}::numeric, version = ${j('version')}::int
    FROM jsonb_array_elements($1::jsonb) x WHERE t.id = ${j('id')}::int`,
};

const TABLES: Record<ChangeEntity, string> = {
  supplier: 'Supplier',
  item: 'Item',
  purchaseOrder: 'PurchaseOrder',
  recipe: 'Recipe',
  purchaseOrderLine: 'PurchaseOrderLine',
  inventoryBalance: 'InventoryBalance',
  recipeLine: 'RecipeLine',
};

/** A row's values as its audit event keeps them: every field, its id and the version it had. */
export const auditDocument = (values: Values | null, id: number, version: number | null) => (values ? { ...values, id, version } : null);

export interface WriteContext {
  changeSetId: number;
  actor: string;
  /** The promise history's source for re-promised lines (edit, undo, redo). */
  promiseSource: string;
}

/**
 * Writes a change set's row events inside the caller's transaction (the rows already locked
 * and their versions checked): sites a new or edited item names, new rows parent first (a
 * restored row keeps its id), every update of a kind in one statement, deletes child first;
 * then an audit event per row linked to the change set, and a promise-history row per line
 * whose promised date moved. Sets each created event's id.
 */
export async function writeEvents(query: Query, events: RowEvent[], ctx: WriteContext): Promise<void> {
  const sites = [...new Set(events.filter((e) => e.entity === 'item' && e.after?.site).map((e) => String(e.after!.site)))];
  if (sites.length > 0) await query(`INSERT INTO "Site" (code, name) SELECT c, c FROM unnest($1::text[]) c ON CONFLICT (code) DO NOTHING`, [sites]);

  const byEntity = (kind: 'create' | 'update' | 'delete', entity: ChangeEntity) =>
    events.filter((e) => e.entity === entity && (kind === 'create' ? !e.before : kind === 'delete' ? !e.after : e.before && e.after));
  for (const entity of ENTITY_ORDER) {
    for (const e of byEntity('create', entity)) {
      const [row] = await query<{ id: number }>(INSERT_SQL[entity], [JSON.stringify({ ...e.after, id: e.restoreId ? e.id : null, version: e.afterVersion })]);
      if (!row) throw new Error(`creating ${ENTITY_DEFS[entity].label(e.after!)} found no parent row`);
      e.id = Number(row.id);
    }
  }
  for (const entity of ENTITY_ORDER) {
    const updates = byEntity('update', entity);
    if (updates.length > 0) await query(UPDATE_SQL[entity], [JSON.stringify(updates.map((e) => ({ ...e.after, id: e.id, version: e.afterVersion })))]);
  }
  for (const entity of [...ENTITY_ORDER].reverse()) {
    const deletes = byEntity('delete', entity);
    if (deletes.length > 0) await query(`DELETE FROM "${TABLES[entity]}" WHERE id = ANY($1::int[])`, [deletes.map((e) => e.id)]);
  }

  const audit = events.map((e) => {
    const values = (e.after ?? e.before)!;
    return {
      entity: ENTITY_DEFS[e.entity].auditEntity,
      key: ENTITY_DEFS[e.entity].auditKey(values),
      action: !e.before ? 'create' : !e.after ? 'delete' : 'update',
      before: auditDocument(e.before, e.id, e.beforeVersion),
      after: auditDocument(e.after, e.id, e.afterVersion),
    };
  });
  await query(
    `INSERT INTO "AuditEvent" (entity, "entityId", action, before, after, actor, "changeSetId")
     SELECT x->>'entity', x->>'key', x->>'action', x->'before', x->'after', $2, $3::int FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS a(x, n) ORDER BY n`,
    [JSON.stringify(audit), ctx.actor, ctx.changeSetId],
  );

  const promises = events
    .filter((e) => e.entity === 'purchaseOrderLine' && e.before && e.after && e.before.promisedDate !== e.after.promisedDate)
    .map((e) => ({ id: e.id, date: e.after!.promisedDate, previous: e.before!.promisedDate }));
  if (promises.length > 0) {
    await query(
      `INSERT INTO "PromiseChange" ("lineId", "promisedDate", "previousDate", source, actor, "changeSetId")
       SELECT (x->>'id')::int, (x->>'date')::date, (x->>'previous')::date, $2, $3, $4::int FROM jsonb_array_elements($1::jsonb) x`,
      [JSON.stringify(promises), ctx.promiseSource, ctx.actor, ctx.changeSetId],
    );
  }
}
