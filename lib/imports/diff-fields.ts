import Decimal from 'decimal.js';

/** Compares a stored value with an incoming one the way a person would: 12.50 equals 12.5. */
export function sameValue(stored: unknown, incoming: unknown): boolean {
  if (stored === null || stored === undefined || incoming === null || incoming === undefined) {
    return (stored ?? null) === (incoming ?? null);
  }
  if (typeof incoming === 'string' && /^-?\d+(\.\d+)?$/.test(incoming) && isDecimalLike(stored)) {
    return new Decimal(String(stored)).equals(incoming);
  }
  return String(stored) === String(incoming);
}

function isDecimalLike(v: unknown): boolean {
  return typeof v === 'number' || typeof v === 'string' || (typeof v === 'object' && v !== null && 'toFixed' in v);
}

/** The fields of `incoming` whose value differs from `stored` (empty when the row is unchanged). */
export function changedFields(stored: Record<string, unknown>, incoming: Record<string, unknown>): string[] {
  return Object.keys(incoming).filter((k) => !sameValue(stored[k], incoming[k]));
}

/** Normalises a stored Decimal for audit JSON and diffs: "12.5", never 12.500000. */
export function decimalText(v: { toString(): string } | string | number): string {
  return new Decimal(v.toString()).toString();
}

export function dateText(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function toDate(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00.000Z`);
}
