import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseCode,
  parseCount,
  parseDecimal,
  parseEnum,
  parseIsoDate,
  parseSku,
  parseText,
  quickCode,
  quickCount,
  quickDecimal,
  quickEnum,
  quickIsoDate,
  quickSku,
  quickText,
  SITE_CODE,
  SUPPLIER_CODE,
  type Parsed,
} from './fields';

const value = <T>(result: { ok: true; value: T } | { ok: false; message: string }) => (result.ok ? result.value : result.message);

describe('parseSku', () => {
  it.each([
    [' A100-SXM4-80G ', 'A100-SXM4-80G'],
    ['pipe/dn100.m_2', 'pipe/dn100.m_2'],
    ['', 'required'],
    ['-A100', expect.stringMatching(/^must start with a letter or digit/)],
    ['A100 SXM4', expect.stringMatching(/^must start with a letter or digit/)],
    ['A'.repeat(65), 'must be at most 64 characters'],
  ])('%j → %j', (raw, expected) => expect(value(parseSku(raw))).toEqual(expected));
});

describe('parseIsoDate', () => {
  it.each([
    ['2026-03-02', '2026-03-02'],
    [' 2028-02-29 ', '2028-02-29'], // leap year
    ['2000-02-29', '2000-02-29'], // divisible by 400
    ['1900-02-29', '1900-02-29 is not a real calendar date'], // divisible by 100 only
    ['2026-02-30', '2026-02-30 is not a real calendar date'],
    ['2026-04-31', '2026-04-31 is not a real calendar date'],
    ['2026-00-10', '2026-00-10 is not a real calendar date'],
    ['0000-01-01', '0000-01-01 is not a real calendar date'],
    ['2026-3-2', 'must be a date in YYYY-MM-DD format'],
    ['2026-03-02T00:00', 'must be a date in YYYY-MM-DD format'],
    ['', 'required'],
  ])('%j → %j', (raw, expected) => expect(value(parseIsoDate(raw))).toBe(expected));
});

describe('parseDecimal', () => {
  it.each([
    ['12.50', '12.5'],
    ['007', '7'],
    ['0', '0'],
    ['0.000', '0'],
    ['3.000000000', '3'], // trailing zeros are not precision
    ['0.000001', '0.000001'],
    ['999999999999.999999', '999999999999.999999'],
    [' 1600 ', '1600'],
  ])('normalises %j to %j', (raw, expected) => expect(value(parseDecimal(raw))).toBe(expected));

  it.each([
    ['', 'required'],
    ['-5', 'must be a non-negative decimal'],
    ['+5', 'must be a non-negative decimal'],
    ['1e3', 'must be a non-negative decimal'],
    ['NaN', 'must be a non-negative decimal'],
    ['Infinity', 'must be a non-negative decimal'],
    ['1,600', 'must be a non-negative decimal'],
    ['.5', 'must be a non-negative decimal'],
    ['5.', 'must be a non-negative decimal'],
    ['0.0000001', 'must have at most 6 decimal places'],
    // numeric(18, 6) holds 12 digits before the point: 1,234,567,890,123 on hand once gave a 500.
    ['1234567890123', 'must have at most 12 digits before the decimal point'],
    ['1000000000000000000', 'must have at most 12 digits before the decimal point'],
  ])('refuses %j', (raw, message) => expect(value(parseDecimal(raw))).toBe(message));

  it('refuses zero when the quantity must be positive', () => {
    expect(value(parseDecimal('0.0', { positive: true }))).toBe('must be greater than 0');
    expect(value(parseDecimal('-1', { positive: true }))).toBe('must be a positive decimal');
  });
});

describe('parseCount', () => {
  it.each([
    ['8', 0, 8],
    [' 08 ', 0, 8],
    [60, 1, 60],
    ['0', 1, 'must be a whole number of at least 1'],
    ['-1', 0, 'must be a whole number of at least 0'],
    ['1.5', 0, 'must be a whole number of at least 0'],
    [1.5, 0, 'must be a whole number of at least 0'],
    [Number.NaN, 0, 'must be a whole number of at least 0'],
    ['2147483648', 0, 'must be at most 2147483647'],
    ['', 0, 'required'],
  ])('%j (min %d) → %j', (raw, min, expected) => expect(value(parseCount(raw, { min }))).toBe(expected));
});

describe('parseText and parseCode', () => {
  it('trims text and keeps line breaks only where multi-line text is allowed', () => {
    expect(value(parseText(' DGX A100\nrev B ', { max: 200, multiline: true }))).toBe('DGX A100\nrev B');
    expect(value(parseText('WH\tRENO', { max: 64 }))).toBe('must be a single line without control characters');
    expect(value(parseText('x'.repeat(33), { max: 32 }))).toBe('must be at most 32 characters');
    // Invisible and direction-changing characters would make two keys that look one, or text that reads as another.
    for (const sneaky of ['PO-24247\u200b', 'PO-\u202e74242', 'WH\u2066RENO\u2069', 'A\ufeffB', 'A\u00adB']) {
      expect(value(parseText(sneaky, { max: 64 }))).toBe('must not contain invisible or direction-changing characters (zero-width spaces, bidi controls)');
    }
    expect(value(parseText('Bestätigter Termin — 東京', { max: 64 }))).toBe('Bestätigter Termin — 東京');
  });

  it('upper-cases site and supplier codes before checking them', () => {
    expect(value(parseCode(' phx1 ', SITE_CODE))).toBe('PHX1');
    expect(value(parseCode('PHX_1', SITE_CODE))).toBe('must be 1–16 letters, digits or "-"');
    expect(value(parseCode('super_micro-2', SUPPLIER_CODE))).toBe('SUPER_MICRO-2');
    expect(value(parseCode('A'.repeat(33), SUPPLIER_CODE))).toMatch(/^must be 1–32/);
  });
});

describe('quick accepts', () => {
  // Strings near every rule's edges: digits, separators, signs, blanks, case, lengths, calendar ends.
  const chars = fc.constantFrom(...'0123456789-.,:/_ eE+aAzZ\t\u00a0\u0007'.split(''));
  const nearMiss = fc.oneof(
    fc.string({ unit: chars, maxLength: 28 }),
    fc.string({ maxLength: 12 }),
    fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
      ([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    ),
    fc.constantFrom('0', '00', '0.0', '0.5', '1.', '.5', '12.50', '1234567890123456789', '123456789012345678.123456', '1.1234567', 'open', 'OPEN', ' open'),
  );
  const pairs: [string, (s: string) => unknown, (s: string) => Parsed<unknown>][] = [
    ['date', quickIsoDate, parseIsoDate],
    ['decimal', (s) => quickDecimal(s), (s) => parseDecimal(s)],
    ['positive decimal', (s) => quickDecimal(s, true), (s) => parseDecimal(s, { positive: true })],
    ['count', (s) => quickCount(s), (s) => parseCount(s)],
    ['count ≥ 1', (s) => quickCount(s, 1), (s) => parseCount(s, { min: 1 })],
    ['sku', quickSku, parseSku],
    ['supplier code', (s) => quickCode(s, SUPPLIER_CODE), (s) => parseCode(s, SUPPLIER_CODE)],
    ['site code', (s) => quickCode(s, SITE_CODE), (s) => parseCode(s, SITE_CODE)],
    ['text', (s) => quickText(s, { max: 8 }), (s) => parseText(s, { max: 8 })],
    ['multi-line text', (s) => quickText(s, { max: 8, multiline: true }), (s) => parseText(s, { max: 8, multiline: true })],
    ['enum', (s) => quickEnum(s, ['open', 'received']), (s) => parseEnum(s, ['open', 'received'])],
  ];

  for (const [name, quick, parse] of pairs) {
    it(`${name}: accepts only what the parser accepts, with the parser's value, and every canonical value it returns`, () => {
      fc.assert(
        fc.property(nearMiss, (s) => {
          const q = quick(s);
          const p = parse(s);
          if (q !== undefined) expect(p).toEqual({ ok: true, value: q });
          // The parser's own output is canonical: the quick path must take it, or big files never get faster.
          if (p.ok) expect(quick(String(p.value))).toEqual(p.value);
        }),
        { numRuns: 3_000 },
      );
    });
  }
});
