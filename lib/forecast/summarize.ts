import type { Forecast, Gate, PoLineValue } from '@/lib/capacity';

/** What the dashboard knows about an item to name it in words: "cooling pipe (PIPE-DN100-M) at PHX1". */
export interface ItemInfo {
  name: string;
  site: string | null;
}
export type ItemNames = Record<string, ItemInfo>;

export interface ChartPoint {
  date: string;
  gpusOnline: number;
  /** The target in force on this date: the latest committed target on or before it (null before the first). */
  target: number | null;
  /** True on a committed target's own date (the chart marks it). */
  isTargetDate: boolean;
  bySite: Record<string, number>;
}

/** A gate with what the drill-down needs: its PO line (supplier, PO, line, promised date) when it is one. */
export interface GateSummary {
  key: string;
  label: string;
  kind: Gate['kind'];
  sku: string;
  supplier: string | null;
  poNumber: string | null;
  lineNo: number | null;
  promisedDate: string | null;
  /** GPUs whose arrival this gate held back, over the horizon (or the period, in `gatesByPeriod`). */
  gpus: number;
  weeks: string[];
}

export interface PeriodGates {
  /** '2027-03' (month) or '2027-W10' (week). */
  period: string;
  /** "March 2027" or "week of 2027-03-01". */
  label: string;
  /** GPUs brought online in the period's weeks. */
  gpusOnlined: number;
  /** Gates, biggest first; `share` is the gate's part of the GPUs gated in the period (0–1). */
  gates: (GateSummary & { share: number })[];
}

/** What each open PO line is worth: the engine's own type (`include=lineValues`), passed through as is. */
export type { PoLineValue } from '@/lib/capacity';

/** A PO line's promise history in brief: first promised, promised now, days slipped since (negative: pulled in). */
export interface PromiseSlip {
  firstPromisedDate: string;
  promisedDate: string;
  slipDays: number;
}

/** An open PO line due next, as "what the next deliveries unlock" lists it. */
export interface NextDelivery {
  supplier: string;
  poNumber: string;
  lineNo: number;
  sku: string;
  itemName: string;
  qty: string;
  promisedDate: string;
}

export interface HeadlinePoint {
  label: string;
  date: string;
  gpus: number | null;
}

export interface DashboardSummary {
  planStart: string;
  horizonDays: number;
  gpuDays: number;
  optimality: Forecast['optimality'];
  gpusAtEnd: number;
  endDate: string;
  today: HeadlinePoint;
  quarterEnd: HeadlinePoint;
  yearEnd: HeadlinePoint;
  sites: string[];
  chart: ChartPoint[];
  nextTarget: { date: string; target: number; forecast: number } | null;
  targets: { date: string; target: number; forecast: number | null; met: boolean | null; reachedOn: string | null }[];
  levels: { gpus: number; date: string | null }[];
  gates: GateSummary[];
  /** Week start (Monday) → the gates of that week, biggest first (the chart's tooltip). */
  weekGates: Record<string, { label: string; gpus: number }[]>;
  shortages: Forecast['shortages'];
  warnings: { kind: string; message: string }[];
  /** Present when the forecast carries the engine's line values. */
  poLineValues?: PoLineValue[];
}

/**
 * What the page's client half draws (the ramp, its summary and table, the what-if
 * deltas): a dashboard summary without the gates, shortages, warnings and line
 * values, which the server renders, so the browser gets only what it draws.
 */
export type ChartSummary = Pick<
  DashboardSummary,
  'planStart' | 'horizonDays' | 'gpuDays' | 'optimality' | 'gpusAtEnd' | 'endDate' | 'today' | 'sites' | 'chart' | 'targets' | 'levels' | 'weekGates'
>;

export function chartSummaryOf(d: ChartSummary): ChartSummary {
  const { planStart, horizonDays, gpuDays, optimality, gpusAtEnd, endDate, today, sites, chart, targets, levels, weekGates } = d;
  return { planStart, horizonDays, gpuDays, optimality, gpusAtEnd, endDate, today, sites, chart, targets, levels, weekGates };
}

/** The same for each what-if answered with the page, by label. */
export const chartSummariesOf = (byLabel: Record<string, ChartSummary>): Record<string, ChartSummary> =>
  Object.fromEntries(Object.entries(byLabel).map(([label, d]) => [label, chartSummaryOf(d)]));

function itemWords(sku: string, items: ItemNames): string {
  const info = items[sku];
  if (!info) return sku;
  return info.site && !info.name.includes(info.site) ? `${info.name} at ${info.site}` : info.name;
}

export function gateLabel(g: Gate, items: ItemNames = {}): string {
  switch (g.kind) {
    case 'poLine':
      return `${items[g.sku] ? `${itemWords(g.sku, items)}: ` : ''}${g.supplier} ${g.poNumber} line ${g.lineNo} (${g.sku}, promised ${g.promisedDate})`;
    case 'weeklyLimit':
      return `${items[g.sku] ? `${itemWords(g.sku, items)} (${g.sku})` : g.sku}: weekly build limit`;
    case 'onHand':
      return `${items[g.sku] ? `${itemWords(g.sku, items)} (${g.sku})` : g.sku}: stock on hand ran out`;
    case 'schedule':
      return g.heldFor.length > 0 ? `${g.sku}: parts held for ${g.heldFor.join(', ')}` : `${g.sku}: waited with its parts in hand`;
  }
}

function gateKeyOf(g: Gate): string {
  return g.kind === 'poLine' ? `po:${g.supplier}/${g.poNumber}/${g.lineNo}` : `${g.kind}:${g.sku}`;
}

function gateSummary(gate: Gate, items: ItemNames): GateSummary {
  const po = gate.kind === 'poLine' ? gate : null;
  return {
    key: gateKeyOf(gate),
    label: gateLabel(gate, items),
    kind: gate.kind,
    sku: gate.sku,
    supplier: po?.supplier ?? null,
    poNumber: po?.poNumber ?? null,
    lineNo: po?.lineNo ?? null,
    promisedDate: po?.promisedDate ?? null,
    gpus: 0,
    weeks: [],
  };
}

const byGpus = (a: GateSummary, b: GateSummary) => b.gpus - a.gpus || a.key.localeCompare(b.key);

/** Adds up gates over the given weeks, biggest first. */
function totalGates(weeks: Forecast['bottlenecks'], items: ItemNames): GateSummary[] {
  const gates = new Map<string, GateSummary>();
  for (const week of weeks) {
    for (const { gate, gpus } of week.gates) {
      const key = gateKeyOf(gate);
      let s = gates.get(key);
      if (!s) gates.set(key, (s = gateSummary(gate, items)));
      s.gpus += gpus;
      if (s.weeks[s.weeks.length - 1] !== week.week) s.weeks.push(week.week);
    }
  }
  return [...gates.values()].filter((g) => g.gpus > 0).sort(byGpus);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Gates per month (a week counts in the month its Monday falls in) or per ISO week,
 * with each gate's share of the GPUs gated in that period: "March 2027: cooling pipe
 * at PHX1 gates 1,280 GPUs (62 %)".
 */
export function gatesByPeriod(f: Pick<Forecast, 'bottlenecks'>, by: 'month' | 'week', items: ItemNames = {}): PeriodGates[] {
  const periods = new Map<string, Forecast['bottlenecks']>();
  for (const w of f.bottlenecks) {
    const key = by === 'month' ? w.weekStart.slice(0, 7) : w.week;
    let list = periods.get(key);
    if (!list) periods.set(key, (list = []));
    list.push(w);
  }
  return [...periods.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([period, weeks]) => {
      const gates = totalGates(weeks, items);
      const gated = gates.reduce((s, g) => s + g.gpus, 0);
      return {
        period,
        label: by === 'month' ? `${MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}` : `week of ${weeks[0]!.weekStart}`,
        gpusOnlined: weeks.reduce((s, w) => s + w.gpusOnlined, 0),
        gates: gates.map((g) => ({ ...g, share: gated > 0 ? g.gpus / gated : 0 })),
      };
    })
    .filter((p) => p.gates.length > 0);
}

/** The target in force on each date: the latest committed target on or before it (a step that holds until the next). */
export function targetSteps(dates: readonly string[], targets: readonly { date: string; gpus: number }[]): (number | null)[] {
  const sorted = [...targets].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let i = 0;
  let current: number | null = null;
  return dates.map((d) => {
    while (i < sorted.length && sorted[i]!.date <= d) current = sorted[i++]!.gpus;
    return current;
  });
}

/** Monday of the ISO week a date falls in ('YYYY-MM-DD'). */
export function weekStartOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

/** The last day of the calendar quarter and year a date falls in. */
export function quarterAndYearEnd(date: string): { quarterEnd: string; yearEnd: string } {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const qm = Math.ceil(m / 3) * 3;
  const last = new Date(Date.UTC(y, qm, 0)).getUTCDate();
  return { quarterEnd: `${y}-${String(qm).padStart(2, '0')}-${String(last).padStart(2, '0')}`, yearEnd: `${y}-12-31` };
}

/** Distils a forecast into what the executive dashboard shows: small and serialisable. */
export function summarizeForecast(f: Forecast, today: string, items: ItemNames = {}): DashboardSummary {
  const targetByDate = new Map(f.milestones.filter((m) => m.kind === 'target' && m.targetDate).map((m) => [m.targetDate!, m.gpusOnline]));
  const seriesByDate = new Map(f.series.map((p) => [p.date, p.gpusOnline]));
  const last = f.series[f.series.length - 1];
  const steps = targetSteps(
    f.series.map((p) => p.date),
    [...targetByDate.entries()].map(([date, gpus]) => ({ date, gpus })),
  );

  const gates = totalGates(f.bottlenecks, items);
  const weekGates: DashboardSummary['weekGates'] = {};
  for (const w of f.bottlenecks) {
    const top = totalGates([w], items).slice(0, 3);
    if (top.length > 0) weekGates[w.weekStart] = top.map((g) => ({ label: g.label, gpus: g.gpus }));
  }

  const targets = f.milestones
    .filter((m) => m.kind === 'target')
    .map((m) => ({
      date: m.targetDate!,
      target: m.gpusOnline,
      forecast: seriesByDate.get(m.targetDate!) ?? null,
      met: m.met,
      reachedOn: m.date,
    }));
  const next = targets.find((t) => t.date >= today && t.forecast !== null);
  // Before the plan starts, "today" reads as its first day.
  const asOf = today < f.planStart ? f.planStart : today;
  const { quarterEnd, yearEnd } = quarterAndYearEnd(asOf);
  const at = (label: string, date: string): HeadlinePoint => ({ label, date, gpus: seriesByDate.get(date) ?? null });

  return {
    planStart: f.planStart,
    horizonDays: f.horizonDays,
    gpuDays: f.gpuDays,
    optimality: f.optimality,
    gpusAtEnd: last?.gpusOnline ?? 0,
    endDate: last?.date ?? f.planStart,
    today: at('today', asOf),
    quarterEnd: at('at quarter end', quarterEnd),
    yearEnd: at('at year end', yearEnd),
    sites: [...new Set(f.series.flatMap((p) => Object.keys(p.bySite)))].sort(),
    chart: f.series.map((p, i) => ({ date: p.date, gpusOnline: p.gpusOnline, target: steps[i] ?? null, isTargetDate: targetByDate.has(p.date), bySite: p.bySite })),
    nextTarget: next ? { date: next.date, target: next.target, forecast: next.forecast! } : null,
    targets,
    levels: f.milestones.filter((m) => m.kind === 'level').map((m) => ({ gpus: m.gpusOnline, date: m.date })),
    gates,
    weekGates,
    shortages: f.shortages,
    warnings: f.warnings.map((w) => ({ kind: w.kind, message: w.message })),
    ...poLineValuesOf(f),
  };
}

/** The engine's line values when the forecast has them (a field added beside the stable ones). */
function poLineValuesOf(f: Forecast): { poLineValues?: PoLineValue[] } {
  return f.poLineValues ? { poLineValues: f.poLineValues } : {};
}

/** The lines with the most GPU-days at stake per week of slip, biggest first. */
export function topLineValues(values: readonly PoLineValue[], n = 10): PoLineValue[] {
  return [...values]
    .sort((a, b) => b.gpuDaysLostPerWeekSlip - a.gpuDaysLostPerWeekSlip || b.gpuDaysGainedPerWeekPullIn - a.gpuDaysGainedPerWeekPullIn || (a.promisedDate < b.promisedDate ? -1 : 1))
    .slice(0, n);
}
