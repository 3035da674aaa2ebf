import type { Change, ChangeError } from '@/components/data-grid/contract';

// What each create form sends: ONE change set (source "form"), so a purchase order and its
// lines are written together or not at all; and the way back from the server's errors
// (by change index and field) to the form's own fields. Pure: tested without a browser.

export interface ItemFormValues {
  sku: string;
  name: string;
  category: string;
  unit: string;
  site: string;
  gpusOnlinePerUnit: string;
}

export interface SupplierFormValues {
  code: string;
  name: string;
}

export interface PoLineValues {
  /** The form's own key for the line (React), never sent. */
  key: string;
  sku: string;
  qty: string;
  promisedDate: string;
}

export interface PurchaseOrderFormValues {
  supplier: string;
  poNumber: string;
  lines: PoLineValues[];
}

/** Blank → null (the field's default: no site, 0 GPUs); a count → a number, as the contract sends counts. */
const optional = (raw: string): string | null => (raw.trim() === '' ? null : raw.trim());
const count = (raw: string): string | number | null => {
  const s = optional(raw);
  return s !== null && /^\d{1,9}$/.test(s) ? Number(s) : s;
};

export function buildItemChanges(v: ItemFormValues): Change[] {
  return [
    {
      entity: 'item',
      op: 'create',
      set: { sku: v.sku, name: v.name, category: v.category, unit: v.unit, site: optional(v.site), gpusOnlinePerUnit: count(v.gpusOnlinePerUnit) ?? 0 },
    },
  ];
}

export function buildSupplierChanges(v: SupplierFormValues): Change[] {
  return [{ entity: 'supplier', op: 'create', set: { code: v.code, name: v.name } }];
}

/**
 * The PO first (so a PO number already in use is refused, rather than lines appended to
 * it), then its lines numbered 1, 2, … in the order the form shows them.
 */
export function buildPurchaseOrderChanges(v: PurchaseOrderFormValues): Change[] {
  return [
    { entity: 'purchaseOrder', op: 'create', set: { supplier: v.supplier, poNumber: v.poNumber } },
    ...v.lines.map(
      (l, i): Change => ({
        entity: 'purchaseOrderLine',
        op: 'create',
        set: { supplier: v.supplier, poNumber: v.poNumber, lineNo: i + 1, sku: l.sku, qty: l.qty, promisedDate: l.promisedDate },
      }),
    ),
  ];
}

/** The PO form's field for a server error: the PO's own fields, or `lines.<n>.<field>` for its nth line. */
export function purchaseOrderField(index: number, field: string | null | undefined): string | null {
  if (!field) return null;
  if (index === 0 || field === 'supplier' || field === 'poNumber') return field === 'supplier' || field === 'poNumber' ? field : null;
  return field === 'lineNo' ? null : `lines.${index - 1}.${field}`;
}

/** A single-row form's field: the error's own. */
export const sameField = (_index: number, field: string | null | undefined): string | null => field ?? null;

export interface FormErrors {
  /** Messages by form field name ("sku", "lines.0.qty"), each once. */
  fields: Record<string, string[]>;
  /** What names no field of the form. */
  general: string[];
}

export const NO_ERRORS: FormErrors = { fields: {}, general: [] };

export function formErrorsOf(errors: readonly ChangeError[], fieldOf: (index: number, field: string | null | undefined) => string | null): FormErrors {
  const out: FormErrors = { fields: {}, general: [] };
  for (const e of errors) {
    const name = fieldOf(e.index, e.field);
    const list = name ? (out.fields[name] ??= []) : out.general;
    const message = name ? e.message : `${e.label ? `${e.label}: ` : ''}${e.field ? `${e.field} ` : ''}${e.message}`;
    if (!list.includes(message)) list.push(message);
  }
  return out;
}

/** Where the person lands after saving: the table, filtered to the rows just created. */
export const itemDestination = (v: ItemFormValues) => `/items?${new URLSearchParams({ sku: v.sku.trim() })}`;
export const supplierDestination = (v: SupplierFormValues) => `/suppliers?${new URLSearchParams({ code: v.code.trim().toUpperCase() })}`;
export const purchaseOrderDestination = (v: PurchaseOrderFormValues) =>
  `/purchase-orders?${new URLSearchParams({ supplier: v.supplier.trim().toUpperCase(), poNumber: v.poNumber.trim() })}`;
