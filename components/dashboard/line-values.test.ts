import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Forecast } from '@/lib/capacity';
import { forecastDocument } from '@/lib/forecast/forecast-fixture';
import { summarizeForecast, topLineValues, type PoLineValue } from '@/lib/forecast/summarize';
import { LineValues } from './next-deliveries';

// A forecast document as the engine returns it with include=lineValues (the field's fixed shape).
const values: PoLineValue[] = [
  { supplier: 'NVIDIA', poNumber: 'PO-1', lineNo: 1, sku: 'A100-SXM4-80G', promisedDate: '2027-02-01', qty: '1600', gatesGpus: 1600, gpuDaysLostPerWeekSlip: 11200, gpuDaysGainedPerWeekPullIn: 9600, exact: true, slipExact: true },
  { supplier: 'FERGUSON', poNumber: 'PO-7', lineNo: 2, sku: 'PIPE-DN100-M', promisedDate: '2027-01-15', qty: '120.5', gatesGpus: 2560, gpuDaysLostPerWeekSlip: 17920, gpuDaysGainedPerWeekPullIn: 0, exact: false, slipExact: false },
  { supplier: 'CEMEX', poNumber: 'PO-3', lineNo: 1, sku: 'CONCRETE-M3-DSM2', promisedDate: '2027-03-01', qty: '40', gatesGpus: 0, gpuDaysLostPerWeekSlip: 32160, gpuDaysGainedPerWeekPullIn: 0, exact: false, slipExact: true },
];

function document(): Forecast {
  return forecastDocument({
    planStart: '2027-01-01',
    horizonDays: 2,
    series: [
      { date: '2027-01-01', gpusOnline: 0, bySite: {} },
      { date: '2027-01-02', gpusOnline: 0, bySite: {} },
    ],
    ...({ poLineValues: values } as object),
  });
}

describe('what each PO line is worth, on the dashboard', () => {
  it('carries the engine’s line values into the summary only when the document has them', () => {
    expect(summarizeForecast(document(), '2027-01-01').poLineValues).toEqual(values);
    const without = document() as Forecast & { poLineValues?: unknown };
    delete without.poLineValues;
    expect('poLineValues' in summarizeForecast(without, '2027-01-01')).toBe(false);
  });

  it('lists the lines by GPU-days lost per week of slip, marks estimates and links each to its PO lines', () => {
    const all = summarizeForecast(document(), '2027-01-01').poLineValues!;
    const html = renderToStaticMarkup(createElement(LineValues, { rows: topLineValues(all, 10), exact: 1, slipExact: 2, total: all.length }));
    const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => m[1]!).slice(1);
    expect(rows).toHaveLength(3);
    expect(html).toContain('(the slip of 2 of 3 open lines, both ways 1)');
    // The slip exact alone: the slip's figure says so, the pull-in's is an estimate.
    expect(rows[0]).toContain('CEMEX · PO-3 · 1');
    expect(rows[0]).toContain('32,160 <span class="muted small">exact</span>');
    expect(rows[0]).toContain('0 <span class="muted small">estimate</span>');
    rows.shift();
    expect(rows[0]).toContain('FERGUSON · PO-7 · 2');
    expect(rows[0]).toContain('17,920 <span class="muted small">estimate</span>');
    expect(rows[0]).toContain('120.5 PIPE-DN100-M');
    expect(rows[0]).toContain('href="/purchase-orders?sku=PIPE-DN100-M&amp;supplier=FERGUSON&amp;status=open"');
    expect(rows[1]).toContain('NVIDIA · PO-1 · 1');
    expect(rows[1]).toContain('11,200');
    expect(rows[1]).toContain('11,200 <span class="muted small">exact</span>');
    expect(rows[1]).not.toContain('estimate');
  });

  it('says so when no line moves the ramp, with how far the engine looked and its note', () => {
    const html = renderToStaticMarkup(createElement(LineValues, { rows: [], exact: 6, slipExact: 201280, total: 201286, note: 'The others show 0: no LP relaxation.' }));
    expect(html).toContain('No open PO line changes the ramp by a week’s slip or pull-in as far as the engine tells: the slip of 201,280 of 201,286 open lines exact, both ways 6');
    expect(html).toContain('The others show 0: no LP relaxation.');
    expect(html).toContain('data-line-values="none-at-stake"');
  });
});
