import type { Parsed } from '@/lib/validation/fields';
import { getImportSpec, type ImportKind } from '@/lib/validation/import-kinds';
import { columnTypeOf, isQuantityColumn } from './column-types';
import { parseDateCell } from './dates';
import { validateMappingForKind, type ImportMapping, type MappingProblem } from './mapping';
import { numberConverter, unitScaler } from './numbers';

/** A cell that could not be converted; `column` is the supplier's header, as their file shows it. */
export interface CellError {
  column: string;
  message: string;
}

export type MappedRow = { ok: true; record: Record<string, string> } | { ok: false; errors: CellError[] };

export interface RowMapper {
  /** What is wrong with the mapping for this file's header; rows cannot be trusted when there is anything. */
  readonly problems: MappingProblem[];
  /** One row of the supplier's file (fields in header order) as canonical column → canonical text. */
  map(fields: readonly string[]): MappedRow;
  /** How each canonical column is filled, for callers that key rows differently (the import stream). */
  readonly slots: readonly MappingSlot[];
}

/** One canonical column and where its value comes from. */
export interface MappingSlot {
  /** Canonical column, e.g. `promised_date`. */
  readonly column: string;
  /** The schema field it feeds, e.g. `promisedDate`. */
  readonly field: string;
  /** Position of the source column in the file, or -1 for a constant. */
  readonly source: number;
  /** The source header, or null for a constant. */
  readonly header: string | null;
  /** The constant's value (source -1). */
  readonly constant: string;
  /** Converts a non-blank cell to canonical text; null for text, which the schema checks as it is. */
  readonly convert: ((cell: string) => Parsed<string>) | null;
  /** Appended to messages so the person learns which field a column of theirs feeds. */
  readonly suffix: string;
}

function converterFor(kind: ImportKind, column: string, mapping: ImportMapping): MappingSlot['convert'] {
  const type = columnTypeOf(kind, column);
  if (type === 'date') return (cell) => parseDateCell(cell, mapping.dateFormat);
  if (type !== 'decimal' && type !== 'count') return null;
  const toCanonical = numberConverter(mapping);
  const factor = isQuantityColumn(kind, column) && Object.hasOwn(mapping.unitFactors ?? {}, column) ? mapping.unitFactors?.[column] : undefined;
  if (factor === undefined) return toCanonical;
  const scale = unitScaler(factor.trim());
  return (cell) => {
    const number = toCanonical(cell);
    return number.ok ? { ok: true, value: scale(number.value) } : number;
  };
}

/** The slots of a mapping for a file with these (trimmed) headers; columns the mapping gets wrong are left out. */
function compileSlots(kind: ImportKind, headers: readonly string[], mapping: ImportMapping): MappingSlot[] {
  const fieldOf = getImportSpec(kind).fieldOf as Record<string, string>;
  const slots: MappingSlot[] = [];
  const filled = new Set<string>();
  for (const [header, column] of Object.entries(mapping.columns)) {
    if (column === null || filled.has(column) || !Object.hasOwn(fieldOf, column)) continue;
    const source = headers.indexOf(header);
    if (source < 0) continue;
    filled.add(column);
    const suffix = header === column ? '' : ` (mapped to ${column})`;
    slots.push({ column, field: fieldOf[column] as string, source, header, constant: '', convert: converterFor(kind, column, mapping), suffix });
  }
  for (const [column, constant] of Object.entries(mapping.constants ?? {})) {
    if (filled.has(column) || !Object.hasOwn(fieldOf, column)) continue;
    filled.add(column);
    // Constants are typed on the mapping screen in canonical form: nothing to convert.
    slots.push({ column, field: fieldOf[column] as string, source: -1, header: null, constant, convert: null, suffix: '' });
  }
  return slots;
}

/**
 * Fills `out[slot[key]]` for each slot from one row. Blank cells stay blank: whether a
 * blank is allowed (or takes a default) is the schema's rule, not the mapping's.
 */
export function applySlots(
  slots: readonly MappingSlot[],
  fields: readonly string[],
  key: 'column' | 'field',
  out: Record<string, string>,
  onError: (slot: MappingSlot, message: string) => void,
  finish: (text: string) => string = (text) => text,
): void {
  for (const slot of slots) {
    if (slot.source < 0) {
      out[slot[key]] = finish(slot.constant);
      continue;
    }
    const cell = fields[slot.source] ?? '';
    if (slot.convert === null || cell.trim() === '') {
      out[slot[key]] = finish(cell);
      continue;
    }
    const converted = slot.convert(cell);
    if (converted.ok) out[slot[key]] = finish(converted.value);
    else onError(slot, converted.message);
  }
}

/**
 * Turns rows of a supplier's file into canonical text using their saved mapping: columns
 * renamed, dates to YYYY-MM-DD, numbers to canonical decimals (scaled by a unit factor),
 * constants filled in. Validation proper is left to the kind's schema.
 */
export function createRowMapper(kind: ImportKind, headers: readonly string[], mapping: ImportMapping): RowMapper {
  const names = headers.map((header) => header.trim());
  const slots = compileSlots(kind, names, mapping);
  return {
    problems: validateMappingForKind(kind, mapping, names),
    slots,
    map(fields) {
      const record: Record<string, string> = {};
      let errors: CellError[] | null = null;
      applySlots(slots, fields, 'column', record, (slot, message) => {
        (errors ??= []).push({ column: slot.header ?? slot.column, message: message + slot.suffix });
      });
      return errors === null ? { ok: true, record } : { ok: false, errors };
    },
  };
}
