import { describe, expect, it } from 'vitest';
import { computeForecast, ModelValidationError, validateModel } from './index';
import { capacity, line, model, part, recipe, stock } from './testing/builders';
import type { CapacityModel } from './types';

const base = (): CapacityModel =>
  model({
    items: [part('GPU'), part('TRAY'), capacity('NODE', 8, 'PHX1')],
    recipes: [recipe('NODE', { GPU: '8', TRAY: '1' })],
    inventory: [stock('GPU', '16')],
  });

function problemsOf(m: CapacityModel) {
  try {
    validateModel(m);
  } catch (e) {
    expect(e).toBeInstanceOf(ModelValidationError);
    return (e as ModelValidationError).problems;
  }
  return [];
}

describe('model validation names the offending rows', () => {
  it('accepts a well-formed model', () => {
    expect(problemsOf(base())).toEqual([]);
  });

  it('rejects a cycle in the BOM, naming the items on it', () => {
    const m = base();
    m.items.push(part('A'), part('B'));
    m.recipes.push(recipe('A', { B: '1' }), recipe('B', { A: '1' }));
    expect(problemsOf(m)).toContainEqual(expect.objectContaining({ entity: 'recipe', key: 'A → B → A', message: expect.stringMatching(/cycle/) }));
  });

  it('rejects a recipe that uses its own output', () => {
    const m = base();
    m.recipes.push(recipe('TRAY', { TRAY: '1' }));
    expect(problemsOf(m)).toContainEqual(expect.objectContaining({ entity: 'recipe', key: 'TRAY → TRAY' }));
  });

  it('rejects unknown items in recipes, BOM lines, inventory and PO lines', () => {
    const m = base();
    m.recipes.push(recipe('GHOST', { GPU: '1' }));
    m.recipes[0]!.components.push({ sku: 'NOPE', qtyPerBuild: '1' });
    m.inventory.push(stock('MISSING', '1'));
    m.poLines.push(line('UNKNOWN', '1', '2026-03-03', { supplier: 'X', poNumber: 'PO-1', lineNo: 7 }));
    const p = problemsOf(m);
    expect(p).toContainEqual(expect.objectContaining({ entity: 'recipe', key: 'GHOST' }));
    expect(p).toContainEqual(expect.objectContaining({ entity: 'bom', key: 'NODE/NOPE' }));
    expect(p).toContainEqual(expect.objectContaining({ entity: 'inventory', key: 'MISSING@WH' }));
    expect(p).toContainEqual(expect.objectContaining({ entity: 'poLine', key: 'X/PO-1/7' }));
  });

  it('rejects a capacity item used as a component', () => {
    const m = base();
    m.items.push(capacity('POD', 64, 'PHX1'));
    m.recipes.push(recipe('POD', { NODE: '8' }));
    expect(problemsOf(m)).toContainEqual(expect.objectContaining({ entity: 'bom', key: 'POD/NODE', message: expect.stringMatching(/capacity/) }));
  });

  it('rejects two recipes for one item', () => {
    const m = base();
    m.recipes.push(recipe('NODE', { GPU: '4' }));
    expect(problemsOf(m)).toContainEqual(expect.objectContaining({ entity: 'recipe', key: 'NODE', message: expect.stringMatching(/two recipes/) }));
  });

  it('rejects negative quantities wherever they appear', () => {
    const m = base();
    m.inventory[0]!.onHand = '-3';
    m.recipes[0]!.components[0]!.qtyPerBuild = '-8';
    m.recipes[0]!.outputQty = '-1';
    m.poLines.push(line('GPU', '-5', '2026-03-03', { supplier: 'NV', poNumber: 'PO-9', lineNo: 1 }));
    const p = problemsOf(m);
    expect(p).toContainEqual(expect.objectContaining({ entity: 'inventory', key: 'GPU@WH', message: expect.stringMatching(/negative/) }));
    expect(p).toContainEqual(expect.objectContaining({ entity: 'bom', key: 'NODE/GPU', message: expect.stringMatching(/negative/) }));
    expect(p).toContainEqual(expect.objectContaining({ entity: 'recipe', key: 'NODE', message: expect.stringMatching(/negative/) }));
    expect(p).toContainEqual(expect.objectContaining({ entity: 'poLine', key: 'NV/PO-9/1', message: expect.stringMatching(/negative/) }));
  });

  it('rejects malformed dates, lead times, limits and horizons', () => {
    const m = base();
    m.planStart = '2026-02-30';
    m.horizonDays = 0;
    m.recipes[0]!.leadTimeDays = 1.5;
    m.recipes[0]!.maxStartsPerWeek = -1;
    m.poLines.push(line('GPU', '1', '03/04/2026', { supplier: 'NV', poNumber: 'PO-2', lineNo: 1 }));
    const keys = problemsOf(m).map((p) => `${p.entity}:${p.key}`);
    expect(keys).toEqual(expect.arrayContaining(['model:planStart', 'model:horizonDays', 'recipe:NODE', 'poLine:NV/PO-2/1']));
  });

  it('rejects duplicate PO lines and adjustments that point at nothing', () => {
    const m = base();
    m.poLines.push(line('GPU', '1', '2026-03-03', { supplier: 'NV', poNumber: 'PO-1', lineNo: 1 }));
    m.poLines.push(line('GPU', '2', '2026-03-04', { supplier: 'NV', poNumber: 'PO-1', lineNo: 1 }));
    m.adjustments = [
      { kind: 'delayLine', supplier: 'NV', poNumber: 'PO-404', lineNo: 1, days: 7 },
      { kind: 'setLeadTime', outputSku: 'GPU', leadTimeDays: 3 },
      { kind: 'delaySupplier', supplier: 'NOBODY', days: 3 },
    ];
    const p = problemsOf(m);
    expect(p).toContainEqual(expect.objectContaining({ entity: 'poLine', key: 'NV/PO-1/1', message: 'duplicate PO line' }));
    expect(p.filter((x) => x.entity === 'adjustment').map((x) => x.key)).toEqual(['#1 delayLine', '#2 setLeadTime', '#3 delaySupplier']);
  });

  it('never forecasts an invalid model', async () => {
    const m = base();
    m.recipes.push(recipe('NODE', { GPU: '4' }));
    await expect(computeForecast(m)).rejects.toBeInstanceOf(ModelValidationError);
  });

  it('reports every problem at once', () => {
    const m = base();
    m.inventory.push(stock('MISSING', '1'));
    m.recipes.push(recipe('NODE', { GPU: '4' }));
    expect(problemsOf(m).length).toBeGreaterThanOrEqual(2);
  });
});
