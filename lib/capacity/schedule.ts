import { ceilDiv } from './decimal';
import type { NModel } from './normalize';

/**
 * Drops builds nothing needs: capacity builds landing on day H or later (they
 * count for nothing) and intermediate builds whose output no kept build uses.
 * Going from finished goods down to parts, each intermediate recipe keeps its
 * earliest k builds, k the fewest that cover its consumers' peak shortfall: with
 * one lead time the first k builds land first, so min(all output, k·qty) still
 * covers need(t) = use(t) − outside supply(t) on every day. GPU-days unchanged.
 */
export function trimSchedule(m: NModel, starts: Float64Array[], lastUseful: Int32Array): void {
  const { H } = m;
  m.recipes.forEach((_, r) => {
    const s = starts[r]!;
    for (let d = Math.max(0, lastUseful[r]! + 1); d < H; d++) s[d] = 0;
  });
  const use = new Float64Array(H);
  for (let k = m.topo.length - 1; k >= 0; k--) {
    const i = m.topo[k]!;
    const r = m.recipeOf[i]!;
    if (r < 0 || m.items[i]!.capacity) continue;
    use.fill(0);
    for (const c of m.consumers[i]!) {
      const q = m.recipes[c]!.comps.find((x) => x.item === i)!.qty;
      const sc = starts[c]!;
      for (let d = 0; d < H; d++) if (sc[d]) use[d]! += q * sc[d]!;
    }
    let cumUse = 0;
    let cumExt = 0;
    let need = 0;
    const ext = m.ext[i]!;
    for (let d = 0; d < H; d++) {
      cumUse += use[d]!;
      cumExt += ext[d]!;
      need = Math.max(need, cumUse - cumExt);
    }
    let keep = need > 0 ? ceilDiv(need, m.recipes[r]!.outQty) : 0;
    const s = starts[r]!;
    for (let d = 0; d < H; d++) {
      const take = Math.min(keep, s[d]!);
      s[d] = take;
      keep -= take;
    }
  }
}

/**
 * Exact check of every convention a schedule must satisfy; returns what is
 * broken. The engine runs it on its own answer so a bug surfaces as an error,
 * never as a silently wrong forecast.
 */
export function scheduleViolations(m: NModel, starts: Float64Array[]): string[] {
  const { H } = m;
  const problems: string[] = [];
  const bal = m.ext.map((e) => Float64Array.from(e));
  m.recipes.forEach((rec, r) => {
    const s = starts[r]!;
    let week = -1;
    let used = 0;
    for (let d = 0; d < H; d++) {
      const n = s[d]!;
      if (n === 0) continue;
      if (!Number.isInteger(n) || n < 0) problems.push(`${m.items[rec.out]!.sku}: ${n} builds on day ${d}`);
      if (m.weekOf[d] !== week) {
        week = m.weekOf[d]!;
        used = 0;
      }
      used += n;
      if (rec.lim !== null && used > rec.lim) problems.push(`${m.items[rec.out]!.sku}: weekly limit broken in week of day ${d}`);
      for (const c of rec.comps) bal[c.item]![d]! -= n * c.qty;
      if (d + rec.lead < H) bal[rec.out]![d + rec.lead]! += n * rec.outQty;
    }
  });
  bal.forEach((b, i) => {
    let s = 0;
    for (let d = 0; d < H; d++) {
      s += b[d]!;
      if (s < 0) {
        problems.push(`${m.items[i]!.sku}: stock below zero on day ${d}`);
        break;
      }
    }
  });
  return problems;
}

/**
 * Each item's stock at the end of each day under a schedule: outside supply (stock on hand, PO lines) plus
 * landed builds, less what builds started take, cumulated. Never below zero for a feasible schedule.
 */
export function netStock(m: NModel, starts: Float64Array[]): Float64Array[] {
  const { H } = m;
  const net = m.items.map((_, i) => Float64Array.from(m.ext[i]!));
  m.recipes.forEach((rec, r) => {
    const s = starts[r]!;
    for (let d = 0; d < H; d++) {
      if (!s[d]) continue;
      for (const c of rec.comps) net[c.item]![d]! -= s[d]! * c.qty;
      if (d + rec.lead < H) net[rec.out]![d + rec.lead]! += s[d]! * rec.outQty;
    }
  });
  for (const a of net) for (let d = 1; d < H; d++) a[d]! += a[d - 1]!;
  return net;
}

/** Units of each capacity item available by each day (outside supply plus landed builds). */
export function capacityUnits(m: NModel, starts: Float64Array[]): Map<number, Float64Array> {
  const { H } = m;
  const out = new Map<number, Float64Array>();
  m.items.forEach((it, i) => {
    if (!it.capacity) return;
    const daily = Float64Array.from(m.ext[i]!);
    const r = m.recipeOf[i]!;
    if (r >= 0) {
      const rec = m.recipes[r]!;
      const s = starts[r]!;
      for (let d = 0; d + rec.lead < H; d++) if (s[d]) daily[d + rec.lead]! += s[d]! * rec.outQty;
    }
    let c = 0;
    for (let d = 0; d < H; d++) {
      c += daily[d]!;
      daily[d] = c;
    }
    out.set(i, daily);
  });
  return out;
}

/** Scaled GPU-days (units of 10^-gpuDigits GPU-days). */
export function scaledGpuDays(m: NModel, units: Map<number, Float64Array>): number {
  let total = 0;
  for (const [i, u] of units) {
    let s = 0;
    for (const v of u) s += v;
    total += s * m.items[i]!.gpuWeight;
  }
  if (!Number.isSafeInteger(total)) throw new RangeError('GPU-days exceed exact integer range');
  return total;
}
