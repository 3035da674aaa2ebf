import Decimal from 'decimal.js';
import type { CapacityModel } from '../types';

export interface ReferenceResult {
  status: 'optimal' | 'limit' | 'failed';
  gpuDays: number;
  /** HiGHS's proven upper bound on GPU-days. */
  bound: number;
  millis: number;
  variables: number;
  rows: number;
}

/** Work limits for HiGHS (bench:whatif): branch-and-bound nodes and simplex iterations; absent means none. */
export interface ReferenceWork {
  maxNodes?: number;
  maxIterations?: number;
}

/**
 * The textbook time-indexed integer program, straight from DESIGN.md, solved by
 * HiGHS: one integer per (recipe, day) for builds started, one stock per (item,
 * day) with stock(d) = stock(d−1) + supply(d) + output landing(d) − use(d) ≥ 0,
 * one row per (recipe, ISO week) for weekly limits, objective Σ GPUs × days left.
 * No reductions and no shared code with the engine: it is the generic-solver
 * yardstick of the benchmark and a second oracle for the property tests.
 * Models must not carry adjustments.
 */
export async function referenceGpuDays(model: CapacityModel, timeLimitSeconds = 600, work: ReferenceWork = {}): Promise<ReferenceResult> {
  const t0 = performance.now();
  const highs = await (await import('highs')).default();
  const H = model.horizonDays;
  const DAY = 86_400_000;
  const start = Date.parse(`${model.planStart}T00:00:00Z`);
  const dayOf = (s: string) => Math.round((Date.parse(`${s}T00:00:00Z`) - start) / DAY);
  const items = model.items.map((i) => i.sku);
  const at = new Map(items.map((s, k) => [s, k]));
  const nI = items.length;
  const nR = model.recipes.length;

  const supply = items.map(() => new Float64Array(H));
  for (const inv of model.inventory) supply[at.get(inv.sku)!]![0]! += Number(inv.onHand);
  for (const l of model.poLines) {
    if (l.status !== 'open') continue;
    const d = Math.max(0, dayOf(l.promisedDate));
    if (d < H) supply[at.get(l.sku)!]![d]! += Number(l.qty);
  }
  let constant = new Decimal(0);
  model.items.forEach((it, i) => {
    if (it.gpusOnlinePerUnit <= 0) return;
    for (let d = 0; d < H; d++) if (supply[i]![d]) constant = constant.plus(new Decimal(supply[i]![d]!).times(it.gpusOnlinePerUnit).times(H - d));
  });

  // Columns: x[r][d] then s[i][d]. Rows: balance[i][d] then weekly rows.
  const xCol = (r: number, d: number) => r * H + d;
  const sCol = (i: number, d: number) => nR * H + i * H + d;
  const balRow = (i: number, d: number) => i * H + d;
  const startDow = (new Date(start).getUTCDay() + 6) % 7; // Monday = 0
  const weekOf = (d: number) => Math.floor((d + startDow) / 7);
  const nWeeks = weekOf(H - 1) + 1;
  const weeklyRecipes = model.recipes.map((r, k) => (r.maxStartsPerWeek !== null ? k : -1)).filter((k) => k >= 0);
  const weekRow = new Map<number, number>();
  weeklyRecipes.forEach((r, k) => weekRow.set(r, nI * H + k * nWeeks));
  const numRows = nI * H + weeklyRecipes.length * nWeeks;
  const numCols = nR * H + nI * H;

  const cols: Array<Array<[number, number]>> = Array.from({ length: numCols }, () => []);
  const cost = new Float64Array(numCols);
  const upper = new Float64Array(numCols).fill(highs.infinity);
  const integrality = new Int32Array(numCols);
  model.recipes.forEach((r, k) => {
    const out = at.get(r.outputSku)!;
    const outQty = Number(r.outputQty);
    const gpus = model.items[out]!.gpusOnlinePerUnit;
    for (let d = 0; d < H; d++) {
      const c = xCol(k, d);
      integrality[c] = 1;
      for (const comp of r.components) cols[c]!.push([balRow(at.get(comp.sku)!, d), Number(comp.qtyPerBuild)]);
      const land = d + r.leadTimeDays;
      if (land < H) {
        cols[c]!.push([balRow(out, land), -outQty]);
        cost[c] = gpus * outQty * (H - land);
      }
      if (r.maxStartsPerWeek !== null) cols[c]!.push([weekRow.get(k)! + weekOf(d), 1]);
    }
  });
  for (let i = 0; i < nI; i++) {
    for (let d = 0; d < H; d++) {
      const c = sCol(i, d);
      cols[c]!.push([balRow(i, d), 1]);
      if (d + 1 < H) cols[c]!.push([balRow(i, d + 1), -1]);
    }
  }
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  for (let i = 0; i < nI; i++)
    for (let d = 0; d < H; d++) {
      rowLower[balRow(i, d)] = supply[i]![d]!;
      rowUpper[balRow(i, d)] = supply[i]![d]!;
    }
  for (const [r, base] of weekRow) {
    for (let w = 0; w < nWeeks; w++) {
      rowLower[base + w] = -highs.infinity;
      rowUpper[base + w] = model.recipes[r]!.maxStartsPerWeek!;
    }
  }
  const starts = new Int32Array(numCols + 1);
  const indices: number[] = [];
  const values: number[] = [];
  cols.forEach((entries, c) => {
    entries.sort((a, b) => a[0] - b[0]);
    for (const [row, v] of entries) {
      indices.push(row);
      values.push(v);
    }
    starts[c + 1] = indices.length;
  });

  const model_ = highs.createModel({
    numCols,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: cost,
    colLower: new Float64Array(numCols),
    colUpper: upper,
    rowLower,
    rowUpper,
    matrix: { format: 'csc', numRows, numCols, starts, indices: Int32Array.from(indices), values: Float64Array.from(values) },
    integrality,
  });
  try {
    // Same proof standard as the engine: with integer objective coefficients a gap below 1 is optimality.
    const integral = cost.every((v) => Number.isInteger(v));
    model_.options.set({
      output_flag: false,
      mip_rel_gap: 0,
      mip_abs_gap: integral ? 0.99 : 1e-6,
      time_limit: timeLimitSeconds,
      ...(work.maxNodes !== undefined ? { mip_max_nodes: work.maxNodes } : {}),
      ...(work.maxIterations !== undefined ? { simplex_iteration_limit: work.maxIterations } : {}),
    });
    model_.run();
    const status = model_.getModelStatus();
    const feasible = Number(model_.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    const obj = feasible ? model_.getObjectiveValue() : NaN;
    const bound = Number(model_.info.get('mip_dual_bound'));
    const c = constant.toNumber();
    return {
      status: status === highs.constants.modelStatus.optimal ? 'optimal' : feasible ? 'limit' : 'failed',
      gpuDays: obj + c,
      bound: bound + c,
      millis: performance.now() - t0,
      variables: numCols,
      rows: numRows,
    };
  } finally {
    model_.dispose();
  }
}
