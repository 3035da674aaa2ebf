import type { CapacityModel } from '@/lib/capacity';
import { primeEngine } from '@/lib/engine/pool';
import { buildCapacityModel } from './build-model';
import type { ForecastCacheHost } from './cache';
import { modelRowsAt } from './model-rows-at';

/**
 * Readies the engine's workers for the what-ifs an executive is about to ask on the dashboard: the data's base
 * solved once in each worker (lib/engine/pool.ts, prime), in the background, after the page is sent. Without it
 * the first what-if on each worker after a change solves the base first (one to two seconds on the demo).
 * The pool knows which workers are primed for the data (and tries again after a full queue or a new worker);
 * the base model (`model`, when the caller has it, else built from the data version's rows) is built only
 * when one is not.
 */
export async function primeWhatIfs(
  host: ForecastCacheHost,
  version: string,
  at: { planStart: string; horizonDays: number },
  model?: () => CapacityModel,
): Promise<void> {
  if (version === 'none') return;
  await primeEngine(host.locals, `${version}|${at.planStart}|${at.horizonDays}`, async () => model?.() ?? buildCapacityModel(await modelRowsAt(host, version), { ...at, adjustments: [] }));
}
