import 'server-only';
import type { CapacityModel, Forecast } from '@/lib/capacity';
import { getDatabase } from '@/lib/db/client';
import type { OpenDatabase } from '@/lib/db/open';
import { cachedForecast, forecastKey, forecastKeyOfVersion, inputVersionOfKey, isComputing, storedForecast } from './cache';
import { fetchDataVersion, recordAlias, storedForRequest } from './data-version';
import { modelRowsAt } from './model-rows-at';
import { primeWhatIfs } from './prime-what-ifs';
import type { ComputingWhat } from './computing';
import { DASHBOARD_OPTIONS } from './dashboard-options';
import { fetchLastDataChange, type DataChange } from './data-as-of';
import { DEFAULT_HORIZON_DAYS, todayIso, type ForecastParams } from './params';
import { MODEL_QUERIES, type ModelRows } from './load-model';
import { loadForecastInput, provenRequest, requestOptions } from './run-forecast';
import { fetchStoredLineValues, refreshLineValuesInBackground } from './line-values-store';
import { runCoalesced } from './coalesced';
import { summarizeForecast, type DashboardSummary, type ItemNames, type NextDelivery, type PoLineValue, type PromiseSlip, topLineValues } from './summarize';
import { dashboardInputs, dashboardRequest, itemNamesOf, whatIfRequest, type WhatIfSpec } from '@/lib/scenarios/dashboard-inputs';
import { listScenarios, type ScenarioRow } from '@/lib/scenarios/store';


export type DashboardState =
  | { status: 'empty' }
  | {
      status: 'ready';
      summary: DashboardSummary;
      bottlenecks: Forecast['bottlenecks'];
      computedAt: string;
      dataAsOf: DataChange | null;
      items: ItemNames;
      /** The asked-for what-ifs whose answers are stored already, by label (the others the page asks the API for). */
      whatIfs: Record<string, DashboardSummary>;
      /** Null unless asked for (the dashboard asks; its print view does not). */
      lineValues: DashboardLineValues | null;
      /** Readies the engine for this data's what-ifs (lib/forecast/prime-what-ifs.ts): for after the page is sent. */
      primeWhatIfs: () => Promise<void>;
    }
  | { status: 'computing'; what: ComputingWhat; dataAsOf: DataChange | null; start: () => Promise<void> };

/**
 * What each open PO line of the plan is worth (the engine's `poLineValues`, the
 * forecast `GET /api/forecast?include=lineValues` serves for the same data): stored,
 * or being computed in the background (`start`, run after the page is sent; many
 * quick-tier re-runs, so the page never waits for them).
 */
export type DashboardLineValues =
  | {
      status: 'ready';
      /** The lines most at stake (those a week's move changes), biggest first (topLineValues). */
      top: PoLineValue[];
      /** Every valued line by `supplier/poNumber/lineNo` (the next deliveries look theirs up). */
      byLine: ReadonlyMap<string, PoLineValue>;
      exactCount: number;
      /** Lines whose slip value alone is exact (all of them on the demo). */
      slipExactCount: number;
      total: number;
      note: string;
      computedAt: string;
    }
  | { status: 'computing'; start: () => Promise<void> };

/**
 * The dashboard never waits for the engine: it shows the stored forecast of the
 * data as it is now, or says what is being computed and hands back `start`, which
 * the page runs after its response is sent (a no-op when it is already running).
 * The forecast and the what-ifs already answered are found by the data version (lib/forecast/data-version.ts)
 * without reading the model; only when the dashboard's own key is not known yet are the model rows read, once.
 */
export async function fetchDashboardState(
  params: Pick<ForecastParams, 'planStart' | 'horizonDays'> = {},
  whatIfs: WhatIfSpec[] = [],
  also: { lineValues?: boolean } = {},
): Promise<DashboardState> {
  const db = await getDatabase();
  // Read before any of the model: what is found by it is never older than the data (lib/forecast/data-version.ts).
  const version = await fetchDataVersion(db);
  const at = { planStart: params.planStart ?? todayIso(), horizonDays: params.horizonDays ?? DEFAULT_HORIZON_DAYS };
  const known = await storedForRequest(db, version, dashboardRequest(at));
  if (known) {
    // The common case: the forecast of the data as it is now is stored and its key known, so the model's rows
    // (214,000 PO lines on the large model) are never read; only the item names gates are labelled with.
    const [itemRows, dataAsOf, answered] = await Promise.all([
      db.prisma.$queryRawUnsafe<ModelRows['items']>(MODEL_QUERIES.items),
      fetchLastDataChange(db.prisma),
      Promise.all(
        whatIfs.map(async (spec) => {
          const request = await whatIfRequest(db.prisma, spec, at);
          if (!request) return null;
          const f = (await storedForRequest(db, version, provenRequest(request))) ?? (await storedForRequest(db, version, request));
          return f ? { spec, forecast: f.forecast } : null;
        }),
      ),
    ]);
    // A what-if not found by its alias is left to the page, which asks GET /api/forecast for it (that reads the
    // model once, finds or computes the answer and records its alias): this view never reads the model for it.
    const items = itemNamesOf({ items: itemRows });
    const loadModel = async () => (await loadForecastInput(db.prisma, at, DASHBOARD_OPTIONS, modelRowsAt(db, version))).model;
    return {
      status: 'ready',
      primeWhatIfs: () => primeWhatIfs(db, version, at),
      lineValues: also.lineValues ? await dashboardLineValues(db, loadModel, known.key) : null,
      summary: summarizeForecast(known.forecast, at.planStart, items),
      bottlenecks: known.forecast.bottlenecks,
      computedAt: known.computedAt.toISOString(),
      dataAsOf,
      items,
      whatIfs: Object.fromEntries(answered.flatMap((a) => (a ? [[a.spec.label, summarizeForecast(a.forecast, at.planStart, items)] as const] : []))),
    };
  }
  if ((await db.prisma.item.count()) === 0) return { status: 'empty' };
  // Held for this data version: the priming after the page (prime-what-ifs.ts) and the next what-if reuse them.
  const [rows, dataAsOf] = await Promise.all([modelRowsAt(db, version), fetchLastDataChange(db.prisma)]);
  const inputs = await dashboardInputs(db.prisma, rows, params, whatIfs);
  const { baseline } = inputs;
  // The keys just computed are remembered for this data version: the next view (on any server) reads no model.
  await recordAlias(db, version, baseline.request, baseline.key);
  for (const { input } of inputs.whatIfs) {
    if (!input) continue;
    await recordAlias(db, version, input.request, input.key);
    await recordAlias(db, version, provenRequest(input.request), input.provenKey);
  }
  const stored = await storedForecast(db, baseline.key);
  if (stored) {
    const today = at.planStart;
    const items = itemNamesOf(rows);
    const answered = await Promise.all(
      inputs.whatIfs.map(async ({ spec, input }) => {
        if (!input) return null;
        const f = (await storedForecast(db, input.provenKey)) ?? (await storedForecast(db, input.key));
        return f ? ([spec.label, summarizeForecast(f.forecast, today, items)] as const) : null;
      }),
    );
    const lineValues = also.lineValues ? await dashboardLineValues(db, async () => baseline.model, baseline.key) : null;
    return {
      status: 'ready',
      primeWhatIfs: () => primeWhatIfs(db, version, at, () => baseline.model),
      lineValues,
      summary: summarizeForecast(stored.forecast, today, items),
      bottlenecks: stored.forecast.bottlenecks,
      computedAt: stored.computedAt.toISOString(),
      dataAsOf,
      items,
      whatIfs: Object.fromEntries(answered.filter((a) => a !== null)),
    };
  }
  const { model } = baseline;
  return {
    status: 'computing',
    what: {
      planStart: model.planStart,
      horizonDays: model.horizonDays,
      items: model.items.length,
      recipes: model.recipes.length,
      openLines: model.poLines.filter((l) => l.status === 'open').length,
      scenario: null,
    },
    dataAsOf,
    start: async () => {
      if (isComputing(db, baseline.key)) return;
      // The default dashboard joins the background refresher: one computation for the latest data at a time.
      if (isDefault(params)) return refreshDashboardForecast(db);
      await cachedForecast(db, baseline.model, baseline.options, baseline.key).then(
        () => undefined,
        (err: unknown) => console.error('ClearBuild: computing the dashboard forecast failed:', err),
      );
    },
  };
}

/**
 * The plan's PO-line values when stored (the same key as `GET /api/forecast?include=lineValues`), else how to
 * start them. `loadModel` reads the baseline's model, only when they must be computed.
 */
async function dashboardLineValues(db: OpenDatabase, loadModel: () => Promise<CapacityModel>, baselineKey: string): Promise<DashboardLineValues> {
  const options = requestOptions({ include: ['lineValues'] }, DASHBOARD_OPTIONS);
  // Same model as the baseline's: its input version is known, so the model is not hashed again on every view.
  const key = forecastKeyOfVersion(inputVersionOfKey(baselineKey), options);
  // Sorted and indexed once per set of values (the large model values 200,000 lines), not per page view.
  const memoKey = `dashboard:line-values:${key}`;
  const memoised = db.locals.get(memoKey) as DashboardLineValues | undefined;
  if (memoised) return memoised;
  const ready = (values: PoLineValue[], note: string, computedAt: Date): DashboardLineValues => {
    const r: DashboardLineValues = {
      status: 'ready',
      // Lines a week's move does not change are not "at stake": they never fill the list.
      top: topLineValues(values.filter((v) => v.gpuDaysLostPerWeekSlip > 0 || v.gpuDaysGainedPerWeekPullIn > 0), 10),
      byLine: new Map(values.map((v) => [`${v.supplier}/${v.poNumber}/${v.lineNo}`, v])),
      exactCount: values.filter((v) => v.exact).length,
      slipExactCount: values.filter((v) => v.slipExact).length,
      total: values.length,
      note,
      computedAt: computedAt.toISOString(),
    };
    for (const k of [...db.locals.keys()]) if (k.startsWith('dashboard:line-values:')) db.locals.delete(k);
    db.locals.set(memoKey, r);
    return r;
  };
  const stored = await storedForecast(db, key);
  const doc = stored?.forecast as (Forecast & { poLineValues?: PoLineValue[]; poLineValuesNote?: string }) | undefined;
  if (stored && doc && Array.isArray(doc.poLineValues)) return ready(doc.poLineValues, doc.poLineValuesNote ?? '', stored.computedAt);
  // The document is too large to store (the large model's), or another server computed it: the per-line table
  // (written from the same forecast by the background refresher) holds the values for every server.
  const table = await fetchStoredLineValues(db.prisma, inputVersionOfKey(baselineKey));
  if (table) {
    const exact = table.values.filter((v) => v.exact).length;
    const slipExact = table.values.filter((v) => v.slipExact).length;
    const note =
      `${exact} of ${table.values.length} open lines exact both ways, and the slip of ${slipExact}: the engine re-run at the quick tier with the line a week later or earlier, ` +
      `or 0 where the move cannot change anything; the others are first-order estimates from the LP relaxation's shadow prices, 0 where the plan has none (read from the values stored per line).`;
    return ready(table.values, note, table.dataReadAt);
  }
  return {
    status: 'computing',
    start: async () => {
      if (isComputing(db, key)) return;
      // The model as it is now, keyed by itself: were the data changed since the view, this is the newer plan's.
      const model = await loadModel();
      const current = forecastKey(model, options);
      if (isComputing(db, current)) return;
      await cachedForecast(db, model, options, current, 'background').then(
        () => undefined,
        (err: unknown) => console.error('ClearBuild: computing the PO lines’ values failed:', err),
      );
    },
  };
}

const isDefault = (p: Pick<ForecastParams, 'planStart' | 'horizonDays'>) => p.planStart === undefined && p.horizonDays === undefined;

/**
 * Computes the dashboard's default forecast (today, 365 days) into the shared cache
 * unless it is there: run at server start and after every change, off the request,
 * so the next person to open the dashboard finds it ready. Changes that arrive while
 * it runs are coalesced: when it finishes it runs once more, for the data as it is
 * then, so a burst of imports queues one forecast, never one per import.
 */
export async function refreshDashboardForecast(db?: OpenDatabase): Promise<void> {
  const open = db ?? (await getDatabase().catch(() => null));
  if (!open) return;
  return runCoalesced(open.locals, 'dashboard:refresher', () => refreshOnce(open));
}

async function refreshOnce(db: OpenDatabase): Promise<void> {
  try {
    const version = await fetchDataVersion(db); // before the model's rows
    if ((await db.prisma.item.count()) === 0) return;
    // Held for this data version: the dashboard's first view, its priming and what-ifs build from the same rows.
    const input = await loadForecastInput(db.prisma, {}, DASHBOARD_OPTIONS, modelRowsAt(db, version));
    // The next dashboard view finds what this computes by the data version alone.
    await recordAlias(db, version, input.request, input.key);
    await cachedForecast(db, input.model, input.options, input.key, 'background');
  } catch (err) {
    console.error('ClearBuild: computing the dashboard forecast in the background failed:', err);
    return;
  }
  // Then what each PO line is worth (the PO list's GPU-days at stake), after the dashboard (a person waits for
  // that first) and not awaited: the next change's dashboard forecast never waits for these.
  void refreshLineValuesInBackground(db);
}

/** What the dashboard needs besides the forecast: the builder's choices, saved what-ifs, the next deliveries. */
export interface DashboardContext {
  suppliers: string[];
  recipeOutputs: string[];
  scenarios: ScenarioRow[];
  nextDeliveries: NextDelivery[];
}

export async function fetchDashboardContext(today: string, deliveries = 12): Promise<DashboardContext> {
  const db = await getDatabase();
  const [suppliers, recipes, scenarios, next] = await Promise.all([
    db.prisma.supplier.findMany({ select: { code: true }, orderBy: { code: 'asc' } }),
    db.prisma.recipe.findMany({ select: { outputItem: { select: { sku: true } } } }),
    listScenarios(db.prisma),
    db.prisma.$queryRawUnsafe<NextDelivery[]>(
      `SELECT s.code AS supplier, p."poNumber", l."lineNo", i.sku, i.name AS "itemName", l.qty::text AS qty, to_char(l."promisedDate", 'YYYY-MM-DD') AS "promisedDate"
         FROM "PurchaseOrderLine" l JOIN "PurchaseOrder" p ON p.id = l."purchaseOrderId" JOIN "Supplier" s ON s.id = p."supplierId" JOIN "Item" i ON i.id = l."itemId"
        WHERE l.status = 'open' AND l."promisedDate" >= $1::date
        ORDER BY l."promisedDate", s.code, p."poNumber", l."lineNo" LIMIT ${Math.max(1, Math.min(100, Math.floor(deliveries)))}`,
      today,
    ),
  ]);
  return {
    suppliers: suppliers.map((s) => s.code),
    recipeOutputs: recipes.map((r) => r.outputItem.sku).sort(),
    scenarios,
    nextDeliveries: next,
  };
}

/**
 * The slip since first promised of the given PO lines, keyed `supplier/poNumber/lineNo`
 * (the gates' drill-down). A line whose first promise was never recorded reads its current one.
 */
export async function fetchPromiseSlips(lines: { supplier: string; poNumber: string; lineNo: number }[]): Promise<Record<string, PromiseSlip>> {
  if (lines.length === 0) return {};
  const db = await getDatabase();
  const rows = await db.prisma.$queryRawUnsafe<{ key: string; first: string; promised: string; slip: number }[]>(
    `SELECT s.code || '/' || p."poNumber" || '/' || l."lineNo" AS key,
            to_char(COALESCE(l."firstPromisedDate", l."promisedDate"), 'YYYY-MM-DD') AS first,
            to_char(l."promisedDate", 'YYYY-MM-DD') AS promised,
            (l."promisedDate" - COALESCE(l."firstPromisedDate", l."promisedDate"))::int AS slip
       FROM "PurchaseOrderLine" l JOIN "PurchaseOrder" p ON p.id = l."purchaseOrderId" JOIN "Supplier" s ON s.id = p."supplierId"
       JOIN unnest($1::text[], $2::text[], $3::int[]) AS w(supplier, po, line) ON w.supplier = s.code AND w.po = p."poNumber" AND w.line = l."lineNo"`,
    lines.map((l) => l.supplier),
    lines.map((l) => l.poNumber),
    lines.map((l) => l.lineNo),
  );
  return Object.fromEntries(rows.map((r) => [r.key, { firstPromisedDate: r.first, promisedDate: r.promised, slipDays: Number(r.slip) }]));
}
