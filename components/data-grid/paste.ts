// A block copied from a spreadsheet (tab-separated, quoted where a cell holds a tab,
// quote or line break) laid onto the grid from the selection's top-left cell. One
// copied value over a larger selection fills it, as spreadsheets do.
import Papa from 'papaparse';

export function parseTsv(text: string): string[][] {
  const trimmed = text.replace(/\r?\n$/, '');
  if (trimmed === '') return [];
  const parsed = Papa.parse<string[]>(trimmed, { delimiter: '\t', newline: text.includes('\r\n') ? '\r\n' : '\n', quoteChar: '"' });
  return parsed.data;
}

export interface PastedCell {
  row: number;
  col: number;
  raw: string;
}

/**
 * Where each pasted value lands: rows and columns are grid positions; cells past the
 * last row or column are dropped (and counted, so the person is told).
 */
export function placePaste(
  block: readonly (readonly string[])[],
  range: { top: number; left: number; bottom: number; right: number },
  bounds: { rows: number; cols: number },
): { cells: PastedCell[]; dropped: number } {
  const cells: PastedCell[] = [];
  let dropped = 0;
  const single = block.length === 1 && block[0]!.length === 1;
  const height = single ? range.bottom - range.top + 1 : block.length;
  for (let r = 0; r < height; r++) {
    const values = single ? Array(range.right - range.left + 1).fill(block[0]![0]) : block[r]!;
    values.forEach((raw: string, c: number) => {
      const row = range.top + r;
      const col = range.left + c;
      if (row >= bounds.rows || col >= bounds.cols) dropped += 1;
      else cells.push({ row, col, raw });
    });
  }
  return { cells, dropped };
}
