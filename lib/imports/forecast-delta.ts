import type { BulkConnection } from '@/lib/db/bulk';
import { buildCapacityModel } from '@/lib/forecast/build-model';
import { cachedForecast } from '@/lib/forecast/cache';
import { loadModelRows, type ModelRows } from '@/lib/forecast/load-model';
import { DEFAULT_HORIZON_DAYS, todayIso } from '@/lib/forecast/params';
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

/** The forecast point of the data as committed (cached per model content, like the dashboard's). */
export async function committedForecastPoint(prisma: PrismaClient): Promise<ForecastPoint> {
  return forecastPoint(await loadModelRows(prisma));
}

/** The same, read through an open import transaction that has written the file's rows. */
export async function uncommittedForecastPoint(conn: BulkConnection): Promise<ForecastPoint> {
  const reader = { $queryRawUnsafe: <T>(sql: string) => conn.query<T>(sql) } as unknown as PrismaClient;
  return forecastPoint(await loadModelRows(reader));
}

async function forecastPoint(rows: ModelRows): Promise<ForecastPoint> {
  const planStart = todayIso();
  const model = buildCapacityModel(rows, { planStart, horizonDays: DEFAULT_HORIZON_DAYS, adjustments: [] });
  // The headline needs the ramp only: no shortage re-runs, no pegging.
  const forecast = await cachedForecast(model, { shortages: 'none', pegging: 'none' });
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
