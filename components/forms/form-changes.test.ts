import { describe, expect, it } from 'vitest';
import {
  buildItemChanges,
  buildPurchaseOrderChanges,
  buildSupplierChanges,
  formErrorsOf,
  itemDestination,
  purchaseOrderDestination,
  purchaseOrderField,
  sameField,
  supplierDestination,
} from './form-changes';

const po = {
  supplier: 'acme',
  poNumber: 'PO-9',
  lines: [
    { key: 'a', sku: 'GPU-1', qty: '8', promisedDate: '2027-03-01' },
    { key: 'b', sku: 'PIPE-DN100', qty: '12.5', promisedDate: '2027-04-01' },
  ],
};

describe('create forms as one change set', () => {
  it('creates an item, blank site as none and GPUs online as a count (0 when blank)', () => {
    expect(buildItemChanges({ sku: 'NEW-1', name: 'New', category: 'other', unit: 'ea', site: ' ', gpusOnlinePerUnit: '' })).toEqual([
      { entity: 'item', op: 'create', set: { sku: 'NEW-1', name: 'New', category: 'other', unit: 'ea', site: null, gpusOnlinePerUnit: 0 } },
    ]);
    expect(buildItemChanges({ sku: 'N', name: 'N', category: 'compute', unit: 'ea', site: 'phx1', gpusOnlinePerUnit: '8' })[0]!.set).toMatchObject({ site: 'phx1', gpusOnlinePerUnit: 8 });
    // Typed nonsense goes as typed: the server's shared rule names the field.
    expect(buildItemChanges({ sku: 'N', name: 'N', category: 'x', unit: 'ea', site: '', gpusOnlinePerUnit: 'eight' })[0]!.set).toMatchObject({ gpusOnlinePerUnit: 'eight' });
  });

  it('creates a supplier', () => {
    expect(buildSupplierChanges({ code: 'ACME', name: 'Acme Pipe' })).toEqual([{ entity: 'supplier', op: 'create', set: { code: 'ACME', name: 'Acme Pipe' } }]);
  });

  it('creates a purchase order and its lines together, the PO first, lines numbered in form order', () => {
    expect(buildPurchaseOrderChanges(po)).toEqual([
      { entity: 'purchaseOrder', op: 'create', set: { supplier: 'acme', poNumber: 'PO-9' } },
      { entity: 'purchaseOrderLine', op: 'create', set: { supplier: 'acme', poNumber: 'PO-9', lineNo: 1, sku: 'GPU-1', qty: '8', promisedDate: '2027-03-01' } },
      { entity: 'purchaseOrderLine', op: 'create', set: { supplier: 'acme', poNumber: 'PO-9', lineNo: 2, sku: 'PIPE-DN100', qty: '12.5', promisedDate: '2027-04-01' } },
    ]);
    // A line removed in the form is not sent, and the rest are renumbered.
    const second = buildPurchaseOrderChanges({ ...po, lines: [po.lines[1]!] });
    expect(second.map((c) => c.set?.lineNo)).toEqual([undefined, 1]);
  });
});

describe("the server's errors beside the form's fields", () => {
  const err = (index: number, field: string | null, message: string, label = 'ACME/PO-9') => ({ index, entity: 'purchaseOrderLine' as const, label, field: field ?? undefined, message });

  it("puts a PO line's error on that line's field, and the PO's on its own", () => {
    const errors = formErrorsOf(
      [err(0, 'poNumber', 'ACME/PO-9 already exists'), err(2, 'qty', 'must be a non-negative decimal'), err(1, 'sku', 'no item NOPE'), err(1, 'supplier', 'no supplier ACME'), err(2, 'supplier', 'no supplier ACME')],
      purchaseOrderField,
    );
    expect(errors).toEqual({
      fields: { poNumber: ['ACME/PO-9 already exists'], 'lines.1.qty': ['must be a non-negative decimal'], 'lines.0.sku': ['no item NOPE'], supplier: ['no supplier ACME'] },
      general: [],
    });
  });

  it('keeps what names no field of the form as a general message', () => {
    expect(formErrorsOf([err(1, 'lineNo', 'must be a whole number of at least 1'), err(0, null, 'is not valid', 'X')], purchaseOrderField).general).toEqual([
      'ACME/PO-9: lineNo must be a whole number of at least 1',
      'X: is not valid',
    ]);
    expect(purchaseOrderField(0, 'sku')).toBeNull();
    expect(formErrorsOf([err(0, 'sku', 'required')], sameField).fields).toEqual({ sku: ['required'] });
  });
});

describe('after saving', () => {
  it('goes to the table filtered to the new rows, codes upper-cased as stored', () => {
    expect(itemDestination({ sku: ' NEW-1 ', name: '', category: '', unit: '', site: '', gpusOnlinePerUnit: '' })).toBe('/items?sku=NEW-1');
    expect(supplierDestination({ code: 'acme', name: '' })).toBe('/suppliers?code=ACME');
    expect(purchaseOrderDestination(po)).toBe('/purchase-orders?supplier=ACME&poNumber=PO-9');
  });
});
