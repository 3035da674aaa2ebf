import { describe, expect, it } from 'vitest';
import type { Forecast } from '@/lib/capacity';
import { forecastDocument } from './forecast-fixture';
import { gatesByPeriod, quarterAndYearEnd, summarizeForecast, targetSteps, weekStartOf } from './summarize';

const poGate = { kind: 'poLine', sku: 'PIPE', supplier: 'FERG', poNumber: 'PO-1', lineNo: 2, promisedDate: '2027-01-03', availableDate: '2027-01-03' } as const;

function forecast(): Forecast {
  return forecastDocument({
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
  });
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
    // The target steps up on its date and holds until the next one.
    expect(s.chart.map((p) => p.target)).toEqual([null, 16, 16, 16]);
    expect(s.chart.filter((p) => p.isTargetDate).map((p) => p.date)).toEqual(['2027-01-02', '2027-01-04']);
    expect(s.sites).toEqual(['S1', 'S2']);
    expect(s.gpusAtEnd).toBe(24);
  });

  it('reads GPUs online today, at quarter end and at year end off the series, null beyond the horizon', () => {
    const s = summarizeForecast(forecast(), '2027-01-02');
    expect(s.today).toEqual({ label: 'today', date: '2027-01-02', gpus: 8 });
    expect(s.quarterEnd).toEqual({ label: 'at quarter end', date: '2027-03-31', gpus: null });
    expect(s.yearEnd.date).toBe('2027-12-31');
    // Before the plan starts, today reads as its first day.
    expect(summarizeForecast(forecast(), '2026-12-01').today).toEqual({ label: 'today', date: '2027-01-01', gpus: 0 });
  });

  it('names items in gate labels when it knows them, and keeps each week’s top gates for the tooltip', () => {
    const s = summarizeForecast(forecast(), '2027-01-01', { PIPE: { name: 'Cooling pipe', site: 'PHX1' } });
    expect(s.gates[0]?.label).toBe('Cooling pipe at PHX1: FERG PO-1 line 2 (PIPE, promised 2027-01-03)');
    expect(s.gates[0]).toMatchObject({ supplier: 'FERG', poNumber: 'PO-1', lineNo: 2, promisedDate: '2027-01-03' });
    expect(s.weekGates['2026-12-28']?.map((g) => g.gpus)).toEqual([8, 8]);
    expect(s.weekGates['2027-01-04']).toHaveLength(1);
  });
});

describe('gates per period', () => {
  it('adds gates up per month by the Monday of each week, with each gate’s share of the month', () => {
    const months = gatesByPeriod(forecast(), 'month');
    expect(months.map((m) => [m.period, m.label, m.gpusOnlined])).toEqual([
      ['2026-12', 'December 2026', 16],
      ['2027-01', 'January 2027', 8],
    ]);
    expect(months[0]!.gates.map((g) => [g.key, g.gpus, g.share])).toEqual([
      ['po:FERG/PO-1/2', 8, 0.5],
      ['weeklyLimit:NODE', 8, 0.5],
    ]);
    expect(months[1]!.gates.map((g) => [g.key, g.share])).toEqual([['po:FERG/PO-1/2', 1]]);
  });

  it('groups per ISO week too, labelled by the week’s Monday', () => {
    expect(gatesByPeriod(forecast(), 'week').map((w) => [w.period, w.label])).toEqual([
      ['2026-W53', 'week of 2026-12-28'],
      ['2027-W01', 'week of 2027-01-04'],
    ]);
  });
});

describe('calendar helpers', () => {
  it('steps the target in force and finds week starts and quarter ends', () => {
    expect(targetSteps(['2027-01-01', '2027-02-01', '2027-03-01'], [{ date: '2027-03-01', gpus: 9 }, { date: '2027-01-15', gpus: 5 }])).toEqual([null, 5, 9]);
    expect(weekStartOf('2027-01-03')).toBe('2026-12-28');
    expect(weekStartOf('2027-01-04')).toBe('2027-01-04');
    expect(quarterAndYearEnd('2027-02-10')).toEqual({ quarterEnd: '2027-03-31', yearEnd: '2027-12-31' });
    expect(quarterAndYearEnd('2028-11-30').quarterEnd).toBe('2028-12-31');
  });
});
