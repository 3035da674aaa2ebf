import { floorDiv } from './decimal';
import { stretchOf, type Core } from './core';
import type { NModel } from './normalize';

/**
 * A feasible schedule for the integer program, fast: walk the candidate days,
 * start as many builds of each core recipe as its stock allows (and, given a
 * target, never more than it), recipes taken in a priority order. It is the
 * starting incumbent for HiGHS and the answer when the work budget runs out
 * (then reported as heuristic with a gap bound). Greedy
 * alone is not optimal in general: it hands pooled parts to whichever recipe
 * comes first, and never holds parts back for a better use later.
 */
export function greedySchedule(m: NModel, core: Core, order: number[], target?: Float64Array[]): Float64Array {
  const x = new Float64Array(core.nVars);
  // With a target (cumulative starts per recipe per day, lp-rounding.ts) no recipe runs ahead of it.
  const started = new Float64Array(m.recipes.length);
  const stock = new Float64Array(core.resources.length);
  const arrivals = new Map<number, Array<[number, number]>>();
  const arrive = (day: number, res: number, qty: number) => {
    let list = arrivals.get(day);
    if (!list) arrivals.set(day, (list = []));
    list.push([res, qty]);
  };
  core.resources.forEach((res, ri) => res.days.forEach((d, b) => arrive(d, ri, res.inc[b]!)));

  const dayset = new Set<number>(arrivals.keys());
  for (const days of core.cand.values()) for (const d of days) dayset.add(d);
  const days = [...dayset].sort((a, b) => a - b);

  const next = new Map<number, number>(order.map((r) => [r, 0]));
  const weekUsed = new Map<number, { week: number; used: number }>();
  for (const t of days) {
    for (const [res, qty] of arrivals.get(t) ?? []) stock[res]! += qty;
    arrivals.delete(t);
    for (const r of order) {
      const cand = core.cand.get(r)!;
      const i = next.get(r)!;
      if (i >= cand.length || cand[i] !== t) continue;
      next.set(r, i + 1);
      const v = core.varStart.get(r)! + i;
      const rec = m.recipes[r]!;
      let n = core.varUb[v]!;
      if (rec.lim !== null) {
        const wk = weekUsed.get(r);
        const used = wk && wk.week === m.weekOf[t] ? wk.used : 0;
        n = Math.min(n, rec.lim - used);
      }
      for (const term of core.uses.get(r)!) n = Math.min(n, floorDiv(Math.max(0, stock[term.resource]!), term.coef));
      if (target) n = Math.min(n, target[r]![t]! - started[r]!);
      if (!(n > 0)) continue;
      x[v] = n;
      started[r]! += n;
      for (const term of core.uses.get(r)!) stock[term.resource]! -= n * term.coef;
      if (rec.lim !== null) {
        const wk = weekUsed.get(r);
        if (wk && wk.week === m.weekOf[t]) wk.used += n;
        else weekUsed.set(r, { week: m.weekOf[t]!, used: n });
      }
      const make = core.makes.get(r);
      if (make) {
        const land = t + rec.lead;
        const res = core.resources[make.resource]!;
        if (stretchOf(res, land) >= 0) {
          if (rec.lead === 0) stock[make.resource]! += n * -make.coef;
          else {
            arrive(land, make.resource, n * -make.coef);
            if (!dayset.has(land)) throw new Error('landing day is not an event day'); // T_j holds every landing
          }
        }
      }
    }
  }
  return x;
}

export function bomLevels(m: NModel): Int32Array {
  const level = new Int32Array(m.items.length);
  for (const i of m.topo) {
    const r = m.recipeOf[i]!;
    if (r < 0) continue;
    let l = 0;
    for (const c of m.recipes[r]!.comps) l = Math.max(l, level[c.item]! + 1);
    level[i] = l;
  }
  return level;
}

export function coreObjective(core: Core, x: Float64Array): number {
  let s = 0;
  for (let v = 0; v < core.nVars; v++) s += core.varObj[v]! * x[v]!;
  return s;
}

/**
 * A few priority orders worth trying. Every order keeps producers ahead of
 * consumers of the same day (BOM level first), so zero-lead-time output is
 * usable the day it is made.
 */
export function priorityOrders(m: NModel, core: Core): number[][] {
  const level = bomLevels(m);
  const toOnline = leadToOnline(m);
  const gpb = (r: number) => {
    const rec = m.recipes[r]!;
    return m.items[rec.out]!.gpuWeight * rec.outQty;
  };
  const sku = (r: number) => m.items[m.recipes[r]!.out]!.sku;
  const lvl = (r: number) => level[m.recipes[r]!.out]!;
  const byName = (a: number, b: number) => (sku(a) < sku(b) ? -1 : sku(a) > sku(b) ? 1 : 0);
  const base = [...core.recipes];
  return [
    base.slice().sort((a, b) => lvl(a) - lvl(b) || toOnline[a]! - toOnline[b]! || gpb(b) - gpb(a) || byName(a, b)),
    base.slice().sort((a, b) => lvl(a) - lvl(b) || gpb(b) - gpb(a) || toOnline[a]! - toOnline[b]! || byName(a, b)),
    base.slice().sort((a, b) => lvl(a) - lvl(b) || byName(a, b)),
    base.slice().sort((a, b) => lvl(a) - lvl(b) || byName(b, a)),
  ];
}

/** Shortest total lead time from starting recipe r to GPUs online. */
export function leadToOnline(m: NModel): Float64Array {
  const best = new Float64Array(m.recipes.length).fill(Infinity);
  const itemBest = new Float64Array(m.items.length).fill(Infinity);
  for (let k = m.topo.length - 1; k >= 0; k--) {
    const i = m.topo[k]!;
    if (m.items[i]!.capacity) itemBest[i] = 0;
    const r = m.recipeOf[i]!;
    if (r < 0) continue;
    best[r] = itemBest[i]! + m.recipes[r]!.lead;
    for (const c of m.recipes[r]!.comps) itemBest[c.item] = Math.min(itemBest[c.item]!, best[r]!);
  }
  return best;
}
