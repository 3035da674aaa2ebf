import { describe, expect, it } from 'vitest';
import { computeForecast } from './index';
import { capacity, line, model, part, recipe, stock } from './testing/builders';
import type { Adjustment, CapacityModel } from './types';

/** GPUs at two sites from pooled GPUs and site pipe; lines from two suppliers. */
const scenarioBase = (): CapacityModel =>
  model({
    horizonDays: 42,
    items: [part('GPU'), part('PIPE', 'PHX1', 'm'), capacity('NODE-PHX1', 8, 'PHX1'), capacity('NODE-DSM2', 8, 'DSM2')],
    recipes: [
      recipe('NODE-PHX1', { GPU: '8', PIPE: '12.5' }, { lead: 7, limit: 4 }),
      recipe('NODE-DSM2', { GPU: '8' }, { lead: 14, limit: 2 }),
    ],
    inventory: [stock('GPU', '32'), stock('PIPE', '25')],
    poLines: [
      line('GPU', '64', '2026-03-09', { supplier: 'NVIDIA', poNumber: 'PO-1', lineNo: 1 }),
      line('GPU', '64', '2026-03-16', { supplier: 'NVIDIA', poNumber: 'PO-1', lineNo: 2 }),
      line('PIPE', '50', '2026-03-05', { supplier: 'PIPECO', poNumber: 'PO-2', lineNo: 1 }),
      line('PIPE', '50', '2026-02-25', { supplier: 'PIPECO', poNumber: 'PO-2', lineNo: 2 }),
    ],
  });

async function gpuDays(m: CapacityModel) {
  return (await computeForecast(m, { shortages: 'none' })).gpuDaysExact;
}

/** The scenario must equal the baseline model edited by hand. */
async function expectSame(adjustments: Adjustment[], edit: (m: CapacityModel) => void) {
  const scenario = { ...scenarioBase(), adjustments };
  const edited = scenarioBase();
  edit(edited);
  const [a, b] = await Promise.all([computeForecast(scenario, { shortages: 'none' }), computeForecast(edited, { shortages: 'none' })]);
  expect(a.gpuDaysExact).toBe(b.gpuDaysExact);
  expect(a.builds).toEqual(b.builds);
}

describe('scenario adjustments', () => {
  it('the baseline is the scenario with no adjustments', async () => {
    expect(await gpuDays({ ...scenarioBase(), adjustments: [] })).toBe(await gpuDays(scenarioBase()));
  });

  it('delaying a supplier moves all its open lines by N days', async () => {
    await expectSame([{ kind: 'delaySupplier', supplier: 'NVIDIA', days: 7 }], (m) => {
      m.poLines[0]!.promisedDate = '2026-03-16';
      m.poLines[1]!.promisedDate = '2026-03-23';
    });
  });

  it('delaying a past-due line counts from the plan start, when it is expected now', async () => {
    await expectSame([{ kind: 'delayLine', supplier: 'PIPECO', poNumber: 'PO-2', lineNo: 2, days: 10 }], (m) => {
      m.poLines[3]!.promisedDate = '2026-03-12';
    });
  });

  it('delaying one PO line moves only that line', async () => {
    await expectSame([{ kind: 'delayLine', supplier: 'NVIDIA', poNumber: 'PO-1', lineNo: 2, days: 3 }], (m) => {
      m.poLines[1]!.promisedDate = '2026-03-19';
    });
  });

  it('scaling a line multiplies its quantity exactly', async () => {
    await expectSame([{ kind: 'scaleLine', supplier: 'PIPECO', poNumber: 'PO-2', lineNo: 1, factor: '0.25' }], (m) => {
      m.poLines[2]!.qty = '12.5';
    });
  });

  it('cancelling a line removes its supply', async () => {
    await expectSame([{ kind: 'cancelLine', supplier: 'NVIDIA', poNumber: 'PO-1', lineNo: 1 }], (m) => {
      m.poLines[0]!.status = 'cancelled';
    });
  });

  it('a hypothetical line adds supply like a real one', async () => {
    await expectSame(
      [{ kind: 'addLine', supplier: 'AMD', poNumber: 'PO-X', lineNo: 1, sku: 'GPU', qty: '16', promisedDate: '2026-03-04' }],
      (m) => m.poLines.push(line('GPU', '16', '2026-03-04', { supplier: 'AMD', poNumber: 'PO-X', lineNo: 1 })),
    );
  });

  it('changing a lead time or a weekly limit changes the recipe', async () => {
    await expectSame(
      [
        { kind: 'setLeadTime', outputSku: 'NODE-DSM2', leadTimeDays: 3 },
        { kind: 'setWeeklyLimit', outputSku: 'NODE-PHX1', maxStartsPerWeek: null },
      ],
      (m) => {
        m.recipes[1]!.leadTimeDays = 3;
        m.recipes[0]!.maxStartsPerWeek = null;
      },
    );
  });

  it('setting stock replaces that balance, or adds stock at a new location', async () => {
    await expectSame(
      [
        { kind: 'setStock', sku: 'PIPE', location: 'WH', onHand: '60' },
        { kind: 'setStock', sku: 'GPU', location: 'SUPPLIER-DOCK', onHand: '16' },
      ],
      (m) => {
        m.inventory[1]!.onHand = '60';
        m.inventory.push(stock('GPU', '16', 'SUPPLIER-DOCK'));
      },
    );
  });

  it('stock set to more never helps less', async () => {
    const base = Number(await gpuDays(scenarioBase()));
    const more = Number(await gpuDays({ ...scenarioBase(), adjustments: [{ kind: 'setStock', sku: 'PIPE', location: 'WH', onHand: '100' }] }));
    expect(more).toBeGreaterThan(base);
  });

  it('a supplier slipping six weeks never helps', async () => {
    const base = Number(await gpuDays(scenarioBase()));
    const slipped = Number(await gpuDays({ ...scenarioBase(), adjustments: [{ kind: 'delaySupplier', supplier: 'PIPECO', days: 42 }] }));
    expect(slipped).toBeLessThan(base);
  });

  it('adjustments apply in order: a hypothetical line can then be delayed', async () => {
    await expectSame(
      [
        { kind: 'addLine', supplier: 'AMD', poNumber: 'PO-X', lineNo: 1, sku: 'GPU', qty: '16', promisedDate: '2026-03-04' },
        { kind: 'delayLine', supplier: 'AMD', poNumber: 'PO-X', lineNo: 1, days: 2 },
      ],
      (m) => m.poLines.push(line('GPU', '16', '2026-03-06', { supplier: 'AMD', poNumber: 'PO-X', lineNo: 1 })),
    );
  });
});
