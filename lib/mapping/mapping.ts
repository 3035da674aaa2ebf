import { z } from 'zod';
import '@/lib/validation/browser-zod';
import { getImportSpec, type ImportKind } from '@/lib/validation/import-kinds';
import { columnTypeOf, isQuantityColumn, QUANTITY_COLUMNS } from './column-types';

export { QUANTITY_COLUMNS } from './column-types';

/**
 * A supplier's saved column mapping: how their own CSV export becomes a canonical file.
 * The same JSON travels through the API, the mapping UI and the import pipeline, so its
 * field names are fixed.
 */

export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'excel-serial'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const FILE_ENCODINGS = ['utf-8', 'utf-8-bom', 'windows-1252'] as const;
export type FileEncoding = (typeof FILE_ENCODINGS)[number];

// Spelled out rather than taken from the tokenizer: zod needs a literal tuple.
export const MAPPING_DELIMITERS = [',', ';', '\t'] as const;
export const DECIMAL_SEPARATORS = ['.', ','] as const;
export const THOUSANDS_SEPARATORS = ['', ',', '.', ' ', "'"] as const;

/** Bounds that keep a hostile JSON body from costing more than a real file's mapping ever needs. */
const MAX_COLUMNS = 1_000;
const MAX_NAME_LENGTH = 256;
const MAX_CONSTANT_LENGTH = 256;

const boundedRecord = <V extends z.ZodType>(value: V) =>
  z
    .record(z.string().max(MAX_NAME_LENGTH), value)
    .refine((record) => Object.keys(record).length <= MAX_COLUMNS, `must have at most ${MAX_COLUMNS} entries`);

const POSITIVE_DECIMAL_RE = /^(?:\d+\.?\d*|\.\d+)$/;

/** A unit factor: a plain positive decimal ("0.3048"), no exponent, no sign. */
export function isPositiveFactor(text: string): boolean {
  return POSITIVE_DECIMAL_RE.test(text) && /[1-9]/.test(text);
}

export const importMappingSchema = z
  .object({
    /** Source header (trimmed, as in the file) → canonical column, or null to ignore the column. */
    columns: boundedRecord(z.string().max(MAX_NAME_LENGTH).nullable()),
    /** Canonical column → the same value on every row, e.g. `{ supplier: 'ACME' }`. */
    constants: boundedRecord(z.string().max(MAX_CONSTANT_LENGTH)).optional(),
    dateFormat: z.enum(DATE_FORMATS).default('YYYY-MM-DD'),
    decimalSeparator: z.enum(DECIMAL_SEPARATORS).default('.'),
    thousandsSeparator: z.enum(THOUSANDS_SEPARATORS).default(''),
    /** Canonical quantity column → multiplier into our unit, e.g. feet → metres `'0.3048'`. */
    unitFactors: boundedRecord(z.string().trim().refine(isPositiveFactor, 'must be a positive decimal such as 0.3048')).optional(),
    // Overrides of what detection finds, for files it guesses wrong.
    encoding: z.enum(FILE_ENCODINGS).optional(),
    delimiter: z.enum(MAPPING_DELIMITERS).optional(),
    headerRow: z.number().int().min(1).max(1_000_000).optional(),
  })
  .strict();

export type ImportMapping = z.output<typeof importMappingSchema>;
/** What a client may send: the defaulted fields may be left out. */
export type ImportMappingInput = z.input<typeof importMappingSchema>;

/** A problem with a mapping. `column` is the source header, or the canonical column for constants and factors. */
export interface MappingProblem {
  column: string | null;
  message: string;
}

const has = (record: Record<string, unknown> | undefined, key: string) => record !== undefined && Object.hasOwn(record, key);

/**
 * What the schema cannot know: whether the mapping fits the kind (and, given the file's
 * header, the file). Everything is reported at once so the mapping screen can show it all.
 */
export function validateMappingForKind(kind: ImportKind, mapping: ImportMapping, headers?: readonly string[]): MappingProblem[] {
  const spec = getImportSpec(kind);
  const problems: MappingProblem[] = [];
  const sourceOf = new Map<string, string>();

  for (const [source, canonical] of Object.entries(mapping.columns)) {
    if (canonical === null) continue;
    if (columnTypeOf(kind, canonical) === undefined) {
      problems.push({ column: source, message: `maps to "${canonical}", which is not a ${kind} column (expected one of ${spec.columns.join(', ')})` });
      continue;
    }
    const first = sourceOf.get(canonical);
    if (first !== undefined) problems.push({ column: source, message: `maps to ${canonical}, which is already mapped from column "${first}"` });
    else sourceOf.set(canonical, source);
  }

  for (const canonical of Object.keys(mapping.constants ?? {})) {
    if (columnTypeOf(kind, canonical) === undefined) {
      problems.push({ column: canonical, message: `has a constant but is not a ${kind} column (expected one of ${spec.columns.join(', ')})` });
    } else if (sourceOf.has(canonical)) {
      problems.push({ column: canonical, message: `is both mapped from column "${sourceOf.get(canonical)}" and given a constant; keep one` });
    }
  }

  for (const column of spec.required) {
    if (!sourceOf.has(column) && !has(mapping.constants, column)) {
      problems.push({ column, message: `required column ${column} is neither mapped from a column of the file nor given a constant` });
    }
  }

  for (const [column, factor] of Object.entries(mapping.unitFactors ?? {})) {
    if (!isQuantityColumn(kind, column)) {
      const quantities = QUANTITY_COLUMNS[kind];
      const allowed = quantities.length === 0 ? `${kind} has no quantity column` : `only ${quantities.join(', ')} can have one`;
      problems.push({ column, message: `has a unit factor, but unit factors apply to quantity columns only (${allowed})` });
    } else if (!isPositiveFactor(factor.trim())) {
      problems.push({ column, message: `unit factor "${factor}" must be a positive decimal such as 0.3048` });
    }
  }

  if (mapping.decimalSeparator === mapping.thousandsSeparator) {
    problems.push({ column: null, message: `the decimal separator and the thousands separator are both "${mapping.decimalSeparator}"` });
  }

  if (headers) problems.push(...headerProblems(mapping, headers));
  return problems;
}

/** The file's header against the mapping: each mapped column present once, each column of the file accounted for. */
function headerProblems(mapping: ImportMapping, headers: readonly string[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const position = new Map<string, number>();
  headers.forEach((header, i) => {
    // A column without a name cannot be mapped; spreadsheets leave them after the data. Its cells are ignored.
    if (header === '') return;
    const first = position.get(header);
    if (first === undefined) {
      position.set(header, i);
      // Unexpected columns are refused, as in the canonical format: a renamed column must not be silently dropped.
      if (!has(mapping.columns, header)) problems.push({ column: header, message: 'column is not in the mapping; map it to a field or mark it ignored' });
    } else if (has(mapping.columns, header) && mapping.columns[header] !== null) {
      problems.push({ column: header, message: `duplicate column (columns ${first + 1} and ${i + 1}); the mapping cannot tell which to use` });
    }
  });
  for (const [source, canonical] of Object.entries(mapping.columns)) {
    if (canonical !== null && !position.has(source)) {
      problems.push({ column: source, message: `column is not in the file (the mapping reads ${canonical} from it)` });
    }
  }
  return problems;
}
