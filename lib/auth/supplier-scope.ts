import type { RowError } from '@/lib/csv';

/**
 * The rows of a supplier's file that are not that supplier's to write. A PO line
 * belongs to the supplier it names; a stock-report (inventory) row to a location
 * named after the supplier: its code, or its code followed by "-", "/" or ":"
 * (e.g. NVIDIA-SJC).
 */
export function foreignRows(kind: string, rows: readonly { row: number; value: unknown }[], supplierCode: string): RowError[] {
  const out: RowError[] = [];
  for (const { row, value } of rows) {
    if (kind === 'purchase-orders') {
      const supplier = (value as { supplier?: string }).supplier;
      if (supplier !== supplierCode) out.push({ row, column: 'supplier', message: `row is for supplier "${supplier}"; this token may write only ${supplierCode}'s lines` });
    } else if (kind === 'inventory') {
      const location = String((value as { location?: string }).location ?? '');
      if (!isSupplierLocation(location, supplierCode)) {
        out.push({ row, column: 'location', message: `location "${location}" is not ${supplierCode}'s (use ${supplierCode} or ${supplierCode}-…)` });
      }
    } else {
      out.push({ row, column: null, message: `a supplier token cannot import ${kind}` });
    }
  }
  return out;
}

export function isSupplierLocation(location: string, code: string): boolean {
  const upper = location.toUpperCase();
  return upper === code || (upper.startsWith(code) && ['-', '/', ':'].includes(upper.charAt(code.length)));
}
