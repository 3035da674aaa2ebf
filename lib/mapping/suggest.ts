import { getImportSpec, type ImportKind } from '@/lib/validation/import-kinds';
import { columnTypeOf } from './column-types';
import { guessDateFormat, guessNumberFormat } from './guess-formats';
import type { ImportMapping } from './mapping';
import { HEADER_SYNONYMS, normaliseHeader } from './synonyms';

interface Candidate {
  header: string;
  position: number;
  column: string;
  score: number;
}

const EXACT = 10_000;
const SYNONYM = 5_000;
const CONTAINS = 1_000;

/** Is `phrase` a run of whole words inside `text` ("qty shipped" in "qty shipped pcs")? */
function containsPhrase(text: string, phrase: string): boolean {
  return ` ${text} `.includes(` ${phrase} `);
}

const normalisedSynonyms = new Map<ImportKind, Map<string, string[]>>();

/** Canonical column → its normalised name followed by its normalised synonyms, best first. */
function synonymsOf(kind: ImportKind): Map<string, string[]> {
  let table = normalisedSynonyms.get(kind);
  if (!table) {
    const synonyms: Record<string, readonly string[]> = HEADER_SYNONYMS[kind];
    table = new Map(getImportSpec(kind).columns.map((column) => [column, [column, ...(synonyms[column] ?? [])].map(normaliseHeader)]));
    normalisedSynonyms.set(kind, table);
  }
  return table;
}

function candidatesFor(kind: ImportKind, header: string, position: number): Candidate[] {
  const normalised = normaliseHeader(header);
  if (normalised === '') return [];
  const candidates: Candidate[] = [];
  for (const [column, [name, ...list]] of synonymsOf(kind)) {
    if (normalised === name) {
      candidates.push({ header, position, column, score: EXACT });
      continue;
    }
    const exact = list.indexOf(normalised);
    if (exact >= 0) {
      candidates.push({ header, position, column, score: SYNONYM - exact });
      continue;
    }
    // "Qty Shipped (pcs)", "Confirmed Delivery Date (ETA)": a known phrase of two or more words
    // inside a longer header. Single words are too loose ("Order Date" is not the order number).
    const contained = list.findIndex((phrase) => phrase.includes(' ') && containsPhrase(normalised, phrase));
    if (contained >= 0) candidates.push({ header, position, column, score: CONTAINS - contained });
  }
  return candidates;
}

/**
 * A first mapping for a supplier's file, for a person to confirm: each header matched to
 * the canonical column it most likely is, each canonical column given at most one header
 * (the best scoring; the leftmost on a tie), everything else ignored (null). Sample rows,
 * aligned with `headers`, let it guess the date format and the number separators too.
 */
export function suggestMapping(kind: ImportKind, headers: readonly string[], sampleRows: readonly (readonly string[])[] = []): ImportMapping {
  const trimmed = headers.map((header) => header.trim());
  const candidates = trimmed.flatMap((header, position) => candidatesFor(kind, header, position));
  candidates.sort((a, b) => b.score - a.score || a.position - b.position);

  // A Map, not an object: a header named "__proto__" must stay a header.
  const columns = new Map<string, string | null>();
  for (const header of trimmed) if (header !== '') columns.set(header, null);
  const taken = new Set<string>();
  const positionOf = new Map<string, number>();
  for (const { header, position, column } of candidates) {
    // A repeated header name can be mapped once only: the mapping is keyed by name.
    if (taken.has(column) || columns.get(header) !== null) continue;
    columns.set(header, column);
    taken.add(column);
    positionOf.set(column, position);
  }

  const mapping: ImportMapping = { columns: Object.fromEntries(columns), dateFormat: 'YYYY-MM-DD', decimalSeparator: '.', thousandsSeparator: '' };
  if (sampleRows.length === 0) return mapping;

  const samplesOf = (type: 'date' | 'number') =>
    [...positionOf]
      .filter(([column]) => {
        const columnType = columnTypeOf(kind, column);
        return type === 'date' ? columnType === 'date' : columnType === 'decimal' || columnType === 'count';
      })
      .flatMap(([, position]) => sampleRows.map((row) => row[position] ?? ''));
  mapping.dateFormat = guessDateFormat(samplesOf('date')) ?? mapping.dateFormat;
  const numberFormat = guessNumberFormat(samplesOf('number'));
  if (numberFormat) Object.assign(mapping, numberFormat);
  return mapping;
}
