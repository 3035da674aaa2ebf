/**
 * Public input and output shapes of the capacity engine. Field names of the
 * forecast are the stable names in DESIGN.md ("Forecast JSON"); fields may be
 * added, never renamed.
 */

/** A decimal written as a string ("12.5"): quantities never cross the boundary as JS floats. */
export type Decimalish = string;

export interface CapacityItem {
  sku: string;
  name?: string;
  category: string;
  unit: string;
  site: string | null;
  gpusOnlinePerUnit: number;
}

export interface CapacityComponent {
  sku: string;
  qtyPerBuild: Decimalish;
}

export interface CapacityRecipe {
  outputSku: string;
  outputQty: Decimalish;
  leadTimeDays: number;
  maxStartsPerWeek: number | null;
  components: CapacityComponent[];
}

export interface InventoryRow {
  sku: string;
  location: string;
  onHand: Decimalish;
}

export type PoLineStatus = 'open' | 'received' | 'cancelled';

export interface PoLine {
  supplier: string;
  poNumber: string;
  lineNo: number;
  sku: string;
  qty: Decimalish;
  promisedDate: string;
  status: PoLineStatus;
}

export interface Target {
  date: string;
  gpusOnline: number;
}

export interface LineKey {
  supplier: string;
  poNumber: string;
  lineNo: number;
}

export type Adjustment =
  | { kind: 'delaySupplier'; supplier: string; days: number }
  | ({ kind: 'delayLine'; days: number } & LineKey)
  | ({ kind: 'scaleLine'; factor: Decimalish } & LineKey)
  | ({ kind: 'cancelLine' } & LineKey)
  | ({ kind: 'addLine'; sku: string; qty: Decimalish; promisedDate: string } & LineKey)
  | { kind: 'setLeadTime'; outputSku: string; leadTimeDays: number }
  | { kind: 'setWeeklyLimit'; outputSku: string; maxStartsPerWeek: number | null }
  /** The on-hand balance of an item at a location, as if counted (or a supplier's stock report accepted). */
  | { kind: 'setStock'; sku: string; location: string; onHand: Decimalish };

export interface CapacityModel {
  /** Day 0, 'YYYY-MM-DD'. */
  planStart: string;
  /** H: the forecast covers day 0 … H−1. */
  horizonDays: number;
  items: CapacityItem[];
  recipes: CapacityRecipe[];
  inventory: InventoryRow[];
  poLines: PoLine[];
  targets: Target[];
  adjustments?: Adjustment[];
}

export interface ForecastOptions {
  /**
   * Budget for proving optimality, in milliseconds (default 10,000). The exact
   * solve only starts when its estimated time (from the size of what is left
   * after the exact reductions) fits the budget, so whether a forecast comes
   * back `optimal` or `heuristic` depends on the model, not on machine load;
   * a heuristic forecast carries a proven gap bound.
   */
  timeLimitMs?: number;
  /**
   * 'verified' (default) re-runs the engine with each target's shortage receipts
   * added and tops them up until the target is met; 'estimate' skips the re-runs;
   * 'none' leaves `shortages` empty.
   */
  shortages?: 'verified' | 'estimate' | 'none';
  /**
   * 'full' (default) lists every build batch with the supplies it consumed;
   * 'none' leaves `pegging` empty (bottlenecks are still computed from it). On a
   * 200,000-line model full pegging is tens of megabytes of JSON.
   */
  pegging?: 'full' | 'none';
}

// ---------------------------------------------------------------- output

export interface SeriesPoint {
  date: string;
  gpusOnline: number;
  bySite: Record<string, number>;
}

export interface Build {
  sku: string;
  startDate: string;
  /** Whole builds started that day. */
  quantity: number;
  availableDate: string;
  /** Output quantity of those builds (decimal string). */
  outputQuantity: string;
}

/** Where a quantity came from: stock on hand at the plan start, an open PO line, or a build batch. */
export type SupplySource =
  | { kind: 'onHand' }
  | { kind: 'poLine'; supplier: string; poNumber: string; lineNo: number; pastDue: boolean }
  | { kind: 'build'; batchId: string };

export interface PeggedInput {
  sku: string;
  quantity: string;
  availableDate: string;
  source: SupplySource;
}

/**
 * What held a batch back: the input that became available last (followed
 * through build batches down to an on-hand or PO-line supply), or the recipe
 * itself when every input was already there (a weekly start limit, or parts
 * deliberately kept for other builds by the optimal schedule).
 */
export type Gate =
  | { kind: 'onHand'; sku: string }
  | { kind: 'poLine'; sku: string; supplier: string; poNumber: string; lineNo: number; availableDate: string }
  | { kind: 'weeklyLimit'; sku: string }
  | { kind: 'schedule'; sku: string };

export interface PeggedBatch {
  /** `${sku}@${startDate}`; PO-line or on-hand supply of capacity items gets `${sku}@supply:…`. */
  batchId: string;
  sku: string;
  startDate: string;
  availableDate: string;
  builds: number;
  outputQuantity: string;
  /** GPUs this batch brings online (capacity batches only; 0 otherwise). */
  gpus: number;
  site: string | null;
  inputs: PeggedInput[];
  gate: Gate | null;
}

export interface BottleneckGate {
  gate: Gate;
  gpus: number;
}

export interface WeekBottleneck {
  /** ISO week, e.g. '2026-W10'. */
  week: string;
  weekStart: string;
  gpusOnlined: number;
  gates: BottleneckGate[];
}

export interface Milestone {
  kind: 'target' | 'level';
  gpusOnline: number;
  /** Committed date (targets only). */
  targetDate: string | null;
  /** First day the level is reached within the horizon, or null. */
  date: string | null;
  /** Targets only: reached on or before the committed date. */
  met: boolean | null;
}

export interface ShortageLine {
  sku: string;
  quantity: string;
  needByDate: string;
}

export interface Shortage {
  targetDate: string;
  targetGpus: number;
  forecastGpus: number;
  /** Whether extra purchases alone can meet the target, given lead times and weekly limits. */
  achievable: boolean;
  /** Whether re-running the engine with these receipts was checked to meet the target. */
  verified: boolean;
  lines: ShortageLine[];
  note?: string;
}

export type Warning =
  | { kind: 'pastDue'; message: string; supplier: string; poNumber: string; lineNo: number; sku: string; promisedDate: string }
  | { kind: 'noSupply'; message: string; sku: string }
  | { kind: 'recipeNeverRuns'; message: string; sku: string }
  | { kind: 'targetOutsideHorizon'; message: string; date: string }
  | { kind: 'heuristic'; message: string };

export interface Optimality {
  status: 'optimal' | 'heuristic';
  /** GPU-days the optimum can exceed this forecast by, at most (heuristic only). */
  gapBound?: number;
  /** A proven upper bound on GPU-days. */
  upperBound: number;
  method: string;
}

export interface ForecastStats {
  items: number;
  recipes: number;
  openLines: number;
  /** Recipes and integer variables left for the integer program after the exact reductions. */
  coreRecipes: number;
  coreVariables: number;
  coreRows: number;
  millis: { total: number; solve: number; milp: number; explain: number; shortages: number };
}

export interface Forecast {
  planStart: string;
  horizonDays: number;
  gpuDays: number;
  /** GPU-days as an exact decimal string. */
  gpuDaysExact: string;
  series: SeriesPoint[];
  builds: Build[];
  milestones: Milestone[];
  bottlenecks: WeekBottleneck[];
  shortages: Shortage[];
  warnings: Warning[];
  pegging: PeggedBatch[];
  optimality: Optimality;
  stats: ForecastStats;
}
