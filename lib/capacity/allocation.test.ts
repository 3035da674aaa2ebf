import { describe, expect, it } from 'vitest';
import { computeForecast } from './index';
import { capacity, line, model, part, recipe, stock } from './testing/builders';
import { checkForecast } from './testing/feasibility';
import { oracleGpuDays } from './testing/oracle';
import type { CapacityModel } from './types';

async function solve(m: CapacityModel) {
  const f = await computeForecast(m, { shortages: 'none' });
  expect(checkForecast(m, f)).toEqual([]);
  expect(f.optimality.status).toBe('optimal');
  expect(f.gpuDaysExact).toBe(oracleGpuDays(m).toString());
  return f;
}

describe('optimal allocation where a greedy schedule goes wrong', () => {
  it('holds a pooled node back for the site that brings it online sooner next week rather than sending it to a slow site now', async () => {
    // Two DGX on day 0. DSM2 installs one a week, same day; PHX1 takes 10 days.
    // As soon as possible: DSM2 day 0 (14 days online) + PHX1 day 0 (4 days).
    // Optimal: DSM2 day 0 and DSM2 again on Monday (7 days).
    const m = model({
      items: [part('DGX'), part('RP-PHX1', 'PHX1'), part('RP-DSM2', 'DSM2'), capacity('NODE-PHX1', 8, 'PHX1'), capacity('NODE-DSM2', 8, 'DSM2')],
      recipes: [
        recipe('NODE-PHX1', { DGX: '1', 'RP-PHX1': '1' }, { lead: 10 }),
        recipe('NODE-DSM2', { DGX: '1', 'RP-DSM2': '1' }, { lead: 0, limit: 1 }),
      ],
      inventory: [stock('DGX', '2'), stock('RP-PHX1', '10'), stock('RP-DSM2', '10')],
    });
    const f = await solve(m);
    expect(f.gpuDays).toBe(8 * 14 + 8 * 7);
    expect(f.builds.map((b) => [b.sku, b.startDate, b.quantity])).toEqual([
      ['NODE-DSM2', '2026-03-02', 1],
      ['NODE-DSM2', '2026-03-09', 1],
    ]);
  });

  it('gives pooled GPUs to the site whose rack positions arrive first, whichever site is listed first', async () => {
    const m = model({
      horizonDays: 21,
      items: [part('GPU'), part('RP-A', 'A'), part('RP-B', 'B'), capacity('NODE-A', 8, 'A'), capacity('NODE-B', 8, 'B')],
      recipes: [recipe('NODE-A', { GPU: '8', 'RP-A': '1' }, { lead: 2 }), recipe('NODE-B', { GPU: '8', 'RP-B': '1' }, { lead: 2 })],
      inventory: [stock('GPU', '32'), stock('RP-B', '4')],
      poLines: [line('RP-A', '4', '2026-03-12'), line('GPU', '32', '2026-03-16')],
    });
    const f = await solve(m);
    expect(f.builds.filter((b) => b.startDate === '2026-03-02')).toEqual([expect.objectContaining({ sku: 'NODE-B', quantity: 4 })]);
  });

  it('shares a part used at two BOM levels', async () => {
    // A tray takes one cable; a node takes a tray and two more cables.
    const m = model({
      horizonDays: 10,
      items: [part('CABLE'), part('BOARD'), part('TRAY'), capacity('NODE', 8, 'PHX1')],
      recipes: [recipe('TRAY', { CABLE: '1', BOARD: '1' }, { lead: 1 }), recipe('NODE', { TRAY: '1', CABLE: '2' }, { lead: 1 })],
      inventory: [stock('CABLE', '7'), stock('BOARD', '5')],
      poLines: [line('CABLE', '2', '2026-03-05')],
    });
    const f = await solve(m);
    expect(f.builds.filter((b) => b.sku === 'NODE').reduce((s, b) => s + b.quantity, 0)).toBe(3);
  });

  it('splits scarce pipe between sites with weekly install limits', async () => {
    const m = model({
      horizonDays: 21,
      items: [part('PIPE', null, 'm'), part('DGX'), capacity('NODE-A', 8, 'A'), capacity('NODE-B', 4, 'B')],
      recipes: [
        recipe('NODE-A', { PIPE: '12.5', DGX: '1' }, { lead: 3, limit: 2 }),
        recipe('NODE-B', { PIPE: '7.5', DGX: '1' }, { lead: 0, limit: 3 }),
      ],
      inventory: [stock('PIPE', '60'), stock('DGX', '6')],
      poLines: [line('PIPE', '25', '2026-03-09'), line('DGX', '2', '2026-03-10')],
    });
    await solve(m);
  });
});
