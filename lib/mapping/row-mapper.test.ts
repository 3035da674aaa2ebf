import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { excelSerialToIsoDate, parseDateCell } from './dates';
import { importMappingSchema, type DateFormat, type ImportMappingInput } from './mapping';
import { numberConverter, scaleByFactor } from './numbers';
import { createRowMapper } from './row-mapper';

const HEADERS = ['PO #', 'Pos', 'Part No', 'Qty (ft)', 'ETA', 'Notes'];
const COLUMNS = { 'PO #': 'po_number', Pos: 'line', 'Part No': 'sku', 'Qty (ft)': 'qty', ETA: 'promised_date', Notes: null };

function mapper(overrides: Partial<ImportMappingInput> = {}, headers = HEADERS) {
  return createRowMapper('purchase-orders', headers, importMappingSchema.parse({ columns: COLUMNS, constants: { supplier: 'ACME' }, ...overrides }));
}

const value = (result: { ok: true; value: string } | { ok: false; message: string }) => (result.ok ? result.value : `error: ${result.message}`);

describe('date cells', () => {
  it.each<[DateFormat, string, string]>([
    ['YYYY-MM-DD', '2026-03-02', '2026-03-02'],
    ['YYYY-MM-DD', ' 2026-3-2 ', '2026-03-02'],
    ['YYYY-MM-DD', '2026-03-02 00:00:00', '2026-03-02'],
    ['YYYY-MM-DD', '2026-03-02T14:30', '2026-03-02'],
    ['DD/MM/YYYY', '02/03/2026', '2026-03-02'],
    ['DD/MM/YYYY', '2/3/2026', '2026-03-02'],
    ['MM/DD/YYYY', '03/02/2026', '2026-03-02'],
    ['MM/DD/YYYY', '12/31/2026 23:59', '2026-12-31'],
    ['DD.MM.YYYY', '02.03.2026', '2026-03-02'],
    ['DD.MM.YYYY', '29.02.2028', '2028-02-29'],
    ['DD.MM.YYYY', '2026-03-02', '2026-03-02'], // ISO is unambiguous in any format
    ['excel-serial', '46083', '2026-03-02'],
    ['excel-serial', '46083.75', '2026-03-02'], // a time of day
    ['excel-serial', '46083,5', '2026-03-02'],
  ])('%s: %j → %s', (format, cell, iso) => expect(value(parseDateCell(cell, format))).toBe(iso));

  it.each<[DateFormat, string, string]>([
    ['DD/MM/YYYY', '30/02/2026', 'impossible date 30/02/2026'],
    ['MM/DD/YYYY', '02/30/2026', 'impossible date 02/30/2026'],
    ['DD.MM.YYYY', '29.02.2026', 'impossible date 29.02.2026'],
    ['DD.MM.YYYY', '31.04.2026', 'impossible date 31.04.2026'],
    ['DD/MM/YYYY', '13/13/2026', 'impossible date 13/13/2026'],
    ['YYYY-MM-DD', '2026-02-30', 'impossible date 2026-02-30'],
    ['DD/MM/YYYY', '02.03.2026', '"02.03.2026" is not a date in DD/MM/YYYY format'],
    ['DD/MM/YYYY', '02/03/26', '"02/03/26" is not a date in DD/MM/YYYY format'],
    ['YYYY-MM-DD', 'next week', '"next week" is not a date in YYYY-MM-DD format'],
    ['excel-serial', '02.03.2026', '"02.03.2026" is not an Excel date serial number (or a YYYY-MM-DD date)'],
  ])('%s: refuses %j', (format, cell, message) => expect(value(parseDateCell(cell, format))).toBe(`error: ${message}`));

  it('reads any day, possible or not, the same with or without leading zeros, in every format', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (year, month, day) => {
        const y = String(year).padStart(4, '0');
        const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
        const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
        const real = day >= 1 && day <= daysInMonth;
        const iso = `${y}-${pad(month)}-${pad(day)}`;
        const cells: [DateFormat, string, string][] = [
          ['DD.MM.YYYY', `${pad(day)}.${pad(month)}.${y}`, `${day}.${month}.${y}`],
          ['DD/MM/YYYY', `${pad(day)}/${pad(month)}/${y}`, `${day}/${month}/${y}`],
          ['MM/DD/YYYY', `${pad(month)}/${pad(day)}/${y}`, `${month}/${day}/${y}`],
          ['YYYY-MM-DD', iso, `${y}-${month}-${day}`],
        ];
        for (const [format, padded, unpadded] of cells) {
          for (const cell of [padded, unpadded]) {
            expect(parseDateCell(cell, format)).toEqual(real ? { ok: true, value: iso } : { ok: false, message: `impossible date ${cell}` });
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads Excel serials in the 1900 system, fake leap day included', () => {
    expect(value(excelSerialToIsoDate(1))).toBe('1900-01-01');
    expect(value(excelSerialToIsoDate(59))).toBe('1900-02-28');
    expect(value(excelSerialToIsoDate(60))).toMatch(/^error: impossible date: Excel serial 60 is 1900-02-29/);
    expect(value(excelSerialToIsoDate(61))).toBe('1900-03-01');
    expect(value(excelSerialToIsoDate(45658))).toBe('2025-01-01');
    expect(value(excelSerialToIsoDate(2_958_465))).toBe('9999-12-31');
    expect(value(excelSerialToIsoDate(0))).toMatch(/^error: impossible date/);
    expect(value(excelSerialToIsoDate(2_958_466))).toMatch(/^error: impossible date/);
  });

  it('agrees with the calendar for every serial from 1900-03-01 on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_958_465 }), (serial) => {
        // Independent reckoning: Excel's epoch is effectively 1899-12-30 after the fake leap day.
        const expected = new Date(Date.UTC(1899, 11, 30 + serial)).toISOString().slice(0, 10);
        expect(value(excelSerialToIsoDate(serial))).toBe(expected);
      }),
    );
  });
});

describe('number cells', () => {
  const german = numberConverter({ decimalSeparator: ',', thousandsSeparator: '.' });
  const english = numberConverter({ decimalSeparator: '.', thousandsSeparator: ',' });
  const plain = numberConverter({ decimalSeparator: '.', thousandsSeparator: '' });
  const swiss = numberConverter({ decimalSeparator: '.', thousandsSeparator: "'" });
  const french = numberConverter({ decimalSeparator: ',', thousandsSeparator: ' ' });

  it.each([
    [german, '1.234,5', '1234.5'],
    [german, '1.234.567', '1234567'],
    [german, '12,25', '12.25'],
    [german, ',5', '0.5'],
    [german, '5,', '5'],
    [german, '1600', '1600'],
    [german, '5-', '-5'], // SAP's trailing minus: the schema then refuses the negative
    [english, '1,234.5', '1234.5'],
    [english, '1,600', '1600'],
    [english, ' 12.50 ', '12.50'],
    [plain, '0.000001', '0.000001'],
    [plain, '-3', '-3'],
    [swiss, "1'234.50", '1234.50'],
    [swiss, '1\u2019234', '1234'],
    [french, '1 234,5', '1234.5'],
    [french, '1\u202f234\u00a0567', '1234567'],
  ])('%#: %j → %s', (convert, cell, canonical) => expect(value(convert(cell))).toBe(canonical));

  it.each([
    [english, '1,23,4', 'misplaced thousands separator in "1,23,4" (decimal separator ".", thousands separator ",")'],
    [english, '12,34', 'misplaced thousands separator in "12,34" (decimal separator ".", thousands separator ",")'],
    [german, '1.2345', 'misplaced thousands separator in "1.2345" (decimal separator ",", thousands separator ".")'],
    [german, '1,2,3', '"1,2,3" does not match the number format (decimal separator ",", thousands separator ".")'],
    [plain, '1,600', '"1,600" does not match the number format (decimal separator ".", no thousands separator)'],
    [numberConverter({ decimalSeparator: ',', thousandsSeparator: '' }), '1.5', '"1.5" does not match the number format (decimal separator ",", no thousands separator)'],
    [plain, 'abc', '"abc" is not a number'],
    [plain, '1e3', '"1e3" is not a number'],
    [plain, 'NaN', '"NaN" is not a number'],
    [plain, '.', '"." is not a number'],
  ])('%#: refuses %j', (convert, cell, message) => expect(value(convert(cell))).toBe(`error: ${message}`));

  it('converts any number written with thousands groups back to its digits', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n - 1n }), fc.option(fc.integer({ min: 0, max: 999_999 }), { nil: null }), (int, frac) => {
        const digits = int.toString();
        const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        const cell = frac === null ? grouped : `${grouped},${frac}`;
        expect(value(german(cell))).toBe(frac === null ? digits : `${digits}.${frac}`);
      }),
    );
  });
});

describe('unit factors', () => {
  it.each([
    ['100', '0.3048', '30.48'],
    ['3', '0.3048', '0.9144'],
    ['1', '0.45359237', '0.453592'], // rounded to the stored 6 places
    ['0.0000005', '1', '0.000001'], // half up
    ['0.0000004', '1', '0'],
    ['123456789012.123456', '0.3048', '37629629290.895229'],
    ['12', '1000', '12000'],
    // 22 significant digits: an oracle at decimal.js's default 20-digit precision rounds twice and says ...321.
    ['377065.000001', '26.99999990', '10180754.96232'],
  ])('%s × %s = %s exactly', (quantity, factor, product) => expect(scaleByFactor(quantity, factor)).toBe(product));

  it('matches exact decimal arithmetic for any quantity and factor', () => {
    // The oracle must be exact too: decimal.js keeps 20 significant digits by default, and a
    // product of 7+6 and 5+8 digit operands needs more, so it would round twice.
    const Oracle = Decimal.clone({ precision: 100 });
    const decimal = (maxInt: number, places: number) =>
      fc.tuple(fc.integer({ min: 0, max: maxInt }), fc.integer({ min: 0, max: 10 ** places - 1 })).map(([i, f]) => `${i}.${String(f).padStart(places, '0')}`);
    fc.assert(
      fc.property(decimal(1_000_000, 6), decimal(10_000, 8), (quantity, factor) => {
        const exact = new Oracle(quantity).times(factor).toDecimalPlaces(6, Decimal.ROUND_HALF_UP);
        expect(new Decimal(scaleByFactor(quantity, factor)).equals(exact)).toBe(true);
      }),
    );
  });
});

describe('createRowMapper', () => {
  it('maps a row to canonical columns, with constants and without ignored columns', () => {
    const m = mapper({ dateFormat: 'DD.MM.YYYY', decimalSeparator: ',', thousandsSeparator: '.', unitFactors: { qty: '0.3048' } });
    expect(m.problems).toEqual([]);
    expect(m.map(['PO-7731', '10', 'PIPE-DN100', '100', '02.03.2026', 'urgent'])).toEqual({
      ok: true,
      record: { po_number: 'PO-7731', line: '10', sku: 'PIPE-DN100', qty: '30.48', promised_date: '2026-03-02', supplier: 'ACME' },
    });
    expect(m.map(['PO-7731', '20', 'PIPE-DN100', '1.000,5', '2026-03-09', ''])).toMatchObject({ ok: true, record: { qty: '304.9524' } });
  });

  it('leaves blank cells blank for the schema to judge, and leaves text alone', () => {
    const m = mapper({ dateFormat: 'DD/MM/YYYY' });
    expect(m.map([' ', '', '=1+2', '  ', '', ''])).toEqual({
      ok: true,
      record: { po_number: ' ', line: '', sku: '=1+2', qty: '  ', promised_date: '', supplier: 'ACME' },
    });
  });

  it("names the supplier's column in errors, and the field it feeds", () => {
    const m = mapper({ dateFormat: 'DD/MM/YYYY', decimalSeparator: ',', thousandsSeparator: '.' });
    expect(m.map(['PO-1', '1,5', 'A100', '1,23,4', '30/02/2026', ''])).toEqual({
      ok: false,
      errors: [
        { column: 'Qty (ft)', message: '"1,23,4" does not match the number format (decimal separator ",", thousands separator ".") (mapped to qty)' },
        { column: 'ETA', message: 'impossible date 30/02/2026 (mapped to promised_date)' },
      ],
    });
  });

  it('passes "1,5" in a count column on to the schema as "1.5", which refuses it as a line number', () => {
    expect(mapper({ decimalSeparator: ',' }).map(['PO-1', '1,5', 'A', '1', '2026-03-02', ''])).toMatchObject({ ok: true, record: { line: '1.5' } });
  });

  it('reports header problems: a mapped column missing from the file, a file column not in the mapping', () => {
    const m = mapper({}, ['PO #', 'Pos', 'Part No', 'Quantity', 'ETA', 'Notes']);
    expect(m.problems).toEqual([
      { column: 'Quantity', message: 'column is not in the mapping; map it to a field or mark it ignored' },
      { column: 'Qty (ft)', message: 'column is not in the file (the mapping reads qty from it)' },
    ]);
    expect(() => m.map(['PO-1', '1', 'A', '5', '2026-03-02', ''])).not.toThrow();
  });

  it('finds columns whatever their order, and trims header names', () => {
    const m = mapper({}, [' ETA ', 'Notes', 'Qty (ft)', 'Part No', 'Pos', 'PO #']);
    expect(m.problems).toEqual([]);
    expect(m.map(['2026-03-02', 'x', '5', 'A', '1', 'PO-1'])).toMatchObject({ ok: true, record: { promised_date: '2026-03-02', po_number: 'PO-1' } });
  });
});
