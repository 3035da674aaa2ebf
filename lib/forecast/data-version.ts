import { createHash } from 'node:crypto';
import type { ForecastOptions } from '@/lib/capacity';
import { ENGINE_REVISION } from '@/lib/capacity/revision';
import type { StoredAdjustment } from '@/lib/supplier-stock/stock-what-if';
import { local, rememberRecent, storedForecast, type ForecastCacheHost, type StoredForecast } from './cache';

/**
 * Finding a stored forecast without reading the model. A forecast's key is a hash of
 * its whole model (214,000 PO lines on the large model): computing it means reading
 * and hashing everything, which was most of the dashboard's and the API's time even
 * when the answer was stored. The data's version (table DataVersion, bumped by
 * database triggers at the commit of every transaction that writes an input table)
 * stands in for the data: a request — plan start, horizon, adjustments, options — at
 * one data version always has the same model, so the key found for it once (table
 * ForecastAlias) serves every later request at that version, on every app server.
 *
 * Correctness rests on one order: read the version *before* the model rows. Rows read
 * after it are at least as new as the version says, so an alias never points from a
 * version to older data; a write commits a new version, and every request from then
 * on misses the old aliases.
 */

/** Everything besides the data that decides a forecast's model and options. */
export interface ForecastRequest {
  planStart: string;
  horizonDays: number;
  /** As stored (a scenario's, or a draft's in jsonb key order); supplier stock reports they read are input data. */
  adjustments: readonly StoredAdjustment[];
  options: ForecastOptions;
}

const ALIAS_MEMO_ENTRIES = 64;

/** The data's version now (text: a bigint). */
export async function fetchDataVersion(host: Pick<ForecastCacheHost, 'prisma'>): Promise<string> {
  const [row] = await host.prisma.$queryRawUnsafe<{ version: string }[]>(`SELECT version::text AS version FROM "DataVersion" WHERE id = 1`);
  // The migration inserts the row; a database without it has no version to trust: never alias.
  return row?.version ?? 'none';
}

/** A request's identity (the alias table's key beside the data version), to this engine (ENGINE_REVISION). */
export function requestIdOf(request: ForecastRequest, engine: string = ENGINE_REVISION): string {
  const { planStart, horizonDays, adjustments, options } = request;
  return createHash('sha256').update(JSON.stringify({ engine, planStart, horizonDays, adjustments, options })).digest('hex');
}

const aliasMemo = (host: ForecastCacheHost) => local(host, 'forecast:alias-memo', () => new Map<string, string>());

/** The forecast key a request was found to have at this data version; null if none recorded. */
export async function aliasedKey(host: ForecastCacheHost, version: string, request: ForecastRequest): Promise<string | null> {
  // The benchmark of the uncached path (CLEARBUILD_FORECAST_CACHE=off) must not be answered from the store either.
  if (version === 'none' || process.env.CLEARBUILD_FORECAST_CACHE === 'off') return null;
  const requestId = requestIdOf(request);
  const id = `${version}:${requestId}`;
  const memo = aliasMemo(host);
  const hit = memo.get(id);
  if (hit) return hit;
  const [row] = await host.prisma.$queryRawUnsafe<{ key: string }[]>(
    `SELECT key FROM "ForecastAlias" WHERE "dataVersion" = $1::bigint AND request = $2`,
    version,
    requestId,
  );
  if (!row) return null;
  rememberRecent(memo, id, row.key, ALIAS_MEMO_ENTRIES);
  return row.key;
}

/**
 * Records that `request` at `version` has forecast key `key` (computed from model rows read after the version),
 * and forgets the aliases of older versions: no request asks for those again.
 */
export async function recordAlias(host: ForecastCacheHost, version: string, request: ForecastRequest, key: string): Promise<void> {
  if (version === 'none') return;
  const requestId = requestIdOf(request);
  rememberRecent(aliasMemo(host), `${version}:${requestId}`, key, ALIAS_MEMO_ENTRIES);
  try {
    await host.prisma.$executeRawUnsafe(
      `INSERT INTO "ForecastAlias" ("dataVersion", request, key) VALUES ($1::bigint, $2, $3) ON CONFLICT DO NOTHING`,
      version,
      requestId,
      key,
    );
    await host.prisma.$executeRawUnsafe(`DELETE FROM "ForecastAlias" WHERE "dataVersion" < $1::bigint`, version);
  } catch (err) {
    // An alias that could not be stored costs one slow lookup later, never a wrong answer.
    console.error('ClearBuild: could not record a forecast alias:', err);
  }
}

/** The stored forecast that answers `request` at `version`, found by its alias; null if it is not known or not stored. */
export async function storedForRequest(host: ForecastCacheHost, version: string, request: ForecastRequest): Promise<(StoredForecast & { key: string }) | null> {
  const key = await aliasedKey(host, version, request);
  if (!key) return null;
  const stored = await storedForecast(host, key);
  return stored ? { ...stored, key } : null;
}
