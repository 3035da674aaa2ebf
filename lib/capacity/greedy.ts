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
  const { days, dayIndex, arrivalStart, arrivalRes, arrivalQty } = eventsOf(core);
  // Landings of builds started on the walk, by event day, after the day's known arrivals.
  const landings = new Map<number, number[]>();

  // Per position in the order, looked up once: the walk below visits every (day, recipe) pair.
  const cands = order.map((r) => core.cand.get(r)!);
  const firstVar = order.map((r) => core.varStart.get(r)!);
  const uses = order.map((r) => core.uses.get(r)!);
  const makes = order.map((r) => core.makes.get(r) ?? null);
  const next = new Int32Array(order.length);
  // The week each recipe last started in, and how many it started then.
  const lastWeek = new Float64Array(order.length).fill(NaN);
  const weekStarts = new Float64Array(order.length);
  for (let e = 0; e < days.length; e++) {
    const t = days[e]!;
    for (let a = arrivalStart[e]!; a < arrivalStart[e + 1]!; a++) stock[arrivalRes[a]!]! += arrivalQty[a]!;
    const landed = landings.get(t);
    if (landed) for (let a = 0; a < landed.length; a += 2) stock[landed[a]!]! += landed[a + 1]!;
    for (let k = 0; k < order.length; k++) {
      const cand = cands[k]!;
      const i = next[k]!;
      if (i >= cand.length || cand[i] !== t) continue;
      next[k] = i + 1;
      const r = order[k]!;
      const v = firstVar[k]! + i;
      const rec = m.recipes[r]!;
      let n = core.varUb[v]!;
      const week = m.weekOf[t]!;
      if (rec.lim !== null) n = Math.min(n, rec.lim - (lastWeek[k] === week ? weekStarts[k]! : 0));
      for (const term of uses[k]!) n = Math.min(n, floorDiv(Math.max(0, stock[term.resource]!), term.coef));
      if (target) n = Math.min(n, target[r]![t]! - started[r]!);
      if (!(n > 0)) continue;
      x[v] = n;
      started[r]! += n;
      for (const term of uses[k]!) stock[term.resource]! -= n * term.coef;
      if (rec.lim !== null) {
        if (lastWeek[k] === week) weekStarts[k]! += n;
        else {
          lastWeek[k] = week;
          weekStarts[k] = n;
        }
      }
      const make = makes[k];
      if (make) {
        const land = t + rec.lead;
        const res = core.resources[make.resource]!;
        if (stretchOf(res, land) >= 0) {
          if (rec.lead === 0) stock[make.resource]! += n * -make.coef;
          else {
            if (!dayIndex.has(land)) throw new Error('landing day is not an event day'); // T_j holds every landing
            let list = landings.get(land);
            if (!list) landings.set(land, (list = []));
            list.push(make.resource, n * -make.coef);
          }
        }
      }
    }
  }
  return x;
}

interface CoreEvents {
  /** Every day something arrives or a core recipe may start, ascending. */
  days: number[];
  dayIndex: Map<number, number>;
  /** The stretches' known arrivals on days[e]: arrivalRes/arrivalQty[arrivalStart[e] … arrivalStart[e+1]), resource order. */
  arrivalStart: Int32Array;
  arrivalRes: Int32Array;
  arrivalQty: Float64Array;
}

// The greedy walks the same core in several orders (and lp-rounding.ts once more): its events are worked out once.
const coreEvents = new WeakMap<Core, CoreEvents>();

function eventsOf(core: Core): CoreEvents {
  const hit = coreEvents.get(core);
  if (hit) return hit;
  const dayset = new Set<number>();
  let count = 0;
  for (const res of core.resources) {
    for (const d of res.days) dayset.add(d);
    count += res.days.length;
  }
  for (const cand of core.cand.values()) for (const d of cand) dayset.add(d);
  const days = [...dayset].sort((a, b) => a - b);
  const dayIndex = new Map(days.map((d, e) => [d, e]));
  const arrivalStart = new Int32Array(days.length + 1);
  for (const res of core.resources) for (const d of res.days) arrivalStart[dayIndex.get(d)! + 1]!++;
  for (let e = 0; e < days.length; e++) arrivalStart[e + 1]! += arrivalStart[e]!;
  const fill = arrivalStart.slice(0, days.length);
  const arrivalRes = new Int32Array(count);
  const arrivalQty = new Float64Array(count);
  core.resources.forEach((res, ri) =>
    res.days.forEach((d, b) => {
      const a = fill[dayIndex.get(d)!]!++;
      arrivalRes[a] = ri;
      arrivalQty[a] = res.inc[b]!;
    }),
  );
  const events = { days, dayIndex, arrivalStart, arrivalRes, arrivalQty };
  coreEvents.set(core, events);
  return events;
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
