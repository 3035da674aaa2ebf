import { describe, expect, it } from 'vitest';
import { guessDateFormat, guessNumberFormat } from './guess-formats';
import { suggestMapping } from './suggest';
import { normaliseHeader } from './synonyms';

describe('normaliseHeader', () => {
  it.each([
    ['PO #', 'po no'],
    ['P.O. Number', 'p o no'],
    ['PONumber', 'po no'],
    ['promisedDate', 'promised date'],
    ['promised_date', 'promised date'],
    ['  Qty. Shipped ', 'qty shipped'],
    ['Bestätigter Liefertermin', 'bestatigter liefertermin'],
    ['Maß', 'mass'],
    ['Bestell-Nr.', 'bestell no'],
  ])('%j → %j', (header, normalised) => expect(normaliseHeader(header)).toBe(normalised));
});

describe('suggestMapping: columns', () => {
  it('maps exact canonical names to themselves', () => {
    const headers = ['supplier', 'po_number', 'line', 'sku', 'qty', 'promised_date', 'status'];
    expect(suggestMapping('purchase-orders', headers).columns).toEqual(Object.fromEntries(headers.map((h) => [h, h])));
  });

  it("reads an American supplier's ship notice", () => {
    const headers = ['Vendor Code', 'PO #', 'PO Line', 'Customer Part Number', 'MPN', 'Description', 'Qty Shipped', 'UOM', 'Promise Date', 'Status', 'Tracking #'];
    expect(suggestMapping('purchase-orders', headers).columns).toEqual({
      'Vendor Code': 'supplier',
      'PO #': 'po_number',
      'PO Line': 'line',
      'Customer Part Number': 'sku', // our part number beats the manufacturer's
      MPN: null,
      Description: null,
      'Qty Shipped': 'qty',
      UOM: null,
      'Promise Date': 'promised_date',
      Status: 'status',
      'Tracking #': null,
    });
  });

  it("reads a German supplier's order confirmation", () => {
    const headers = ['Bestellnummer', 'Pos.', 'Materialnummer', 'Bezeichnung', 'Bestellmenge', 'Offene Menge', 'ME', 'Bestätigter Liefertermin', 'Lieferdatum'];
    expect(suggestMapping('purchase-orders', headers).columns).toEqual({
      Bestellnummer: 'po_number',
      'Pos.': 'line',
      Materialnummer: 'sku',
      Bezeichnung: null,
      Bestellmenge: null, // the ordered quantity loses to the open one
      'Offene Menge': 'qty',
      ME: null,
      'Bestätigter Liefertermin': 'promised_date', // the confirmed date beats the plain delivery date
      Lieferdatum: null,
    });
  });

  it('gives "Item No" to the line when a part number column exists, and to the SKU otherwise', () => {
    expect(suggestMapping('purchase-orders', ['PO', 'Item No', 'Part Number', 'Qty', 'ETA']).columns).toMatchObject({ 'Item No': 'line', 'Part Number': 'sku' });
    expect(suggestMapping('purchase-orders', ['PO', 'Line', 'Item Number', 'Qty', 'ETA']).columns).toMatchObject({ Line: 'line', 'Item Number': 'sku' });
  });

  it('finds a known phrase inside a longer header, but not a lone word', () => {
    expect(suggestMapping('purchase-orders', ['Confirmed Delivery Date (ETA)', 'Order Date', 'Qty Shipped (pcs)']).columns).toEqual({
      'Confirmed Delivery Date (ETA)': 'promised_date',
      'Order Date': null,
      'Qty Shipped (pcs)': 'qty',
    });
  });

  it('maps stock reports and BOMs in both languages', () => {
    expect(suggestMapping('inventory', ['Artikelnummer', 'Lagerort', 'Bestand']).columns).toEqual({ Artikelnummer: 'sku', Lagerort: 'location', Bestand: 'on_hand' });
    expect(suggestMapping('inventory', ['Item', 'Warehouse', 'Qty On Hand', 'Qty Allocated']).columns).toEqual({
      Item: 'sku',
      Warehouse: 'location',
      'Qty On Hand': 'on_hand',
      'Qty Allocated': null,
    });
    expect(suggestMapping('bom', ['Parent Part', 'Component', 'Qty Per']).columns).toEqual({ 'Parent Part': 'output_sku', Component: 'component_sku', 'Qty Per': 'qty_per_build' });
  });

  it('maps each canonical column from one header only, the first of equals', () => {
    expect(suggestMapping('inventory', ['SKU', 'Location', 'Stock', 'Stock']).columns).toEqual({ SKU: 'sku', Location: 'location', Stock: 'on_hand' });
    expect(suggestMapping('inventory', ['Part', 'Site', 'Warehouse', 'Qty']).columns).toEqual({ Part: 'sku', Site: null, Warehouse: 'location', Qty: 'on_hand' });
  });

  it('ignores headers it does not know, and blank ones, without breaking on odd names', () => {
    expect(suggestMapping('targets', ['', 'Date', 'GPUs', '__proto__', 'constructor']).columns).toEqual({ Date: 'date', GPUs: 'gpus_online', ['__proto__']: null, constructor: null });
  });

  it('leaves formats at their defaults without samples', () => {
    expect(suggestMapping('targets', ['date', 'gpus_online'])).toMatchObject({ dateFormat: 'YYYY-MM-DD', decimalSeparator: '.', thousandsSeparator: '' });
  });
});

describe('suggestMapping: formats from sample rows', () => {
  const headers = ['Bestellnummer', 'Pos.', 'Artikel', 'Menge', 'Liefertermin'];

  it('guesses DD.MM.YYYY and decimal commas from a German file', () => {
    const rows = [
      ['4500001', '10', 'A100', '1.600,5', '02.03.2026'],
      ['4500001', '20', 'H100', '12', '31.03.2026'],
    ];
    expect(suggestMapping('purchase-orders', headers, rows)).toMatchObject({ dateFormat: 'DD.MM.YYYY', decimalSeparator: ',', thousandsSeparator: '.' });
  });

  it('looks only at the columns it mapped to dates and numbers', () => {
    const rows = [['4500001', '10', '1,5', '5', '2026-03-02']]; // "1,5" is in the SKU column
    expect(suggestMapping('purchase-orders', headers, rows)).toMatchObject({ dateFormat: 'YYYY-MM-DD', decimalSeparator: '.' });
  });
});

describe('guessDateFormat', () => {
  it.each([
    [['2026-03-02', '2026-12-31'], 'YYYY-MM-DD'],
    [['02.03.2026', '31.12.2026'], 'DD.MM.YYYY'],
    [['13/02/2026', '01/03/2026'], 'DD/MM/YYYY'],
    [['02/13/2026', '03/01/2026'], 'MM/DD/YYYY'],
    [['01/02/2026', '03/04/2026'], 'DD/MM/YYYY'], // both parse: day first
    [['46082', '46113.5'], 'excel-serial'],
    [['02.03.2026', '2026-03-09', ''], 'DD.MM.YYYY'],
    [['31.02.2026', '02.03.2026'], 'DD.MM.YYYY'], // most samples fit; the impossible one is reported on import
  ])('%j → %s', (samples, format) => expect(guessDateFormat(samples)).toBe(format));

  it('does not take small numbers for Excel dates, and says nothing without dates', () => {
    expect(guessDateFormat(['1', '2', '3'])).toBeNull();
    expect(guessDateFormat(['', ' '])).toBeNull();
  });
});

describe('guessNumberFormat', () => {
  it.each([
    [['1.234,5'], { decimalSeparator: ',', thousandsSeparator: '.' }],
    [['1,234.5'], { decimalSeparator: '.', thousandsSeparator: ',' }],
    [['12,5', '3'], { decimalSeparator: ',', thousandsSeparator: '' }],
    [['1.234.567'], { decimalSeparator: ',', thousandsSeparator: '.' }],
    [['1,234', '5,000'], { decimalSeparator: '.', thousandsSeparator: ',' }],
    [['1.234', '12.5'], { decimalSeparator: '.', thousandsSeparator: '' }],
    [['1 234,5'], { decimalSeparator: ',', thousandsSeparator: ' ' }],
    [["1'234.50"], { decimalSeparator: '.', thousandsSeparator: "'" }],
    [['-1.234,5', '7'], { decimalSeparator: ',', thousandsSeparator: '.' }],
  ])('%j → %j', (samples, format) => expect(guessNumberFormat(samples)).toEqual(format));

  it('says nothing without numbers', () => {
    expect(guessNumberFormat(['n/a', ''])).toBeNull();
  });
});
