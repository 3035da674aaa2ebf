import { z } from 'zod';
import { countField, decimalField, isoDateField, optionalEnumField, skuField, supplierCodeField, textField } from './fields';
import { defineImportSpec } from './import-spec';

export const PO_STATUSES = ['open', 'received', 'cancelled'] as const;
export type PoStatus = (typeof PO_STATUSES)[number];

export const purchaseOrderLineSchema = z.object({
  supplier: supplierCodeField,
  poNumber: textField({ max: 64 }),
  lineNo: countField({ min: 1 }),
  sku: skuField,
  /** Open quantity still to arrive. */
  qty: decimalField,
  promisedDate: isoDateField,
  status: optionalEnumField(PO_STATUSES, 'open'),
});
export type PurchaseOrderLineInput = z.input<typeof purchaseOrderLineSchema>;
export type PurchaseOrderLine = z.output<typeof purchaseOrderLineSchema>;

export const purchaseOrderLineImport = defineImportSpec({
  schema: purchaseOrderLineSchema,
  fields: {
    supplier: 'supplier',
    po_number: 'poNumber',
    line: 'lineNo',
    sku: 'sku',
    qty: 'qty',
    promised_date: 'promisedDate',
    status: 'status',
  },
  optional: ['status'],
  key: ['supplier', 'po_number', 'line'],
});
