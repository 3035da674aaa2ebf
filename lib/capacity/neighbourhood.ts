import type { Core } from './core';
import { solveCore, type MilpLimits, type MilpResult } from './milp';
import type { NModel } from './normalize';

/**
 * The quick tier's last resort when its heuristics stay more than the target
 * gap below the LP bound: the integer program restricted to a neighbourhood of
 * the LP optimum (a RENS-style sub-MIP), in cumulative starts (milp.ts): each
 * recipe's cumulative starts up to each candidate day held within `width`
 * builds of the LP's. Most columns of the demo's what-ifs are integral at the
 * LP optimum, so HiGHS's presolve shrinks the sub-MIP to a few hundred columns.
 *
 * Where the gap comes from (measured on the 9 of the 200 bench what-ifs that
 * missed 0.5 %): the primal side. Their LP bound was within 0.06–0.23 % of the
 * proven optimum; the greedy and look-ahead schedules were 0.4–1.0 % below it.
 * A width of 1–4 builds often holds no integer point (lots of 4 racks per kW
 * block, 20 nodes per fabric unit); 10 solved 8 of the 9, 20 the last one.
 * Since engine revision 2026-12-04.5 the look-ahead held to the LP's starts
 * (solve.ts) is tried first and closes 5 of those 9 in about a millisecond;
 * the other 4 still come here (30–90 ms of HiGHS each, most of it presolve).
 *
 * Bounded by work only: HiGHS branch-and-bound nodes (`maxNodes` per width),
 * widths tried in a fixed order, each only while the gap is above the target.
 * HiGHS is deterministic for the same model, and the LP's vertex is the same
 * warm or cold (warm-start.ts), so the answer is too. Any schedule it returns
 * is checked exactly (coreFeasible) before it is adopted, and the upper bound
 * does not change: the sub-MIP's bound holds only inside the neighbourhood.
 */
export const NEIGHBOURHOOD_WIDTHS = [10, 20] as const;

/** Bounds on the cumulative-starts columns: the LP's cumulative starts, widened by `width` either way. */
export function neighbourhoodBox(core: Core, lpX: Float64Array, width: number): { lower: Float64Array; upper: Float64Array } {
  const lower = new Float64Array(core.nVars);
  const upper = new Float64Array(core.nVars);
  let y = 0;
  for (let v = 0; v < core.nVars; v++) {
    if (v === 0 || core.varRecipe[v] !== core.varRecipe[v - 1]) y = 0;
    y += lpX[v]!;
    lower[v] = Math.max(0, Math.floor(y + 1e-6) - width);
    upper[v] = Math.ceil(y - 1e-6) + width;
  }
  return { lower, upper };
}

/** The integer program within `width` builds of the LP optimum (its `x`: the best starts found, null when none within the node budget). */
export function neighbourhoodSchedule(m: NModel, core: Core, lpX: Float64Array, width: number, limits: MilpLimits, maxNodes: number): Promise<MilpResult> {
  return solveCore(m, core, 'mip', { ...limits, mipMaxNodes: maxNodes }, { box: neighbourhoodBox(core, lpX, width) });
}
