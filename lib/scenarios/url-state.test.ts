import { describe, expect, it } from 'vitest';
import { dashboardQuery, expediteAsWhatIf, expediteHref, parseDashboardUrl, rangeEnd } from './url-state';
import { parseAdjustments } from './scenario-schema';

describe('the dashboard state in its URL', () => {
  it('reads scenario, comparison, draft, range, grouping and period, defaulting what is missing or unknown', () => {
    expect(parseDashboardUrl({ scenario: 'A', compare: 'B', range: '6m', group: 'site', period: 'week' })).toEqual({
      scenario: 'A',
      compare: 'B',
      adjustments: null,
      range: '6m',
      group: 'site',
      period: 'week',
    });
    expect(parseDashboardUrl(new URLSearchParams('range=10y&group=x'))).toMatchObject({ scenario: null, range: 'all', group: 'total', period: 'month' });
  });

  it('writes back only what differs from the defaults, and a saved scenario wins over a draft', () => {
    expect(dashboardQuery({ scenario: 'NV slips', compare: 'B', range: 'all', group: 'site' })).toBe('?scenario=NV+slips&compare=B&group=site');
    expect(dashboardQuery({ adjustments: '[]', range: '3m' })).toBe('?adjustments=%5B%5D&range=3m');
    expect(dashboardQuery({})).toBe('');
    const round = parseDashboardUrl(new URLSearchParams(dashboardQuery({ scenario: 'x', period: 'week' }).slice(1)));
    expect(round).toMatchObject({ scenario: 'x', period: 'week' });
  });

  it('ends a range some months after the plan start', () => {
    expect(rangeEnd('2027-01-15', '3m')).toBe('2027-04-15');
    expect(rangeEnd('2027-01-15', 'all')).toBeNull();
  });
});

describe('an expedite plan as a what-if', () => {
  it('pulls each line in by its days and adds each new order on its need-by date, in the shared schema', () => {
    const adjustments = expediteAsWhatIf({
      targetDate: '2027-03-31',
      lines: [
        {
          sku: 'PIPE',
          quantity: '120',
          needByDate: '2027-02-01',
          pullIn: [
            { supplier: 'FERG', poNumber: 'PO-1', lineNo: 2, quantity: '100', promisedDate: '2027-03-01', expectedDate: '2027-03-01', neededByDate: '2027-02-01', pullInDays: 28 },
          ],
          newOrderQuantity: '20',
          gpusUpTo: 160,
        },
      ],
    });
    expect(adjustments).toEqual([
      { kind: 'delayLine', supplier: 'FERG', poNumber: 'PO-1', lineNo: 2, days: -28 },
      { kind: 'addLine', supplier: 'NEW-ORDER', poNumber: 'EXPEDITE-2027-03-31', lineNo: 1, sku: 'PIPE', qty: '20', promisedDate: '2027-02-01' },
    ]);
    expect(parseAdjustments(adjustments).ok).toBe(true);
  });

  it('links to a target’s plan by its date, keeping the view and dropping any other what-if', () => {
    expect(expediteHref({ scenario: 'A', compare: 'B', adjustments: null, range: '6m', group: 'site', period: 'month' }, '2027-03-31')).toBe(
      '/dashboard?range=6m&group=site&expedite=2027-03-31',
    );
    expect(expediteHref({ range: 'all' }, '2027-03-31')).toBe('/dashboard?expedite=2027-03-31');
  });
});
