import type { CanonicalRow, ImportKind } from '@/lib/validation/import-kinds';
import { CanonicalCsvParser, type CsvOptions, type NumberedRow } from './canonical-parser';
import type { RowError } from './errors';

export interface CanonicalCsvResult<R> {
  /** The rows that passed; a file with any error must still be refused whole. */
  rows: R[];
  /** The first `maxErrors` errors, in file order. */
  errors: RowError[];
  errorCount: number;
  /** `errors` formatted for people ("<file>: row 7, column qty: …"), or null when there are none. */
  message: string | null;
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true }); // the tokenizer strips the BOM itself

/**
 * Parses and validates a whole canonical CSV file, each row with its spreadsheet row
 * number. Bytes are decoded as UTF-8 here so that invalid sequences are reported ("not
 * a text CSV file") instead of silently replaced, as `Request.text()` would.
 */
export function parseNumberedCanonicalCsv<K extends ImportKind>(
  kind: K,
  input: string | Uint8Array,
  opts: CsvOptions = {},
): CanonicalCsvResult<NumberedRow<CanonicalRow<K>>> {
  const parser = new CanonicalCsvParser(kind, opts);
  const rows = parser.push(typeof input === 'string' ? input : decoder.decode(input));
  for (const row of parser.end()) rows.push(row);
  return { rows, errors: parser.errors, errorCount: parser.errorCount, message: parser.message };
}

/** Parses and validates a whole canonical CSV file. */
export function parseCanonicalCsv<K extends ImportKind>(
  kind: K,
  input: string | Uint8Array,
  opts: CsvOptions = {},
): CanonicalCsvResult<CanonicalRow<K>> {
  const result = parseNumberedCanonicalCsv(kind, input, opts);
  return { ...result, rows: result.rows.map((row) => row.value) };
}
