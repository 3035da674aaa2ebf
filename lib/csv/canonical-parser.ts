import { getImportSpec, type CanonicalRow, type ImportKind } from '@/lib/validation/import-kinds';
import type { ImportSpec } from '@/lib/validation/import-spec';
import { formatRowErrors, type RowError } from './errors';
import { CsvTokenizer } from './tokenizer';
import { unescapeCsvCell } from './write';

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

/**
 * Validates a canonical CSV file fed in chunks: header first, then each row against the
 * kind's schema and against the keys already seen. Holds only the keys (for duplicate
 * detection), never the rows it has handed back.
 */
export class CanonicalCsvParser<K extends ImportKind> {
  readonly file: string;
  readonly errors: RowError[] = [];
  /** All errors, including those past `maxErrors`. */
  errorCount = 0;
  /** Non-blank data rows seen, valid or not. */
  rowCount = 0;
  /** Set by an error after which no further row can be trusted (header, binary, unterminated quote). */
  fatal = false;

  private readonly spec: ImportSpec<CanonicalRow<K>>;
  private readonly maxErrors: number;
  private readonly tokenizer: CsvTokenizer;
  private readonly firstRowOfKey = new Map<string, number>();
  private readonly columnOfField = new Map<string, string>();
  /** Field (camelCase) of each header position; null until the header is read. */
  private headerFields: string[] | null = null;
  private headerLine = 1;
  private pending: NumberedRow<CanonicalRow<K>>[] = [];

  constructor(kind: K, opts: CsvOptions = {}) {
    this.spec = getImportSpec(kind);
    this.file = opts.file ?? `${kind}.csv`;
    this.maxErrors = opts.maxErrors ?? DEFAULT_MAX_ERRORS;
    for (const [column, field] of Object.entries(this.spec.fieldOf)) this.columnOfField.set(field, column);
    this.tokenizer = new CsvTokenizer({
      record: (line, fields) => this.onRecord(line, fields),
      badRecord: (line, fieldIndex, message) => {
        if (this.fatal) return;
        if (this.headerFields) {
          this.rowCount++;
          this.error(line, this.columnAt(fieldIndex), message);
        } else this.fail(line, null, message); // a header we cannot read leaves nothing to check rows against
      },
      fatal: (line, fieldIndex, message) => {
        if (!this.fatal) this.fail(line, fieldIndex === null ? null : this.columnAt(fieldIndex), message);
      },
    });
  }

  /** Feeds text; returns the valid rows completed by it. */
  push(text: string): NumberedRow<CanonicalRow<K>>[] {
    this.tokenizer.push(text);
    return this.takeRows();
  }

  /** Ends the input; returns the last valid rows. */
  end(): NumberedRow<CanonicalRow<K>>[] {
    this.tokenizer.end();
    if (!this.fatal && this.headerFields === null) this.error(1, null, 'file is empty');
    else if (!this.fatal && this.rowCount === 0) this.error(this.headerLine, null, 'file has no data rows');
    return this.takeRows();
  }

  /** The summary people read, or null when the file is clean. */
  get message(): string | null {
    return this.errorCount === 0 ? null : formatRowErrors(this.file, this.errors, this.errorCount);
  }

  private takeRows(): NumberedRow<CanonicalRow<K>>[] {
    const rows = this.pending;
    this.pending = [];
    return rows;
  }

  private onRecord(line: number, fields: string[]): void {
    if (this.fatal) return;
    // Blank lines, and rows of empty cells that spreadsheets leave below the data, carry nothing.
    if (fields.every((field) => field.trim() === '')) return;
    if (this.headerFields === null) this.readHeader(line, fields);
    else this.readRow(line, fields);
  }

  private readHeader(line: number, fields: string[]): void {
    this.headerLine = line;
    const errorsBefore = this.errorCount;
    const names = fields.map((field) => field.trim());
    const firstPosition = new Map<string, number>();
    names.forEach((name, i) => {
      if (name === '') return this.error(line, null, `column ${i + 1} has no name`);
      const first = firstPosition.get(name);
      if (first !== undefined) return this.error(line, name, `duplicate column (columns ${first + 1} and ${i + 1})`);
      firstPosition.set(name, i);
      if (!(this.spec.columns as readonly string[]).includes(name)) this.error(line, name, this.unknownColumnMessage(name));
    });
    for (const column of this.spec.required) {
      if (!firstPosition.has(column)) this.error(line, column, 'required column is missing');
    }
    if (this.errorCount > errorsBefore) {
      this.fatal = true;
      return;
    }
    this.headerFields = names.map((name) => this.spec.fieldOf[name] ?? name);
  }

  private unknownColumnMessage(name: string): string {
    // Catch "SKU", "On Hand", "po-number": same column, different spelling.
    const normalised = name.toLowerCase().replace(/[\s-]+/g, '_');
    const match = this.spec.columns.find((column) => column === normalised);
    return match
      ? `unknown column; did you mean "${match}"?`
      : `unknown column; expected ${this.spec.columns.join(', ')}`;
  }

  private readRow(line: number, fields: string[]): void {
    this.rowCount++;
    const headerFields = this.headerFields ?? [];
    if (fields.length !== headerFields.length) {
      return this.error(line, null, `has ${fields.length} fields but the header has ${headerFields.length}`);
    }
    const input: Record<string, string> = {};
    headerFields.forEach((field, i) => {
      input[field] = unescapeCsvCell(fields[i] ?? '');
    });
    const result = this.spec.schema.safeParse(input);
    if (!result.success) {
      // One message per cell: the first rule it breaks is the one to fix.
      const reported = new Set<PropertyKey | undefined>();
      for (const issue of result.error.issues) {
        const field = issue.path[0];
        if (reported.has(field)) continue;
        reported.add(field);
        this.error(line, typeof field === 'string' ? (this.columnOfField.get(field) ?? field) : null, issue.message);
      }
      return;
    }
    const row = result.data;
    const key = this.spec.rowKey(row);
    const firstRow = this.firstRowOfKey.get(key);
    if (firstRow !== undefined) {
      return this.error(line, null, `duplicate key ${this.spec.describeKey(row)} (first on row ${firstRow})`);
    }
    this.firstRowOfKey.set(key, line);
    this.pending.push({ row: line, value: row });
  }

  private columnAt(fieldIndex: number): string | null {
    const field = this.headerFields?.[fieldIndex];
    return field === undefined ? null : (this.columnOfField.get(field) ?? null);
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
