import Decimal from 'decimal.js';

/** A stored Decimal as people read it (and audit JSON keeps it): "12.5", never 12.500000. */
export function decimalText(v: { toString(): string } | string | number): string {
  return new Decimal(v.toString()).toString();
}

export function dateText(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function toDate(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00.000Z`);
}
