import { describe, expect, it } from 'vitest';
import { getImportSpec, IMPORT_KINDS } from '@/lib/validation/import-kinds';
import { COLUMN_TYPES } from './column-types';
import { importMappingSchema, QUANTITY_COLUMNS, validateMappingForKind, type ImportMappingInput } from './mapping';
import { HEADER_SYNONYMS } from './synonyms';

const PO_COLUMNS = { 'PO #': 'po_number', Line: 'line', 'Part No': 'sku', Qty: 'qty', ETA: 'promised_date', Notes: null };
const parse = (input: ImportMappingInput) => importMappingSchema.parse(input);

describe('importMappingSchema', () => {
  it('fills in the defaults: ISO dates, "." decimals, no thousands separator', () => {
    expect(parse({ columns: PO_COLUMNS })).toEqual({ columns: PO_COLUMNS, dateFormat: 'YYYY-MM-DD', decimalSeparator: '.', thousandsSeparator: '' });
  });

  it('keeps every field of a full mapping', () => {
    const full = {
      columns: PO_COLUMNS,
      constants: { supplier: 'ACME' },
      dateFormat: 'DD.MM.YYYY',
      decimalSeparator: ',',
      thousandsSeparator: '.',
      unitFactors: { qty: '0.3048' },
      encoding: 'windows-1252',
      delimiter: ';',
      headerRow: 3,
    } as const;
    expect(parse(full)).toEqual(full);
  });

  it.each([
    ['an unknown field', { columns: {}, colums: {} }],
    ['an unknown date format', { columns: {}, dateFormat: 'YY-MM-DD' }],
    ['a header row of 0', { columns: {}, headerRow: 0 }],
    ['a unit factor in exponent notation', { columns: {}, unitFactors: { qty: '3e-1' } }],
    ['a zero unit factor', { columns: {}, unitFactors: { qty: '0.000' } }],
    ['a pipe delimiter', { columns: {}, delimiter: '|' }],
  ])('refuses %s', (_, input) => {
    expect(importMappingSchema.safeParse(input).success).toBe(false);
  });
});

describe('validateMappingForKind', () => {
  const valid = parse({ columns: PO_COLUMNS, constants: { supplier: 'ACME' } });

  it('finds nothing wrong with a complete purchase-order mapping', () => {
    expect(validateMappingForKind('purchase-orders', valid)).toEqual([]);
    expect(validateMappingForKind('purchase-orders', valid, ['PO #', 'Line', 'Part No', 'Qty', 'ETA', 'Notes'])).toEqual([]);
  });

  it('refuses canonical columns the kind does not have, in columns and constants', () => {
    const mapping = parse({ columns: { ...PO_COLUMNS, Price: 'unit_price' }, constants: { supplier: 'ACME', site: 'PHX1' } });
    expect(validateMappingForKind('purchase-orders', mapping)).toEqual([
      { column: 'Price', message: expect.stringMatching(/^maps to "unit_price", which is not a purchase-orders column/) },
      { column: 'site', message: expect.stringMatching(/^has a constant but is not a purchase-orders column/) },
    ]);
  });

  it('refuses a canonical column mapped twice, naming both source columns', () => {
    const mapping = parse({ columns: { ...PO_COLUMNS, 'Ship Date': 'promised_date' }, constants: { supplier: 'ACME' } });
    expect(validateMappingForKind('purchase-orders', mapping)).toEqual([
      { column: 'Ship Date', message: 'maps to promised_date, which is already mapped from column "ETA"' },
    ]);
  });

  it('names each required column that is neither mapped nor constant', () => {
    const mapping = parse({ columns: { 'Part No': 'sku', Qty: 'qty' } });
    expect(validateMappingForKind('purchase-orders', mapping).map((problem) => problem.column)).toEqual([
      'supplier',
      'po_number',
      'line',
      'promised_date',
    ]);
  });

  it('refuses a column that is both mapped and constant', () => {
    const mapping = parse({ columns: { ...PO_COLUMNS, Vendor: 'supplier' }, constants: { supplier: 'ACME' } });
    expect(validateMappingForKind('purchase-orders', mapping)).toEqual([
      { column: 'supplier', message: 'is both mapped from column "Vendor" and given a constant; keep one' },
    ]);
  });

  it('allows unit factors on quantity columns only', () => {
    const mapping = parse({ columns: PO_COLUMNS, constants: { supplier: 'ACME' }, unitFactors: { qty: '0.3048', line: '2' } });
    expect(validateMappingForKind('purchase-orders', mapping)).toEqual([
      { column: 'line', message: 'has a unit factor, but unit factors apply to quantity columns only (only qty can have one)' },
    ]);
    const targets = parse({ columns: { Date: 'date', GPUs: 'gpus_online' }, unitFactors: { gpus_online: '8' } });
    expect(validateMappingForKind('targets', targets)[0]?.message).toMatch(/targets has no quantity column/);
  });

  it('refuses a non-positive unit factor given without the schema', () => {
    const mapping = { ...valid, unitFactors: { qty: '-1' } };
    expect(validateMappingForKind('purchase-orders', mapping)).toEqual([{ column: 'qty', message: 'unit factor "-1" must be a positive decimal such as 0.3048' }]);
  });

  it('refuses the same character as decimal and thousands separator', () => {
    const mapping = parse({ columns: PO_COLUMNS, constants: { supplier: 'ACME' }, decimalSeparator: ',', thousandsSeparator: ',' });
    expect(validateMappingForKind('purchase-orders', mapping)).toEqual([
      { column: null, message: 'the decimal separator and the thousands separator are both ","' },
    ]);
  });

  it('checks the mapping against the file header: missing, unmapped and repeated columns', () => {
    const headers = ['PO #', 'Line', 'Part No', 'Qty', 'Notes', 'Colour', 'Notes', 'Line', ''];
    expect(validateMappingForKind('purchase-orders', valid, headers)).toEqual([
      { column: 'Colour', message: 'column is not in the mapping; map it to a field or mark it ignored' },
      { column: 'Line', message: 'duplicate column (columns 2 and 8); the mapping cannot tell which to use' },
      { column: 'ETA', message: 'column is not in the file (the mapping reads promised_date from it)' },
    ]);
  });
});

describe('column tables', () => {
  it('give every canonical column of every kind a type and header synonyms', () => {
    for (const kind of IMPORT_KINDS) {
      const columns = [...getImportSpec(kind).columns].sort();
      expect(Object.keys(COLUMN_TYPES[kind]).sort()).toEqual(columns);
      expect(Object.keys(HEADER_SYNONYMS[kind]).sort()).toEqual(columns);
    }
  });

  it('list as quantity columns only decimal columns', () => {
    for (const kind of IMPORT_KINDS) {
      for (const column of QUANTITY_COLUMNS[kind]) expect((COLUMN_TYPES[kind] as Record<string, string>)[column]).toBe('decimal');
    }
    expect(QUANTITY_COLUMNS).toMatchObject({ 'purchase-orders': ['qty'], inventory: ['on_hand'], bom: ['qty_per_build'] });
  });
});
