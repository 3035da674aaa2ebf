import type { Adjustment, CapacityModel, Forecast, ForecastOptions } from '@/lib/capacity';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { buildCapacityModel } from './build-model';
import { cachedForecast, forecastKey, forecastKeyOfVersion, inputVersionOfKey, type ForecastCacheHost } from './cache';
import { loadPendingStock } from '@/lib/supplier-stock/pending-stock';
import { expandWithOrigins, stockSuppliersOf, type StoredAdjustment } from '@/lib/supplier-stock/stock-what-if';
import { fetchDataVersion, recordAlias, storedForRequest, type ForecastRequest } from './data-version';
import { loadModelRows, type ModelRows } from './load-model';
import { DEFAULT_HORIZON_DAYS, todayIso, type ForecastParams } from './params';

/**
 * The engine's options for a request's: CLEARBUILD_FORECAST_SAFETY_NET_MS sets the
 * solver's wall-clock safety net (reported when it fires). Part of the cache key.
 */
export function engineOptions(options: ForecastOptions): ForecastOptions {
  const v = Number(process.env.CLEARBUILD_FORECAST_SAFETY_NET_MS);
  return { ...(Number.isFinite(v) && v > 0 ? { safetyNetMs: v } : {}), ...options };
}

/**
 * The engine's options for a request: the tier and the pegging are the caller's
 * choice (the proven tier and a pegging summary by default). Everything that looks
 * a forecast up by key (the dashboard, the import preview's "before") goes through
 * here, so the same request always has the same key.
 */
export function requestOptions(params: Pick<ForecastParams, 'tier' | 'include' | 'shortages'>, options: ForecastOptions = {}): ForecastOptions {
  const include = params.include ?? [];
  return engineOptions({
    tier: params.tier ?? 'proven',
    pegging: include.includes('pegging') ? 'full' : 'none',
    // Only when asked: the key of every other request stays what it was.
    ...(params.shortages ? { shortages: params.shortages } : {}),
    ...(include.includes('lineValues') ? { lineValues: true } : {}),
    ...options,
  });
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

/** A forecast's input, read from the database, not yet computed: its model, options and cache key. */
export interface ForecastInput {
  model: CapacityModel;
  options: ForecastOptions;
  key: string;
  scenario: string | null;
  /** What besides the data it was built from (its alias at a data version: lib/forecast/data-version.ts). */
  request: ForecastRequest;
}

/**
 * What a forecast for these parameters asks for besides the data: the scenario's
 * stored adjustments (one small read), plan start and horizon, options. Explicit
 * parameters win over the scenario's stored plan start and horizon; those win over
 * today and 365 days.
 */
export async function resolveForecastRequest(
  prisma: PrismaClient,
  params: ForecastParams,
  options: ForecastOptions = {},
): Promise<{ request: ForecastRequest; scenario: string | null }> {
  let stored: StoredAdjustment[] = [];
  let scenarioStart: string | null = null;
  let scenarioHorizon: number | null = null;
  if (params.scenario) {
    const s = await prisma.scenario.findUnique({ where: { name: params.scenario } });
    if (!s) throw new UnknownScenarioError(params.scenario);
    stored = (Array.isArray(s.adjustments) ? s.adjustments : []) as unknown as StoredAdjustment[];
    scenarioStart = s.planStart ? s.planStart.toISOString().slice(0, 10) : null;
    scenarioHorizon = s.horizonDays;
  }
  return {
    request: {
      planStart: params.planStart ?? scenarioStart ?? todayIso(),
      horizonDays: params.horizonDays ?? scenarioHorizon ?? DEFAULT_HORIZON_DAYS,
      adjustments: stored,
      options: requestOptions(params, options),
    },
    scenario: params.scenario ?? null,
  };
}

/**
 * The model of a request and its cache key: from the model's rows (`rows`, read at a known data version:
 * lib/forecast/model-rows-at.ts), else all of them read from the database now.
 */
export async function buildForecastInput(
  prisma: PrismaClient,
  request: ForecastRequest,
  scenario: string | null = null,
  rows?: Promise<ModelRows>,
): Promise<ForecastInput> {
  const [modelRows, adjustments] = await Promise.all([rows ?? loadModelRows(prisma), resolveAdjustments(prisma, request.adjustments)]);
  const model = buildCapacityModel(modelRows, { planStart: request.planStart, horizonDays: request.horizonDays, adjustments });
  return { model, options: request.options, key: forecastKey(model, request.options), scenario, request };
}

/** What the forecast for these parameters is computed from (see resolveForecastRequest). */
export async function loadForecastInput(
  prisma: PrismaClient,
  params: ForecastParams,
  options: ForecastOptions = {},
  rows?: Promise<ModelRows>,
): Promise<ForecastInput> {
  const { request, scenario } = await resolveForecastRequest(prisma, params, options);
  return buildForecastInput(prisma, request, scenario, rows);
}

/** The same request at the proven tier (what a quick answer is upgraded to). */
export function provenRequest(request: ForecastRequest): ForecastRequest {
  return { ...request, options: { ...request.options, tier: 'proven' } };
}

/** The same input at the proven tier (what a quick answer is upgraded to). */
export function provenInput(input: ForecastInput): ForecastInput {
  const request = provenRequest(input.request);
  // The same model: its input version (the key's first part) is not hashed again.
  return { ...input, options: request.options, request, key: forecastKeyOfVersion(inputVersionOfKey(input.key), request.options) };
}

/** A stored scenario's adjustments as the engine takes them (supplier stock what-ifs read the waiting reports). */
export async function resolveAdjustments(prisma: PrismaClient, stored: readonly StoredAdjustment[]): Promise<Adjustment[]> {
  return (await resolveAdjustmentsWithOrigins(prisma, stored)).adjustments;
}

/** The same, with the stored index each engine adjustment came from. */
export async function resolveAdjustmentsWithOrigins(prisma: PrismaClient, stored: readonly StoredAdjustment[]) {
  return expandWithOrigins(stored, await loadPendingStock(prisma, stockSuppliersOf(stored)));
}

/** The forecast the CLI, the API and the dashboard serve, from the shared cache when it holds it. */
export async function runForecast(host: ForecastCacheHost, params: ForecastParams, options: ForecastOptions = {}): Promise<ForecastRun> {
  const t0 = performance.now();
  const version = await fetchDataVersion(host); // before anything of the model is read (lib/forecast/data-version.ts)
  const { request, scenario } = await resolveForecastRequest(host.prisma, params, options);
  const hit = await storedForRequest(host, version, request);
  if (hit) return { forecast: hit.forecast, scenario, timings: { loadMs: performance.now() - t0, engineMs: 0 } };
  const input = await buildForecastInput(host.prisma, request, scenario);
  await recordAlias(host, version, request, input.key);
  const t1 = performance.now();
  const forecast = await cachedForecast(host, input.model, input.options, input.key);
  return { forecast, scenario: input.scenario, timings: { loadMs: t1 - t0, engineMs: performance.now() - t1 } };
}
