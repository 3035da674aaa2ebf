import { CsvTokenizer, CSV_DELIMITERS, type CsvDelimiter } from '@/lib/csv/tokenizer';
import type { FileEncoding } from './mapping';
import { windows1252Decoder, type StreamDecoder } from './windows-1252';

/** What a supplier's file looks like, read from its first bytes, before any mapping applies. */
export interface FileShape {
  encoding: FileEncoding;
  delimiter: CsvDelimiter;
  /** 1-based spreadsheet line of the header. */
  headerRow: number;
  /** The header's names, trimmed. */
  headers: string[];
}

/** How much of a file detection reads: enough for a preamble, a header and dozens of rows. */
export const DETECT_HEAD_BYTES = 64 * 1024;

export interface DetectOptions {
  /** `head` is the whole file, so a multi-byte character cut at its end is an error, not a cut. */
  complete?: boolean;
  // A mapping's overrides: what the person has said about the file is not guessed again.
  encoding?: FileEncoding;
  delimiter?: CsvDelimiter;
  headerRow?: number;
}

export const NOT_TEXT_FILE = 'not a text CSV file (it contains NUL bytes or other binary data: is it an Excel workbook? Save it as CSV)';
const UTF16_FILE = 'not a text CSV file this import can read (it is UTF-16: save it as "CSV UTF-8")';
const EMPTY_FILE = 'file is empty';

/** Records sampled for the delimiter and header: more only costs time. */
const SAMPLE_RECORDS = 200;

/**
 * A streaming decoder for the encoding, dropping a leading byte-order mark. Windows-1252
 * is what Excel writes for "CSV" on Western European Windows; every byte decodes, so
 * such files are never refused as binary.
 */
export function decoderFor(encoding: FileEncoding): StreamDecoder {
  // Not fatal for UTF-8: invalid bytes become U+FFFD, which the tokenizer reports with its line.
  return encoding === 'windows-1252' ? windows1252Decoder() : new TextDecoder('utf-8');
}

/** Length of `bytes` without a UTF-8 sequence cut short at the end (the head may end mid-character). */
function withoutCutCharacter(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const byte = bytes[bytes.length - back] as number;
    if (byte < 0x80) return bytes.length; // ASCII: nothing cut
    if (byte >= 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return needed > back ? bytes.length - back : bytes.length;
    }
  }
  return bytes.length;
}

function isUtf8(bytes: Uint8Array, complete: boolean): boolean {
  const end = complete ? bytes.length : withoutCutCharacter(bytes);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** Control bytes no text file has (all but tab, line feed, form feed, carriage return and Ctrl-Z). */
function looksBinary(bytes: Uint8Array): boolean {
  let controls = 0;
  for (const byte of bytes) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1a) controls++;
  }
  return controls > Math.max(2, bytes.length / 100);
}

interface Sample {
  line: number;
  /** Null for a record the tokenizer could not split (bad quoting). */
  fields: string[] | null;
}

function sampleRecords(text: string, delimiter: CsvDelimiter): Sample[] {
  const samples: Sample[] = [];
  const tokenizer = new CsvTokenizer(
    {
      record: (line, fields) => {
        if (samples.length < SAMPLE_RECORDS) samples.push({ line, fields });
      },
      badRecord: (line) => {
        if (samples.length < SAMPLE_RECORDS) samples.push({ line, fields: null });
      },
      fatal: () => {}, // a quoted field cut at the end of the head
    },
    { delimiter },
  );
  tokenizer.push(text);
  tokenizer.end();
  return samples.filter((sample) => sample.fields === null || sample.fields.some((field) => field.trim() !== ''));
}

/** The most frequent field count (the larger on a tie) and how many records have it. */
function modalWidth(samples: Sample[]): { width: number; count: number } {
  const frequency = new Map<number, number>();
  for (const { fields } of samples) if (fields) frequency.set(fields.length, (frequency.get(fields.length) ?? 0) + 1);
  let best = { width: 0, count: 0 };
  for (const [width, count] of frequency) {
    if (count > best.count || (count === best.count && width > best.width)) best = { width, count };
  }
  return best;
}

const NUMBER_LIKE = /^[-+]?[\d.,'\s\u00a0\u202f\u2019]*\d[\d.,'\s\u00a0\u202f\u2019]*-?%?$/;
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T].*)?$/;

function nonBlankCount(fields: string[]): number {
  return fields.filter((field) => field.trim() !== '').length;
}

/** Names, not data: most non-blank cells are neither numbers nor dates. */
function looksLikeNames(fields: string[]): boolean {
  const cells = fields.map((field) => field.trim()).filter((cell) => cell !== '');
  const names = cells.filter((cell) => !NUMBER_LIKE.test(cell) && !DATE_LIKE.test(cell)).length;
  return cells.length > 0 && names * 2 >= cells.length;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
}

/**
 * The header: the first record as wide as the body whose cells are mostly names, and no
 * sparser than the body's rows. A preamble ("Ship notice from ACME", "Report date:;
 * 2026-03-02;;;") is narrower, or padded to the body's width with blanks, so it is skipped.
 */
function findHeader(samples: Sample[], width: number): Sample | undefined {
  const body = samples.filter((sample) => sample.fields?.length === width);
  const found = body.find((sample, i) => {
    const fields = sample.fields as string[];
    const below = body.slice(i + 1).map((row) => nonBlankCount(row.fields as string[]));
    return looksLikeNames(fields) && nonBlankCount(fields) >= median(below);
  });
  return found ?? body[0] ?? samples.find((sample) => sample.fields !== null);
}

/**
 * Encoding, delimiter and header row of a supplier's file from its first bytes (at most
 * `DETECT_HEAD_BYTES`). The delimiter is the candidate that splits the most records
 * into the same number (more than one) of fields, quotes respected; a preamble above
 * the header is allowed for.
 */
export function detectFileShape(head: Uint8Array, opts: DetectOptions = {}): FileShape | { error: string } {
  const complete = opts.complete ?? false;
  if (head.length === 0) return { error: EMPTY_FILE };
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return { error: UTF16_FILE };
  if (looksBinary(head)) return { error: NOT_TEXT_FILE };

  const hasBom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const encoding: FileEncoding = opts.encoding ?? (hasBom ? 'utf-8-bom' : isUtf8(head, complete) ? 'utf-8' : 'windows-1252');
  // Streaming decode holds back a character cut at the end instead of turning it into U+FFFD.
  let text = decoderFor(encoding).decode(head, { stream: !complete });
  if (!complete) {
    // The last line is probably cut short: it would look ragged.
    const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    if (lastBreak > 0) text = text.slice(0, lastBreak + 1);
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') return { error: EMPTY_FILE };

  let best: { delimiter: CsvDelimiter; samples: Sample[]; width: number; count: number } | null = null;
  for (const delimiter of opts.delimiter ? [opts.delimiter] : CSV_DELIMITERS) {
    const samples = sampleRecords(text, delimiter);
    const { width, count } = modalWidth(samples);
    if (opts.delimiter === undefined && width < 2) continue;
    if (best === null || count > best.count || (count === best.count && width > best.width)) best = { delimiter, samples, width, count };
  }
  // No candidate splits anything: a one-column file, read as comma-separated.
  best ??= { delimiter: ',', samples: sampleRecords(text, ','), width: 1, count: 0 };

  if (best.samples.length === 0) return { error: EMPTY_FILE };
  let header: Sample | undefined;
  if (opts.headerRow !== undefined) {
    header = best.samples.find((sample) => sample.line === opts.headerRow);
    if (!header) return { error: `row ${opts.headerRow} should hold the column names, but it is blank or not among the first rows of the file` };
  } else header = findHeader(best.samples, best.width);
  if (!header?.fields) return { error: `row ${header?.line ?? 1} should hold the column names, but its quotes are unbalanced` };

  return { encoding, delimiter: best.delimiter, headerRow: header.line, headers: header.fields.map((field) => field.trim()) };
}
