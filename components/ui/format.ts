const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** Formats a decimal string for display without going through a float for the digits shown. */
export function formatQuantity(decimal: string): string {
  const [whole = '0', frac] = decimal.split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = frac?.replace(/0+$/, '');
  return `${negative ? '-' : ''}${grouped}${trimmed ? `.${trimmed}` : ''}`;
}

export function formatInt(n: number): string {
  return integer.format(n);
}

/** A short count for axes and marks: 10K, 1.5K, 800. */
export function formatCompact(n: number): string {
  return compact.format(n);
}

/** A change with its sign: +1,234, −1,234 (a minus sign), ±0. */
export const signed = (n: number) => (n > 0 ? `+${integer.format(n)}` : n < 0 ? `−${integer.format(-n)}` : '±0');

/** A moment as "2026-12-02 09:41 UTC": the same text on the server and in any browser (no hydration mismatch). */
export function formatDateTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** A person's name for a field: `promisedDate` → `promised date`, `qty_per_build` → `qty per build`. */
export function fieldLabel(field: string): string {
  return field
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
}
