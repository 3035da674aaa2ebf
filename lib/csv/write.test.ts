import { describe, expect, it } from 'vitest';
import { parseCanonicalCsv } from './parse';
import { escapeCsvCell, formatCanonicalCsv, unescapeCsvCell } from './write';

describe('escapeCsvCell', () => {
  it('leaves plain text as it is', () => {
    expect(escapeCsvCell('A100-SXM4-80G')).toBe('A100-SXM4-80G');
    expect(escapeCsvCell('')).toBe('');
  });

  it('quotes cells holding commas, quotes or line breaks and doubles inner quotes', () => {
    expect(escapeCsvCell('Pipe, 4" steel')).toBe('"Pipe, 4"" steel"');
    expect(escapeCsvCell('two\nlines')).toBe('"two\nlines"');
    expect(escapeCsvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])(
    'neutralises the formula trigger in %j with a leading apostrophe',
    (value) => expect(escapeCsvCell(value).replace(/^"/, '')).toMatch(/^'/),
  );

  it('quotes a neutralised cell that also needs quoting', () => {
    expect(escapeCsvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  it('adds one more apostrophe to a value that already looks escaped, so import can undo exactly one', () => {
    expect(escapeCsvCell("'=x")).toBe("''=x");
    expect(unescapeCsvCell("''=x")).toBe("'=x");
  });

  it('does not touch apostrophes that guard nothing', () => {
    expect(escapeCsvCell("'quoted'")).toBe("'quoted'");
    expect(unescapeCsvCell("'quoted'")).toBe("'quoted'");
  });
});

describe('formatCanonicalCsv', () => {
  it('writes the canonical header and rows that import back unchanged', () => {
    const rows = [
      { sku: 'A100', name: '=cmd|"/c calc"!A0', category: 'gpu' as const, unit: 'ea', site: null, gpusOnlinePerUnit: 0 },
      { sku: 'NODE-ONLINE-PHX1', name: 'Node, online', category: 'compute' as const, unit: 'node', site: '-PHX1', gpusOnlinePerUnit: 8 },
    ];
    const text = formatCanonicalCsv('items', rows);
    expect(text.split('\r\n')[0]).toBe('sku,name,category,unit,site,gpus_online_per_unit');
    expect(text).toContain(`"'=cmd|""/c calc""!A0"`);
    expect(parseCanonicalCsv('items', text)).toMatchObject({ rows, errors: [] });
  });
});
