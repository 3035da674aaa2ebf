import { stretchOf } from './core';
import { formatScaled, toScaled } from './decimal';
import { parseDate } from './dates';
import { gateKey } from './bottlenecks';
import { batchGpus, type Batch } from './pegging';
import type { EffectiveLine } from './adjustments';
import type { NModel } from './normalize';
import { netStock } from './schedule';
import type { Solution } from './solve';
import type { CapacityModel, PoLineValue } from './types';

/** A week, the unit of slip and pull-in. */
export const WEEK_DAYS = 7;
/**
 * Quick-tier re-runs: two per line for as many lines as this work allows (core
 * variables × lines), at most MAX_EXACT_LINES lines' worth. Work, never time:
 * the same model always re-runs the same moves. On the demo build-out (about
 * 1,800 core variables) that is 68 re-runs (27 slips that can cost something,
 * then 41 pull-ins; about 5 s of one worker, in the background, once per data
 * version); on a model whose core is above the quick tier's LP budget, two.
 */
export const LINE_VALUE_WORK = 60_000;
export const MAX_EXACT_LINES = 36;

interface OpenLine {
  line: EffectiveLine;
  item: number;
  /** The day it arrives in this scenario (H or later: after the horizon). */
  day: number;
  qty: number;
}

export interface LineValueInput {
  /** The scenario the forecast is of. */
  model: CapacityModel;
  /** Its quick-tier run: the schedule's GPU-days (scaled), and the LP it solved, whose duals price supply. */
  m: NModel;
  sol: Solution;
  gpuDays: number;
  /** The forecast's own schedule, pegged: which builds each line gated. */
  batches: Batch[];
  /**
   * A schedule proven optimal for this scenario (the forecast's own, or the re-runs' base), starts per recipe per
   * day: a line it needs none of until a week after it lands slips a week at no cost, since that optimum survives
   * the slip. Null when no schedule at hand is proven optimal: then no slip is taken as free (a schedule short of
   * the optimum keeping its GPU-days says nothing of what the optimum loses).
   */
  optimalStarts: Float64Array[] | null;
  /** Scaled GPU-days of the engine at the quick tier on another scenario. */
  rerun: (model: CapacityModel) => Promise<number>;
  /** Lines by this supplier are the forecast's own hypothetical orders, never valued. */
  hypotheticalSupplier: string;
}

/**
 * What each open PO line is worth (issue 13, item 5): GPU-days lost if it
 * slips a week, gained if it comes a week earlier, and the GPUs of the builds
 * it gated.
 *
 * Exact lines: the engine re-run at the quick tier with the line moved a week
 * (a `delayLine` of +7 or −7 days on top of the scenario), against the same
 * tier's answer without it. The lines re-solved are those whose quantity the LP
 * prices highest where it lands, or that gate the most GPUs, as many as the
 * work budget allows.
 * Other lines: first-order estimates from the LP relaxation's shadow prices. A
 * line of q units moved from day a to day b changes the LP's right-hand sides
 * by −q on a's stock stretch and +q on b's, so its bound moves by about
 * q × (π(b) − π(a)). That holds while the basis stays optimal (small lines,
 * prices that change within the week); a large line, or one whose price
 * changes only beyond the week, is worth more than that says — which is why
 * the lines the LP prices highest are re-solved. Items the LP does not price
 * (plentiful ones) come out at 0.
 * Moves that cannot change anything are exact zeros without a re-run: pulling
 * in a line already due on the plan start, slipping one already past the horizon,
 * and slipping a line an optimal schedule needs none of before a week after it
 * lands (its stock of the item never falls below the line's quantity in that
 * week): that schedule still holds with the line a week late, so the optimum
 * loses nothing. The schedule must be proven optimal (the proven tier's, as the
 * dashboard's baseline is): a schedule short of the optimum keeping its GPU-days
 * says nothing of what the optimum loses. On the demo's baseline 351 of 373 lines
 * are such; a review re-ran the proven tier for each: all 0. The re-runs go to the other slips first
 * (they can cost something), most at stake first, then to pull-ins: on the demo
 * every slip is then exact.
 */
export async function poLineValues(input: LineValueInput): Promise<{ values: PoLineValue[]; note: string }> {
  const { m, sol, model } = input;
  const scale = 10 ** m.gpuDigits;
  const lines = openLines(m, input.hypotheticalSupplier);

  const gates = new Map<string, number>();
  for (const b of input.batches) {
    if (b.gate?.kind !== 'poLine') continue;
    const k = gateKey(b.gate);
    gates.set(k, (gates.get(k) ?? 0) + batchGpus(m, b));
  }
  const keyOf = (l: EffectiveLine) => gateKey({ kind: 'poLine', sku: l.sku, supplier: l.supplier, poNumber: l.poNumber, lineNo: l.lineNo, promisedDate: '', availableDate: '' });

  const price = shadowPrices(m, sol);
  const estimate = (l: OpenLine) => ({
    lost: Math.max(0, (l.qty * (price(l.item, l.day) - price(l.item, l.day + WEEK_DAYS))) / scale),
    gained: Math.max(0, (l.qty * (price(l.item, Math.max(0, l.day - WEEK_DAYS)) - price(l.item, l.day))) / scale),
  });
  // What the LP says the line's whole quantity is worth where it lands: the lines whose timing can matter most.
  const worth = (l: OpenLine) => (l.qty * price(l.item, Math.min(l.day, m.H - 1))) / scale;
  const rows = lines.map((l) => ({ l, est: estimate(l), worth: worth(l), gates: (gates.get(keyOf(l.line)) ?? 0) / scale }));

  // Re-runs (a line a week later, or a week earlier), as many as the work allows: first the slips that can cost
  // something, then pull-ins, each most at stake first by the LP or by what the line gates.
  const budget = Math.min(MAX_EXACT_LINES, Math.max(1, Math.floor(LINE_VALUE_WORK / Math.max(1, sol.core.nVars))));
  const score = (r: (typeof rows)[number]) => Math.max(r.est.lost, r.est.gained, r.worth, r.gates * WEEK_DAYS);
  const ranked = [...rows].sort((a, b) => score(b) - score(a) || a.l.day - b.l.day || lineOrder(a.l.line, b.l.line));
  const slipFree = input.optimalStarts ? slipsFree(m, input.optimalStarts, lines) : new Set<OpenLine>();
  const moved = (l: OpenLine, days: number) =>
    input.rerun({ ...model, adjustments: [...(model.adjustments ?? []), { kind: 'delayLine', supplier: l.line.supplier, poNumber: l.line.poNumber, lineNo: l.line.lineNo, days }] });
  let reruns = 2 * budget;
  const lostExact = new Map<OpenLine, number>();
  const gainedExact = new Map<OpenLine, number>();
  for (const { l } of ranked) {
    if (reruns === 0) break;
    if (l.day >= m.H || slipFree.has(l)) continue;
    lostExact.set(l, Math.max(0, input.gpuDays - (await moved(l, WEEK_DAYS))) / scale);
    reruns--;
  }
  // A line whose slip was found to cost something is at stake whatever the LP says: pull-ins rank by that too.
  const pullScore = (r: (typeof rows)[number]) => Math.max(score(r), lostExact.get(r.l) ?? 0);
  const pullRanked = [...rows].sort((a, b) => pullScore(b) - pullScore(a) || a.l.day - b.l.day || lineOrder(a.l.line, b.l.line));
  for (const { l } of pullRanked) {
    if (reruns === 0) break;
    if (l.day === 0) continue;
    gainedExact.set(l, Math.max(0, (await moved(l, -WEEK_DAYS)) - input.gpuDays) / scale);
    reruns--;
  }

  const values: PoLineValue[] = rows.map(({ l, est, gates: g }) => {
    // Exact without a re-run: past the horizon already, or the schedule still holds with the line a week late.
    const lost = l.day >= m.H || slipFree.has(l) ? 0 : lostExact.get(l);
    const gained = l.day === 0 ? 0 : gainedExact.get(l);
    return {
      supplier: l.line.supplier,
      poNumber: l.line.poNumber,
      lineNo: l.line.lineNo,
      sku: l.line.sku,
      promisedDate: l.line.promisedDate,
      qty: formatScaled(l.qty, m.items[l.item]!.digits),
      gatesGpus: g,
      gpuDaysLostPerWeekSlip: round2(lost ?? est.lost),
      gpuDaysGainedPerWeekPullIn: round2(gained ?? est.gained),
      exact: lost !== undefined && gained !== undefined,
      slipExact: lost !== undefined,
    };
  });
  values.sort((a, b) => b.gpuDaysLostPerWeekSlip - a.gpuDaysLostPerWeekSlip || lineOrder(a, b));
  const exactCount = values.filter((v) => v.exact).length;
  const slipExactCount = values.filter((v) => v.slipExact).length;
  const note =
    `${exactCount} of ${values.length} open lines exact both ways, and the slip of ${slipExactCount}. ` +
    `Exact: the engine re-run at the quick tier with the line a week later or a week earlier, ` +
    `against the same tier's answer for this scenario (a difference below zero, possible only where the quick tier's answers are not proven optimal, shows as 0); ` +
    `or 0 without a re-run where the move cannot change anything: a line the forecast's optimal schedule needs none of until a week after it lands slips a week at no cost (${slipFree.size} lines${input.optimalStarts ? '' : ': no schedule at hand is proven optimal'}), ` +
    `a line past the horizon loses nothing by slipping, a line due on the plan start gains nothing by coming earlier. ` +
    (sol.lp
      ? `The others are estimates from the LP relaxation's shadow prices: the quantity times the change in the price of the item's stock between the two dates, ` +
        `the first-order change of the LP bound; items the LP does not price (plentiful ones, or made outside its core) show 0.`
      : `The others show 0: the quick tier solved no LP relaxation for this model (its core is above the LP work budget), so there are no shadow prices to estimate from.`) +
    ` Shadow prices hold only for small moves, so an estimate can understate a large line's worth; the re-runs (as many as the work budget allows: ${2 * budget}) go first to the slips that can cost something, then to pull-ins, each to the lines whose quantity the LP prices highest where it lands, that gate the most GPUs or (for pull-ins) whose slip costs the most.`;
  return { values, note };
}

/**
 * The lines in the horizon an optimal schedule needs none of before a week after they land: its stock of the
 * item stays at or above the line's quantity every day of that week (to the horizon's end), so the schedule
 * still holds with the line a week later, keeps its GPU-days, and the optimum loses nothing. Never a line of a
 * capacity item: its units count as GPUs online from the day they arrive.
 */
function slipsFree(m: NModel, starts: Float64Array[], lines: OpenLine[]): Set<OpenLine> {
  const stock = netStock(m, starts);
  const free = new Set<OpenLine>();
  for (const l of lines) {
    // Units of a capacity item are GPUs online the day they arrive: a slip always costs, whatever the stock.
    if (l.day >= m.H || m.items[l.item]!.capacity) continue;
    const s = stock[l.item]!;
    let low = Infinity;
    for (let d = l.day; d < Math.min(m.H, l.day + WEEK_DAYS); d++) low = Math.min(low, s[d]!);
    if (low >= l.qty) free.add(l);
  }
  return free;
}

/** The scenario's open lines: in the horizon (the lots) and after it; not the forecast's own hypothetical ones. */
function openLines(m: NModel, hypotheticalSupplier: string): OpenLine[] {
  const out: OpenLine[] = [];
  const keep = (l: EffectiveLine) => !l.hypothetical && l.supplier !== hypotheticalSupplier;
  for (const lots of m.lots) for (const lot of lots) if (lot.source.kind === 'poLine' && keep(lot.source.line)) out.push({ line: lot.source.line, item: lot.item, day: lot.day, qty: lot.qty });
  for (const l of m.lateLines) {
    if (!keep(l)) continue;
    const item = m.itemIndex.get(l.sku)!;
    const day = Math.max(0, parseDate(l.promisedDate)! - m.start) + (l.delayDays ?? 0);
    out.push({ line: l, item, day, qty: toScaled(l.qty, m.items[item]!.digits) });
  }
  return out.sort((a, b) => lineOrder(a.line, b.line));
}

/**
 * GPU-days (scaled) the LP relaxation gives one more scaled unit of `item` on
 * `day`: the dual of the item's stock row for the stretch holding that day (0
 * where the LP has no such row: the item is plentiful, or the day is past its use).
 */
function shadowPrices(m: NModel, sol: Solution): (item: number, day: number) => number {
  const lp = sol.lp;
  if (!lp) return () => 0;
  const rowBase = new Map<number, { res: (typeof lp.core.resources)[number]; base: number }>();
  let row = 0;
  for (const res of lp.core.resources) {
    rowBase.set(res.key, { res, base: row });
    row += res.days.length;
  }
  return (item, day) => {
    const r = rowBase.get(2 * item + 1);
    if (!r || day >= m.H) return 0;
    const b = stretchOf(r.res, day);
    return b < 0 ? 0 : Math.abs(lp.rowDual[r.base + b]!) / r.res.unit;
  };
}

function lineOrder(a: { supplier: string; poNumber: string; lineNo: number }, b: { supplier: string; poNumber: string; lineNo: number }): number {
  return cmp(a.supplier, b.supplier) || cmp(a.poNumber, b.poNumber) || a.lineNo - b.lineNo;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
