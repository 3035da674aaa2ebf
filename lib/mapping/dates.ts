import type { Parsed } from '@/lib/validation/fields';
import type { DateFormat } from './mapping';

/**
 * Date cells in the formats suppliers' exports use, converted to the canonical YYYY-MM-DD.
 * Day and month may have one digit (spreadsheets drop the zero); the year must have four,
 * since "03/04/26" could be any century. A time of day after the date (ERP exports write
 * "2026-03-02 00:00:00") is dropped: promised dates are days.
 */

const TIME = '(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?';
const ISO_RE = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${TIME}$`);
const SLASH_RE = new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4})${TIME}$`);
const DOT_RE = new RegExp(`^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})${TIME}$`);
const SERIAL_RE = /^(\d+)(?:[.,]\d+)?$/; // the fraction is a time of day

/** Excel's day 60 is 1900-02-29, which never existed: Lotus 1-2-3 treated 1900 as a leap year and Excel kept the bug. */
const EXCEL_FAKE_LEAP_DAY = 60;
/** 9999-12-31, the last day Excel can show. */
const EXCEL_MAX_SERIAL = 2_958_465;
const DAY_MS = 86_400_000;
const EXCEL_DAY_ZERO = Date.UTC(1899, 11, 31);

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function calendarDate(text: string, year: number, month: number, day: number): Parsed<string> {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, message: `impossible date ${text}` };
  }
  return { ok: true, value: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

const digit = (text: string, i: number) => text.charCodeAt(i) - 48;

/**
 * Already YYYY-MM-DD, read without a regex or new strings: most files are, and this runs
 * on a million cells. Null when the text is in any other shape.
 */
function canonicalIsoDate(text: string): Parsed<string> | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const d = digit(text, i);
    if (d < 0 || d > 9) return null;
  }
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, message: `impossible date ${text}` };
  return { ok: true, value: text };
}

/**
 * "DD.MM.YYYY", "DD/MM/YYYY" or "MM/DD/YYYY" with two-digit day and month, read without a
 * regex: the form nearly every cell of such a file has. Null for any other shape.
 */
function fixedWidthDate(text: string, separator: number, dayFirst: boolean): Parsed<string> | null {
  if (text.length !== 10 || text.charCodeAt(2) !== separator || text.charCodeAt(5) !== separator) return null;
  for (const i of [0, 1, 3, 4, 6, 7, 8, 9]) {
    const d = digit(text, i);
    if (d < 0 || d > 9) return null;
  }
  const first = digit(text, 0) * 10 + digit(text, 1);
  const second = digit(text, 3) * 10 + digit(text, 4);
  const year = digit(text, 6) * 1000 + digit(text, 7) * 100 + digit(text, 8) * 10 + digit(text, 9);
  const [day, month] = dayFirst ? [first, second] : [second, first];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, message: `impossible date ${text}` };
  const [dd, mm] = dayFirst ? [text.slice(0, 2), text.slice(3, 5)] : [text.slice(3, 5), text.slice(0, 2)];
  return { ok: true, value: `${text.slice(6)}-${mm}-${dd}` };
}

/** Serial 1 is 1900-01-01; from 61 (1900-03-01) on, serials count the fake leap day too. */
export function excelSerialToIsoDate(serial: number): Parsed<string> {
  if (!Number.isInteger(serial) || serial < 1 || serial > EXCEL_MAX_SERIAL) {
    return { ok: false, message: `impossible date: Excel serial ${serial} is outside 1 (1900-01-01) to ${EXCEL_MAX_SERIAL} (9999-12-31)` };
  }
  if (serial === EXCEL_FAKE_LEAP_DAY) {
    return { ok: false, message: 'impossible date: Excel serial 60 is 1900-02-29, a day that never existed' };
  }
  const days = serial < EXCEL_FAKE_LEAP_DAY ? serial : serial - 1;
  return { ok: true, value: new Date(EXCEL_DAY_ZERO + days * DAY_MS).toISOString().slice(0, 10) };
}

/**
 * A non-blank date cell in `format`, as YYYY-MM-DD. ISO dates are accepted whatever the
 * format: with a four-digit year first they cannot be misread, and files mix them in.
 */
export function parseDateCell(raw: string, format: DateFormat): Parsed<string> {
  const text = raw.trim();
  const canonical = canonicalIsoDate(text);
  if (canonical !== null) return canonical;
  const iso = ISO_RE.exec(text);
  if (iso) return calendarDate(text, Number(iso[1]), Number(iso[2]), Number(iso[3]));
  switch (format) {
    case 'DD/MM/YYYY':
    case 'MM/DD/YYYY': {
      const fixed = fixedWidthDate(text, 47 /* "/" */, format === 'DD/MM/YYYY');
      if (fixed !== null) return fixed;
      const m = SLASH_RE.exec(text);
      if (!m) break;
      const [first, second, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return format === 'DD/MM/YYYY' ? calendarDate(text, year, second, first) : calendarDate(text, year, first, second);
    }
    case 'DD.MM.YYYY': {
      const fixed = fixedWidthDate(text, 46 /* "." */, true);
      if (fixed !== null) return fixed;
      const m = DOT_RE.exec(text);
      if (!m) break;
      return calendarDate(text, Number(m[3]), Number(m[2]), Number(m[1]));
    }
    case 'excel-serial': {
      const m = SERIAL_RE.exec(text);
      if (!m) return { ok: false, message: `"${text}" is not an Excel date serial number (or a YYYY-MM-DD date)` };
      return excelSerialToIsoDate(Number(m[1]));
    }
    case 'YYYY-MM-DD':
      break;
  }
  return { ok: false, message: `"${text}" is not a date in ${format} format` };
}
