import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoCapacityModel } from '@/bench/demo-model';
import { sampleWhatIfs } from '@/lib/capacity/sample-what-ifs';
import { buildCore } from './core';
import { computeForecast } from './index';
import { solveCore } from './milp';
import { normalize } from './normalize';
import { relax } from './relaxation';
import { tinyModel } from './testing/arbitraries';
import type { Adjustment, CapacityModel, ForecastOptions } from './types';
import { baseVersion, forgetWarmStarts, warmBaseFor, warmStartCount } from './warm-start';
import { outsideStats } from './testing/outside-stats';

/** One what-if of each kind the issue names, picked by `k` from the model's own lines and recipes. */
function whatIf(model: CapacityModel, kind: number, k: number): Adjustment | null {
  const lines = model.poLines.filter((l) => l.status === 'open');
  const l = lines[k % Math.max(1, lines.length)];
  const key = l ? { supplier: l.supplier, poNumber: l.poNumber, lineNo: l.lineNo } : null;
  const r = model.recipes[k % Math.max(1, model.recipes.length)];
  switch (kind % 7) {
    case 0:
      return l ? { kind: 'delaySupplier', supplier: l.supplier, days: [7, 14, -7][k % 3]! } : null;
    case 1:
      return key ? { kind: 'delayLine', ...key, days: [3, 21, -14][k % 3]! } : null;
    case 2:
      return key ? { kind: 'cancelLine', ...key } : null;
    case 3:
      return key ? { kind: 'scaleLine', ...key, factor: ['0.5', '2'][k % 2]! } : null;
    case 4:
      return r ? { kind: 'setWeeklyLimit', outputSku: r.outputSku, maxStartsPerWeek: [1, 2, null][k % 3]! } : null;
    case 5:
      return r ? { kind: 'setLeadTime', outputSku: r.outputSku, leadTimeDays: [0, 2, 5][k % 3]! } : null;
    default:
      return l ? { kind: 'addLine', supplier: 'EXTRA', poNumber: 'X-1', lineNo: 1, sku: l.sku, qty: l.qty, promisedDate: model.planStart } : null;
  }
}

const QUICK: ForecastOptions = { tier: 'quick' };

beforeEach(() => forgetWarmStarts());

describe('the warm engine answers a what-if exactly as a cold one', () => {
  it('on the demo build-out, one what-if of each kind, warm after others equals each solved by a fresh engine', async () => {
    const base = demoCapacityModel();
    const scenarios = Array.from({ length: 7 }, (_, kind) => whatIf(base, kind, 5 + kind)!).map((a) => ({ ...base, adjustments: [a] }));
    const cold: string[] = [];
    for (const s of scenarios) {
      forgetWarmStarts();
      cold.push(outsideStats(await computeForecast(s, { ...QUICK, shortages: 'estimate' })));
    }
    // One engine, warmed by the base and then by every other what-if, in reverse order.
    forgetWarmStarts();
    await computeForecast(base, QUICK);
    for (let i = scenarios.length - 1; i >= 0; i--) expect(outsideStats(await computeForecast(scenarios[i]!, { ...QUICK, shortages: 'estimate' }))).toBe(cold[i]);
    expect(warmStartCount()).toBe(1);
  }, 180_000);

  it('on small random models with what-ifs of every kind, whatever was answered before', async () => {
    let warmed = 0;
    await fc.assert(
      fc.asyncProperty(
        tinyModel({ maxHorizon: 28, maxParts: 3, maxSites: 2, withIntermediate: true, deep: true, maxLines: 6 }),
        fc.array(fc.tuple(fc.nat(6), fc.nat(20)), { minLength: 2, maxLength: 4 }),
        async (model, picks) => {
          const scenarios = picks.map(([kind, k]) => whatIf(model, kind, k)).map((a) => ({ ...model, adjustments: a ? [a] : [] }));
          const cold: string[] = [];
          for (const s of scenarios) {
            forgetWarmStarts();
            cold.push(outsideStats(await computeForecast(s, QUICK)));
          }
          forgetWarmStarts();
          for (let i = scenarios.length - 1; i >= 0; i--) expect(outsideStats(await computeForecast(scenarios[i]!, QUICK))).toBe(cold[i]);
          if (warmStartCount() > 0) warmed++;
        },
      ),
      { numRuns: 150, seed: 13 },
    );
    // Most small models are settled by the bounds before any LP; enough of them reach the warm start.
    expect(warmed).toBeGreaterThanOrEqual(10);
  }, 180_000);

  it('keys a data version by its content: row order and adjustments do not change it, the data does', () => {
    const base = demoCapacityModel();
    const reversed = { ...base, poLines: [...base.poLines].reverse(), items: [...base.items].reverse() };
    const withWhatIf = { ...base, adjustments: [{ kind: 'cancelLine', supplier: base.poLines[0]!.supplier, poNumber: base.poLines[0]!.poNumber, lineNo: base.poLines[0]!.lineNo } as Adjustment] };
    expect(baseVersion(reversed)).toBe(baseVersion(base));
    expect(baseVersion(withWhatIf)).toBe(baseVersion(base));
    expect(baseVersion({ ...base, poLines: base.poLines.slice(1) })).not.toBe(baseVersion(base));
    expect(baseVersion({ ...base, horizonDays: base.horizonDays - 1 })).not.toBe(baseVersion(base));
  });

  it('from the base’s basis (primal simplex, unperturbed), a what-if’s LP reaches the optimum a solve from scratch reaches, the same every time', async () => {
    const base = demoCapacityModel();
    const limits = { lpMaxIterations: 200_000, mipMaxNodes: 0, safetyNetMs: 60_000 };
    // Bench what-ifs whose LP the base's prices do not settle: a weekly limit, lead times, suppliers, lines.
    const all = sampleWhatIfs(base, 200, 1);
    for (const i of [3, 5, 46, 61, 82, 168]) {
      const model = { ...base, adjustments: [all[i]!] };
      const m = normalize(model);
      const rel = relax(m);
      const warm = (await warmBaseFor(model, limits))!;
      const core = buildCore(m, rel, true);
      const fromBasis = await solveCore(m, core, 'lp', limits, { basis: warm.basisFor(m, core) });
      const again = await solveCore(m, core, 'lp', limits, { basis: warm.basisFor(m, core) });
      const scratch = await solveCore(m, core, 'lp', limits);
      expect(fromBasis.status).toBe('optimal');
      expect(scratch.status).toBe('optimal');
      expect(fromBasis.objective).toBeCloseTo(scratch.objective, 3);
      expect(Array.from(again.x!)).toEqual(Array.from(fromBasis.x!));
      expect(again.objective).toBe(fromBasis.objective);
    }
  }, 120_000);
});
