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

/**
 * How much work a forecast may spend proving its schedule (DESIGN.md: two tiers).
 * Every limit counts work (model size, simplex iterations, branch-and-bound
 * nodes), never time, so the same input and tier give the same answer on a quiet
 * or a loaded machine.
 */
export type ForecastTier = 'quick' | 'proven';

export interface WorkBudget {
  /** The largest core (integer variables) HiGHS is handed at all; above it the heuristics answer alone. */
  lpMaxVariables: number;
  /** Simplex iterations for the LP relaxation. */
  lpMaxIterations: number;
  /** Branch-and-bound nodes; 0 skips the integer program. */
  mipMaxNodes: number;
  /**
   * Quick tier: when the heuristics end further than `targetGapPercent` below
   * the LP bound, the integer program near the LP optimum (neighbourhood.ts),
   * up to this many branch-and-bound nodes per neighbourhood; 0 or absent skips it.
   */
  neighbourhoodMaxNodes?: number;
  /** Quick tier: the proven gap the neighbourhood search works toward (percent of the upper bound). */
  targetGapPercent?: number;
  /**
   * Quick tier, warm-started: answer without the LP when the heuristics are
   * already within `targetGapPercent` of the bound the base's LP prices give
   * (dual-bound.ts). Off for re-runs, which price lines with the LP's own duals.
   */
  dualShortcut?: boolean;
}

export interface ForecastOptions {
  /** 'proven' (default): the optimum, or the best within the proven work budget with its gap. 'quick': bounded work for what-ifs. */
  tier?: ForecastTier;
  /** Overrides the tier's work budget (tests, benchmarks). */
  work?: Partial<WorkBudget>;
  /**
   * A wall-clock safety net for HiGHS only (default 120 s): it exists so a
   * pathological model cannot hold a worker forever. A forecast it stopped says
   * so (`optimality.stoppedBy: 'safetyNet'`); it never decides anything else.
   */
  safetyNetMs?: number;
  /**
   * 'verified' (the proven tier's default) re-runs the engine with each target's
   * shortage receipts added and tops them up until the target is met; 'estimate'
   * (the quick tier's default) skips the re-runs and marks each plan unverified;
   * 'none' leaves `shortages` empty.
   */
  shortages?: 'verified' | 'estimate' | 'none';
  /**
   * 'full' (default) lists every build batch with the supplies it consumed;
   * 'none' leaves `pegging` empty (bottlenecks are still computed from it). On a
   * 200,000-line model full pegging is tens of megabytes of JSON.
   */
  pegging?: 'full' | 'none';
  /**
   * Adds `poLineValues`: what a week of slip or pull-in of each open PO line is
   * worth in GPU-days (line-values.ts). Off by default: it re-runs the engine.
   */
  lineValues?: boolean;
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
 * What held a batch back, in this order (pegging.ts): its own recipe's weekly
 * limit when the batch started in a full week; else the input that arrived last,
 * on the day the batch started, followed through build batches down to the PO
 * line, or stock on hand when the batch used the last of it; else the schedule
 * held parts it could have used for other builds, which `heldFor` names.
 */
export type Gate =
  | { kind: 'onHand'; sku: string }
  | { kind: 'poLine'; sku: string; supplier: string; poNumber: string; lineNo: number; promisedDate: string; availableDate: string }
  | { kind: 'weeklyLimit'; sku: string }
  | { kind: 'schedule'; sku: string; heldFor: string[] };

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

/** An open PO line to pull in: from the date it is expected now to the need-by date. */
export interface PullIn {
  supplier: string;
  poNumber: string;
  lineNo: number;
  quantity: string;
  promisedDate: string;
  /** Where the scenario has it now (the promised date, moved by any what-if delay). */
  expectedDate: string;
  neededByDate: string;
  pullInDays: number;
}

export interface ShortageLine {
  sku: string;
  quantity: string;
  needByDate: string;
  /** Open PO lines of this item to pull in, soonest first, whole lines. */
  pullIn: PullIn[];
  /** What no open line covers: a new order of this quantity by the need-by date, or null. */
  newOrderQuantity: string | null;
  /** The most GPUs this quantity can become through the BOM (an upper bound: the other parts must be there too). */
  gpusUpTo: number;
}

export interface Shortage {
  targetDate: string;
  targetGpus: number;
  forecastGpus: number;
  /** Whether extra purchases alone can meet the target, given lead times and weekly limits. */
  achievable: boolean;
  /** Whether re-running the engine with this plan (its pull-ins and new orders) was checked to meet the target. */
  verified: boolean;
  /**
   * Cumulative: meeting this target includes what the earlier targets need, so
   * the last shortage's lines are the whole plan. Lists the earlier targets included.
   */
  includesTargets: string[];
  lines: ShortageLine[];
  note?: string;
}

export interface PastDueLine {
  poNumber: string;
  lineNo: number;
  sku: string;
  promisedDate: string;
}

export type Warning =
  /** One per supplier: its open lines promised before the plan start (counted on day 0). */
  | { kind: 'pastDue'; message: string; supplier: string; lineCount: number; earliestPromisedDate: string; lines: PastDueLine[] }
  | { kind: 'noSupply'; message: string; sku: string }
  | { kind: 'recipeNeverRuns'; message: string; sku: string }
  | { kind: 'targetOutsideHorizon'; message: string; date: string }
  | { kind: 'heuristic'; message: string };

/** What one open PO line is worth (line-values.ts). */
export interface PoLineValue {
  supplier: string;
  poNumber: string;
  lineNo: number;
  sku: string;
  promisedDate: string;
  qty: string;
  /** GPUs of the builds whose gate is this line (from the pegging). */
  gatesGpus: number;
  gpuDaysLostPerWeekSlip: number;
  gpuDaysGainedPerWeekPullIn: number;
  /**
   * True: both values are exact (the engine re-run with the line a week later / earlier, or 0 where the move
   * cannot change anything). False: at least one is an estimate from the LP relaxation (poLineValuesNote).
   */
  exact: boolean;
  /** The slip's value alone is exact (re-run, or 0: the forecast's schedule holds with the line a week late). */
  slipExact: boolean;
}

export interface Optimality {
  status: 'optimal' | 'heuristic';
  /** The work budget it was computed with. */
  tier: ForecastTier;
  /** Heuristic only: what ended the search (the tier's work budget, or the wall-clock safety net). */
  stoppedBy?: 'workBudget' | 'safetyNet';
  /** Heuristic only: gapBound as a percentage of the upper bound. */
  gapPercent?: number;
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
  /**
   * A hash of the model and scenario it was computed from (set by the data layer,
   * which caches forecasts under it); absent when the engine is called directly.
   */
  inputVersion?: string;
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
  /** Empty unless asked for (`pegging: 'full'`; the API's `include=pegging`): it is most of the document. */
  pegging: PeggedBatch[];
  /** What the pegging holds, whether or not it is included. */
  peggingSummary: { batches: number; included: boolean };
  optimality: Optimality;
  /** Only when asked for (`lineValues: true`; the API's `include=lineValues`): sorted by GPU-days lost per week of slip, then line. */
  poLineValues?: PoLineValue[];
  /** How poLineValues were computed. */
  poLineValuesNote?: string;
  stats: ForecastStats;
}
