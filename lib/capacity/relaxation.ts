import { ceilDiv, floorDiv } from './decimal';
import type { NModel } from './normalize';

/**
 * The dedicated-supply relaxation, just-in-time caps, and what they prove.
 *
 * Relaxation. Give every use of every item the item's whole supply (as if each
 * recipe had its parts to itself) and run every recipe as soon as possible. In
 * that relaxation ASAP is the pointwise maximum: no schedule of the real model
 * starts more builds of any recipe by any day (see `asap`). Hence X_r ≤ XR_r in
 * every real schedule, and the capacity items' relaxed GPU-days bound the optimum.
 *
 * Just-in-time caps. Any schedule can build its intermediates as late as its
 * users allow: replacing an intermediate recipe's starts by the latest (the
 * pointwise least) weekly-feasible starts that still cover its users' takes
 * lowers its cumulative starts everywhere, so it takes its own parts no earlier
 * and changes no GPU. Doing this from finished goods down, every intermediate
 * covers takes that are at most those of its users running at their caps, and
 * least covers grow with the demand. So some optimal schedule has
 *   X_r ≤ cap_r,  cap_r = XR_r for capacity recipes,
 *                 cap_r = min(XR_r, least cover of Σ users' cap takes) otherwise.
 *
 * Free and fixed. An item is *free* when its users' takes at their caps never
 * exceed its supply (with a fixed maker at its cap); a recipe is *fixed* when all
 * its components are free. Exchange argument: in such an optimal schedule set
 * every fixed recipe to its cap. Free items stay feasible (users ≤ caps); a
 * contended item has only non-fixed users (untouched) and at least the supply it
 * had; caps respect weekly limits; GPUs only grow. So an optimal schedule runs
 * every fixed recipe at its cap, and only recipes taking contended items are
 * left for the integer program (core.ts), each capped by cap_r, which also keeps
 * every free item feasible.
 */
export interface Relaxation {
  /** Last start day that can still contribute GPUs within the horizon, or −1 when none can. */
  lastUseful: Int32Array;
  /** Cumulative relaxed starts XR_r(d). */
  X: Float64Array[];
  /** Cumulative relaxed availability of each item. */
  A: Float64Array[];
  /** Cumulative starts cap_r(d): a bound every recipe can be held to without loss. */
  cap: Float64Array[];
  /** Cumulative availability of each item when its maker runs at its cap. */
  capAvail: Float64Array[];
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

  // Caps, from finished goods down.
  const cap: Float64Array[] = new Array(recipes.length);
  const takes = (i: number, into: Float64Array) => {
    into.fill(0);
    for (const c of m.consumers[i]!) {
      const xc = cap[c]!;
      const q = recipes[c]!.comps.find((k) => k.item === i)!.qty;
      for (let d = 0; d < H; d++) into[d]! += q * xc[d]!;
    }
    return into;
  };
  const demand = new Float64Array(H);
  for (let k = m.topo.length - 1; k >= 0; k--) {
    const i = m.topo[k]!;
    const r = m.recipeOf[i]!;
    if (r < 0) continue;
    if (items[i]!.capacity || lastUseful[r]! < 0) {
      cap[r] = X[r]!;
      continue;
    }
    const cover = leastCover(m, r, takes(i, demand), extCum[i]!, lastUseful[r]!);
    const xr = X[r]!;
    if (!cover) cap[r] = xr;
    else {
      for (let d = 0; d < H; d++) if (cover[d]! > xr[d]!) cover[d] = xr[d]!;
      cap[r] = cover;
    }
  }
  const capAvail: Float64Array[] = items.map((_, i) => {
    const r = m.recipeOf[i]!;
    return r < 0 ? extCum[i]! : withOutput(extCum[i]!, cap[r]!, recipes[r]!.outQty, recipes[r]!.lead, H);
  });

  const free = new Uint8Array(n);
  const fixed = new Uint8Array(recipes.length);
  for (const i of m.topo) {
    const r = m.recipeOf[i]!;
    if (r >= 0) fixed[r] = recipes[r]!.comps.every((c) => free[c.item] === 1) || lastUseful[r]! < 0 ? 1 : 0;
    if (r >= 0 && fixed[r] === 0) continue;
    const t = takes(i, demand);
    const a = capAvail[i]!;
    let ok = true;
    for (let d = 0; d < H && ok; d++) if (t[d]! > a[d]!) ok = false;
    free[i] = ok ? 1 : 0;
  }

  let upperBound = 0;
  items.forEach((it, i) => {
    if (!it.capacity) return;
    let s = 0;
    for (const v of A[i]!) s += v;
    upperBound += s * it.gpuWeight;
  });

  return { lastUseful, X, A, cap, capAvail, extCum, free, fixed, upperBound };
}

/**
 * The least cumulative starts of recipe r whose output covers cumulative takes
 * `demand` beyond the item's outside supply, within weekly limits: each build is
 * placed on the latest day that still lands it in time, spilling into earlier
 * days when a week is full. Any cover must have started at least as many builds
 * by every day. Null when no cover exists (it would need a start before day 0).
 */
export function leastCover(m: NModel, r: number, demand: Float64Array, extCum: Float64Array, lastUseful: number): Float64Array | null {
  const { H, weekOf } = m;
  const rec = m.recipes[r]!;
  const starts = new Float64Array(H);
  // required[d]: builds that must have started by day d (landing by d + lead), non-decreasing.
  let need = 0;
  const required = new Float64Array(H);
  for (let t = 0; t < H; t++) {
    const short = demand[t]! - extCum[t]!;
    if (short > 0) need = Math.max(need, ceilDiv(short, rec.outQty));
    const d = t - rec.lead;
    if (d < 0) {
      if (need > 0) return null;
      continue;
    }
    required[d] = need;
  }
  // Starts landing on day H or later are never required.
  for (let d = Math.max(0, H - rec.lead); d < H; d++) required[d] = d > 0 ? required[d - 1]! : 0;
  // Latest placement, backwards, with weekly spill.
  let carry = 0;
  let week = -1;
  let used = 0;
  const last = Math.min(H - 1, Math.max(lastUseful, -1));
  for (let d = H - 1; d >= 0; d--) {
    const inc = required[d]! - (d > 0 ? required[d - 1]! : 0);
    let want = inc + carry;
    if (d > last && want > 0) {
      carry = want;
      continue;
    }
    if (weekOf[d] !== week) {
      week = weekOf[d]!;
      used = 0;
    }
    const room = rec.lim === null ? want : Math.min(want, rec.lim - used);
    starts[d] = room;
    used += room;
    want -= room;
    carry = want;
  }
  if (carry > 0) return null;
  return cumulative(starts);
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
