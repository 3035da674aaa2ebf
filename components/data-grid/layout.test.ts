import { describe, expect, it } from 'vitest';
import { TABLES } from '@/lib/tables/definitions';
import { initialLayout } from './layout';

const PO = TABLES['purchase-order-lines'];

describe('a table layout', () => {
  it('starts with the key columns pinned and the hidden-by-default columns hidden', () => {
    const l = initialLayout(PO, null);
    expect(l.columnPinning).toEqual({ start: ['supplier', 'poNumber'], end: [] });
    expect(initialLayout(TABLES.items, null).columnPinning).toEqual({ start: ['sku'], end: [] });
    expect(l.columnVisibility).toEqual({ version: false, valueMethod: false });
    expect(l.columnOrder).toEqual(PO.columns.map((c) => c.key));
  });

  it('keeps a saved layout, drops columns that no longer exist and appends new ones', () => {
    const l = initialLayout(PO, {
      columnVisibility: { unit: false, gone: false },
      columnOrder: ['qty', 'gone', 'sku'],
      columnSizing: { qty: 200, gone: 90 },
      columnPinning: { start: ['sku', 'gone'], end: [] },
    });
    expect(l.columnOrder.slice(0, 3)).toEqual(['qty', 'sku', 'supplier']);
    expect(l.columnOrder).toHaveLength(PO.columns.length);
    expect(l.columnSizing).toEqual({ qty: 200 });
    expect(l.columnPinning.start).toEqual(['sku']);
    expect(l.columnVisibility).toMatchObject({ unit: false, version: false });
  });
});
