import { coreStocks, stretchOf, type Core } from './core';
import type { NModel } from './normalize';

type HighsModule = Awaited<ReturnType<typeof import('highs')['default']>>;

let highsPromise: Promise<HighsModule> | null = null;

/** One solver instance per process; it is re-created if a wasm abort leaves it unusable. */
export function loadHighs(): Promise<HighsModule> {
  if (!highsPromise) highsPromise = import('highs').then((mod) => mod.default());
  return highsPromise;
}

/**
 * Loads HiGHS and runs one tiny LP and MIP, so the first real forecast does not
 * pay for WebAssembly compilation and warm-up (half a second or more). Servers
 * call it at start-up; calling it is never required.
 */
export async function warmUp(): Promise<void> {
  const highs = await loadHighs();
  for (const integer of [false, true]) {
    for (let round = 0; round < 3; round++) {
      const model = highs.createModel({
        numCols: 2,
        numRows: 2,
        sense: highs.constants.objectiveSense.maximize,
        colCost: [3, 5],
        colLower: [0, 0],
        colUpper: [10, 10],
        rowLower: [-highs.infinity, -highs.infinity],
        rowUpper: [14, 18],
        matrix: { format: 'csc', numRows: 2, numCols: 2, starts: [0, 2, 4], indices: [0, 1, 0, 1], values: [1, 3, 2, 2] },
        ...(integer ? { integrality: [1, 1] as const } : {}),
      });
      try {
        model.options.set({ output_flag: false, ...(integer ? {} : { solver: round === 0 ? 'simplex' : 'ipm' }) });
        model.run();
      } finally {
        model.dispose();
      }
    }
  }
}

export interface MilpLimits {
  /** Simplex iterations (LP) or branch-and-bound nodes (MIP): the work budget. */
  lpMaxIterations: number;
  mipMaxNodes: number;
  /** Wall-clock safety net, milliseconds. */
  safetyNetMs: number;
}

/** A simplex basis to start from (HiGHS status codes, one per column and row of the stock-balance LP). */
export interface LpBasis {
  colStatus: Int32Array;
  rowStatus: Int32Array;
}

export interface MilpResult {
  /** 'optimal' when HiGHS proved it (for an LP: the relaxation's optimum). */
  status: 'optimal' | 'limit' | 'failed';
  /** The wall-clock safety net stopped HiGHS (never the work budget). */
  safetyNet: boolean;
  x: Float64Array | null;
  objective: number;
  /** Valid upper bound on the core objective. */
  dualBound: number;
  millis: number;
  /** LP only, when asked for and optimal: the optimal basis (warm-start.ts keeps it per data version). */
  basis?: LpBasis;
  /** Simplex iterations HiGHS spent (LP only). */
  iterations?: number;
  /** LP only, when optimal: the row duals (GPU-days per unit of each row's right-hand side; line-values.ts). */
  rowDual?: Float64Array;
}

export interface LpStart {
  /** Start the dual simplex from this basis instead of from scratch (HiGHS repairs a basis that does not fit). */
  basis?: LpBasis;
  /** Return the optimal basis. */
  wantBasis?: boolean;
  /** MIP only: bounds on each column of the cumulative model (cumulative starts per recipe up to each candidate day). */
  box?: { lower: Float64Array; upper: Float64Array };
}

/**
 * A what-if's LP from its base's basis (warm-start.ts): primal simplex without bound perturbation. The
 * base's vertex is usually a few hundred pivots from the what-if's; on the 26 of the demo's 200 bench
 * what-ifs that solve their LP, HiGHS's default (dual simplex, costs perturbed) took 12,031 iterations in
 * all, dual simplex unperturbed 7,889, primal with bound perturbation 17,116, this 5,818 (measured on each
 * what-if's own grid, HiGHS 1.15 wasm; on the earlier grid that held the base's days, 12,082, 8,426 and
 * 5,939 on 27). Options only: the same model and basis still give the same vertex.
 */
const FROM_BASIS = { simplex_strategy: 4, primal_simplex_bound_perturbation_multiplier: 0 } as const;

/**
 * The quick tier's sub-MIP near the LP optimum (neighbourhood.ts) without presolve's probing. Such a
 * sub-MIP settles at its root, and presolve is most of its time (40 of 60 ms on a demo what-if, HiGHS's
 * own timing); probing its 150 or so binaries bought nothing there. Without it the 9 of the 200 bench
 * what-ifs that search took 4 % less in all (3 runs each way, every one faster). The same GPU-days and
 * gaps on all 200; one of them now has another schedule of the same GPU-days. The other presolve rules that
 * may be switched off, symmetry detection and the feasibility jump changed nothing measurable.
 */
const NEIGHBOURHOOD = { presolve_rule_off: 1 << 15 } as const;

/**
 * Solves the core with HiGHS: its LP relaxation (to a vertex) or the integer
 * program itself.
 *
 * LP first: after the divisor rounding in core.ts the relaxation of our models
 * is typically integral at a vertex, and an integral LP optimum is a proof of
 * integer optimality that costs a fraction of branch-and-bound.
 * Integer program, in cumulative starts (buildCumulativeData): the same
 * integer points and the same LP relaxation, but each stock row holds one
 * integer column per recipe instead of one per start day, so HiGHS's cuts
 * (MIR on single rows) see the whole lot-size structure; on the product's demo
 * model this proves the optimum at the root node in 2–4 s, where the
 * stock-balance model needed 40 s and more (measured, HiGHS 1.15 wasm).
 * Objective coefficients are integers (scaled GPU-days), so a
 * gap below 1 proves optimality: mip_abs_gap 0.99 and mip_rel_gap 0 make HiGHS
 * stop exactly there. No MIP start: handing HiGHS 1.15 a start slowed it tenfold
 * on our models; the caller keeps its own incumbent instead.
 */
export async function solveCore(m: NModel, core: Core, mode: 'lp' | 'mip', limits: MilpLimits, start: LpStart = {}): Promise<MilpResult> {
  const t0 = performance.now();
  const highs = await loadHighs();
  const cumulative = mode === 'mip' && (start.box !== undefined || formulation() === 'cumulative');
  // The arrays shared with the dual bound are never written: a box (clamped below) gets arrays of its own.
  const data = cumulative
    ? buildCumulativeData(m, core, highs.infinity)
    : highs.infinity === Infinity && !start.box
      ? modelDataOf(m, core)
      : buildModelData(m, core, highs.infinity);
  if (start.box)
    for (let v = 0; v < core.nVars; v++) {
      data.colLower[v] = Math.max(data.colLower[v]!, start.box.lower[v]!);
      data.colUpper[v] = Math.min(data.colUpper[v]!, start.box.upper[v]!);
    }
  let model: ReturnType<HighsModule['createModel']> | null = null;
  try {
    model = highs.createModel({
      ...data,
      integrality: mode === 'mip' ? data.integrality : undefined,
      sense: highs.constants.objectiveSense.maximize,
    });
    const time_limit = Math.max(0.05, limits.safetyNetMs / 1000);
    // Dual simplex wins on small cores, interior point (with crossover to a vertex) on large ones.
    // This build of HiGHS is single-threaded; with a fixed seed it is deterministic for the same model.
    const common = { output_flag: false, time_limit, random_seed: 0 };
    if (mode === 'lp')
      model.options.set({ ...common, solver: core.nVars < 4000 ? 'simplex' : 'ipm', run_crossover: 'on', simplex_iteration_limit: limits.lpMaxIterations, ipm_iteration_limit: limits.lpMaxIterations, ...(start.basis ? FROM_BASIS : {}) });
    else model.options.set({ ...common, mip_rel_gap: 0, mip_abs_gap: 0.99, mip_max_nodes: limits.mipMaxNodes, ...(start.box ? NEIGHBOURHOOD : {}) });
    // A rejected basis leaves HiGHS's own start (from scratch): the same input still gives the same answer.
    if (mode === 'lp' && start.basis) model.setBasis(start.basis);
    model.run();
    const status = model.getModelStatus();
    const C = highs.constants.modelStatus;
    const safetyNet = status === C.timeLimit;
    const hasPrimal = Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    const solution = hasPrimal ? model.getSolution() : null;
    const col = solution ? solution.colValue : null;
    const x = col ? (cumulative ? startsFromCumulative(core, col) : Float64Array.from(col.slice(0, core.nVars))) : null;
    const objective = hasPrimal ? model.getObjectiveValue() : -Infinity;
    const millis = performance.now() - t0;
    const iterations = mode === 'lp' ? Number(model.info.get('simplex_iteration_count')) : undefined;
    if (status === C.optimal && x) {
      const basis = mode === 'lp' && start.wantBasis ? model.getBasis() : null;
      return {
        status: 'optimal',
        safetyNet,
        x,
        objective,
        dualBound: objective,
        millis: performance.now() - t0,
        iterations,
        ...(mode === 'lp' && solution ? { rowDual: Float64Array.from(solution.rowDual) } : {}),
        ...(basis ? { basis: { colStatus: Int32Array.from(basis.colStatus), rowStatus: Int32Array.from(basis.rowStatus) } } : {}),
      };
    }
    const bound = mode === 'mip' ? Number(model.info.get('mip_dual_bound')) : Infinity;
    return { status: x && mode === 'mip' ? 'limit' : 'failed', safetyNet, x: mode === 'mip' ? x : null, objective, dualBound: Number.isFinite(bound) ? bound : Infinity, millis };
  } catch (e) {
    if (typeof process !== 'undefined' && process.env?.CAPACITY_DEBUG) console.error('HiGHS failed', e);
    highsPromise = null;
    return { status: 'failed', safetyNet: false, x: null, objective: -Infinity, dualBound: Infinity, millis: performance.now() - t0 };
  } finally {
    try {
      model?.dispose();
    } catch {
      highsPromise = null;
    }
  }
}

// The dual bound (dual-bound.ts) and then the LP of one core read the same arrays, never writing them: built once.
const modelData = new WeakMap<Core, { m: NModel; data: ReturnType<typeof buildModelData> }>();

/** buildModelData for this core with infinite bounds as Infinity (HiGHS's own), built once per core and model. */
export function modelDataOf(m: NModel, core: Core): ReturnType<typeof buildModelData> {
  const hit = modelData.get(core);
  if (hit && hit.m === m) return hit.data;
  const data = buildModelData(m, core, Infinity);
  modelData.set(core, { m, data });
  return data;
}

/**
 * Columns: one integer per (core recipe, candidate day), then one stock per (resource, stretch).
 * Built straight into typed arrays: a what-if's LP is rebuilt on every quick answer, and arrays
 * of pairs with a sort per column took about half as long as HiGHS's warm dual simplex itself
 * (demo what-ifs, mean); the same entries in the same order, so the same model.
 */
export function buildModelData(m: NModel, core: Core, inf: number) {
  const rowBase = new Int32Array(core.resources.length);
  let numRows = 0;
  core.resources.forEach((res, ri) => {
    rowBase[ri] = numRows;
    numRows += res.days.length;
  });
  const firstWeeklyRow = numRows;
  numRows += core.weekly.length;
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  core.resources.forEach((res, ri) => {
    rowLower.set(res.inc, rowBase[ri]!);
    rowUpper.set(res.inc, rowBase[ri]!);
  });
  const varWeekly = new Int32Array(core.nVars).fill(-1);
  core.weekly.forEach((w, k) => {
    rowLower[firstWeeklyRow + k] = -inf;
    rowUpper[firstWeeklyRow + k] = w.lim;
    for (const v of w.vars) varWeekly[v] = firstWeeklyRow + k;
  });

  let nCols = core.nVars;
  let perColumn = 2;
  for (const res of core.resources) nCols += res.days.length;
  for (const terms of core.uses.values()) perColumn = Math.max(perColumn, terms.length + 2);
  const capacity = core.nVars * perColumn + 2 * (nCols - core.nVars);
  const starts = new Int32Array(nCols + 1);
  const indices = new Int32Array(capacity);
  const values = new Float64Array(capacity);
  let nnz = 0;
  const colCost = new Float64Array(nCols);
  const colLower = new Float64Array(nCols);
  const colUpper = new Float64Array(nCols).fill(inf);
  const integrality = new Int32Array(nCols);

  // One column's entries before sorting by row: an insertion sort keeps equal rows in the
  // order added (as a stable sort would), so repeated rows sum in the same order.
  const entryRow = new Int32Array(perColumn);
  const entryVal = new Float64Array(perColumn);
  let n = 0;
  const entry = (row: number, val: number) => {
    let k = n++;
    while (k > 0 && entryRow[k - 1]! > row) {
      entryRow[k] = entryRow[k - 1]!;
      entryVal[k] = entryVal[k - 1]!;
      k--;
    }
    entryRow[k] = row;
    entryVal[k] = val;
  };
  for (let v = 0; v < core.nVars; v++) {
    const r = core.varRecipe[v]!;
    const day = core.varDay[v]!;
    n = 0;
    for (const term of core.uses.get(r)!) {
      const b = stretchOf(core.resources[term.resource]!, day - term.offset);
      if (b >= 0) entry(rowBase[term.resource]! + b, term.coef);
    }
    const make = core.makes.get(r);
    if (make) {
      const b = stretchOf(core.resources[make.resource]!, day + m.recipes[r]!.lead);
      if (b >= 0) entry(rowBase[make.resource]! + b, make.coef);
    }
    if (varWeekly[v]! >= 0) entry(varWeekly[v]!, 1);
    const colStart = nnz;
    for (let k = 0; k < n; k++) {
      if (nnz > colStart && indices[nnz - 1] === entryRow[k]) values[nnz - 1]! += entryVal[k]!;
      else {
        indices[nnz] = entryRow[k]!;
        values[nnz++] = entryVal[k]!;
      }
    }
    starts[v + 1] = nnz;
    colCost[v] = core.varObj[v]!;
    colUpper[v] = core.varUb[v]!;
    integrality[v] = 1;
  }
  let col = core.nVars;
  core.resources.forEach((res, ri) => {
    for (let b = 0; b < res.days.length; b++) {
      indices[nnz] = rowBase[ri]! + b;
      values[nnz++] = 1;
      if (b + 1 < res.days.length) {
        indices[nnz] = rowBase[ri]! + b + 1;
        values[nnz++] = -1;
      }
      starts[++col] = nnz;
    }
  });

  return {
    numCols: nCols,
    numRows,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: {
      format: 'csc' as const,
      numRows,
      numCols: nCols,
      starts,
      indices: indices.slice(0, nnz),
      values: values.slice(0, nnz),
    },
    integrality,
  };
}

/** The start vector with each stretch's closing stock filled in, as the equality rows require. */
function withStocks(m: NModel, core: Core, x: Float64Array, nCols: number): Float64Array {
  const full = new Float64Array(nCols);
  full.set(x);
  let col = core.nVars;
  for (const s of coreStocks(m, core, x)) {
    full.set(s, col);
    col += s.length;
  }
  return full;
}

/** Whether a core schedule keeps every stock ≥ 0, every weekly limit and every bound, in exact integers. */
export function coreFeasible(m: NModel, core: Core, x: Float64Array): boolean {
  for (let v = 0; v < core.nVars; v++) {
    if (!Number.isInteger(x[v]!) || x[v]! < 0 || x[v]! > core.varUb[v]!) return false;
  }
  for (const w of core.weekly) {
    let s = 0;
    for (const v of w.vars) s += x[v]!;
    if (s > w.lim) return false;
  }
  const full = withStocks(m, core, x, core.nVars + core.resources.reduce((s, r) => s + r.days.length, 0));
  for (let c = core.nVars; c < full.length; c++) if (full[c]! < 0) return false;
  return true;
}

export function coreSize(core: Core): { variables: number; rows: number } {
  let rows = core.weekly.length;
  for (const r of core.resources) rows += r.days.length;
  return { variables: core.nVars, rows };
}

/**
 * The same integer program in cumulative starts: column v is Y_v = builds of
 * its recipe started on its candidate days up to and including varDay[v], so
 * x_v = Y_v − Y_{v−1} (a unimodular change of variables: integer Y ⇔ integer
 * x, and the LP relaxations map onto each other with equal objective).
 *  • Stock of a resource at the end of stretch b: the stock model's balance
 *    summed over stretches 0…b, i.e. Σ coef·(starts whose take falls in
 *    stretches ≤ b) ≤ known supply up to b, where makers count negatively for
 *    landings in stretches ≤ b. Those starts are a prefix of each recipe's
 *    candidate days (days are sorted and takes/landings shift by a constant),
 *    so the sum is coef × one Y. Stretch b ends the day before stretch b+1
 *    starts, or at `last` (takes after `last`, landings after `last`: in no
 *    row, as in the stock model).
 *  • 0 ≤ Y_v − Y_{v−1} ≤ varUb_v (starts are non-negative and bounded).
 *  • Weekly rows: Y(last start of the week) − Y(last start before it) ≤ lim.
 *  • Objective Σ c_v x_v = Σ Y_v (c_v − c_{v+1}) within each recipe.
 */
export function buildCumulativeData(m: NModel, core: Core, inf: number) {
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  // Entries as (column, row, value) triplets, made row by row: rows only grow, so each column's
  // entries come in row order, a repeated row right after itself. Bucketed by column below.
  let entCol = new Int32Array(1024);
  let entRow = new Int32Array(1024);
  let entVal = new Float64Array(1024);
  let nEnt = 0;
  const add = (v: number, row: number, val: number) => {
    if (nEnt === entCol.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as { new (n: number): T })(2 * a.length);
        b.set(a);
        return b;
      };
      entCol = grow(entCol);
      entRow = grow(entRow);
      entVal = grow(entVal);
    }
    entCol[nEnt] = v;
    entRow[nEnt] = row;
    entVal[nEnt++] = val;
  };
  // Last variable of recipe r whose day satisfies day ≤ bound (or −1).
  const lastUpTo = (r: number, bound: number): number => {
    const days = core.cand.get(r)!;
    let lo = 0;
    let hi = days.length - 1;
    if (hi < 0 || days[0]! > bound) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (days[mid]! <= bound) lo = mid;
      else hi = mid - 1;
    }
    return core.varStart.get(r)! + lo;
  };
  const users = core.resources.map(() => [] as Array<{ r: number; coef: number; shift: number }>);
  for (const r of core.recipes) {
    for (const t of core.uses.get(r)!) users[t.resource]!.push({ r, coef: t.coef, shift: t.offset });
    const mk = core.makes.get(r);
    if (mk) users[mk.resource]!.push({ r, coef: mk.coef, shift: -m.recipes[r]!.lead });
  }
  core.resources.forEach((res, ri) => {
    let cum = 0;
    for (let b = 0; b < res.days.length; b++) {
      cum += res.inc[b]!;
      const end = Math.min(res.last, b + 1 < res.days.length ? res.days[b + 1]! - 1 : res.last);
      const row = rowLower.length;
      rowLower.push(-inf);
      rowUpper.push(cum);
      // day − shift ≤ end  ⇔  day ≤ end + shift
      for (const u of users[ri]!) {
        const v = lastUpTo(u.r, end + u.shift);
        if (v >= 0) add(v, row, u.coef);
      }
    }
  });
  // Monotone, per-start bounds.
  for (const r of core.recipes) {
    const s = core.varStart.get(r)!;
    const n = core.cand.get(r)!.length;
    for (let k = 1; k < n; k++) {
      const row = rowLower.length;
      rowLower.push(0);
      rowUpper.push(core.varUb[s + k]!);
      add(s + k, row, 1);
      add(s + k - 1, row, -1);
    }
  }
  for (const w of core.weekly) {
    const first = w.vars[0]!;
    const last = w.vars[w.vars.length - 1]!;
    const row = rowLower.length;
    rowLower.push(-inf);
    rowUpper.push(w.lim);
    add(last, row, 1);
    if (first > 0 && core.varRecipe[first - 1] === core.varRecipe[first]) add(first - 1, row, -1);
  }
  const colCost = new Float64Array(core.nVars);
  const colUpper = new Float64Array(core.nVars);
  for (let v = 0; v < core.nVars; v++) {
    const next = v + 1 < core.nVars && core.varRecipe[v + 1] === core.varRecipe[v] ? core.varObj[v + 1]! : 0;
    colCost[v] = core.varObj[v]! - next;
    const r = core.varRecipe[v]!;
    colUpper[v] = v === core.varStart.get(r)! ? core.varUb[v]! : inf;
  }
  // Counting sort by column (stable: each column keeps its row order), then repeated rows summed in
  // the order added and zero sums dropped.
  const colStart = new Int32Array(core.nVars + 1);
  for (let e = 0; e < nEnt; e++) colStart[entCol[e]! + 1]!++;
  for (let v = 0; v < core.nVars; v++) colStart[v + 1]! += colStart[v]!;
  const fill = colStart.slice(0, core.nVars);
  const sortedRow = new Int32Array(nEnt);
  const sortedVal = new Float64Array(nEnt);
  for (let e = 0; e < nEnt; e++) {
    const p = fill[entCol[e]!]!++;
    sortedRow[p] = entRow[e]!;
    sortedVal[p] = entVal[e]!;
  }
  const starts = new Int32Array(core.nVars + 1);
  const indices = new Int32Array(nEnt);
  const values = new Float64Array(nEnt);
  let nnz = 0;
  for (let v = 0; v < core.nVars; v++) {
    for (let p = colStart[v]!; p < colStart[v + 1]!; ) {
      const row = sortedRow[p]!;
      let val = 0;
      for (; p < colStart[v + 1]! && sortedRow[p] === row; p++) val += sortedVal[p]!;
      if (val === 0) continue;
      indices[nnz] = row;
      values[nnz++] = val;
    }
    starts[v + 1] = nnz;
  }
  const numRows = rowLower.length;
  return {
    numCols: core.nVars,
    numRows,
    colCost,
    colLower: new Float64Array(core.nVars),
    colUpper,
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    matrix: { format: 'csc' as const, numRows, numCols: core.nVars, starts, indices: indices.slice(0, nnz), values: values.slice(0, nnz) },
    integrality: new Int32Array(core.nVars).fill(1),
  };
}

/** Debug switch for the benchmark: CAPACITY_FORMULATION=stock gives the integer program the stock-balance model too. */
function formulation(): 'cumulative' | 'stock' {
  return typeof process !== 'undefined' && process.env?.CAPACITY_FORMULATION === 'stock' ? 'stock' : 'cumulative';
}

/** Builds started on each candidate day from cumulative starts. */
function startsFromCumulative(core: Core, y: ArrayLike<number>): Float64Array {
  const x = new Float64Array(core.nVars);
  for (let v = 0; v < core.nVars; v++) {
    const prev = v > 0 && core.varRecipe[v - 1] === core.varRecipe[v] ? y[v - 1]! : 0;
    x[v] = y[v]! - prev;
  }
  return x;
}
