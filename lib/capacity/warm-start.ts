import { createHash } from 'node:crypto';
import { solveCore, type LpBasis, type MilpLimits } from './milp';
import { canonicalOrder, normalize, type NModel } from './normalize';
import { relax } from './relaxation';
import { buildCore, type Core } from './core';
import type { CapacityModel } from './types';

/**
 * The warm engine (quick tier): the LP relaxation of a what-if starts from the
 * optimal basis of its base model (the same data with no adjustments), so a
 * what-if costs a few simplex iterations instead of a solve from scratch.
 * On the demo build-out: half of the 200 benchmark what-ifs need none at all,
 * the slowest twentieth 700–1,150 with HiGHS's default dual simplex (a weekly
 * limit, a lead time or a supplier moved changes many rows), against 2,358 from
 * scratch. From a basis the LP runs primal simplex without bound perturbation
 * (milp.ts, FROM_BASIS): 13–586 iterations on the 26 what-ifs that still solve
 * it, 5,818 in all against 12,031 with the default.
 *
 * The what-if's LP is its own core (its own candidate days and stock
 * stretches), and the base's basis is read onto it by what each column and row
 * stands for: start columns by (recipe, day), stock columns and balance rows by
 * (resource, stretch start day), weekly rows by (recipe, week). What the base
 * did not have gets a default status, and HiGHS completes or trims the basis
 * where the what-if moved days (it treats a basis it is handed as alien).
 * Until 2026-12-04 the LP was built on a grid that also held the base's days, so
 * every status carried over exactly; its own grid is smaller, and on the demo's
 * 200 bench what-ifs the LPs took 5,818 iterations and 429 ms in all against
 * 6,014 and 545 ms (the weekly limit that set the p95: 431 iterations and
 * 22 ms against 447 and 32 ms), with the same LP optima and one more LP skipped
 * by the dual bound.
 *
 * The answer must not depend on whether the base was already solved, nor on
 * which what-ifs came before (issue 13: warm equals cold, byte for byte). So the
 * rule is the same on both paths: every quick-tier LP below WARM_MAX_VARIABLES
 * is solved on a freshly built HiGHS model from the base's basis. A cold engine
 * first solves the base from scratch to get it; a warm one has it already.
 * HiGHS is deterministic for the same model and starting basis, so both paths
 * make the same calls and get the same vertex (warm-start.test.ts). The base's
 * optimal duals are kept too: when they already bound the what-if within the
 * quick tier's target gap, the LP is skipped (dual-bound.ts), a decision both
 * paths make from the same prices.
 * The proven tier solves from scratch as before: its branch-and-bound dwarfs
 * the LP.
 *
 * The base is kept per data version: a hash of the model without its
 * adjustments, in canonical row order. That is content-addressed, so a copy in
 * each worker thread (or each bundled module) is harmless.
 */

/** Simplex (and a warm start) pays on cores up to this size; larger ones use the interior-point method from scratch. */
export const WARM_MAX_VARIABLES = 4000;
/** Base models kept per process (a few data versions: plan starts, horizons). */
const KEEP = 8;

const bases = new Map<string, Promise<WarmBase | null>>();

/** The data version a what-if is warm-started from: the model with no adjustments, rows in key order. */
export function baseVersion(model: CapacityModel): string {
  return createHash('sha256')
    .update(JSON.stringify({ ...canonicalOrder(model), adjustments: [] }))
    .digest('hex');
}

/** Forget every base (benchmarks measure a cold engine this way; answers never change). */
export function forgetWarmStarts(): void {
  bases.clear();
}

/** How many data versions this process keeps a base basis for. */
export function warmStartCount(): number {
  return bases.size;
}

/** A solved base: its optimal basis and row duals, to be read onto a what-if's core. */
export interface WarmBase {
  /** The base's basis on the columns and rows of `core` (a what-if's). */
  basisFor(m: NModel, core: Core): LpBasis;
  /** The base's optimal row duals read onto the rows of `core` (a what-if's), for dual-bound.ts. */
  dualsFor(m: NModel, core: Core): Float64Array;
}

/**
 * The solved base of this model's data version, solving it first when this
 * process has not seen that version; null when its LP is not solved by simplex
 * (too large) or had no optimum within the budget.
 */
export function warmBaseFor(model: CapacityModel, limits: MilpLimits): Promise<WarmBase | null> {
  // The iteration budget is part of the key: a base that ran out of iterations under one budget may not under another.
  const key = `${baseVersion(model)}:${limits.lpMaxIterations}`;
  const base = bases.get(key) ?? solveBase(model, limits);
  bases.delete(key); // most recently used goes last
  bases.set(key, base);
  if (bases.size > KEEP) bases.delete(bases.keys().next().value!);
  return base;
}

async function solveBase(model: CapacityModel, limits: MilpLimits): Promise<WarmBase | null> {
  const m = normalize({ ...model, adjustments: [] });
  const rel = relax(m);
  const core = buildCore(m, rel, true);
  if (core.nVars === 0 || core.nVars > WARM_MAX_VARIABLES) return null;
  const lp = await solveCore(m, core, 'lp', limits, { wantBasis: true });
  if (lp.status !== 'optimal' || !lp.basis) return null;
  const statuses = new BasisByName(m);
  statuses.record(m, core, lp.basis);
  const prices = lp.rowDual ? new BasePrices(m, core, lp.rowDual) : null;
  return {
    basisFor: (mm, c) => statuses.on(mm, c),
    dualsFor: (mm, c) => (prices ? prices.on(mm, c) : new Float64Array(coreRowCount(c))),
  };
}

// HiGHS basis status codes.
const LOWER = 0;
const BASIC = 1;
const UNKNOWN = -1;

/**
 * The base's basis status of every column and row by what it stands for, so it
 * can be read onto a what-if's LP (laid out by buildModelData, milp.ts): start
 * columns by (recipe, day), stock columns and balance rows by (resource,
 * stretch start day), weekly rows by (recipe, ISO week). Recipe and item
 * indices are the same in every scenario of a model (canonical order).
 */
class BasisByName {
  private readonly start: Int8Array;
  private readonly stock: Int8Array;
  private readonly balance: Int8Array;
  private readonly weekly: Int8Array;
  private readonly H: number;

  constructor(m: NModel) {
    this.H = m.H;
    this.start = new Int8Array(m.recipes.length * m.H).fill(UNKNOWN);
    this.stock = new Int8Array(2 * m.items.length * m.H).fill(UNKNOWN);
    this.balance = new Int8Array(2 * m.items.length * m.H).fill(UNKNOWN);
    this.weekly = new Int8Array(m.recipes.length * (m.weekCount + 1)).fill(UNKNOWN);
  }

  record(m: NModel, core: Core, basis: LpBasis): void {
    this.walk(m, core, {
      start: (i, col) => (this.start[i] = basis.colStatus[col]!),
      stock: (i, col) => (this.stock[i] = basis.colStatus[col]!),
      balance: (i, row) => (this.balance[i] = basis.rowStatus[row]!),
      weekly: (i, row) => (this.weekly[i] = basis.rowStatus[row]!),
    });
  }

  /**
   * The base's basis on this LP's columns and rows. What the base had keeps its
   * status. What the what-if adds: a start column at zero; a stretch split in
   * two gets a basic stock column and a tight balance row (so the count of basic
   * variables stays right); a new weekly row a basic slack. Where the what-if
   * drops days the base had (a stretch merged, a candidate day gone) the count
   * may be off; HiGHS completes or trims such a basis itself (it treats a basis
   * it is handed as possibly alien).
   */
  on(m: NModel, core: Core): LpBasis {
    let cols = core.nVars;
    let rows = core.weekly.length;
    for (const res of core.resources) {
      cols += res.days.length;
      rows += res.days.length;
    }
    const colStatus = new Int32Array(cols);
    const rowStatus = new Int32Array(rows);
    const or = (v: number, fallback: number) => (v === UNKNOWN ? fallback : v);
    this.walk(m, core, {
      start: (i, col) => (colStatus[col] = or(this.start[i]!, LOWER)),
      stock: (i, col) => (colStatus[col] = or(this.stock[i]!, BASIC)),
      balance: (i, row) => (rowStatus[row] = or(this.balance[i]!, LOWER)),
      weekly: (i, row) => (rowStatus[row] = or(this.weekly[i]!, BASIC)),
    });
    return { colStatus, rowStatus };
  }

  /** Every column and row of buildModelData's layout, with its place in the arrays above. */
  private walk(
    m: NModel,
    core: Core,
    visit: Record<'start' | 'stock' | 'balance' | 'weekly', (index: number, position: number) => void>,
  ): void {
    const H = this.H;
    for (let v = 0; v < core.nVars; v++) visit.start(core.varRecipe[v]! * H + core.varDay[v]!, v);
    let row = 0;
    let col = core.nVars;
    for (const res of core.resources) {
      for (const d of res.days) {
        visit.balance(res.key * H + d, row++);
        visit.stock(res.key * H + d, col++);
      }
    }
    for (const w of core.weekly) {
      const v = w.vars[0]!;
      visit.weekly(core.varRecipe[v]! * (m.weekCount + 1) + m.weekOf[core.varDay[v]!]!, row++);
    }
  }
}

function coreRowCount(core: Core): number {
  let rows = core.weekly.length;
  for (const res of core.resources) rows += res.days.length;
  return rows;
}

/**
 * The base's optimal row duals by what each row stands for, per unit of the
 * item (rows count in multiples of a resource's `unit`, which a what-if may
 * change): a balance row by its resource and the base stretch holding its first
 * day (a what-if's stretch may reach into the next of the base's where the
 * what-if dropped a day: its price is still a price), a weekly row by its
 * recipe and ISO week. Rows the base did not have are priced 0. Any prices
 * give a valid bound (dual-bound.ts); these are the base's, made monotone along
 * each resource, so the stock columns (unbounded above) never make the bound
 * infinite.
 */
class BasePrices {
  private readonly balance = new Map<number, { days: Int32Array; price: Float64Array }>();
  private readonly weekly = new Map<number, number>();

  constructor(m: NModel, core: Core, rowDual: Float64Array) {
    let row = 0;
    for (const res of core.resources) {
      const price = new Float64Array(res.days.length);
      for (let b = 0; b < res.days.length; b++) price[b] = rowDual[row++]! / res.unit;
      this.balance.set(res.key, { days: res.days, price });
    }
    for (const w of core.weekly) {
      const v = w.vars[0]!;
      this.weekly.set(core.varRecipe[v]! * (m.weekCount + 1) + m.weekOf[core.varDay[v]!]!, rowDual[row++]!);
    }
  }

  on(m: NModel, core: Core): Float64Array {
    const y = new Float64Array(coreRowCount(core));
    let row = 0;
    for (const res of core.resources) {
      const base = this.balance.get(res.key);
      const first = row;
      for (const d of res.days) {
        let price = 0;
        if (base) {
          // The last base stretch starting on or before d.
          let lo = 0;
          let hi = base.days.length - 1;
          while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (base.days[mid]! <= d) lo = mid;
            else hi = mid - 1;
          }
          price = base.days[lo]! <= d ? base.price[lo]! * res.unit : 0;
        }
        y[row++] = price;
      }
      // Stock carried from stretch b to b + 1 is a column (+1 in row b, −1 in row b + 1, no upper bound):
      // its reduced cost y[b+1] − y[b] must not be positive, nor −y[last]. Any prices give a valid bound.
      if (row > first) y[row - 1] = Math.max(y[row - 1]!, 0);
      for (let b = row - 2; b >= first; b--) y[b] = Math.max(y[b]!, y[b + 1]!);
    }
    for (const w of core.weekly) {
      const v = w.vars[0]!;
      y[row++] = this.weekly.get(core.varRecipe[v]! * (m.weekCount + 1) + m.weekOf[core.varDay[v]!]!) ?? 0;
    }
    return y;
  }
}
