import type { ForecastOptions, ForecastTier, WorkBudget } from './types';

/**
 * The two tiers' work budgets. Sizes, iterations and nodes, never time: the
 * answer must not depend on how busy the machine is (a timed budget once gave
 * three different upper bounds for three identical runs).
 *
 * quick: the heuristics plus the LP relaxation for a bound (on the demo core of
 * ~1,800 variables the LP closes the heuristics' 4 % bound to about 0.3 %); no
 * branch-and-bound, except the integer program near the LP optimum when the
 * heuristics, the look-ahead held to the LP's starts included (solve.ts), end
 * more than 0.5 % below the bound (neighbourhood.ts; 200 nodes per
 * neighbourhood). proven: the LP, then HiGHS branch-and-bound up to a node
 * budget, on cores up to ~27,000 variables (what the interior-point LP solved in
 * about 10 s on this 2-core machine); past either limit the best schedule found
 * is returned with its proven gap. A warm quick answer skips the LP when the
 * base's LP prices (tightened by up to three rounds of coordinate descent)
 * already prove the target gap (dualShortcut, dual-bound.ts): on the demo, 173
 * of the 200 bench what-ifs.
 */
export const WORK_BUDGETS: Record<ForecastTier, WorkBudget> = {
  quick: { lpMaxVariables: 20_000, lpMaxIterations: 200_000, mipMaxNodes: 0, neighbourhoodMaxNodes: 200, targetGapPercent: 0.5, dualShortcut: true },
  proven: { lpMaxVariables: 27_000, lpMaxIterations: 2_000_000, mipMaxNodes: 20_000 },
};

/** Only a pathological model should ever meet it; it is reported when it fires. */
export const DEFAULT_SAFETY_NET_MS = 120_000;

export function workBudget(options: ForecastOptions): { tier: ForecastTier; work: WorkBudget; safetyNetMs: number } {
  const tier = options.tier ?? 'proven';
  return { tier, work: { ...WORK_BUDGETS[tier], ...options.work }, safetyNetMs: options.safetyNetMs ?? DEFAULT_SAFETY_NET_MS };
}
