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
    let k = 0;
    let left = lots[0]?.qty ?? 0;
    for (const { batch, qty } of u) {
      let need = qty;
      while (need > 0) {
        const lot = lots[k];
        if (!lot || lot.day > batch.day) throw new Error(`pegging ran out of ${m.items[i]!.sku} on day ${batch.day}`);
        const take = Math.min(need, left);
        if (take > 0) batch.inputs.push({ item: i, qty: take, day: lot.day, from: lot.from });
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
  for (const b of batches) gateOf(m, b, starts);
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
  return { kind: 'poLine', sku, supplier: l.supplier, poNumber: l.poNumber, lineNo: l.lineNo, availableDate: formatDate(m.start + lot.day) };
}

/**
 * The input that arrived last gates a batch; a build batch passes the question
 * on to its own inputs. When every input was there before the start, the recipe
 * held it back: its weekly limit if a week in between was full, else the
 * optimal schedule chose to keep parts for other builds.
 */
function gateOf(m: NModel, b: Batch, starts: Float64Array[]): Gate {
  if (b.gate) return b.gate;
  if (b.supply) return (b.gate = lotGate(m, b.supply));
  let last: Input | null = null;
  for (const inp of b.inputs) if (!last || inp.day > last.day) last = inp;
  if (last && last.day === b.day) {
    b.gate = 'lot' in last.from ? lotGate(m, last.from.lot) : gateOf(m, last.from.batch, starts);
    return b.gate;
  }
  const rec = m.recipes[b.recipe]!;
  const sku = m.items[rec.out]!.sku;
  if (rec.lim !== null) {
    const totals = weekTotals(m, b.recipe, starts);
    const from = last ? last.day : 0;
    for (let w = m.weekOf[from]!; w <= m.weekOf[b.day]!; w++) if (totals[w]! >= rec.lim) return (b.gate = { kind: 'weeklyLimit', sku });
  }
  return (b.gate = { kind: 'schedule', sku });
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
