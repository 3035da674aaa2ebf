import { DEMO_CSV_COLUMNS, DEMO_CSV_KINDS, type CsvRow, type DemoCsvKind, type DemoData } from './types';

/** Quotes a cell when a reader could otherwise split or trim it (RFC 4180 style). */
export function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toCsv(columns: readonly string[], rows: readonly CsvRow[]): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c] ?? '')).join(','));
  return `${lines.join('\n')}\n`;
}

/** Canonical CSV text for each file kind: header row, then one line per row. */
export function demoToCsv(data: DemoData): Record<DemoCsvKind, string> {
  const out = {} as Record<DemoCsvKind, string>;
  for (const kind of DEMO_CSV_KINDS) out[kind] = toCsv(DEMO_CSV_COLUMNS[kind], data[kind]);
  return out;
}
