import type { CanonicalRow, ImportKind } from '@/lib/validation/import-kinds';
import { CanonicalCsvParser, type CsvOptions, type NumberedRow } from './canonical-parser';
import type { RowError } from './errors';

export const DEFAULT_BATCH_SIZE = 5_000;

export interface CanonicalRowStream<K extends ImportKind> extends AsyncIterable<NumberedRow<CanonicalRow<K>>[]> {
  readonly file: string;
  /** Errors so far; complete once iteration has finished. Any error means the file is refused. */
  readonly errors: readonly RowError[];
  readonly errorCount: number;
  readonly rowCount: number;
  readonly message: string | null;
}

/**
 * Validates a canonical CSV file as it is read (a Node `Readable`, a web stream, any
 * async iterable of text or bytes) and yields valid rows, each with its row number,
 * in batches of at most `batchSize`: a 200,000-line file is staged without ever being
 * held as objects. The caller commits only if `errorCount` is 0 after the last batch;
 * iteration stops early (releasing the source) when the file turns out to be unreadable.
 */
export function createCanonicalRowStream<K extends ImportKind>(
  kind: K,
  source: AsyncIterable<string | Uint8Array>,
  opts: CsvOptions & { batchSize?: number } = {},
): CanonicalRowStream<K> {
  const parser = new CanonicalCsvParser(kind, opts);
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;

  async function* batches(): AsyncGenerator<NumberedRow<CanonicalRow<K>>[]> {
    // Multi-byte characters may straddle chunks: one streaming decoder for the whole file.
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    let batch: NumberedRow<CanonicalRow<K>>[] = [];
    // Batches never exceed batchSize: callers size bulk inserts (bind-parameter limits) by it.
    function* add(rows: NumberedRow<CanonicalRow<K>>[]) {
      for (const row of rows) {
        batch.push(row);
        if (batch.length === batchSize) {
          yield batch;
          batch = [];
        }
      }
    }
    for await (const chunk of source) {
      const text = typeof chunk === 'string' ? decoder.decode() + chunk : decoder.decode(chunk, { stream: true });
      yield* add(parser.push(text));
      if (parser.fatal) break;
    }
    yield* add(parser.push(decoder.decode()));
    yield* add(parser.end());
    if (batch.length > 0) yield batch;
  }

  const iterable = batches();
  return {
    file: parser.file,
    [Symbol.asyncIterator]: () => iterable,
    get errors() {
      return parser.errors;
    },
    get errorCount() {
      return parser.errorCount;
    },
    get rowCount() {
      return parser.rowCount;
    },
    get message() {
      return parser.message;
    },
  };
}
