import { describe, expect, it } from 'vitest';
import { TABLES } from '@/lib/tables/definitions';
import type { ListRow } from '@/lib/tables/types';
import type { Change } from './contract';
import { addDaysIso, buildBulkChanges, buildCellChanges, mergeChanges, resolveConflicts } from './change-set';

const PO = TABLES['purchase-order-lines'];
const BOM = TABLES['bom-lines'];
const col = (def: typeof PO, key: string) => def.columns.find((c) => c.key === key)!;
const line = (id: number, promisedDate: string, extra: Partial<ListRow> = {}): ListRow => ({
  id,
  version: id + 1,
  supplier: 'NVIDIA',
  poNumber: 'PO-7731',
  lineNo: id,
  qty: '8',
  promisedDate,
  status: 'open',
  ...extra,
});

describe('change sets from inline edits and pastes', () => {
  it('writes each typed value in the contract’s form, at the version the row was read at, one change per row', () => {
    const r = line(17, '2027-03-01');
    const { changes, problems } = buildCellChanges(PO, [
      { row: r, column: col(PO, 'promisedDate'), raw: '2027-03-08' },
      { row: r, column: col(PO, 'qty'), raw: '012.50' },
      { row: r, column: col(PO, 'status'), raw: 'Received' },
    ]);
    expect(problems).toEqual([]);
    expect(changes).toEqual([{ entity: 'purchaseOrderLine', id: 17, version: 18, set: { promisedDate: '2027-03-08', qty: '12.5', status: 'received' } }]);
  });

  it('names a bad value by row and field and sends nothing for it; unchanged values and read-only columns are not changes', () => {
    const r = line(4, '2027-03-01');
    const { changes, problems } = buildCellChanges(PO, [
      { row: r, column: col(PO, 'promisedDate'), raw: '2027-02-30' },
      { row: r, column: col(PO, 'qty'), raw: '8' },
      { row: r, column: col(PO, 'supplier'), raw: 'AMD' },
    ]);
    expect(changes).toEqual([]);
    expect(problems).toEqual([
      { label: 'NVIDIA/PO-7731/4', field: 'Promised', message: '2027-02-30 is not a real calendar date' },
      { label: 'NVIDIA/PO-7731/4', field: 'Supplier', message: 'cannot be edited here' },
    ]);
  });

  it('writes a BOM line’s recipe fields to the recipe (its id and version), blank clearing a weekly limit', () => {
    const row: ListRow = { id: 9, version: 2, outputSku: 'DGX', componentSku: 'GPU', recipeId: 3, recipeVersion: 5, maxStartsPerWeek: 60, qtyPerBuild: '8' };
    const { changes } = buildCellChanges(BOM, [
      { row, column: col(BOM, 'maxStartsPerWeek'), raw: '' },
      { row, column: col(BOM, 'qtyPerBuild'), raw: '4' },
    ]);
    expect(changes).toEqual([
      { entity: 'recipe', id: 3, version: 5, set: { maxStartsPerWeek: null } },
      { entity: 'recipeLine', id: 9, version: 2, set: { qtyPerBuild: '4' } },
    ]);
  });

  it('merges changes to one row, keeping deletes apart', () => {
    expect(
      mergeChanges([
        { entity: 'item', id: 1, set: { name: 'a' } },
        { entity: 'item', id: 1, set: { unit: 'm' } },
        { entity: 'item', id: 1, op: 'delete' },
      ]),
    ).toEqual([
      { entity: 'item', id: 1, set: { name: 'a', unit: 'm' } },
      { entity: 'item', id: 1, op: 'delete' },
    ]);
  });
});

describe('change sets from bulk actions', () => {
  const rows = [line(1, '2027-01-28'), line(2, '2027-02-27'), line(3, '2028-02-28', { status: 'received' })];

  it('shifts promised dates by N calendar days across month and leap-day ends', () => {
    expect(addDaysIso('2028-02-28', 1)).toBe('2028-02-29');
    const { changes } = buildBulkChanges(PO, rows, { kind: 'shiftDays', field: 'promisedDate', days: 7 });
    expect(changes.map((c) => c.set?.promisedDate)).toEqual(['2027-02-04', '2027-03-06', '2028-03-06']);
  });

  it('sets a status or a date on every selected row that differs, and deletes rows at their versions', () => {
    expect(buildBulkChanges(PO, rows, { kind: 'setField', field: 'status', value: 'received' }).changes.map((c) => c.id)).toEqual([1, 2]);
    expect(buildBulkChanges(PO, rows, { kind: 'setField', field: 'promisedDate', value: '2027-02-27' }).changes.map((c) => c.id)).toEqual([1, 3]);
    expect(buildBulkChanges(PO, rows.slice(0, 1), { kind: 'delete' }).changes).toEqual([{ entity: 'purchaseOrderLine', id: 1, version: 2, op: 'delete' }]);
    expect(buildBulkChanges(TABLES.items, rows, { kind: 'delete' }).problems).toHaveLength(1);
  });
});

describe('re-sending after a conflict', () => {
  it('sends each conflicting row at its current version with only the values the person kept as theirs', () => {
    const changes: Change[] = [
      { entity: 'purchaseOrderLine' as const, id: 17, version: 3, set: { promisedDate: '2027-03-08', qty: '9' } },
      { entity: 'purchaseOrderLine' as const, id: 18, version: 1, set: { qty: '2' } },
      { entity: 'purchaseOrderLine' as const, id: 19, version: 1, set: { qty: '5' } },
      { entity: 'purchaseOrderLine' as const, id: 20, version: 1, set: { qty: '6' } },
    ];
    const conflicts = [
      { index: 0, currentVersion: 4, fields: [{ field: 'promisedDate' }, { field: 'qty' }] },
      { index: 2, currentVersion: 2, fields: [{ field: 'qty' }] },
      { index: 3, currentVersion: null, fields: [] },
    ];
    expect(resolveConflicts(changes, conflicts, { '0:promisedDate': 'yours', '0:qty': 'theirs', '2:qty': 'theirs' })).toEqual([
      { entity: 'purchaseOrderLine', id: 17, version: 4, set: { promisedDate: '2027-03-08' } },
      { entity: 'purchaseOrderLine', id: 18, version: 1, set: { qty: '2' } },
    ]);
  });
});

describe('receiving selected PO lines', () => {
  it('sends the receive op for each open line at its version, with the date and location, each line’s own qty when blank', () => {
    const rows = [line(1, '2027-03-01'), line(2, '2027-03-02', { status: 'received' }), line(3, '2027-03-03')];
    const { changes, problems } = buildBulkChanges(PO, rows, { kind: 'receive', qty: '', date: '2027-03-05', location: 'WH-RENO' });
    expect(problems).toEqual([]);
    expect(changes).toEqual([
      { entity: 'purchaseOrderLine', id: 1, version: 2, op: 'receive', set: { receivedDate: '2027-03-05', location: 'WH-RENO' } },
      { entity: 'purchaseOrderLine', id: 3, version: 4, op: 'receive', set: { receivedDate: '2027-03-05', location: 'WH-RENO' } },
    ]);
  });

  it('names a bad quantity, date or missing location and sends nothing; a table that cannot be received refuses', () => {
    const bad = buildBulkChanges(PO, [line(1, '2027-03-01')], { kind: 'receive', qty: '-2', date: '2027-02-30', location: ' ' });
    expect(bad.changes).toEqual([]);
    expect(bad.problems.map((p) => p.field)).toEqual(['Received date', 'Location', 'Received qty']);
    expect(buildBulkChanges(PO, [line(1, '2027-03-01', { status: 'cancelled' })], { kind: 'receive', qty: '1', date: '2027-03-05', location: 'WH' }).problems).toHaveLength(1);
    expect(buildBulkChanges(BOM, [], { kind: 'receive', qty: '1', date: '2027-03-05', location: 'WH' }).problems[0]!.message).toMatch(/cannot be received/);
  });

  it('receives a typed quantity, normalised as the contract writes decimals', () => {
    const { changes } = buildBulkChanges(PO, [line(5, '2027-03-01')], { kind: 'receive', qty: '04.50', date: '2027-03-05', location: 'WH' });
    expect(changes[0]!.set).toEqual({ receivedDate: '2027-03-05', location: 'WH', receivedQty: '4.5' });
  });
});
