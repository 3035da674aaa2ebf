import { describe, expect, it } from 'vitest';
import { CsvImportError } from './errors';
import { parseCanonicalCsv, parseNumberedCanonicalCsv } from './parse';

const PO_HEADER = 'supplier,po_number,line,sku,qty,promised_date,status';
const po = (...lines: string[]) => [PO_HEADER, ...lines].join('\n');
const INV_HEADER = 'sku,location,on_hand';
const inv = (...lines: string[]) => [INV_HEADER, ...lines].join('\n');

describe('parseCanonicalCsv: valid files', () => {
  it('returns normalised camelCase rows with defaults for blank optional fields', () => {
    const result = parseCanonicalCsv('purchase-orders', po('nvidia , PO-7731,4, A100-SXM4-80G ,1600.50,2026-03-02,'));
    expect(result.errors).toEqual([]);
    expect(result.message).toBeNull();
    expect(result.rows).toEqual([
      {
        supplier: 'NVIDIA',
        poNumber: 'PO-7731',
        lineNo: 4,
        sku: 'A100-SXM4-80G',
        qty: '1600.5',
        promisedDate: '2026-03-02',
        status: 'open',
        receivedDate: null,
      },
    ]);
  });

  it('accepts columns in any order and leaves out optional columns entirely', () => {
    const result = parseCanonicalCsv('items', 'unit,category,name,sku\nea,GPU,A100 80GB,A100-SXM4-80G');
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      { sku: 'A100-SXM4-80G', name: 'A100 80GB', category: 'gpu', unit: 'ea', site: null, gpusOnlinePerUnit: 0 },
    ]);
  });

  it('strips a UTF-8 byte-order mark so the first column name still matches', () => {
    const result = parseCanonicalCsv('targets', '\uFEFFdate,gpus_online\r\n2026-06-30,10000\r\n');
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([{ date: '2026-06-30', gpusOnline: 10000 }]);
  });

  it('accepts bytes and strips the byte-order mark there too', () => {
    const bytes = new TextEncoder().encode('\uFEFFdate,gpus_online\n2026-06-30,8\n');
    expect(parseCanonicalCsv('targets', bytes).rows).toEqual([{ date: '2026-06-30', gpusOnline: 8 }]);
  });

  it('trims header names', () => {
    expect(parseCanonicalCsv('targets', ' date , gpus_online \n2026-06-30,1').errors).toEqual([]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'sku,name,category,unit\nPIPE-DN100,"Pipe, 4"" steel\nschedule 40",facility,m';
    expect(parseCanonicalCsv('items', text).rows[0]?.name).toBe('Pipe, 4" steel\nschedule 40');
  });

  it('stores text starting with =, +, - or @ as literal text', () => {
    const result = parseCanonicalCsv('inventory', inv('A100,=HYPERLINK("x"),1', 'A100,+WH,1', 'A100,-WH,2', 'A100,@WH,3'));
    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => row.location)).toEqual(['=HYPERLINK("x")', '+WH', '-WH', '@WH']);
  });

  it('reads files with CR-only line ends', () => {
    const result = parseCanonicalCsv('targets', 'date,gpus_online\r2026-06-30,1\r2026-07-31,-2\r');
    expect(result.errors).toEqual([{ row: 3, column: 'gpus_online', message: 'must be a whole number of at least 0' }]);
  });
});

describe('parseCanonicalCsv: row numbers are spreadsheet line numbers', () => {
  it('numbers the header row 1 and the first data row 2', () => {
    expect(parseCanonicalCsv('inventory', inv('A100,WH,x')).errors).toEqual([
      { row: 2, column: 'on_hand', message: 'must be a non-negative decimal' },
    ]);
  });

  it('skips blank lines but still counts them', () => {
    const result = parseCanonicalCsv('inventory', inv('', 'A100,WH,1', '   ', '', 'A100,WH2,bad'));
    expect(result.rows).toHaveLength(1);
    expect(result.errors).toEqual([{ row: 6, column: 'on_hand', message: 'must be a non-negative decimal' }]);
  });

  it('numbers each valid row so later checks (unknown SKU) can point at it', () => {
    const text = 'sku,name,category,unit\n\nA,"x\ny",gpu,ea\nB,z,gpu,ea';
    expect(parseNumberedCanonicalCsv('items', text).rows.map(({ row, value }) => [row, value.sku])).toEqual([
      [3, 'A'],
      [5, 'B'],
    ]);
  });

  it('skips rows of empty cells that spreadsheets leave below the data', () => {
    const result = parseCanonicalCsv('inventory', inv('A100,WH,1', ',,', ',,', ''));
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(1);
  });

  it('gives a record the line it starts on and counts lines inside quoted fields', () => {
    const text = ['sku,name,category,unit', 'A,"two\nlines",gpu,ea', 'B,"three\r\nline\rname",gpu,ea', 'C,ok,bogus,ea'].join('\r\n');
    expect(parseCanonicalCsv('items', text).errors).toEqual([
      { row: 7, column: 'category', message: expect.stringContaining('must be one of') },
    ]);
  });

  it('reports the error inside a multi-line record at the line the record starts on', () => {
    const text = ['sku,name,category,unit', 'A,"x\ny",gpu,"e\na"'].join('\n');
    expect(parseCanonicalCsv('items', text).errors).toEqual([
      { row: 2, column: 'unit', message: 'must be a single line without control characters' },
    ]);
  });
});

describe('parseCanonicalCsv: field errors name the row and column', () => {
  it.each([
    ['2026-02-30', '2026-02-30 is not a real calendar date'],
    ['2025-02-29', '2025-02-29 is not a real calendar date'],
    ['2026-13-01', '2026-13-01 is not a real calendar date'],
    ['02/03/2026', 'must be a date in YYYY-MM-DD format'],
    ['', 'required'],
  ])('refuses the promised date %j', (date, message) => {
    expect(parseCanonicalCsv('purchase-orders', po(`NV,PO-1,1,A100,1,${date},open`)).errors).toEqual([
      { row: 2, column: 'promised_date', message },
    ]);
  });

  it.each([
    ['-5', 'must be a non-negative decimal'],
    ['', 'required'],
    ['  ', 'required'],
    ['abc', 'must be a non-negative decimal'],
    ['1e3', 'must be a non-negative decimal'],
    ['NaN', 'must be a non-negative decimal'],
    ['"1,600"', 'must be a non-negative decimal'],
    ['0.0000001', 'must have at most 6 decimal places'],
  ])('refuses the quantity %j', (qty, message) => {
    expect(parseCanonicalCsv('purchase-orders', po(`NV,PO-1,1,A100,${qty},2026-03-02,open`)).errors).toEqual([
      { row: 2, column: 'qty', message },
    ]);
  });

  it('refuses a zero quantity per build, which must be positive', () => {
    const result = parseCanonicalCsv('bom', 'output_sku,component_sku,qty_per_build\nDGX,A100,0.00');
    expect(result.errors).toEqual([{ row: 2, column: 'qty_per_build', message: 'must be greater than 0' }]);
  });

  it('reports every bad cell of a row, once each', () => {
    const result = parseCanonicalCsv('purchase-orders', po('nv idia,PO-1,0,A100,-1,2026-02-30,shipped'));
    expect(result.errors.map((error) => error.column)).toEqual(['supplier', 'line', 'qty', 'promised_date', 'status']);
    expect(result.errors.every((error) => error.row === 2)).toBe(true);
  });
});

describe('parseCanonicalCsv: header', () => {
  it('names a missing required column at row 1', () => {
    const result = parseCanonicalCsv('inventory', 'sku,location\nA100,WH');
    expect(result.errors).toEqual([{ row: 1, column: 'on_hand', message: 'required column is missing' }]);
    expect(result.rows).toEqual([]);
  });

  it('names an unknown extra column at row 1', () => {
    const result = parseCanonicalCsv('inventory', 'sku,location,on_hand,colour\nA100,WH,1,red');
    expect(result.errors).toEqual([{ row: 1, column: 'colour', message: expect.stringMatching(/^unknown column/) }]);
  });

  it('suggests the canonical name for a differently spelled column', () => {
    const result = parseCanonicalCsv('inventory', 'SKU,location,On Hand\nA100,WH,1');
    expect(result.errors).toEqual([
      { row: 1, column: 'SKU', message: 'unknown column; did you mean "sku"?' },
      { row: 1, column: 'On Hand', message: 'unknown column; did you mean "on_hand"?' },
      { row: 1, column: 'sku', message: 'required column is missing' },
      { row: 1, column: 'on_hand', message: 'required column is missing' },
    ]);
  });

  it('refuses a duplicate column', () => {
    const result = parseCanonicalCsv('inventory', 'sku,location,on_hand,sku\nA100,WH,1,A100');
    expect(result.errors).toEqual([{ row: 1, column: 'sku', message: 'duplicate column (columns 1 and 4)' }]);
  });

  it('refuses a blank column name', () => {
    expect(parseCanonicalCsv('inventory', 'sku,location,on_hand,\nA100,WH,1,').errors).toEqual([
      { row: 1, column: null, message: 'column 4 has no name' },
    ]);
  });

  it('says an empty file is empty', () => {
    for (const text of ['', '\uFEFF', '\n\n', ' \r\n ']) {
      expect(parseCanonicalCsv('targets', text).errors).toEqual([{ row: 1, column: null, message: 'file is empty' }]);
    }
  });

  it('says a header-only file has no data rows', () => {
    expect(parseCanonicalCsv('targets', 'date,gpus_online\r\n\r\n').errors).toEqual([
      { row: 1, column: null, message: 'file has no data rows' },
    ]);
  });
});

describe('parseCanonicalCsv: malformed CSV', () => {
  it('refuses a row with the wrong number of fields, naming the row', () => {
    const result = parseCanonicalCsv('inventory', inv('A100,WH,1', 'A100,WH2', 'A100,WH3,1,extra'));
    expect(result.errors).toEqual([
      { row: 3, column: null, message: 'has 2 fields but the header has 3' },
      { row: 4, column: null, message: 'has 4 fields but the header has 3' },
    ]);
    expect(result.rows).toHaveLength(1);
  });

  it('reports an unterminated quote at the row where it opened', () => {
    const result = parseCanonicalCsv('inventory', inv('A100,WH,1', '', 'A100,"WH2,1', 'A100,WH3,1', ''));
    expect(result.errors).toEqual([
      { row: 4, column: 'location', message: 'unterminated quoted field: the quote opened on this row is never closed' },
    ]);
    expect(result.rows).toHaveLength(1);
  });

  it('reports an unterminated quote opened on a later line of a multi-line record', () => {
    const text = 'sku,name,category,unit\nA,"multi\nline",gpu,"ea\nB,x,gpu,ea';
    expect(parseCanonicalCsv('items', text).errors).toEqual([{ row: 3, column: 'unit', message: expect.stringMatching(/^unterminated/) }]);
  });

  it('refuses text after a closing quote and carries on with the next row', () => {
    const result = parseCanonicalCsv('inventory', inv('A100,"WH"1,1', 'A100,WH,1'));
    expect(result.errors).toEqual([{ row: 2, column: 'location', message: expect.stringMatching(/^unexpected text after a closing quote/) }]);
    expect(result.rows).toHaveLength(1);
  });

  it.each([
    ['NUL bytes', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00])],
    ['invalid UTF-8 (Windows-1252 "Müller")', new Uint8Array([...new TextEncoder().encode(`${INV_HEADER}\nA,M`), 0xfc, ...new TextEncoder().encode('ller,1\n')])],
    ['UTF-16', new Uint8Array([0xff, 0xfe, 0x73, 0x00, 0x6b, 0x00, 0x75, 0x00])],
  ])('refuses %s as not a text CSV file', (_, bytes) => {
    const result = parseCanonicalCsv('inventory', bytes);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.message).toMatch(/^not a text CSV file/);
  });

  it('points at the line holding the first undecodable byte', () => {
    const result = parseCanonicalCsv('inventory', inv('A100,WH,1', 'A100,WH\u0000,2'));
    expect(result.errors).toEqual([{ row: 3, column: null, message: expect.stringMatching(/^not a text CSV file/) }]);
  });
});

describe('parseCanonicalCsv: keys and limits', () => {
  it('refuses a repeated key on the later row, naming the key columns and the first row', () => {
    const result = parseCanonicalCsv('purchase-orders', po('NV,PO-1,1,A100,5,2026-03-02,', 'NV,PO-1,2,A100,5,2026-03-02,', 'nv,PO-1,01,A100,7,2026-04-01,'));
    expect(result.errors).toEqual([
      { row: 4, column: null, message: 'duplicate key supplier=NV, po_number=PO-1, line=1 (first on row 2)' },
    ]);
    expect(result.rows).toHaveLength(2);
  });

  it('treats keys as duplicates after normalisation (dates, codes, whitespace)', () => {
    const result = parseCanonicalCsv('targets', 'date,gpus_online\n2026-06-30,1\n 2026-06-30 ,2');
    expect(result.errors).toEqual([{ row: 3, column: null, message: 'duplicate key date=2026-06-30 (first on row 2)' }]);
  });

  it('caps collected errors but keeps counting them', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `A${i},WH,-1`);
    const result = parseCanonicalCsv('inventory', inv(...lines), { maxErrors: 10, file: 'stock.csv' });
    expect(result.errors).toHaveLength(10);
    expect(result.errorCount).toBe(50);
    expect(result.message?.split('\n')).toEqual([
      'stock.csv: row 2, column on_hand: must be a non-negative decimal',
      'stock.csv: row 3, column on_hand: must be a non-negative decimal',
      'stock.csv: row 4, column on_hand: must be a non-negative decimal',
      'stock.csv: row 5, column on_hand: must be a non-negative decimal',
      'stock.csv: row 6, column on_hand: must be a non-negative decimal',
      '…and 45 more',
    ]);
  });

  it('gives callers an error to throw whose message names file, row and column', () => {
    const { errors, errorCount } = parseCanonicalCsv('inventory', inv('A100,WH,-5'), { file: 'stock.csv' });
    const error = new CsvImportError('stock.csv', errors, errorCount);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CsvImportError');
    expect(error.message).toBe('stock.csv: row 2, column on_hand: must be a non-negative decimal');
  });
});
