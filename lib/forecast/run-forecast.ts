import type { Adjustment, Forecast, ForecastOptions } from '@/lib/capacity';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { buildCapacityModel } from './build-model';
import { cachedForecast } from './cache';
import { loadModelRows } from './load-model';
import { DEFAULT_HORIZON_DAYS, todayIso, type ForecastParams } from './params';

/** CLEARBUILD_FORECAST_TIME_LIMIT_MS bounds the exact solve; past it the forecast says `heuristic` with its gap. */
function engineTimeLimit(): number | undefined {
  const v = Number(process.env.CLEARBUILD_FORECAST_TIME_LIMIT_MS);
  return Number.isFinite(v) && v > 0 ? v : undefined;
}

/** A scenario name that is not in the database: bad input, not a server fault. */
export class UnknownScenarioError extends Error {
  override name = 'UnknownScenarioError';
  constructor(readonly scenario: string) {
    super(`unknown scenario "${scenario}"`);
  }
}

export interface ForecastRun {
  forecast: Forecast;
  scenario: string | null;
  timings: { loadMs: number; engineMs: number };
}

/**
 * The forecast the CLI and the API both serve. Explicit parameters win over the
 * scenario's stored plan start and horizon; those win over today and 365 days.
 */
export async function runForecast(prisma: PrismaClient, params: ForecastParams, options: ForecastOptions = {}): Promise<ForecastRun> {
  const t0 = performance.now();
  let adjustments: Adjustment[] = [];
  let scenarioStart: string | null = null;
  let scenarioHorizon: number | null = null;
  if (params.scenario) {
    const s = await prisma.scenario.findUnique({ where: { name: params.scenario } });
    if (!s) throw new UnknownScenarioError(params.scenario);
    adjustments = (Array.isArray(s.adjustments) ? s.adjustments : []) as unknown as Adjustment[];
    scenarioStart = s.planStart ? s.planStart.toISOString().slice(0, 10) : null;
    scenarioHorizon = s.horizonDays;
  }
  const rows = await loadModelRows(prisma);
  const t1 = performance.now();
  const model = buildCapacityModel(rows, {
    planStart: params.planStart ?? scenarioStart ?? todayIso(),
    horizonDays: params.horizonDays ?? scenarioHorizon ?? DEFAULT_HORIZON_DAYS,
    adjustments,
  });
  const forecast = await cachedForecast(model, { timeLimitMs: engineTimeLimit(), ...options });
  return {
    forecast,
    scenario: params.scenario ?? null,
    timings: { loadMs: t1 - t0, engineMs: performance.now() - t1 },
  };
}
