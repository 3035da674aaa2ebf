import type { ForecastRequest } from '@/lib/forecast/data-version';
import { DEFAULT_HORIZON_DAYS, todayIso, type ForecastParams } from '@/lib/forecast/params';
import { buildForecastInput, requestOptions, type ForecastInput } from '@/lib/forecast/run-forecast';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { StoredAdjustment } from '@/lib/supplier-stock/stock-what-if';

/**
 * The forecast input of a what-if not saved yet (a draft from the dashboard's
 * builder, carried in its URL): the same model, options and cache key a saved
 * scenario with these adjustments would have, so saving it later reuses the answer.
 */
export async function loadDraftInput(prisma: PrismaClient, params: ForecastParams, adjustments: StoredAdjustment[]): Promise<ForecastInput> {
  return buildForecastInput(prisma, draftRequest(params, adjustments));
}

/** A draft's request: what besides the data its forecast is built from (no read needed). */
export function draftRequest(params: ForecastParams, adjustments: StoredAdjustment[]): ForecastRequest {
  return {
    planStart: params.planStart ?? todayIso(),
    horizonDays: params.horizonDays ?? DEFAULT_HORIZON_DAYS,
    adjustments: adjustments.map(jsonbOrder),
    options: requestOptions(params),
  };
}

/** A draft's adjustments from a query parameter (JSON), or the reason it is not one. */
export function parseDraftParam(raw: string | null): { ok: true; json: unknown } | { ok: false; message: string } | null {
  if (raw === null || raw.trim() === '') return null;
  if (raw.length > 64_000) return { ok: false, message: 'adjustments: too long for a URL; save the scenario instead' };
  try {
    return { ok: true, json: JSON.parse(raw) };
  } catch {
    return { ok: false, message: 'adjustments: must be a JSON array of adjustments' };
  }
}

/**
 * An adjustment with its keys in the order PostgreSQL's jsonb keeps them (shorter
 * keys first, then by code point), which is how a saved scenario's adjustments come
 * back: the draft and the scenario saved from it then hash to the same forecast key.
 */
export function jsonbOrder<T extends object>(a: T): T {
  const keys = Object.keys(a).sort((x, y) => x.length - y.length || (x < y ? -1 : x > y ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, (a as Record<string, unknown>)[k]])) as T;
}
