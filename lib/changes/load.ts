import type { ChangeEntity } from '@/lib/validation/change-set';
import { rowKey, type Workspace } from './apply';
import { ENTITY_DEFS, receiveFields } from './entities';
import { ENTITY_ORDER, ENTITY_SQL, type Query } from './sql';
import type { ChangeRow, RowState, Values } from './types';

/** What still refers to a row of each kind, by foreign key: a delete is refused while any does. */
const REFERENCES: Partial<Record<ChangeEntity, { sql: string; child?: ChangeEntity; what: string }[]>> = {
  item: [
    { sql: `SELECT "itemId" AS ref, id FROM "PurchaseOrderLine" WHERE "itemId" = ANY($1::int[])`, child: 'purchaseOrderLine', what: 'PO lines' },
    { sql: `SELECT "componentItemId" AS ref, id FROM "RecipeLine" WHERE "componentItemId" = ANY($1::int[])`, child: 'recipeLine', what: 'BOM lines' },
    { sql: `SELECT "outputItemId" AS ref, id FROM "Recipe" WHERE "outputItemId" = ANY($1::int[])`, child: 'recipe', what: 'its recipe' },
    { sql: `SELECT "itemId" AS ref, id FROM "InventoryBalance" WHERE "itemId" = ANY($1::int[])`, child: 'inventoryBalance', what: 'stock balances' },
    { sql: `SELECT "itemId" AS ref, id FROM "SupplierStockReport" WHERE "itemId" = ANY($1::int[])`, what: 'supplier stock reports' },
  ],
  supplier: [
    { sql: `SELECT "supplierId" AS ref, id FROM "PurchaseOrder" WHERE "supplierId" = ANY($1::int[])`, child: 'purchaseOrder', what: 'purchase orders' },
    { sql: `SELECT "supplierId" AS ref, id FROM "ImportBatch" WHERE "supplierId" = ANY($1::int[])`, what: 'import batches' },
    { sql: `SELECT "supplierId" AS ref, id FROM "ApiToken" WHERE "supplierId" = ANY($1::int[])`, what: 'API tokens' },
    { sql: `SELECT "supplierId" AS ref, id FROM "ImportMapping" WHERE "supplierId" = ANY($1::int[])`, what: 'saved mappings' },
    { sql: `SELECT "supplierId" AS ref, id FROM "SupplierStockReport" WHERE "supplierId" = ANY($1::int[])`, what: 'stock reports' },
  ],
  purchaseOrder: [{ sql: `SELECT "purchaseOrderId" AS ref, id FROM "PurchaseOrderLine" WHERE "purchaseOrderId" = ANY($1::int[])`, child: 'purchaseOrderLine', what: 'PO lines' }],
  recipe: [{ sql: `SELECT "recipeId" AS ref, id FROM "RecipeLine" WHERE "recipeId" = ANY($1::int[])`, child: 'recipeLine', what: 'BOM lines' }],
};

type KeyWanted = Map<ChangeEntity, Map<string, Values>>;

function want(keys: KeyWanted, entity: ChangeEntity, values: Values) {
  const def = ENTITY_DEFS[entity];
  if (def.keyFields.some((f) => values[f] == null || values[f] === '')) return;
  let m = keys.get(entity);
  if (!m) keys.set(entity, (m = new Map()));
  m.set(def.auditKey(values), values);
}

function toRow(entity: ChangeEntity, r: Record<string, unknown>): RowState {
  const { id, version, ...values } = r;
  return { entity, id: Number(id), version: Number(version), values: values as Values };
}

async function rowsById(query: Query, entity: ChangeEntity, ids: number[], lock: boolean): Promise<RowState[]> {
  const e = ENTITY_SQL[entity];
  const rows = await query(`SELECT ${e.select} FROM ${e.from} WHERE t.id = ANY($1::int[]) ORDER BY t.id${lock ? ' FOR UPDATE OF t' : ''}`, [ids]);
  return rows.map((r) => toRow(entity, r));
}

async function rowsByKey(query: Query, entity: ChangeEntity, wanted: Values[], lock: boolean): Promise<RowState[]> {
  const e = ENTITY_SQL[entity];
  const cols = e.keys.map((k, i) => `$${i + 1}::${k.type}[]`).join(', ');
  const names = e.keys.map((_, i) => `k${i}`).join(', ');
  const on = e.keys.map((k, i) => `${k.sql} = k.k${i}`).join(' AND ');
  const params = e.keys.map((k) => wanted.map((v) => (k.type === 'int' ? Number(v[k.field]) : String(v[k.field]))));
  const rows = await query(`SELECT ${e.select} FROM ${e.from} JOIN unnest(${cols}) AS k(${names}) ON ${on} ORDER BY t.id${lock ? ' FOR UPDATE OF t' : ''}`, params);
  return rows.map((r) => toRow(entity, r));
}

/** A create's values as the row will hold them (the shared schema's normalisation), or null when invalid (apply reports it). */
function createValues(c: ChangeRow): Values | null {
  if (c.internal) return c.set ?? null;
  const parsed = ENTITY_DEFS[c.entity].createSchema.safeParse(c.set ?? {});
  return parsed.success ? parsed.data : null;
}

/**
 * Reads every stored row a change set needs, in one transaction: the rows it names by id
 * (locked FOR UPDATE when committing, in a fixed order, so two change sets never wait on
 * each other crosswise), then the rows its creates and receives name by key and the rows
 * their references need, then what still refers to the rows it deletes.
 */
export async function loadWorkspace(query: Query, changes: readonly ChangeRow[], opts: { lock: boolean; today: string }): Promise<Workspace> {
  const ids = new Map<ChangeEntity, Set<number>>();
  for (const c of changes) {
    if (c.op === 'create' || c.id === undefined) continue;
    let s = ids.get(c.entity);
    if (!s) ids.set(c.entity, (s = new Set()));
    s.add(c.id);
  }
  const loaded = new Map<string, RowState>();
  const add = (rows: RowState[]) => {
    for (const r of rows) loaded.set(rowKey(r.entity, r.id), r);
  };
  for (const entity of ENTITY_ORDER) {
    const s = ids.get(entity);
    if (s) add(await rowsById(query, entity, [...s].sort((a, b) => a - b), opts.lock));
  }

  const keys: KeyWanted = new Map();
  for (const c of changes) {
    if (c.op === 'create') {
      const v = createValues(c);
      if (!v) continue;
      want(keys, c.entity, v);
      if (c.entity === 'purchaseOrderLine' || c.entity === 'purchaseOrder') {
        want(keys, 'supplier', { code: v.supplier ?? null });
        want(keys, 'purchaseOrder', { supplier: v.supplier ?? null, poNumber: v.poNumber ?? null });
      }
      if (c.entity === 'purchaseOrderLine' || c.entity === 'inventoryBalance') want(keys, 'item', { sku: v.sku ?? null });
      if (c.entity === 'recipe') want(keys, 'item', { sku: v.outputSku ?? null });
      if (c.entity === 'recipeLine') {
        want(keys, 'recipe', { outputSku: v.outputSku ?? null });
        want(keys, 'item', { sku: v.componentSku ?? null });
      }
    } else if (c.op === 'receive' && c.id !== undefined) {
      const line = loaded.get(rowKey('purchaseOrderLine', c.id));
      const location = receiveFields.location.safeParse(c.set?.location);
      if (line && location.success) want(keys, 'inventoryBalance', { sku: line.values.sku ?? null, location: location.data });
    }
  }
  for (const entity of ENTITY_ORDER) {
    const m = keys.get(entity);
    // Balances a receive adds to are written: lock them too. Referenced parents are held by their foreign keys.
    if (m && m.size > 0) add(await rowsByKey(query, entity, [...m.values()], opts.lock && entity === 'inventoryBalance'));
  }

  // What refers to the rows being deleted, not counting rows this change set deletes too.
  const deleting = new Map<ChangeEntity, Set<number>>();
  for (const c of changes) {
    if (c.op !== 'delete' || c.id === undefined) continue;
    let s = deleting.get(c.entity);
    if (!s) deleting.set(c.entity, (s = new Set()));
    s.add(c.id);
  }
  const references = new Map<string, { count: number; what: string }>();
  for (const [entity, s] of deleting) {
    for (const ref of REFERENCES[entity] ?? []) {
      const rows = await query<{ ref: number; id: number }>(ref.sql, [[...s]]);
      const alsoDeleted = ref.child ? deleting.get(ref.child) : undefined;
      for (const r of rows) {
        if (alsoDeleted?.has(Number(r.id))) continue;
        const k = rowKey(entity, Number(r.ref));
        const prev = references.get(k);
        if (prev) {
          prev.count += 1;
          if (!prev.what.includes(ref.what)) prev.what += ` and ${ref.what}`;
        } else references.set(k, { count: 1, what: ref.what });
      }
    }
  }
  return { rows: [...loaded.values()], references, today: opts.today };
}
