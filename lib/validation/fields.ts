import { z } from 'zod';
import './browser-zod';

/**
 * Field rules shared by every entity schema. Each rule is a pure parser returning a
 * result (so the CLI can reuse it for flags such as `--plan-start`) wrapped once into
 * a zod schema, so forms, actions, route handlers and CSV import report the same
 * messages for the same mistakes.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

// ---------------------------------------------------------------------------
// Pure parsers

const SKU_RE = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
export const SKU_MAX_LENGTH = 64;

export function parseSku(raw: string): Parsed<string> {
  const s = raw.trim();
  if (s === '') return fail('required');
  if (s.length > SKU_MAX_LENGTH) return fail(`must be at most ${SKU_MAX_LENGTH} characters`);
  if (!SKU_RE.test(s)) {
    return fail('must start with a letter or digit and contain only letters, digits, ".", "_", "/" or "-"');
  }
  return ok(s);
}

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `YYYY-MM-DD` naming a real calendar day; `Date` parsing would roll 2026-02-30 over to March. */
export function parseIsoDate(raw: string): Parsed<string> {
  const s = raw.trim();
  if (s === '') return fail('required');
  const m = ISO_DATE_RE.exec(s);
  if (!m) return fail('must be a date in YYYY-MM-DD format');
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return fail(`${s} is not a real calendar date`);
  }
  return ok(s);
}

const DECIMAL_RE = /^(\d+)(?:\.(\d+))?$/;
// Quantities are numeric(18, 6) columns: 18 digits, 6 after the point, so 12 before it. A file may not
// say more than the database can hold (it once got a 500 and a batch showing "numeric field overflow").
export const DECIMAL_MAX_INTEGER_DIGITS = 12;
export const DECIMAL_MAX_FRACTION_DIGITS = 6;

/**
 * A non-negative decimal kept as a normalised string ("012.50" → "12.5") so quantities
 * stay exact end to end (Decimal in the database, decimal.js in the engine). Exponents,
 * signs, "NaN" and thousands separators are refused rather than guessed at.
 */
export function parseDecimal(raw: string, { positive = false } = {}): Parsed<string> {
  const s = raw.trim();
  if (s === '') return fail('required');
  const m = DECIMAL_RE.exec(s);
  if (!m) return fail(positive ? 'must be a positive decimal' : 'must be a non-negative decimal');
  const int = (m[1] ?? '').replace(/^0+(?=\d)/, '');
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > DECIMAL_MAX_FRACTION_DIGITS) {
    return fail(`must have at most ${DECIMAL_MAX_FRACTION_DIGITS} decimal places`);
  }
  if (int.length > DECIMAL_MAX_INTEGER_DIGITS) {
    return fail(`must have at most ${DECIMAL_MAX_INTEGER_DIGITS} digits before the decimal point`);
  }
  const value = frac === '' ? int : `${int}.${frac}`;
  if (positive && value === '0') return fail('must be greater than 0');
  return ok(value);
}

/** Counts land in 32-bit integer columns. */
export const COUNT_MAX = 2_147_483_647;

export function parseCount(raw: string | number, { min = 0 } = {}): Parsed<number> {
  const s = typeof raw === 'number' ? String(raw) : raw.trim();
  if (s === '') return fail('required');
  if (!/^\d+$/.test(s)) return fail(`must be a whole number of at least ${min}`);
  const n = Number(s);
  if (n < min) return fail(`must be a whole number of at least ${min}`);
  if (n > COUNT_MAX) return fail(`must be at most ${COUNT_MAX}`);
  return ok(n);
}

// Control characters make identifiers invisible-but-different; only free text (names)
// may span lines, which a quoted CSV field or a textarea can legitimately produce.
const CONTROL_RE = /[\u0000-\u001f\u007f]/;
const CONTROL_EXCEPT_LINE_BREAKS_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// Characters that show as nothing or turn text around: "PO-24247" and "PO-24247" + U+200B would be two POs
// that look one, and a right-to-left override makes a name read as another. C1 controls, zero-width
// spaces and joiners, word joiner and invisible operators, direction marks, embeddings, overrides and
// isolates, the byte-order mark inside text.
const INVISIBLE_RE = /[\u0080-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;
export const INVISIBLE_MESSAGE = 'must not contain invisible or direction-changing characters (zero-width spaces, bidi controls)';

export function parseText(raw: string, { max, multiline = false }: { max: number; multiline?: boolean }): Parsed<string> {
  const s = raw.trim();
  if (s === '') return fail('required');
  if (s.length > max) return fail(`must be at most ${max} characters`);
  if ((multiline ? CONTROL_EXCEPT_LINE_BREAKS_RE : CONTROL_RE).test(s)) {
    return fail(multiline ? 'must not contain control characters' : 'must be a single line without control characters');
  }
  if (INVISIBLE_RE.test(s)) return fail(INVISIBLE_MESSAGE);
  return ok(s);
}

/** Site and supplier codes are case-insensitive on the way in, stored upper-case. */
export function parseCode(raw: string, { pattern, rule }: { pattern: RegExp; rule: string }): Parsed<string> {
  const s = raw.trim().toUpperCase();
  if (s === '') return fail('required');
  if (!pattern.test(s)) return fail(`must be ${rule}`);
  return ok(s);
}

export const SITE_CODE = { pattern: /^[A-Z0-9-]{1,16}$/, rule: '1–16 letters, digits or "-"' };
export const SUPPLIER_CODE = { pattern: /^[A-Z0-9_-]{1,32}$/, rule: '1–32 letters, digits, "_" or "-"' };

export function parseEnum<const T extends readonly string[]>(raw: string, values: T): Parsed<T[number]> {
  const s = raw.trim().toLowerCase();
  if (s === '') return fail('required');
  return values.includes(s) ? ok(s as T[number]) : fail(`must be one of: ${values.join(', ')}`);
}

// ---------------------------------------------------------------------------
// Quick accepts: a million-line import's cells are nearly all already canonical and
// valid. These confirm that with a character scan and return the value the parser
// would return, without its allocations; undefined leaves the cell to the parser,
// which alone words errors. A property test holds each to its parser.

/** The number written by s[from, to) in ASCII digits, or -1. */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

export function quickIsoDate(s: string): string | undefined {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 7);
  const day = digitsAt(s, 8, 10);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? s : undefined;
}

/** A decimal already normalised as parseDecimal writes it: no leading zeros, no trailing fraction zeros, no blanks. */
export function quickDecimal(s: string, positive = false): string | undefined {
  const n = s.length;
  if (n === 0 || n > DECIMAL_MAX_INTEGER_DIGITS + 1 + DECIMAL_MAX_FRACTION_DIGITS) return undefined;
  let dot = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 && dot < 0) dot = i;
    else if (c < 48 || c > 57) return undefined;
  }
  const intDigits = dot < 0 ? n : dot;
  if (intDigits === 0 || intDigits > DECIMAL_MAX_INTEGER_DIGITS || (intDigits > 1 && s.charCodeAt(0) === 48)) return undefined;
  if (dot >= 0 && (n - dot - 1 === 0 || n - dot - 1 > DECIMAL_MAX_FRACTION_DIGITS || s.charCodeAt(n - 1) === 48)) return undefined;
  return positive && s === '0' ? undefined : s;
}

export function quickCount(s: string, min = 0): number | undefined {
  // Nine digits stay below COUNT_MAX.
  if (s.length === 0 || s.length > 9) return undefined;
  const n = digitsAt(s, 0, s.length);
  return n >= min ? n : undefined;
}

export function quickSku(s: string): string | undefined {
  return s.length <= SKU_MAX_LENGTH && SKU_RE.test(s) ? s : undefined;
}

/** Codes already upper-case: the patterns admit no lower-case letter and no blank. */
export function quickCode(s: string, { pattern }: { pattern: RegExp }): string | undefined {
  return pattern.test(s) ? s : undefined;
}

export function quickText(s: string, { max, multiline = false }: { max: number; multiline?: boolean }): string | undefined {
  return s !== '' && s.length <= max && s.trim() === s && !(multiline ? CONTROL_EXCEPT_LINE_BREAKS_RE : CONTROL_RE).test(s) && !INVISIBLE_RE.test(s) ? s : undefined;
}

export function quickEnum<const T extends readonly string[]>(s: string, values: T): T[number] | undefined {
  return (values as readonly string[]).includes(s) ? (s as T[number]) : undefined;
}

// ---------------------------------------------------------------------------
// zod wrappers

const requiredString = z.string({ error: (iss) => (iss.input == null ? 'required' : 'must be text') });
const optionalString = z.string({ error: 'must be text' }).nullish();
// Counts arrive as strings from forms and CSV, as numbers from JSON.
const countInput = z.union([z.string(), z.number()], {
  error: (iss) => (iss.input == null ? 'required' : 'must be a whole number'),
});
const optionalCountInput = z.union([z.string(), z.number()], { error: 'must be a whole number' }).nullish();

/** Blank (absent, null or whitespace) means "not given": the fallback, e.g. a default or null for "no limit". */
const orFallback =
  <I, O, F>(parse: (value: I) => Parsed<O>, fallback: F) =>
  (value: I | null | undefined): Parsed<O | F> =>
    value == null || (typeof value === 'string' && value.trim() === '') ? ok(fallback) : parse(value);

export interface PureParser {
  parse: (value: string | undefined) => Parsed<unknown>;
  /** The parser's value for a cell already canonical, else undefined (see the quick accepts above). */
  quick: (value: string) => unknown;
  optional: boolean;
}

/** Each field schema's pure parser, for the import fast path (lib/validation/fast-parse.ts). */
export const PURE_PARSERS = new WeakMap<z.ZodType, PureParser>();

const noQuick = () => undefined;

function fromParser<I, O>(input: z.ZodType<I, I>, parse: (value: I) => Parsed<O>, quick: (value: string) => O | undefined = noQuick) {
  const schema = input.transform((value, ctx): O => {
    const result = parse(value);
    if (result.ok) return result.value;
    ctx.addIssue(result.message);
    return z.NEVER;
  });
  PURE_PARSERS.set(schema, { parse: parse as PureParser['parse'], quick, optional: input.safeParse(undefined).success });
  return schema;
}

export const skuField = fromParser(requiredString, parseSku, quickSku);
export const isoDateField = fromParser(requiredString, parseIsoDate, quickIsoDate);
/** Decimal string ≥ 0. */
export const decimalField = fromParser(requiredString, (s) => parseDecimal(s), (s) => quickDecimal(s));
/** Decimal string > 0. */
export const positiveDecimalField = fromParser(
  requiredString,
  (s) => parseDecimal(s, { positive: true }),
  (s) => quickDecimal(s, true),
);
export const countField = (opts: { min?: number } = {}) =>
  fromParser(countInput, (v) => parseCount(v, opts), (s) => quickCount(s, opts.min));
export const optionalCountField = <F extends number | null>(opts: { min?: number; fallback: F }) =>
  fromParser(optionalCountInput, orFallback((v: string | number) => parseCount(v, opts), opts.fallback), (s) => quickCount(s, opts.min));
export const textField = (opts: { max: number; multiline?: boolean }) =>
  fromParser(requiredString, (s) => parseText(s, opts), (s) => quickText(s, opts));
export const enumField = <const T extends readonly string[]>(values: T) =>
  fromParser(requiredString, (s) => parseEnum(s, values), (s) => quickEnum(s, values));
export const optionalEnumField = <const T extends readonly string[]>(values: T, fallback: T[number]) =>
  fromParser(optionalString, orFallback((s: string) => parseEnum(s, values), fallback), (s) => quickEnum(s, values));
/** Optional site code: blank → null (the item is pooled, not bound to a site). */
export const siteCodeField = fromParser(
  optionalString,
  orFallback((s: string) => parseCode(s, SITE_CODE), null),
  (s) => quickCode(s, SITE_CODE),
);
/** Optional date: blank → null. */
export const optionalIsoDateField = fromParser(optionalString, orFallback(parseIsoDate, null), quickIsoDate);
export const supplierCodeField = fromParser(requiredString, (s) => parseCode(s, SUPPLIER_CODE), (s) => quickCode(s, SUPPLIER_CODE));
