import type { Forecast } from '@/lib/capacity';

/** Test-only: a forecast document with nothing in it but what `over` sets (the engine's shape, its stable fields). */
export function forecastDocument(over: Partial<Forecast> & Pick<Forecast, 'planStart' | 'horizonDays' | 'series'>): Forecast {
  return {
    gpuDays: 0,
    gpuDaysExact: '0',
    builds: [],
    milestones: [],
    bottlenecks: [],
    shortages: [],
    warnings: [],
    pegging: [],
    peggingSummary: { batches: 0, included: false },
    optimality: { status: 'optimal', tier: 'proven', upperBound: over.gpuDays ?? 0, method: 'test' },
    stats: { items: 0, recipes: 0, openLines: 0, coreRecipes: 0, coreVariables: 0, coreRows: 0, millis: { total: 0, solve: 0, milp: 0, explain: 0, shortages: 0 } },
    ...over,
  };
}
