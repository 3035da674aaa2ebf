import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyIndex } from './key-index';

describe('KeyIndex', () => {
  it('remembers the first row of each key and answers it for repeats', () => {
    const index = new KeyIndex();
    expect(index.firstRow('["NV","PO-1",1]', 2)).toBeUndefined();
    expect(index.firstRow('["NV","PO-1",2]', 3)).toBeUndefined();
    expect(index.firstRow('["NV","PO-1",1]', 4)).toBe(2);
    expect(index.firstRow('["NV","PO-1",1]', 5)).toBe(2);
    expect(index.firstRow('', 6)).toBeUndefined();
    expect(index.firstRow('', 7)).toBe(6);
  });

  it('tells 300,000 similar keys apart while growing, and finds each again', () => {
    const index = new KeyIndex();
    const key = (i: number) => JSON.stringify(['SUP', `PO-${String(Math.floor(i / 10)).padStart(7, '0')}`, (i % 10) + 1]);
    let falseRepeats = 0;
    for (let i = 0; i < 300_000; i++) if (index.firstRow(key(i), i + 2) !== undefined) falseRepeats++;
    expect(falseRepeats).toBe(0);
    for (let i = 0; i < 300_000; i += 997) expect(index.firstRow(key(i), 1_000_000)).toBe(i + 2);
  });

  it('agrees with a Map on any sequence of keys', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6, unit: 'grapheme' }), { maxLength: 300 }), (keys) => {
        const index = new KeyIndex();
        const map = new Map<string, number>();
        keys.forEach((key, i) => {
          const expected = map.get(key);
          if (expected === undefined) map.set(key, i + 1);
          expect(index.firstRow(key, i + 1)).toBe(expected);
        });
      }),
    );
  });
});
