import { describe, expect, it } from 'vitest';
import { formatQuantity } from './format';

describe('formatQuantity', () => {
  it('groups thousands and keeps the decimal digits as written, without trailing zeros', () => {
    expect(formatQuantity('1234567.500')).toBe('1,234,567.5');
    expect(formatQuantity('12.5')).toBe('12.5');
    expect(formatQuantity('1000')).toBe('1,000');
    expect(formatQuantity('-4200.25')).toBe('-4,200.25');
  });

  it('never goes through a float: digits beyond double precision survive', () => {
    expect(formatQuantity('123456789012345678.123456')).toBe('123,456,789,012,345,678.123456');
  });
});
