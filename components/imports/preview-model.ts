// Pure helpers behind the import page: what a mapping still lacks, what a
// dry run's changes mean for people (which promised dates moved, and which way),
// and the errors file. No React, no fetch: unit tested alone.
import { escapeCsvCell } from '@/lib/csv/write';
import { isPositiveFactor, validateMappingForKind, type MappingProblem } from '@/lib/mapping/mapping';
import type { ImportKind } from '@/lib/validation/import-kinds';
import type { Delimiter, FieldValue, ImportMapping, InspectResult, PreviewChange, RowError } from './types';

export const DELIMITER_LABELS: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

export const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with BOM',
  'windows-1252': 'Windows-1252 (Western European)',
};

/**
 * Where the mapping editor starts: the supplier's saved mapping when there is one,
 * else the suggestion from the headers. Every header gets an entry (null = ignored)
 * so the editor shows one row per source column.
 */
export function startingMapping(inspect: InspectResult): { mapping: ImportMapping; source: 'saved' | 'suggested'; name: string | null } {
  const base = inspect.saved?.mapping ?? inspect.suggested;
  const columns: Record<string, string | null> = {};
  for (const header of inspect.headers) columns[header] = base.columns[header] ?? null;
  return {
    mapping: { ...base, columns },
    source: inspect.saved ? 'saved' : 'suggested',
    name: inspect.saved?.name ?? null,
  };
}

/**
 * What the server would refuse in this mapping (the same checks, from lib/mapping):
 * required columns left out, a column mapped twice, a bad unit factor, equal
 * separators, a header of the file the mapping does not account for.
 */
export function mappingProblems(kind: ImportKind, mapping: ImportMapping, headers: readonly string[]): MappingProblem[] {
  return validateMappingForKind(kind, cleanMapping(mapping), headers);
}

/** The mapping as sent: empty fixed values and unit factors dropped, and none for a column a header provides. */
export function cleanMapping(mapping: ImportMapping): ImportMapping {
  const mapped = new Set(Object.values(mapping.columns).filter((c): c is string => !!c));
  const constants = Object.fromEntries(Object.entries(mapping.constants ?? {}).filter(([c, v]) => v.trim() !== '' && !mapped.has(c)));
  const unitFactors = Object.fromEntries(Object.entries(mapping.unitFactors ?? {}).filter(([c, v]) => v.trim() !== '' && mapped.has(c)));
  const out: ImportMapping = { ...mapping, constants, unitFactors };
  if (Object.keys(constants).length === 0) delete out.constants;
  if (Object.keys(unitFactors).length === 0) delete out.unitFactors;
  return out;
}

/** Non-empty sample values of one source column, for the mapping editor. */
export function sampleValues(inspect: InspectResult, header: string, max = 3): string[] {
  const index = inspect.headers.indexOf(header);
  if (index < 0) return [];
  const values: string[] = [];
  for (const row of inspect.sample) {
    const v = row[index]?.trim();
    if (v && !values.includes(v)) values.push(v);
    if (values.length >= max) break;
  }
  return values;
}

/** A unit factor is a plain positive decimal ("0.3048"); anything else the server would refuse. */
export function isValidFactor(text: string): boolean {
  return isPositiveFactor(text.trim());
}

// ---- Dry-run changes -------------------------------------------------------------

const PROMISED_FIELDS = ['promised_date', 'promisedDate'];

/** Whole days from one YYYY-MM-DD to another (positive: later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface FieldChange {
  field: string;
  before: FieldValue;
  after: FieldValue;
}

function same(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (a === undefined || a === null || b === undefined || b === null) return (a ?? null) === (b ?? null);
  // 12.50 and 12.5 are the same quantity; the server compares that way too.
  if (/^-?\d+(\.\d+)?$/.test(String(a)) && /^-?\d+(\.\d+)?$/.test(String(b))) return Number(a) === Number(b);
  return String(a) === String(b);
}

export interface PromisedMove {
  before: string;
  after: string;
  /** Positive: the supplier now promises it later. */
  days: number;
}

export interface ChangeView {
  change: PreviewChange;
  /** The promised date's move, when this update moved it. */
  promised: PromisedMove | null;
  /** Every other field this update changes. */
  fields: FieldChange[];
}

/** Splits an update into its promised-date move (the headline) and its other changed fields. */
export function viewChange(change: PreviewChange): ChangeView {
  if (change.action !== 'update' || !change.before) return { change, promised: null, fields: [] };
  let promised: PromisedMove | null = null;
  const fields: FieldChange[] = [];
  for (const [field, after] of Object.entries(change.after)) {
    const before = change.before[field] ?? null;
    if (same(before, after)) continue;
    if (PROMISED_FIELDS.includes(field) && typeof before === 'string' && typeof after === 'string') {
      promised = { before, after, days: daysBetween(before, after) };
    } else fields.push({ field, before, after });
  }
  return { change, promised, fields };
}

export interface ChangeSummary {
  moved: number;
  later: number;
  earlier: number;
  /** The largest slip, in days (0 when nothing moved later). */
  maxSlip: number;
}

export function summarizeMoves(views: readonly ChangeView[]): ChangeSummary {
  let moved = 0;
  let later = 0;
  let earlier = 0;
  let maxSlip = 0;
  for (const v of views) {
    if (!v.promised) continue;
    moved++;
    if (v.promised.days > 0) {
      later++;
      maxSlip = Math.max(maxSlip, v.promised.days);
    } else if (v.promised.days < 0) earlier++;
  }
  return { moved, later, earlier, maxSlip };
}

// Fields that only repeat what the record's key already says, for a new row.
const KEY_FIELDS = new Set(['supplier', 'poNumber', 'po_number', 'lineNo', 'line', 'sku', 'location', 'outputSku', 'output_sku', 'componentSku', 'component_sku', 'date']);

/** A new row's fields without those its key already shows (`FERGUSON/PO-24674/9` shows supplier, PO and line). */
export function fieldsBesideKey<V>(key: string, values: Record<string, V>): [string, V][] {
  let parts: string[];
  try {
    parts = key.startsWith('[') ? (JSON.parse(key) as unknown[]).map(String) : key.split('/');
  } catch {
    parts = [key];
  }
  return Object.entries(values).filter(([field, value]) => !(KEY_FIELDS.has(field) && value !== null && (parts.includes(String(value)) || key === String(value))));
}

export { fieldLabel } from '@/components/ui/format';

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

// ---- Errors file -------------------------------------------------------------------

/** The errors as a CSV a person opens in a spreadsheet; cells a spreadsheet would run as formulas are defused. */
export function errorsCsv(errors: readonly RowError[]): string {
  const lines = [['row', 'column', 'message'], ...errors.map((e) => [String(e.row), e.column ?? '', e.message])];
  return lines.map((cells) => `${cells.map(escapeCsvCell).join(',')}\r\n`).join('');
}

/** The errors file's name: `acme-pos.csv` → `acme-pos-errors.csv`. */
export function errorsFilename(filename: string): string {
  return `${filename.replace(/\.[^.]*$/, '') || 'import'}-errors.csv`;
}

// ---- Forecast ------------------------------------------------------------------

/** The delta with its sign, grouped: `+1,200`, `-96`, `±0`. */
export function signed(n: number): string {
  if (n === 0) return '±0';
  return `${n > 0 ? '+' : '-'}${Math.abs(n).toLocaleString('en-US')}`;
}
