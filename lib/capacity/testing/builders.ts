import type { CapacityItem, CapacityModel, CapacityRecipe, InventoryRow, PoLine } from '../types';

/** Terse constructors for hand-written test models. */
export function part(sku: string, site: string | null = null, unit = 'ea'): CapacityItem {
  return { sku, category: 'other', unit, site, gpusOnlinePerUnit: 0 };
}

export function capacity(sku: string, gpus: number, site: string | null): CapacityItem {
  return { sku, category: 'compute', unit: 'node', site, gpusOnlinePerUnit: gpus };
}

export function recipe(
  outputSku: string,
  components: Record<string, string>,
  opts: { lead?: number; limit?: number | null; out?: string } = {},
): CapacityRecipe {
  return {
    outputSku,
    outputQty: opts.out ?? '1',
    leadTimeDays: opts.lead ?? 0,
    maxStartsPerWeek: opts.limit ?? null,
    components: Object.entries(components).map(([sku, qtyPerBuild]) => ({ sku, qtyPerBuild })),
  };
}

export function stock(sku: string, onHand: string, location = 'WH'): InventoryRow {
  return { sku, location, onHand };
}

let lineCounter = 0;
export function line(
  sku: string,
  qty: string,
  promisedDate: string,
  opts: Partial<Pick<PoLine, 'supplier' | 'poNumber' | 'lineNo' | 'status'>> = {},
): PoLine {
  lineCounter++;
  return {
    supplier: opts.supplier ?? 'ACME',
    poNumber: opts.poNumber ?? `PO-${lineCounter}`,
    lineNo: opts.lineNo ?? 1,
    sku,
    qty,
    promisedDate,
    status: opts.status ?? 'open',
  };
}

export function model(m: Partial<CapacityModel> & Pick<CapacityModel, 'items' | 'recipes'>): CapacityModel {
  return {
    planStart: '2026-03-02', // a Monday
    horizonDays: 14,
    inventory: [],
    poLines: [],
    targets: [],
    ...m,
  };
}
