import Decimal from 'decimal.js';
import { weeklyBottlenecks } from './bottlenecks';
import { formatDate } from './dates';
import { formatScaled } from './decimal';
import { CapacityEngineError } from './errors';
import { coreSize } from './milp';
import { milestones } from './milestones';
import { normalize, type NModel } from './normalize';
import { pegSchedule, toPeggedBatches } from './pegging';
import { capacityUnits, scaledGpuDays, scheduleViolations, trimSchedule } from './schedule';
import { actionableLines, gpusPerUnit, planAdjustments, PlanMemo, type ActionableLine } from './expedite';
import { poLineValues } from './line-values';
import { planShortage } from './shortages';
import { solveSchedule, type Solution } from './solve';
import type { Adjustment, Build, CapacityModel, Forecast, ForecastOptions, SeriesPoint, Shortage, Warning } from './types';
import { warmBaseFor } from './warm-start';
import { modelWarnings } from './warnings';
import { workBudget } from './work-budget';

type Budget = ReturnType<typeof workBudget>;

export const SHORTAGE_SUPPLIER = 'SHORTAGE';
const NO_SITE = 'unassigned';
const SHORTAGE_ROUNDS = 6;
/**
 * Verification re-runs (up to 6 per missed target) use the quick tier's work
 * budget: a target the re-run meets is met by a feasible schedule with those
 * receipts, which is all `verified` states, and a fixed budget keeps the answer
 * the same on any machine (a share of a wall-clock budget did not).
 */
const VERIFY_TIER = 'quick';

/**
 * The re-runs' budget (shortage verification, line values): the quick tier
 * without its neighbourhood search (neighbourhood.ts). A re-run needs a feasible
 * schedule, or a difference between two runs under one budget, not the 0.5 %
 * gap; with the search, line values on a what-if the heuristics leave short
 * took 16 s of CPU instead of 1.5 s (44 re-runs, each searching).
 */
function rerunBudget(safetyNetMs: number): Budget {
  // No LP shortcut either: line values price lines with the re-run's own LP duals, and verification keeps its schedules.
  return { ...workBudget({ tier: VERIFY_TIER, work: { neighbourhoodMaxNodes: 0, dualShortcut: false } }), safetyNetMs };
}

interface Run {
  m: NModel;
  sol: Solution;
  starts: Float64Array[];
  /** Scaled GPUs online per day. */
  total: Float64Array;
  units: Map<number, Float64Array>;
  gpuDays: number;
}

/** Normalise, solve, trim and self-check: the schedule without its explanations. */
async function run(model: CapacityModel, budget: Budget): Promise<Run> {
  const m = normalize(model);
  const limits = { lpMaxIterations: budget.work.lpMaxIterations, mipMaxNodes: budget.work.mipMaxNodes, safetyNetMs: budget.safetyNetMs };
  const sol = await solveSchedule(m, { work: budget.work, safetyNetMs: budget.safetyNetMs, warmBase: () => warmBaseFor(model, limits) });
  const starts = sol.starts;
  trimSchedule(m, starts, sol.rel.lastUseful);
  const broken = scheduleViolations(m, starts);
  if (broken.length > 0) throw new CapacityEngineError(`engine produced an infeasible schedule: ${broken.slice(0, 3).join('; ')}`);
  const units = capacityUnits(m, starts);
  const gpuDays = scaledGpuDays(m, units);
  // A proof is about the schedule it was made for: the GPU-days must be the proven ones, exactly.
  if (sol.status === 'optimal' && gpuDays !== sol.upperBound)
    throw new CapacityEngineError(`schedule gives ${gpuDays} scaled GPU-days but ${sol.upperBound} were proven`);
  const total = new Float64Array(m.H);
  for (const [i, u] of units) {
    const w = m.items[i]!.gpuWeight;
    for (let d = 0; d < m.H; d++) total[d]! += u[d]! * w;
  }
  return { m, sol, starts, total, units, gpuDays };
}

/**
 * The forecast: the schedule that maximises GPU-days over the horizon under the
 * conventions of DESIGN.md, with its proof status, pegging, weekly bottlenecks,
 * milestones, shortages against the targets, and warnings. Deterministic: the
 * same model always gives the same forecast.
 */
export async function computeForecast(model: CapacityModel, options: ForecastOptions = {}): Promise<Forecast> {
  const t0 = performance.now();
  const budget = workBudget(options);
  const r = await run(model, budget);
  const { m, sol, starts, total, units, gpuDays } = r;
  const tSolve = performance.now();
  const scale = 10 ** m.gpuDigits;

  const series = buildSeries(m, units, total);
  const builds = buildList(m, starts);
  const batches = pegSchedule(m, starts);
  const pegging = options.pegging === 'none' ? [] : toPeggedBatches(m, batches);
  const bottlenecks = weeklyBottlenecks(m, batches);
  const warnings: Warning[] = modelWarnings(m, sol.rel);
  const upper = Math.max(sol.upperBound, gpuDays);
  const gapPercent = upper > 0 ? Math.round(((upper - gpuDays) / upper) * 1e6) / 1e4 : 0;
  const optimality =
    sol.status === 'optimal'
      ? { status: 'optimal' as const, tier: budget.tier, upperBound: gpuDays / scale, method: sol.method }
      : {
          status: 'heuristic' as const,
          tier: budget.tier,
          stoppedBy: sol.stoppedBy ?? ('workBudget' as const),
          gapBound: (upper - gpuDays) / scale,
          gapPercent,
          upperBound: upper / scale,
          method: sol.method,
        };
  if (sol.status === 'heuristic')
    warnings.push({
      kind: 'heuristic',
      message:
        sol.stoppedBy === 'safetyNet'
          ? `optimality not proven: the solver's wall-clock safety net (${budget.safetyNetMs} ms) stopped it; the optimum is at most ${optimality.gapBound} GPU-days (${gapPercent} %) better`
          : `optimality not proven within the ${budget.tier} tier's work budget: the optimum is at most ${optimality.gapBound} GPU-days (${gapPercent} %) better`,
    });
  const tExplain = performance.now();

  const lineValues = options.lineValues ? await valuesOfLines(model, r, batches, budget) : null;
  // A what-if (quick) answers at once with plans to verify; the proven forecast that upgrades it verifies them.
  const mode = options.shortages ?? (budget.tier === 'quick' ? 'estimate' : 'verified');
  const shortages = mode === 'none' ? [] : await targetShortages(model, r, mode === 'verified', rerunBudget(budget.safetyNetMs));
  const tEnd = performance.now();

  const size = coreSize(sol.core);
  return {
    planStart: m.planStart,
    horizonDays: m.H,
    gpuDays: gpuDays / scale,
    gpuDaysExact: formatScaled(gpuDays, m.gpuDigits),
    series,
    builds,
    milestones: milestones(m, total),
    bottlenecks,
    shortages,
    warnings,
    pegging,
    peggingSummary: { batches: batches.length, included: options.pegging !== 'none' },
    optimality,
    ...(lineValues ? { poLineValues: lineValues.values, poLineValuesNote: lineValues.note } : {}),
    stats: {
      items: m.items.length,
      recipes: m.recipes.length,
      openLines: m.openLines,
      coreRecipes: sol.core.recipes.length,
      coreVariables: size.variables,
      coreRows: size.rows,
      millis: {
        total: tEnd - t0,
        solve: tSolve - t0,
        milp: sol.milpMillis,
        explain: tExplain - tSolve,
        shortages: tEnd - tExplain,
      },
    },
  };
}

/** What each open PO line is worth (line-values.ts), from the re-runs' budget: the forecast's own run when it had that budget. */
async function valuesOfLines(model: CapacityModel, r: Run, batches: ReturnType<typeof pegSchedule>, budget: Budget) {
  const quick = rerunBudget(budget.safetyNetMs);
  const sameBudget = budget.tier === VERIFY_TIER && JSON.stringify(budget.work) === JSON.stringify(quick.work);
  const base = sameBudget ? r : await run(model, quick);
  return poLineValues({
    model,
    m: base.m,
    sol: base.sol,
    gpuDays: base.gpuDays,
    batches,
    // A free slip is proven only on an optimal schedule: the forecast's own when proven, else the re-runs' base if it is.
    optimalStarts: r.sol.status === 'optimal' ? r.starts : base.sol.status === 'optimal' ? base.starts : null,
    rerun: async (moved) => (await run(moved, quick)).gpuDays,
    hypotheticalSupplier: SHORTAGE_SUPPLIER,
  });
}

function buildSeries(m: NModel, units: Map<number, Float64Array>, total: Float64Array): SeriesPoint[] {
  const scale = 10 ** m.gpuDigits;
  const sites = new Map<string, Float64Array>();
  for (const [i, u] of units) {
    const it = m.items[i]!;
    const key = it.site ?? NO_SITE;
    let a = sites.get(key);
    if (!a) sites.set(key, (a = new Float64Array(m.H)));
    for (let d = 0; d < m.H; d++) a[d]! += u[d]! * it.gpuWeight;
  }
  const keys = [...sites.keys()].sort();
  const out: SeriesPoint[] = new Array(m.H);
  for (let d = 0; d < m.H; d++) {
    const bySite: Record<string, number> = {};
    for (const k of keys) bySite[k] = sites.get(k)![d]! / scale;
    out[d] = { date: formatDate(m.start + d), gpusOnline: total[d]! / scale, bySite };
  }
  return out;
}

function buildList(m: NModel, starts: Float64Array[]): Build[] {
  const out: Build[] = [];
  const rank = new Int32Array(m.recipes.length);
  m.recipeOrder.forEach((r, k) => (rank[r] = k));
  for (let d = 0; d < m.H; d++) {
    for (const r of m.recipeOrder) {
      const n = starts[r]![d]!;
      if (!n) continue;
      const rec = m.recipes[r]!;
      const it = m.items[rec.out]!;
      out.push({
        sku: it.sku,
        startDate: formatDate(m.start + d),
        quantity: n,
        availableDate: formatDate(m.start + d + rec.lead),
        outputQuantity: formatScaled(n * rec.outQty, it.digits),
      });
    }
  }
  return out;
}

/**
 * One expedite plan per target the forecast misses inside the horizon, cumulative:
 * targets are taken in date order and meeting target k includes what the earlier
 * ones needed (their purchases stay in the model it plans from), so the last
 * shortage's lines are the whole plan. Extra purchases (item, quantity, need-by
 * date) come from planShortage; in verified mode the engine is re-run with them
 * as receipts and topped up while the target is missed (it maximises GPU-days,
 * not the count on one date), a few rounds at most and only while that helps.
 * The purchases are then made actionable (expedite.ts): open PO lines to pull in,
 * soonest first, or new orders; and that plan itself is re-run and must meet the
 * target to be `verified` (should pulling whole lines in not do it, the plan
 * falls back to the new orders the receipts re-run verified). Re-runs use the
 * quick tier's work budget (VERIFY_TIER).
 */
/** What an estimated plan says: not checked by re-running the engine here; the proven forecast of the same input checks it. */
export const UNVERIFIED_NOTE = 'an estimate, not yet verified: the proven forecast re-runs the engine with this plan carried out to verify it';

async function targetShortages(model: CapacityModel, base: Run, verify: boolean, budget: Budget): Promise<Shortage[]> {
  const { m } = base;
  const scale = 10 ** m.gpuDigits;
  const out: Shortage[] = [];
  const perUnit = gpusPerUnit(model);
  // Every purchase so far, across targets: the plan is cumulative.
  const lines = new Map<string, { sku: string; date: string; qty: Decimal }>();
  let current = base;
  const earlier: string[] = [];
  // Each target's plan holds the earlier ones': their lines come back unchanged, answered once (expedite.ts).
  const memo = new PlanMemo();
  const counted = new WeakMap<ActionableLine, Shortage['lines'][number]>();
  const withGpus = (l: ActionableLine) => {
    let out = counted.get(l);
    if (!out) counted.set(l, (out = { ...l, gpusUpTo: Math.floor(Number(l.quantity) * (perUnit.get(l.sku) ?? 0)) }));
    return out;
  };
  for (const t of m.targets) {
    if (t.day < 0 || t.day >= m.H) continue;
    const want = t.gpusOnline * scale;
    const have = base.total[t.day]!;
    if (have >= want - 1e-9) continue;
    let achievable = true;
    let verified = false;
    let short = want - current.total[t.day]!;
    for (let round = 0; round < SHORTAGE_ROUNDS && short > 1e-9; round++) {
      const deficit = Math.ceil(want - current.total[t.day]! - 1e-9);
      // Later rounds buy instead of counting on idle stock: the re-run already chose not to use it.
      const plan = planShortage(current.m, current.starts, t.day, deficit, round === 0);
      if (plan.remaining > 0) achievable = false;
      if (round > 0 && plan.receipts.length === 0) break;
      for (const rc of plan.receipts) {
        const it = current.m.items[rc.item]!;
        const date = formatDate(current.m.start + rc.day);
        const key = `${it.sku}|${date}`;
        const qty = new Decimal(formatScaled(rc.qty, it.digits));
        const e = lines.get(key);
        if (e) e.qty = e.qty.plus(qty);
        else lines.set(key, { sku: it.sku, date, qty });
      }
      if (!verify || !achievable || lines.size === 0) break;
      current = await run(withReceipts(model, t.date, sortedLines(lines)), budget);
      const nowShort = want - current.total[t.day]!;
      if (nowShort >= short) {
        short = nowShort;
        break; // buying more no longer helps the re-run
      }
      short = nowShort;
    }
    const receiptsMeet = verify && short <= 1e-9;
    let plan = actionableLines(m, sortedLines(lines), SHORTAGE_SUPPLIER, memo);
    if (receiptsMeet && achievable) {
      const hasPullIns = plan.some((l) => l.pullIn.length > 0);
      const check = hasPullIns ? await run({ ...model, adjustments: [...(model.adjustments ?? []), ...planAdjustments(plan, t.date, SHORTAGE_SUPPLIER)] }, budget) : current;
      verified = want - check.total[t.day]! <= 1e-9;
      if (!verified) {
        // Pulled-in lines no longer arrive on their own dates: buy new instead, which the receipts re-run verified.
        plan = plan.map((l) => ({ ...l, pullIn: [], newOrderQuantity: l.quantity }));
        verified = true;
      }
    }
    out.push({
      targetDate: t.date,
      targetGpus: t.gpusOnline,
      forecastGpus: have / scale,
      achievable,
      verified,
      includesTargets: [...earlier],
      lines: plan.map((l) => withGpus(l)),
      ...(!achievable
        ? { note: 'lead times and weekly limits leave too little time: purchases alone cannot meet this target' }
        : !verify
          ? { note: UNVERIFIED_NOTE }
          : !verified
            ? {
                note: `re-running with these receipts still leaves the target ${formatScaled(Math.ceil(short), m.gpuDigits)} GPUs short: the forecast (maximising GPU-days) puts the extra parts to GPUs that count for more over the horizon`,
              }
            : {}),
    });
    earlier.push(t.date);
  }
  return out;
}

function sortedLines(lines: Map<string, { sku: string; date: string; qty: Decimal }>) {
  return [...lines.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}

/** The model with shortage lines as hypothetical receipts on their need-by dates. */
export function withReceipts(
  model: CapacityModel,
  targetDate: string,
  lines: Iterable<{ sku: string; date: string; qty: Decimal | string }>,
): CapacityModel {
  const extra: Adjustment[] = [];
  let lineNo = 1;
  for (const l of lines) {
    extra.push({
      kind: 'addLine',
      supplier: SHORTAGE_SUPPLIER,
      poNumber: `TARGET-${targetDate}`,
      lineNo: lineNo++,
      sku: l.sku,
      qty: typeof l.qty === 'string' ? l.qty : l.qty.toFixed(),
      promisedDate: l.date,
    });
  }
  return { ...model, adjustments: [...(model.adjustments ?? []), ...extra] };
}
