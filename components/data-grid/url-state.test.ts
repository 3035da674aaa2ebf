import { describe, expect, it } from 'vitest';
import { TABLES } from '@/lib/tables/definitions';
import { parseListQuery } from '@/lib/tables/query';
import { activeFilterCount, csvUrl, gridStateToParams, pageUrl, parseGridState } from './url-state';

const PO = TABLES['purchase-order-lines'];

describe('grid state in the URL', () => {
  it('round-trips filters, search and a sort on several columns through the API parameter names', () => {
    const state = {
      filters: { supplier: 'NVIDIA', status: 'open', promisedFrom: '2027-01-01', promisedTo: '2027-03-31', qtyMin: '8' },
      q: 'dgx',
      sort: [
        { field: 'promisedDate', dir: 'asc' as const },
        { field: 'qty', dir: 'desc' as const },
      ],
    };
    const params = gridStateToParams(PO, state);
    expect(params.toString()).toBe('supplier=NVIDIA&qtyMin=8&promisedFrom=2027-01-01&promisedTo=2027-03-31&status=open&q=dgx&sort=promisedDate%3Aasc%2Cqty%3Adesc');
    expect(parseGridState(PO, `?${params}`)).toEqual(state);
  });

  it('gives the endpoint a query it accepts, with the same filters and sort', () => {
    const state = parseGridState(PO, 'supplier=nvidia&sort=qty:desc&status=open');
    const url = new URL(pageUrl(PO, state, 200, 200), 'http://x');
    expect(url.pathname).toBe('/api/purchase-order-lines');
    const parsed = parseListQuery(PO, url.searchParams);
    expect(parsed.ok && parsed.query).toMatchObject({ filters: { supplier: 'NVIDIA', status: 'open' }, sort: [{ field: 'qty', dir: 'desc' }], limit: 200, cursor: 200 });
    expect(csvUrl(PO, state)).toBe('/api/purchase-order-lines?supplier=nvidia&status=open&sort=qty%3Adesc&format=csv');
  });

  it('keeps what it can of a hand-edited URL: unknown columns, bad directions and repeats are dropped, blanks ignored', () => {
    expect(parseGridState(PO, 'sort=price:asc,qty:down,qty:desc,qty:asc,sku&supplier=&utm_source=mail&page=3')).toEqual({ filters: {}, q: '', sort: [{ field: 'qty', dir: 'desc' }, { field: 'sku', dir: 'asc' }] });
  });

  it('counts filters by column: a date range is one filter', () => {
    expect(activeFilterCount(PO, parseGridState(PO, 'promisedFrom=2027-01-01&promisedTo=2027-02-01&status=open&q=x'))).toBe(2);
  });
});
