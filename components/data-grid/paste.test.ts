import { describe, expect, it } from 'vitest';
import { parseTsv, placePaste } from './paste';

describe('pasting a block copied from a spreadsheet', () => {
  it('reads tab-separated rows, quoted cells with tabs, quotes and line breaks, and a trailing line end', () => {
    expect(parseTsv('2027-03-01\t8\n2027-03-08\t16\n')).toEqual([
      ['2027-03-01', '8'],
      ['2027-03-08', '16'],
    ]);
    expect(parseTsv('"a\tb"\t"say ""hi"""\r\n"two\r\nlines"\tx\r\n')).toEqual([
      ['a\tb', 'say "hi"'],
      ['two\r\nlines', 'x'],
    ]);
    expect(parseTsv('')).toEqual([]);
  });

  it('lays the block from the selection’s top-left cell and drops what falls outside the grid', () => {
    const { cells, dropped } = placePaste(
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
      { top: 4, left: 2, bottom: 4, right: 2 },
      { rows: 6, cols: 3 },
    );
    expect(cells).toEqual([
      { row: 4, col: 2, raw: 'a' },
      { row: 5, col: 2, raw: 'c' },
    ]);
    expect(dropped).toBe(2);
  });

  it('fills the whole selection with one copied value', () => {
    const { cells } = placePaste([['open']], { top: 1, left: 3, bottom: 3, right: 3 }, { rows: 10, cols: 5 });
    expect(cells).toEqual([1, 2, 3].map((row) => ({ row, col: 3, raw: 'open' })));
  });
});
