import { CsvTokenizer } from '@/lib/csv/tokenizer';
import { decoderFor, detectFileShape, suggestMapping, type FileShape, type ImportMapping } from '@/lib/mapping';
import { readHead } from '@/lib/mapping/read-head';
import type { ImportKind } from '@/lib/validation/import-kinds';
import { getImportSpec } from '@/lib/validation/import-kinds';

export interface FileInspection extends FileShape {
  /** Non-blank data rows below the header. */
  rowCount: number;
  /** The first data rows, as cells. */
  sample: string[][];
  /** The header is exactly the canonical columns: no mapping needed. */
  canonical: boolean;
  suggested: ImportMapping;
}

const SAMPLE_ROWS = 10;

/**
 * What the import page shows before any mapping: encoding, delimiter, header and
 * row count, read in one streaming pass (the file is never held whole), and a
 * mapping suggested from the header names and sample values.
 */
export async function inspectFile(kind: ImportKind, bytes: AsyncIterable<Uint8Array>): Promise<FileInspection | { error: string }> {
  const iterator = bytes[Symbol.asyncIterator]();
  const { chunks: head, head: headBytes, complete } = await readHead(iterator);
  const shape = detectFileShape(headBytes, { complete });
  if ('error' in shape) return shape;

  const sample: string[][] = [];
  let rowCount = 0;
  const tokenizer = new CsvTokenizer(
    {
      record(line, fields) {
        if (line <= shape.headerRow || fields.every((f) => f.trim() === '')) return;
        rowCount++;
        if (sample.length < SAMPLE_ROWS) sample.push(fields);
      },
      badRecord(line) {
        if (line > shape.headerRow) rowCount++;
      },
      fatal() {},
    },
    { delimiter: shape.delimiter },
  );
  const decoder = decoderFor(shape.encoding);
  for (const chunk of head) tokenizer.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) tokenizer.push(decoder.decode(next.value, { stream: true }));
  tokenizer.push(decoder.decode());
  tokenizer.end();

  const columns = getImportSpec(kind).columns as readonly string[];
  const canonical = shape.headers.every((h) => columns.includes(h)) && getImportSpec(kind).required.every((c) => shape.headers.includes(c));
  return { ...shape, rowCount, sample, canonical, suggested: suggestMapping(kind, shape.headers, sample) };
}
