import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoCapacityModel } from '@/bench/demo-model';
import { sampleWhatIfs } from '@/lib/capacity/sample-what-ifs';
import { buildCore } from './core';
import { priorityOrders } from './greedy';
import { computeForecast } from './index';
import { lookaheadSchedule } from './lookahead';
import { lpTargets } from './lp-rounding';
import { coreFeasible, solveCore } from './milp';
import { normalize } from './normalize';
import { relax } from './relaxation';
import { tinyModel } from './testing/arbitraries';
import type { Forecast, ForecastOptions } from './types';
import { forgetWarmStarts } from './warm-start';
import { outsideStats } from './testing/outside-stats';

const LIMITS = { lpMaxIterations: 200_000, mipMaxNodes: 0, safetyNetMs: 60_000 };
const QUICK: ForecastOptions = { tier: 'quick', pegging: 'none', shortages: 'none' };
const held = (f: Forecast) => f.optimality.method.includes("look-ahead held to the LP's starts");
const searched = (f: Forecast) => f.optimality.method.includes('builds of the LP optimum');

beforeEach(() => forgetWarmStarts());

describe("the look-ahead held to the LP's starts (lp-rounding.ts lpTargets, lookahead.ts)", () => {
  it('on random models: a feasible schedule that never runs a recipe more than the builds allowed ahead of the rounded LP', async () => {
    let walked = 0;
    await fc.assert(
      fc.asyncProperty(
        tinyModel({ maxHorizon: 45, maxParts: 4, maxSites: 3, withIntermediate: true, deep: true, maxLines: 12, supplyScale: 5 }),
        fc.integer({ min: 0, max: 3 }),
        async (model, ahead) => {
          const m = normalize(model);
          const rel = relax(m);
          const plain = buildCore(m, rel, false);
          const folded = buildCore(m, rel, true);
          if (plain.nVars === 0) return;
          const lp = await solveCore(m, folded, 'lp', LIMITS);
          if (lp.status !== 'optimal') return;
          walked++;
          const target = lpTargets(m, plain, folded, lp.x!, ahead);
          const x = lookaheadSchedule(m, plain, rel, priorityOrders(m, plain)[0]!, target);
          expect(coreFeasible(m, plain, x)).toBe(true);
          // Cumulative starts per recipe on each candidate day, against the target there.
          for (const r of plain.recipes) {
            const first = plain.varStart.get(r)!;
            let started = 0;
            plain.cand.get(r)!.forEach((day, i) => {
              started += x[first + i]!;
              expect(started).toBeLessThanOrEqual(target[r]![day]!);
            });
          }
        },
      ),
      { numRuns: 200, seed: 77 },
    );
    expect(walked).toBeGreaterThanOrEqual(20);
  }, 180_000);

  it('on the demo build-out: a what-if the heuristics left 0.63 % short is answered within 0.5 % without the search near the LP optimum, the same warm and cold', async () => {
    const base = demoCapacityModel();
    // bench:whatif's 101st what-if (seed 1): a concrete line cancelled. Before the held look-ahead, the
    // greedy and look-ahead left it 0.635 % below the LP bound, and the integer program near the LP
    // optimum closed it (about 30 ms of HiGHS).
    const a = sampleWhatIfs(base, 101)[100]!;
    expect(a).toMatchObject({ kind: 'cancelLine', supplier: 'CEMEX' });
    const scenario = { ...base, adjustments: [a] };
    const cold = await computeForecast(scenario, QUICK);
    expect(held(cold)).toBe(true);
    expect(searched(cold)).toBe(false);
    expect(cold.optimality.status).toBe('heuristic');
    expect(cold.optimality.gapPercent).toBeGreaterThan(0);
    expect(cold.optimality.gapPercent).toBeLessThanOrEqual(0.5);
    // Warm: the engine has answered the base and another what-if first.
    await computeForecast(base, QUICK);
    await computeForecast({ ...base, adjustments: [sampleWhatIfs(base, 3)[2]!] }, QUICK);
    expect(outsideStats(await computeForecast(scenario, QUICK))).toBe(outsideStats(cold));
  }, 120_000);
});
