// Public entry of canonical CSV handling; the tokenizer and parser class are internals.
export { DEFAULT_MAX_ERRORS, type CsvOptions, type NumberedRow } from './canonical-parser';
export { CsvImportError, formatRowError, formatRowErrors, type RowError } from './errors';
export { parseCanonicalCsv, parseNumberedCanonicalCsv, type CanonicalCsvResult } from './parse';
export { createCanonicalRowStream, DEFAULT_BATCH_SIZE, type CanonicalRowStream } from './stream';
export { escapeCsvCell, formatCanonicalCsv, formatCsvLine, unescapeCsvCell } from './write';
