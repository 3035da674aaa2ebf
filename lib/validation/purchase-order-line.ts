import { z } from 'zod';
import { countField, decimalField, isoDateField, optionalEnumField, optionalIsoDateField, skuField, supplierCodeField, textField } from './fields';
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
  /**
   * When a received line arrived (a delivery note's date): the delivery record's slip against the
   * first promise. Only for status `received` (checked against the whole row where rows are checked).
   */
  receivedDate: optionalIsoDateField,
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
    received_date: 'receivedDate',
  },
  optional: ['status', 'received_date'],
  key: ['supplier', 'po_number', 'line'],
});
