import { floorDiv } from './decimal';
import type { NModel } from './normalize';

/**
 * The dedicated-supply relaxation and what it proves.
 *
 * Give every use of every item the item's whole supply (as if each recipe had
 * its parts to itself) and run every recipe as soon as possible. In that
 * relaxation ASAP is the pointwise maximum: no schedule of the real model starts
 * more builds of any recipe by any day (induction over the BOM: a recipe's
 * cumulative starts are bounded by ⌊available component / qty⌋ and by its weekly
 * limit, and ASAP meets whichever binds; see `asap`). Hence
 *   • X_r(d) ≤ XR_r(d) for every recipe r in every real schedule,
 *   • the capacity items' relaxed GPU-days are an upper bound on the optimum.
 *
 * An item is *free* when even the relaxed demand of all its consumers never
 * exceeds its supply; a recipe is *fixed* when all its components are free. A
 * fixed recipe can run its relaxed schedule XR in the real model without taking
 * anything any other build could want, and doing so maximises its output
 * pointwise, so some optimal schedule runs every fixed recipe at XR (proof in
 * DESIGN notes of solve.ts). Only recipes consuming contended items are left for
 * the integer program.
 */
export interface Relaxation {
  /** Last start day that can still contribute GPUs within the horizon, or −1 when none can. */
  lastUseful: Int32Array;
  /** Cumulative relaxed starts XR_r(d). */
  X: Float64Array[];
  /** Cumulative relaxed availability of each item. */
  A: Float64Array[];
  /** Cumulative external supply of each item. */
  extCum: Float64Array[];
  free: Uint8Array;
  fixed: Uint8Array;
  /** Upper bound on scaled GPU-days. */
  upperBound: number;
}

export function relax(m: NModel): Relaxation {
  const { H, items, recipes } = m;
  const n = items.length;
  const lastUseful = usefulWindow(m);

  const extCum = m.ext.map((a) => cumulative(a));
  const A: Float64Array[] = new Array(n);
  const X: Float64Array[] = new Array(recipes.length);
  for (const i of m.topo) {
    const r = m.recipeOf[i]!;
    if (r < 0) {
      A[i] = extCum[i]!;
      continue;
    }
    const rec = recipes[r]!;
    X[r] = asap(m, r, lastUseful[r]!, (item) => A[item]!);
    A[i] = withOutput(extCum[i]!, X[r]!, rec.outQty, rec.lead, H);
  }

  const free = new Uint8Array(n);
  const fixed = new Uint8Array(recipes.length);
  const demand = new Float64Array(H);
  for (const i of m.topo) {
    const r = m.recipeOf[i]!;
    if (r >= 0) fixed[r] = recipes[r]!.comps.every((c) => free[c.item] === 1) || lastUseful[r]! < 0 ? 1 : 0;
    if (r >= 0 && fixed[r] === 0) continue;
    demand.fill(0);
    for (const c of m.consumers[i]!) {
      const xc = X[c]!;
      const q = recipes[c]!.comps.find((k) => k.item === i)!.qty;
      for (let d = 0; d < H; d++) demand[d]! += q * xc[d]!;
    }
    const a = A[i]!;
    let ok = true;
    for (let d = 0; d < H && ok; d++) if (demand[d]! > a[d]!) ok = false;
    free[i] = ok ? 1 : 0;
  }

  let upperBound = 0;
  items.forEach((it, i) => {
    if (!it.capacity) return;
    let s = 0;
    for (const v of A[i]!) s += v;
    upperBound += s * it.gpuWeight;
  });

  return { lastUseful, X, A, extCum, free, fixed, upperBound };
}

/**
 * Builds started after lastUseful(r) land too late for anything that still puts
 * GPUs online before day H, so no schedule needs them.
 */
export function usefulWindow(m: NModel): Int32Array {
  const lastUseful = new Int32Array(m.recipes.length).fill(-1);
  const needBy = new Int32Array(m.items.length).fill(-1);
  for (let k = m.topo.length - 1; k >= 0; k--) {
    const i = m.topo[k]!;
    if (m.items[i]!.capacity) needBy[i] = m.H - 1;
    const r = m.recipeOf[i]!;
    if (r < 0) continue;
    const lu = needBy[i]! - m.recipes[r]!.lead;
    lastUseful[r] = lu >= 0 ? lu : -1;
    if (lu < 0) continue;
    for (const c of m.recipes[r]!.comps) needBy[c.item] = Math.max(needBy[c.item]!, lu);
  }
  return lastUseful;
}

/**
 * As-soon-as-possible cumulative starts of recipe r when each component's
 * cumulative availability is `avail(component)` and nobody else takes it.
 * Pointwise maximal: suppose another schedule Y has Y(d−1) ≤ X(d−1). If ASAP was
 * stopped at d by parts, X(d) = min_c ⌊avail_c(d)/q_c⌋ ≥ Y(d); if by the weekly
 * limit, X(d) = X(monday−1) + lim ≥ Y(monday−1) + lim ≥ Y(d).
 */
export function asap(m: NModel, r: number, lastUseful: number, avail: (item: number) => Float64Array): Float64Array {
  const { H, weekOf } = m;
  const rec = m.recipes[r]!;
  const X = new Float64Array(H);
  if (lastUseful < 0) return X;
  const comps = rec.comps.map((c) => ({ a: avail(c.item), q: c.qty }));
  let x = 0;
  let week = -1;
  let used = 0;
  for (let d = 0; d < H; d++) {
    if (d <= lastUseful) {
      if (weekOf[d] !== week) {
        week = weekOf[d]!;
        used = 0;
      }
      let cap = Infinity;
      for (const c of comps) cap = Math.min(cap, floorDiv(c.a[d]!, c.q));
      const room = rec.lim === null ? Infinity : rec.lim - used;
      const s = Math.min(room, cap - x);
      if (s > 0) {
        x += s;
        used += s;
      }
    }
    X[d] = x;
  }
  return X;
}

export function cumulative(daily: Float64Array): Float64Array {
  const c = new Float64Array(daily.length);
  let s = 0;
  for (let d = 0; d < daily.length; d++) {
    s += daily[d]!;
    c[d] = s;
  }
  return c;
}

/** extCum plus the output of cumulative starts X landing `lead` days later. */
export function withOutput(extCum: Float64Array, X: Float64Array, outQty: number, lead: number, H: number): Float64Array {
  const a = new Float64Array(H);
  for (let d = 0; d < H; d++) a[d] = extCum[d]! + (d - lead >= 0 ? outQty * X[d - lead]! : 0);
  return a;
}
