import type { ForecastCacheHost } from './cache';
import { loadModelRows, type ModelRows } from './load-model';

/**
 * The model's rows at a data version (lib/forecast/data-version.ts), read once per version and process: a
 * what-if asks for the same data with other adjustments, so the executive's next what-if builds its model
 * without reading every row again. Kept on the open-database handle's locals (never module state, see
 * lib/forecast/cache.ts), one version at a time.
 *
 * Safe by the data version's one rule: the caller read `version` before asking, so these rows are at least as
 * new as it; a write commits a new version, and the next request reads the rows anew.
 */
export function modelRowsAt(host: ForecastCacheHost, version: string): Promise<ModelRows> {
  // No version to trust (a database without the row), or the uncached path measured: read now.
  if (version === 'none' || process.env.CLEARBUILD_FORECAST_CACHE === 'off') return loadModelRows(host.prisma);
  const held = host.locals.get(LOCAL) as Held | undefined;
  if (held?.version === version) return held.rows;
  const rows = loadModelRows(host.prisma);
  host.locals.set(LOCAL, { version, rows } satisfies Held);
  // A failed read is not remembered: the next request tries again.
  rows.catch(() => {
    if ((host.locals.get(LOCAL) as Held | undefined)?.rows === rows) host.locals.delete(LOCAL);
  });
  return rows;
}

const LOCAL = 'forecast:model-rows';

interface Held {
  version: string;
  rows: Promise<ModelRows>;
}
