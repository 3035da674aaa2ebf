import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoCapacityModel } from '@/bench/demo-model';
import { sampleWhatIfs } from '@/lib/capacity/sample-what-ifs';
import { buildCore } from './core';
import { lagrangianBound } from './dual-bound';
import { computeForecast } from './index';
import { solveCore } from './milp';
import { normalize } from './normalize';
import { relax } from './relaxation';
import { tinyModel } from './testing/arbitraries';
import { oracleGpuDays } from './testing/oracle';
import type { CapacityModel, ForecastOptions } from './types';
import { forgetWarmStarts } from './warm-start';

const LIMITS = { lpMaxIterations: 200_000, mipMaxNodes: 0, safetyNetMs: 60_000 };
const QUICK: ForecastOptions = { tier: 'quick', pegging: 'none', shortages: 'none' };
/** A wide target gap, so that tiny models (whose heuristics usually meet the bound or miss it by more than 0.5 %) take the shortcut often. */
const WIDE: ForecastOptions = { ...QUICK, work: { targetGapPercent: 30 } };
const skipped = (method: string) => method.includes('LP skipped');

beforeEach(() => forgetWarmStarts());

describe('the Lagrangian bound from row prices (dual-bound.ts)', () => {
  it('is never below the LP optimum, whatever the prices, and equals it at the LP’s own duals', async () => {
    let solved = 0;
    await fc.assert(
      fc.asyncProperty(
        tinyModel({ maxHorizon: 28, maxParts: 3, maxSites: 2, withIntermediate: true, deep: true, maxLines: 6 }),
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 40 }),
        async (model, noise) => {
          const m = normalize(model);
          const core = buildCore(m, relax(m), true);
          if (core.nVars === 0) return;
          const lp = await solveCore(m, core, 'lp', LIMITS);
          if (lp.status !== 'optimal' || !lp.rowDual) return;
          solved++;
          const tol = 1e-6 * Math.max(1, Math.abs(lp.objective));
          const own = lp.rowDual;
          expect(lagrangianBound(m, core, () => own)).toBeCloseTo(lp.objective, 3);
          const random = Float64Array.from(own, (y, i) => y + noise[i % noise.length]! / 10);
          const plain = lagrangianBound(m, core, () => random.slice());
          expect(plain).toBeGreaterThanOrEqual(lp.objective - tol);
          // Coordinate descent only ever lowers the bound, and never below the LP optimum.
          const descended = lagrangianBound(m, core, () => random.slice(), 3);
          expect(descended).toBeGreaterThanOrEqual(lp.objective - tol);
          expect(descended).toBeLessThanOrEqual(plain);
          expect(lagrangianBound(m, core, (data) => new Float64Array(data.numRows))).toBeGreaterThanOrEqual(lp.objective - tol);
          expect(lagrangianBound(m, core, (data) => new Float64Array(data.numRows), 3)).toBeGreaterThanOrEqual(lp.objective - tol);
        },
      ),
      { numRuns: 150, seed: 21 },
    );
    expect(solved).toBeGreaterThanOrEqual(20);
  }, 120_000);

  it('on tiny random what-ifs answered warm: the bound holds against the exhaustive optimum', async () => {
    let shortcuts = 0;
    await fc.assert(
      fc.asyncProperty(tinyModel({ maxHorizon: 9, maxParts: 3, maxSites: 2, withIntermediate: true, deep: true }), async (model) => {
        const l = model.poLines.find((x) => x.status === 'open');
        if (!l) return;
        const whatIf: CapacityModel = { ...model, adjustments: [{ kind: 'cancelLine', supplier: l.supplier, poNumber: l.poNumber, lineNo: l.lineNo }] };
        // The same scenario written out as data, for the oracle (which takes no adjustments).
        const written: CapacityModel = { ...model, poLines: model.poLines.map((x) => (x === l ? { ...x, status: 'cancelled' as const } : x)) };
        await computeForecast(model, WIDE);
        const f = await computeForecast(whatIf, WIDE);
        if (skipped(f.optimality.method)) shortcuts++;
        const truth = oracleGpuDays(written).toNumber();
        expect(f.gpuDays).toBeLessThanOrEqual(truth);
        if (f.optimality.status === 'optimal') expect(f.gpuDays).toBe(truth);
        else expect(f.optimality.upperBound).toBeGreaterThanOrEqual(truth);
      }),
      { numRuns: 300, seed: 8 },
    );
    expect(shortcuts).toBeGreaterThanOrEqual(5);
  }, 120_000);

  it('on demo what-ifs: the LP is skipped only within the target gap, and the bound is never below the what-if’s own LP bound', async () => {
    const base = demoCapacityModel();
    let skips = 0;
    for (const a of sampleWhatIfs(base, 12, 1)) {
      const whatIf: CapacityModel = { ...base, adjustments: [a] };
      const f = await computeForecast(whatIf, QUICK);
      if (!skipped(f.optimality.method)) continue;
      skips++;
      expect(f.optimality.gapPercent ?? 0).toBeLessThanOrEqual(0.5);
      const withLp = await computeForecast(whatIf, { ...QUICK, work: { dualShortcut: false } });
      expect(skipped(withLp.optimality.method)).toBe(false);
      expect(f.optimality.upperBound).toBeGreaterThanOrEqual(withLp.optimality.upperBound);
    }
    expect(skips).toBeGreaterThanOrEqual(6);
  }, 180_000);
});
