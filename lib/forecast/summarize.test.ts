import { describe, expect, it } from 'vitest';
import type { Forecast } from '@/lib/capacity';
import { summarizeForecast } from './summarize';

const poGate = { kind: 'poLine', sku: 'PIPE', supplier: 'FERG', poNumber: 'PO-1', lineNo: 2, promisedDate: '2027-01-03', availableDate: '2027-01-03' } as const;

function forecast(): Forecast {
  return {
    planStart: '2027-01-01',
    horizonDays: 4,
    gpuDays: 48,
    gpuDaysExact: '48',
    series: [
      { date: '2027-01-01', gpusOnline: 0, bySite: {} },
      { date: '2027-01-02', gpusOnline: 8, bySite: { S1: 8 } },
      { date: '2027-01-03', gpusOnline: 16, bySite: { S1: 8, S2: 8 } },
      { date: '2027-01-04', gpusOnline: 24, bySite: { S1: 16, S2: 8 } },
    ],
    builds: [],
    milestones: [
      { kind: 'target', gpusOnline: 16, targetDate: '2027-01-02', date: '2027-01-03', met: false },
      { kind: 'target', gpusOnline: 16, targetDate: '2027-01-04', date: '2027-01-03', met: true },
      { kind: 'level', gpusOnline: 1000, targetDate: null, date: null, met: null },
    ],
    bottlenecks: [
      { week: '2026-W53', weekStart: '2026-12-28', gpusOnlined: 16, gates: [{ gate: poGate, gpus: 8 }, { gate: { kind: 'weeklyLimit', sku: 'NODE' }, gpus: 8 }] },
      { week: '2027-W01', weekStart: '2027-01-04', gpusOnlined: 8, gates: [{ gate: poGate, gpus: 8 }] },
    ],
    shortages: [],
    warnings: [],
    pegging: [],
    peggingSummary: { batches: 0, included: false },
    optimality: { status: 'optimal', tier: 'proven', upperBound: 48, method: 'test' },
    stats: { items: 0, recipes: 0, openLines: 0, coreRecipes: 0, coreVariables: 0, coreRows: 0, millis: { total: 0, solve: 0, milp: 0, explain: 0, shortages: 0 } },
  };
}

describe('summarizeForecast', () => {
  it('adds up each gate over the weeks it holds GPUs back, biggest first', () => {
    const s = summarizeForecast(forecast(), '2027-01-01');
    expect(s.gates.map((g) => [g.key, g.gpus, g.weeks])).toEqual([
      ['po:FERG/PO-1/2', 16, ['2026-W53', '2027-W01']],
      ['weeklyLimit:NODE', 8, ['2026-W53']],
    ]);
    expect(s.gates[0]?.label).toBe('FERG PO-1 line 2 (PIPE, promised 2027-01-03)');
  });

  it('pairs each target with the forecast on its date and finds the next one from today', () => {
    const s = summarizeForecast(forecast(), '2027-01-03');
    expect(s.targets).toEqual([
      { date: '2027-01-02', target: 16, forecast: 8, met: false, reachedOn: '2027-01-03' },
      { date: '2027-01-04', target: 16, forecast: 24, met: true, reachedOn: '2027-01-03' },
    ]);
    expect(s.nextTarget).toEqual({ date: '2027-01-04', target: 16, forecast: 24 });
    expect(s.chart.map((p) => p.target)).toEqual([null, 16, null, 16]);
    expect(s.sites).toEqual(['S1', 'S2']);
    expect(s.gpusAtEnd).toBe(24);
  });
});
