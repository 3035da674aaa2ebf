import { describe, expect, it } from 'vitest';
import {
  cleanMapping,
  daysBetween,
  errorsCsv,
  errorsFilename,
  fieldLabel,
  fieldsBesideKey,
  isValidFactor,
  mappingProblems,
  sampleValues,
  signed,
  startingMapping,
  summarizeMoves,
  viewChange,
} from './preview-model';
import type { ImportMapping, InspectResult } from './types';

const base: ImportMapping = { columns: {}, dateFormat: 'YYYY-MM-DD', decimalSeparator: '.', thousandsSeparator: '' };

function inspectOf(over: Partial<InspectResult>): InspectResult {
  return {
    encoding: 'utf-8',
    delimiter: ';',
    headerRow: 1,
    headers: ['Bestellnummer', 'Pos', 'Artikel'],
    rowCount: 2,
    sample: [
      ['PO-1', '1', 'A'],
      ['PO-1', '2', 'A'],
    ],
    canonical: false,
    suggested: { ...base, columns: { Bestellnummer: 'po_number', Pos: 'line' } },
    saved: null,
    ...over,
  };
}

describe('startingMapping', () => {
  it('starts from the saved mapping when the supplier has one, and lists every header of the file', () => {
    const saved = { name: 'FERGUSON default', mapping: { ...base, columns: { Artikel: 'sku' }, dateFormat: 'DD.MM.YYYY' as const } };
    const start = startingMapping(inspectOf({ saved }));
    expect(start.source).toBe('saved');
    expect(start.name).toBe('FERGUSON default');
    expect(start.mapping.dateFormat).toBe('DD.MM.YYYY');
    expect(start.mapping.columns).toEqual({ Bestellnummer: null, Pos: null, Artikel: 'sku' });
  });

  it('falls back to the suggestion from the headers, with unmatched headers ignored', () => {
    const start = startingMapping(inspectOf({}));
    expect(start.source).toBe('suggested');
    expect(start.mapping.columns).toEqual({ Bestellnummer: 'po_number', Pos: 'line', Artikel: null });
  });
});

describe('mappingProblems', () => {
  it('names required columns neither mapped nor given a fixed value, and columns mapped twice', () => {
    const mapping: ImportMapping = { ...base, columns: { A: 'po_number', B: 'line', C: 'line', D: 'sku', E: 'qty' }, constants: { supplier: 'FERGUSON', promised_date: ' ' } };
    const problems = mappingProblems('purchase-orders', mapping, ['A', 'B', 'C', 'D', 'E']);
    expect(problems.map((p) => p.column)).toEqual(['C', 'promised_date']);
  });

  it('a header of the file the mapping leaves out is a problem; an ignored one is not', () => {
    const columns = { A: 'supplier', B: 'po_number', C: 'line', D: 'sku', E: 'qty', F: 'promised_date', G: null };
    expect(mappingProblems('purchase-orders', { ...base, columns }, ['A', 'B', 'C', 'D', 'E', 'F', 'G'])).toEqual([]);
    expect(mappingProblems('purchase-orders', { ...base, columns }, ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']).map((p) => p.column)).toEqual(['H']);
  });
});

describe('cleanMapping', () => {
  it('drops blank fixed values, fixed values for mapped columns, and unit factors of unmapped columns', () => {
    const mapping: ImportMapping = {
      ...base,
      columns: { Menge: 'qty', Artikel: 'sku' },
      constants: { supplier: 'FERGUSON', status: '', sku: 'X' },
      unitFactors: { qty: '0.3048', on_hand: '2' },
    };
    expect(cleanMapping(mapping)).toEqual({ ...mapping, constants: { supplier: 'FERGUSON' }, unitFactors: { qty: '0.3048' } });
    expect(cleanMapping({ ...base, columns: { A: 'qty' }, unitFactors: { qty: ' ' } })).toEqual({ ...base, columns: { A: 'qty' } });
  });
});

describe('sampleValues', () => {
  it('shows distinct non-blank values of a column, at most three', () => {
    const inspect = inspectOf({ headers: ['x'], sample: [['1'], [''], ['1'], ['2'], ['3'], ['4']] });
    expect(sampleValues(inspect, 'x')).toEqual(['1', '2', '3']);
    expect(sampleValues(inspect, 'missing')).toEqual([]);
  });
});

describe('isValidFactor', () => {
  it('accepts a positive plain decimal only', () => {
    expect(isValidFactor('0.3048')).toBe(true);
    expect(isValidFactor(' 2 ')).toBe(true);
    for (const bad of ['0', '0.0', '0,3048', '-1', '1e3', 'ft', '']) expect(isValidFactor(bad), bad).toBe(false);
  });
});

describe('viewChange and summarizeMoves', () => {
  const moved = (before: string, after: string) =>
    viewChange({
      row: 2,
      key: 'FERGUSON/PO-24422/2',
      action: 'update',
      before: { sku: 'PIPE-DN100-M', qty: '6000', promisedDate: before, status: 'open' },
      after: { sku: 'PIPE-DN100-M', qty: '6096.0', promisedDate: after, status: 'open' },
    });

  it('a moved promised date is the headline; other changed fields are listed apart and 6096.0 equals 6096', () => {
    const v = moved('2026-07-14', '2026-08-25');
    expect(v.promised).toEqual({ before: '2026-07-14', after: '2026-08-25', days: 42 });
    expect(v.fields).toEqual([{ field: 'qty', before: '6000', after: '6096.0' }]);
    const same = viewChange({ row: 3, key: 'k', action: 'update', before: { qty: '12.50' }, after: { qty: '12.5' } });
    expect(same.fields).toEqual([]);
  });

  it('reads the canonical column name promised_date too', () => {
    const v = viewChange({ row: 2, key: 'k', action: 'update', before: { promised_date: '2026-03-02' }, after: { promised_date: '2026-02-27' } });
    expect(v.promised?.days).toBe(-3);
  });

  it('counts moves, later ones and the longest slip; new rows move nothing', () => {
    const created = viewChange({ row: 5, key: 'new', action: 'create', before: null, after: { promisedDate: '2027-01-01' } });
    expect(created.promised).toBeNull();
    expect(summarizeMoves([moved('2026-07-14', '2026-08-25'), moved('2026-07-14', '2026-07-21'), moved('2026-07-14', '2026-07-01'), created])).toEqual({
      moved: 3,
      later: 2,
      earlier: 1,
      maxSlip: 42,
    });
  });

  it('counts days across month and year ends and a leap day', () => {
    expect(daysBetween('2027-12-31', '2028-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });
});

describe('errorsCsv', () => {
  it('writes row, column and message, defusing cells a spreadsheet would run as formulas', () => {
    const csv = errorsCsv([
      { row: 3, column: 'sku', message: 'unknown SKU "=HYPERLINK(1)"' },
      { row: 4, column: null, message: '=cmd|calc' },
      { row: 5, column: 'qty', message: '+1, or -1' },
    ]);
    expect(csv).toBe('row,column,message\r\n3,sku,"unknown SKU ""=HYPERLINK(1)"""\r\n4,,\'=cmd|calc\r\n5,qty,"\'+1, or -1"\r\n');
  });

  it('names the file after the upload', () => {
    expect(errorsFilename('ferguson-po.csv')).toBe('ferguson-po-errors.csv');
    expect(errorsFilename('export')).toBe('export-errors.csv');
  });
});

describe('labels', () => {
  it('turns field names into words and deltas into signed, grouped numbers', () => {
    expect(fieldLabel('promisedDate')).toBe('promised date');
    expect(fieldLabel('qty_per_build')).toBe('qty per build');
    expect(signed(1200)).toBe('+1,200');
    expect(signed(-96)).toBe('-96');
    expect(signed(0)).toBe('±0');
  });
});

describe('fieldsBesideKey', () => {
  it("leaves out a new row's fields that its key already shows, but never a quantity equal to a key part", () => {
    const after = { supplier: 'FERGUSON', poNumber: 'PO-24674', lineNo: 9, sku: 'PIPE-DN100-M', qty: '9', promisedDate: '2027-06-15', status: 'open' };
    expect(fieldsBesideKey('FERGUSON/PO-24674/9', after).map(([f]) => f)).toEqual(['sku', 'qty', 'promisedDate', 'status']);
    expect(fieldsBesideKey('["DGX-A100","A100-SXM4-80G"]', { outputSku: 'DGX-A100', componentSku: 'A100-SXM4-80G', qtyPerBuild: '8' }).map(([f]) => f)).toEqual(['qtyPerBuild']);
    expect(fieldsBesideKey('A100-SXM4-80G', { sku: 'A100-SXM4-80G', name: 'A100' }).map(([f]) => f)).toEqual(['name']);
  });
});
