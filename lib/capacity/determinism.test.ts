import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoCapacityModel } from '@/bench/demo-model';
import { computeForecast } from './index';
import { tinyModel } from './testing/arbitraries';
import type { CapacityModel, Forecast, ForecastTier } from './types';
import { forgetWarmStarts } from './warm-start';

/** The forecast document as JSON, without `stats` (the only place timing may live). */
const outsideStats = (f: Forecast) => JSON.stringify({ ...f, stats: undefined }, null, 1);

/** A seeded permutation: the same rows in another order, as another file or database might give them. */
function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function shuffledModel(m: CapacityModel, seed: number): CapacityModel {
  return {
    ...m,
    items: shuffled(m.items, seed),
    recipes: shuffled(m.recipes, seed + 1).map((r, k) => ({ ...r, components: shuffled(r.components, seed + k) })),
    inventory: shuffled(m.inventory, seed + 2),
    poLines: shuffled(m.poLines, seed + 3),
    targets: shuffled(m.targets, seed + 4),
  };
}

/**
 * A machine so loaded that every clock reading is a quarter of a second after
 * the last: if any decision outside `stats` read the clock, the answer would change.
 * HiGHS reads the same clock for its wall-clock safety net, which is therefore
 * switched off here (the only thing it may decide is to stop, and say so).
 */
function slowClock() {
  let now = performance.now();
  vi.spyOn(performance, 'now').mockImplementation(() => (now += 250));
}

afterEach(() => vi.restoreAllMocks());

describe('the same data, scenario and tier give byte-identical JSON outside stats', () => {
  for (const tier of ['quick', 'proven'] as const satisfies readonly ForecastTier[]) {
    it(`on the demo build-out, ${tier} tier: twice, with its rows shuffled, and on a machine whose clock races`, async () => {
      const model = demoCapacityModel();
      const first = outsideStats(await computeForecast(model, { tier }));
      expect(JSON.parse(first).optimality.tier).toBe(tier);
      expect(outsideStats(await computeForecast(shuffledModel(model, 7), { tier }))).toBe(first);
      slowClock();
      expect(outsideStats(await computeForecast(shuffledModel(model, 11), { tier, safetyNetMs: 1e12 }))).toBe(first);
    }, 120_000);
  }

  for (const tier of ['quick', 'proven'] as const satisfies readonly ForecastTier[]) {
    it(`a what-if on the demo build-out, ${tier} tier: cold, and warm from the base with its rows shuffled, are the same`, async () => {
      const model = demoCapacityModel();
      const l = model.poLines[40]!;
      const whatIf: CapacityModel = { ...model, adjustments: [{ kind: 'delaySupplier', supplier: l.supplier, days: 14 }] };
      forgetWarmStarts();
      const cold = outsideStats(await computeForecast(whatIf, { tier, shortages: 'estimate' }));
      forgetWarmStarts();
      await computeForecast(shuffledModel(model, 3), { tier, shortages: 'none' });
      expect(outsideStats(await computeForecast(shuffledModel(whatIf, 5), { tier, shortages: 'estimate' }))).toBe(cold);
    }, 120_000);
  }

  it('on small random models with a what-if, at both tiers, whatever the row order', async () => {
    await fc.assert(
      fc.asyncProperty(tinyModel({ maxHorizon: 21, maxParts: 3, maxSites: 2, withIntermediate: true, deep: true, maxLines: 6 }), fc.integer({ min: 1, max: 1000 }), async (model, seed) => {
        const supplier = model.poLines[0]?.supplier;
        const withWhatIf: CapacityModel = supplier ? { ...model, adjustments: [{ kind: 'delaySupplier', supplier, days: 3 }] } : model;
        for (const tier of ['quick', 'proven'] as const) {
          const a = outsideStats(await computeForecast(withWhatIf, { tier }));
          expect(outsideStats(await computeForecast(shuffledModel(withWhatIf, seed), { tier }))).toBe(a);
        }
      }),
      { numRuns: 60, seed: 5 },
    );
  }, 120_000);
});
