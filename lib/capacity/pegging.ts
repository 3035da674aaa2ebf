import { formatDate } from './dates';
import { formatScaled } from './decimal';
import type { Lot, NModel } from './normalize';
import type { Gate, PeggedBatch, PeggedInput, SupplySource } from './types';

/** Builds of one recipe started on one day, or one outside supply lot of a capacity item. */
export interface Batch {
  id: string;
  recipe: number;
  item: number;
  day: number;
  land: number;
  builds: number;
  output: number;
  inputs: Input[];
  supply: Lot | null;
  gate?: Gate;
}

interface Input {
  item: number;
  qty: number;
  day: number;
  from: { lot: Lot } | { batch: Batch };
}

/**
 * First-in-first-out pegging, the usual MRP convention: every item's uses, in
 * start order, draw on its supplies in arrival order. A feasible schedule never
 * runs a supply queue dry before the use, so every unit put online is traced to
 * the lots it consumed, level by level, down to stock on hand or a PO line.
 * With FIFO the last lot a batch draws of an item is the one that made the
 * cumulative supply cover it — the supply that gated it.
 */
export function pegSchedule(m: NModel, starts: Float64Array[]): Batch[] {
  const { H } = m;
  const rank = new Int32Array(m.recipes.length);
  m.recipeOrder.forEach((r, k) => (rank[r] = k));
  const batches: Batch[] = [];
  const byItemOutput: Batch[][] = m.items.map(() => []);
  const uses: Array<Array<{ batch: Batch; qty: number }>> = m.items.map(() => []);
  const remaining = new Map<Input, number>();
  for (const r of m.recipeOrder) {
    const rec = m.recipes[r]!;
    const s = starts[r]!;
    for (let d = 0; d < H; d++) {
      if (!s[d]) continue;
      const b: Batch = {
        id: `${m.items[rec.out]!.sku}@${formatDate(m.start + d)}`,
        recipe: r,
        item: rec.out,
        day: d,
        land: d + rec.lead,
        builds: s[d]!,
        output: s[d]! * rec.outQty,
        inputs: [],
        supply: null,
      };
      batches.push(b);
      if (b.land < H) byItemOutput[rec.out]!.push(b);
      for (const c of rec.comps) uses[c.item]!.push({ batch: b, qty: s[d]! * c.qty });
    }
  }
  m.items.forEach((_, i) => {
    const u = uses[i]!;
    if (u.length === 0) return;
    u.sort((a, b) => a.batch.day - b.batch.day || rank[a.batch.recipe]! - rank[b.batch.recipe]!);
    const lots: Array<{ day: number; qty: number; from: Input['from'] }> = [
      ...m.lots[i]!.map((lot) => ({ day: lot.day, qty: lot.qty, from: { lot } })),
      ...byItemOutput[i]!.map((batch) => ({ day: batch.land, qty: batch.output, from: { batch } })),
    ];
    lots.sort((a, b) => a.day - b.day); // stable: outside supply first on a tie, then batches in recipe order
    const cum = new Float64Array(lots.length);
    lots.forEach((l, j) => (cum[j] = (j > 0 ? cum[j - 1]! : 0) + l.qty));
    /** Supply in the lots after lot k that had arrived by `day` too (unused at this draw, FIFO). */
    const arrivedAfter = (k: number, day: number) => {
      let lo = k;
      let hi = lots.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lots[mid]!.day <= day) lo = mid;
        else hi = mid - 1;
      }
      return cum[lo]! - cum[k]!;
    };
    let k = 0;
    let left = lots[0]?.qty ?? 0;
    for (const { batch, qty } of u) {
      let need = qty;
      while (need > 0) {
        const lot = lots[k];
        if (!lot || lot.day > batch.day) throw new Error(`pegging ran out of ${m.items[i]!.sku} on day ${batch.day}`);
        const take = Math.min(need, left);
        if (take > 0) {
          const input: Input = { item: i, qty: take, day: lot.day, from: lot.from };
          batch.inputs.push(input);
          // What this draw left of the supply that had arrived by the batch's start: nothing means it was used up.
          remaining.set(input, left - take + arrivedAfter(k, batch.day));
        }
        need -= take;
        left -= take;
        if (left === 0) {
          k++;
          left = lots[k]?.qty ?? 0;
        }
      }
    }
  });
  // Outside supply of capacity items puts GPUs online by itself.
  m.items.forEach((it, i) => {
    if (!it.capacity) return;
    for (const lot of m.lots[i]!) {
      const key = lot.source.kind === 'onHand' ? `onHand:${lot.source.location}` : `${lineKey(lot)}`;
      batches.push({ id: `${it.sku}@supply:${key}`, recipe: -1, item: i, day: lot.day, land: lot.day, builds: 0, output: lot.qty, inputs: [], supply: lot });
    }
  });
  const users: Batch[][] = m.items.map((_, i) => uses[i]!.map((u) => u.batch));
  for (const b of batches) gateOf(m, b, starts, remaining, users);
  return batches;
}


function lineKey(lot: Lot): string {
  if (lot.source.kind !== 'poLine') return 'onHand';
  const l = lot.source.line;
  return `${l.supplier}/${l.poNumber}/${l.lineNo}`;
}

function lotGate(m: NModel, lot: Lot): Gate {
  const sku = m.items[lot.item]!.sku;
  if (lot.source.kind === 'onHand') return { kind: 'onHand', sku };
  const l = lot.source.line;
  return {
    kind: 'poLine',
    sku,
    supplier: l.supplier,
    poNumber: l.poNumber,
    lineNo: l.lineNo,
    promisedDate: l.promisedDate,
    availableDate: formatDate(m.start + lot.day),
  };
}

/** How many more held-for batches a gate names: enough to say who, short enough to read. */
const HELD_FOR_NAMED = 3;

/**
 * What held a batch back (the order of DESIGN's gate rule, see Gate):
 *  1. its own recipe's weekly limit, when the week it started in is full;
 *  2. the input that arrived last, on its start day, among those it used up
 *     (the lot that made the supply cover it), followed through build batches
 *     to the PO line; stock on hand gates only when the batch took the last of it;
 *  3. a weekly limit in a full week between the day its inputs were ready and
 *     its start;
 *  4. otherwise the schedule kept it waiting while other builds took the same
 *     parts: those builds are named.
 * Ties never fall to list order: inputs that arrived the same day are compared
 * by whether they were used up, then by the kind of supply, then by SKU.
 */
function gateOf(m: NModel, b: Batch, starts: Float64Array[], left: Map<Input, number>, users: Batch[][]): Gate {
  if (b.gate) return b.gate;
  if (b.supply) return (b.gate = lotGate(m, b.supply));
  const rec = m.recipes[b.recipe]!;
  const sku = m.items[rec.out]!.sku;
  if (rec.lim !== null && weekTotals(m, b.recipe, starts)[m.weekOf[b.day]!]! >= rec.lim) return (b.gate = { kind: 'weeklyLimit', sku });

  let ready = 0;
  for (const inp of b.inputs) ready = Math.max(ready, inp.day);
  if (b.inputs.length > 0 && ready === b.day) {
    // Of the inputs that came in on the start day, the one used up explains it.
    const candidates = b.inputs.filter((inp) => inp.day === b.day && (left.get(inp) ?? 0) <= 0);
    const pick = candidates.sort((x, y) => inputRank(x) - inputRank(y) || cmpSku(m, x.item, y.item))[0];
    if (pick) {
      if ('batch' in pick.from) return (b.gate = gateOf(m, pick.from.batch, starts, left, users));
      return (b.gate = lotGate(m, pick.from.lot));
    }
  }
  if (rec.lim !== null) {
    const totals = weekTotals(m, b.recipe, starts);
    for (let w = m.weekOf[ready]!; w <= m.weekOf[b.day]!; w++) if (totals[w]! >= rec.lim) return (b.gate = { kind: 'weeklyLimit', sku });
  }
  return (b.gate = { kind: 'schedule', sku, heldFor: heldFor(m, b, ready, users) });
}

/** PO lines first (the actionable cause), then build batches, then stock on hand. */
function inputRank(inp: Input): number {
  if ('batch' in inp.from) return 1;
  return inp.from.lot.source.kind === 'poLine' ? 0 : 2;
}

function cmpSku(m: NModel, a: number, b: number): number {
  const x = m.items[a]!.sku;
  const y = m.items[b]!.sku;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Other builds that started while this one waited, drawing on the same parts: the ones it was held for. */
function heldFor(m: NModel, b: Batch, ready: number, users: Batch[][]): string[] {
  const names = new Set<string>();
  for (const inp of b.inputs) {
    for (const other of users[inp.item]!) {
      if (other === b || other.day < ready || other.day > b.day) continue;
      names.add(other.id);
      if (names.size >= HELD_FOR_NAMED) return [...names];
    }
  }
  return [...names];
}

const weekTotalCache = new WeakMap<Float64Array, Float64Array>();

function weekTotals(m: NModel, r: number, starts: Float64Array[]): Float64Array {
  const s = starts[r]!;
  let t = weekTotalCache.get(s);
  if (!t) {
    t = new Float64Array(m.weekCount);
    for (let d = 0; d < m.H; d++) t[m.weekOf[d]!]! += s[d]!;
    weekTotalCache.set(s, t);
  }
  return t;
}

export function sourceOf(m: NModel, from: Input['from']): SupplySource {
  if ('batch' in from) return { kind: 'build', batchId: from.batch.id };
  const src = from.lot.source;
  if (src.kind === 'onHand') return { kind: 'onHand' };
  return { kind: 'poLine', supplier: src.line.supplier, poNumber: src.line.poNumber, lineNo: src.line.lineNo, pastDue: src.pastDue };
}

/** Scaled GPUs a batch brings online (0 for intermediate builds and for anything landing after the horizon). */
export function batchGpus(m: NModel, b: Batch): number {
  const it = m.items[b.item]!;
  return it.capacity && b.land < m.H ? b.output * it.gpuWeight : 0;
}

export function toPeggedBatches(m: NModel, batches: Batch[]): PeggedBatch[] {
  const scale = 10 ** m.gpuDigits;
  return batches.map((b) => {
    const it = m.items[b.item]!;
    const inputs: PeggedInput[] = b.supply
      ? [{ sku: it.sku, quantity: formatScaled(b.output, it.digits), availableDate: formatDate(m.start + b.day), source: sourceOf(m, { lot: b.supply }) }]
      : b.inputs.map((inp) => ({
          sku: m.items[inp.item]!.sku,
          quantity: formatScaled(inp.qty, m.items[inp.item]!.digits),
          availableDate: formatDate(m.start + inp.day),
          source: sourceOf(m, inp.from),
        }));
    return {
      batchId: b.id,
      sku: it.sku,
      startDate: formatDate(m.start + b.day),
      availableDate: formatDate(m.start + b.land),
      builds: b.builds,
      outputQuantity: formatScaled(b.output, it.digits),
      gpus: batchGpus(m, b) / scale,
      site: it.site,
      inputs,
      gate: b.gate ?? null,
    };
  });
}
