// Calendar arithmetic on plain 'YYYY-MM-DD' strings in UTC, so the demo never
// depends on the seeding machine's time zone or daylight-saving shifts.

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses 'YYYY-MM-DD' strictly (rejects 2025-02-30) into a UTC day number. */
export function parseDay(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`expected a date as YYYY-MM-DD, got "${date}"`);
  const [, y, mo, d] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d));
  if (formatDay(ms / DAY_MS) !== date) throw new RangeError(`"${date}" is not a calendar date`);
  return ms / DAY_MS;
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  return formatDay(parseDay(date) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const dow = new Date(parseDay(date) * DAY_MS).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/** The Monday on or before `date`: a valid demo anchor for "this week". */
export function mondayOnOrBefore(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}
