import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNT_MAX } from '@/lib/validation/fields';
import { getImportSpec, IMPORT_KINDS, type CanonicalRow, type ImportKind } from '@/lib/validation/import-kinds';
import { ITEM_CATEGORIES, type Item } from '@/lib/validation/item';
import { PO_STATUSES, type PurchaseOrderLine } from '@/lib/validation/purchase-order-line';
import { parseCanonicalCsv, parseNumberedCanonicalCsv, type CanonicalCsvResult } from './parse';
import { createCanonicalRowStream } from './stream';
import { escapeCsvCell } from './write';

// ---------------------------------------------------------------------------
// Generators

/** Pieces that exercise every branch of the tokenizer and the header/row checks. */
const csvToken = fc.constantFrom(
  ',', '"', '""', '\n', '\r', '\r\n', ' ', '\uFEFF', '\u0000', '\uFFFD', "'", '=', '-', '@', 'a', 'é', '😀',
  '0', '7', '12.50', '-5', '1e3', '2026-02-30', '2026-06-30', 'PHX1', 'gpu', 'open',
  ...IMPORT_KINDS.flatMap((kind) => getImportSpec(kind).columns),
);
const csvLikeText = fc.array(csvToken, { maxLength: 80 }).map((tokens) => tokens.join(''));
const anyKind = fc.constantFrom(...IMPORT_KINDS);

const sku = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/);
/** Free text in canonical (trimmed, non-empty) form, full of CSV and formula metacharacters. */
const text = (max: number, extra: string[] = []) =>
  fc
    .array(fc.constantFrom('a', 'Z', '9', ' ', '"', ',', "'", "''", '=', '+', '-', '@', 'é', '冷', '😀', ...extra), { minLength: 1, maxLength: max })
    .map((parts) => parts.join('').trim())
    .filter((s) => s.length > 0 && s.length <= max);
const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const normalisedDecimal = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n - 1n }), fc.integer({ min: 0, max: 999_999 }))
  .map(([int, frac]) => `${int}.${String(frac).padStart(6, '0')}`.replace(/\.?0+$/, ''));

const item: fc.Arbitrary<Item> = fc.record({
  sku,
  name: text(200, ['\n', '\r\n', '\r', '\t']),
  category: fc.constantFrom(...ITEM_CATEGORIES),
  unit: text(32),
  site: fc.option(fc.stringMatching(/^[A-Z0-9-]{1,16}$/), { nil: null }),
  gpusOnlinePerUnit: fc.integer({ min: 0, max: COUNT_MAX }),
});
const poLine: fc.Arbitrary<PurchaseOrderLine> = fc.record({
  supplier: fc.stringMatching(/^[A-Z0-9_-]{1,32}$/),
  poNumber: text(64),
  lineNo: fc.integer({ min: 1, max: COUNT_MAX }),
  sku,
  qty: normalisedDecimal,
  promisedDate: isoDate,
  status: fc.constantFrom(...PO_STATUSES),
  // The column is optional and blank means null; which statuses may carry it is checked on the staged rows.
  receivedDate: fc.option(isoDate, { nil: null }),
});

/** Writes rows with a random column order and line ending, the way different tools would. */
function toCsv<K extends ImportKind>(kind: K, rows: CanonicalRow<K>[], columnOrder: number[], eol: string): string {
  const spec = getImportSpec(kind);
  const columns = columnOrder.map((i) => spec.columns[i % spec.columns.length] as string).filter((c, i, all) => all.indexOf(c) === i);
  for (const column of spec.columns) if (!columns.includes(column)) columns.push(column);
  const cell = (row: CanonicalRow<K>, column: string) => escapeCsvCell(String(row[spec.fieldOf[column] as keyof CanonicalRow<K>] ?? ''));
  return [columns.join(','), ...rows.map((row) => columns.map((column) => cell(row, column)).join(','))].join(eol) + eol;
}

const validItemsCsv = fc
  .tuple(fc.uniqueArray(item, { minLength: 1, maxLength: 10, selector: (i) => i.sku }), fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([rows, order, eol]) => ({ rows, csv: toCsv('items', rows, order, eol) }));

function lineCount(csv: string): number {
  return 1 + (csv.match(/\r\n|\r|\n/g)?.length ?? 0);
}

function expectWellFormed(kind: ImportKind, csv: string, result: CanonicalCsvResult<unknown>, maxErrors: number) {
  expect(result.errors.length).toBeLessThanOrEqual(maxErrors);
  expect(result.errorCount).toBeGreaterThanOrEqual(result.errors.length);
  expect(result.errorCount === 0).toBe(result.message === null);
  if (result.errorCount === 0) expect(result.rows.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(Number.isInteger(error.row)).toBe(true);
    expect(error.row).toBeGreaterThanOrEqual(1);
    expect(error.row).toBeLessThanOrEqual(lineCount(csv));
    expect(error.message).not.toBe('');
  }
  // Output rows are already canonical: validating them again changes nothing.
  const schema = getImportSpec(kind).schema;
  for (const row of result.rows) expect(schema.parse(row)).toEqual(row);
}

async function streamed(kind: ImportKind, chunks: (string | Uint8Array)[], maxErrors: number) {
  const stream = createCanonicalRowStream(kind, (async function* () { yield* chunks; })(), { maxErrors, batchSize: 3 });
  const rows: unknown[] = [];
  for await (const batch of stream) rows.push(...batch);
  return { rows, errors: stream.errors, errorCount: stream.errorCount };
}

function splitAt<T extends string | Uint8Array>(whole: T, cuts: number[]): T[] {
  const points = [...new Set(cuts.map((cut) => cut % (whole.length + 1)))].sort((a, b) => a - b);
  return [0, ...points].map((start, i) => whole.slice(start, points[i] ?? whole.length) as T);
}

// ---------------------------------------------------------------------------

describe('CSV parsing properties', () => {
  it('any text, however malformed, yields rows and errors with real row numbers, never an exception', () => {
    fc.assert(
      fc.property(anyKind, fc.oneof(csvLikeText, fc.string({ unit: 'binary' })), fc.integer({ min: 0, max: 5 }), (kind, csv, maxErrors) => {
        expectWellFormed(kind, csv, parseCanonicalCsv(kind, csv, { maxErrors }), maxErrors);
      }),
      { numRuns: 500 },
    );
    // 500 runs bound the work; on a loaded shared machine they outlast vitest's default 5 s.
  }, 60_000);

  it('a valid file with random edits yields rows and errors, never an exception', () => {
    const edit = fc.record({ at: fc.nat(), remove: fc.integer({ min: 0, max: 3 }), insert: fc.oneof(csvToken, fc.string({ maxLength: 3 })) });
    fc.assert(
      fc.property(fc.uniqueArray(poLine, { minLength: 1, maxLength: 8, selector: (l) => `${l.supplier}|${l.poNumber}|${l.lineNo}` }), fc.array(edit, { minLength: 1, maxLength: 6 }), (rows, edits) => {
        let csv = toCsv('purchase-orders', rows, [0, 1, 2, 3, 4, 5, 6], '\r\n');
        for (const { at, remove, insert } of edits) {
          const i = at % (csv.length + 1);
          csv = csv.slice(0, i) + insert + csv.slice(i + remove);
        }
        expectWellFormed('purchase-orders', csv, parseCanonicalCsv('purchase-orders', csv), 1_000);
      }),
      { numRuns: 300 },
    );
  });

  it('streaming in chunks split anywhere gives exactly the one-shot result', async () => {
    const input = fc.oneof(
      fc.tuple(anyKind, csvLikeText),
      validItemsCsv.map(({ csv }) => ['items', csv] as const), // valid rows: lost or shifted text would show
    );
    await fc.assert(
      fc.asyncProperty(input, fc.array(fc.nat(), { maxLength: 8 }), async ([kind, csv], cuts) => {
        const whole = parseNumberedCanonicalCsv(kind, csv, { maxErrors: 50 });
        const bytes = new TextEncoder().encode(csv); // cuts may split a multi-byte character
        for (const chunks of [splitAt(csv, cuts), splitAt(bytes, cuts)]) {
          const result = await streamed(kind, chunks, 50);
          expect(result).toEqual({ rows: whole.rows, errors: whole.errors, errorCount: whole.errorCount });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('valid items written with escapeCsvCell parse back to the same rows, in any column order and line ending', () => {
    fc.assert(
      fc.property(validItemsCsv, ({ rows, csv }) => {
        const result = parseCanonicalCsv('items', csv);
        expect(result.errors).toEqual([]);
        expect(result.rows).toEqual(rows);
      }),
    );
  });

  it('valid PO lines written with escapeCsvCell parse back to the same rows', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(poLine, { minLength: 1, maxLength: 10, selector: (l) => `${l.supplier}|${l.poNumber}|${l.lineNo}` }),
        fc.array(fc.nat(), { maxLength: 7 }),
        (rows, order) => {
          const result = parseCanonicalCsv('purchase-orders', toCsv('purchase-orders', rows, order, '\r\n'));
          expect(result.errors).toEqual([]);
          expect(result.rows).toEqual(rows);
        },
      ),
    );
  });
});
