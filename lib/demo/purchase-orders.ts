import { addDays } from './calendar';
import { formatQty } from './prng';
import { DEMO_SUPPLIERS } from './suppliers';
import type { DeliverySpec } from './supply-plan';
import type { CsvRow } from './types';

// Deliveries become PO lines: one PO per supplier per quarter of delivery
// dates (a blanket release), lines numbered in date order.

const RELEASE_DAYS = 91;

// The delivery record of the lines already received: days after the promised date each supplier's
// trucks arrived, in the order of its received lines (cycled). NVIDIA and most parts came on time;
// the cooling and optics suppliers ran late, which the supplier table's on-time rate and mean slip show.
const RECEIPT_SLIP_DAYS: Record<string, readonly number[]> = {
  NVIDIA: [0, 0, 3, 0, 1],
  COHERENT: [9, 4],
  VERTIV: [12],
  RITTAL: [5],
  MOTIVAIR: [6],
  DELTA: [2],
};

/** When a received line arrived: its promised day plus the supplier's slip, and always before the anchor. */
function receivedDay(d: DeliverySpec, nth: number): number {
  const slips = RECEIPT_SLIP_DAYS[d.supplier] ?? [0];
  return Math.min(d.day + slips[nth % slips.length]!, -1);
}
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
  const receivedSoFar = new Map<string, number>();
  const receivedDate = (d: DeliverySpec) => {
    const nth = receivedSoFar.get(d.supplier) ?? 0;
    receivedSoFar.set(d.supplier, nth + 1);
    return addDays(anchor, receivedDay(d, nth));
  };
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
        received_date: d.status === 'received' ? receivedDate(d) : '',
      });
    });
  });
  return rows;
}
