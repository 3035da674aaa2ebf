import type { CapacityModel, ForecastOptions } from '@/lib/capacity';
import { buildCapacityModel } from '@/lib/forecast/build-model';
import { forecastKey, inputVersionOf } from '@/lib/forecast/cache';
import { DASHBOARD_OPTIONS } from '@/lib/forecast/dashboard-options';
import type { ModelRows } from '@/lib/forecast/load-model';
import { DEFAULT_HORIZON_DAYS, todayIso, type ForecastParams } from '@/lib/forecast/params';
import { requestOptions, resolveAdjustments } from '@/lib/forecast/run-forecast';
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
  const keyed = (model: CapacityModel, options: ForecastOptions): KeyedInput => {
    const version = inputVersionOf(model); // hashed once for both keys
    return { model, options, key: forecastKey(model, options, version), provenKey: forecastKey(model, { ...options, tier: 'proven' }, version) };
  };
  const baseline = keyed(buildCapacityModel(rows, { planStart, horizonDays, adjustments: [] }), requestOptions({}, DASHBOARD_OPTIONS));
  const resolved = await Promise.all(
    whatIfs.map(async (spec) => {
      let stored: StoredAdjustment[] | null = spec.adjustments?.map(jsonbOrder) ?? null;
      if (spec.scenario) {
        const s = await prisma.scenario.findUnique({ where: { name: spec.scenario }, select: { adjustments: true } });
        stored = s && Array.isArray(s.adjustments) ? (s.adjustments as unknown as StoredAdjustment[]) : null;
      }
      if (!stored) return { spec, input: null };
      const model = buildCapacityModel(rows, { planStart, horizonDays, adjustments: await resolveAdjustments(prisma, stored) });
      return { spec, input: keyed(model, requestOptions({ tier: 'quick' })) };
    }),
  );
  return { baseline, whatIfs: resolved };
}

/** Item names and sites from the model rows: the words gates are labelled with. */
export function itemNamesOf(rows: Pick<ModelRows, 'items'>): ItemNames {
  return Object.fromEntries(rows.items.map((i) => [i.sku, { name: i.name, site: i.site }]));
}
