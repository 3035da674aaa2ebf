import { primeEngine } from '@/lib/engine/pool';
import { buildCapacityModel } from './build-model';
import type { ForecastCacheHost } from './cache';
import { modelRowsAt } from './model-rows-at';

/**
 * Readies the engine's workers for the what-ifs an executive is about to ask on the dashboard: the data's base
 * solved once in each worker (lib/engine/pool.ts, prime), in the background, after the page is sent. Without it
 * the first what-if on each worker after a change solves the base first (one to two seconds on the demo).
 * Once per data version, plan start and horizon per process.
 */
export async function primeWhatIfs(host: ForecastCacheHost, version: string, at: { planStart: string; horizonDays: number }): Promise<void> {
  if (version === 'none') return;
  const data = `${version}|${at.planStart}|${at.horizonDays}`;
  if (host.locals.get(PRIMED) === data) return;
  host.locals.set(PRIMED, data);
  const model = buildCapacityModel(await modelRowsAt(host, version), { ...at, adjustments: [] });
  primeEngine(host.locals, model, data);
}

const PRIMED = 'forecast:primed-for-what-ifs';
