import { describe, expect, it } from 'vitest';
import type { Forecast } from '@/lib/capacity';
import { parseForecastFormat, seriesCsv } from './series-csv';

const f: Pick<Forecast, 'series' | 'milestones'> = {
  series: [
    { date: '2027-01-01', gpusOnline: 0, bySite: {} },
    { date: '2027-01-02', gpusOnline: 8, bySite: { PHX1: 8 } },
    { date: '2027-01-03', gpusOnline: 24, bySite: { PHX1: 8, '=DSM2': 16 } },
  ],
  milestones: [
    { kind: 'target', gpusOnline: 16, targetDate: '2027-01-02', date: '2027-01-03', met: false },
    { kind: 'level', gpusOnline: 1000, targetDate: null, date: null, met: null },
  ],
};

describe('the forecast series as CSV', () => {
  it('writes date, GPUs online, the target in force and a column per site, one row a day', () => {
    const lines = seriesCsv(f).split('\r\n');
    expect(lines[0]).toBe("date,gpus_online,target,'=DSM2,PHX1");
    expect(lines.slice(1, 4)).toEqual(['2027-01-01,0,,0,0', '2027-01-02,8,16,0,8', '2027-01-03,24,16,16,8']);
    expect(lines[4]).toBe('');
  });

  it('takes json (the default) or csv as the format, nothing else', () => {
    expect([parseForecastFormat(null), parseForecastFormat('csv'), parseForecastFormat('json'), parseForecastFormat('xlsx')]).toEqual(['json', 'csv', 'json', null]);
  });
});
