import { createHash } from 'node:crypto';
import { computeForecast, type CapacityModel, type Forecast, type ForecastOptions } from '@/lib/capacity';

const MAX_ENTRIES = 8;
const entries = new Map<string, Promise<Forecast>>();

/**
 * The engine is a pure function of its model and options, so the same inputs
 * give the same forecast: remember the last few by content hash. Any data change
 * (an edit, an import, another plan start) changes the hash, so nothing stale is
 * ever served. Concurrent requests for one model share a single computation.
 */
export function cachedForecast(model: CapacityModel, options: ForecastOptions = {}): Promise<Forecast> {
  // The benchmark measures the uncached path end to end.
  if (process.env.CLEARBUILD_FORECAST_CACHE === 'off') return computeForecast(model, options);
  const key = createHash('sha256').update(JSON.stringify([model, options])).digest('hex');
  const hit = entries.get(key);
  if (hit) {
    entries.delete(key);
    entries.set(key, hit); // most recently used last
    return hit;
  }
  const pending = computeForecast(model, options);
  entries.set(key, pending);
  pending.catch(() => entries.delete(key));
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return pending;
}
