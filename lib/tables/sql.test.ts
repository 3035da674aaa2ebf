import { describe, expect, it } from 'vitest';
import { TABLES } from './definitions';
import { parseListQuery } from './query';
import { SOURCES } from './sources';
import { countStatement, likePattern, pageStatement } from './sql';

const PO = TABLES['purchase-order-lines'];
const query = (qs: string) => {
  const r = parseListQuery(PO, new URLSearchParams(qs));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.query;
};

describe('a list query as SQL', () => {
  it('passes every value as a parameter, never in the text', () => {
    const s = pageStatement(PO, SOURCES['purchase-order-lines'], query("supplier=nvidia&q=x'; DROP TABLE x;--&promisedFrom=2027-01-01&status=open"), 400, 200);
    expect(s.text).not.toContain('DROP');
    expect(s.text).not.toContain('NVIDIA');
    expect(s.values).toEqual(['NVIDIA', '2027-01-01', 'open', "%x'; DROP TABLE x;--%", 200, 400]);
    expect(s.text).toContain('l."status" = $3::"PoLineStatus"');
  });

  it('orders by the sort asked for, then the id, on the raw columns (so indexes serve it)', () => {
    const s = pageStatement(PO, SOURCES['purchase-order-lines'], query('sort=promisedDate:desc,supplier:asc'), 0, 50);
    expect(s.text).toContain('ORDER BY l."promisedDate" DESC, s."code" ASC, l."id" ASC LIMIT $1 OFFSET $2');
  });

  it('counts with the same filter and no paging', () => {
    const c = countStatement(PO, SOURCES['purchase-order-lines'], query('qtyMin=8&qtyMax=12.5'));
    expect(c.text).toMatch(/WHERE l\."qty" >= \$1::numeric AND l\."qty" <= \$2::numeric$/);
    expect(c.values).toEqual(['8', '12.5']);
  });

  it('searches % and _ literally', () => {
    expect(likePattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});

describe('the list query language', () => {
  it('refuses an unknown sort field, a reversed range and a bad number, naming each', () => {
    const bad = parseListQuery(PO, new URLSearchParams('sort=price:up&promisedFrom=2027-02-01&promisedTo=2027-01-01&qtyMin=lots'));
    expect(bad.ok).toBe(false);
    const messages = !bad.ok ? bad.issues.map((i) => `${i.path.join('.')}: ${i.message}`) : [];
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('is not field:asc or field:desc'), 'qtyMin: must be a number such as 12 or 12.5']));
    const reversed = parseListQuery(PO, new URLSearchParams('promisedFrom=2027-02-01&promisedTo=2027-01-01'));
    expect(!reversed.ok && reversed.issues[0]!.message).toBe('promisedFrom is after promisedTo');
  });

  it('sorts by the table’s default when no sort is given, and ignores parameters it does not know', () => {
    const q = query('utm=1&page=2');
    expect(q).toEqual({ filters: {}, sort: [{ field: 'promisedDate', dir: 'asc' }], format: 'json', limit: 100, cursor: 0 });
  });
});
