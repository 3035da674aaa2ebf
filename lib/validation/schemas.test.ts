import { describe, expect, it } from 'vitest';
import { bomLineSchema } from './bom-line';
import { getImportSpec, IMPORT_KINDS, IMPORT_SPECS, isImportKind } from './import-kinds';
import { itemSchema } from './item';
import { purchaseOrderLineSchema } from './purchase-order-line';
import { recipeSchema } from './recipe';
import { targetSchema } from './target';

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('entity schemas', () => {
  it('an item with a blank site is pooled (null) and by default brings no GPUs online', () => {
    expect(itemSchema.parse({ sku: 'RACK-42U', name: 'Rack', category: 'Rack', unit: 'ea', site: ' ' })).toEqual({
      sku: 'RACK-42U',
      name: 'Rack',
      category: 'rack',
      unit: 'ea',
      site: null,
      gpusOnlinePerUnit: 0,
    });
  });

  it('an item reports each missing or wrong field by name', () => {
    const result = itemSchema.safeParse({ sku: 'A100', category: 'gpus', unit: 'ea', gpusOnlinePerUnit: -8 });
    expect(messages(result)).toEqual({
      name: 'required',
      category: 'must be one of: gpu, compute, network, rack, power, cooling, facility, other',
      gpusOnlinePerUnit: 'must be a whole number of at least 0',
    });
  });

  it('a recipe with a blank weekly limit has no limit, and a zero limit is refused', () => {
    const base = { outputSku: 'DGX-A100', outputQty: '1', leadTimeDays: '14' };
    expect(recipeSchema.parse({ ...base, maxStartsPerWeek: '' })).toMatchObject({ leadTimeDays: 14, maxStartsPerWeek: null });
    expect(recipeSchema.parse({ ...base, maxStartsPerWeek: 60 })).toMatchObject({ maxStartsPerWeek: 60 });
    expect(messages(recipeSchema.safeParse({ ...base, maxStartsPerWeek: '0' }))).toEqual({
      maxStartsPerWeek: 'must be a whole number of at least 1',
    });
  });

  it('a BOM line cannot consume its own output', () => {
    expect(messages(bomLineSchema.safeParse({ outputSku: 'DGX', componentSku: ' DGX ', qtyPerBuild: '1' }))).toEqual({
      componentSku: 'must differ from the output SKU',
    });
  });

  it('a PO line defaults to open and upper-cases its supplier', () => {
    const line = { supplier: 'nvidia', poNumber: 'PO-7731', lineNo: '4', sku: 'A100', qty: '1600', promisedDate: '2026-03-02' };
    expect(purchaseOrderLineSchema.parse(line)).toMatchObject({ supplier: 'NVIDIA', lineNo: 4, status: 'open' });
    expect(purchaseOrderLineSchema.parse({ ...line, status: 'Received' }).status).toBe('received');
    expect(messages(purchaseOrderLineSchema.safeParse({ ...line, lineNo: 0 }))).toEqual({ lineNo: 'must be a whole number of at least 1' });
  });

  it('a target accepts its count as a JSON number', () => {
    expect(targetSchema.parse({ date: '2026-06-30', gpusOnline: 10000 })).toEqual({ date: '2026-06-30', gpusOnline: 10000 });
  });
});

describe('import specs', () => {
  it("every kind's columns split into required and optional, and its key columns are required", () => {
    for (const kind of IMPORT_KINDS) {
      const spec = getImportSpec(kind);
      expect([...spec.required, ...spec.optional].sort()).toEqual([...spec.columns].sort());
      for (const column of spec.keyColumns) expect(spec.required).toContain(column);
    }
  });

  // DESIGN.md's formats, plus one optional column of ClearBuild's own (README, "CSV formats"): a PO line's
  // received_date, the delivery note's date that the delivery record's slip needs. Files without it import as before.
  it('matches the canonical formats in DESIGN.md, with the optional received_date after them', () => {
    expect(Object.fromEntries(IMPORT_KINDS.map((kind) => [kind, IMPORT_SPECS[kind].columns.join(',')]))).toEqual({
      items: 'sku,name,category,unit,site,gpus_online_per_unit',
      recipes: 'output_sku,output_qty,lead_time_days,max_starts_per_week',
      bom: 'output_sku,component_sku,qty_per_build',
      inventory: 'sku,location,on_hand',
      'purchase-orders': 'supplier,po_number,line,sku,qty,promised_date,status,received_date',
      targets: 'date,gpus_online',
    });
    expect(IMPORT_SPECS.items.optional).toEqual(['site', 'gpus_online_per_unit']);
    expect(IMPORT_SPECS.recipes.optional).toEqual(['max_starts_per_week']);
    expect(IMPORT_SPECS['purchase-orders'].optional).toEqual(['status', 'received_date']);
    expect(IMPORT_SPECS['purchase-orders'].keyColumns).toEqual(['supplier', 'po_number', 'line']);
  });

  it('a row key is the key value itself, or an unambiguous JSON array for composite keys', () => {
    expect(IMPORT_SPECS.items.rowKey({ sku: 'A100', name: 'x', category: 'gpu', unit: 'ea', site: null, gpusOnlinePerUnit: 0 })).toBe('A100');
    const bom = { outputSku: 'A|B', componentSku: 'C', qtyPerBuild: '1' };
    expect(IMPORT_SPECS.bom.rowKey(bom)).toBe('["A|B","C"]');
    expect(IMPORT_SPECS.bom.rowKey({ ...bom, outputSku: 'A', componentSku: 'B|C' })).not.toBe(IMPORT_SPECS.bom.rowKey(bom));
    expect(IMPORT_SPECS.bom.describeKey(bom)).toBe('output_sku=A|B, component_sku=C');
  });

  it('recognises import kinds from untrusted strings', () => {
    expect(isImportKind('purchase-orders')).toBe(true);
    expect(isImportKind('purchase_orders')).toBe(false);
    expect(isImportKind('__proto__')).toBe(false);
  });
});
