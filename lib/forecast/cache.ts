import { createHash } from 'node:crypto';
import { computeForecast, type CapacityModel, type Forecast } from '@/lib/capacity';

const MAX_ENTRIES = 8;
const entries = new Map<string, Promise<Forecast>>();

/**
 * The engine is a pure function of its model, so the same model gives the same
 * forecast: remember the last few by content hash. Any data change (an edit, an
 * import, another plan start) changes the hash, so nothing stale is ever served.
 * Concurrent requests for one model share a single computation.
 */
export function cachedForecast(model: CapacityModel): Promise<Forecast> {
  // The benchmark measures the uncached path end to end.
  if (process.env.CLEARBUILD_FORECAST_CACHE === 'off') return computeForecast(model);
  const key = createHash('sha256').update(JSON.stringify(model)).digest('hex');
  const hit = entries.get(key);
  if (hit) {
    entries.delete(key);
    entries.set(key, hit); // most recently used last
    return hit;
  }
  const pending = computeForecast(model);
  entries.set(key, pending);
  pending.catch(() => entries.delete(key));
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return pending;
}
