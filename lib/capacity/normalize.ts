import { applyAdjustments, type EffectiveLine } from './adjustments';
import { formatDate, isoWeekday, parseDate } from './dates';
import { fractionDigits, toScaled } from './decimal';
import { ModelValidationError } from './errors';
import type { CapacityModel } from './types';
import { validateModel } from './validate';

export interface NItem {
  sku: string;
  site: string | null;
  /** Quantities of this item are integers in units of 10^-digits. */
  digits: number;
  capacity: boolean;
  /** Scaled GPUs (units of 10^-gpuDigits) per scaled unit of this item; 0 for non-capacity items. */
  gpuWeight: number;
}

export interface NComponent {
  item: number;
  qty: number;
}

export interface NRecipe {
  index: number;
  out: number;
  outQty: number;
  lead: number;
  lim: number | null;
  comps: NComponent[];
}

export type LotSource =
  | { kind: 'onHand'; location: string }
  | { kind: 'poLine'; line: EffectiveLine; pastDue: boolean };

/** Supply from outside the schedule: stock on hand (day 0) or an open PO line. */
export interface Lot {
  item: number;
  day: number;
  qty: number;
  source: LotSource;
}

export interface NTarget {
  date: string;
  day: number;
  gpusOnline: number;
}

/** The model as the solver sees it: indexed, integer-scaled, on days 0 … H−1. */
export interface NModel {
  planStart: string;
  start: number;
  H: number;
  items: NItem[];
  itemIndex: Map<string, number>;
  recipes: NRecipe[];
  /** Recipe making each item, or −1. */
  recipeOf: Int32Array;
  /** Recipes consuming each item. */
  consumers: number[][];
  /** Arrivals per item per day (lots beyond the horizon are left out: nothing can use them). */
  ext: Float64Array[];
  lots: Lot[][];
  /** Items, components before the items made from them. */
  topo: number[];
  topoRank: Int32Array;
  /** Recipes in the topological order of their outputs. */
  recipeOrder: number[];
  /** Index of the ISO week of each day, 0 for the week holding day 0. */
  weekOf: Int32Array;
  weekCount: number;
  gpuDigits: number;
  pastDueLines: EffectiveLine[];
  lateLines: EffectiveLine[];
  openLines: number;
  targets: NTarget[];
}

export function normalize(input: CapacityModel): NModel {
  validateModel(input);
  const model = canonicalOrder(input);
  const scenario = applyAdjustments(model);
  const start = parseDate(model.planStart)!;
  const H = model.horizonDays;

  const itemIndex = new Map<string, number>();
  model.items.forEach((it, i) => itemIndex.set(it.sku, i));
  const n = model.items.length;
  const idx = (sku: string) => itemIndex.get(sku)!;

  const openLines = scenario.lines.filter((l) => l.status === 'open');

  // One scale per item: the most fractional digits any of its quantities uses.
  const digits = new Int32Array(n);
  const see = (sku: string, q: string) => {
    const i = idx(sku);
    digits[i] = Math.max(digits[i]!, fractionDigits(q));
  };
  for (const row of scenario.inventory) see(row.sku, row.onHand);
  for (const l of openLines) see(l.sku, l.qty);
  for (const r of scenario.recipes) {
    see(r.outputSku, r.outputQty);
    for (const c of r.components) see(c.sku, c.qtyPerBuild);
  }

  const gpuDigitsOf = (g: number) => fractionDigits(String(g));
  let gpuDigits = 0;
  model.items.forEach((it, i) => {
    if (it.gpusOnlinePerUnit > 0) gpuDigits = Math.max(gpuDigits, gpuDigitsOf(it.gpusOnlinePerUnit) + digits[i]!);
  });
  const items: NItem[] = model.items.map((it, i) => {
    const capacity = it.gpusOnlinePerUnit > 0;
    let gpuWeight = 0;
    if (capacity) {
      const gd = gpuDigitsOf(it.gpusOnlinePerUnit);
      gpuWeight = toScaled(String(it.gpusOnlinePerUnit), gd) * 10 ** (gpuDigits - gd - digits[i]!);
    }
    return { sku: it.sku, site: it.site, digits: digits[i]!, capacity, gpuWeight };
  });

  const recipes = scenario.recipes.map((r, index) => ({
    index,
    out: idx(r.outputSku),
    outQty: toScaled(r.outputQty, digits[idx(r.outputSku)]!),
    lead: r.leadTimeDays,
    lim: r.maxStartsPerWeek,
    comps: r.components.map((c) => ({ item: idx(c.sku), qty: toScaled(c.qtyPerBuild, digits[idx(c.sku)]!) })),
  }));
  const recipeOf = new Int32Array(n).fill(-1);
  const consumers: number[][] = Array.from({ length: n }, () => []);
  for (const r of recipes) {
    recipeOf[r.out] = r.index;
    for (const c of r.comps) consumers[c.item]!.push(r.index);
  }

  // External supply.
  const lots: Lot[][] = Array.from({ length: n }, () => []);
  const inv = [...scenario.inventory].sort((a, b) => cmp(a.sku, b.sku) || cmp(a.location, b.location));
  for (const row of inv) {
    const i = idx(row.sku);
    const qty = toScaled(row.onHand, digits[i]!);
    if (qty > 0) lots[i]!.push({ item: i, day: 0, qty, source: { kind: 'onHand', location: row.location } });
  }
  const pastDueLines: EffectiveLine[] = [];
  const lateLines: EffectiveLine[] = [];
  for (const l of openLines) {
    const i = idx(l.sku);
    const promised = parseDate(l.promisedDate)! - start;
    const pastDue = promised < 0;
    if (pastDue) pastDueLines.push(l);
    const day = Math.max(0, Math.max(promised, 0) + (l.delayDays ?? 0));
    if (day >= H) {
      lateLines.push(l);
      continue;
    }
    const qty = toScaled(l.qty, digits[i]!);
    if (qty > 0) lots[i]!.push({ item: i, day, qty, source: { kind: 'poLine', line: l, pastDue } });
  }
  // Canonical order, whatever order the lines came in: by day, on hand first, then by line key.
  for (const list of lots) list.sort(lotOrder);
  pastDueLines.sort(lineOrder);
  lateLines.sort(lineOrder);
  const ext = lots.map((list) => {
    const a = new Float64Array(H);
    for (const lot of list) a[lot.day]! += lot.qty;
    return a;
  });

  guardMagnitudes(items, ext, recipes, H);

  const topo = topoOrder(n, recipes, recipeOf, model.items.map((i) => i.sku));
  const topoRank = new Int32Array(n);
  topo.forEach((item, rank) => (topoRank[item] = rank));
  const recipeOrder = recipes.map((r) => r.index).sort((a, b) => topoRank[recipes[a]!.out]! - topoRank[recipes[b]!.out]!);

  const weekOf = new Int32Array(H);
  const firstWeekday = isoWeekday(start);
  for (let d = 0; d < H; d++) weekOf[d] = Math.floor((d + firstWeekday) / 7);
  const weekCount = H > 0 ? weekOf[H - 1]! + 1 : 0;

  const targets = model.targets
    .map((t) => ({ date: t.date, day: parseDate(t.date)! - start, gpusOnline: t.gpusOnline }))
    .sort((a, b) => a.day - b.day);

  return {
    planStart: formatDate(start),
    start,
    H,
    items,
    itemIndex,
    recipes,
    recipeOf,
    consumers,
    ext,
    lots,
    topo,
    topoRank,
    recipeOrder,
    weekOf,
    weekCount,
    gpuDigits,
    pastDueLines,
    lateLines,
    openLines: openLines.length,
    targets,
  };
}

/**
 * The model with items, recipes, components, stock and lines in key order, so the
 * order rows came in (a shuffled file, another database's plan) can never change
 * a tie-break, a solver's column order, or the answer. Adjustments keep their
 * order: they apply in sequence. Already-sorted lists are kept as they are.
 */
export function canonicalOrder(model: CapacityModel): CapacityModel {
  const sorted = <T>(list: readonly T[], order: (a: T, b: T) => number): T[] => {
    for (let i = 1; i < list.length; i++) if (order(list[i - 1]!, list[i]!) > 0) return [...list].sort(order);
    return list as T[];
  };
  return {
    ...model,
    items: sorted(model.items, (a, b) => cmp(a.sku, b.sku)),
    recipes: sorted(model.recipes, (a, b) => cmp(a.outputSku, b.outputSku)).map((r) => {
      const components = sorted(r.components, (a, b) => cmp(a.sku, b.sku));
      return components === r.components ? r : { ...r, components };
    }),
    inventory: sorted(model.inventory, (a, b) => cmp(a.sku, b.sku) || cmp(a.location, b.location)),
    poLines: sorted(model.poLines, (a, b) => lineOrder(a, b)),
    targets: sorted(model.targets, (a, b) => cmp(a.date, b.date)),
  };
}

function lineOrder(a: EffectiveLine, b: EffectiveLine): number {
  return cmp(a.supplier, b.supplier) || cmp(a.poNumber, b.poNumber) || a.lineNo - b.lineNo;
}

function lotOrder(a: Lot, b: Lot): number {
  if (a.day !== b.day) return a.day - b.day;
  const sa = a.source;
  const sb = b.source;
  if (sa.kind === 'onHand' || sb.kind === 'onHand') {
    if (sa.kind === 'onHand' && sb.kind === 'onHand') return cmp(sa.location, sb.location);
    return sa.kind === 'onHand' ? -1 : 1;
  }
  return lineOrder(sa.line, sb.line);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Kahn's algorithm with a sorted ready list, so the order (and all tie-breaking built on it) is deterministic. */
function topoOrder(n: number, recipes: NRecipe[], recipeOf: Int32Array, skus: string[]): number[] {
  const pending = new Int32Array(n);
  const users: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    const r = recipeOf[i]!;
    if (r < 0) continue;
    for (const c of recipes[r]!.comps) {
      pending[i]!++;
      users[c.item]!.push(i);
    }
  }
  const byName = (a: number, b: number) => cmp(skus[a]!, skus[b]!);
  let ready = [...Array(n).keys()].filter((i) => pending[i] === 0).sort(byName);
  const order: number[] = [];
  while (ready.length > 0) {
    const next: number[] = [];
    for (const i of ready) {
      order.push(i);
      for (const u of users[i]!) if (--pending[u]! === 0) next.push(u);
    }
    ready = next.sort(byName);
  }
  return order;
}

/** Scaled integers must stay exact in doubles through every sum the engine forms. */
function guardMagnitudes(items: NItem[], ext: Float64Array[], recipes: NRecipe[], H: number) {
  const limit = Number.MAX_SAFE_INTEGER / 4;
  const problems: { entity: 'item'; key: string; message: string }[] = [];
  items.forEach((it, i) => {
    let total = 0;
    for (const q of ext[i]!) total += q;
    if (total > limit) problems.push({ entity: 'item', key: it.sku, message: 'total supply is too large to forecast exactly' });
  });
  let gpuTotal = 0;
  items.forEach((it, i) => {
    if (!it.capacity) return;
    let units = 0;
    for (const q of ext[i]!) units += q;
    gpuTotal += units * it.gpuWeight;
  });
  for (const r of recipes) {
    const it = items[r.out]!;
    if (it.capacity && r.lim !== null) gpuTotal += r.lim * r.outQty * it.gpuWeight * Math.ceil(H / 7 + 1);
  }
  if (gpuTotal * H > limit)
    problems.push({ entity: 'item', key: '(capacity)', message: 'GPU quantities are too large to forecast exactly' });
  if (problems.length > 0) throw new ModelValidationError(problems);
}
