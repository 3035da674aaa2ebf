import { describe, expect, it } from 'vitest';
import { poLineListQuerySchema } from './purchase-order-line-query';

describe('PO-line list parameters', () => {
  it('reads a sort on several columns, ascending by default', () => {
    expect(poLineListQuerySchema.parse({ sort: 'promisedDate:asc,qty:desc,supplier' }).sort).toEqual([
      { field: 'promisedDate', dir: 'asc' },
      { field: 'qty', dir: 'desc' },
      { field: 'supplier', dir: 'asc' },
    ]);
  });

  it('names a sort it cannot read: an unknown column, a direction, a column twice, too many', () => {
    const issue = (sort: string) => {
      const r = poLineListQuerySchema.safeParse({ sort });
      return r.success ? null : r.error.issues[0]!.message;
    };
    expect(issue('price:asc')).toMatch(/"price:asc" is not field:asc or field:desc/);
    expect(issue('qty:up')).toMatch(/"qty:up"/);
    expect(issue('qty:asc,qty:desc')).toBe('qty is sorted by twice');
    expect(issue('qty,sku,status,lineNo,poNumber')).toBe('at most 4 sort columns');
  });

  it('takes a promised-date range, refuses one that ends before it starts, and knows the export format', () => {
    expect(poLineListQuerySchema.parse({ promisedFrom: '2027-01-01', promisedTo: '2027-01-31', format: 'csv' })).toMatchObject({ promisedFrom: '2027-01-01', promisedTo: '2027-01-31', format: 'csv' });
    expect(poLineListQuerySchema.parse({}).format).toBe('json');
    expect(poLineListQuerySchema.safeParse({ promisedFrom: '2027-02-01', promisedTo: '2027-01-31' }).success).toBe(false);
    expect(poLineListQuerySchema.safeParse({ promisedFrom: '2027-02-30' }).success).toBe(false);
    expect(poLineListQuerySchema.safeParse({ format: 'xlsx' }).success).toBe(false);
  });
});
