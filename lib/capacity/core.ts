import { floorDiv } from './decimal';
import type { NModel } from './normalize';
import type { Relaxation } from './relaxation';

/**
 * The integer program left after the exact reductions of relaxation.ts: only
 * recipes that consume contended items ("core" recipes), only on candidate
 * days, only with rows for contended items and for each core recipe's cap
 * (relaxation.ts), which stands in for all its free components.
 *
 * Candidate days. A start on a day when nothing new became available to the
 * recipe can move back to the previous candidate day without breaking anything:
 * with T_j the days item j's availability can rise, u the end of the stretch
 * without a rise around day t, a start moved from d to k ≤ t ≤ u < d would need
 * a rise in (k, d] — there is none — so consumption by t stays ≤ consumption by
 * u ≤ supply at u = supply at t. Keeping Mondays keeps a moved start inside its
 * ISO week; earlier outputs only help. So the candidate days of r are: the
 * first day it can start, the days its cap rises, Mondays (when r has a weekly
 * limit) and the rise days of whatever it takes (shifted by when it takes it),
 * where item j rises on its known supply's rise days and on (candidate days of
 * j's core recipe + its lead time).
 *
 * Rows. A contended item's stock only needs checking on the day before each
 * rise (consumption never falls), so every row is a stock balance over one
 * stretch between rises: s_b = s_{b−1} + known supply + output landing − use,
 * s_b ≥ 0 — sparse, each variable in one row per resource.
 *
 * Folding (merge = true, for the exact solve). An intermediate made by a core
 * recipe p without a weekly limit, with no stock of its own and exactly one
 * user c, whose takes are k whole builds of p per build of c: some optimal
 * schedule builds it just in time (relaxation.ts), i.e. exactly k builds of p
 * started L_p days before each build of c. So p's variables go, and c takes p's
 * parts (and p's cap) k-fold, L_p days before its own start. Fewer variables,
 * and no fractional "half a PDU kit" in the LP relaxation.
 */
export interface Term {
  resource: number;
  coef: number;
  /** Taken this many days before the start (folded recipes). */
  offset: number;
}

export interface Resource {
  label: string;
  /** 2 × item for a recipe's cap (item = its output), 2 × item + 1 for an item's stock: the same in every scenario of a model. */
  key: number;
  /** Sorted days where the resource's stretches begin (always starting with 0). */
  days: Int32Array;
  /** Known supply arriving at the start of each stretch. */
  inc: Float64Array;
  /** Last day anything can still take from it; output landing later is of no use. */
  last: number;
  /** Its rows count in units of this many scaled units of the item (tightenByDivisor). */
  unit: number;
}

/** Builds of a folded recipe that go with each build of a core recipe. */
export interface Expansion {
  recipe: number;
  k: number;
  offset: number;
}

export interface Core {
  recipes: number[];
  cand: Map<number, Int32Array>;
  /** First variable index of each core recipe (its candidates are consecutive). */
  varStart: Map<number, number>;
  nVars: number;
  varRecipe: Int32Array;
  varDay: Int32Array;
  varUb: Float64Array;
  varObj: Float64Array;
  resources: Resource[];
  /** Per core recipe: what each start takes (coef > 0). */
  uses: Map<number, Term[]>;
  /** Per core recipe: what it puts back on landing (coef < 0), if anybody in the core takes it. */
  makes: Map<number, Term | null>;
  weekly: { vars: number[]; lim: number }[];
  /** Folded recipes built along with each core recipe. */
  expand: Map<number, Expansion[]>;
}

/** Which recipes fold into their single user (see Folding above), and how many builds per build of it. */
export function foldTargets(m: NModel, rel: Relaxation): Map<number, { into: number; k: number }> {
  const { H, recipes, items } = m;
  const inCore = new Uint8Array(recipes.length);
  for (const r of m.recipeOrder) if (rel.fixed[r] === 0) inCore[r] = 1;
  const foldInto = new Map<number, { into: number; k: number }>();
  for (const p of m.recipeOrder) {
    if (inCore[p] === 0) continue;
    const rec = recipes[p]!;
    const j = rec.out;
    if (items[j]!.capacity || rec.lim !== null || rel.extCum[j]![H - 1]! > 0) continue;
    const users = m.consumers[j]!.filter((c) => inCore[c] === 1);
    if (users.length !== 1) continue;
    const c = users[0]!;
    const q = recipes[c]!.comps.find((x) => x.item === j)!.qty;
    if (q % rec.outQty !== 0) continue;
    foldInto.set(p, { into: c, k: q / rec.outQty });
  }
  return foldInto;
}

export function buildCore(m: NModel, rel: Relaxation, merge = false): Core {
  const { H, recipes, items } = m;
  const variable = m.recipeOrder.filter((r) => rel.fixed[r] === 0);
  const inCore = new Uint8Array(recipes.length);
  for (const r of variable) inCore[r] = 1;

  // Contended items that core recipes consume.
  const contended = new Uint8Array(items.length);
  for (const r of variable) for (const c of recipes[r]!.comps) if (rel.free[c.item] === 0) contended[c.item] = 1;

  const foldInto = merge ? foldTargets(m, rel) : new Map<number, { into: number; k: number }>();
  const coreRecipes = variable.filter((r) => !foldInto.has(r));

  // Known supply of each contended item: external + output of a fixed recipe.
  const known = (i: number): Float64Array => {
    const r = m.recipeOf[i]!;
    return r >= 0 && inCore[r] === 0 ? rel.capAvail[i]! : rel.extCum[i]!;
  };

  // Resources: a cap per variable recipe, a stock per contended item nobody folds away.
  const resources: Resource[] = [];
  const riseMarks: Uint8Array[] = [];
  const capRes = new Map<number, number>();
  const itemRes = new Map<number, number>();
  const rises = (cum: Float64Array, mark: Uint8Array, last: number) => {
    for (let d = 0; d <= last && d < H; d++) if (cum[d]! > (d > 0 ? cum[d - 1]! : 0)) mark[d] = 1;
  };
  const addResource = (label: string, key: number, mark: Uint8Array, cum: Float64Array) => {
    mark[0] = 1;
    resources.push({ label, key, days: new Int32Array(0), inc: new Float64Array(0), last: -1, unit: 1 });
    riseMarks.push(mark);
    const id = resources.length - 1;
    pendingCum.set(id, cum);
    return id;
  };
  const pendingCum = new Map<number, Float64Array>();
  for (const r of variable) {
    const mark = new Uint8Array(H);
    rises(rel.cap[r]!, mark, rel.lastUseful[r]!);
    capRes.set(r, addResource(`cap:${items[recipes[r]!.out]!.sku}`, 2 * recipes[r]!.out, mark, rel.cap[r]!));
  }

  // Terms and expansions, components first so a folded recipe's terms are final when folded.
  const uses = new Map<number, Term[]>();
  const expand = new Map<number, Expansion[]>();
  const ownTerms = new Map<number, Term[]>();
  const ownExpand = new Map<number, Expansion[]>();
  for (const r of variable) {
    const rec = recipes[r]!;
    const terms: Term[] = [{ resource: capRes.get(r)!, coef: 1, offset: 0 }];
    const ex: Expansion[] = [];
    for (const c of rec.comps) {
      if (contended[c.item] === 0) continue;
      const p = m.recipeOf[c.item]!;
      const fold = p >= 0 ? foldInto.get(p) : undefined;
      if (fold) {
        const lead = recipes[p]!.lead;
        for (const t of ownTerms.get(p)!) terms.push({ resource: t.resource, coef: t.coef * fold.k, offset: t.offset + lead });
        ex.push({ recipe: p, k: fold.k, offset: lead });
        for (const e of ownExpand.get(p)!) ex.push({ recipe: e.recipe, k: e.k * fold.k, offset: e.offset + lead });
        continue;
      }
      let res = itemRes.get(c.item);
      if (res === undefined) {
        const mark = new Uint8Array(H);
        rises(known(c.item), mark, H - 1);
        res = addResource(`item:${items[c.item]!.sku}`, 2 * c.item + 1, mark, known(c.item));
        itemRes.set(c.item, res);
      }
      terms.push({ resource: res, coef: c.qty, offset: 0 });
    }
    ownTerms.set(r, terms);
    ownExpand.set(r, ex);
  }
  for (const r of coreRecipes) {
    uses.set(r, ownTerms.get(r)!);
    expand.set(r, ownExpand.get(r)!);
  }
  const makes = new Map<number, Term | null>();
  for (const r of coreRecipes) {
    const res = itemRes.get(recipes[r]!.out);
    makes.set(r, res === undefined ? null : { resource: res, coef: -recipes[r]!.outQty, offset: 0 });
  }

  // Candidate days, producers first: an item made in the core rises when its maker's builds land.
  const cand = new Map<number, Int32Array>();
  const lastTake = new Float64Array(resources.length).fill(-1);
  for (const r of coreRecipes) {
    const rec = recipes[r]!;
    const last = rel.lastUseful[r]!;
    const terms = uses.get(r)!;
    const first = Math.max(0, ...terms.map((t) => t.offset));
    const mark = new Uint8Array(H);
    if (first <= last) mark[first] = 1;
    if (rec.lim !== null) for (let d = Math.max(1, first); d <= last; d++) if (m.weekOf[d] !== m.weekOf[d - 1]) mark[d] = 1;
    for (const t of terms) {
      const rm = riseMarks[t.resource]!;
      for (let d = first; d <= last; d++) if (rm[d - t.offset]) mark[d] = 1;
      lastTake[t.resource] = Math.max(lastTake[t.resource]!, last - t.offset);
    }
    const days: number[] = [];
    for (let d = first; d <= last; d++) if (mark[d]) days.push(d);
    cand.set(r, Int32Array.from(days));
    const make = makes.get(r);
    if (make) {
      const rm = riseMarks[make.resource]!;
      for (const d of days) if (d + rec.lead < H) rm[d + rec.lead] = 1;
    }
  }

  // Stretches of each resource, with the known supply arriving in each.
  resources.forEach((res, id) => {
    const last = lastTake[id]!;
    const mark = riseMarks[id]!;
    const cum = pendingCum.get(id)!;
    const days: number[] = [];
    const inc: number[] = [];
    for (let d = 0; d <= last; d++) {
      if (!mark[d]) continue;
      days.push(d);
      inc.push(0);
    }
    let b = 0;
    for (let d = 0; d <= last; d++) {
      while (b + 1 < days.length && days[b + 1]! <= d) b++;
      const rise = cum[d]! - (d > 0 ? cum[d - 1]! : 0);
      if (rise !== 0) inc[b]! += rise;
    }
    res.days = Int32Array.from(days);
    res.inc = Float64Array.from(inc);
    res.last = last;
  });

  // Variables.
  const varStart = new Map<number, number>();
  let nVars = 0;
  for (const r of coreRecipes) {
    varStart.set(r, nVars);
    nVars += cand.get(r)!.length;
  }
  const varRecipe = new Int32Array(nVars);
  const varDay = new Int32Array(nVars);
  const varUb = new Float64Array(nVars);
  const varObj = new Float64Array(nVars);
  for (const r of coreRecipes) {
    const rec = recipes[r]!;
    const out = items[rec.out]!;
    let v = varStart.get(r)!;
    for (const d of cand.get(r)!) {
      varRecipe[v] = r;
      varDay[v] = d;
      varUb[v] = Math.min(rec.lim ?? Infinity, rel.cap[r]![d]!);
      varObj[v] = out.capacity ? out.gpuWeight * rec.outQty * (H - d - rec.lead) : 0;
      v++;
    }
  }

  tightenByDivisor(resources, uses, makes);

  const weekly: { vars: number[]; lim: number }[] = [];
  for (const r of coreRecipes) {
    const lim = recipes[r]!.lim;
    if (lim === null) continue;
    const days = cand.get(r)!;
    const s = varStart.get(r)!;
    let i = 0;
    while (i < days.length) {
      let j = i;
      while (j + 1 < days.length && m.weekOf[days[j + 1]!] === m.weekOf[days[i]!]) j++;
      if (j > i) weekly.push({ vars: Array.from({ length: j - i + 1 }, (_, k) => s + i + k), lim });
      i = j + 1;
    }
  }

  return { recipes: coreRecipes, cand, varStart, nVars, varRecipe, varDay, varUb, varObj, resources, uses, makes, weekly, expand };
}

/**
 * Chvátal–Gomory rounding, exact for whole builds: when every build that takes
 * or makes a resource does so in multiples of g (4 DGX per server rack), the
 * row Σ q·X ≤ supply equals Σ (q/g)·X ≤ ⌊supply/g⌋. The integer schedules are
 * the same; the LP relaxation loses its fractional racks, so HiGHS proves the
 * optimum with far less search.
 */
function tightenByDivisor(resources: Resource[], uses: Map<number, Term[]>, makes: Map<number, Term | null>) {
  const g = new Float64Array(resources.length);
  for (const terms of uses.values()) for (const t of terms) g[t.resource] = gcd(g[t.resource]!, t.coef);
  for (const t of makes.values()) if (t) g[t.resource] = gcd(g[t.resource]!, -t.coef);
  resources.forEach((res, i) => {
    const k = g[i]!;
    if (k <= 1) return;
    res.unit = k;
    let cum = 0;
    let prev = 0;
    for (let b = 0; b < res.inc.length; b++) {
      cum += res.inc[b]!;
      const floored = floorDiv(cum, k);
      res.inc[b] = floored - prev;
      prev = floored;
    }
  });
  for (const terms of uses.values()) for (const t of terms) if (g[t.resource]! > 1) t.coef /= g[t.resource]!;
  for (const t of makes.values()) if (t && g[t.resource]! > 1) t.coef /= g[t.resource]!;
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Index of the stretch of `res` holding `day` (the last start ≤ day), or −1 outside its relevant days. */
export function stretchOf(res: Resource, day: number): number {
  const days = res.days;
  let lo = 0;
  let hi = days.length - 1;
  if (hi < 0 || day < days[0]! || day > res.last) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (days[mid]! <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Adds a core schedule (and the folded recipes built with it) to per-recipe daily starts. */
export function placeCore(core: Core, x: Float64Array, starts: Float64Array[]): void {
  for (let v = 0; v < core.nVars; v++) {
    const n = x[v]!;
    if (!n) continue;
    const r = core.varRecipe[v]!;
    const d = core.varDay[v]!;
    starts[r]![d]! += n;
    for (const e of core.expand.get(r)!) starts[e.recipe]![d - e.offset]! += n * e.k;
  }
}

/**
 * Closing stock of every resource's stretches under core schedule x (known
 * supply in, takes out, landings of core-made items in), cumulative: the stock
 * columns of the LP (milp.ts). A schedule is feasible for the stocks when none
 * is negative.
 */
export function coreStocks(m: NModel, core: Core, x: Float64Array): Float64Array[] {
  const flow = core.resources.map((res) => Float64Array.from(res.inc));
  for (let v = 0; v < core.nVars; v++) {
    if (x[v] === 0) continue;
    const r = core.varRecipe[v]!;
    const day = core.varDay[v]!;
    for (const term of core.uses.get(r)!) {
      const b = stretchOf(core.resources[term.resource]!, day - term.offset);
      if (b >= 0) flow[term.resource]![b]! -= term.coef * x[v]!;
    }
    const make = core.makes.get(r);
    if (make) {
      const b = stretchOf(core.resources[make.resource]!, day + m.recipes[r]!.lead);
      if (b >= 0) flow[make.resource]![b]! -= make.coef * x[v]!;
    }
  }
  for (const f of flow) for (let b = 1; b < f.length; b++) f[b]! += f[b - 1]!;
  return flow;
}
