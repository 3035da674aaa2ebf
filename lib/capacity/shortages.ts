import { ceilDiv } from './decimal';
import { leadToOnline } from './greedy';
import type { NModel } from './normalize';
import { netStock } from './schedule';

export interface Receipt {
  item: number;
  day: number;
  qty: number;
}

export interface ShortagePlan {
  receipts: Receipt[];
  /** Scaled GPUs still missing after every extra build lead times and weekly limits allow. */
  remaining: number;
}

/**
 * Extra purchases that let `deficit` more scaled GPUs be online on `targetDay`,
 * on top of the given schedule. Extra capacity builds go on the latest start
 * days their lead time allows (so need-by dates are as late as possible), into
 * weekly headroom the schedule leaves; each build first takes stock the schedule
 * never uses (available-to-promise: the minimum of future stock, so no planned
 * build loses a part), then extra builds of made parts on their own latest
 * feasible days, and only then new receipts of purchased parts on the day of use.
 * With useSpare false, purchased parts are all bought new.
 */
export function planShortage(m: NModel, starts: Float64Array[], targetDay: number, deficit: number, useSpare = true): ShortagePlan {
  const { H } = m;
  const base = scheduledStock(m, starts);
  const weekUsed = base.weekUsed.map((w) => w.slice());
  // Each item's stock copied from the schedule's when the plan first touches it (most items it never does).
  const stock: (SuffixStock | undefined)[] = new Array(base.stocks.length);
  const stockOf = (i: number) => (stock[i] ??= base.stocks[i]!.copy());
  const weekFirst = base.weekFirst;

  // What a failed attempt undoes, newest last, four numbers an entry (thousands of entries on a
  // hard plan: numbers, not closures, so they cost no garbage).
  const log: number[] = [];
  const STOCK = 0;
  const RECEIPT = 1;
  const WEEK = 2;
  const undo = () => {
    for (let k = log.length - 4; k >= 0; k -= 4) {
      const kind = log[k]!;
      if (kind === STOCK) stockOf(log[k + 1]!).add(log[k + 2]!, -log[k + 3]!);
      else if (kind === RECEIPT) receipts.pop();
      else weekUsed[log[k + 1]!]![log[k + 2]!]! -= log[k + 3]!;
    }
    log.length = 0;
  };
  const receipts: Receipt[] = [];
  const shift = (i: number, from: number, delta: number) => {
    stockOf(i).add(from, delta);
    log.push(STOCK, i, from, delta);
  };
  const spare = (i: number, s: number) => {
    if (!useSpare && m.recipeOf[i]! < 0) return 0;
    return Math.max(0, stockOf(i).min(s));
  };

  const need = (i: number, qty: number, day: number): boolean => {
    if (day < 0) return false;
    const take = Math.min(qty, spare(i, day));
    if (take > 0) shift(i, day, -take);
    let rest = qty - take;
    if (rest === 0) return true;
    const r = m.recipeOf[i]!;
    if (r < 0) {
      receipts.push({ item: i, day, qty: rest });
      log.push(RECEIPT, 0, 0, 0);
      return true;
    }
    const rec = m.recipes[r]!;
    let builds = ceilDiv(rest, rec.outQty);
    for (let d = day - rec.lead; d >= 0 && builds > 0; d--) {
      const w = m.weekOf[d]!;
      const room = rec.lim === null ? builds : Math.min(builds, rec.lim - weekUsed[r]![w]!);
      if (room <= 0) {
        // No room on this day means none all week: go on from the week before (a target no purchase can
        // meet once asked thousands of times here, a day at a time).
        d = weekFirst[w]!;
        continue;
      }
      if (!rec.comps.every((c) => need(c.item, room * c.qty, d))) return false;
      weekUsed[r]![w]! += room;
      log.push(WEEK, r, w, room);
      shift(i, d + rec.lead, room * rec.outQty);
      builds -= room;
    }
    if (builds > 0) return false;
    shift(i, day, -rest);
    rest = 0;
    return true;
  };

  const toOnline = leadToOnline(m);
  const capRecipes = m.recipes
    .filter((rec) => m.items[rec.out]!.capacity)
    .map((rec) => rec.index)
    .sort((a, b) => gpb(m, b) - gpb(m, a) || toOnline[a]! - toOnline[b]! || (m.items[m.recipes[a]!.out]!.sku < m.items[m.recipes[b]!.out]!.sku ? -1 : 1));
  const lastDay = Math.min(targetDay, H - 1);
  let remaining = deficit;
  for (const r of capRecipes) {
    const rec = m.recipes[r]!;
    const perBuild = gpb(m, r);
    if (perBuild <= 0) continue;
    for (let d = lastDay - rec.lead; d >= 0 && remaining > 0; d--) {
      const w = m.weekOf[d]!;
      let want = ceilDiv(remaining, perBuild);
      if (rec.lim !== null) want = Math.min(want, rec.lim - weekUsed[r]![w]!);
      if (want <= 0) {
        d = weekFirst[w]!; // the week is full: on from the week before
        continue;
      }
      while (want > 0) {
        log.length = 0;
        const ok = rec.comps.every((c) => need(c.item, want * c.qty, d));
        if (ok) {
          weekUsed[r]![w]! += want;
          remaining -= want * perBuild;
          break;
        }
        undo();
        want = Math.floor(want / 2);
      }
    }
    if (remaining <= 0) break;
  }
  return { receipts: mergeReceipts(receipts), remaining: Math.max(0, remaining) };
}

// A forecast plans each missed target on the same schedule: its stock is worked out once.
const scheduled = new WeakMap<Float64Array[], { m: NModel; stocks: SuffixStock[]; weekUsed: Float64Array[]; weekFirst: Int32Array }>();

/** Each item's cumulative net stock by day under the schedule, each recipe's starts per week (callers copy them; SuffixStock.copy), and each week's first day. */
function scheduledStock(m: NModel, starts: Float64Array[]) {
  const hit = scheduled.get(starts);
  if (hit && hit.m === m) return hit;
  const { H } = m;
  const net = netStock(m, starts);
  const weekUsed = m.recipes.map(() => new Float64Array(m.weekCount));
  m.recipes.forEach((_, r) => {
    const s = starts[r]!;
    for (let d = 0; d < H; d++) if (s[d]) weekUsed[r]![m.weekOf[d]!]! += s[d]!;
  });
  const entry = { m, stocks: net.map((a) => new SuffixStock(a)), weekUsed, weekFirst: firstDayOfWeek(m) };
  scheduled.set(starts, entry);
  return entry;
}

/** The first day of each week of the horizon. */
function firstDayOfWeek(m: NModel): Int32Array {
  const first = new Int32Array(m.weekCount);
  for (let d = m.H - 1; d >= 0; d--) first[m.weekOf[d]!] = d;
  return first;
}

function gpb(m: NModel, r: number): number {
  const rec = m.recipes[r]!;
  return m.items[rec.out]!.gpuWeight * rec.outQty;
}

function mergeReceipts(list: Receipt[]): Receipt[] {
  const map = new Map<string, Receipt>();
  for (const r of list) {
    const key = `${r.item}:${r.day}`;
    const e = map.get(key);
    if (e) e.qty += r.qty;
    else map.set(key, { ...r });
  }
  return [...map.values()].sort((a, b) => a.day - b.day || a.item - b.item);
}

/**
 * An item's cumulative net stock by day, for the two things planShortage asks
 * of it thousands of times: add a quantity from a day on, and the least stock
 * from a day on (what can be taken then without any later day going short).
 * Blocks of about √H days, each with its minimum and a pending addition, make
 * both cost about √H instead of H. Quantities are scaled integers, so the
 * sums are exact in any order.
 */
class SuffixStock {
  private readonly size: number;
  private readonly blockMin: Float64Array;
  private readonly pending: Float64Array;

  constructor(
    private readonly v: Float64Array,
    from?: SuffixStock,
  ) {
    this.size = Math.max(1, Math.ceil(Math.sqrt(v.length)));
    const blocks = Math.ceil(v.length / this.size);
    this.blockMin = from ? from.blockMin.slice() : new Float64Array(blocks);
    this.pending = from ? from.pending.slice() : new Float64Array(blocks);
    if (!from) for (let b = 0; b < blocks; b++) this.refresh(b);
  }

  /** The same stock, to change without changing this one. */
  copy(): SuffixStock {
    return new SuffixStock(this.v.slice(), this);
  }

  add(from: number, delta: number): void {
    if (from >= this.v.length) return;
    const b0 = Math.floor(from / this.size);
    const end = Math.min(this.v.length, (b0 + 1) * this.size);
    for (let d = from; d < end; d++) this.v[d]! += delta;
    this.refresh(b0);
    for (let b = b0 + 1; b < this.pending.length; b++) this.pending[b]! += delta;
  }

  min(from: number): number {
    if (from >= this.v.length) return Infinity;
    const b0 = Math.floor(from / this.size);
    const end = Math.min(this.v.length, (b0 + 1) * this.size);
    let lo = Infinity;
    for (let d = from; d < end; d++) if (this.v[d]! < lo) lo = this.v[d]!;
    lo += this.pending[b0]!;
    for (let b = b0 + 1; b < this.pending.length; b++) if (this.blockMin[b]! + this.pending[b]! < lo) lo = this.blockMin[b]! + this.pending[b]!;
    return lo;
  }

  private refresh(b: number): void {
    let lo = Infinity;
    const end = Math.min(this.v.length, (b + 1) * this.size);
    for (let d = b * this.size; d < end; d++) if (this.v[d]! < lo) lo = this.v[d]!;
    this.blockMin[b] = lo;
  }
}
