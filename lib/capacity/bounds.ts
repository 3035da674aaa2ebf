import type { Core } from './core';
import type { NModel } from './normalize';
import type { Relaxation } from './relaxation';

/**
 * An upper bound on GPU-days that sees pooled scarcity, cheap enough for any
 * model size. It is what makes a heuristic answer's gap honest and small.
 *
 * Every bound here is a bound on GPUs online on each day t, for every
 * feasible schedule; summing the smallest of them over the days bounds GPU-days.
 *  • Relaxed: each capacity item at most as if it had every part to itself.
 *  • Pooled, per contended item P with known supply (nobody in the core makes
 *    it): a capacity build of c needs need(c,P) units of P taken at least
 *    lag(c,P) days before its output lands (shortest lead-time path), so GPUs
 *    online at t from the core's capacity recipes are at most a fractional
 *    knapsack: P available by t − min lag, shared among them at their GPUs per
 *    unit of P, each also limited by its own relaxed bound and by P available by
 *    t − its lag. Capacity recipes outside the core, and supply of capacity
 *    items, count at their exact (fixed) value.
 * Where stock of an intermediate between P and c could bypass P, c is counted
 * at its relaxed bound instead, which keeps the bound valid.
 */
export function pooledUpperBound(m: NModel, rel: Relaxation, core: Core): number {
  const { H } = m;
  const inCore = new Set(core.recipes);
  const capRecipes = core.recipes.filter((r) => m.items[m.recipes[r]!.out]!.capacity);

  // Per day: GPUs that do not depend on the core (fixed capacity recipes, capacity supply),
  // and each core capacity recipe's relaxed GPUs from builds.
  const fixedGpus = new Float64Array(H);
  const relaxedGpus = new Map<number, Float64Array>();
  m.items.forEach((it, i) => {
    if (!it.capacity) return;
    const r = m.recipeOf[i]!;
    const w = it.gpuWeight;
    if (r >= 0 && inCore.has(r)) {
      const ext = rel.extCum[i]!;
      const a = rel.A[i]!;
      const g = new Float64Array(H);
      for (let d = 0; d < H; d++) {
        fixedGpus[d]! += ext[d]! * w;
        g[d] = (a[d]! - ext[d]!) * w;
      }
      relaxedGpus.set(r, g);
    } else {
      const a = rel.capAvail[i]!;
      for (let d = 0; d < H; d++) fixedGpus[d]! += a[d]! * w;
    }
  });
  const relaxedTotal = new Float64Array(H);
  for (const g of relaxedGpus.values()) for (let d = 0; d < H; d++) relaxedTotal[d]! += g[d]!;
  const best = new Float64Array(H);
  for (let d = 0; d < H; d++) best[d] = relaxedTotal[d]!;

  // Contended items nobody in the core makes: their supply is known.
  const pooled = new Set<number>();
  for (const r of core.recipes)
    for (const c of m.recipes[r]!.comps) {
      if (rel.free[c.item]) continue;
      const p = m.recipeOf[c.item]!;
      if (p < 0 || !inCore.has(p)) pooled.add(c.item);
    }

  for (const P of pooled) {
    const supply = m.recipeOf[P]! >= 0 ? rel.capAvail[P]! : rel.extCum[P]!;
    const memo = new Map<number, { need: number; lag: number; bypass: boolean }>();
    const path = (r: number): { need: number; lag: number; bypass: boolean } => {
      const hit = memo.get(r);
      if (hit) return hit;
      const rec = m.recipes[r]!;
      let need = 0;
      let lag = Infinity;
      let bypass = false;
      for (const c of rec.comps) {
        if (c.item === P) {
          need += c.qty;
          lag = Math.min(lag, rec.lead);
          continue;
        }
        const p = m.recipeOf[c.item]!;
        if (p < 0 || !inCore.has(p)) continue;
        const sub = path(p);
        if (sub.need === 0) continue;
        if (rel.extCum[c.item]![H - 1]! > 0) bypass = true;
        need += (c.qty * sub.need) / m.recipes[p]!.outQty;
        lag = Math.min(lag, sub.lag + rec.lead);
        bypass ||= sub.bypass;
      }
      const res = { need, lag, bypass };
      memo.set(r, res);
      return res;
    };
    const users = capRecipes
      .map((r) => {
        const { need, lag, bypass } = path(r);
        const rec = m.recipes[r]!;
        return { r, need, lag, bypass, perP: need > 0 ? (m.items[rec.out]!.gpuWeight * rec.outQty) / need : 0 };
      })
      .filter((u) => u.need > 0 && !u.bypass)
      .sort((a, b) => b.perP - a.perP);
    if (users.length === 0) continue;
    const minLag = Math.min(...users.map((u) => u.lag));
    const others = new Float64Array(H);
    for (let d = 0; d < H; d++) others[d] = relaxedTotal[d]!;
    for (const u of users) {
      const g = relaxedGpus.get(u.r)!;
      for (let d = 0; d < H; d++) others[d]! -= g[d]!;
    }
    for (let d = 0; d < H; d++) {
      let room = d - minLag >= 0 ? supply[d - minLag]! : 0;
      let gpus = 0;
      for (const u of users) {
        if (room <= 0) break;
        const own = d - u.lag >= 0 ? supply[d - u.lag]! : 0;
        const take = Math.min(room, own, relaxedGpus.get(u.r)![d]! / u.perP);
        if (take <= 0) continue;
        gpus += take * u.perP;
        room -= take;
      }
      const v = Math.max(0, others[d]!) + gpus;
      if (v < best[d]!) best[d] = v;
    }
  }

  let total = 0;
  for (let d = 0; d < H; d++) total += fixedGpus[d]! + best[d]!;
  // Scaled GPU-days are integers: round a fractional knapsack down, with a hair of slack for float error.
  return Math.floor(total + 1e-6 * Math.max(1, total * 1e-9));
}
