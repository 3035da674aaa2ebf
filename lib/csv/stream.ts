import type { CanonicalRow, ImportKind } from '@/lib/validation/import-kinds';
import { CanonicalCsvParser, type CsvOptions, type NumberedRow } from './canonical-parser';
import type { RowError } from './errors';
import { decodeChunks, parseInBatches } from './row-batches';

export { DEFAULT_BATCH_SIZE } from './row-batches';

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
  // Not fatal: invalid bytes become U+FFFD, which the tokenizer reports with its line. The tokenizer strips the BOM.
  const texts = decodeChunks(source, new TextDecoder('utf-8', { ignoreBOM: true }));
  const iterable = parseInBatches(parser, texts, opts.batchSize);
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
