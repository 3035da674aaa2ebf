import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { sameValue } from './diff-fields';

describe('classify', () => {
  const stored = new Map([['A', { qty: '12.5', promisedDate: '2027-03-02', status: 'open' }]]);

  it('marks a key the database lacks as a create with no before', () => {
    expect(classify(stored, [{ key: 'B', fields: { qty: '1' } }])).toEqual([{ key: 'B', action: 'create', before: null, after: { qty: '1' } }]);
  });

  it('treats 12.50 and 12.5 as the same quantity', () => {
    const [c] = classify(stored, [{ key: 'A', fields: { qty: '12.50', promisedDate: '2027-03-02', status: 'open' } }]);
    expect(c?.action).toBe('unchanged');
  });

  it('keeps only the changed fields in an update, before and after', () => {
    const [c] = classify(stored, [{ key: 'A', fields: { qty: '12.5', promisedDate: '2027-04-06', status: 'open' } }]);
    expect(c).toEqual({ key: 'A', action: 'update', before: { promisedDate: '2027-03-02' }, after: { promisedDate: '2027-04-06' } });
  });
});

describe('sameValue', () => {
  it('compares null and undefined as equal but not as zero', () => {
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue(null, 0)).toBe(false);
  });

  it('compares a stored Decimal-like with a decimal string exactly', () => {
    expect(sameValue({ toFixed: () => '', toString: () => '0.1' }, '0.10')).toBe(true);
    expect(sameValue('0.3', '0.30000000000000004')).toBe(false);
  });
});
