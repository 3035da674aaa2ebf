import type { Forecast } from '@/lib/capacity';
import { engineFor } from '@/lib/engine/pool';
import type { BulkConnection } from '@/lib/db/bulk';
import type { DatabaseHandle } from '@/lib/db/open';
import { buildCapacityModel } from '@/lib/forecast/build-model';
import { cachedForecast, forecastKey, storedForecast } from '@/lib/forecast/cache';
import { DASHBOARD_OPTIONS } from '@/lib/forecast/dashboard-options';
import { loadModelRows, type ModelRows } from '@/lib/forecast/load-model';
import { DEFAULT_HORIZON_DAYS, todayIso } from '@/lib/forecast/params';
import { requestOptions } from '@/lib/forecast/run-forecast';
import type { PrismaClient } from '@/lib/generated/prisma/client';

/** What the dashboard's headline would say: GPU-days, and GPUs online at the next target date. */
export interface ForecastPoint {
  gpuDays: string;
  nextTarget: { date: string; target: number; gpusOnline: number } | null;
}

export interface ForecastDelta {
  before: ForecastPoint;
  after: ForecastPoint;
}

// The headline needs the ramp only: no shortage re-runs, no pegging.
const HEADLINE_OPTIONS = { shortages: 'none', pegging: 'none' } as const;

/** The dashboard's own forecast point when it is stored for this data, else null. */
export async function dashboardForecastPoint(db: DatabaseHandle, rows: ModelRows): Promise<ForecastPoint | null> {
  const model = buildCapacityModel(rows, { planStart: todayIso(), horizonDays: DEFAULT_HORIZON_DAYS, adjustments: [] });
  // The dashboard's key exactly as the dashboard computes it (lib/forecast/queries.ts).
  const stored = await storedForecast(db, forecastKey(model, requestOptions({}, DASHBOARD_OPTIONS)));
  return stored ? forecastPoint(rows, stored.forecast) : null;
}

/**
 * The committed data's forecast point at the quick tier, from the shared cache (computed once per
 * data version): what a quick "after" is compared with, so a change's cost is never the tiers' gap.
 */
export async function committedQuickForecastPoint(db: DatabaseHandle, rows: ModelRows): Promise<ForecastPoint> {
  const model = buildCapacityModel(rows, { planStart: todayIso(), horizonDays: DEFAULT_HORIZON_DAYS, adjustments: [] });
  return forecastPoint(rows, await cachedForecast(db, model, { ...HEADLINE_OPTIONS, tier: 'quick' }));
}

/** The model rows as read through an open transaction (an import's dry run, once it has written the file's rows). */
export function loadModelRowsThrough(conn: BulkConnection): Promise<ModelRows> {
  const reader = { $queryRawUnsafe: <T>(sql: string) => conn.query<T>(sql) } as unknown as PrismaClient;
  return loadModelRows(reader);
}

/**
 * The forecast point of model rows that are not (or not yet) the committed data: a change set's
 * preview applies its rows in memory. Computed by this process's engine (the worker pool in the
 * app server) and never stored. `tier: 'quick'` for answers people wait on.
 */
export async function hypotheticalForecastPoint(locals: Map<string, unknown>, rows: ModelRows, tier?: 'quick' | 'proven'): Promise<ForecastPoint> {
  const model = buildCapacityModel(rows, { planStart: todayIso(), horizonDays: DEFAULT_HORIZON_DAYS, adjustments: [] });
  return forecastPoint(rows, await engineFor(locals)(model, tier ? { ...HEADLINE_OPTIONS, tier } : HEADLINE_OPTIONS));
}

function forecastPoint(rows: ModelRows, forecast: Forecast): ForecastPoint {
  const planStart = forecast.planStart;
  const next = rows.targets.find((t) => t.date >= planStart) ?? null;
  let gpusOnline = 0;
  if (next) {
    for (const p of forecast.series) {
      if (p.date > next.date) break;
      gpusOnline = p.gpusOnline;
    }
  }
  return {
    gpuDays: String(forecast.gpuDays),
    nextTarget: next ? { date: next.date, target: next.gpusOnline, gpusOnline } : null,
  };
}
