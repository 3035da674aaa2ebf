import 'server-only';
import { getDatabase } from '@/lib/db/client';
import type { OpenDatabase } from '@/lib/db/open';
import { cachedForecast, isComputing, storedForecast } from './cache';
import type { ComputingWhat } from './computing';
import { DASHBOARD_OPTIONS } from './dashboard-options';
import { fetchLastDataChange, type DataChange } from './data-as-of';
import { todayIso, type ForecastParams } from './params';
import { loadForecastInput } from './run-forecast';
import { summarizeForecast, type DashboardSummary } from './summarize';


export type DashboardState =
  | { status: 'empty' }
  | { status: 'ready'; summary: DashboardSummary; computedAt: string; dataAsOf: DataChange | null }
  | { status: 'computing'; what: ComputingWhat; dataAsOf: DataChange | null; start: () => Promise<void> };

/**
 * The dashboard never waits for the engine: it shows the stored forecast of the
 * data as it is now, or says what is being computed and hands back `start`, which
 * the page runs after its response is sent (a no-op when it is already running).
 */
export async function fetchDashboardState(params: ForecastParams = {}): Promise<DashboardState> {
  const db = await getDatabase();
  if ((await db.prisma.item.count()) === 0) return { status: 'empty' };
  const [input, dataAsOf] = await Promise.all([loadForecastInput(db.prisma, params, DASHBOARD_OPTIONS), fetchLastDataChange(db.prisma)]);
  const stored = await storedForecast(db, input.key);
  if (stored) {
    return { status: 'ready', summary: summarizeForecast(stored.forecast, params.planStart ?? todayIso()), computedAt: stored.computedAt.toISOString(), dataAsOf };
  }
  const { model } = input;
  return {
    status: 'computing',
    what: {
      planStart: model.planStart,
      horizonDays: model.horizonDays,
      items: model.items.length,
      recipes: model.recipes.length,
      openLines: model.poLines.filter((l) => l.status === 'open').length,
      scenario: input.scenario,
    },
    dataAsOf,
    start: async () => {
      if (isComputing(db, input.key)) return;
      // The default dashboard joins the background refresher: one computation for the latest data at a time.
      if (isDefault(params)) return refreshDashboardForecast(db);
      await cachedForecast(db, input.model, input.options, input.key).then(
        () => undefined,
        (err: unknown) => console.error('ClearBuild: computing the dashboard forecast failed:', err),
      );
    },
  };
}

const isDefault = (p: ForecastParams) => p.planStart === undefined && p.horizonDays === undefined && p.scenario === undefined;

interface Refresher {
  running: Promise<void> | null;
  again: boolean;
}

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
  let state = open.locals.get('dashboard:refresher') as Refresher | undefined;
  if (!state) open.locals.set('dashboard:refresher', (state = { running: null, again: false }));
  if (state.running) {
    state.again = true;
    return state.running;
  }
  const refresher = state;
  refresher.running = (async () => {
    try {
      do {
        refresher.again = false;
        await refreshOnce(open);
      } while (refresher.again);
    } finally {
      refresher.running = null;
    }
  })();
  return refresher.running;
}

async function refreshOnce(db: OpenDatabase): Promise<void> {
  try {
    if ((await db.prisma.item.count()) === 0) return;
    const input = await loadForecastInput(db.prisma, {}, DASHBOARD_OPTIONS);
    await cachedForecast(db, input.model, input.options, input.key);
  } catch (err) {
    console.error('ClearBuild: computing the dashboard forecast in the background failed:', err);
  }
}
