import Decimal from 'decimal.js';
import { DECIMAL_MAX_INTEGER_DIGITS } from '@/lib/validation/fields';
import type { ChangeEntity } from '@/lib/validation/change-set';
import { ENTITY_DEFS, firstIssue, receiveFields } from './entities';
import type { ChangeError, ChangeRow, Conflict, DiffEntry, FieldChange, FieldValue, RowEvent, RowState, Values } from './types';

/**
 * The stored rows a change set needs (lib/changes/load.ts reads them): the rows it names by id,
 * the rows its creates and receives name by key, and the items, suppliers, POs and recipes its
 * new rows refer to. `references` counts, for a row to delete, what still refers to it.
 */
export interface Workspace {
  rows: readonly RowState[];
  references: ReadonlyMap<string, { count: number; what: string }>;
  /** Today's date where the server runs: a receive's default date. */
  today: string;
}

export interface Applied {
  errors: ChangeError[];
  conflicts: Omit<Conflict, 'changedBy' | 'changedAt'>[];
  diff: DiffEntry[];
  /** Every stored row the change set writes, start to end (empty when there are errors or conflicts). */
  events: RowEvent[];
  /** Each change's own row (a receive's line, a create's new row), for the commit's answer. */
  primary: { index: number; entity: ChangeEntity; id: number; values: Values | null }[];
}

export const rowKey = (entity: ChangeEntity, id: number) => `${entity}:${id}`;
const keyOf = (entity: ChangeEntity, values: Values) => `${entity}|${ENTITY_DEFS[entity].auditKey(values)}`;

function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

export function changedFields(before: Values | null, after: Values | null, fields: readonly string[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of fields) {
    const b = before ? (before[field] ?? null) : null;
    const a = after ? (after[field] ?? null) : null;
    if (!sameValue(b, a)) out.push({ field, before: b, after: a });
  }
  return out;
}

function addDecimals(a: FieldValue, b: string): string | null {
  const sum = new Decimal(String(a ?? '0')).plus(b);
  return sum.trunc().toString().length > DECIMAL_MAX_INTEGER_DIGITS ? null : sum.toString();
}

/**
 * Applies a change set to the rows it reads, in memory and in request order: every error
 * by row and field (through the shared field rules), every row already changed since its
 * version was read (a conflict, with both values), the field-by-field diff, and the row
 * events a commit writes. Pure: the same rows and changes always give the same answer.
 * `ignoreVersions` applies conflicting changes over the current rows instead (a preview's
 * forecast of what the person meant).
 */
export function applyChanges(changes: readonly ChangeRow[], ws: Workspace, opts: { ignoreVersions?: boolean } = {}): Applied {
  const original = new Map<string, RowState>();
  const state = new Map<string, RowState | null>();
  const byKey = new Map<string, number>();
  for (const row of ws.rows) {
    const k = rowKey(row.entity, row.id);
    if (original.has(k)) continue;
    original.set(k, row);
    state.set(k, row);
    byKey.set(keyOf(row.entity, row.values), row.id);
  }
  const errors: ChangeError[] = [];
  const conflicts: Applied['conflicts'] = [];
  const diff: DiffEntry[] = [];
  const primary: Applied['primary'] = [];
  const firstIndex = new Map<string, number>();
  const restored = new Map<string, number>();
  let nextTemp = -1;

  const find = (entity: ChangeEntity, values: Values): RowState | null => {
    const id = byKey.get(keyOf(entity, values));
    return id === undefined ? null : (state.get(rowKey(entity, id)) ?? null);
  };
  const write = (index: number, entity: ChangeEntity, id: number, next: RowState | null, op: DiffEntry['op']) => {
    const k = rowKey(entity, id);
    const prev = state.get(k) ?? null;
    state.set(k, next);
    if (!firstIndex.has(k)) firstIndex.set(k, index);
    if (next) byKey.set(keyOf(entity, next.values), id);
    const fields = changedFields(prev?.values ?? null, next?.values ?? null, ENTITY_DEFS[entity].fields);
    if (fields.length > 0) diff.push({ index, entity, id: id > 0 && original.has(k) ? id : null, label: ENTITY_DEFS[entity].label((next ?? prev)!.values), op, fields });
  };

  for (const c of changes) {
    const d = ENTITY_DEFS[c.entity];
    const fail = (field: string | null, message: string, values?: Values) =>
      errors.push({ index: c.index, entity: c.entity, id: c.id ?? null, label: values ? d.label(values) : null, field, message });
    const before = errors.length;

    if (c.op === 'create') {
      let values: Values;
      if (c.internal) values = { ...c.set };
      else {
        for (const field of Object.keys(c.set ?? {})) if (!d.createFields.includes(field)) fail(field, `is not a field of a new ${c.entity}`);
        const parsed = d.createSchema.safeParse(c.set ?? {});
        if (!parsed.success) {
          for (const issue of parsed.error.issues) fail(issue.path.length > 0 ? String(issue.path[0]) : null, issue.message);
          continue;
        }
        values = { ...parsed.data };
        if (c.entity === 'purchaseOrderLine') {
          // A new line is its own first promise; one entered as already received may say when (its whole quantity).
          const receivedDate = values.receivedDate ?? null;
          if (receivedDate !== null && values.status !== 'received') fail('receivedDate', `is only for a received line (status is ${String(values.status)})`, values);
          Object.assign(values, { firstPromisedDate: values.promisedDate, receivedDate, receivedQty: receivedDate === null ? null : values.qty });
        }
      }
      if (errors.length > before) continue;
      if (find(c.entity, values)) {
        fail(d.keyFields[d.keyFields.length - 1]!, `${d.label(values)} already exists`, values);
        continue;
      }
      if (!c.internal) checkReferences(c.entity, values, find, (field, message) => fail(field, message, values));
      if (errors.length > before) continue;
      if (c.entity === 'purchaseOrderLine' && !find('purchaseOrder', values)) {
        // A line of a new PO creates the PO (DESIGN.md), in the same change set.
        const poValues = { supplier: values.supplier ?? null, poNumber: values.poNumber ?? null };
        const poId = nextTemp--;
        write(c.index, 'purchaseOrder', poId, { entity: 'purchaseOrder', id: poId, version: 1, values: poValues }, 'create');
      }
      const id = c.internal && c.id !== undefined ? c.id : nextTemp--;
      if (c.internal && c.id !== undefined) restored.set(rowKey(c.entity, id), c.version ?? 1);
      write(c.index, c.entity, id, { entity: c.entity, id, version: c.version ?? 1, values }, 'create');
      primary.push({ index: c.index, entity: c.entity, id, values: null });
      continue;
    }

    const k = rowKey(c.entity, c.id!);
    const orig = original.get(k);
    const cur = state.get(k);
    if (!orig || (orig.version !== c.version && !opts.ignoreVersions)) {
      const fields = Object.entries(c.set ?? {})
        .filter(([field]) => field in d.updateFields || c.internal)
        .map(([field, yours]) => ({ field, yours, theirs: orig ? (orig.values[field] ?? null) : null }));
      if (c.op === 'receive') fields.splice(0, fields.length, { field: 'status', yours: 'received', theirs: orig ? (orig.values.status ?? null) : null });
      conflicts.push({
        index: c.index,
        entity: c.entity,
        id: c.id!,
        label: orig ? d.label(orig.values) : `${c.entity} #${c.id}`,
        baseVersion: c.version!,
        currentVersion: orig ? orig.version : null,
        fields,
      });
      continue;
    }
    if (!cur) {
      fail(null, 'is deleted by an earlier change in this change set', orig.values);
      continue;
    }

    if (c.op === 'delete') {
      const refs = ws.references.get(k);
      if (refs && refs.count > 0) {
        fail(null, `cannot be deleted: ${refs.what} still refer to it`, cur.values);
        continue;
      }
      write(c.index, c.entity, c.id!, null, 'delete');
      primary.push({ index: c.index, entity: c.entity, id: c.id!, values: null });
      continue;
    }

    if (c.op === 'update') {
      const next: Values = { ...cur.values };
      for (const [field, raw] of Object.entries(c.set ?? {})) {
        if (c.internal) {
          next[field] = raw;
          continue;
        }
        const schema = d.updateFields[field];
        if (!schema) {
          fail(field, d.keyFields.includes(field) ? 'names the row and cannot be edited: delete it and create another' : `is not an editable field of ${c.entity}`, cur.values);
          continue;
        }
        const parsed = schema.safeParse(raw);
        if (!parsed.success) fail(field, firstIssue(parsed.error).message, cur.values);
        else next[field] = parsed.data;
      }
      if (errors.length > before) continue;
      // Every writer keeps the first promise: a line read before it was recorded keeps its old date as the first.
      if (c.entity === 'purchaseOrderLine' && next.firstPromisedDate == null) next.firstPromisedDate = cur.values.promisedDate ?? null;
      write(c.index, c.entity, c.id!, { ...cur, values: next }, 'update');
      primary.push({ index: c.index, entity: c.entity, id: c.id!, values: null });
      continue;
    }

    // receive: the line is received and its quantity moves into stock at a location, in this change set.
    const set = c.set ?? {};
    for (const field of Object.keys(set)) if (!(field in receiveFields)) fail(field, 'is not a field of a receipt (receivedQty, receivedDate, location)', cur.values);
    if (cur.values.status !== 'open') fail('status', `is ${String(cur.values.status)}: only an open line can be received`, cur.values);
    const parse = (field: keyof typeof receiveFields, fallback: FieldValue | undefined): string | null => {
      const raw = set[field] ?? fallback;
      if (raw == null) {
        fail(field, 'required', cur.values);
        return null;
      }
      const parsed = receiveFields[field].safeParse(raw);
      if (!parsed.success) {
        fail(field, firstIssue(parsed.error).message, cur.values);
        return null;
      }
      return parsed.data;
    };
    const qty = parse('receivedQty', cur.values.qty);
    const date = parse('receivedDate', ws.today);
    const location = parse('location', undefined);
    if (errors.length > before || qty === null || date === null || location === null) continue;
    const stock = { sku: cur.values.sku ?? null, location };
    const balance = find('inventoryBalance', stock);
    if (balance) {
      const onHand = addDecimals(balance.values.onHand ?? '0', qty);
      if (onHand === null) {
        fail('receivedQty', `would take ${d.label(cur.values)}'s stock at ${location} past the largest quantity stored`, cur.values);
        continue;
      }
      write(c.index, 'inventoryBalance', balance.id, { ...balance, values: { ...balance.values, onHand } }, 'receive');
    } else {
      const id = nextTemp--;
      write(c.index, 'inventoryBalance', id, { entity: 'inventoryBalance', id, version: 1, values: { ...stock, onHand: qty } }, 'create');
    }
    write(c.index, c.entity, c.id!, { ...cur, values: { ...cur.values, status: 'received', receivedQty: qty, receivedDate: date } }, 'receive');
    primary.push({ index: c.index, entity: c.entity, id: c.id!, values: null });
  }

  for (const p of primary) p.values = state.get(rowKey(p.entity, p.id))?.values ?? null;
  const events: RowEvent[] = [];
  if (errors.length === 0 && conflicts.length === 0) {
    for (const [k, index] of firstIndex) {
      const orig = original.get(k) ?? null;
      const final = state.get(k) ?? null;
      if (!orig && !final) continue; // created and deleted within the set
      if (orig && final && changedFields(orig.values, final.values, ENTITY_DEFS[orig.entity].fields).length === 0) continue;
      const row = (final ?? orig)!;
      const restoreVersion = restored.get(k);
      events.push({
        entity: row.entity,
        id: row.id,
        restoreId: restoreVersion !== undefined,
        before: orig ? orig.values : null,
        after: final ? final.values : null,
        beforeVersion: orig ? orig.version : null,
        afterVersion: final ? (orig ? orig.version + 1 : (restoreVersion ?? 1)) : null,
        index,
      });
    }
  }
  return { errors, conflicts, diff, events, primary };
}

/** A new row may refer only to what exists (or is created earlier in the same change set). */
function checkReferences(entity: ChangeEntity, v: Values, find: (e: ChangeEntity, v: Values) => RowState | null, fail: (field: string, message: string) => void) {
  const item = (field: string) => {
    if (!find('item', { sku: v[field] ?? null })) fail(field, `unknown SKU "${String(v[field])}": create the item first`);
  };
  switch (entity) {
    case 'purchaseOrderLine':
      if (!find('supplier', { code: v.supplier ?? null })) fail('supplier', `unknown supplier "${String(v.supplier)}": create the supplier first`);
      item('sku');
      break;
    case 'purchaseOrder':
      if (!find('supplier', { code: v.supplier ?? null })) fail('supplier', `unknown supplier "${String(v.supplier)}": create the supplier first`);
      break;
    case 'inventoryBalance':
      item('sku');
      break;
    case 'recipe':
      item('outputSku');
      break;
    case 'recipeLine':
      if (!find('recipe', { outputSku: v.outputSku ?? null })) fail('outputSku', `"${String(v.outputSku)}" has no recipe: create the recipe first`);
      item('componentSku');
      break;
    default:
      break;
  }
}
