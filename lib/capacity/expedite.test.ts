import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, parseDate } from './dates';
import { actionableLines, type PlanMemo } from './expedite';
import { normalize } from './normalize';
import { capacity, line, model, part, recipe } from './testing/builders';

// Two parts, each with open lines landing through the horizon (some on the same day), so plans pull in several.
const supplied = model({
  horizonDays: 60,
  items: [part('GPU'), part('RP', 'PHX1'), capacity('NODE', 8, 'PHX1')],
  recipes: [recipe('NODE', { GPU: '8', RP: '1' }, { lead: 3 })],
  poLines: [
    ...[5, 9, 9, 14, 20, 26, 31, 40, 47, 55].map((d, k) => line('GPU', String(8 * (k + 1)), formatDate(parseDate('2026-03-02')! + d), { supplier: 'NVIDIA', lineNo: k + 1 })),
    ...[3, 12, 18, 18, 33, 44, 58].map((d, k) => line('RP', String(k + 2), formatDate(parseDate('2026-03-02')! + d), { supplier: 'LEGRAND', lineNo: k + 1 })),
  ],
});

type PlanLine = { sku: string; date: string; qty: Decimal };

/** A cumulative plan's lines in need-by order (then item), as forecast.ts hands them over. */
const inOrder = (lines: Map<string, PlanLine>) =>
  [...lines.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));

describe('actionable lines', () => {
  it('pulls in the soonest open lines landing after the need-by date, whole, and orders the rest new', () => {
    const m = normalize(supplied);
    const [gpu] = actionableLines(m, [{ sku: 'GPU', date: '2026-03-10', qty: new Decimal(50) }], 'SHORTAGE');
    // Need-by day 8: the line on day 5 cannot help; the two on day 9 (16 and 24) and the one on day 14 (32) cover 50.
    expect(gpu!.pullIn.map((p) => [p.expectedDate, p.quantity, p.pullInDays])).toEqual([
      ['2026-03-11', '16', 1],
      ['2026-03-11', '24', 1],
      ['2026-03-16', '32', 6],
    ]);
    expect(gpu!.newOrderQuantity).toBeNull();
    const [rp] = actionableLines(m, [{ sku: 'RP', date: '2026-03-30', qty: new Decimal(100) }], 'SHORTAGE');
    expect(rp!.pullIn.map((p) => p.quantity)).toEqual(['6', '7', '8']);
    expect(rp!.newOrderQuantity).toBe('79');
  });

  it('answers a cumulative plan with a memo of the last one exactly as without it', () => {
    const m = normalize(supplied);
    const addition = fc.record({ sku: fc.constantFrom('GPU', 'RP'), day: fc.integer({ min: 0, max: 59 }), qty: fc.integer({ min: 1, max: 40 }) });
    fc.assert(
      fc.property(fc.array(fc.array(addition, { maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rounds) => {
        // Each round adds purchases to the plan so far (a target's on top of the earlier ones'), as targetShortages does.
        const lines = new Map<string, PlanLine>();
        const memo: PlanMemo = new Map();
        for (const round of rounds) {
          for (const a of round) {
            const date = formatDate(m.start + a.day);
            const key = `${a.sku}|${date}`;
            const e = lines.get(key);
            if (e) e.qty = e.qty.plus(a.qty);
            else lines.set(key, { sku: a.sku, date, qty: new Decimal(a.qty) });
          }
          const sorted = inOrder(lines).map((l) => ({ ...l }));
          expect(actionableLines(m, sorted, 'SHORTAGE', memo)).toEqual(actionableLines(m, sorted, 'SHORTAGE'));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('ignores the memo for lines out of need-by order', () => {
    const m = normalize(supplied);
    const memo: PlanMemo = new Map();
    const late = { sku: 'GPU', date: '2026-03-20', qty: new Decimal(30) };
    const early = { sku: 'GPU', date: '2026-03-08', qty: new Decimal(30) };
    actionableLines(m, [early, late], 'SHORTAGE', memo);
    expect(actionableLines(m, [late, early], 'SHORTAGE', memo)).toEqual(actionableLines(m, [late, early], 'SHORTAGE'));
    // An open line is still used once across the plan.
    const used = actionableLines(m, [late, early], 'SHORTAGE', memo).flatMap((l) => l.pullIn.map((p) => `${p.poNumber}/${p.lineNo}`));
    expect(new Set(used).size).toBe(used.length);
  });
});
