import { describe, expect, it } from 'vitest';
import type { DashboardSummary } from '@/lib/forecast/summarize';
import { whatIfDeltas } from './deltas';

function summary(over: Partial<DashboardSummary>): DashboardSummary {
  return {
    planStart: '2027-01-01',
    horizonDays: 90,
    gpuDays: 0,
    optimality: { status: 'optimal', tier: 'quick', upperBound: 0, method: 'test' },
    gpusAtEnd: 0,
    endDate: '2027-03-31',
    today: { label: 'today', date: '2027-01-01', gpus: 0 },
    quarterEnd: { label: 'at quarter end', date: '2027-03-31', gpus: 0 },
    yearEnd: { label: 'at year end', date: '2027-12-31', gpus: null },
    sites: [],
    chart: [],
    nextTarget: null,
    targets: [],
    levels: [],
    gates: [],
    weekGates: {},
    shortages: [],
    warnings: [],
    ...over,
  };
}

describe('what a what-if changes against the baseline', () => {
  it('gives GPUs at each target date, GPU-days and the end of the horizon as what-if minus baseline', () => {
    const base = summary({
      gpuDays: 50_000,
      gpusAtEnd: 1_600,
      targets: [
        { date: '2027-02-01', target: 800, forecast: 960, met: true, reachedOn: '2027-01-20' },
        { date: '2027-03-01', target: 1_600, forecast: 1_600, met: true, reachedOn: '2027-02-25' },
      ],
    });
    const slipped = summary({
      gpuDays: 31_000,
      gpusAtEnd: 1_600,
      targets: [
        { date: '2027-02-01', target: 800, forecast: 320, met: false, reachedOn: '2027-02-17' },
        { date: '2027-03-01', target: 1_600, forecast: 1_280, met: false, reachedOn: '2027-03-10' },
      ],
    });
    const d = whatIfDeltas(base, slipped);
    expect(d.gpuDays).toEqual({ base: 50_000, whatIf: 31_000, delta: -19_000 });
    expect(d.atEnd.delta).toBe(0);
    expect(d.targets.map((t) => [t.date, t.base, t.whatIf, t.delta])).toEqual([
      ['2027-02-01', 960, 320, -640],
      ['2027-03-01', 1_600, 1_280, -320],
    ]);
    expect(d.milestones.map((m) => [m.label, m.days])).toEqual([
      ['target 2027-02-01 (800 GPUs)', 28],
      ['target 2027-03-01 (1,600 GPUs)', 13],
    ]);
  });

  it('moves level dates, and says so when one side never reaches a level', () => {
    const base = summary({ levels: [{ gpus: 1_000, date: '2027-02-10' }, { gpus: 5_000, date: '2027-03-20' }, { gpus: 10_000, date: null }] });
    const pulled = summary({ levels: [{ gpus: 1_000, date: '2027-02-03' }, { gpus: 5_000, date: null }, { gpus: 10_000, date: null }] });
    expect(whatIfDeltas(base, pulled).milestones).toEqual([
      { label: '1,000 GPUs', base: '2027-02-10', whatIf: '2027-02-03', days: -7 },
      { label: '5,000 GPUs', base: '2027-03-20', whatIf: null, days: null },
    ]);
  });
});
