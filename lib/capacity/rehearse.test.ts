import { beforeEach, describe, expect, it } from 'vitest';
import { demoCapacityModel } from '@/bench/demo-model';
import { computeForecast } from './forecast';
import { rehearse } from './rehearse';
import { sampleWhatIfs } from './sample-what-ifs';
import type { ForecastOptions } from './types';
import { forgetWarmStarts, warmStartCount } from './warm-start';
import { outsideStats } from './testing/outside-stats';

const QUICK: ForecastOptions = { tier: 'quick', pegging: 'none' };

beforeEach(() => forgetWarmStarts());

describe("a fresh engine's rehearsal", () => {
  it('answers the seeded what-ifs on the data, keeps only its base, and changes no answer after it', async () => {
    const base = demoCapacityModel();
    // The benchmark's first what-ifs (seed 1), each solved by an engine that has seen nothing.
    const scenarios = sampleWhatIfs(base, 3, 1).map((a) => ({ ...base, adjustments: [a] }));
    const cold: string[] = [];
    for (const s of scenarios) {
      forgetWarmStarts();
      cold.push(outsideStats(await computeForecast(s, QUICK)));
    }
    forgetWarmStarts();
    // A model with adjustments rehearses on its data without them.
    expect(await rehearse({ ...base, adjustments: scenarios[0]!.adjustments }, 6, Infinity)).toBe(6);
    expect(warmStartCount()).toBe(1);
    for (let i = 0; i < scenarios.length; i++) expect(outsideStats(await computeForecast(scenarios[i]!, QUICK))).toBe(cold[i]);
  }, 180_000);
});
