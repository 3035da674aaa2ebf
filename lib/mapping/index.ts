// Public entry of supplier file mapping: detection, the saved mapping, suggestions and the import stream.
export { decoderFor, detectFileShape, DETECT_HEAD_BYTES, type DetectOptions, type FileShape } from './detect';
export { createImportRowStream, type ImportRowStream, type ImportRowStreamOptions } from './import-row-stream';
export {
  DATE_FORMATS,
  DECIMAL_SEPARATORS,
  FILE_ENCODINGS,
  importMappingSchema,
  MAPPING_DELIMITERS,
  QUANTITY_COLUMNS,
  THOUSANDS_SEPARATORS,
  validateMappingForKind,
  type DateFormat,
  type FileEncoding,
  type ImportMapping,
  type ImportMappingInput,
  type MappingProblem,
} from './mapping';
export { createRowMapper, type CellError, type MappedRow, type RowMapper } from './row-mapper';
export { suggestMapping } from './suggest';
