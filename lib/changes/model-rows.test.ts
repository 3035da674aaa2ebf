import { describe, expect, it } from 'vitest';
import type { ModelRows } from '@/lib/forecast/load-model';
import { applyEventsToModelRows } from './model-rows';
import type { RowEvent } from './types';

const ROWS: ModelRows = {
  items: [{ sku: 'A', name: 'A', category: 'gpu', unit: 'ea', site: null, gpus: 0 }],
  recipes: [{ id: 1, sku: 'N', qty: '1', lead: 7, max: null }],
  components: [{ recipeId: 1, sku: 'A', qty: '8' }],
  inventory: [{ sku: 'A', location: 'W', onHand: '16' }],
  poLines: [{ supplier: 'S', poNumber: 'P', lineNo: 1, sku: 'A', qty: '8', promisedDate: '2027-01-01', status: 'open' }],
  targets: [],
};
const line = { supplier: 'S', poNumber: 'P', lineNo: 1, sku: 'A', qty: '8', promisedDate: '2027-01-01', status: 'open' };
const ev = (e: Partial<RowEvent> & Pick<RowEvent, 'entity' | 'before' | 'after'>): RowEvent => ({ id: 1, restoreId: false, beforeVersion: 1, afterVersion: 2, index: 0, ...e });

describe("a change set's rows applied to the engine's input", () => {
  it('moves a line, drops a received one from supply, and leaves the input it was given alone', () => {
    const moved = applyEventsToModelRows(ROWS, [ev({ entity: 'purchaseOrderLine', before: line, after: { ...line, promisedDate: '2027-02-01' } })]);
    expect(moved.poLines).toEqual([{ ...line, promisedDate: '2027-02-01' }]);
    const received = applyEventsToModelRows(ROWS, [
      ev({ entity: 'purchaseOrderLine', before: line, after: { ...line, status: 'received' } }),
      ev({ entity: 'inventoryBalance', before: { sku: 'A', location: 'W', onHand: '16' }, after: { sku: 'A', location: 'W', onHand: '24' } }),
    ]);
    expect(received.poLines).toEqual([]);
    expect(received.inventory).toEqual([{ sku: 'A', location: 'W', onHand: '24' }]);
    expect(ROWS.poLines[0]?.promisedDate).toBe('2027-01-01');
  });

  it('changes a lead time and a BOM quantity, and adds a new item', () => {
    const out = applyEventsToModelRows(ROWS, [
      ev({ entity: 'recipe', before: { outputSku: 'N', outputQty: '1', leadTimeDays: 7, maxStartsPerWeek: null }, after: { outputSku: 'N', outputQty: '1', leadTimeDays: 14, maxStartsPerWeek: 5 } }),
      ev({ entity: 'recipeLine', before: { outputSku: 'N', componentSku: 'A', qtyPerBuild: '8' }, after: { outputSku: 'N', componentSku: 'A', qtyPerBuild: '4' } }),
      ev({ entity: 'item', id: -1, before: null, after: { sku: 'B', name: 'B', category: 'other', unit: 'ea', site: 'X1', gpusOnlinePerUnit: 0 } }),
    ]);
    expect(out.recipes).toEqual([{ id: 1, sku: 'N', qty: '1', lead: 14, max: 5 }]);
    expect(out.components).toEqual([{ recipeId: 1, sku: 'A', qty: '4' }]);
    expect(out.items.map((i) => [i.sku, i.site])).toEqual([['A', null], ['B', 'X1']]);
  });
});
