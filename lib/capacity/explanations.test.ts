import Decimal from 'decimal.js';
import fc from 'fast-check';
import { tinyModel } from './testing/arbitraries';
import { describe, expect, it } from 'vitest';
import { computeForecast } from './index';
import { capacity, line, model, part, recipe, stock } from './testing/builders';
import type { CapacityModel, Forecast } from './types';

/** GPUs and baseboards become DGX (7 days, 10 a week); DGX plus a rack position go online at PHX1 (2 days). */
const plant = (): CapacityModel =>
  model({
    horizonDays: 35,
    items: [part('GPU'), part('BASEBOARD'), part('DGX'), part('RACKPOS-PHX1', 'PHX1'), capacity('NODE-PHX1', 8, 'PHX1')],
    recipes: [
      recipe('DGX', { GPU: '8', BASEBOARD: '1' }, { lead: 7, limit: 10 }),
      recipe('NODE-PHX1', { DGX: '1', 'RACKPOS-PHX1': '1' }, { lead: 2 }),
    ],
    inventory: [stock('GPU', '80'), stock('BASEBOARD', '40')],
    poLines: [
      line('GPU', '160', '2026-03-10', { supplier: 'NVIDIA', poNumber: 'PO-7731', lineNo: 4 }),
      line('RACKPOS-PHX1', '12', '2026-02-27', { supplier: 'DC', poNumber: 'PO-1', lineNo: 1 }),
      line('RACKPOS-PHX1', '20', '2026-03-18', { supplier: 'DC', poNumber: 'PO-1', lineNo: 2 }),
    ],
    targets: [
      { date: '2026-03-20', gpusOnline: 80 },
      { date: '2026-04-01', gpusOnline: 400 },
    ],
  });

let cached: Forecast | null = null;
async function forecast() {
  cached ??= await computeForecast(plant());
  return cached;
}

describe('explanations', () => {
  it('pegs every unit brought online to the supply it consumed, on hand or a PO line, through every build level', async () => {
    const f = await forecast();
    const byId = new Map(f.pegging.map((b) => [b.batchId, b]));
    const leaves = (batchId: string, share: Decimal, into: Map<string, Decimal>) => {
      const b = byId.get(batchId)!;
      for (const inp of b.inputs) {
        const part = share.times(inp.quantity);
        if (inp.source.kind === 'build') leaves(inp.source.batchId, part.div(byId.get(inp.source.batchId)!.outputQuantity), into);
        else {
          const key = `${inp.sku} ${inp.source.kind === 'poLine' ? `${inp.source.supplier}/${inp.source.poNumber}/${inp.source.lineNo}` : 'on hand'}`;
          into.set(key, (into.get(key) ?? new Decimal(0)).plus(part));
        }
      }
    };
    const nodes = f.pegging.filter((b) => b.sku === 'NODE-PHX1');
    expect(nodes.reduce((s, b) => s + b.gpus, 0)).toBe(f.series.at(-1)!.gpusOnline);
    const total = new Map<string, Decimal>();
    for (const b of nodes) {
      // Each batch consumed exactly its BOM: one DGX and one rack position per build.
      const qty = (sku: string) => b.inputs.filter((i) => i.sku === sku).reduce((s, i) => s.plus(i.quantity), new Decimal(0));
      expect(qty('DGX').toNumber()).toBe(b.builds);
      expect(qty('RACKPOS-PHX1').toNumber()).toBe(b.builds);
      for (const i of b.inputs) expect(i.availableDate <= b.startDate).toBe(true);
      leaves(b.batchId, new Decimal(1), total);
    }
    const nodesBuilt = nodes.reduce((s, b) => s + b.builds, 0);
    const gpus = [...total].filter(([k]) => k.startsWith('GPU ')).reduce((s, [, v]) => s.plus(v), new Decimal(0));
    expect(gpus.toNumber()).toBe(nodesBuilt * 8);
    expect([...total.keys()]).toEqual(expect.arrayContaining(['GPU on hand', 'GPU NVIDIA/PO-7731/4', 'RACKPOS-PHX1 DC/PO-1/1']));
  });

  it('names as gating supply the one that arrived last, following build batches down to the PO line', async () => {
    const f = await forecast();
    // The first week's 10 DGX (the weekly limit, which comes first in the gate rule) use the 80 on-hand GPUs.
    const firstNode = f.pegging.find((b) => b.sku === 'NODE-PHX1')!;
    expect(firstNode.gate).toEqual({ kind: 'weeklyLimit', sku: 'DGX' });
    const gates = f.pegging.filter((b) => b.sku === 'NODE-PHX1').map((b) => b.gate!.kind);
    expect(gates).toContain('weeklyLimit');
    for (const b of f.pegging) expect(b.gate).not.toBeNull();
  });

  it('lists per ISO week the supplies and limits gating that week’s GPUs, adding up to the GPUs brought online', async () => {
    const f = await forecast();
    expect(f.bottlenecks.length).toBeGreaterThan(0);
    for (const w of f.bottlenecks) {
      expect(w.week).toMatch(/^2026-W\d\d$/);
      expect(w.gates.reduce((s, g) => s + g.gpus, 0)).toBe(w.gpusOnlined);
    }
    const total = f.bottlenecks.reduce((s, w) => s + w.gpusOnlined, 0);
    expect(total).toBe(f.series.at(-1)!.gpusOnline);
    expect(f.bottlenecks[0]!.week).toBe('2026-W11');
  });

  it('dates each target level and the standard levels within reach, or null', async () => {
    const f = await forecast();
    const first = (n: number) => f.series.find((p) => p.gpusOnline >= n)?.date ?? null;
    expect(f.milestones).toEqual([
      { kind: 'target', gpusOnline: 80, targetDate: '2026-03-20', date: first(80), met: true },
      { kind: 'target', gpusOnline: 400, targetDate: '2026-04-01', date: first(400), met: first(400) !== null && first(400)! <= '2026-04-01' },
    ]);
  });

  it('includes 1k/5k/10k/25k GPU milestones that are within reach', async () => {
    const m = plant();
    m.targets = [{ date: '2026-04-01', gpusOnline: 1500 }];
    const f = await computeForecast(m);
    expect(f.milestones.filter((x) => x.kind === 'level').map((x) => [x.gpusOnline, x.date])).toEqual([[1000, null]]);
  });

  it('warns about past-due lines, items with no supply and recipes that can never run', async () => {
    const m = plant();
    m.items.push(part('OPTIC'), part('SWITCH'), capacity('NODE-DSM2', 8, 'DSM2'));
    m.recipes.push(recipe('SWITCH', { OPTIC: '4' }), recipe('NODE-DSM2', { DGX: '1', SWITCH: '1' }));
    const f = await computeForecast(m);
    const kinds = f.warnings.map((w) => `${w.kind}:${'sku' in w ? w.sku : w.kind === 'pastDue' ? w.lines.map((l) => l.sku).join(',') : ''}`);
    expect(kinds).toEqual(expect.arrayContaining(['pastDue:RACKPOS-PHX1', 'noSupply:OPTIC', 'recipeNeverRuns:SWITCH', 'recipeNeverRuns:NODE-DSM2']));
  });

  it('pegs exactly what each batch consumed, from supplies that had arrived, and gates and bottlenecks add up (random models)', async () => {
    await fc.assert(
      fc.asyncProperty(tinyModel({ maxHorizon: 21, maxParts: 3, maxSites: 2, withIntermediate: true, deep: true, maxLines: 5, supplyScale: 2 }), async (m) => {
        const f = await computeForecast(m, { shortages: 'none' });
        const recipes = new Map(m.recipes.map((r) => [r.outputSku, r]));
        const byId = new Map(f.pegging.map((b) => [b.batchId, b]));
        for (const b of f.pegging) {
          expect(b.gate).not.toBeNull();
          for (const i of b.inputs) expect(i.availableDate <= b.startDate).toBe(true);
          const r = recipes.get(b.sku);
          if (!r || b.builds === 0) continue;
          for (const c of r.components) {
            const took = b.inputs.filter((i) => i.sku === c.sku).reduce((s, i) => s.plus(i.quantity), new Decimal(0));
            expect(took.toString()).toBe(new Decimal(c.qtyPerBuild).times(b.builds).toString());
          }
          for (const i of b.inputs) if (i.source.kind === 'build') expect(byId.get(i.source.batchId)?.sku).toBe(i.sku);
        }
        const online = f.series.at(-1)?.gpusOnline ?? 0;
        expect(f.pegging.reduce((s, b) => s + b.gpus, 0)).toBeCloseTo(online, 9);
        expect(f.bottlenecks.reduce((s, w) => s + w.gpusOnlined, 0)).toBeCloseTo(online, 9);
        for (const w of f.bottlenecks) expect(w.gates.reduce((s, g) => s + g.gpus, 0)).toBeCloseTo(w.gpusOnlined, 9);
      }),
      { numRuns: 150, seed: 3 },
    );
  }, 60_000);

  it('leaves pegging out on request but still explains bottlenecks', async () => {
    const f = await computeForecast(plant(), { pegging: 'none', shortages: 'none' });
    expect(f.pegging).toEqual([]);
    expect(f.bottlenecks).toEqual((await forecast()).bottlenecks);
  });

  it('reports optimality with its method', async () => {
    const f = await forecast();
    expect(f.optimality.status).toBe('optimal');
    expect(f.optimality.method).toEqual(expect.any(String));
  });
});
