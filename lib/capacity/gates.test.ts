import { describe, expect, it } from 'vitest';
import { computeForecast } from './index';
import { capacity, line, model, part, recipe, stock } from './testing/builders';
import type { CapacityModel, Gate } from './types';

/** Gate of every batch of one SKU, by start date. */
async function gates(m: CapacityModel, sku: string): Promise<Array<[string, Gate | null]>> {
  const f = await computeForecast(m, { shortages: 'none' });
  return f.pegging.filter((b) => b.sku === sku).map((b) => [b.startDate, b.gate]);
}

// Plan start 2026-03-02 is a Monday: days 0–6 are ISO week 10.
describe('gates name the cause, table by table', () => {
  it('a recipe running at its weekly limit is gated by it, not by the first component listed or stock never short', async () => {
    // One site: 10 starts a week, 1,000 GPU kits on hand, one pipe delivery covering everything.
    const m = model({
      horizonDays: 21,
      items: [part('GPU-KIT'), part('PIPE', 'PHX1', 'm'), capacity('NODE', 8, 'PHX1')],
      recipes: [recipe('NODE', { 'GPU-KIT': '1', PIPE: '2' }, { lead: 1, limit: 10 })],
      inventory: [stock('GPU-KIT', '1000')],
      poLines: [line('PIPE', '1000', '2026-03-02', { supplier: 'FERG', poNumber: 'PO-1' })],
    });
    const g = await gates(m, 'NODE');
    expect(g.length).toBeGreaterThan(0);
    for (const [, gate] of g) expect(gate).toEqual({ kind: 'weeklyLimit', sku: 'NODE' });
  });

  it('a build that waited for a delivery names the PO line: supplier, PO, line and promised date', async () => {
    const m = model({
      items: [part('KIT'), part('PIPE', 'PHX1', 'm'), capacity('NODE', 8, 'PHX1')],
      recipes: [recipe('NODE', { KIT: '1', PIPE: '1' })],
      inventory: [stock('KIT', '100')],
      poLines: [line('PIPE', '10', '2026-03-06', { supplier: 'FERG', poNumber: 'PO-9', lineNo: 3 })],
    });
    expect(await gates(m, 'NODE')).toEqual([
      ['2026-03-06', { kind: 'poLine', sku: 'PIPE', supplier: 'FERG', poNumber: 'PO-9', lineNo: 3, promisedDate: '2026-03-06', availableDate: '2026-03-06' }],
    ]);
  });

  it('a past-due line names its promised date as well as the day it is counted on', async () => {
    const m = model({
      items: [part('PIPE', 'PHX1', 'm'), capacity('NODE', 8, 'PHX1')],
      recipes: [recipe('NODE', { PIPE: '1' })],
      poLines: [line('PIPE', '4', '2026-02-20', { supplier: 'FERG', poNumber: 'PO-8', lineNo: 1 })],
    });
    expect(await gates(m, 'NODE')).toEqual([
      ['2026-03-02', { kind: 'poLine', sku: 'PIPE', supplier: 'FERG', poNumber: 'PO-8', lineNo: 1, promisedDate: '2026-02-20', availableDate: '2026-03-02' }],
    ]);
  });

  it('stock on hand gates only the build that used the last of it, whichever component is listed first', async () => {
    // KIT sorts first and is plentiful; PIPE runs out: the day-0 builds are gated by PIPE on hand.
    const m = model({
      items: [part('KIT'), part('PIPE', 'PHX1', 'm'), capacity('NODE', 8, 'PHX1')],
      recipes: [recipe('NODE', { KIT: '1', PIPE: '1' })],
      inventory: [stock('KIT', '1000'), stock('PIPE', '5')],
      poLines: [line('PIPE', '5', '2026-03-09', { supplier: 'FERG', poNumber: 'PO-2', lineNo: 1 })],
    });
    expect(await gates(m, 'NODE')).toEqual([
      ['2026-03-02', { kind: 'onHand', sku: 'PIPE' }],
      ['2026-03-09', { kind: 'poLine', sku: 'PIPE', supplier: 'FERG', poNumber: 'PO-2', lineNo: 1, promisedDate: '2026-03-09', availableDate: '2026-03-09' }],
    ]);
  });

  it('a build waiting for a sub-assembly is traced through that build to the PO line that held it', async () => {
    const m = model({
      horizonDays: 21,
      items: [part('GPU'), part('RACK', 'PHX1'), part('DGX'), capacity('NODE', 8, 'PHX1')],
      recipes: [recipe('DGX', { GPU: '8' }, { lead: 3 }), recipe('NODE', { DGX: '1', RACK: '1' })],
      inventory: [stock('RACK', '10')],
      poLines: [line('GPU', '16', '2026-03-05', { supplier: 'NVIDIA', poNumber: 'PO-7731', lineNo: 4 })],
    });
    expect(await gates(m, 'NODE')).toEqual([
      ['2026-03-08', { kind: 'poLine', sku: 'GPU', supplier: 'NVIDIA', poNumber: 'PO-7731', lineNo: 4, promisedDate: '2026-03-05', availableDate: '2026-03-05' }],
    ]);
  });

  it('a component recipe at its weekly limit gates the builds waiting for its output', async () => {
    // Racks are made 2 a week; nodes wait for them, and the gate says so (the rack recipe's limit).
    const m = model({
      horizonDays: 21,
      items: [part('FRAME'), part('RACK', 'PHX1'), part('KIT'), capacity('NODE', 8, 'PHX1')],
      recipes: [recipe('RACK', { FRAME: '1' }, { lead: 1, limit: 2 }), recipe('NODE', { RACK: '1', KIT: '1' })],
      inventory: [stock('FRAME', '100'), stock('KIT', '100')],
    });
    const g = await gates(m, 'NODE');
    expect(g.length).toBeGreaterThan(0);
    for (const [, gate] of g) expect(gate).toEqual({ kind: 'weeklyLimit', sku: 'RACK' });
  });
});
