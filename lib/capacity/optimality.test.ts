import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeForecast } from './index';
import { tinyModel } from './testing/arbitraries';
import { checkForecast } from './testing/feasibility';
import { oracleGpuDays } from './testing/oracle';
import { referenceGpuDays } from './testing/reference-milp';
import { buildCore } from './core';
import { normalize } from './normalize';
import { relax } from './relaxation';

describe('the forecast is the true optimum', () => {
  it('matches exhaustive search on GPU-days for hundreds of tiny random models, with a feasible schedule', async () => {
    await fc.assert(
      fc.asyncProperty(tinyModel({ maxHorizon: 9, maxParts: 3, maxSites: 2, withIntermediate: true, deep: true }), async (model) => {
        const f = await computeForecast(model, { shortages: 'none' });
        expect(checkForecast(model, f)).toEqual([]);
        const truth = oracleGpuDays(model);
        expect(new Decimal(f.gpuDaysExact).toString()).toBe(truth.toString());
        expect(f.optimality.status).toBe('optimal');
      }),
      { numRuns: 300, seed: 20260302 },
    );
  }, 60_000);

  it('matches the textbook time-indexed integer program on larger random models (weeks of horizon, three sites, three BOM levels)', async () => {
    const shape = { maxHorizon: 45, maxParts: 4, maxSites: 3, withIntermediate: true, deep: true, maxLines: 12, supplyScale: 5 };
    await fc.assert(
      fc.asyncProperty(tinyModel(shape), async (model) => {
        const [f, ref] = await Promise.all([computeForecast(model, { shortages: 'none' }), referenceGpuDays(model)]);
        expect(ref.status).toBe('optimal');
        expect(checkForecast(model, f)).toEqual([]);
        expect(f.gpuDays).toBeCloseTo(ref.gpuDays, 6);
        expect(f.optimality.status).toBe('optimal');
      }),
      { numRuns: 60, seed: 7 },
    );
  }, 60_000);

  it('folding a single-user intermediate into its user keeps the optimum (models where the fold applies)', async () => {
    const folds = (model: Parameters<typeof normalize>[0]) => {
      const m = normalize(model);
      return [...buildCore(m, relax(m), true).expand.values()].some((e) => e.length > 0);
    };
    const samples = fc
      .sample(tinyModel({ maxHorizon: 9, maxParts: 3, maxSites: 2, withIntermediate: true, deep: true }), { numRuns: 6000, seed: 5 })
      .filter(folds)
      .slice(0, 40);
    expect(samples.length).toBeGreaterThan(20);
    for (const model of samples) {
      const f = await computeForecast(model, { shortages: 'none' });
      expect(checkForecast(model, f)).toEqual([]);
      expect(f.gpuDaysExact).toBe(oracleGpuDays(model).toString());
    }
  }, 60_000);

  it('with no work budget for an exact solve, returns a feasible schedule marked heuristic whose gap bound covers the true optimum', async () => {
    let heuristic = 0;
    await fc.assert(
      fc.asyncProperty(tinyModel({ maxHorizon: 9, maxParts: 3, maxSites: 2, withIntermediate: true, deep: true }), async (model) => {
        const f = await computeForecast(model, { shortages: 'none', work: { lpMaxVariables: 0 } });
        expect(checkForecast(model, f)).toEqual([]);
        const truth = oracleGpuDays(model).toNumber();
        if (f.optimality.status === 'optimal') expect(f.gpuDays).toBe(truth);
        else {
          heuristic++;
          expect(f.gpuDays).toBeLessThanOrEqual(truth);
          expect(f.gpuDays + f.optimality.gapBound!).toBeGreaterThanOrEqual(truth);
          expect(f.optimality.upperBound).toBe(f.gpuDays + f.optimality.gapBound!);
        }
      }),
      { numRuns: 300, seed: 99 },
    );
    expect(heuristic).toBeGreaterThan(5);
  }, 60_000);

  it('proves optimality the cheapest way that works, and says which', async () => {
    const methods = new Set<string>();
    const samples = fc.sample(tinyModel({ maxHorizon: 30, maxParts: 3, maxSites: 3, withIntermediate: true, deep: true, maxLines: 8, supplyScale: 3 }), {
      numRuns: 80,
      seed: 11,
    });
    for (const model of samples) methods.add((await computeForecast(model, { shortages: 'none' })).optimality.method.split(' ')[0]!);
    expect([...methods].sort()).toEqual(['HiGHS', 'LP', 'heuristic', 'relaxation:']);
  }, 60_000);
});
