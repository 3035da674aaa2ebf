import { floorDiv } from './decimal';
import { stretchOf, type Core, type Term } from './core';
import { bomLevels } from './greedy';
import type { NModel } from './normalize';
import type { Relaxation } from './relaxation';

/**
 * A smarter greedy for pooled parts: on each day, builds that compete for the
 * same parts are handed out one at a time to the recipe whose build would put
 * GPUs online soonest, estimated by following its output down the BOM through
 * each next recipe's queue, cap (when its own parts arrive) and weekly pace.
 * Still a heuristic — its schedule is checked against the bounds like any other.
 * With a target (cumulative starts per recipe per day, lp-rounding.ts lpTargets) no recipe runs ahead of it.
 */
export function lookaheadSchedule(m: NModel, core: Core, rel: Relaxation, order: number[], target?: Float64Array[]): Float64Array {
  const x = new Float64Array(core.nVars);
  const stock = new Float64Array(core.resources.length);
  const inflight = new Float64Array(core.resources.length);
  const arrivals = new Map<number, Array<[number, number, boolean]>>();
  const arrive = (day: number, res: number, qty: number, made: boolean) => {
    let list = arrivals.get(day);
    if (!list) arrivals.set(day, (list = []));
    list.push([res, qty, made]);
  };
  core.resources.forEach((res, ri) => res.days.forEach((d, b) => arrive(d, ri, res.inc[b]!, false)));
  const dayset = new Set<number>(arrivals.keys());
  for (const days of core.cand.values()) for (const d of days) dayset.add(d);
  const days = [...dayset].sort((a, b) => a - b);

  // By recipe and by resource in arrays, not maps: the walk below asks them for every build it hands out.
  const users: Array<{ r: number; coef: number }>[] = core.resources.map(() => []);
  for (const [r, terms] of core.uses) for (const t of terms) users[t.resource]!.push({ r, coef: t.coef });
  const uses: Term[][] = m.recipes.map((_, r) => core.uses.get(r) ?? []);
  const makes: (Term | null)[] = m.recipes.map((_, r) => core.makes.get(r) ?? null);
  const started = new Float64Array(m.recipes.length);
  // The week each recipe last started in (−1: none yet) and how many it started then.
  const lastWeek = new Int32Array(m.recipes.length).fill(-1);
  const weekStarts = new Float64Array(m.recipes.length);
  const usedThisWeek = (r: number, t: number) => (lastWeek[r] === m.weekOf[t] ? weekStarts[r]! : 0);

  // First day ≥ from on which recipe u's cap allows `count` cumulative starts.
  const capDay = (u: number, from: number, count: number): number => {
    const cap = rel.cap[u]!;
    const last = rel.lastUseful[u]!;
    if (from > last || cap[last]! < count) return Infinity;
    let lo = Math.max(0, from);
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cap[mid]! >= count) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  let tNow = 0;
  const nextMonday = (d: number) => {
    let e = d + 1;
    while (e < m.H && m.weekOf[e] === m.weekOf[d]) e++;
    return e;
  };
  const online = (r: number, land: number, depth: number): number => {
    if (land >= m.H) return Infinity;
    const make = makes[r];
    if (!make || depth > 10) return land;
    let best = Infinity;
    for (const u of users[make.resource]!) {
      const k = floorDiv(Math.max(0, stock[make.resource]! + inflight[make.resource]!), u.coef) + 1;
      const rec = m.recipes[u.r]!;
      let from = land;
      if (rec.lim !== null) {
        // Skip the weeks whose remaining starts the units queued ahead will use up.
        let pos = k;
        let roomW = rec.lim - (m.weekOf[Math.min(land, m.H - 1)] === m.weekOf[tNow] ? usedThisWeek(u.r, tNow) : 0);
        while (pos > roomW && from < m.H) {
          pos -= Math.max(0, roomW);
          from = nextMonday(from);
          roomW = rec.lim;
        }
        if (rec.lim === 0) from = Infinity;
      }
      const day = Math.max(from, capDay(u.r, from, started[u.r]! + k));
      if (day === Infinity) continue;
      best = Math.min(best, online(u.r, day + rec.lead, depth + 1));
    }
    return best;
  };

  const level = bomLevels(m);
  const byLevel = new Map<number, number[]>();
  for (const r of order) {
    const l = level[m.recipes[r]!.out]!;
    let list = byLevel.get(l);
    if (!list) byLevel.set(l, (list = []));
    list.push(r);
  }
  const levels = [...byLevel.keys()].sort((a, b) => a - b);
  const next = new Int32Array(m.recipes.length);

  const room = (r: number, v: number, t: number): number => {
    const rec = m.recipes[r]!;
    let n = core.varUb[v]! - x[v]!;
    if (target) n = Math.min(n, target[r]![t]! - started[r]!);
    if (rec.lim !== null) n = Math.min(n, rec.lim - usedThisWeek(r, t));
    for (const term of uses[r]!) n = Math.min(n, floorDiv(Math.max(0, stock[term.resource]!), term.coef));
    return n;
  };
  const start = (r: number, v: number, t: number, n: number) => {
    const rec = m.recipes[r]!;
    x[v]! += n;
    started[r]! += n;
    for (const term of uses[r]!) stock[term.resource]! -= n * term.coef;
    if (rec.lim !== null) {
      if (lastWeek[r] === m.weekOf[t]) weekStarts[r]! += n;
      else {
        lastWeek[r] = m.weekOf[t]!;
        weekStarts[r] = n;
      }
    }
    const make = makes[r];
    if (make && stretchOf(core.resources[make.resource]!, t + rec.lead) >= 0) {
      const qty = n * -make.coef;
      if (rec.lead === 0) stock[make.resource]! += qty;
      else {
        arrive(t + rec.lead, make.resource, qty, true);
        inflight[make.resource]! += qty;
      }
    }
  };

  for (const t of days) {
    tNow = t;
    for (const [res, qty, made] of arrivals.get(t) ?? []) {
      stock[res]! += qty;
      if (made) inflight[res]! -= qty;
    }
    arrivals.delete(t);
    for (const l of levels) {
      const group: Array<{ r: number; v: number }> = [];
      for (const r of byLevel.get(l)!) {
        const cand = core.cand.get(r)!;
        const i = next[r]!;
        if (i >= cand.length || cand[i] !== t) continue;
        next[r] = i + 1;
        group.push({ r, v: core.varStart.get(r)! + i });
      }
      // Uncontested recipes take everything at once; contested ones one build at a time.
      for (;;) {
        let pick = -1;
        let pickOnline = Infinity;
        for (let g = 0; g < group.length; g++) {
          const { r, v } = group[g]!;
          if (room(r, v, t) <= 0) continue;
          const when = online(r, t + m.recipes[r]!.lead, 0);
          if (pick < 0 || when < pickOnline) {
            pick = g;
            pickOnline = when;
          }
        }
        if (pick < 0) break;
        const { r, v } = group[pick]!;
        const n = group.length === 1 ? room(r, v, t) : 1;
        start(r, v, t, n);
      }
    }
  }
  return x;
}
