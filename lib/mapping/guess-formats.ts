import { parseDateCell } from './dates';
import { DATE_FORMATS, type DateFormat } from './mapping';
import type { NumberFormat } from './numbers';

// Serials for 1950–2099: a column of small integers (quantities, line numbers) is not dates.
const PLAUSIBLE_SERIAL_MIN = 18_264;
const PLAUSIBLE_SERIAL_MAX = 73_050;

function parsesAs(cell: string, format: DateFormat): boolean {
  if (format === 'excel-serial') {
    if (!/^\d+(?:[.,]\d+)?$/.test(cell)) return false;
    const serial = Number.parseInt(cell, 10);
    if (serial < PLAUSIBLE_SERIAL_MIN || serial > PLAUSIBLE_SERIAL_MAX) return false;
  }
  return parseDateCell(cell, format).ok;
}

/**
 * The date format under which every sample date parses, trying them in `DATE_FORMATS`
 * order. "01/02/2026" parses as both DD/MM/YYYY and MM/DD/YYYY; DD/MM comes first and so
 * wins a tie, because most suppliers outside the US write the day first and a person
 * confirms the guess on the mapping screen anyway; one sample such as "13/02/2026" or
 * "02/13/2026" settles it. With no format fitting all, the one fitting most; null without samples.
 */
export function guessDateFormat(samples: readonly string[]): DateFormat | null {
  const cells = samples.map((cell) => cell.trim()).filter((cell) => cell !== '');
  if (cells.length === 0) return null;
  let best: { format: DateFormat; count: number } | null = null;
  for (const format of DATE_FORMATS) {
    const count = cells.filter((cell) => parsesAs(cell, format)).length;
    if (count === cells.length) return format;
    if (count > 0 && (best === null || count > best.count)) best = { format, count };
  }
  return best?.format ?? null;
}

type Separator = '.' | ',';

/**
 * Decimal and thousands separators from sample numbers. "1.234,5" says both; "1,5" or
 * "12,50" says "," is decimal; "1.234.567" says "." groups thousands; "1,234" alone could
 * be either (a thousand, or 1.234), so it decides only what nothing else has.
 */
export function guessNumberFormat(samples: readonly string[]): NumberFormat | null {
  const decimalVotes = { '.': 0, ',': 0 };
  const thousandsVotes = { '.': 0, ',': 0, ' ': 0, "'": 0 };
  const ambiguous = { '.': 0, ',': 0 };
  let seen = 0;
  for (const raw of samples) {
    const cell = raw.trim().replace(/^[-+]|-$/g, '');
    if (!/^[\d.,' \u00a0\u202f\u2019]+$/.test(cell) || !/\d/.test(cell)) continue;
    seen++;
    if (/\d[ \u00a0\u202f]\d/.test(cell)) thousandsVotes[' ']++;
    if (/\d['\u2019]\d/.test(cell)) thousandsVotes["'"]++;
    const lastDot = cell.lastIndexOf('.');
    const lastComma = cell.lastIndexOf(',');
    if (lastDot >= 0 && lastComma >= 0) {
      const decimal: Separator = lastDot > lastComma ? '.' : ',';
      decimalVotes[decimal]++;
      thousandsVotes[decimal === '.' ? ',' : '.']++;
      continue;
    }
    const separator: Separator | null = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
    if (separator === null) continue;
    const occurrences = cell.split(separator).length - 1;
    if (occurrences > 1) thousandsVotes[separator]++;
    else if (/^\d{1,3}[.,]\d{3}$/.test(cell)) ambiguous[separator]++;
    else decimalVotes[separator]++;
  }
  if (seen === 0) return null;

  // Ambiguous samples alone leave the default ".": then "1.234" reads as written, not a thousand times larger.
  const decimalSeparator: Separator =
    decimalVotes[','] > decimalVotes['.'] || (decimalVotes['.'] === 0 && thousandsVotes['.'] > 0) ? ',' : '.';

  const candidates = (['.', ',', ' ', "'"] as const).filter((separator) => separator !== decimalSeparator);
  const voted = candidates.filter((separator) => thousandsVotes[separator] > 0).sort((a, b) => thousandsVotes[b] - thousandsVotes[a]);
  const thousandsSeparator =
    voted[0] ?? (decimalSeparator === '.' && ambiguous[','] > 0 ? ',' : decimalSeparator === ',' && ambiguous['.'] > 0 ? '.' : '');
  return { decimalSeparator, thousandsSeparator };
}
