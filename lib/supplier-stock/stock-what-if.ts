import type { Adjustment } from '@/lib/capacity';

/**
 * A what-if that a stored scenario may hold besides the engine's own kinds:
 * "as if procurement accepted this supplier's stock reports". It is kept by name
 * (not as a copy of the quantities) so the scenario follows the supplier's latest
 * report; it turns into the engine's `setStock` adjustments, one per report still
 * waiting, when the forecast's model is built. A report already accepted is part
 * of on-hand stock, so it adds nothing here.
 */
export interface AcceptSupplierStockAdjustment {
  kind: 'acceptSupplierStock';
  supplier: string;
}

export type StoredAdjustment = Adjustment | AcceptSupplierStockAdjustment;

export interface PendingStock {
  supplier: string;
  sku: string;
  location: string;
  onHand: string;
}

export const isAcceptSupplierStock = (a: StoredAdjustment): a is AcceptSupplierStockAdjustment => a.kind === 'acceptSupplierStock';

/** Suppliers whose waiting reports the adjustments ask for, in order of first mention. */
export function stockSuppliersOf(adjustments: readonly StoredAdjustment[]): string[] {
  return [...new Set(adjustments.filter(isAcceptSupplierStock).map((a) => a.supplier))];
}

/**
 * The engine's adjustments for stored ones: each acceptSupplierStock becomes a
 * setStock per waiting report of that supplier, in place, so later adjustments
 * still apply after it. Reports come in a fixed order (supplier, SKU, location),
 * so the same data gives the same model and the same cache key.
 */
export function expandStockAdjustments(adjustments: readonly StoredAdjustment[], pending: readonly PendingStock[]): Adjustment[] {
  return expandWithOrigins(adjustments, pending).adjustments;
}

/** The expansion, with the index of the stored adjustment each engine adjustment came from (to name it in errors). */
export function expandWithOrigins(adjustments: readonly StoredAdjustment[], pending: readonly PendingStock[]): { adjustments: Adjustment[]; origins: number[] } {
  const bySupplier = new Map<string, PendingStock[]>();
  for (const p of [...pending].sort((a, b) => cmp(a.supplier, b.supplier) || cmp(a.sku, b.sku) || cmp(a.location, b.location))) {
    let list = bySupplier.get(p.supplier);
    if (!list) bySupplier.set(p.supplier, (list = []));
    list.push(p);
  }
  const out: Adjustment[] = [];
  const origins: number[] = [];
  adjustments.forEach((a, index) => {
    const engine: Adjustment[] = isAcceptSupplierStock(a)
      ? (bySupplier.get(a.supplier) ?? []).map((p) => ({ kind: 'setStock', sku: p.sku, location: p.location, onHand: p.onHand }))
      : [a];
    for (const e of engine) {
      out.push(e);
      origins.push(index);
    }
  });
  return { adjustments: out, origins };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
