/**
 * Incremental RFC 4180 tokenizer that knows which spreadsheet line each record starts
 * on. Generic CSV parsers count records, not lines, so a quoted field spanning lines
 * would shift every later row number; here line breaks (CRLF, LF or a lone CR) are
 * counted inside quotes too. Text can arrive in chunks of any size, split anywhere.
 * The delimiter is configurable because suppliers' exports use whatever their locale's
 * spreadsheet writes: ";" where "," is the decimal separator, tabs from ERP reports.
 */

export type CsvDelimiter = ',' | ';' | '\t';
export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

export interface CsvTokenizerOptions {
  /** Field separator; default ",". */
  delimiter?: CsvDelimiter;
}

export interface CsvTokenSink {
  /** A complete record; `line` is the line it starts on (1-based). Blank lines arrive as `['']`. */
  record(line: number, fields: string[]): void;
  /** A record that cannot be split into fields reliably; the tokenizer resumes at the next record. */
  badRecord(line: number, fieldIndex: number, message: string): void;
  /** The rest of the input cannot be read; nothing more is reported. */
  fatal(line: number, fieldIndex: number | null, message: string): void;
}

export const NOT_TEXT_MESSAGE = 'not a text CSV file (it contains NUL bytes or invalid UTF-8; save it as "CSV UTF-8")';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const BOM = 0xfeff;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3; // a quote inside a quoted field: closes it, or starts a doubled quote

export class CsvTokenizer {
  private state = FIELD_START;
  private line = 1;
  private recordLine = 1;
  private inRecord = false;
  private afterCR = false;
  private started = false;
  private finished = false;
  private fields: string[] = [];
  /** Text of the current field carried over from earlier chunks. */
  private field = '';
  private quoteLine = 1;
  private problem: { fieldIndex: number; message: string } | null = null;

  private readonly delimiter: number;

  constructor(
    private readonly sink: CsvTokenSink,
    opts: CsvTokenizerOptions = {},
  ) {
    this.delimiter = (opts.delimiter ?? ',').charCodeAt(0);
  }

  push(chunk: string): void {
    if (this.finished) return;
    const delimiter = this.delimiter;
    let i = 0;
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === BOM) i = 1;
    }
    // The first character that makes the input unreadable: everything before it is read as
    // usual, then reading stops. Two native searches beat a test on every character.
    const nul = chunk.indexOf('\u0000', i);
    const replacement = chunk.indexOf('\uFFFD', i);
    const unreadable = nul < 0 ? replacement : replacement < 0 ? nul : Math.min(nul, replacement);
    const stop = unreadable < 0 ? chunk.length : unreadable;
    // Fields are sliced out of the chunk rather than built char by char: big files stay fast.
    let segStart = i;
    scan: for (; i < stop; i++) {
      let c = chunk.charCodeAt(i);
      // Most characters are plain field text: skip them without the state machine. (Outside
      // quotes no CR can be pending; inside, a pending CR must first meet its possible LF.)
      if (this.state === UNQUOTED) {
        while (c !== delimiter && c !== CR && c !== LF) {
          if (++i === stop) break scan;
          c = chunk.charCodeAt(i);
        }
      } else if (this.state === QUOTED && !this.afterCR) {
        while (c !== QUOTE && c !== CR && c !== LF) {
          if (++i === stop) break scan;
          c = chunk.charCodeAt(i);
        }
      }
      if (this.afterCR) {
        this.afterCR = false;
        // The LF of a CRLF: the CR already counted the line (and ended the record, unless quoted).
        if (c === LF) continue;
      }
      this.afterCR = c === CR;
      const isBreak = c === CR || c === LF;
      if (!this.inRecord) {
        this.inRecord = true;
        this.recordLine = this.line;
      }
      switch (this.state) {
        case FIELD_START:
          if (c === QUOTE) {
            this.state = QUOTED;
            this.quoteLine = this.line;
            segStart = i + 1;
          } else if (c === delimiter) {
            this.fields.push('');
          } else if (isBreak) {
            this.endRecord('');
          } else {
            this.state = UNQUOTED;
            segStart = i;
          }
          break;
        case UNQUOTED:
          // A stray quote inside an unquoted field is kept as text, as spreadsheets do.
          if (c === delimiter) {
            this.fields.push(this.field + chunk.slice(segStart, i));
            this.field = '';
            this.state = FIELD_START;
          } else if (isBreak) {
            this.endRecord(this.field + chunk.slice(segStart, i));
          }
          break;
        case QUOTED:
          if (c === QUOTE) {
            this.field += chunk.slice(segStart, i);
            this.state = QUOTE_IN_QUOTED;
          } else if (isBreak) {
            this.line++;
          }
          break;
        case QUOTE_IN_QUOTED:
          if (c === QUOTE) {
            this.state = QUOTED;
            segStart = i; // keep one quote of the pair
          } else if (c === delimiter) {
            this.fields.push(this.field);
            this.field = '';
            this.state = FIELD_START;
          } else if (isBreak) {
            this.endRecord(this.field);
          } else {
            this.problem ??= {
              fieldIndex: this.fields.length,
              message: 'unexpected text after a closing quote (a quote inside a quoted field must be doubled: "")',
            };
            this.state = UNQUOTED;
            segStart = i;
          }
          break;
      }
    }
    if (unreadable >= 0) {
      this.finished = true;
      this.sink.fatal(this.line, null, NOT_TEXT_MESSAGE);
      return;
    }
    if (this.state === UNQUOTED || this.state === QUOTED) this.field += chunk.slice(segStart);
  }

  end(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.state === QUOTED) {
      this.sink.fatal(this.quoteLine, this.fields.length, 'unterminated quoted field: the quote opened on this row is never closed');
    } else if (this.inRecord) {
      this.endRecord(this.field, false);
    }
  }

  /** Ends the current record at a line break (or, with `atBreak` false, at end of input). */
  private endRecord(lastField: string, atBreak = true): void {
    this.fields.push(lastField);
    if (this.problem) this.sink.badRecord(this.recordLine, this.problem.fieldIndex, this.problem.message);
    else this.sink.record(this.recordLine, this.fields);
    this.fields = [];
    this.field = '';
    this.problem = null;
    this.inRecord = false;
    this.state = FIELD_START;
    if (atBreak) this.line++;
  }
}
