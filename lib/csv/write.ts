import { getImportSpec, type CanonicalRow, type ImportKind } from '@/lib/validation/import-kinds';

// A spreadsheet treats a cell starting with one of these as a formula (CSV injection).
// Leading apostrophes are included so the escaping below stays reversible.
const FORMULA_START_RE = /^'*[=+\-@\t\r]/;
const NEEDS_QUOTES_RE = /[",\r\n]/;

/**
 * One cell for a CSV export: a value that a spreadsheet would run as a formula gets a
 * leading `'` (shown as text, not evaluated), then the cell is quoted when it holds a
 * comma, quote or line break.
 */
export function escapeCsvCell(value: string): string {
  const text = FORMULA_START_RE.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES_RE.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The inverse of the formula guard in `escapeCsvCell`, applied to every imported cell:
 * an exported file re-imports unchanged. Any other cell, `=SUM(A1)` included, is kept
 * as literal text.
 */
export function unescapeCsvCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START_RE.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export function formatCsvLine(cells: readonly string[]): string {
  return `${cells.map(escapeCsvCell).join(',')}\r\n`;
}

/** A canonical file (header + rows, CRLF line ends as spreadsheets write them) for export or templates. */
export function formatCanonicalCsv<K extends ImportKind>(kind: K, rows: Iterable<CanonicalRow<K>>): string {
  const spec = getImportSpec(kind);
  const fields = Object.values(spec.fieldOf); // same order as spec.columns
  const lines = [formatCsvLine(spec.columns)];
  for (const row of rows) lines.push(formatCsvLine(fields.map((field) => String(row[field] ?? ''))));
  return lines.join('');
}
