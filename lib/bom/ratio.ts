import Decimal from 'decimal.js';

// Quantities per capacity unit multiply BOM quantities and divide by recipes' output
// quantities down the tree: a product of decimals is exact, a quotient often is not
// (1 zone makes 24 rack positions: 1/24 of a zone per position). So the tree keeps
// each quantity as a reduced fraction of integers and says whether its decimal is exact.

/** A non-negative fraction num/den, reduced, den > 0. */
export interface Ratio {
  num: bigint;
  den: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

function reduced(num: bigint, den: bigint): Ratio {
  if (den === 0n) throw new RangeError('division by zero');
  const g = gcd(num < 0n ? -num : num, den) || 1n;
  return { num: num / g, den: den / g };
}

export const ONE: Ratio = { num: 1n, den: 1n };

/** "38.5" → 77/2. Only plain decimals (the database's numeric text): no signs, exponents or separators. */
export function ratioOf(decimal: string): Ratio {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!m) throw new RangeError(`not a decimal: ${decimal}`);
  const frac = m[2] ?? '';
  return reduced(BigInt(`${m[1]}${frac}`), 10n ** BigInt(frac.length));
}

export const times = (a: Ratio, b: Ratio): Ratio => reduced(a.num * b.num, a.den * b.den);
export const dividedBy = (a: Ratio, b: Ratio): Ratio => reduced(a.num * b.den, a.den * b.num);

/** Whether the fraction has a finite decimal: its reduced denominator has no prime factor but 2 and 5. */
export function terminates(r: Ratio): boolean {
  let d = r.den;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n;
}

// Enough significant digits for any finite quotient of numeric(18, 6) products a BOM of sane depth makes.
const Exact = Decimal.clone({ precision: 200, rounding: Decimal.ROUND_HALF_UP });

/** How a quantity is shown: its exact decimal, or (a repeating one) rounded to `places` with the fraction beside it. */
export interface QuantityText {
  /** "8", "0.25", or "0.041667" rounded. */
  text: string;
  exact: boolean;
  /** "1/24": the exact value when the decimal is rounded. */
  fraction: string;
}

export function formatRatio(r: Ratio, places = 6): QuantityText {
  const value = new Exact(r.num.toString()).div(r.den.toString());
  const fraction = r.den === 1n ? r.num.toString() : `${r.num}/${r.den}`;
  if (terminates(r)) return { text: value.toFixed(), exact: true, fraction };
  return { text: value.toDecimalPlaces(places).toFixed(), exact: false, fraction };
}
