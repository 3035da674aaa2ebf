import Decimal from 'decimal.js';
import { formatDate, parseDate } from './dates';
import type { EffectiveLine } from './adjustments';
import type { NModel } from './normalize';
import type { Adjustment, CapacityModel, PullIn } from './types';

/**
 * An open PO line that could be pulled in: where it lands in the scenario now. Its
 * quantity is parsed when a plan first looks at the line, once: a forecast lists every
 * open line as a candidate (375 on the demo) but its plans look at a few.
 */
class Candidate {
  private parsed: Decimal | null = null;

  constructor(
    readonly line: EffectiveLine,
    readonly day: number,
  ) {}

  get qty(): Decimal {
    return (this.parsed ??= new Decimal(this.line.qty));
  }

  get quantity(): string {
    return this.qty.toFixed();
  }
}

export interface ActionableLine {
  sku: string;
  quantity: string;
  needByDate: string;
  pullIn: PullIn[];
  /** What no open line can cover: to be ordered new (decimal string), or null. */
  newOrderQuantity: string | null;
}

/**
 * What one call worked out for each item's lines, in need-by order, to hand the next call of the same
 * model: a cumulative plan asks again for every earlier target's lines plus a few (thousands of lines on a
 * demo what-if, most of them unchanged).
 */
export class PlanMemo {
  /** The model and new-order supplier the answers are for: another's are never reused. */
  model: NModel | null = null;
  supplier = '';
  /** Each item's lines in need-by order, with their answers and where each stopped taking open lines. */
  items = new Map<string, { date: string; qty: Decimal; line: ActionableLine; stopped: number }[]>();
}

/**
 * Turns extra receipts (item, quantity, need-by date) into what procurement can
 * do: pull in open PO lines of that item that land after the need-by date,
 * soonest first (the smallest move), whole lines, until the quantity is covered;
 * whatever no open line covers is a new order. Each open line is used once
 * across the plan.
 *
 * With `memo` (lines in need-by order only): an item's lines that begin as they
 * did in the call that filled it (same model and supplier, same dates, same
 * quantities) get the same answers, so those are reused rather than worked out
 * again; the memo is then refilled for the next call. Lines of one item only ever
 * compete with each other. Reused answers are the same objects: read them, never
 * change them.
 */
export function actionableLines(
  m: NModel,
  lines: { sku: string; date: string; qty: Decimal }[],
  hypotheticalSupplier: string,
  memo?: PlanMemo,
): ActionableLine[] {
  const bySku = candidatesOf(m, hypotheticalSupplier);
  const used = new Set<EffectiveLine>();
  // Where the item's last line stopped taking candidates, and its need-by day.
  const stopped = new Map<string, { day: number; k: number }>();
  // Each need-by date parsed once (null: it does not parse).
  const days = lines.map((l) => parseDate(l.date));
  const remember = memo && inNeedByOrder(days) ? memo : undefined;
  const before = remember && remember.model === m && remember.supplier === hypotheticalSupplier ? remember.items : undefined;
  if (remember) {
    remember.model = m;
    remember.supplier = hypotheticalSupplier;
    remember.items = new Map();
  }
  // How many of each item's lines so far matched the memo (-1 once one did not).
  const matched = new Map<string, number>();

  return lines.map((l, i) => {
    const needDay = days[i]! - m.start;
    const previous = before?.get(l.sku);
    const j = matched.get(l.sku) ?? 0;
    const same = previous && j >= 0 ? previous[j] : undefined;
    if (same && same.date === l.date && same.qty.eq(l.qty)) {
      matched.set(l.sku, j + 1);
      stopped.set(l.sku, { day: needDay, k: same.stopped });
      record(l.sku, same);
      return same.line;
    }
    matched.set(l.sku, -1);
    let rest = l.qty;
    const pullIn: PullIn[] = [];
    const list = bySku.get(l.sku) ?? [];
    // Lines landing on or before the need-by date cannot help: start past them (the list is soonest first).
    // A line takes or steps over every candidate from there to where it stops, so a later need-by date of
    // the same item finds all of those taken: it starts where the last one stopped (plans come in need-by
    // order; a cumulative plan's thousand lines stepped over the same taken candidates again and again).
    const last = stopped.get(l.sku);
    let k = firstAfter(list, needDay);
    if (last && last.day <= needDay) k = Math.max(k, last.k);
    for (; k < list.length; k++) {
      const c = list[k]!;
      if (rest.lte(0)) break;
      if (used.has(c.line)) continue;
      used.add(c.line);
      pullIn.push({
        supplier: c.line.supplier,
        poNumber: c.line.poNumber,
        lineNo: c.line.lineNo,
        quantity: c.quantity,
        promisedDate: c.line.promisedDate,
        expectedDate: formatDate(m.start + c.day),
        neededByDate: l.date,
        pullInDays: c.day - needDay,
      });
      rest = rest.minus(c.qty);
    }
    stopped.set(l.sku, { day: needDay, k });
    const line = { sku: l.sku, quantity: l.qty.toFixed(), needByDate: l.date, pullIn, newOrderQuantity: rest.gt(0) ? rest.toFixed() : null };
    record(l.sku, { date: l.date, qty: l.qty, line, stopped: k });
    return line;
  });

  function record(sku: string, entry: NonNullable<ReturnType<PlanMemo['items']['get']>>[number]) {
    if (!remember) return;
    let list = remember.items.get(sku);
    if (!list) remember.items.set(sku, (list = []));
    list.push(entry);
  }
}

/**
 * Lines in need-by order, as plans come (sortedLines), each with a date that parses. Then an item's taken
 * candidates all lie before where its last line stopped, so a reused answer needs nothing recorded as taken.
 * (Compared as days, not as text: a date that does not parse can sort between two that do.)
 */
function inNeedByOrder(days: (number | null)[]): boolean {
  let last = -Infinity;
  for (const day of days) {
    if (day === null || day < last) return false;
    last = day;
  }
  return true;
}

// A forecast asks once per missed target; the model's lines do not change in between.
const candidateCache = new WeakMap<NModel, { supplier: string; bySku: Map<string, Candidate[]> }>();

/** Open PO lines by item, soonest first (ties by supplier, PO, line), built once per model. */
function candidatesOf(m: NModel, hypotheticalSupplier: string): Map<string, Candidate[]> {
  const cached = candidateCache.get(m);
  if (cached && cached.supplier === hypotheticalSupplier) return cached.bySku;
  const bySku = new Map<string, Candidate[]>();
  const add = (line: EffectiveLine, day: number) => {
    if (line.supplier === hypotheticalSupplier || line.hypothetical) return;
    let list = bySku.get(line.sku);
    if (!list) bySku.set(line.sku, (list = []));
    list.push(new Candidate(line, day));
  };
  for (const lots of m.lots) for (const lot of lots) if (lot.source.kind === 'poLine') add(lot.source.line, lot.day);
  for (const l of m.lateLines) add(l, Math.max(0, parseDate(l.promisedDate)! - m.start) + (l.delayDays ?? 0));
  for (const list of bySku.values()) list.sort((a, b) => a.day - b.day || cmp(a.line.supplier, b.line.supplier) || cmp(a.line.poNumber, b.line.poNumber) || a.line.lineNo - b.line.lineNo);
  candidateCache.set(m, { supplier: hypotheticalSupplier, bySku });
  return bySku;
}

/** The plan as the scenario adjustments that carry it out: each pull-in a negative delay, each new order a hypothetical line. */
export function planAdjustments(plan: ActionableLine[], targetDate: string, newOrderSupplier: string): Adjustment[] {
  const out: Adjustment[] = [];
  let lineNo = 1;
  for (const l of plan) {
    for (const p of l.pullIn) out.push({ kind: 'delayLine', supplier: p.supplier, poNumber: p.poNumber, lineNo: p.lineNo, days: -p.pullInDays });
    if (l.newOrderQuantity)
      out.push({ kind: 'addLine', supplier: newOrderSupplier, poNumber: `TARGET-${targetDate}`, lineNo: lineNo++, sku: l.sku, qty: l.newOrderQuantity, promisedDate: l.needByDate });
  }
  return out;
}

/**
 * The most GPUs one unit of each item can become, through the BOM (a GPU: 1; a
 * rack position holding a node of 8: 8; a cooling loop for 20 nodes: 160). An
 * upper bound on what a unit brings: the other parts must be there too.
 */
export function gpusPerUnit(model: CapacityModel): Map<string, number> {
  const out = new Map<string, number>();
  const recipesUsing = new Map<string, { out: string; per: number }[]>();
  for (const r of model.recipes)
    for (const c of r.components) {
      const per = Number(r.outputQty) / Number(c.qtyPerBuild);
      if (!Number.isFinite(per) || per <= 0) continue;
      let list = recipesUsing.get(c.sku);
      if (!list) recipesUsing.set(c.sku, (list = []));
      list.push({ out: r.outputSku, per });
    }
  const gpus = new Map(model.items.map((i) => [i.sku, i.gpusOnlinePerUnit]));
  const visit = (sku: string, depth: number): number => {
    const known = out.get(sku);
    if (known !== undefined) return known;
    if (depth > model.items.length) return 0; // a cycle is refused by validation; never loop
    let best = gpus.get(sku) ?? 0;
    for (const u of recipesUsing.get(sku) ?? []) best = Math.max(best, u.per * visit(u.out, depth + 1));
    out.set(sku, best);
    return best;
  };
  for (const i of model.items) visit(i.sku, 0);
  return out;
}

/** The first candidate landing after `day` (candidates sorted by day). */
function firstAfter(list: Candidate[], day: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.day <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
