import { describe, expect, it } from 'vitest';
import { computeForecast } from './index';
import { capacity, line, model, part, recipe, stock } from './testing/builders';
import { checkForecast } from './testing/feasibility';
import type { CapacityModel, Forecast } from './types';

async function run(m: CapacityModel): Promise<Forecast> {
  const f = await computeForecast(m, { shortages: 'none' });
  expect(checkForecast(m, f)).toEqual([]);
  return f;
}

const online = (f: Forecast) => f.series.map((p) => p.gpusOnline);
const builds = (f: Forecast) => f.builds.map((b) => [b.sku, b.startDate, b.quantity, b.availableDate]);

/** One part P, one capacity item NODE (8 GPUs) made from one P, at site S1. */
const simple = (over: Partial<CapacityModel> = {}, lead = 0, limit: number | null = null): CapacityModel =>
  model({
    items: [part('P'), capacity('NODE', 8, 'S1')],
    recipes: [recipe('NODE', { P: '1' }, { lead, limit })],
    ...over,
  });

describe('forecast conventions (DESIGN.md)', () => {
  it('day 0 is the plan start and the series has one entry per day of the horizon', async () => {
    const f = await run(simple({ horizonDays: 5 }));
    expect(f.series.map((p) => p.date)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']);
    expect(f.planStart).toBe('2026-03-02');
    expect(f.horizonDays).toBe(5);
  });

  it('stock on hand at every location counts on day 0', async () => {
    const f = await run(simple({ inventory: [stock('P', '2', 'WH-RENO'), stock('P', '3', 'WH-PHX')] }));
    expect(builds(f)).toEqual([['NODE', '2026-03-02', 5, '2026-03-02']]);
    expect(online(f)[0]).toBe(40);
    expect(f.gpuDays).toBe(40 * 14);
  });

  it('an open PO line counts on its promised date', async () => {
    const f = await run(simple({ poLines: [line('P', '2', '2026-03-05')] }));
    expect(builds(f)).toEqual([['NODE', '2026-03-05', 2, '2026-03-05']]);
    expect(online(f).slice(2, 4)).toEqual([0, 16]);
    expect(f.gpuDays).toBe(16 * 11);
  });

  it('a PO line promised before the plan start counts on day 0 and is flagged past due', async () => {
    const f = await run(simple({ poLines: [line('P', '1', '2026-02-20', { supplier: 'NVIDIA', poNumber: 'PO-7731', lineNo: 4 })] }));
    expect(builds(f)).toEqual([['NODE', '2026-03-02', 1, '2026-03-02']]);
    expect(f.warnings).toContainEqual(
      expect.objectContaining({ kind: 'pastDue', supplier: 'NVIDIA', lineCount: 1, lines: [{ poNumber: 'PO-7731', lineNo: 4, sku: expect.any(String), promisedDate: '2026-02-20' }] }),
    );
    const source = f.pegging.find((b) => b.sku === 'NODE')!.inputs[0]!.source;
    expect(source).toEqual({ kind: 'poLine', supplier: 'NVIDIA', poNumber: 'PO-7731', lineNo: 4, pastDue: true });
  });

  it('received and cancelled PO lines add nothing', async () => {
    const f = await run(
      simple({ poLines: [line('P', '5', '2026-03-03', { status: 'received' }), line('P', '5', '2026-03-03', { status: 'cancelled' })] }),
    );
    expect(f.builds).toEqual([]);
    expect(f.gpuDays).toBe(0);
  });

  it('a PO line arriving on or after day H adds nothing', async () => {
    const f = await run(simple({ horizonDays: 5, poLines: [line('P', '5', '2026-03-07')] }));
    expect(f.gpuDays).toBe(0);
  });

  it('a build takes its components on its start day and yields output lead_time_days later', async () => {
    const f = await run(simple({ inventory: [stock('P', '1')], horizonDays: 6 }, 3));
    expect(builds(f)).toEqual([['NODE', '2026-03-02', 1, '2026-03-05']]);
    expect(online(f)).toEqual([0, 0, 0, 8, 8, 8]);
  });

  it('a component arriving after the start day is not available to that build', async () => {
    const m = model({
      horizonDays: 6,
      items: [part('A'), part('B'), capacity('NODE', 8, 'S1')],
      recipes: [recipe('NODE', { A: '1', B: '1' })],
      inventory: [stock('A', '1')],
      poLines: [line('B', '1', '2026-03-04')],
    });
    const f = await run(m);
    expect(builds(f)).toEqual([['NODE', '2026-03-04', 1, '2026-03-04']]);
  });

  it('output with zero lead time is usable by another build the same day', async () => {
    const m = model({
      horizonDays: 3,
      items: [part('P'), part('MID'), capacity('NODE', 8, 'S1')],
      recipes: [recipe('MID', { P: '1' }), recipe('NODE', { MID: '1' })],
      inventory: [stock('P', '1')],
    });
    const f = await run(m);
    expect(online(f)).toEqual([8, 8, 8]);
  });

  it('a build whose output would land on day H or later counts for nothing and is not scheduled', async () => {
    const f = await run(simple({ horizonDays: 5, inventory: [stock('P', '3')] }, 5));
    expect(f.builds).toEqual([]);
    expect(f.gpuDays).toBe(0);
    expect(f.warnings).toContainEqual(expect.objectContaining({ kind: 'recipeNeverRuns', sku: 'NODE' }));
  });

  it('at most max_starts_per_week builds start within one ISO week, Monday to Sunday', async () => {
    // Saturday 7 March to Tuesday 10 March: the limit resets on Monday 9 March.
    const f = await run(simple({ planStart: '2026-03-07', horizonDays: 4, inventory: [stock('P', '10')] }, 0, 2));
    expect(builds(f)).toEqual([
      ['NODE', '2026-03-07', 2, '2026-03-07'],
      ['NODE', '2026-03-09', 2, '2026-03-09'],
    ]);
    expect(online(f)).toEqual([16, 16, 32, 32]);
  });

  it('a blank weekly limit means no limit', async () => {
    const f = await run(simple({ horizonDays: 2, inventory: [stock('P', '1000')] }, 0, null));
    expect(f.builds[0]!.quantity).toBe(1000);
  });

  it('builds are whole, and decimal quantities stay exact: 30 m of pipe at 12.5 m a rack makes 2 racks', async () => {
    const m = model({
      horizonDays: 3,
      items: [part('PIPE-DN100-M', 'PHX1', 'm'), capacity('RACK-ONLINE', 8, 'PHX1')],
      recipes: [recipe('RACK-ONLINE', { 'PIPE-DN100-M': '12.5' })],
      inventory: [stock('PIPE-DN100-M', '30')],
    });
    const f = await run(m);
    expect(builds(f)).toEqual([['RACK-ONLINE', '2026-03-02', 2, '2026-03-02']]);
    expect(f.pegging.find((b) => b.sku === 'RACK-ONLINE')!.inputs[0]!.quantity).toBe('25');
  });

  it('GPUs online count the capacity items’ output times GPUs per unit, by the capacity item’s site', async () => {
    const m = model({
      horizonDays: 2,
      items: [part('P'), capacity('NODE-PHX1', 8, 'PHX1'), capacity('NODE-DSM2', 4, 'DSM2')],
      recipes: [recipe('NODE-PHX1', { P: '1' }), recipe('NODE-DSM2', { P: '1' })],
      inventory: [stock('P', '5')],
    });
    const f = await run(m);
    // Every P goes to the 8-GPU node: that maximises GPU-days.
    expect(f.series[0]).toEqual({ date: '2026-03-02', gpusOnline: 40, bySite: { DSM2: 0, PHX1: 40 } });
  });

  it('capacity items already on hand are online from day 0', async () => {
    const f = await run(simple({ horizonDays: 3, inventory: [stock('NODE', '2')] }));
    expect(online(f)).toEqual([16, 16, 16]);
  });

  it('GPU-days is the sum of GPUs online over days 0 … H−1', async () => {
    const f = await run(simple({ horizonDays: 10, poLines: [line('P', '3', '2026-03-04'), line('P', '1', '2026-03-09')] }, 1));
    expect(f.gpuDays).toBe(online(f).reduce((a, b) => a + b, 0));
    expect(f.gpuDays).toBe(24 * 7 + 8 * 2);
  });

  it('the same inputs always give the same forecast', async () => {
    const m = model({
      horizonDays: 21,
      items: [part('GPU'), part('RP-A', 'A'), part('RP-B', 'B'), capacity('NODE-A', 8, 'A'), capacity('NODE-B', 8, 'B')],
      recipes: [recipe('NODE-A', { GPU: '8', 'RP-A': '1' }, { lead: 3, limit: 2 }), recipe('NODE-B', { GPU: '8', 'RP-B': '1' }, { lead: 1, limit: 3 })],
      inventory: [stock('GPU', '64'), stock('RP-A', '4'), stock('RP-B', '4')],
      poLines: [line('GPU', '32', '2026-03-10')],
    });
    const a = await computeForecast(m);
    const b = await computeForecast(m);
    expect({ ...a, stats: null }).toEqual({ ...b, stats: null });
  });
});
