import { beforeAll, describe, expect, it } from 'vitest';
import { demoCapacityModel } from '@/bench/demo-model';
import { computeForecast, type CapacityModel, type Forecast } from '@/lib/capacity';
import { parseDay } from './calendar';
import { buildDemoData, DEMO_STORY } from './index';

// The demo's story (lib/demo/story.ts) checked against the forecast the dashboard
// shows: the capacity engine's own schedule of the demo model, not a simulation
// written for the test. No timing is asserted; the budget is generous so a busy
// machine still gets the proven optimum.

const ANCHOR = '2026-01-05'; // a Monday: plan week 0 starts here
const HORIZON = 364;
const QUARTER = 91;
const STORY_GATES = ['CONCRETE-M3-DSM2', 'PIPE-DN100-M', 'QM8700-HDR-40P', 'A100-SXM4-80G'];
const ENGINE = { shortages: 'none', pegging: 'none' } as const;

const data = buildDemoData(ANCHOR);
const model = demoCapacityModel(ANCHOR, { anchor: ANCHOR, horizonDays: HORIZON });

/** The model with unlimited stock of `sku` on day 0: how much would the ramp gain if it never ran short? */
function relaxed(sku: string): CapacityModel {
  return { ...model, inventory: [...model.inventory, { sku, location: 'UNLIMITED', onHand: '1000000000' }] };
}

/**
 * Unused stock of `sku` at the end of `day` in the engine's schedule, by the
 * conventions: on hand, plus open PO lines due by then, plus build output available
 * by then, minus what builds started by then took.
 */
function stockOn(f: Forecast, sku: string, day: number): number {
  const start = parseDay(ANCHOR);
  const dayOf = (iso: string) => Math.max(0, parseDay(iso) - start);
  let qty = 0;
  for (const s of model.inventory) if (s.sku === sku) qty += Number(s.onHand);
  for (const l of model.poLines) if (l.sku === sku && l.status === 'open' && dayOf(l.promisedDate) <= day) qty += Number(l.qty);
  const recipes = new Map(model.recipes.map((r) => [r.outputSku, r]));
  for (const b of f.builds) {
    if (b.sku === sku && dayOf(b.availableDate) <= day) qty += Number(b.outputQuantity);
    if (dayOf(b.startDate) > day) continue;
    const use = recipes.get(b.sku)!.components.find((c) => c.sku === sku);
    if (use) qty -= b.quantity * Number(use.qtyPerBuild);
  }
  return qty;
}

/** GPU-days gained in each quarter when `sku` is unlimited. */
function gainsByQuarter(base: Forecast, more: Forecast): number[] {
  return Array.from({ length: HORIZON / QUARTER }, (_, q) => {
    let gain = 0;
    for (let d = q * QUARTER; d < (q + 1) * QUARTER; d++) gain += more.series[d]!.gpusOnline - base.series[d]!.gpusOnline;
    return gain;
  });
}

describe('the demo story, in the engine’s forecast of the demo model', () => {
  let base: Forecast;
  const withUnlimited = new Map<string, Forecast>();

  beforeAll(async () => {
    base = await computeForecast(model, ENGINE);
    for (const sku of STORY_GATES) withUnlimited.set(sku, await computeForecast(relaxed(sku), ENGINE));
  }, 900_000);

  it('is the proven optimum, never lets GPUs online go down and brings well over 20,000 online within the year', () => {
    expect(base.optimality.status).toBe('optimal');
    for (let d = 1; d < HORIZON; d++) expect(base.series[d]!.gpusOnline).toBeGreaterThanOrEqual(base.series[d - 1]!.gpusOnline);
    expect(base.series.findIndex((p) => p.gpusOnline >= 10_000)).toBeGreaterThan(0);
    expect(base.series.at(-1)!.gpusOnline).toBeGreaterThanOrEqual(20_000);
  });

  it('falls short of the target while each gate binds and catches up in between', () => {
    const online = new Map(base.series.map((p) => [p.date, p.gpusOnline]));
    const short = data.targets.map((t, i) => (online.get(t.date!)! < Number(t.gpus_online) ? i + 1 : null)).filter((p) => p !== null);
    expect(short).toEqual([2, 3, 4, 5, 8, 9, 10, 12, 13]);
    // The dashboard's milestones say the same.
    expect(base.milestones.filter((m) => m.kind === 'target' && m.met === false).map((m) => m.targetDate)).toEqual(short.map((p) => data.targets[p - 1]!.date));
  });

  it('is gated by concrete, then pipe, then InfiniBand switches, then GPUs, quarter by quarter', () => {
    // Each quarter's gate is the story gate whose unlimited supply would gain the most GPU-days in that quarter.
    const gains = STORY_GATES.map((sku) => gainsByQuarter(base, withUnlimited.get(sku)!));
    const gateOfQuarter = [0, 1, 2, 3].map((q) => STORY_GATES[gains.map((g) => g[q]!).reduce((best, g, i, all) => (g > all[best]! ? i : best), 0)]);
    expect(gateOfQuarter).toEqual(STORY_GATES);
    for (let q = 0; q < 4; q++) expect(gains[q]![q]).toBeGreaterThan(0);
  });

  it('idles thousands of GPUs while the pipe is late', () => {
    const day = 18 * 7 + 6; // end of week 18, the pipe due in week 19
    const idle = stockOn(base, 'A100-SXM4-80G', day) + 8 * stockOn(base, 'DGX-A100', day);
    expect(idle).toBeGreaterThanOrEqual(5_000);
    expect(stockOn(base, 'PIPE-DN100-M', day)).toBeLessThan(12.5);
  });

  it('stalls on switches in the third quarter with built nodes waiting', () => {
    const day = 30 * 7 + 6;
    expect(stockOn(base, 'QM8700-HDR-40P', day)).toBeLessThan(12);
    expect(stockOn(base, 'DGX-A100', day)).toBeGreaterThanOrEqual(200);
  });

  it('names, for each gated phase, a real open PO line of the gating SKU', () => {
    const gated = DEMO_STORY.filter((p) => p.gateSku);
    expect(gated.map((p) => p.gateSku)).toEqual(STORY_GATES);
    for (const phase of gated) {
      const ref = phase.keyLine!;
      const line = data['purchase-orders'].find((p) => p.supplier === ref.supplier && p.po_number === ref.poNumber && p.line === ref.line);
      expect(line?.sku, phase.title).toBe(phase.gateSku);
      expect(line?.status, phase.title).toBe('open');
    }
    for (let i = 1; i < DEMO_STORY.length; i++) expect(DEMO_STORY[i]!.fromWeek).toBeGreaterThan(DEMO_STORY[i - 1]!.toWeek);
  });
});
