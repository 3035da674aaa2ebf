import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, parseDate } from './dates';
import { actionableLines, PlanMemo } from './expedite';
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

  it('answers cumulative plans, with or without a memo, in any order, as the plain rule does', () => {
    const m = normalize(supplied);
    const addition = fc.record({ sku: fc.constantFrom('GPU', 'RP'), day: fc.integer({ min: 0, max: 59 }), qty: fc.integer({ min: 1, max: 40 }) });
    const round = fc.record({ add: fc.array(addition, { maxLength: 5 }), shuffle: fc.option(fc.integer({ min: 1, max: 1_000 }), { freq: 3 }) });
    fc.assert(
      fc.property(fc.array(round, { minLength: 1, maxLength: 8 }), (rounds) => {
        // Each round adds purchases to the plan so far (a target's on top of the earlier ones'), as targetShortages
        // does; some rounds hand the lines over out of need-by order (the memo must then not be trusted).
        const lines = new Map<string, PlanLine>();
        const memo = new PlanMemo();
        for (const r of rounds) {
          for (const a of r.add) {
            const date = formatDate(m.start + a.day);
            const key = `${a.sku}|${date}`;
            const e = lines.get(key);
            if (e) e.qty = e.qty.plus(a.qty);
            else lines.set(key, { sku: a.sku, date, qty: new Decimal(a.qty) });
          }
          const asked = inOrder(lines).map((l) => ({ ...l }));
          if (r.shuffle !== null) asked.sort((a, b) => ((a.date.charCodeAt(9) * r.shuffle!) % 7) - ((b.date.charCodeAt(9) * r.shuffle!) % 7));
          const expected = plainRule(asked);
          expect(actionableLines(m, asked, 'SHORTAGE', memo)).toEqual(expected);
          expect(actionableLines(m, asked, 'SHORTAGE')).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not trust the memo when a date does not parse (it may sort between two that do)', () => {
    const m = normalize(supplied);
    const memo = new PlanMemo();
    const a = { sku: 'GPU', date: '2026-03-07', qty: new Decimal(4) };
    const b = { sku: 'GPU', date: '2026-03-07x', qty: new Decimal(1) };
    const c = { sku: 'GPU', date: '2026-03-08', qty: new Decimal(4) };
    actionableLines(m, [a, b], 'SHORTAGE', memo);
    const answer = actionableLines(m, [a, b, c], 'SHORTAGE', memo);
    expect(answer).toEqual(plainRule([a, b, c]));
    const taken = answer.flatMap((l) => l.pullIn.map((p) => `${p.poNumber}/${p.lineNo}`));
    expect(new Set(taken).size).toBe(taken.length);
  });

  it("does not reuse another model's or another supplier's answers", () => {
    const m = normalize(supplied);
    const other = normalize({ ...supplied, poLines: supplied.poLines.slice(1) });
    const memo = new PlanMemo();
    const plan = [{ sku: 'GPU', date: '2026-03-03', qty: new Decimal(20) }];
    actionableLines(m, plan, 'SHORTAGE', memo);
    expect(actionableLines(other, plan, 'SHORTAGE', memo)).toEqual(actionableLines(other, plan, 'SHORTAGE'));
    expect(actionableLines(other, plan, 'NVIDIA', memo)).toEqual(actionableLines(other, plan, 'NVIDIA'));
  });
});

/**
 * The rule written plainly, from the model's own PO lines (an independent oracle): each line in turn takes
 * the open lines of its item landing after its need-by date, soonest first (then supplier, PO, line), whole,
 * each open line once across the plan, until its quantity is covered; the rest is a new order.
 */
function plainRule(lines: PlanLine[], supplier = 'SHORTAGE') {
  const start = parseDate(supplied.planStart)!;
  const open = supplied.poLines
    .filter((l) => l.status === 'open' && l.supplier !== supplier)
    .map((l) => ({ ...l, day: parseDate(l.promisedDate)! - start }))
    .sort((a, b) => a.day - b.day || cmp(a.supplier, b.supplier) || cmp(a.poNumber, b.poNumber) || a.lineNo - b.lineNo);
  const taken = new Set<string>();
  return lines.map((l) => {
    // As the engine reads it, a date that does not parse counts as day 0 of the epoch (far before the plan).
    const needDay = (parseDate(l.date) ?? 0) - start;
    let rest = l.qty;
    const pullIn = [];
    for (const c of open) {
      if (c.sku !== l.sku || c.day <= needDay || taken.has(`${c.supplier}|${c.poNumber}|${c.lineNo}`)) continue;
      if (rest.lte(0)) break;
      taken.add(`${c.supplier}|${c.poNumber}|${c.lineNo}`);
      pullIn.push({
        supplier: c.supplier,
        poNumber: c.poNumber,
        lineNo: c.lineNo,
        quantity: new Decimal(c.qty).toFixed(),
        promisedDate: c.promisedDate,
        expectedDate: formatDate(start + c.day),
        neededByDate: l.date,
        pullInDays: c.day - needDay,
      });
      rest = rest.minus(c.qty);
    }
    return { sku: l.sku, quantity: l.qty.toFixed(), needByDate: l.date, pullIn, newOrderQuantity: rest.gt(0) ? rest.toFixed() : null };
  });
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
