import type { NModel } from './normalize';
import type { Relaxation } from './relaxation';

/**
 * The integer program left after the exact reductions of relaxation.ts: only
 * recipes that consume contended items ("variable" recipes), only on candidate
 * days, only with rows for contended items and for each variable recipe's cap
 * XR (which stands in for all its free components).
 *
 * Candidate days. A start on a day when nothing new became available to the
 * recipe can move back to the previous candidate day without breaking anything:
 * with T_j the days item j's availability can rise, u the end of the stretch
 * without a rise around day t, a start moved from d to k ≤ t ≤ u < d would need
 * a rise in (k, d] — there is none — so consumption by t stays ≤ consumption by
 * u ≤ supply at u = supply at t. Keeping Mondays keeps a moved start inside its
 * ISO week; earlier outputs only help. So the candidate days of r are: day 0, the
 * days its cap XR_r rises, Mondays (when r has a weekly limit) and T_j of each
 * contended component j, where T_j = the days j's known supply rises ∪ (the
 * candidate days of j's variable recipe + its lead time).
 *
 * Rows. A contended item's stock only needs checking on the day before each
 * rise (consumption never falls), so every row is a stock balance over one
 * stretch between rises: s_b = s_{b−1} + known supply + output landing − use,
 * s_b ≥ 0 — sparse, each variable in one row per resource.
 */
export interface Term {
  resource: number;
  coef: number;
}

export interface Resource {
  label: string;
  /** Sorted days where the resource's stretches begin (always starting with 0). */
  days: Int32Array;
  /** Known supply arriving at the start of each stretch. */
  inc: Float64Array;
  /** Last day anything can still take from it; output landing later is of no use. */
  last: number;
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
  /** Per core recipe: what each start takes (coef > 0) and what it puts back on landing (coef < 0). */
  uses: Map<number, Term[]>;
  makes: Map<number, Term | null>;
  weekly: { vars: number[]; lim: number }[];
}

export function buildCore(m: NModel, rel: Relaxation): Core {
  const { H, recipes, items } = m;
  const coreRecipes = m.recipeOrder.filter((r) => rel.fixed[r] === 0);
  const inCore = new Uint8Array(recipes.length);
  for (const r of coreRecipes) inCore[r] = 1;

  // Contended items that core recipes consume.
  const contended = new Uint8Array(items.length);
  for (const r of coreRecipes) for (const c of recipes[r]!.comps) if (rel.free[c.item] === 0) contended[c.item] = 1;

  // Known supply of each contended item: external + output of a fixed recipe.
  const known = new Map<number, Float64Array>();
  for (let i = 0; i < items.length; i++) {
    if (contended[i] === 0) continue;
    const r = m.recipeOf[i]!;
    known.set(i, r >= 0 && inCore[r] === 0 ? rel.A[i]! : rel.extCum[i]!);
  }

  const cand = new Map<number, Int32Array>();
  const riseDays = new Map<number, Uint8Array>(); // T_j for contended items
  const rises = (cum: Float64Array, mark: Uint8Array, last: number) => {
    for (let d = 0; d <= last && d < H; d++) if (cum[d]! > (d > 0 ? cum[d - 1]! : 0)) mark[d] = 1;
  };
  const itemRise = (i: number): Uint8Array => {
    let t = riseDays.get(i);
    if (t) return t;
    t = new Uint8Array(H);
    t[0] = 1;
    rises(known.get(i)!, t, H - 1);
    const p = m.recipeOf[i]!;
    if (p >= 0 && inCore[p] === 1) {
      const lead = recipes[p]!.lead;
      for (const k of cand.get(p)!) if (k + lead < H) t[k + lead] = 1;
    }
    riseDays.set(i, t);
    return t;
  };

  for (const r of coreRecipes) {
    const rec = recipes[r]!;
    const last = rel.lastUseful[r]!;
    const mark = new Uint8Array(H);
    mark[0] = 1;
    rises(rel.X[r]!, mark, last);
    if (rec.lim !== null) for (let d = 1; d <= last; d++) if (m.weekOf[d] !== m.weekOf[d - 1]) mark[d] = 1;
    for (const c of rec.comps) {
      if (contended[c.item] === 0) continue;
      const t = itemRise(c.item);
      for (let d = 0; d <= last; d++) if (t[d]) mark[d] = 1;
    }
    const days: number[] = [];
    for (let d = 0; d <= last; d++) if (mark[d]) days.push(d);
    cand.set(r, Int32Array.from(days));
  }
  // Producers are processed before consumers, so T_j built lazily above saw every candidate of j's recipe.

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
      varUb[v] = Math.min(rec.lim ?? Infinity, rel.X[r]![d]!);
      varObj[v] = out.capacity ? out.gpuWeight * rec.outQty * (H - d - rec.lead) : 0;
      v++;
    }
  }

  // Resources: one cap per core recipe, one stock per contended item.
  const resources: Resource[] = [];
  const uses = new Map<number, Term[]>();
  const makes = new Map<number, Term | null>();
  const itemResource = new Map<number, number>();
  const stretches = (label: string, mark: Uint8Array, cum: Float64Array, last: number) => {
    const days: number[] = [];
    const inc: number[] = [];
    for (let d = 0; d <= last; d++) {
      if (!mark[d]) continue;
      days.push(d);
      inc.push(0);
    }
    // Known supply rising on a non-boundary day cannot happen (boundaries include every rise); sum per stretch anyway.
    let b = 0;
    for (let d = 0; d <= last; d++) {
      while (b + 1 < days.length && days[b + 1]! <= d) b++;
      const rise = cum[d]! - (d > 0 ? cum[d - 1]! : 0);
      if (rise !== 0) inc[b]! += rise;
    }
    resources.push({ label, days: Int32Array.from(days), inc: Float64Array.from(inc), last });
    return resources.length - 1;
  };
  for (const r of coreRecipes) {
    const last = rel.lastUseful[r]!;
    const mark = new Uint8Array(H);
    mark[0] = 1;
    rises(rel.X[r]!, mark, last);
    const capRes = stretches(`cap:${items[recipes[r]!.out]!.sku}`, mark, rel.X[r]!, last);
    uses.set(r, [{ resource: capRes, coef: 1 }]);
    makes.set(r, null);
  }
  for (const r of coreRecipes) {
    for (const c of recipes[r]!.comps) {
      if (contended[c.item] === 0) continue;
      let res = itemResource.get(c.item);
      if (res === undefined) {
        let last = -1;
        for (const k of m.consumers[c.item]!) if (inCore[k]) last = Math.max(last, rel.lastUseful[k]!);
        res = stretches(`item:${items[c.item]!.sku}`, itemRise(c.item), known.get(c.item)!, last);
        itemResource.set(c.item, res);
        const p = m.recipeOf[c.item]!;
        if (p >= 0 && inCore[p] === 1) makes.set(p, { resource: res, coef: -recipes[p]!.outQty });
      }
      uses.get(r)!.push({ resource: res, coef: c.qty });
    }
  }

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

  return { recipes: coreRecipes, cand, varStart, nVars, varRecipe, varDay, varUb, varObj, resources, uses, makes, weekly };
}

/** Index of the stretch of `res` holding `day` (the last start ≤ day), or −1 past its last relevant day. */
export function stretchOf(res: Resource, day: number): number {
  const days = res.days;
  let lo = 0;
  let hi = days.length - 1;
  if (day < days[0]! || day > res.last) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (days[mid]! <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
