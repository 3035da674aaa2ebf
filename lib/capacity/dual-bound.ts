import type { Core } from './core';
import { modelDataOf, type buildModelData } from './milp';
import type { NModel } from './normalize';

type LpData = ReturnType<typeof buildModelData>;

/**
 * An upper bound on a core's LP optimum from any row prices y, by weak
 * (Lagrangian) duality — no solve. For every x with L ≤ Ax ≤ U and l ≤ x ≤ u:
 *   cᵀx = yᵀ(Ax) + (c − Aᵀy)ᵀx ≤ Σᵢ max(yᵢLᵢ, yᵢUᵢ) + Σⱼ max(dⱼlⱼ, dⱼuⱼ),
 * whatever y is (an infinite side that y leans on makes the bound infinite).
 * So the prices may come from another LP — the base's optimal duals, read onto
 * a what-if's rows by what each row stands for (warm-start.ts) — and the bound
 * is still proven. When a what-if leaves the base's basis optimal (most only
 * move a little supply), it is the what-if's LP optimum itself; when it does
 * not, up to `passes` rounds of exact coordinate descent (each row's price
 * moved to where the bound is least, the others held) tighten it while the
 * caller says it is not `enough` and, after the first, still `promising`; if it
 * is still too loose the LP is solved as before (solve.ts). On the demo's 200 bench what-ifs the base's prices alone
 * skip the LP on 155, three rounds on 173 (a weekly limit or a lead time
 * changed moves prices most); a round costs about as much as building the LP. A fixed number of passes in a
 * fixed order: deterministic, and the base's duals depend on its data version only.
 */
export function lagrangianBound(
  m: NModel,
  core: Core,
  rowPrice: (data: LpData) => Float64Array,
  passes = 0,
  enough: (bound: number) => boolean = () => false,
  promising: (bound: number) => boolean = () => true,
): number {
  const data = modelDataOf(m, core);
  const y = rowPrice(data);
  let bound = boundAt(data, y);
  // Descend only while the bound is not yet tight enough for the caller (it never rises), and past the
  // first pass only while it is near enough that another pass may do: a pass that leaves it far off
  // leaves the LP to be solved anyway, and each pass costs about as much as building the LP.
  let rows: RowWise | null = null;
  for (let pass = 0; pass < passes && !enough(bound) && (pass === 0 || promising(bound)); pass++) {
    descend(data, y, (rows ??= rowWise(data)));
    bound = Math.min(bound, boundAt(data, y));
  }
  return bound;
}

/** The bound at prices y, plus a margin for floating-point error (a tiny multiple of Σ|term|), so it stays a bound. */
function boundAt(data: LpData, y: Float64Array): number {
  let bound = 0;
  let magnitude = 0;
  for (let i = 0; i < data.numRows; i++) {
    const yi = y[i]!;
    if (yi === 0) continue;
    const side = yi > 0 ? data.rowUpper[i]! : data.rowLower[i]!;
    if (!Number.isFinite(side)) return Infinity;
    bound += yi * side;
    magnitude += Math.abs(yi * side);
  }
  const { starts, indices, values } = data.matrix;
  for (let j = 0; j < data.numCols; j++) {
    let d = data.colCost[j]!;
    let dMagnitude = Math.abs(d);
    for (let k = starts[j]!; k < starts[j + 1]!; k++) {
      d -= y[indices[k]!]! * values[k]!;
      dMagnitude += Math.abs(y[indices[k]!]! * values[k]!);
    }
    const x = d > 0 ? data.colUpper[j]! : data.colLower[j]!;
    if (d !== 0 && !Number.isFinite(x)) return Infinity;
    if (d !== 0) bound += d * x;
    magnitude += dMagnitude * Math.abs(x === 0 || !Number.isFinite(x) ? 0 : x);
  }
  return bound + 1e-9 * magnitude;
}

/**
 * Coordinate descent on the bound: for each row in turn, the price that
 * minimises the bound with every other price held. Along one price the bound
 * is convex and piecewise linear — each column with finite bounds adds a
 * breakpoint where its reduced cost changes sign, a column without an upper
 * bound (a stock carried over) confines the price so its reduced cost stays
 * ≤ 0 — so the minimiser is the first breakpoint where the slope turns ≥ 0.
 * Every step keeps the bound finite and never raises it.
 */
function descend(data: LpData, y: Float64Array, rows: RowWise): void {
  const { numRows, numCols, colCost, colLower, colUpper, rowLower, rowUpper } = data;
  const { starts, indices, values } = data.matrix;
  const { rowStart, rowCol, rowVal } = rows;
  // Reduced costs at the current prices.
  const d = Float64Array.from(colCost);
  for (let j = 0; j < numCols; j++) for (let k = starts[j]!; k < starts[j + 1]!; k++) d[j]! -= y[indices[k]!]! * values[k]!;
  const reducedWithout = (j: number, row: number) => {
    // c_j − Σ_{k ≠ row} y_k a_kj, summed afresh (exact for the ±1 stock columns, so the confinement is exact).
    let e = colCost[j]!;
    for (let k = starts[j]!; k < starts[j + 1]!; k++) if (indices[k] !== row) e -= y[indices[k]!]! * values[k]!;
    return e;
  };

  let bpT = new Float64Array(64);
  let bpJump = new Float64Array(64);
  let order = new Int32Array(64);
  // Breakpoints by position, ties in the order they were found (as a stable sort would leave them).
  const byPosition = (p: number, q: number) => bpT[p]! - bpT[q]! || p - q;
  {
    for (let i = 0; i < numRows; i++) {
      const L = rowLower[i]!;
      const U = rowUpper[i]!;
      let lo = L === -Infinity ? 0 : -Infinity;
      let hi = U === Infinity ? 0 : Infinity;
      // Slope of the bound just right of −∞ (or of lo), and its breakpoints.
      let slope = lo >= 0 ? U : L;
      let n = 0;
      const n0 = rowStart[i + 1]! - rowStart[i]! + 1;
      if (bpT.length < n0) {
        bpT = new Float64Array(2 * n0);
        bpJump = new Float64Array(2 * n0);
        order = new Int32Array(2 * n0);
      }
      if (lo < 0 && hi > 0 && U !== L) {
        bpT[n] = 0;
        bpJump[n++] = U - L;
      }
      let usable = true;
      for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
        const j = rowCol[p]!;
        const a = rowVal[p]!;
        const l = colLower[j]!;
        const u = colUpper[j]!;
        if (!Number.isFinite(l)) {
          usable = false;
          break;
        }
        if (!Number.isFinite(u)) {
          const e = reducedWithout(j, i);
          if (a > 0) lo = Math.max(lo, e / a);
          else hi = Math.min(hi, e / a);
          slope += -a * l;
          continue;
        }
        const e = d[j]! + a * y[i]!;
        slope += a > 0 ? -a * u : -a * l;
        bpT[n] = e / a;
        bpJump[n++] = Math.abs(a) * (u - l);
      }
      if (!usable || lo > hi) continue;
      for (let k = 0; k < n; k++) order[k] = k;
      if (n <= SMALL) insertionSort(order, n, bpT);
      else order.subarray(0, n).sort(byPosition);
      let k = 0;
      for (; k < n && bpT[order[k]!]! <= lo; k++) slope += bpJump[order[k]!]!;
      let t = NaN;
      if (slope >= 0) t = lo;
      else {
        for (; k < n; k++) {
          const b = order[k]!;
          if (bpT[b]! >= hi) break;
          slope += bpJump[b]!;
          if (slope >= 0) {
            t = bpT[b]!;
            break;
          }
        }
        if (Number.isNaN(t)) t = hi;
      }
      if (!Number.isFinite(t) || t === y[i]) continue;
      const delta = t - y[i]!;
      y[i] = t;
      for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) d[rowCol[p]!]! -= delta * rowVal[p]!;
    }
  }
}

/** Rows with up to this many breakpoints are sorted in place; a sort with a comparator costs a call per comparison. */
const SMALL = 32;

/** order[0..n) by (position, index), as byPosition sorts them: the same order, ties included. */
function insertionSort(order: Int32Array, n: number, position: Float64Array): void {
  for (let a = 1; a < n; a++) {
    const o = order[a]!;
    const t = position[o]!;
    let b = a - 1;
    while (b >= 0 && (position[order[b]!]! > t || (position[order[b]!]! === t && order[b]! > o))) {
      order[b + 1] = order[b]!;
      b--;
    }
    order[b + 1] = o;
  }
}

interface RowWise {
  rowStart: Int32Array;
  rowCol: Int32Array;
  rowVal: Float64Array;
}

/** Row-wise copy of the matrix (built once per bound: every pass walks the rows). */
function rowWise(data: LpData): RowWise {
  const { numRows, numCols } = data;
  const { starts, indices, values } = data.matrix;
  const rowStart = new Int32Array(numRows + 1);
  for (let k = 0; k < indices.length; k++) rowStart[indices[k]! + 1]!++;
  for (let i = 0; i < numRows; i++) rowStart[i + 1]! += rowStart[i]!;
  const rowCol = new Int32Array(indices.length);
  const rowVal = new Float64Array(indices.length);
  const fill = rowStart.slice(0, numRows);
  for (let j = 0; j < numCols; j++)
    for (let k = starts[j]!; k < starts[j + 1]!; k++) {
      const p = fill[indices[k]!]!++;
      rowCol[p] = j;
      rowVal[p] = values[k]!;
    }
  return { rowStart, rowCol, rowVal };
}
