import { CanonicalCsvParser } from '@/lib/csv/canonical-parser';
import { CsvImportParser } from '@/lib/csv/import-parser';
import { decodeChunks, parseInBatches } from '@/lib/csv/row-batches';
import type { CanonicalRowStream } from '@/lib/csv/stream';
import type { ImportKind } from '@/lib/validation/import-kinds';
import { decoderFor, detectFileShape, type FileShape } from './detect';
import type { ImportMapping } from './mapping';
import { mappedHeaderReader } from './mapped-layout';
import { readHead } from './read-head';

export interface ImportRowStreamOptions {
  /** Name used in messages; defaults to `<kind>.csv`. */
  file?: string;
  /** The supplier's saved mapping; without one the file must be in the canonical format. */
  mapping?: ImportMapping | null;
  batchSize?: number;
  maxErrors?: number;
  /** Report keys repeated inside the file (default true). Turn off when the caller checks keys itself (in SQL) rather than hold a million of them here. */
  checkDuplicateKeys?: boolean;
}

export interface ImportRowStream<K extends ImportKind> extends CanonicalRowStream<K> {
  /** Encoding, delimiter and header of the file; known once the first batch (or the end) is reached, null if unreadable. */
  readonly shape: FileShape | null;
}

type Source = AsyncIterable<Uint8Array | string>;

const NOT_UTF8_LATER =
  'not a text CSV file (it contains NUL bytes, or bytes that are not UTF-8 although the start of the file was: if it was saved as Windows-1252, set the encoding to windows-1252 in the mapping)';
const NUL_IN_FILE = 'not a text CSV file (it contains NUL bytes)';

async function* replay(chunks: (Uint8Array | string)[], iterator: AsyncIterator<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
  try {
    yield* chunks;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // Stopping early (an unreadable file) releases the source: a Node stream is destroyed.
    await iterator.return?.();
  }
}

/**
 * Validates an import file as it is read and yields valid canonical rows, each with its
 * spreadsheet row number, in batches of at most `batchSize`: the generalisation of
 * `createCanonicalRowStream` to suppliers' own formats. With a mapping, the encoding,
 * delimiter and header row come from the mapping's overrides or from the first 64 KB;
 * lines above the header are skipped; each row goes tokenizer → mapping → schema, and
 * errors name the supplier's column. Without one, the file is read exactly as the
 * canonical format (strict UTF-8, commas, exact column names).
 */
export function createImportRowStream<K extends ImportKind>(kind: K, source: Source, opts: ImportRowStreamOptions = {}): ImportRowStream<K> {
  const file = opts.file ?? `${kind}.csv`;
  const common = { file, maxErrors: opts.maxErrors, checkDuplicateKeys: opts.checkDuplicateKeys };
  const mapping = opts.mapping ?? null;
  let parser: CsvImportParser<K> | null = null;
  let shape: FileShape | null = null;
  let hasBom = false;

  async function* canonicalBatches() {
    const canonical = new CanonicalCsvParser(kind, common);
    parser = canonical;
    async function* sniffBom(texts: AsyncIterable<string>) {
      let first = true;
      for await (const text of texts) {
        if (first && text.length > 0) {
          first = false;
          hasBom = text.charCodeAt(0) === 0xfeff;
        }
        yield text;
      }
    }
    // As createCanonicalRowStream: invalid bytes become U+FFFD, which the tokenizer reports with its line.
    yield* parseInBatches(canonical, sniffBom(decodeChunks(source, new TextDecoder('utf-8', { ignoreBOM: true }))), opts.batchSize);
  }

  async function* mappedBatches(importMapping: ImportMapping) {
    const iterator = source[Symbol.asyncIterator]();
    const { chunks, head, complete } = await readHead(iterator);
    const detected = detectFileShape(head, {
      complete,
      encoding: importMapping.encoding,
      delimiter: importMapping.delimiter,
      headerRow: importMapping.headerRow,
    });
    if ('error' in detected) {
      parser = new CsvImportParser(kind, { ...common, readHeader: () => [] });
      parser.reportFatal(1, null, detected.error);
      await iterator.return?.();
      return;
    }
    shape = detected;
    const mapped = new CsvImportParser(kind, {
      ...common,
      readHeader: mappedHeaderReader(kind, importMapping),
      delimiter: detected.delimiter,
      headerRow: detected.headerRow,
      notTextMessage: detected.encoding === 'windows-1252' ? NUL_IN_FILE : NOT_UTF8_LATER,
    });
    parser = mapped;
    yield* parseInBatches(mapped, decodeChunks(replay(chunks, iterator), decoderFor(detected.encoding)), opts.batchSize);
  }

  const iterable = mapping === null ? canonicalBatches() : mappedBatches(mapping);
  return {
    file,
    [Symbol.asyncIterator]: () => iterable,
    get shape(): FileShape | null {
      // The header as the parser read it is the truth; detection's copy is the same unless the source was text.
      if (mapping !== null) return shape && parser?.headers ? { ...shape, headers: parser.headers } : shape;
      const headers = parser?.headers;
      return headers ? { encoding: hasBom ? 'utf-8-bom' : 'utf-8', delimiter: ',', headerRow: parser?.headerLine ?? 1, headers } : null;
    },
    get errors() {
      return parser?.errors ?? [];
    },
    get errorCount() {
      return parser?.errorCount ?? 0;
    },
    get rowCount() {
      return parser?.rowCount ?? 0;
    },
    get message() {
      return parser?.message ?? null;
    },
  };
}
