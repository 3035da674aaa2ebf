import { describe, expect, it } from 'vitest';
import { applyChanges, type Workspace } from './apply';
import { parseChangeRequest } from './request';
import type { ChangeRow, RowState } from './types';

const LINE: RowState = {
  entity: 'purchaseOrderLine',
  id: 17,
  version: 3,
  values: { supplier: 'NVIDIA', poNumber: 'PO-7731', lineNo: 4, sku: 'A100', qty: '1600', promisedDate: '2027-03-01', status: 'open', firstPromisedDate: '2027-02-01', receivedDate: null, receivedQty: null },
};
const ITEM: RowState = { entity: 'item', id: 5, version: 1, values: { sku: 'A100', name: 'A100 GPU', category: 'gpu', unit: 'ea', site: null, gpusOnlinePerUnit: 0 } };
const SUPPLIER: RowState = { entity: 'supplier', id: 2, version: 1, values: { code: 'NVIDIA', name: 'NVIDIA' } };
const STOCK: RowState = { entity: 'inventoryBalance', id: 9, version: 2, values: { sku: 'A100', location: 'WH-RENO', onHand: '3200' } };

const ws = (rows: RowState[] = [LINE, ITEM, SUPPLIER, STOCK], references = new Map<string, { count: number; what: string }>()): Workspace => ({ rows, references, today: '2026-12-03' });
const rows = (changes: unknown[]): ChangeRow[] => {
  const parsed = parseChangeRequest({ changes });
  if (!parsed.ok) throw new Error(parsed.message);
  expect(parsed.envelopeErrors).toEqual([]);
  return parsed.changes;
};

describe('applying a change set in memory', () => {
  it('diffs an edit field by field, normalising values through the shared field rules', () => {
    const result = applyChanges(rows([{ entity: 'purchaseOrderLine', id: 17, version: 3, set: { promisedDate: ' 2027-03-08 ', qty: '01600.50' } }]), ws());
    expect(result.errors).toEqual([]);
    expect(result.diff).toEqual([
      {
        index: 0,
        entity: 'purchaseOrderLine',
        id: 17,
        label: 'NVIDIA/PO-7731/4',
        op: 'update',
        fields: [
          { field: 'qty', before: '1600', after: '1600.5' },
          { field: 'promisedDate', before: '2027-03-01', after: '2027-03-08' },
        ],
      },
    ]);
    expect(result.events).toEqual([expect.objectContaining({ entity: 'purchaseOrderLine', id: 17, beforeVersion: 3, afterVersion: 4 })]);
  });

  it('names each bad field by its row, and a key field is not editable', () => {
    const result = applyChanges(
      rows([
        { entity: 'purchaseOrderLine', id: 17, version: 3, set: { promisedDate: '2027-02-30', status: 'lost' } },
        { entity: 'item', id: 5, version: 1, set: { sku: 'B200', category: 'gpus' } },
        { entity: 'inventoryBalance', id: 9, version: 2, set: { onHand: '-3' } },
      ]),
      ws(),
    );
    expect(result.errors.map((e) => [e.index, e.label, e.field, e.message])).toEqual([
      [0, 'NVIDIA/PO-7731/4', 'promisedDate', '2027-02-30 is not a real calendar date'],
      [0, 'NVIDIA/PO-7731/4', 'status', 'must be one of: open, received, cancelled'],
      [1, 'A100', 'sku', 'names the row and cannot be edited: delete it and create another'],
      [1, 'A100', 'category', 'must be one of: gpu, compute, network, rack, power, cooling, facility, other'],
      [2, 'A100 @ WH-RENO', 'onHand', 'must be a non-negative decimal'],
    ]);
    expect(result.events).toEqual([]);
  });

  it('a stale version is a conflict with both values; a row gone is a conflict with no current version', () => {
    const result = applyChanges(
      rows([
        { entity: 'purchaseOrderLine', id: 17, version: 2, set: { promisedDate: '2027-03-08' } },
        { entity: 'item', id: 99, version: 1, op: 'delete' },
      ]),
      ws(),
    );
    expect(result.conflicts).toEqual([
      { index: 0, entity: 'purchaseOrderLine', id: 17, label: 'NVIDIA/PO-7731/4', baseVersion: 2, currentVersion: 3, fields: [{ field: 'promisedDate', yours: '2027-03-08', theirs: '2027-03-01' }] },
      { index: 1, entity: 'item', id: 99, label: 'item #99', baseVersion: 1, currentVersion: null, fields: [] },
    ]);
    expect(result.events).toEqual([]);
  });

  it('a receive marks the line received and adds its quantity to the balance at the location', () => {
    const result = applyChanges(rows([{ entity: 'purchaseOrderLine', id: 17, version: 3, op: 'receive', set: { location: 'WH-RENO' } }]), ws());
    expect(result.errors).toEqual([]);
    const byEntity = Object.fromEntries(result.events.map((e) => [e.entity, e.after]));
    expect(byEntity.purchaseOrderLine).toMatchObject({ status: 'received', receivedQty: '1600', receivedDate: '2026-12-03' });
    expect(byEntity.inventoryBalance).toMatchObject({ onHand: '4800' });
    // Without a location it is refused by name.
    const missing = applyChanges(rows([{ entity: 'purchaseOrderLine', id: 17, version: 3, op: 'receive', set: { receivedQty: '8' } }]), ws());
    expect(missing.errors).toEqual([expect.objectContaining({ field: 'location', message: 'required' })]);
  });

  it('a new line of a new PO creates the PO; a new line needs a known supplier and SKU', () => {
    const line = { supplier: 'nvidia', poNumber: 'PO-9', lineNo: 1, sku: 'A100', qty: '8', promisedDate: '2027-04-01' };
    const ok = applyChanges(rows([{ entity: 'purchaseOrderLine', op: 'create', set: line }]), ws());
    expect(ok.events.map((e) => [e.entity, e.after?.supplier, e.after?.firstPromisedDate ?? null])).toEqual([
      ['purchaseOrder', 'NVIDIA', null],
      ['purchaseOrderLine', 'NVIDIA', '2027-04-01'],
    ]);
    const bad = applyChanges(rows([{ entity: 'purchaseOrderLine', op: 'create', set: { ...line, supplier: 'ACME', sku: 'NOPE' } }]), ws());
    expect(bad.errors.map((e) => [e.field, e.message])).toEqual([
      ['supplier', 'unknown supplier "ACME": create the supplier first'],
      ['sku', 'unknown SKU "NOPE": create the item first'],
    ]);
    const dup = applyChanges(rows([{ entity: 'item', op: 'create', set: { sku: 'A100', name: 'again', category: 'gpu', unit: 'ea' } }]), ws());
    expect(dup.errors).toEqual([expect.objectContaining({ field: 'sku', message: 'A100 already exists' })]);
  });

  it('a new line entered as received may say when it arrived (its whole quantity); a received date on an open line is refused', () => {
    const line = { supplier: 'NVIDIA', poNumber: 'PO-10', lineNo: 1, sku: 'A100', qty: '8', promisedDate: '2026-11-02' };
    const received = applyChanges(rows([{ entity: 'purchaseOrderLine', op: 'create', set: { ...line, status: 'received', receivedDate: '2026-11-09' } }]), ws());
    expect(received.errors).toEqual([]);
    expect(received.events.find((e) => e.entity === 'purchaseOrderLine')?.after).toMatchObject({ status: 'received', receivedDate: '2026-11-09', receivedQty: '8', firstPromisedDate: '2026-11-02' });
    const open = applyChanges(rows([{ entity: 'purchaseOrderLine', op: 'create', set: { ...line, receivedDate: '2026-11-09' } }]), ws());
    expect(open.errors.map((e) => [e.field, e.message])).toEqual([['receivedDate', 'is only for a received line (status is open)']]);
  });

  it('refuses to delete a row that others still refer to', () => {
    const result = applyChanges(rows([{ entity: 'item', id: 5, version: 1, op: 'delete' }]), ws(undefined, new Map([['item:5', { count: 2, what: 'PO lines' }]])));
    expect(result.errors).toEqual([expect.objectContaining({ index: 0, label: 'A100', message: 'cannot be deleted: PO lines still refer to it' })]);
  });

  it('an edit that changes nothing writes nothing', () => {
    const result = applyChanges(rows([{ entity: 'supplier', id: 2, version: 1, set: { name: 'NVIDIA' } }]), ws());
    expect(result).toMatchObject({ errors: [], conflicts: [], diff: [], events: [] });
  });
});

describe('reading a change request', () => {
  it('refuses a request that is not one, and names envelope mistakes by row', () => {
    expect(parseChangeRequest({ changes: [], dryRun: true })).toMatchObject({ ok: false });
    const parsed = parseChangeRequest({ changes: [{ entity: 'widget', id: 1, version: 1, set: { a: 1 } }, { entity: 'item', set: { name: 'x' } }, { entity: 'item', op: 'create', set: { sku: 'X' } }] });
    expect(parsed.ok && parsed.envelopeErrors.map((e) => [e.index, e.entity, e.field])).toEqual([
      [0, 'widget', 'entity'],
      [1, 'item', 'id'],
      [1, 'item', 'version'],
    ]);
    expect(parsed.ok && parsed.changes.map((c) => c.index)).toEqual([2]);
  });
});
