import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeForecast } from './index';
import { MAX_EXACT_LINES } from './line-values';
import { tinyModel } from './testing/arbitraries';
import { capacity, line, model, part, recipe, stock } from './testing/builders';
import type { CapacityModel, ForecastOptions, PoLineValue } from './types';

const valuesOf = async (m: CapacityModel, tier: 'quick' | 'proven' = 'quick') => {
  const f = await computeForecast(m, { tier, shortages: 'none', lineValues: true });
  return { values: f.poLineValues!, note: f.poLineValuesNote! };
};
const byLine = (values: PoLineValue[], poNumber: string) => values.find((v) => v.poNumber === poNumber)!;

// Plan start 2026-03-02 (day 0); a 30-day horizon.
describe('what each open PO line is worth', () => {
  it('a line of 10 GPU kits on day 10 loses 10 × 8 GPUs × 7 days for a week of slip, and gains as much a week earlier', async () => {
    const m = model({
      horizonDays: 30,
      items: [part('GPU-KIT'), capacity('NODE', 8, 'PHX1')],
      recipes: [recipe('NODE', { 'GPU-KIT': '1' })],
      poLines: [line('GPU-KIT', '10', '2026-03-12', { supplier: 'NVIDIA', poNumber: 'PO-1' })],
    });
    const { values, note } = await valuesOf(m);
    expect(values).toEqual([
      { supplier: 'NVIDIA', poNumber: 'PO-1', lineNo: 1, sku: 'GPU-KIT', promisedDate: '2026-03-12', qty: '10', gatesGpus: 80, gpuDaysLostPerWeekSlip: 560, gpuDaysGainedPerWeekPullIn: 560, exact: true, slipExact: true },
    ]);
    expect(note).toContain('1 of 1 open lines exact both ways, and the slip of 1');
  });

  it('a week of slip past the horizon loses only the days left; a line due on the plan start gains nothing from a pull-in', async () => {
    const m = model({
      horizonDays: 30,
      items: [part('GPU-KIT'), capacity('NODE', 8, 'PHX1')],
      recipes: [recipe('NODE', { 'GPU-KIT': '1' })],
      poLines: [
        line('GPU-KIT', '10', '2026-03-27', { poNumber: 'PO-LATE' }), // day 25: a week later is day 32, past day 29
        line('GPU-KIT', '5', '2026-02-20', { poNumber: 'PO-PAST' }), // past due: counted on day 0
      ],
    });
    const { values } = await valuesOf(m);
    expect(byLine(values, 'PO-LATE')).toMatchObject({ gpuDaysLostPerWeekSlip: 10 * 8 * 5, gpuDaysGainedPerWeekPullIn: 10 * 8 * 7, exact: true });
    expect(byLine(values, 'PO-PAST')).toMatchObject({ gpuDaysLostPerWeekSlip: 5 * 8 * 7, gpuDaysGainedPerWeekPullIn: 0, exact: true });
    // Sorted by what a slip costs, most first.
    expect(values.map((v) => v.poNumber)).toEqual(['PO-LATE', 'PO-PAST']);
  });

  it('a line of a part with plenty in stock is worth nothing either way, and gates no GPUs', async () => {
    const m = model({
      horizonDays: 30,
      items: [part('GPU-KIT'), part('RAIL'), capacity('NODE', 8, 'PHX1')],
      recipes: [recipe('NODE', { 'GPU-KIT': '1', RAIL: '1' }, { limit: 5 })],
      inventory: [stock('GPU-KIT', '100'), stock('RAIL', '1000')],
      poLines: [line('RAIL', '50', '2026-03-10', { poNumber: 'PO-RAIL' })],
    });
    const { values } = await valuesOf(m);
    expect(byLine(values, 'PO-RAIL')).toMatchObject({ gatesGpus: 0, gpuDaysLostPerWeekSlip: 0, gpuDaysGainedPerWeekPullIn: 0, exact: true });
  });

  it('a line the schedule needs none of until a week after it lands slips at no cost, so every slip is exact even past the re-run budget', async () => {
    // 100 lines of one kit a day and builds held to 2 a week: stock piles up, so only the first lines are needed
    // within a week of landing. The re-run budget (MAX_EXACT_LINES lines' worth) covers those; every other slip
    // is 0 without one.
    const day = (d: number) => new Date(Date.UTC(2026, 2, 2 + d)).toISOString().slice(0, 10);
    const m = model({
      horizonDays: 150,
      items: [part('GPU-KIT'), capacity('NODE', 8, 'PHX1')],
      recipes: [recipe('NODE', { 'GPU-KIT': '1' }, { limit: 2 })],
      poLines: Array.from({ length: 100 }, (_, d) => line('GPU-KIT', '1', day(d), { poNumber: `PO-${d}` })),
    });
    expect(100).toBeGreaterThan(2 * MAX_EXACT_LINES);
    const { values, note } = await valuesOf(m);
    expect(values).toHaveLength(100);
    expect(values.every((v) => v.slipExact)).toBe(true);
    expect(note).toMatch(/and the slip of 100\b/);
    // Past the budget: not every pull-in was re-run.
    expect(values.some((v) => !v.exact)).toBe(true);
    // Each slip is what re-running the engine with the line a week later says it costs.
    const quick = { tier: 'quick' as const, shortages: 'none' as const, pegging: 'none' as const, work: { neighbourhoodMaxNodes: 0 } };
    const base = await computeForecast(m, quick);
    expect(base.optimality.status).toBe('optimal');
    const free: string[] = [];
    for (const v of values) {
      const later = await computeForecast({ ...m, adjustments: [{ kind: 'delayLine', supplier: v.supplier, poNumber: v.poNumber, lineNo: v.lineNo, days: 7 }] }, quick);
      expect(later.optimality.status).toBe('optimal');
      expect(v.gpuDaysLostPerWeekSlip, v.poNumber).toBeCloseTo(Math.max(0, base.gpuDays - later.gpuDays), 6);
      if (v.gpuDaysLostPerWeekSlip === 0) free.push(v.poNumber);
    }
    // Most slips cost nothing here, and the ones that do were found.
    expect(free.length).toBeGreaterThan(80);
    expect(free.length).toBeLessThan(100);
  });

  it('a line of ready capacity loses its GPUs for the week however much stock there is: never a free slip', async () => {
    const m = model({
      horizonDays: 30,
      items: [capacity('NODE', 8, 'PHX1')],
      recipes: [],
      inventory: [stock('NODE', '100')],
      poLines: [line('NODE', '5', '2026-03-12', { poNumber: 'PO-NODES' })],
    });
    const { values } = await valuesOf(m);
    expect(byLine(values, 'PO-NODES')).toMatchObject({ gpuDaysLostPerWeekSlip: 5 * 8 * 7, gpuDaysGainedPerWeekPullIn: 5 * 8 * 7, slipExact: true, exact: true });
  });

  it('is the same whatever tier the forecast is of: the values come from the quick tier', async () => {
    const m = model({
      horizonDays: 30,
      items: [part('GPU-KIT'), capacity('NODE', 8, 'PHX1')],
      recipes: [recipe('NODE', { 'GPU-KIT': '1' }, { lead: 2, limit: 4 })],
      poLines: [line('GPU-KIT', '10', '2026-03-05'), line('GPU-KIT', '6', '2026-03-16')],
    });
    expect((await valuesOf(m, 'proven')).values).toEqual((await valuesOf(m, 'quick')).values);
  });

  it('exact values equal re-running the engine with the line a week later and a week earlier, or are free slips the optimum loses nothing by (random models)', async () => {
    await fc.assert(
      fc.asyncProperty(tinyModel({ maxHorizon: 28, maxParts: 3, maxSites: 2, withIntermediate: true, deep: true, maxLines: 5 }), async (m) => {
        // The re-runs' budget: the quick tier without its neighbourhood search (forecast.ts, rerunBudget).
        const quick = { tier: 'quick' as const, shortages: 'none' as const, pegging: 'none' as const, work: { neighbourhoodMaxNodes: 0 } };
        const proven = { tier: 'proven' as const, shortages: 'none' as const, pegging: 'none' as const };
        const moved = (v: PoLineValue, days: number, options: ForecastOptions) =>
          computeForecast({ ...m, adjustments: [{ kind: 'delayLine', supplier: v.supplier, poNumber: v.poNumber, lineNo: v.lineNo, days }] }, options);
        const [quickBase, provenBase] = [await computeForecast(m, quick), await computeForecast(m, proven)];
        // Valued on the proven forecast, as the dashboard's baseline is: its schedule screens the free slips.
        const { values } = await valuesOf(m, 'proven');
        expect(values.length).toBe(m.poLines.filter((l) => l.status === 'open').length);
        for (const v of values) {
          if (v.slipExact) {
            const quickLoss = Math.max(0, quickBase.gpuDays - (await moved(v, 7, quick)).gpuDays);
            const later = await moved(v, 7, proven);
            const optimalLoss = provenBase.optimality.status === 'optimal' && later.optimality.status === 'optimal' ? provenBase.gpuDays - later.gpuDays : null;
            // A slip that costs something was re-run: it is that re-run. A slip of 0 was re-run to 0, or found free
            // on the optimal schedule: then the optimum loses nothing by it.
            if (v.gpuDaysLostPerWeekSlip > 0) expect(v.gpuDaysLostPerWeekSlip).toBeCloseTo(quickLoss, 6);
            else {
              expect(quickLoss < 1e-6 || (optimalLoss !== null && Math.abs(optimalLoss) < 1e-6), `${v.poNumber}/${v.lineNo}: quick ${quickLoss}, optimal ${optimalLoss}`).toBe(true);
            }
          }
          if (v.exact) expect(v.gpuDaysGainedPerWeekPullIn).toBeCloseTo(Math.max(0, (await moved(v, -7, quick)).gpuDays - quickBase.gpuDays), 6);
        }
        const sorted = [...values].sort((a, b) => b.gpuDaysLostPerWeekSlip - a.gpuDaysLostPerWeekSlip);
        expect(values.map((v) => v.gpuDaysLostPerWeekSlip)).toEqual(sorted.map((v) => v.gpuDaysLostPerWeekSlip));
      }),
      { numRuns: 60, seed: 21 },
    );
  }, 240_000);

  it('a schedule short of the optimum never makes a slip free: only a proven optimal one does', async () => {
    // Found by a reviewer's fuzzing: the quick re-runs' base here is 2 GPU-days below the optimum, and holds with
    // PO-1 or PO-2 a week late, but the optimum needs both within the week: each slip costs it 2 GPU-days.
    const m = model({
      horizonDays: 7,
      items: [part('P0'), { ...part('MID'), category: 'compute' }, capacity('CAP-0', 1, 'S0')],
      recipes: [recipe('MID', { P0: '2' }, { out: '2' }), recipe('CAP-0', { P0: '1.5', MID: '2' })],
      inventory: [stock('P0', '2'), stock('MID', '1'), stock('CAP-0', '1', 'SITE')],
      poLines: [line('P0', '2', '2026-03-07', { poNumber: 'PO-0' }), line('P0', '1', '2026-03-05', { poNumber: 'PO-1' }), line('P0', '1', '2026-02-27', { poNumber: 'PO-2' })],
    });
    const proven = { tier: 'proven' as const, shortages: 'none' as const, pegging: 'none' as const };
    const base = await computeForecast(m, proven);
    expect(base.optimality.status).toBe('optimal');
    for (const tier of ['quick', 'proven'] as const) {
      const { values } = await valuesOf(m, tier);
      for (const poNumber of ['PO-1', 'PO-2']) {
        const later = await computeForecast({ ...m, adjustments: [{ kind: 'delayLine', supplier: 'ACME', poNumber, lineNo: 1, days: 7 }] }, proven);
        expect(base.gpuDays - later.gpuDays).toBe(2);
        expect(byLine(values, poNumber).gpuDaysLostPerWeekSlip, `${tier} ${poNumber}`).toBe(2);
      }
    }
  });

  it('a slip is free only when the schedule needs none of the line for the whole week after it lands', async () => {
    // Kits land on day 10; racks on day 16 or 17, and a node needs one of each, so nodes start when the racks land.
    // Racks on day 16: the kits are used 6 days after landing, and a week's slip delays 10 nodes a day: 80 GPU-days.
    // Racks on day 17: the kits are first used 7 days after landing, so a week's slip costs nothing.
    for (const [rackDay, lost] of [
      ['2026-03-18', 80],
      ['2026-03-19', 0],
    ] as const) {
      const m = model({
        horizonDays: 30,
        items: [part('GPU-KIT'), part('RACK'), capacity('NODE', 8, 'PHX1')],
        recipes: [recipe('NODE', { 'GPU-KIT': '1', RACK: '1' })],
        poLines: [line('GPU-KIT', '10', '2026-03-12', { poNumber: 'PO-KIT' }), line('RACK', '10', rackDay, { poNumber: 'PO-RACK' })],
      });
      const { values } = await valuesOf(m, 'proven');
      expect(byLine(values, 'PO-KIT'), rackDay).toMatchObject({ gpuDaysLostPerWeekSlip: lost, slipExact: true });
    }
  });

  it('is left out unless asked for', async () => {
    const m = model({ horizonDays: 10, items: [part('K'), capacity('N', 8, 'S')], recipes: [recipe('N', { K: '1' })], inventory: [stock('K', '3')] });
    const f = await computeForecast(m, { shortages: 'none' });
    expect(f.poLineValues).toBeUndefined();
    expect(f.poLineValuesNote).toBeUndefined();
  });
});
