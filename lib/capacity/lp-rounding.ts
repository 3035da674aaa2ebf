import { placeCore, type Core } from './core';
import { greedySchedule } from './greedy';
import type { NModel } from './normalize';

/**
 * A schedule that follows the LP relaxation's split of pooled parts, for the
 * quick tier: the greedy alone hands pooled parts to whichever recipe comes
 * first, the LP knows which site should get them.
 *
 *  1. The LP's starts (on the folded core, with the folded recipes expanded)
 *     give each recipe cumulative starts on its candidate days; rounded (down
 *     for capacity, up for intermediates), they are a target no recipe may run
 *     ahead of.
 *  2. The greedy walks the days with that target (greedy.ts): whatever stock
 *     allows, up to the target. Feasible by construction.
 * A heuristic like the others: its schedule is checked against the bounds. On
 * the demo's what-ifs the look-ahead usually beats it by a little, but where
 * the greedy orders misjudge the split between sites (a cancelled connector
 * line: 2.5 % short of the LP bound) it halves the gap.
 */
export function lpGuidedSchedule(m: NModel, plain: Core, folded: Core, lpX: Float64Array, order: number[]): Float64Array {
  return greedySchedule(m, plain, order, lpTargets(m, plain, folded, lpX));
}

/**
 * The LP's cumulative starts per recipe on each of the plain core's candidate days, rounded as above,
 * plus `ahead` builds: a walk held to them may run that many builds ahead of the LP (solve.ts tries the
 * look-ahead held one build ahead before it searches near the LP optimum; see there).
 */
export function lpTargets(m: NModel, plain: Core, folded: Core, lpX: Float64Array, ahead = 0): Float64Array[] {
  const daily = m.recipes.map(() => new Float64Array(m.H));
  placeCore(folded, lpX, daily);
  // A start between two candidate days can move back to the earlier one (core.ts): the target on a
  // candidate day counts the LP's starts up to the day before the next one.
  return daily.map((d, r) => {
    const t = new Float64Array(m.H);
    // Intermediates round up: a fraction of a cooling block the LP spreads over weeks is a whole block
    // that many racks wait for. Stock still bounds every start.
    const round = m.items[m.recipes[r]!.out]!.capacity ? Math.floor : Math.ceil;
    const eps = round === Math.floor ? 1e-6 : -1e-6;
    const days = plain.cand.get(r);
    if (!days) return t;
    let s = 0;
    let day = 0;
    for (let i = 0; i < days.length; i++) {
      const end = i + 1 < days.length ? days[i + 1]! : m.H;
      for (; day < end; day++) s += d[day]!;
      t[days[i]!] = round(s + eps) + ahead;
    }
    return t;
  });
}
