import Decimal from 'decimal.js';

/**
 * Quantities are decimals; the engine works on integers. Each item gets its own
 * power-of-ten scale (the most fractional digits any of its quantities uses),
 * so 12.5 m of pipe becomes 125 tenths and all arithmetic stays exact.
 */
export const MAX_FRACTION_DIGITS = 6;
const DECIMAL_RE = /^\d+(\.\d+)?$/;

export function isDecimalString(s: unknown): s is string {
  return typeof s === 'string' && DECIMAL_RE.test(s);
}

export function fractionDigits(s: string): number {
  const dot = s.indexOf('.');
  if (dot < 0) return 0;
  let end = s.length;
  while (end > dot + 1 && s[end - 1] === '0') end--;
  return end - dot - 1;
}

/** `s` × 10^digits as an integer; `s` must be a validated decimal string with at most `digits` fraction digits. */
export function toScaled(s: string, digits: number): number {
  const dot = s.indexOf('.');
  // Fast path without BigInt: up to 15 significant digits are exact in a double.
  if (s.length <= 15) {
    const intPart = dot < 0 ? s : s.slice(0, dot);
    const frac = dot < 0 ? '' : s.slice(dot + 1, dot + 1 + digits);
    const v = Number(intPart) * 10 ** digits + (frac ? Number(frac) * 10 ** (digits - frac.length) : 0);
    if (Number.isSafeInteger(v) && v < 2 ** 50) return v;
  }
  const intPart = dot < 0 ? s : s.slice(0, dot);
  let frac = dot < 0 ? '' : s.slice(dot + 1);
  frac = frac.slice(0, digits).padEnd(digits, '0');
  const big = BigInt(intPart + frac);
  if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`quantity ${s} is too large`);
  return Number(big);
}

/** The inverse of toScaled, without trailing zeros. */
export function formatScaled(n: number, digits: number): string {
  const neg = n < 0;
  let s = String(Math.abs(Math.round(n)));
  if (digits > 0) {
    s = s.padStart(digits + 1, '0');
    const intPart = s.slice(0, s.length - digits);
    const frac = s.slice(s.length - digits).replace(/0+$/, '');
    s = frac ? `${intPart}.${frac}` : intPart;
  }
  return neg && s !== '0' ? `-${s}` : s;
}

export function scaledToNumber(n: number, digits: number): number {
  return Number(formatScaled(n, digits));
}

/** qty × factor, truncated to MAX_FRACTION_DIGITS (a scaled PO line cannot carry more precision than any input). */
export function multiplyDecimal(qty: string, factor: string): string {
  const v = new Decimal(qty).times(new Decimal(factor)).toDecimalPlaces(MAX_FRACTION_DIGITS, Decimal.ROUND_DOWN);
  return trimDecimal(v.toFixed());
}

function trimDecimal(s: string): string {
  if (!s.includes('.')) return s;
  return s.replace(/0+$/, '').replace(/\.$/, '');
}

/** Floor division of non-negative safe integers, exact even where a/b rounds up in floating point. */
export function floorDiv(a: number, b: number): number {
  let k = Math.floor(a / b);
  if (k * b > a) k--;
  else if ((k + 1) * b <= a) k++;
  return k;
}

export function ceilDiv(a: number, b: number): number {
  const k = floorDiv(a, b);
  return k * b === a ? k : k + 1;
}
