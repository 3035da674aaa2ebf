import { describe, expect, it } from 'vitest';
import { decoderFor, detectFileShape, DETECT_HEAD_BYTES } from './detect';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 bytes for text within Latin-1 (what Excel writes for "CSV" on a German PC). */
const cp1252 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

const PO = 'po_number,line,sku,qty,promised_date\r\nPO-1,1,A100,5,2026-03-02\r\nPO-1,2,H100,8,2026-03-09\r\n';

describe('detectFileShape: encoding', () => {
  it('reads plain ASCII and valid UTF-8 as utf-8', () => {
    expect(detectFileShape(utf8(PO), { complete: true })).toMatchObject({ encoding: 'utf-8' });
    expect(detectFileShape(utf8('Artikel;Menge\nKühlmittel 冷却;5\n'), { complete: true })).toMatchObject({ encoding: 'utf-8' });
  });

  it('recognises a byte-order mark and keeps it out of the first header', () => {
    const shape = detectFileShape(utf8(`\uFEFF${PO}`), { complete: true });
    expect(shape).toMatchObject({ encoding: 'utf-8-bom', headers: ['po_number', 'line', 'sku', 'qty', 'promised_date'] });
  });

  it('falls back to windows-1252 when the bytes are not UTF-8', () => {
    const shape = detectFileShape(cp1252('Lieferant;Menge\nMüller;5\nWeiß;6\n'), { complete: true });
    expect(shape).toMatchObject({ encoding: 'windows-1252', headers: ['Lieferant', 'Menge'] });
  });

  it('does not mistake a UTF-8 character cut by the 64 KB head for invalid bytes', () => {
    const bytes = utf8(`${'sku,name\n'}${'A100,Kühlmittel 冷却\n'.repeat(5_000)}`);
    for (let cut = DETECT_HEAD_BYTES - 3; cut <= DETECT_HEAD_BYTES; cut++) {
      expect(detectFileShape(bytes.subarray(0, cut))).toMatchObject({ encoding: 'utf-8' });
    }
  });

  it('treats a cut character as invalid when the head is the whole file', () => {
    const bytes = utf8('sku,name\nA100,冷');
    expect(detectFileShape(bytes.subarray(0, bytes.length - 1), { complete: true })).toMatchObject({ encoding: 'windows-1252' });
  });

  it('decodes each encoding in a streaming way, dropping the byte-order mark', () => {
    expect(decoderFor('windows-1252').decode(cp1252('Müller Weiß'))).toBe('Müller Weiß');
    expect(decoderFor('windows-1252').decode(Uint8Array.of(0x80))).toBe('€');
    expect(decoderFor('utf-8-bom').decode(utf8('\uFEFFsku'))).toBe('sku');
    const decoder = decoderFor('utf-8');
    const bytes = utf8('ü');
    expect(decoder.decode(bytes.subarray(0, 1), { stream: true }) + decoder.decode(bytes.subarray(1))).toBe('ü');
  });
});

describe('detectFileShape: delimiter', () => {
  it.each([
    [',', PO],
    [';', 'Bestellnummer;Pos.;Menge;Liefertermin\r\n4500001;10;1,5;02.03.2026\r\n4500001;20;2,25;09.03.2026\r\n'],
    ['\t', 'PO\tLine\tQty, pcs\tETA\nPO-1\t1\t5\t2026-03-02\nPO-1\t2\t8\t2026-03-09\n'],
  ])('finds %j by the consistent field count', (delimiter, text) => {
    expect(detectFileShape(utf8(text), { complete: true })).toMatchObject({ delimiter });
  });

  it('respects quotes: commas inside quoted cells do not count', () => {
    const text = 'sku;name;qty\nA;"Pipe, 4"", steel";1\nB;"a;b, c, d";2\nC;plain;3\n';
    expect(detectFileShape(utf8(text), { complete: true })).toMatchObject({ delimiter: ';', headers: ['sku', 'name', 'qty'] });
  });

  it('is not fooled by decimal commas in a semicolon file', () => {
    const text = 'PO;Qty;Price\nA;1,5;2,50\nB;2,5;3,75\nC;3;4,10\n';
    expect(detectFileShape(utf8(text), { complete: true })).toMatchObject({ delimiter: ';' });
  });

  it('takes the delimiter from the mapping when it overrides detection', () => {
    expect(detectFileShape(utf8('a;b,c\n1;2,3\n'), { complete: true, delimiter: ';' })).toMatchObject({ delimiter: ';', headers: ['a', 'b,c'] });
  });
});

describe('detectFileShape: header row', () => {
  it('is line 1 in a plain file', () => {
    expect(detectFileShape(utf8(PO), { complete: true })).toMatchObject({ headerRow: 1, headers: ['po_number', 'line', 'sku', 'qty', 'promised_date'] });
  });

  it('skips a preamble and a blank line above the header', () => {
    const text = 'Ship notice from ACME Corp\r\n\r\n PO , Line , Qty , ETA \r\nPO-1,1,5,2026-03-02\r\nPO-1,2,8,2026-03-09\r\n';
    expect(detectFileShape(utf8(text), { complete: true })).toMatchObject({ delimiter: ',', headerRow: 3, headers: ['PO', 'Line', 'Qty', 'ETA'] });
  });

  it('skips preamble lines that a spreadsheet padded to the full width', () => {
    const text = 'Lieferavis;;;\r\nDatum:;01.03.2026;;\r\n;;;\r\nBestellnummer;Pos.;Menge;Liefertermin\r\n4500001;10;1,5;02.03.2026\r\n4500001;20;2;09.03.2026\r\n';
    expect(detectFileShape(utf8(text), { complete: true })).toMatchObject({ delimiter: ';', headerRow: 4, headers: ['Bestellnummer', 'Pos.', 'Menge', 'Liefertermin'] });
  });

  it('counts a multi-line preamble cell as the lines it spans', () => {
    const text = '"Notice\nfrom ACME"\nsku,qty\nA,1\nB,2\n';
    expect(detectFileShape(utf8(text), { complete: true })).toMatchObject({ headerRow: 3, headers: ['sku', 'qty'] });
  });

  it('uses the header row the mapping names', () => {
    const text = 'Report;x\nsku;qty\nA;1\n';
    expect(detectFileShape(utf8(text), { complete: true, headerRow: 2 })).toMatchObject({ headerRow: 2, headers: ['sku', 'qty'] });
    expect(detectFileShape(utf8(text), { complete: true, headerRow: 9 })).toEqual({ error: expect.stringMatching(/^row 9 should hold the column names/) });
  });
});

describe('detectFileShape: files that are not CSV', () => {
  it.each([
    ['an empty file', new Uint8Array(0)],
    ['a byte-order mark alone', utf8('\uFEFF')],
    ['blank lines', utf8('\r\n \r\n\t\n')],
  ])('says %s is empty', (_, bytes) => {
    expect(detectFileShape(bytes, { complete: true })).toEqual({ error: 'file is empty' });
  });

  it.each([
    ['an xlsx (zip) file', Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00)],
    ['NUL bytes in text', utf8('sku,qty\nA\u0000,1\n')],
    ['control bytes', Uint8Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? 0x03 : 0x41))],
    ['UTF-16', Uint8Array.of(0xff, 0xfe, 0x73, 0x00, 0x6b, 0x00)],
  ])('refuses %s as not a text CSV file', (_, bytes) => {
    expect(detectFileShape(bytes, { complete: true })).toEqual({ error: expect.stringMatching(/^not a text CSV file/) });
  });
});

describe('windows-1252 decoding', () => {
  it('maps bytes 0x80–0x9F to €, curly quotes and dashes whether streaming or not', () => {
    const bytes = Uint8Array.of(0x80, 0x41, 0x92, 0x93, 0x94, 0x96, 0x97, 0x9f, 0x81, 0xfc, 0xff);
    const expected = '€A\u2019\u201c\u201d\u2013\u2014Ÿ\u0081üÿ';
    expect(decoderFor('windows-1252').decode(bytes)).toBe(expected);
    const streaming = decoderFor('windows-1252');
    expect([...bytes].map((byte) => streaming.decode(Uint8Array.of(byte), { stream: true })).join('') + streaming.decode()).toBe(expected);
  });

  it('reads a header with a euro sign from a whole Windows-1252 file', () => {
    const bytes = Uint8Array.of(...new TextEncoder().encode('sku;Preis '), 0x80, ...new TextEncoder().encode('\nA;1\n'));
    expect(detectFileShape(bytes, { complete: true })).toMatchObject({ encoding: 'windows-1252', headers: ['sku', 'Preis €'] });
  });
});
