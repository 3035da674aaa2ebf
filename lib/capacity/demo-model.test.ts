import { describe, expect, it } from 'vitest';
import { demoCapacityModel, DEMO_ANCHOR, DEMO_PLAN_START } from '@/bench/demo-model';
import { computeForecast } from './index';
import { checkForecast } from './testing/feasibility';

// The product's demo build-out (lib/demo), the forecast every dashboard user sees
// first: a core of ~1,800 integer variables that the engine must prove, not guess.
// The proven tier's work budget is counted in nodes, not time: no timing is asserted.
describe('the demo model', () => {
  for (const planStart of [DEMO_PLAN_START, DEMO_ANCHOR]) {
    it(`is solved to proven optimality with a feasible schedule (plan start ${planStart})`, async () => {
      const model = demoCapacityModel(planStart);
      const f = await computeForecast(model, { shortages: 'none' });
      expect(f.optimality.status).toBe('optimal');
      expect(f.optimality.upperBound).toBe(f.gpuDays);
      expect(f.stats.coreVariables).toBeGreaterThan(1000);
      expect(checkForecast(model, f)).toEqual([]);
    }, 600_000);
  }
});
