import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DuplicateKeyFilter } from './duplicate-keys';

describe('DuplicateKeyFilter', () => {
  it('suspects every key that repeats', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 200 }), (keys) => {
        const f = new DuplicateKeyFilter();
        keys.forEach((k) => f.add(k));
        const repeated = new Set(keys.filter((k, i) => keys.indexOf(k) !== i));
        for (const k of repeated) expect(f.suspects.has(k)).toBe(true);
      }),
    );
  });

  it('suspects nothing among 100,000 distinct keys', () => {
    const f = new DuplicateKeyFilter();
    for (let i = 0; i < 100_000; i++) f.add(`S${i % 200}/PO-${i}/${i % 50}`);
    expect(f.suspects.size).toBe(0);
  });
});
