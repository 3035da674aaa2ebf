import 'server-only';
import type { Forecast } from '@/lib/capacity';
import { getDatabase } from '@/lib/db/client';
import type { OpenDatabase } from '@/lib/db/open';
import { cachedForecast, isComputing, storedForecast } from './cache';
import type { ComputingWhat } from './computing';
import { DASHBOARD_OPTIONS } from './dashboard-options';
import { fetchLastDataChange, type DataChange } from './data-as-of';
import { todayIso, type ForecastParams } from './params';
import { loadModelRows } from './load-model';
import { loadForecastInput } from './run-forecast';
import { refreshLineValuesInBackground } from './line-values-store';
import { runCoalesced } from './coalesced';
import { summarizeForecast, type DashboardSummary, type ItemNames, type NextDelivery } from './summarize';
import { dashboardInputs, itemNamesOf, type WhatIfSpec } from '@/lib/scenarios/dashboard-inputs';
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
    }
  | { status: 'computing'; what: ComputingWhat; dataAsOf: DataChange | null; start: () => Promise<void> };

/**
 * The dashboard never waits for the engine: it shows the stored forecast of the
 * data as it is now, or says what is being computed and hands back `start`, which
 * the page runs after its response is sent (a no-op when it is already running).
 * What-ifs already answered are read in the same pass (one read of the model rows).
 */
export async function fetchDashboardState(params: Pick<ForecastParams, 'planStart' | 'horizonDays'> = {}, whatIfs: WhatIfSpec[] = []): Promise<DashboardState> {
  const db = await getDatabase();
  if ((await db.prisma.item.count()) === 0) return { status: 'empty' };
  const [rows, dataAsOf] = await Promise.all([loadModelRows(db.prisma), fetchLastDataChange(db.prisma)]);
  const inputs = await dashboardInputs(db.prisma, rows, params, whatIfs);
  const { baseline } = inputs;
  const stored = await storedForecast(db, baseline.key);
  if (stored) {
    const today = params.planStart ?? todayIso();
    const items = itemNamesOf(rows);
    const answered = await Promise.all(
      inputs.whatIfs.map(async ({ spec, input }) => {
        if (!input) return null;
        const f = (await storedForecast(db, input.provenKey)) ?? (await storedForecast(db, input.key));
        return f ? ([spec.label, summarizeForecast(f.forecast, today, items)] as const) : null;
      }),
    );
    return {
      status: 'ready',
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
    if ((await db.prisma.item.count()) === 0) return;
    const input = await loadForecastInput(db.prisma, {}, DASHBOARD_OPTIONS);
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
