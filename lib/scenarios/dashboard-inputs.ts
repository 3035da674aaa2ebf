import type { CapacityModel, ForecastOptions } from '@/lib/capacity';
import type { ForecastRequest } from '@/lib/forecast/data-version';
import { buildCapacityModel } from '@/lib/forecast/build-model';
import { forecastKey, inputVersionOf } from '@/lib/forecast/cache';
import { DASHBOARD_OPTIONS, WHATIF_PARAMS } from '@/lib/forecast/dashboard-options';
import type { ModelRows } from '@/lib/forecast/load-model';
import { DEFAULT_HORIZON_DAYS, todayIso, type ForecastParams } from '@/lib/forecast/params';
import { provenRequest, requestOptions, resolveAdjustments } from '@/lib/forecast/run-forecast';
import type { ItemNames } from '@/lib/forecast/summarize';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { StoredAdjustment } from '@/lib/supplier-stock/stock-what-if';
import { jsonbOrder } from './draft-input';

/** A what-if the dashboard draws: a saved scenario by name, or a draft's adjustments. */
export interface WhatIfSpec {
  label: string;
  scenario: string | null;
  adjustments: StoredAdjustment[] | null;
}

export interface KeyedInput {
  /** What besides the data the model was built from (its alias at a data version). */
  request: ForecastRequest;
  model: CapacityModel;
  options: ForecastOptions;
  key: string;
  /** The same input at the proven tier (a what-if's quick answer is upgraded to it once stored). */
  provenKey: string;
}

/**
 * The forecast keys of the dashboard's baseline and of its what-ifs, from one read
 * of the model rows (on the large model that read is most of a page's time). Each
 * key is the one `GET /api/forecast` computes for the same request (the baseline:
 * the dashboard's options; a what-if: `tier=quick` over the baseline's plan start
 * and horizon, as the page asks for it), so the page finds what the API stored.
 */
export async function dashboardInputs(
  prisma: PrismaClient,
  rows: ModelRows,
  params: Pick<ForecastParams, 'planStart' | 'horizonDays'>,
  whatIfs: WhatIfSpec[],
): Promise<{ baseline: KeyedInput; whatIfs: { spec: WhatIfSpec; input: KeyedInput | null }[] }> {
  const planStart = params.planStart ?? todayIso();
  const horizonDays = params.horizonDays ?? DEFAULT_HORIZON_DAYS;
  const keyed = (request: ForecastRequest, model: CapacityModel): KeyedInput => {
    const { options } = request;
    const version = inputVersionOf(model); // hashed once for both keys
    return { request, model, options, key: forecastKey(model, options, version), provenKey: forecastKey(model, provenRequest(request).options, version) };
  };
  const baselineRequest = dashboardRequest({ planStart, horizonDays });
  const baseline = keyed(baselineRequest, buildCapacityModel(rows, { planStart, horizonDays, adjustments: [] }));
  const resolved = await Promise.all(
    whatIfs.map(async (spec) => {
      const request = await whatIfRequest(prisma, spec, { planStart, horizonDays });
      if (!request) return { spec, input: null };
      const model = buildCapacityModel(rows, { planStart, horizonDays, adjustments: await resolveAdjustments(prisma, request.adjustments) });
      return { spec, input: keyed(request, model) };
    }),
  );
  return { baseline, whatIfs: resolved };
}

/** The dashboard's own forecast request: no adjustments, the dashboard's options (what `GET /api/forecast` asks by default). */
export function dashboardRequest(at: { planStart: string; horizonDays: number }): ForecastRequest {
  return { ...at, adjustments: [], options: requestOptions({}, DASHBOARD_OPTIONS) };
}

/**
 * A what-if's request as the page asks the API for it: its adjustments (a saved scenario's as stored, a draft's
 * in jsonb key order) over the baseline's plan start and horizon, at the quick tier. Null for an unknown scenario.
 */
export async function whatIfRequest(prisma: PrismaClient, spec: WhatIfSpec, at: { planStart: string; horizonDays: number }): Promise<ForecastRequest | null> {
  let stored: StoredAdjustment[] | null = spec.adjustments?.map(jsonbOrder) ?? null;
  if (spec.scenario) {
    const s = await prisma.scenario.findUnique({ where: { name: spec.scenario }, select: { adjustments: true } });
    stored = s && Array.isArray(s.adjustments) ? (s.adjustments as unknown as StoredAdjustment[]) : null;
  }
  return stored ? { ...at, adjustments: stored, options: requestOptions(WHATIF_PARAMS) } : null;
}

/** Item names and sites from the model rows: the words gates are labelled with. */
export function itemNamesOf(rows: Pick<ModelRows, 'items'>): ItemNames {
  return Object.fromEntries(rows.items.map((i) => [i.sku, { name: i.name, site: i.site }]));
}
