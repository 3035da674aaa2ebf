import { Decimal } from 'decimal.js';
import { DECIMAL_MAX_FRACTION_DIGITS, type Parsed } from '@/lib/validation/fields';

/** How a supplier writes numbers: "1.234,5" is decimal "," and thousands ".". */
export interface NumberFormat {
  decimalSeparator: '.' | ',';
  thousandsSeparator: '' | ',' | '.' | ' ' | "'";
}

// Spreadsheets write the space and apostrophe separators as look-alike characters
// (no-break and narrow no-break spaces in French exports, a typographic apostrophe in Swiss ones).
const LOOK_ALIKES: Record<NumberFormat['thousandsSeparator'], string> = {
  '': '',
  ',': ',',
  '.': '.',
  ' ': ' \u00a0\u202f',
  "'": "'\u2019",
};

function describe(format: NumberFormat): string {
  const thousands = format.thousandsSeparator === '' ? 'no thousands separator' : `thousands separator "${format.thousandsSeparator}"`;
  return `decimal separator "${format.decimalSeparator}", ${thousands}`;
}

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A compiled converter from a supplier's number cell to canonical decimal text
 * ("1.234,5" → "1234.5"). It checks separators only; sign, range and precision are the
 * schema's to judge, so a negative quantity gets the same message in every format. A
 * trailing minus ("5-", as SAP writes negatives) becomes a leading one for that reason.
 * Thousands groups must be whole ("1,23,4" is refused): a misplaced separator usually means
 * the format is not the one the mapping says.
 */
export function numberConverter(format: NumberFormat): (raw: string) => Parsed<string> {
  const decimal = escapeRe(format.decimalSeparator);
  const thousands = LOOK_ALIKES[format.thousandsSeparator];
  // Compiled once per mapping: a million cells go through these.
  const plainRe = new RegExp(`^(\\d*)(?:${decimal}(\\d*))?$`);
  const groupedRe = thousands === '' ? null : new RegExp(`^(\\d{1,3}(?:[${escapeRe(thousands)}]\\d{3})+)(?:${decimal}(\\d*))?$`);
  const separatorRe = thousands === '' ? null : new RegExp(`[${escapeRe(thousands)}]`, 'g');
  const numericRe = /^[\d.,' \u00a0\u202f\u2019]+$/;

  return (raw) => {
    const text = raw.trim();
    let body = text;
    let sign = '';
    const first = text.charCodeAt(0);
    if (first === 45 || first === 43) {
      sign = text[0] as string;
      body = text.slice(1);
    } else if (text.endsWith('-')) {
      sign = '-';
      body = text.slice(0, -1);
    }
    let int: string | undefined;
    let frac: string | undefined;
    const plain = plainRe.exec(body);
    if (plain) {
      [, int = '', frac] = plain;
    } else {
      const grouped = groupedRe?.exec(body);
      if (grouped) {
        int = (grouped[1] as string).replace(separatorRe as RegExp, '');
        frac = grouped[2];
      }
    }
    if (int === undefined || (int === '' && !frac)) {
      if (!numericRe.test(body) || !/\d/.test(body)) return { ok: false, message: `"${text}" is not a number` };
      const misplaced = thousands !== '' && [...thousands].some((separator) => body.split(format.decimalSeparator)[0]?.includes(separator));
      return {
        ok: false,
        message: misplaced
          ? `misplaced thousands separator in "${text}" (${describe(format)})`
          : `"${text}" does not match the number format (${describe(format)})`,
      };
    }
    // The common case, already canonical ("1600", "12.5"): no new string.
    if (plain && sign === '' && int !== '' && (frac === undefined || (frac !== '' && format.decimalSeparator === '.'))) {
      return { ok: true, value: body };
    }
    // ",5" and "5," are unambiguous in a file whose decimal separator is ",": spreadsheets write both.
    return { ok: true, value: `${sign}${int === '' ? '0' : int}${frac ? `.${frac}` : ''}` };
  };
}

// Enough digits for 18 integer digits times any sensible factor, with no exponent notation.
const Exact = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -100, toExpPos: 100 });

/**
 * Multiplication by a unit factor, exact (decimal.js, not floats: 100 × 0.3048 is 30.48,
 * not 30.480000000000004) and rounded half-up to the stored precision (Decimal(18,6)).
 * The factor is parsed once: the result runs on every row.
 */
export function unitScaler(factor: string): (canonical: string) => string {
  const times = new Exact(factor);
  return (canonical) => {
    const scaled = new Exact(canonical).times(times).toDecimalPlaces(DECIMAL_MAX_FRACTION_DIGITS);
    return scaled.isZero() ? '0' : scaled.toFixed();
  };
}

/** A canonical number times a unit factor; see `unitScaler`. */
export function scaleByFactor(canonical: string, factor: string): string {
  return unitScaler(factor)(canonical);
}
