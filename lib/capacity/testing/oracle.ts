import Decimal from 'decimal.js';
import type { CapacityModel } from '../types';

/**
 * A deliberately simple, independent oracle for tiny models: try every
 * schedule (day by day, recipe by recipe, every whole number of builds the stock
 * and the weekly limit allow), with memoisation on the full state so it finishes.
 * It shares no code with the engine and reads DESIGN.md's conventions literally.
 * Returns GPU-days as a Decimal. Models must not carry adjustments.
 */
export function oracleGpuDays(model: CapacityModel): Decimal {
  if (model.adjustments?.length) throw new Error('oracle takes models without adjustments');
  const DAY = 86_400_000;
  const toDay = (s: string) => (Date.parse(`${s}T00:00:00Z`) - Date.parse(`${model.planStart}T00:00:00Z`)) / DAY;
  const H = model.horizonDays;
  const SCALE = 1000;
  const q = (s: string) => {
    const v = new Decimal(s).times(SCALE);
    if (!v.isInteger()) throw new Error(`oracle cannot scale ${s}`);
    return v.toNumber();
  };
  const skus = model.items.map((i) => i.sku);
  const at = new Map(skus.map((s, k) => [s, k]));
  const gpus = model.items.map((i) => i.gpusOnlinePerUnit);

  // Supply by day.
  const supply = skus.map(() => new Array<number>(H).fill(0));
  for (const row of model.inventory) supply[at.get(row.sku)!]![0]! += q(row.onHand);
  for (const l of model.poLines) {
    if (l.status !== 'open') continue;
    const d = Math.max(0, toDay(l.promisedDate));
    if (d < H) supply[at.get(l.sku)!]![d]! += q(l.qty);
  }

  // Recipes in an order where makers come before users (plain DFS).
  const bySku = new Map(model.recipes.map((r) => [r.outputSku, r]));
  const order: typeof model.recipes = [];
  const seen = new Set<string>();
  const visit = (sku: string) => {
    if (seen.has(sku)) return;
    seen.add(sku);
    const r = bySku.get(sku);
    if (!r) return;
    for (const c of r.components) visit(c.sku);
    order.push(r);
  };
  for (const r of model.recipes) visit(r.outputSku);
  const recipes = order.map((r) => ({
    out: at.get(r.outputSku)!,
    outQty: q(r.outputQty),
    lead: r.leadTimeDays,
    lim: r.maxStartsPerWeek,
    comps: r.components.map((c) => ({ item: at.get(c.sku)!, qty: q(c.qtyPerBuild) })),
  }));

  // Monday-based weeks: a new week starts on each Monday.
  const startDow = new Date(`${model.planStart}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  const isMonday = (d: number) => (startDow + d) % 7 === 1;

  // GPU-days from outside supply of capacity items: each unit counts from its arrival day.
  let base = new Decimal(0);
  skus.forEach((_, i) => {
    if (gpus[i]! <= 0) return;
    for (let d = 0; d < H; d++) if (supply[i]![d]) base = base.plus(new Decimal(supply[i]![d]!).div(SCALE).times(gpus[i]!).times(H - d));
  });

  // State: day, recipe index, stock (after supply of the day), pending landings, starts this week.
  const memo = new Map<string, number>();
  const best = (day: number, k: number, stock: number[], pending: number[][], week: number[]): number => {
    if (day >= H) return 0;
    const key = `${day}|${k}|${stock.join(',')}|${pending.map((p) => p.join('.')).join(';')}|${week.join(',')}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let result: number;
    if (k === recipes.length) {
      // Next day: new week resets counts; supply and landings arrive.
      const nd = day + 1;
      if (nd >= H) result = 0;
      else {
        const s = stock.map((v, i) => v + supply[i]![nd]! + (pending[nd - day - 1]?.[i] ?? 0));
        const p = pending.slice(1);
        result = best(nd, 0, s, p, isMonday(nd) ? week.map(() => 0) : week);
      }
    } else {
      const r = recipes[k]!;
      let max = r.lim === null ? Infinity : r.lim - week[k]!;
      for (const c of r.comps) max = Math.min(max, Math.floor(stock[c.item]! / c.qty));
      if (!Number.isFinite(max)) throw new Error('unbounded recipe');
      result = -1;
      for (let n = 0; n <= max; n++) {
        const s = [...stock];
        for (const c of r.comps) s[c.item]! -= n * c.qty;
        const p = pending.map((x) => [...x]);
        let gain = 0;
        const land = day + r.lead;
        if (n > 0 && land < H) {
          if (r.lead === 0) s[r.out]! += n * r.outQty;
          else {
            while (p.length < r.lead) p.push(new Array(skus.length).fill(0));
            p[r.lead - 1]![r.out]! += n * r.outQty;
          }
          gain = gpus[r.out]! * n * r.outQty * (H - land);
        }
        const w = [...week];
        w[k]! += n;
        result = Math.max(result, gain + best(day, k + 1, s, p, w));
      }
    }
    memo.set(key, result);
    return result;
  };
  const stock0 = skus.map((_, i) => supply[i]![0]!);
  const v = best(0, 0, stock0, [], recipes.map(() => 0));
  return base.plus(new Decimal(v).div(SCALE));
}
