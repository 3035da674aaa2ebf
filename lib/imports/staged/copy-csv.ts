import type { Cell } from './types';

// COPY's CSV format reads an unquoted empty field as NULL and `\.` as end of data:
// quote anything that could be mistaken for either, or that holds a separator.
const NEEDS_QUOTES = /[",\r\n\\]/;

export function copyCell(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : value;
  if (text === '' || NEEDS_QUOTES.test(text)) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

/** One COPY line: the row number, then the row's cells. */
export function copyLine(rowNo: number, cells: readonly Cell[]): string {
  let line = String(rowNo);
  for (let i = 0; i < cells.length; i++) line += `,${copyCell(cells[i]!)}`;
  return `${line}\n`;
}
