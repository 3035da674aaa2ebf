import { compileFastParse } from '@/lib/validation/fast-parse';
import { getImportSpec, type CanonicalRow, type ImportKind } from '@/lib/validation/import-kinds';
import type { ImportSpec } from '@/lib/validation/import-spec';
import { formatRowErrors, type RowError } from './errors';
import { KeyIndex } from './key-index';
import { CsvTokenizer, NOT_TEXT_MESSAGE, type CsvDelimiter } from './tokenizer';

export const DEFAULT_MAX_ERRORS = 1_000;

/** A valid row with the spreadsheet row it came from, so later checks (unknown SKU…) can name it. */
export interface NumberedRow<R> {
  row: number;
  value: R;
}

export interface CsvOptions {
  /** Name used in messages; defaults to `<kind>.csv`. */
  file?: string;
  /** Errors kept beyond this are only counted (`errorCount`). */
  maxErrors?: number;
}

/** Something wrong with a column; `column` is the name the person sees in their file. */
export interface ColumnProblem {
  column: string | null;
  message: string;
}

/**
 * How the rows under a header become schema input. The canonical format and a supplier's
 * mapped format differ only here: which cell feeds which schema field, how cells are
 * converted, and which column an error should name.
 */
export interface RowLayout {
  /** Number of fields every row must have: the header's. */
  readonly width: number;
  /** Tolerate extra trailing fields when they are blank: spreadsheets pad every row to the widest one. */
  readonly allowBlankOverflow?: boolean;
  /**
   * Schema input (schema field → cell text) for one row. A cell that cannot be converted is
   * reported through `fail` and left out, so the schema still checks the other cells.
   */
  read(fields: readonly string[], fail: (field: string, column: string | null, message: string) => void): Record<string, string>;
  /** Where a schema issue on `field` points. `fatal` when it would recur on every row (a mapping constant). */
  locate(field: string, message: string): ColumnProblem & { fatal?: boolean };
  /** The column to name for a tokenizer problem at a field position. */
  columnAt(index: number): string | null;
}

/** Reads the (trimmed) header names into a layout, or says why the rows cannot be read. */
export type HeaderReader = (names: string[]) => RowLayout | ColumnProblem[];

export interface CsvImportParserOptions extends CsvOptions {
  readHeader: HeaderReader;
  delimiter?: CsvDelimiter;
  /** Spreadsheet line of the header; lines above it are a preamble and skipped. Null: the first non-blank line. */
  headerRow?: number | null;
  /** Report repeated keys (default true). Off when the caller checks them itself, e.g. in SQL, instead of holding every key. */
  checkDuplicateKeys?: boolean;
  /** Replaces the tokenizer's "not a text CSV file" message, to give advice that fits the caller. */
  notTextMessage?: string;
}

function isBlankRecord(fields: readonly string[]): boolean {
  for (const field of fields) if (field.trim() !== '') return false;
  return true;
}

/**
 * Validates a CSV file fed in chunks: header first, then each row through the layout and the
 * kind's schema, and against the keys already seen. Holds only the keys (for duplicate
 * detection), never the rows it has handed back.
 */
export class CsvImportParser<K extends ImportKind> {
  readonly file: string;
  readonly errors: RowError[] = [];
  /** All errors, including those past `maxErrors`. */
  errorCount = 0;
  /** Non-blank data rows seen, valid or not. */
  rowCount = 0;
  /** Set by an error after which no further row can be trusted (header, binary, unterminated quote). */
  fatal = false;
  /** Line of the header, once read. */
  headerLine = 1;
  /** The header's names (trimmed), once read. */
  headers: string[] | null = null;

  private readonly spec: ImportSpec<CanonicalRow<K>>;
  private readonly fastParse: ((input: Record<string, string | undefined>) => CanonicalRow<K> | undefined) | null;
  private readonly maxErrors: number;
  private readonly tokenizer: CsvTokenizer;
  private readonly readHeader: HeaderReader;
  private readonly headerRow: number | null;
  private readonly firstRowOfKey: KeyIndex | null;
  private readonly notTextMessage: string;
  private layout: RowLayout | null = null;
  private sawRecord = false;
  private pending: NumberedRow<CanonicalRow<K>>[] = [];
  /** Schema fields of the current row that the layout already reported: the schema's "required" for them is noise. */
  private failedFields: string[] | null = null;
  private readonly failCell = (field: string, column: string | null, message: string) => {
    (this.failedFields ??= []).push(field);
    this.error(this.currentLine, column, message);
  };
  private currentLine = 0;

  constructor(kind: K, opts: CsvImportParserOptions) {
    this.spec = getImportSpec(kind);
    this.fastParse = compileFastParse(this.spec.schema);
    this.file = opts.file ?? `${kind}.csv`;
    this.maxErrors = opts.maxErrors ?? DEFAULT_MAX_ERRORS;
    this.readHeader = opts.readHeader;
    this.headerRow = opts.headerRow ?? null;
    this.firstRowOfKey = opts.checkDuplicateKeys === false ? null : new KeyIndex();
    this.notTextMessage = opts.notTextMessage ?? NOT_TEXT_MESSAGE;
    this.tokenizer = new CsvTokenizer(
      {
        record: (line, fields) => this.onRecord(line, fields),
        badRecord: (line, fieldIndex, message) => {
          if (this.fatal) return;
          if (this.layout) {
            this.rowCount++;
            this.error(line, this.layout.columnAt(fieldIndex), message);
          } else if (this.headerRow !== null && line < this.headerRow) {
            // Preamble text ("Ship notice for "ACME" Inc") is not CSV data; it need not be well quoted.
          } else this.fail(line, null, message); // a header we cannot read leaves nothing to check rows against
        },
        fatal: (line, fieldIndex, message) => {
          if (this.fatal) return;
          const column = fieldIndex === null ? null : (this.layout?.columnAt(fieldIndex) ?? null);
          this.fail(line, column, message === NOT_TEXT_MESSAGE ? this.notTextMessage : message);
        },
      },
      { delimiter: opts.delimiter ?? ',' },
    );
  }

  /** Feeds text; returns the valid rows completed by it. */
  push(text: string): NumberedRow<CanonicalRow<K>>[] {
    this.tokenizer.push(text);
    return this.takeRows();
  }

  /** Ends the input; returns the last valid rows. */
  end(): NumberedRow<CanonicalRow<K>>[] {
    this.tokenizer.end();
    if (this.fatal) return this.takeRows();
    if (this.layout === null) {
      if (this.headerRow !== null && this.sawRecord) {
        this.fail(this.headerRow, null, `row ${this.headerRow} should hold the column names, but the file ends before it`);
      } else if (this.headers === null) this.error(1, null, 'file is empty');
    } else if (this.rowCount === 0) this.error(this.headerLine, null, 'file has no data rows');
    return this.takeRows();
  }

  /** The summary people read, or null when the file is clean. */
  get message(): string | null {
    return this.errorCount === 0 ? null : formatRowErrors(this.file, this.errors, this.errorCount);
  }

  /** An error found outside the CSV text (the file's bytes, the mapping) that makes every row untrustworthy. */
  reportFatal(row: number, column: string | null, message: string): void {
    if (!this.fatal) this.fail(row, column, message);
  }

  private takeRows(): NumberedRow<CanonicalRow<K>>[] {
    const rows = this.pending;
    this.pending = [];
    return rows;
  }

  private onRecord(line: number, fields: string[]): void {
    if (this.fatal) return;
    this.sawRecord = true;
    if (this.layout !== null) {
      // Blank lines, and rows of empty cells that spreadsheets leave below the data, carry nothing.
      if (!isBlankRecord(fields)) this.readRow(line, fields);
      return;
    }
    if (this.headerRow === null) {
      if (!isBlankRecord(fields)) this.readHeaderAt(line, fields);
    } else if (line === this.headerRow) {
      if (isBlankRecord(fields)) this.fail(line, null, `row ${line} should hold the column names, but it is blank`);
      else this.readHeaderAt(line, fields);
    } else if (line > this.headerRow) {
      this.fail(this.headerRow, null, `row ${this.headerRow} should hold the column names, but it is inside a multi-line cell`);
    }
  }

  private readHeaderAt(line: number, fields: string[]): void {
    this.headerLine = line;
    const names = fields.map((field) => field.trim());
    this.headers = names;
    const result = this.readHeader(names);
    if (Array.isArray(result)) {
      for (const problem of result) this.error(line, problem.column, problem.message);
      this.fatal = true;
    } else this.layout = result;
  }

  private readRow(line: number, fields: string[]): void {
    this.rowCount++;
    const layout = this.layout as RowLayout;
    const width = layout.width;
    if (fields.length !== width && !(layout.allowBlankOverflow && fields.length > width && isBlankRecord(fields.slice(width)))) {
      return this.error(line, null, `has ${fields.length} fields but the header has ${width}`);
    }
    this.currentLine = line;
    this.failedFields = null;
    const input = layout.read(fields, this.failCell);
    // Valid rows (nearly all) skip zod's machinery; zod words the errors of the rest.
    const fast = this.failedFields === null && this.fastParse ? this.fastParse(input as Record<string, string | undefined>) : undefined;
    const result = fast !== undefined ? { success: true as const, data: fast } : this.spec.schema.safeParse(input);
    if (!result.success) {
      // One message per cell: the first rule it breaks is the one to fix.
      const reported = new Set<PropertyKey | undefined>(this.failedFields ?? []);
      for (const issue of result.error.issues) {
        const field = issue.path[0];
        if (reported.has(field)) continue;
        reported.add(field);
        if (typeof field !== 'string') {
          this.error(line, null, issue.message);
          continue;
        }
        const where = layout.locate(field, issue.message);
        if (where.fatal) return this.fail(this.headerLine, where.column, where.message);
        this.error(line, where.column, where.message);
      }
      return;
    }
    if (this.failedFields !== null) return;
    const row = result.data;
    if (this.firstRowOfKey !== null) {
      const firstRow = this.firstRowOfKey.firstRow(this.spec.rowKey(row), line);
      if (firstRow !== undefined) {
        return this.error(line, null, `duplicate key ${this.spec.describeKey(row)} (first on row ${firstRow})`);
      }
    }
    this.pending.push({ row: line, value: row });
  }

  private error(row: number, column: string | null, message: string): void {
    this.errorCount++;
    if (this.errors.length < this.maxErrors) this.errors.push({ row, column, message });
  }

  private fail(row: number, column: string | null, message: string): void {
    this.error(row, column, message);
    this.fatal = true;
  }
}
