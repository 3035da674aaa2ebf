/** A problem in an imported file. `row` is the spreadsheet line number: the header is row 1. */
export interface RowError {
  row: number;
  /** Canonical column name (or the header text, for a header problem); null when the whole row is at fault. */
  column: string | null;
  message: string;
}

/** How many errors a summary message spells out before "…and N more". */
export const ERRORS_IN_MESSAGE = 5;

export function formatRowError(file: string, error: RowError): string {
  const column = error.column === null ? '' : `, column ${error.column}`;
  return `${file}: row ${error.row}${column}: ${error.message}`;
}

/**
 * One line per error, the first few only: people fix files a handful of errors at a time.
 * `total` counts errors beyond those collected (collection is capped).
 */
export function formatRowErrors(file: string, errors: readonly RowError[], total = errors.length): string {
  const shown = errors.slice(0, ERRORS_IN_MESSAGE).map((error) => formatRowError(file, error));
  const more = total - shown.length;
  if (more > 0) shown.push(`…and ${more} more`);
  return shown.join('\n');
}

/** Thrown by callers that refuse a file with any bad row (the import is all or nothing). */
export class CsvImportError extends Error {
  override readonly name = 'CsvImportError';

  constructor(
    readonly file: string,
    readonly errors: RowError[],
    readonly errorCount = errors.length,
  ) {
    super(formatRowErrors(file, errors, errorCount));
  }
}
