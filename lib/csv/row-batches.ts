import type { NumberedRow } from './import-parser';

export const DEFAULT_BATCH_SIZE = 5_000;

/** A parser fed text in pieces, as `CsvImportParser` is. */
export interface IncrementalRowParser<R> {
  push(text: string): NumberedRow<R>[];
  end(): NumberedRow<R>[];
  readonly fatal: boolean;
}

/**
 * Text of a byte or text source, decoded with one streaming decoder for the whole file:
 * multi-byte characters may straddle chunks.
 */
export async function* decodeChunks(
  source: AsyncIterable<string | Uint8Array>,
  decoder: { decode(input?: Uint8Array, options?: { stream?: boolean }): string },
): AsyncGenerator<string> {
  for await (const chunk of source) {
    yield typeof chunk === 'string' ? decoder.decode() + chunk : decoder.decode(chunk, { stream: true });
  }
  yield decoder.decode();
}

/**
 * Feeds text to the parser and yields its valid rows in batches of at most `batchSize`
 * (callers size bulk inserts, and so bind-parameter counts, by it). Stops reading, which
 * releases the source, as soon as the file turns out to be unreadable.
 */
export async function* parseInBatches<R>(
  parser: IncrementalRowParser<R>,
  texts: AsyncIterable<string>,
  batchSize = DEFAULT_BATCH_SIZE,
): AsyncGenerator<NumberedRow<R>[]> {
  let batch: NumberedRow<R>[] = [];
  function* add(rows: NumberedRow<R>[]) {
    for (const row of rows) {
      batch.push(row);
      if (batch.length === batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  for await (const text of texts) {
    yield* add(parser.push(text));
    if (parser.fatal) break;
  }
  yield* add(parser.end());
  if (batch.length > 0) yield batch;
}
