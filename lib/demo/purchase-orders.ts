import { addDays } from './calendar';
import { formatQty } from './prng';
import { DEMO_SUPPLIERS } from './suppliers';
import type { DeliverySpec } from './supply-plan';
import type { CsvRow } from './types';

// Deliveries become PO lines: one PO per supplier per quarter of delivery
// dates (a blanket release), lines numbered in date order.

const RELEASE_DAYS = 91;
const FIRST_PO = 24_100;

export function purchaseOrderRows(deliveries: DeliverySpec[], anchor: string): CsvRow[] {
  const supplierRank = new Map(DEMO_SUPPLIERS.map((s, i) => [s.code, i]));
  const groups = new Map<string, { block: number; supplier: string; lines: DeliverySpec[] }>();
  for (const d of deliveries) {
    const block = Math.floor(d.day / RELEASE_DAYS);
    const key = `${block}|${d.supplier}`;
    const group = groups.get(key) ?? { block, supplier: d.supplier, lines: [] };
    group.lines.push(d);
    groups.set(key, group);
  }
  const ordered = [...groups.values()].sort(
    (a, b) => a.block - b.block || (supplierRank.get(a.supplier) ?? 99) - (supplierRank.get(b.supplier) ?? 99),
  );
  const rows: CsvRow[] = [];
  ordered.forEach((group, index) => {
    const poNumber = `PO-${FIRST_PO + index * 7}`;
    const lines = [...group.lines].sort((a, b) => a.day - b.day || a.sku.localeCompare(b.sku) || a.qty - b.qty);
    lines.forEach((d, i) => {
      rows.push({
        supplier: d.supplier,
        po_number: poNumber,
        line: String(i + 1),
        sku: d.sku,
        qty: formatQty(d.qty),
        promised_date: addDays(anchor, d.day),
        status: d.status,
      });
    });
  });
  return rows;
}
