import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCanonicalRowStream } from '@/lib/csv/stream';
import { escapeCsvCell, formatCanonicalCsv } from '@/lib/csv/write';
import { COUNT_MAX } from '@/lib/validation/fields';
import { getImportSpec, IMPORT_KINDS, type ImportKind } from '@/lib/validation/import-kinds';
import { PO_STATUSES, type PurchaseOrderLine } from '@/lib/validation/purchase-order-line';
import { createImportRowStream, type ImportRowStreamOptions } from './import-row-stream';
import { importMappingSchema, type ImportMapping, type ImportMappingInput } from './mapping';

// ---------------------------------------------------------------------------
// Helpers

async function run(kind: ImportKind, chunks: (string | Uint8Array)[], opts: ImportRowStreamOptions = {}) {
  const stream = createImportRowStream(kind, (async function* () { yield* chunks; })(), opts);
  const rows: unknown[] = [];
  for await (const batch of stream) {
    expect(batch.length).toBeLessThanOrEqual(opts.batchSize ?? 5_000);
    rows.push(...batch);
  }
  return { rows, errors: stream.errors, errorCount: stream.errorCount, rowCount: stream.rowCount, shape: stream.shape, message: stream.message };
}

function splitAt<T extends string | Uint8Array>(whole: T, cuts: number[]): T[] {
  const points = [...new Set(cuts.map((cut) => cut % (whole.length + 1)))].sort((a, b) => a - b);
  return [0, ...points].map((start, i) => whole.slice(start, points[i] ?? whole.length) as T);
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Windows-1252 bytes of text made of Latin-1 characters and "€", as Excel on a German PC saves "CSV". */
function cp1252(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => {
    if (char === '€') return 0x80;
    const code = char.charCodeAt(0);
    if (code > 0xff || (code >= 0x80 && code <= 0x9f)) throw new Error(`not in Windows-1252: ${char}`);
    return code;
  });
}

const mapping = (input: ImportMappingInput): ImportMapping => importMappingSchema.parse(input);

// ---------------------------------------------------------------------------
// A German supplier's rendering of purchase-order lines

const GERMAN_MAPPING = mapping({
  columns: { Bestellnummer: 'po_number', 'Pos.': 'line', Artikelnummer: 'sku', Menge: 'qty', Liefertermin: 'promised_date', Status: 'status', Bemerkung: null },
  constants: { supplier: 'MUELLER' },
  dateFormat: 'DD.MM.YYYY',
  decimalSeparator: ',',
  thousandsSeparator: '.',
});

/** A cell for a semicolon file: quoted when it holds a semicolon, and escaped against formulas as exports are. */
function semicolonCell(value: string): string {
  const escaped = escapeCsvCell(value);
  return escaped.startsWith('"') || !escaped.includes(';') ? escaped : `"${escaped.replaceAll('"', '""')}"`;
}

function germanNumber(canonical: string): string {
  const [int = '', frac] = canonical.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac === undefined ? grouped : `${grouped},${frac}`;
}

function germanFile(lines: PurchaseOrderLine[]): Uint8Array {
  const out = ['Lieferavis Müller GmbH;;;;;;', ';;;;;;', 'Bestellnummer;Pos.;Artikelnummer;Menge;Liefertermin;Status;Bemerkung'];
  for (const line of lines) {
    const [y, m, d] = line.promisedDate.split('-');
    out.push(
      [semicolonCell(line.poNumber), String(line.lineNo), line.sku, germanNumber(line.qty), `${d}.${m}.${y}`, line.status, 'grün, dringend'].join(';'),
    );
  }
  return cp1252(`${out.join('\r\n')}\r\n`);
}

/** The lines as the canonical file of DESIGN.md. */
const canonicalFile = (lines: PurchaseOrderLine[]) => utf8(formatCanonicalCsv('purchase-orders', lines));

const latinText = fc
  .array(fc.constantFrom('a', 'Z', '9', ' ', '"', ';', ',', "'", '=', '-', '@', 'é', 'ü', 'ß', '€'), { minLength: 1, maxLength: 20 })
  .map((parts) => parts.join('').trim())
  .filter((text) => text.length > 0);

const poLine: fc.Arbitrary<PurchaseOrderLine> = fc.record({
  supplier: fc.constant('MUELLER'),
  poNumber: latinText,
  lineNo: fc.integer({ min: 1, max: COUNT_MAX }),
  sku: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,20}$/),
  qty: fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n - 1n }), fc.integer({ min: 0, max: 999_999 }))
    .map(([int, frac]) => `${int}.${String(frac).padStart(6, '0')}`.replace(/\.?0+$/, '') || '0'),
  promisedDate: fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
  status: fc.constantFrom(...PO_STATUSES),
  // The German supplier's file has no receipt column: blank, so null.
  receivedDate: fc.constant(null),
});
const poLines = fc.uniqueArray(poLine, { minLength: 1, maxLength: 8, selector: (line) => `${line.poNumber}|${line.lineNo}` });

// ---------------------------------------------------------------------------

describe("createImportRowStream: a supplier's own format", () => {
  const LINES: PurchaseOrderLine[] = [
    { supplier: 'MUELLER', poNumber: 'PO 4500;01', lineNo: 10, sku: 'A100-SXM4', qty: '1600.5', promisedDate: '2026-03-02', status: 'open', receivedDate: null },
    { supplier: 'MUELLER', poNumber: '=HYPERLINK("x")', lineNo: 20, sku: 'H100', qty: '1234567.25', promisedDate: '2026-12-31', status: 'received', receivedDate: null },
  ];

  it('maps a semicolon, Windows-1252, DD.MM.YYYY, decimal-comma file with a preamble to the rows of the canonical file', async () => {
    const canonical = await run('purchase-orders', [canonicalFile(LINES)]);
    const german = await run('purchase-orders', [germanFile(LINES)], { mapping: GERMAN_MAPPING, file: 'lieferavis.csv' });
    expect(canonical.errors).toEqual([]);
    expect(german.errors).toEqual([]);
    expect(german.rows).toEqual([
      { row: 4, value: LINES[0] },
      { row: 5, value: LINES[1] },
    ]);
    expect(german.rows.map((row) => (row as { value: unknown }).value)).toEqual(canonical.rows.map((row) => (row as { value: unknown }).value));
    expect(german.shape).toEqual({
      encoding: 'windows-1252',
      delimiter: ';',
      headerRow: 3,
      headers: ['Bestellnummer', 'Pos.', 'Artikelnummer', 'Menge', 'Liefertermin', 'Status', 'Bemerkung'],
    });
  });

  it('maps any valid lines the same way as their canonical file, however the bytes are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(poLines, fc.array(fc.nat(), { maxLength: 8 }), async (lines, cuts) => {
        const canonical = await run('purchase-orders', [canonicalFile(lines)]);
        const bytes = germanFile(lines);
        const german = await run('purchase-orders', splitAt(bytes, cuts), { mapping: GERMAN_MAPPING, batchSize: 3 });
        expect(german.errors).toEqual([]);
        expect(canonical.errors).toEqual([]);
        expect(german.rows).toEqual((canonical.rows as { row: number; value: unknown }[]).map(({ row, value }) => ({ row: row + 2, value })));
      }),
      { numRuns: 150 },
    );
  });

  it('gives identical rows, errors and shape for chunk boundaries anywhere, including files larger than the detection window', async () => {
    const header = 'Lieferavis;;;;;;\r\nBestellnummer;Pos.;Artikelnummer;Menge;Liefertermin;Status;Bemerkung\r\n';
    const body = Array.from({ length: 3_000 }, (_, i) => {
      const bad = i % 997 === 5; // an error now and then, far past the first 64 KB too
      return `PO-${i};${(i % 9) + 1};SKU-${i};${bad ? '1,2,3' : `${i},5`};${bad ? '30.02.2026' : '02.03.2026'};open;Kühlmittel 冷却 ${'x'.repeat(i % 40)}`;
    }).join('\r\n');
    const bytes = utf8(`${header}${body}\r\n`);
    expect(bytes.length).toBeGreaterThan(3 * 64 * 1024);
    const whole = await run('purchase-orders', [bytes], { mapping: GERMAN_MAPPING });
    expect(whole.rowCount).toBe(3_000);
    expect(whole.errorCount).toBe(8); // rows 5, 1002, 1999 and 2996: a quantity and a date each
    expect(whole.shape).toMatchObject({ encoding: 'utf-8', delimiter: ';', headerRow: 2 });
    for (const size of [1_000, 4_096, 65_535, 65_536, 65_537, 100_003]) {
      const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
      expect(await run('purchase-orders', chunks, { mapping: GERMAN_MAPPING, batchSize: 777 })).toEqual(whole);
    }
  });

  it('stores formula-looking cells as text and undoes the export guard', async () => {
    const text = 'Artikel;Lager;Bestand\nA100;=1+2;1\nA100;"\'=SUM(A1)";2\nA100;@WH;3\n';
    const result = await run('inventory', [text], { mapping: mapping({ columns: { Artikel: 'sku', Lager: 'location', Bestand: 'on_hand' } }) });
    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => (row as { value: { location: string } }).value.location)).toEqual(['=1+2', '=SUM(A1)', '@WH']);
  });

  it('scales quantities by the unit factor exactly', async () => {
    const text = 'Part,Stock (ft),Site\nPIPE,100,PHX\nPIPE,3,RNO\n';
    const m = mapping({ columns: { Part: 'sku', 'Stock (ft)': 'on_hand', Site: 'location' }, unitFactors: { on_hand: '0.3048' } });
    const result = await run('inventory', [text], { mapping: m });
    expect(result.rows.map((row) => (row as { value: { onHand: string } }).value.onHand)).toEqual(['30.48', '0.9144']);
  });

  it('uses the encoding, delimiter and header row the mapping gives instead of guessing', async () => {
    const bytes = cp1252('Export;x\r\nsku;location;on_hand\r\nA100;Lager Süd;1,5\r\n');
    const m = mapping({ columns: { sku: 'sku', location: 'location', on_hand: 'on_hand' }, decimalSeparator: ',', encoding: 'windows-1252', delimiter: ';', headerRow: 2 });
    const result = await run('inventory', [bytes], { mapping: m });
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([{ row: 3, value: { sku: 'A100', location: 'Lager Süd', onHand: '1.5' } }]);
    expect(result.shape).toEqual({ encoding: 'windows-1252', delimiter: ';', headerRow: 2, headers: ['sku', 'location', 'on_hand'] });
  });

  it('accepts rows padded with empty cells beyond the header, as spreadsheets write them', async () => {
    const m = mapping({ columns: { sku: 'sku', location: 'location', on_hand: 'on_hand' } });
    const result = await run('inventory', ['sku,location,on_hand\nA,WH,1\nB,WH,2,,\nC,WH,3\nD,WH,4,x\nE,WH,5\n'], { mapping: m });
    expect(result.rows).toHaveLength(4);
    expect(result.errors).toEqual([{ row: 5, column: null, message: 'has 4 fields but the header has 3' }]);
  });
});

describe('createImportRowStream: errors name the row and the supplier column', () => {
  const m = mapping({ columns: { Teil: 'sku', Lager: 'location', Menge: 'on_hand', Notiz: null }, decimalSeparator: ',' });
  const stock = (...rows: string[]) => [['Teil;Lager;Menge;Notiz', ...rows].join('\n')];

  it.each([
    ['a blank quantity', 'A;WH; ;x', { column: 'Menge', message: 'required (mapped to on_hand)' }],
    ['a negative quantity', 'A;WH;-5;x', { column: 'Menge', message: 'must be a non-negative decimal (mapped to on_hand)' }],
    ['a non-numeric quantity', 'A;WH;viele;x', { column: 'Menge', message: '"viele" is not a number (mapped to on_hand)' }],
    ['a quantity in the wrong format', 'A;WH;1.5;x', { column: 'Menge', message: '"1.5" does not match the number format (decimal separator ",", no thousands separator) (mapped to on_hand)' }],
    ['too many decimals', 'A;WH;0,0000001;x', { column: 'Menge', message: 'must have at most 6 decimal places (mapped to on_hand)' }],
    ['a bad SKU', '-A;WH;1;x', { column: 'Teil', message: expect.stringMatching(/^must start with a letter or digit.*\(mapped to sku\)$/) }],
    ['a ragged row', 'A;WH', { column: null, message: 'has 2 fields but the header has 4' }],
    ['text after a closing quote', 'A;"WH"x;1;', { column: 'Lager', message: expect.stringMatching(/^unexpected text after a closing quote/) }],
  ])('reports %s', async (_, row, error) => {
    const result = await run('inventory', stock('B;WH;1;', row), { mapping: m, file: 'bestand.csv' });
    expect(result.errors).toEqual([{ row: 3, ...error }]);
    expect(result.rows).toHaveLength(1);
  });

  it('reports every bad cell of a row once, converted or not', async () => {
    const po = mapping({ columns: { PO: 'po_number', Pos: 'line', Teil: 'sku', Menge: 'qty', Termin: 'promised_date' }, constants: { supplier: 'ACME' }, dateFormat: 'DD.MM.YYYY' });
    const result = await run('purchase-orders', ['PO,Pos,Teil,Menge,Termin\nPO-1,0,A,x,30.02.2026\n'], { mapping: po });
    expect(result.errors).toEqual([
      { row: 2, column: 'Menge', message: '"x" is not a number (mapped to qty)' },
      { row: 2, column: 'Termin', message: 'impossible date 30.02.2026 (mapped to promised_date)' },
      { row: 2, column: 'Pos', message: 'must be a whole number of at least 1 (mapped to line)' },
    ]);
  });

  it('reports an unterminated quote at the row it opens on, naming the column', async () => {
    const result = await run('inventory', stock('B;WH;1;', '', 'A;"WH;1;', 'C;WH;1;'), { mapping: m });
    expect(result.errors).toEqual([{ row: 4, column: 'Lager', message: 'unterminated quoted field: the quote opened on this row is never closed' }]);
  });

  it('refuses a header that does not fit the mapping, listing every problem, and reads no rows', async () => {
    const result = await run('inventory', ['Teil;Ort;Menge;Farbe\nA;WH;1;rot\n'], { mapping: m });
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      { row: 1, column: 'Ort', message: 'column is not in the mapping; map it to a field or mark it ignored' },
      { row: 1, column: 'Farbe', message: 'column is not in the mapping; map it to a field or mark it ignored' },
      { row: 1, column: 'Lager', message: 'column is not in the file (the mapping reads location from it)' },
    ]);
  });

  it('reports a bad constant once, about the mapping, and stops', async () => {
    const po = mapping({ columns: { PO: 'po_number', Pos: 'line', Teil: 'sku', Menge: 'qty', Termin: 'promised_date' }, constants: { supplier: 'ACME Corp.' } });
    const result = await run('purchase-orders', ['PO,Pos,Teil,Menge,Termin\nPO-1,1,A,1,2026-03-02\nPO-1,2,A,1,2026-03-02\n'], { mapping: po });
    expect(result.errors).toEqual([{ row: 1, column: null, message: expect.stringMatching(/^the mapping's constant for supplier \("ACME Corp\."\): must be 1–32/) }]);
  });

  it('reports repeated keys with the first row, unless the caller checks keys itself', async () => {
    const rows = stock('A;WH;1;', 'B;WH;1;', 'a;WH;2;', 'A;WH;3;');
    expect((await run('inventory', rows, { mapping: m })).errors).toEqual([{ row: 5, column: null, message: 'duplicate key sku=A, location=WH (first on row 2)' }]);
    const unchecked = await run('inventory', rows, { mapping: m, checkDuplicateKeys: false });
    expect(unchecked.errors).toEqual([]);
    expect(unchecked.rows).toHaveLength(4);
    expect((await run('inventory', ['sku,location,on_hand\nA,WH,1\nA,WH,2\n'], { checkDuplicateKeys: false })).rows).toHaveLength(2);
  });

  it.each([
    ['an empty file', [], 'file is empty'],
    ['blank lines', ['\r\n  \r\n'], 'file is empty'],
    ['a workbook', [Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00)], expect.stringMatching(/^not a text CSV file/)],
  ])('refuses %s at row 1', async (_, chunks, message) => {
    const result = await run('inventory', chunks, { mapping: m });
    expect(result.errors).toEqual([{ row: 1, column: null, message }]);
    expect(result.shape).toBeNull();
  });

  it('says a header-only file has no data rows', async () => {
    expect((await run('inventory', stock(''), { mapping: m })).errors).toEqual([{ row: 1, column: null, message: 'file has no data rows' }]);
  });

  it('stops reading at NUL bytes found after the detection window, and advises on invalid UTF-8', async () => {
    let chunksRead = 0;
    async function* source() {
      for (let i = 0; i < 200; i++) {
        chunksRead++;
        yield i === 0 ? 'Teil;Lager;Menge;Notiz\n' : i === 150 ? 'A;W\u0000H;1;\n' : `P${i};WH;1;${'x'.repeat(1_000)}\n`;
      }
    }
    const stream = createImportRowStream('inventory', source(), { mapping: m });
    for await (const batch of stream) void batch;
    expect(chunksRead).toBe(151);
    expect(stream.errors).toEqual([{ row: 151, column: null, message: expect.stringMatching(/^not a text CSV file.*windows-1252 in the mapping\)$/) }]);
  });
});

describe('createImportRowStream without a mapping', () => {
  /** Pieces that exercise every branch of the tokenizer and the header/row checks. */
  const csvToken = fc.constantFrom(
    ',', ';', '"', '""', '\n', '\r', '\r\n', ' ', '\uFEFF', '\u0000', '\uFFFD', "'", '=', 'a', 'é', '😀',
    '0', '7', '12.50', '-5', '2026-02-30', '2026-06-30', 'PHX1', 'gpu', 'open',
    ...IMPORT_KINDS.flatMap((kind) => getImportSpec(kind).columns),
  );
  const csvLikeText = fc.array(csvToken, { maxLength: 80 }).map((tokens) => tokens.join(''));

  it('behaves exactly as createCanonicalRowStream, chunked anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...IMPORT_KINDS), csvLikeText, fc.array(fc.nat(), { maxLength: 6 }), async (kind, csv, cuts) => {
        const canonical = createCanonicalRowStream(kind, (async function* () { yield csv; })(), { maxErrors: 50 });
        const rows: unknown[] = [];
        for await (const batch of canonical) rows.push(...batch);
        const result = await run(kind, splitAt(utf8(csv), cuts), { maxErrors: 50, batchSize: 2 });
        expect({ rows: result.rows, errors: result.errors, errorCount: result.errorCount, rowCount: result.rowCount }).toEqual({
          rows,
          errors: canonical.errors,
          errorCount: canonical.errorCount,
          rowCount: canonical.rowCount,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('describes the canonical file it read', async () => {
    const result = await run('targets', [utf8('\uFEFF\r\ndate,gpus_online\r\n2026-06-30,8\r\n')]);
    expect(result.shape).toEqual({ encoding: 'utf-8-bom', delimiter: ',', headerRow: 2, headers: ['date', 'gpus_online'] });
  });

  it('still refuses Windows-1252 bytes and supplier headers', async () => {
    expect((await run('inventory', [cp1252('sku,location,on_hand\nA,Süd,1\n')])).errors[0]?.message).toMatch(/^not a text CSV file/);
    expect((await run('inventory', ['Teil,Lager,Menge\nA,WH,1\n'])).errors[0]).toEqual({ row: 1, column: 'Teil', message: expect.stringMatching(/^unknown column/) });
  });
});

describe('createImportRowStream: robustness', () => {
  const token = fc.constantFrom(
    ',', ';', '\t', '"', '""', '\n', '\r\n', ' ', '\uFEFF', '\u0000', "'", '=', 'a', 'ü', '€', '😀', '0', '7', '1.234,5', '1,23,4', '-5',
    '02.03.2026', '30.02.2026', '46083', 'Lieferavis', 'Bestellnummer', 'Pos.', 'Artikelnummer', 'Menge', 'Liefertermin', 'Status', 'Bemerkung',
  );
  const mappings = fc.constantFrom(
    GERMAN_MAPPING,
    mapping({ ...GERMAN_MAPPING, dateFormat: 'excel-serial', thousandsSeparator: ' ', unitFactors: { qty: '0.3048' } }),
    mapping({ ...GERMAN_MAPPING, delimiter: '\t', headerRow: 2, encoding: 'utf-8' }),
    mapping({ columns: {}, constants: {} }),
  );
  const bytes = fc.oneof(
    fc.array(token, { maxLength: 80 }).map((tokens) => utf8(tokens.join(''))),
    fc.uint8Array({ maxLength: 200 }),
    fc.tuple(poLines, fc.array(fc.record({ at: fc.nat(), remove: fc.integer({ min: 0, max: 3 }), insert: fc.uint8Array({ maxLength: 3 }) }), { maxLength: 6 })).map(([lines, edits]) => {
      let file = germanFile(lines);
      for (const { at, remove, insert } of edits) {
        const i = at % (file.length + 1);
        file = Uint8Array.from([...file.subarray(0, i), ...insert, ...file.subarray(i + remove)]);
      }
      return file;
    }),
  );

  it('any bytes under any mapping give rows and errors with real row numbers, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, mappings, fc.array(fc.nat(), { maxLength: 4 }), fc.integer({ min: 1, max: 5 }), async (file, m, cuts, maxErrors) => {
        const result = await run('purchase-orders', splitAt(file, cuts), { mapping: m, maxErrors, batchSize: 2 });
        const lines = 1 + (new TextDecoder('latin1').decode(file).match(/\r\n|\r|\n/g)?.length ?? 0);
        expect(result.errors.length).toBeLessThanOrEqual(maxErrors);
        expect(result.errorCount).toBeGreaterThanOrEqual(result.errors.length);
        expect(result.errorCount === 0).toBe(result.message === null);
        if (result.errorCount === 0) expect(result.rows.length).toBeGreaterThan(0);
        for (const error of result.errors) {
          expect(error.row).toBeGreaterThanOrEqual(1);
          expect(error.row).toBeLessThanOrEqual(lines);
          expect(error.message).not.toBe('');
        }
        const schema = getImportSpec('purchase-orders').schema;
        for (const row of result.rows as { value: unknown }[]) expect(schema.parse(row.value)).toEqual(row.value);
      }),
      { numRuns: 400 },
    );
  });
});
