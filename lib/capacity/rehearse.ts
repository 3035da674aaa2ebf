import { computeForecast } from './forecast';
import { sampleWhatIfs } from './sample-what-ifs';
import type { CapacityModel, ForecastOptions } from './types';

/** What-ifs a fresh engine answers before its first person's (about 2.5 s on the demo build-out)… */
export const REHEARSAL_WHAT_IFS = 120;
/**
 * …or fewer: it starts no what-if once this much time has passed (the one running finishes). On a large
 * model a what-if takes seconds; a few of them compile the code as well. The only clock in the engine
 * that is not a safety net, and harmless: rehearsed answers are dropped, and no answer depends on how many
 * there were.
 */
export const REHEARSAL_BUDGET_MS = 4000;
/** Not bench:whatif's seed (1): a different draw of what-ifs (the two may share a few). */
export const REHEARSAL_SEED = 7;
/** As a what-if is asked (`GET /api/forecast?tier=quick`): every path a quick answer takes, estimates included. */
const QUICK: ForecastOptions = { tier: 'quick', pegging: 'none' };

/**
 * Readies a fresh engine (a new worker thread) for people's what-ifs on this data: answers `count`
 * seeded what-ifs of the usual kinds and drops the answers (the first solves the data's base, as any
 * what-if on a new data version does).
 *
 * Why: a thread's first forecasts run the engine's JavaScript before V8 has optimised it, and
 * HiGHS's WebAssembly before its hot functions are tiered up. On the demo build-out, bench:whatif's
 * 200 what-ifs had a p95 of 93–95 ms after a warm-up of 3 what-ifs, 61–73 ms after 40 and 49 ms
 * after 120 (the same what-ifs, machine and code); answered a second time, 46–52 ms. Compiled code
 * outlives the data, so a worker rehearses once in its life (lib/engine/pool.ts); the base it solves
 * here is kept per data version as usual (warm-start.ts).
 *
 * Answers never depend on it: the engine keeps no state between forecasts but the base of each data
 * version, which a cold engine solves the same way (rehearse.test.ts). A what-if that fails is skipped:
 * a rehearsal only warms, and the forecast a person asks for reports its own errors.
 */
export async function rehearse(model: CapacityModel, count = REHEARSAL_WHAT_IFS, budgetMs = REHEARSAL_BUDGET_MS): Promise<number> {
  const t0 = performance.now();
  const base = { ...model, adjustments: [] };
  let answered = 0;
  for (const a of rehearsalWhatIfs(base, count)) {
    if (performance.now() - t0 > budgetMs) break;
    try {
      await computeForecast({ ...base, adjustments: [a] }, QUICK);
      answered++;
    } catch {
      // Skipped (above).
    }
  }
  return answered;
}

/** The what-ifs a rehearsal of `count` answers on this data (fewer when the model has nothing for some kinds). */
export function rehearsalWhatIfs(model: CapacityModel, count = REHEARSAL_WHAT_IFS) {
  return sampleWhatIfs(model, count, REHEARSAL_SEED);
}
