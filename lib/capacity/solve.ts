import { buildCore, type Core } from './core';
import { coreObjective, greedySchedule, priorityOrders } from './greedy';
import { coreFeasible, coreSize, solveCoreMilp } from './milp';
import type { NModel } from './normalize';
import { relax, type Relaxation } from './relaxation';

/**
 * Finds a schedule maximising GPU-days and proves how good it is.
 *
 * Why the answer is the true optimum:
 *  1. Every recipe whose components are all free ("fixed") runs its relaxed
 *     ASAP schedule XR. Exchange argument: take any optimal schedule S and
 *     replace each fixed recipe's starts by XR. Free items stay feasible, since
 *     their consumers take at most the relaxed demand, which fits their supply;
 *     a contended item has only non-fixed consumers (untouched) and at least
 *     the supply it had (a fixed producer now makes its pointwise maximum);
 *     weekly limits hold because XR respects them. Capacity outputs only grow,
 *     so the new schedule is optimal too.
 *  2. What is left (core.ts) is solved exactly by HiGHS on candidate days, which
 *     lose nothing (argument in core.ts), with each core recipe capped by XR
 *     (a bound every schedule satisfies, and which keeps free items feasible).
 *  3. Fast path: if the greedy incumbent already reaches the relaxation's upper
 *     bound, it is optimal and the integer program is skipped. With no core at
 *     all, XR itself is feasible and meets the bound.
 * If the time budget stops HiGHS first, the best schedule found is returned as
 * heuristic with gapBound = (best proven upper bound) − (its GPU-days).
 */
export interface Solution {
  /** Builds started per recipe per day (before trimming builds nothing needs). */
  starts: Float64Array[];
  status: 'optimal' | 'heuristic';
  method: string;
  /** Upper bound on scaled GPU-days. */
  upperBound: number;
  rel: Relaxation;
  core: Core;
  milpMillis: number;
}

export interface SolveOptions {
  timeLimitMs: number;
}

export async function solveSchedule(m: NModel, opts: SolveOptions): Promise<Solution> {
  const rel = relax(m);
  const core = buildCore(m, rel);
  const starts = m.recipes.map((_, r) => (rel.fixed[r] ? dailyFrom(rel.X[r]!) : new Float64Array(m.H)));

  // Everything that does not depend on the core: capacity supply plus fixed capacity recipes.
  const fixedValue = fixedObjective(m, rel);
  const bound = rel.upperBound;
  if (core.nVars === 0) {
    return { starts, status: 'optimal', method: 'relaxation (no contended parts)', upperBound: bound, rel, core, milpMillis: 0 };
  }

  let best: Float64Array | null = null;
  let bestValue = -Infinity;
  for (const order of priorityOrders(m, core)) {
    const x = greedySchedule(m, core, order);
    const v = coreObjective(core, x);
    if (v > bestValue) {
      best = x;
      bestValue = v;
    }
  }
  const place = (x: Float64Array) => {
    for (let v = 0; v < core.nVars; v++) if (x[v]) starts[core.varRecipe[v]!]![core.varDay[v]!]! += x[v]!;
  };
  if (fixedValue + bestValue >= bound) {
    place(best!);
    return { starts, status: 'optimal', method: 'greedy meets the relaxation bound', upperBound: bound, rel, core, milpMillis: 0 };
  }

  const res = await solveCoreMilp(m, core, best!, opts.timeLimitMs);
  const size = coreSize(core);
  const label = `HiGHS MILP on ${size.variables} variables × ${size.rows} rows`;
  if (res.x) {
    const x = roundAndRepair(core, res.x);
    const v = coreObjective(core, x);
    if (v >= bestValue && coreFeasible(m, core, x)) {
      best = x;
      bestValue = v;
    }
  }
  place(best!);
  const upper = Math.min(bound, fixedValue + Math.floor(res.dualBound + 1e-6 * Math.max(1, Math.abs(res.dualBound))));
  const total = fixedValue + bestValue;
  if (res.status === 'optimal' && res.x && bestValue >= Math.round(res.objective) - 0.5) {
    return { starts, status: 'optimal', method: label, upperBound: total, rel, core, milpMillis: res.millis };
  }
  if (total >= upper) return { starts, status: 'optimal', method: `${label} (bound met)`, upperBound: total, rel, core, milpMillis: res.millis };
  return { starts, status: 'heuristic', method: `${label}, stopped at the time limit`, upperBound: Math.max(upper, total), rel, core, milpMillis: res.millis };
}

function dailyFrom(cum: Float64Array): Float64Array {
  const d = new Float64Array(cum.length);
  for (let i = 0; i < cum.length; i++) d[i] = cum[i]! - (i > 0 ? cum[i - 1]! : 0);
  return d;
}

/** Scaled GPU-days from capacity supply and from fixed capacity recipes. */
function fixedObjective(m: NModel, rel: Relaxation): number {
  let s = 0;
  m.items.forEach((it, i) => {
    if (!it.capacity) return;
    const r = m.recipeOf[i]!;
    const cum = r >= 0 && rel.fixed[r] === 0 ? rel.extCum[i]! : rel.A[i]!;
    let t = 0;
    for (const v of cum) t += v;
    s += t * it.gpuWeight;
  });
  return s;
}

/** HiGHS works to a tolerance; its integers come back as 2.9999999. Round, then clamp to bounds. */
function roundAndRepair(core: Core, x: Float64Array): Float64Array {
  const out = new Float64Array(core.nVars);
  for (let v = 0; v < core.nVars; v++) out[v] = Math.min(core.varUb[v]!, Math.max(0, Math.round(x[v]!)));
  return out;
}
