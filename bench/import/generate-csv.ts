import { once } from 'node:events';
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { formatQty, mulberry32 } from '@/lib/demo/prng';

/**
 * The issue-5 purchase-order file: canonical columns, 200 suppliers, 2,000 SKUs,
 * POs of 1–50 lines, promised dates over two years, mostly open. Written in
 * chunks with backpressure so a million lines never sit in memory at once.
 * Deterministic per seed, so every step of one run reads the same bytes.
 */
export const PO_CSV_HEADER = 'supplier,po_number,line,sku,qty,promised_date,status';
export const SUPPLIER_COUNT = 200;
export const SKU_COUNT = 2_000;
const FIRST_DAY = '2026-01-05';
const DAYS = 730;
const MAX_LINES_PER_PO = 50;

export interface BenchItem {
  sku: string;
  unit: string;
  category: string;
}

/** Every eighth SKU is pipe sold by the metre, so some quantities are fractional. */
export function benchItems(): BenchItem[] {
  const categories = ['compute', 'network', 'rack', 'power', 'facility', 'other'];
  return Array.from({ length: SKU_COUNT }, (_, k) =>
    k % 8 === 0
      ? { sku: `PIPE-${String(k).padStart(4, '0')}`, unit: 'm', category: 'cooling' }
      : { sku: `PART-${String(k).padStart(4, '0')}`, unit: 'ea', category: categories[k % categories.length]! },
  );
}

export interface GeneratedCsv {
  lines: number;
  purchaseOrders: number;
  bytes: number;
}

export async function writePurchaseOrderCsv(file: string, lines: number, seed = 5): Promise<GeneratedCsv> {
  const rand = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const suppliers = Array.from({ length: SUPPLIER_COUNT }, (_, k) => `SUP-${String(k + 1).padStart(3, '0')}`);
  const skus = benchItems().map((i) => i.sku);
  const start = Date.parse(`${FIRST_DAY}T00:00:00Z`);
  const dates = Array.from({ length: DAYS }, (_, d) => new Date(start + d * 86_400_000).toISOString().slice(0, 10));

  const out = fs.createWriteStream(file);
  let chunk: string[] = [PO_CSV_HEADER];
  let written = 0;
  let purchaseOrders = 0;
  while (written < lines) {
    // PO numbers are unique across suppliers, so (supplier, po_number, line) is unique too.
    const po = `PO-${100_000 + purchaseOrders++}`;
    const supplier = suppliers[int(0, SUPPLIER_COUNT - 1)]!;
    const poLines = Math.min(int(1, MAX_LINES_PER_PO), lines - written);
    for (let line = 1; line <= poLines; line++) {
      const sku = skus[int(0, SKU_COUNT - 1)]!;
      const qty = sku.startsWith('PIPE-') ? formatQty(int(1, 4_000) / 4) : String(int(1, 500));
      const r = rand();
      const status = r < 0.9 ? 'open' : r < 0.96 ? 'received' : 'cancelled';
      chunk.push(`${supplier},${po},${line},${sku},${qty},${dates[int(0, DAYS - 1)]!},${status}`);
    }
    written += poLines;
    if (chunk.length >= 10_000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await once(out, 'drain');
      chunk = [];
    }
  }
  if (chunk.length > 0) out.write(`${chunk.join('\n')}\n`);
  out.end();
  await finished(out);
  return { lines: written, purchaseOrders, bytes: fs.statSync(file).size };
}
