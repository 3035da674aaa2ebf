/**
 * Calendar arithmetic on whole UTC days ("epoch days"), so no time zone or DST
 * can move a date. Day d of the plan is epoch day start + d.
 */
const MS_PER_DAY = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const parsed = new Map<string, number | null>();

/** Epoch day of a strict 'YYYY-MM-DD' date, or null. Cached: PO lines share few dates. */
export function parseDate(s: unknown): number | null {
  if (typeof s !== 'string') return null;
  const hit = parsed.get(s);
  if (hit !== undefined) return hit;
  const v = parseDateUncached(s);
  if (parsed.size > 100_000) parsed.clear();
  parsed.set(s, v);
  return v;
}

function parseDateUncached(s: string): number | null {
  const m = DATE_RE.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / MS_PER_DAY);
}

const formatted = new Map<number, string>();

/** 'YYYY-MM-DD' of an epoch day. Cached: a forecast formats the same few hundred days a million times. */
export function formatDate(epochDay: number): string {
  let s = formatted.get(epochDay);
  if (s === undefined) {
    s = new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
    if (formatted.size > 100_000) formatted.clear();
    formatted.set(epochDay, s);
  }
  return s;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(epochDay: number): number {
  return (((epochDay + 3) % 7) + 7) % 7;
}

/** Epoch day of the Monday starting the ISO week that contains `epochDay`. */
export function weekMonday(epochDay: number): number {
  return epochDay - isoWeekday(epochDay);
}

/** ISO week label such as '2026-W09': the week belongs to the year of its Thursday. */
export function isoWeekLabel(epochDay: number): string {
  const thursday = weekMonday(epochDay) + 3;
  const date = new Date(thursday * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const jan1 = Math.round(Date.UTC(year, 0, 1) / MS_PER_DAY);
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
