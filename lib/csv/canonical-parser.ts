import { getImportSpec, type ImportKind } from '@/lib/validation/import-kinds';
import { canonicalHeaderReader } from './canonical-layout';
import { CsvImportParser, type CsvOptions } from './import-parser';

export { DEFAULT_MAX_ERRORS, type CsvOptions, type NumberedRow } from './import-parser';

/** A file in the canonical format of DESIGN.md: comma-separated, header on its first non-blank line, exact column names. */
export class CanonicalCsvParser<K extends ImportKind> extends CsvImportParser<K> {
  constructor(kind: K, opts: CsvOptions & { checkDuplicateKeys?: boolean } = {}) {
    super(kind, { ...opts, readHeader: canonicalHeaderReader(getImportSpec(kind)) });
  }
}
